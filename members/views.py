"""What the directory's and the profiles' addresses answer; their pages' routes call these.

Public forms here act for nobody (see portal/routing.py): no session, no ``request.user``.
"""

import json
from http import HTTPMethod

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Locale

from portal.content import versioned_key
from portal.i18n import localize_themes
from portal.mail import queue_mail, staff_addresses
from portal.pagination import paginate
from portal.ratelimit import hit
from portal.submissions import reference_from_thanks_token, store_once, thanks_token

from . import exports, registration
from .directory import PER_PAGE, Directory
from .figures import network_figures
from .forms import HelpOfferForm, RegistrationForm
from .models import HelpOffer, KindMap, MemberNeed, MemberPage, Registration, localize_kind
from .themes import ThemeMap

READ_METHODS = (HTTPMethod.GET, HTTPMethod.HEAD)
TEASERS = 3
# What json_script escapes: inside a <script> element these could end it or open a comment.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _read_only(request):
    if request.method not in READ_METHODS:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return None


def subpage_url(page, request, name):
    # A page being previewed before its first save has no address yet.
    return (page.get_url(request) or "") + page.reverse_subpage(name).lstrip("/")


def see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def ld_json(data):
    """JSON for a <script type="application/ld+json"> block: a data block, not a script,
    so a Content Security Policy without 'unsafe-inline' allows it."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))  # noqa: S308


def subpage_context(page, request, route):
    """Canonical address and language links of a sub-address (see portal_tags)."""
    return {
        "subpage_route": route,
        "canonical_url": subpage_url(page, request, route),
    }


# The directory ---------------------------------------------------------------------------


def directory(index, request):
    if refused := _read_only(request):
        return refused
    context = index.get_context(request)
    response = TemplateResponse(request, index.get_template(request), context)
    response.status_code = context["directory"].status
    return response


def annotate_cards(members):
    """Kind and themes in the visitor's language, without a query per initiative (and
    with one cache read for all of them)."""
    kinds, themes = KindMap(), ThemeMap()
    for member in members:
        member.kind_label = getattr(kinds.get(member.kind_id), "name", "")
        member.theme_list = themes.localize(member.themes.all())
    return members


def map_markers(members, request):
    return [
        {
            "lat": float(member.latitude),
            "lng": float(member.longitude),
            "title": member.title,
            "url": member.get_url(request) or "",
            "text": member.place,
        }
        for member in members
        if member.has_location
    ]


def directory_context(index, request):
    directory = Directory.from_request(request)
    members = (
        directory.results(index)
        .defer("body", "gallery", "search_text", "offers")
        .select_related("listing_image")
        .prefetch_related(
            "themes",
            "listing_image__renditions",
            Prefetch(
                "needs",
                queryset=MemberNeed.objects.filter(is_met=False).order_by("sort_order"),
                to_attr="open_needs",
            ),
        )
    )
    results = paginate(request, members, PER_PAGE)
    annotate_cards(results.object_list)
    return {
        "directory": directory,
        "form": directory.form,
        "members": results,
        "markers": map_markers(results.object_list, request),
        "csv_url": subpage_url(index, request, "csv"),
        "geojson_url": subpage_url(index, request, "geojson"),
        "figures_url": subpage_url(index, request, "figures"),
        "register_url": subpage_url(index, request, "register"),
    }


def _export_members(index, request):
    directory = Directory.from_request(request)
    if not directory.is_valid:
        raise Http404(_("This list has no such filter."))
    return directory.results(index)


def directory_csv(index, request):
    if refused := _read_only(request):
        return refused
    return exports.csv_response(_export_members(index, request), request, _("initiatives"))


def directory_geojson(index, request):
    if refused := _read_only(request):
        return refused
    return exports.geojson_response(_export_members(index, request), request, _("initiatives"))


def figures(index, request):
    if refused := _read_only(request):
        return refused
    context = _base_context(index, request)
    context.update(subpage_context(index, request, "figures"))
    context.update(
        {
            "figures": network_figures(),
            "figures_csv_url": subpage_url(index, request, "figures_csv"),
            "directory_url": index.get_url(request),
        }
    )
    return TemplateResponse(request, "members/figures.html", context)


def figures_csv(index, request):
    if refused := _read_only(request):
        return refused
    return exports.figures_csv_response(network_figures(), _("figures-initiatives"))


def _base_context(page, request):
    """The context every page gets (BasePage), without the directory's own listing."""
    from portal.models import BasePage

    return BasePage.get_context(page, request)


