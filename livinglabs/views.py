"""The programme and a lab's case: their context, the lab's calendar and its JSON-LD.

Both pages cost the same number of queries however many labs, partners, business cases,
figures and milestones there are: one query per kind of thing, pages linked from the case
localised in one query, related stories and the programme's figures from the cache.
"""

import datetime

from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from members.themes import ThemeMap
from members.views.common import ld_json, read_only, subpage_url
from portal.content import remember, remember_many
from portal.filters import query_without
from portal.i18n import active_locale, localize_pages, localize_themes
from portal.ical import calendar, day, escape, host_of, utc
from portal.pagination import paginate
from portal.related import related_stories

from .models import ENOLL_ELEMENTS, LivingLabPage
from .programme import Programme, programme_figures

PER_PAGE = 12
MAP_LIMIT = 500
# Heavy columns a card never shows.
CARD_DEFERRED = (
    "body",
    "gallery",
    "results",
    "question",
    *(name for name, _label in ENOLL_ELEMENTS),
)


def lab_markers(labs, request):
    return [
        {
            "lat": float(lab.latitude),
            "lng": float(lab.longitude),
            "title": lab.title,
            "url": lab.get_url(request) or "",
            "text": f"{capfirst(lab.get_phase_display())}, {lab.place}",
        }
        for lab in labs
        if lab.has_location
    ]


def lab_cards(ids, request):
    """Each lab's card (HTML), in the order of ``ids``: remembered per lab, language and
    content version (portal.content), so a page of the programme reads only the ids of its
    labs once their cards are known."""

    def build(missing):
        labs = list(
            LivingLabPage.objects.filter(pk__in=missing)
            .defer(*CARD_DEFERRED)
            .select_related("listing_image")
            .prefetch_related("themes", "listing_image__renditions")
        )
        themes = ThemeMap()
        for lab in labs:
            lab.theme_list = themes.localize(lab.themes.all())
        return {
            lab.pk: render_to_string("livinglabs/includes/card.html", {"lab": lab}, request)
            for lab in labs
        }

    found = remember_many("lab-card", ids, translation.get_language(), build=build)
    return [found[pk] for pk in ids if pk in found]


def programme_markers(index, programme, results, request):
    """Every lab that matches and gave its location, not only this page of the list;
    remembered per filter, language and content version."""

    def build():
        located = results.filter(latitude__isnull=False, longitude__isnull=False)
        return lab_markers(located.defer(*CARD_DEFERRED)[:MAP_LIMIT], request)

    filters = "&".join(f"{name}={value or ''}" for name, value in sorted(programme.values.items()))
    return remember("lab-markers", index.pk, translation.get_language(), filters, build=build)


def programme_context(index, request):
    programme = Programme.from_request(request)
    results = programme.results(index)
    labs = paginate(
        request,
        results.values_list("pk", flat=True),
        PER_PAGE,
        remember_as=("labs", index.pk),
        filters=programme.values,
    )
    return {
        "programme": programme,
        "clean_url": (index.get_url(request) or "")
        + query_without(request, [unknown.name for unknown in programme.unknown]),
        "form": programme.form,
        "labs": labs,
        "cards": lab_cards(list(labs.object_list), request),
        "markers": programme_markers(index, programme, results, request)
        if labs.paginator.count
        else [],
        "figures": programme_figures(index),
    }


def lab_context(page, request):
    """What the case page shows beside the page's own fields: remembered per lab, language,
    day (the next milestone) and host (the JSON-LD's addresses) under the content version;
    a preview builds it from the draft."""
    return remember(
        "lab-context",
        page.pk,
        translation.get_language(),
        timezone.localdate().isoformat(),
        request.get_host(),
        build=lambda: build_lab_context(page, request),
        fresh=not page.pk or getattr(request, "is_preview", False),
    )