# Registering an initiative ---------------------------------------------------------------


def register(index, request):
    context = _base_context(index, request)
    context.update(subpage_context(index, request, "register"))
    status = 200
    if request.method == HTTPMethod.POST:
        form = RegistrationForm(data=request.POST)
        thanks = subpage_url(index, request, "register_thanks")
        if form.is_spam:
            return see_other(thanks)
        if form.is_valid():
            if not hit(request, "members-register"):
                context["rate_limited"] = True
                status = 429
            else:
                stored, _new = store_once(
                    Registration,
                    form,
                    build=lambda: build_registration(form),
                    after=lambda instance: after_registration(index, form, instance),
                )
                return see_other(f"{thanks}?t={thanks_token(stored)}")
    elif request.method in READ_METHODS:
        form = RegistrationForm()
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context["form"] = form
    return TemplateResponse(request, "members/register.html", context, status=status)


def build_registration(form):
    data = form.cleaned_data
    return Registration(
        language=translation.get_language(),
        initiative_name=data["initiative_name"],
        kind=form.chosen_kind(),
        place=data["place"],
        province=data["province"],
        description=data["description"],
        website=data["web_address"],
        public_email=data["public_email"],
        name=data["name"],
        email=data["email"],
    )


def after_registration(index, form, instance):
    themes = form.chosen_themes()
    instance.themes.set(themes)
    page, _revision = registration.create_draft(index, instance, form.chosen_kind(), themes)
    instance.page = page
    instance.save(update_fields=["page"])
    registration.notify_received(instance, page)


def register_thanks(index, request):
    if refused := _read_only(request):
        return refused
    context = _base_context(index, request)
    context.update(subpage_context(index, request, "register_thanks"))
    reference = reference_from_thanks_token(request.GET.get("t", ""))
    context["registration"] = (
        Registration.objects.filter(reference=reference).first() if reference else None
    )
    context["directory_url"] = index.get_url(request)
    return TemplateResponse(request, "members/register_thanks.html", context)


# A profile -------------------------------------------------------------------------------


def member_context(page, request):
    needs = list(page.needs.all())
    kind = localize_kind(page.kind_id)
    context = {
        "kind": kind,
        "themes": localize_themes(page.themes.all()),
        "tags": list(page.tags.all()),
        "needs": needs,
        "open_needs": [need for need in needs if not need.is_met],
        "markers": map_markers([page], request),
        "teasers": teasers_html(page, request),
        "sections": [
            section
            for hook in hooks.get_hooks("members_profile_sections")
            if (section := hook(request, page))
        ],
    }
    if context["open_needs"]:
        context["help_url"] = subpage_url(page, request, "help")
    context["json_ld"] = ld_json(organisation_ld(page, request, kind))
    return context