def build_lab_context(page, request):
    partners = list(page.partners.select_related("member").order_by("sort_order"))
    cases = list(page.business_cases.select_related("link_page").order_by("sort_order"))
    # Partners' profiles and the business cases' pages in the visitor's language: one query.
    linked = [partner.member for partner in partners] + [case.link_page for case in cases]
    localized = iter(localize_pages(linked, active_locale()))
    for partner in partners:
        target = next(localized)
        # An initiative's profile that is not live any more keeps its name, without a link.
        partner.link = target if target is not None and target.live else None
        partner.label = target.title if target is not None else partner.name
    for case in cases:
        target = next(localized)
        case.link = target if target is not None and target.live else None
    milestones = sorted(page.milestones.all(), key=lambda milestone: milestone.date)
    themes = localize_themes(page.themes.all())
    prefetch_gallery_renditions(page)
    elements = [
        (label, getattr(page, name)) for name, label in ENOLL_ELEMENTS if getattr(page, name)
    ]
    today = timezone.localdate()
    next_milestone = next((m for m in milestones if m.date >= today), None)
    # Past, next or still to come: the timeline shows each state in words and shape.
    for milestone in milestones:
        if milestone is next_milestone:
            milestone.state = "next"
        elif milestone.date < today:
            milestone.state = "past"
        else:
            milestone.state = "future"
    context = {
        "themes": themes,
        "partners": [partner for partner in partners if partner.label],
        "business_cases": cases,
        "lab_figures": list(page.figures.order_by("sort_order")),
        "milestones": milestones,
        "next_milestone": next_milestone,
        "elements": elements,
        "markers": lab_markers([page], request),
        "stories": stories_html(page, themes, request),
        "calendar_url": subpage_url(page, request, "calendar") if milestones else "",
    }
    context["json_ld"] = ld_json(project_ld(page, request, context))
    return context


def prefetch_gallery_renditions(page):
    """The photos' renditions in one query, not one per photo (when the cache is cold)."""
    images = [block.value["image"] for block in page.gallery if block.value["image"]]
    prefetch_related_objects(images, "renditions")


def stories_html(page, themes, request):
    """Related stories, rendered once per content version (previews build them afresh)."""
    if page.pk is None:
        return ""

    def build():
        # Stories may name the lab in either language (tags are shared by both).
        names = set(
            LivingLabPage.objects.filter(translation_key=page.translation_key).values_list(
                "title", flat=True
            )
        ) | {page.title}
        stories = related_stories(page.locale, [theme.slug for theme in themes], sorted(names))
        return render_to_string(
            "livinglabs/includes/related_stories.html", {"stories": stories}, request=request
        )

    preview = getattr(request, "is_preview", False)
    html = remember("lab-stories", page.pk, translation.get_language(), build=build, fresh=preview)
    return mark_safe(html)  # noqa: S308 - our own template's output


def project_ld(page, request, context):
    """schema.org Project: what the case page shows, for search engines."""
    url = page.get_full_url(request)
    place = {
        "@type": "Place",
        "name": page.place,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": page.place,
            "addressRegion": page.get_province_display(),
            "addressCountry": "NL",
        },
    }
    if page.has_location:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": translation.get_language(),
        "foundingDate": page.start_date.isoformat(),
        "location": place,
    }
    if page.end_date:
        data["dissolutionDate"] = page.end_date.isoformat()
    if context["themes"]:
        data["keywords"] = ", ".join(theme.name for theme in context["themes"])
    members = []
    for partner in context["partners"]:
        member = {"@type": "Organization", "name": partner.label}
        if partner.link:
            member["url"] = request.build_absolute_uri(partner.link.get_url(request))
        elif partner.website:
            member["url"] = partner.website
        members.append(member)
    if members:
        data["member"] = members
    if context["milestones"]:
        data["event"] = [
            {
                "@type": "Event",
                "name": milestone.title,
                "startDate": milestone.date.isoformat(),
                "location": place,
                **({"description": milestone.description} if milestone.description else {}),
            }
            for milestone in context["milestones"]
        ]
    if page.contact_email or page.contact_phone:
        contact = {"@type": "ContactPoint", "contactType": _("Contact")}
        if page.contact_name:
            contact["name"] = page.contact_name
        if page.contact_email:
            contact["email"] = page.contact_email
        if page.contact_phone:
            contact["telephone"] = page.contact_phone
        data["contactPoint"] = contact
    return data


def milestones_calendar(page, request):
    """The lab's milestones as all-day events in an iCalendar file."""
    if refused := read_only(request):
        return refused
    url = page.get_full_url(request)
    host = host_of(request)
    stamp = utc(timezone.now())
    events = []
    for milestone in sorted(page.milestones.all(), key=lambda milestone: milestone.date):
        description = "\n\n".join(part for part in (milestone.description, url) if part)
        events.append(
            [
                f"UID:lab-{page.translation_key}-{milestone.translation_key}@{host}",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{day(milestone.date)}",
                f"DTEND;VALUE=DATE:{day(milestone.date + datetime.timedelta(days=1))}",
                f"SUMMARY:{escape(f'{milestone.title} ({page.title})')}",
                f"DESCRIPTION:{escape(description)}",
                f"LOCATION:{escape(page.place)}",
                f"URL:{url}",
                "TRANSP:TRANSPARENT",
            ]
        )
    name = _("Milestones: %(title)s") % {"title": page.title}
    response = HttpResponse(
        calendar(events, "Living labs", name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.ics"'
    return response