def organisation_ld(page, request, kind):
    """schema.org Organization: only what the profile shows publicly."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": page.title,
        "description": page.intro,
        "url": page.website or page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": page.place,
            "addressRegion": page.get_province_display(),
            "addressCountry": "NL",
        },
    }
    if kind:
        data["additionalType"] = kind.name
    if page.founded_year:
        data["foundingDate"] = str(page.founded_year)
    if page.public_email:
        data["email"] = page.public_email
    if page.public_phone:
        data["telephone"] = page.public_phone
    if page.website:
        data["sameAs"] = [page.website]
    if page.has_location:
        data["location"] = {
            "@type": "Place",
            "address": data["address"],
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(page.latitude),
                "longitude": float(page.longitude),
            },
        }
    return data


def teasers_html(page, request):
    """ "More initiatives" at the foot of a profile: rendered once per content version.

    Those sharing a theme with this one come first, then the newest.
    """
    if page.pk is None:  # a preview before the first save
        return ""
    language = translation.get_language()
    key = versioned_key("member-teasers", page.pk, language)
    html = cache.get(key)
    if html is None:
        shared_theme = MemberPage.themes.through.objects.filter(
            memberpage_id=OuterRef("pk"),
            theme_id__in=MemberPage.themes.through.objects.filter(memberpage_id=page.pk).values(
                "theme_id"
            ),
        )
        others = list(
            MemberPage.objects.sibling_of(page, inclusive=False)
            .visible()
            .annotate(shares_theme=Exists(shared_theme))
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("-shares_theme", "-first_published_at", "pk")[:TEASERS]
        )
        html = render_to_string(
            "members/includes/teasers.html", {"members": others}, request=request
        )
        cache.set(key, html, timeout=None)
    return mark_safe(html)  # noqa: S308 - our own template's output


# "I can help" ----------------------------------------------------------------------------


def offer_help(page, request):
    open_needs = [need for need in page.needs.all() if not need.is_met]
    if not open_needs:
        raise Http404(_("This initiative asks for nothing at the moment."))
    context = _base_context(page, request)
    context.update(subpage_context(page, request, "help"))
    status = 200
    if request.method == HTTPMethod.POST:
        form = HelpOfferForm(data=request.POST, needs=open_needs)
        thanks = subpage_url(page, request, "help_thanks")
        if form.is_spam:
            return see_other(thanks)
        if form.is_valid():
            if not hit(request, "members-help"):
                context["rate_limited"] = True
                status = 429
            else:
                need = next(n for n in open_needs if n.pk == form.cleaned_data["need"])
                stored, _new = store_once(
                    HelpOffer,
                    form,
                    build=lambda: build_offer(page, need, form),
                    after=lambda offer: relay_offer(page, offer, request),
                )
                return see_other(f"{thanks}?t={thanks_token(stored)}")
    elif request.method in READ_METHODS:
        chosen = request.GET.get("need", "")
        initial = {"need": int(chosen)} if chosen.isdigit() else {}
        form = HelpOfferForm(needs=open_needs, initial=initial)
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context.update({"form": form, "open_needs": open_needs, "profile_url": page.get_url(request)})
    return TemplateResponse(request, "members/offer_help.html", context, status=status)


def build_offer(page, need, form):
    data = form.cleaned_data
    return HelpOffer(
        language=translation.get_language(),
        page=page,
        need=need,
        initiative_name=page.title,
        need_kind=need.kind,
        need_description=need.description,
        name=data["name"],
        email=data["email"],
        message=data["message"],
        relayed_to=(
            HelpOffer.Recipient.INITIATIVE if page.contact_email else HelpOffer.Recipient.STAFF
        ),
    )


def contact_language(page):
    """The initiative's own language: Dutch, unless its profile exists only in English."""
    default = settings.LANGUAGE_CODE
    if page.locale.language_code == default or page.has_translation(
        Locale.objects.get(language_code=default)
    ):
        return default
    return page.locale.language_code


def relay_offer(page, offer, request):
    """The message to the initiative (its address never leaves the server), a copy to the
    helper; both queued after the commit, so a mail outage loses nothing."""
    context = {"offer": offer, "initiative": page.title, "profile_url": page.get_full_url(request)}
    if offer.relayed_to == HelpOffer.Recipient.INITIATIVE:
        recipients = [page.contact_email]
    else:
        recipients = staff_addresses("members.view_helpoffer")
    queue_mail(
        to=recipients,
        template="members/mail/help_offer",
        context=context,
        language=contact_language(page),
        reply_to=[offer.email],
    )
    queue_mail(
        to=offer.email,
        template="members/mail/help_offer_copy",
        context=context,
        language=offer.language,
    )


def offer_help_thanks(page, request):
    if refused := _read_only(request):
        return refused
    context = _base_context(page, request)
    context.update(subpage_context(page, request, "help_thanks"))
    reference = reference_from_thanks_token(request.GET.get("t", ""))
    context["offer"] = HelpOffer.objects.filter(reference=reference).first() if reference else None
    context["profile_url"] = page.get_url(request)
    return TemplateResponse(request, "members/offer_help_thanks.html", context)
