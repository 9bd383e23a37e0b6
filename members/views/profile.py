"""A profile: its context, its JSON-LD and "more of our members"."""

from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail import hooks

from portal.content import remember
from portal.i18n import localize_themes

from ..models import MemberPage, localize_kind
from .common import ld_json, subpage_url
from .directory import map_marker

TEASERS = 3


def member_context(page, request):
    """What the profile shows beside the page's own fields: remembered per initiative,
    language and host (the JSON-LD's addresses) under the content version; a preview builds
    it from the draft."""
    return remember(
        "member-context",
        page.pk,
        translation.get_language(),
        request.get_host(),
        build=lambda: build_member_context(page, request),
        fresh=not page.pk or getattr(request, "is_preview", False),
    )


def build_member_context(page, request):
    needs = list(page.needs.all())
    kind = localize_kind(page.kind_id)
    context = {
        "kind": kind,
        "themes": localize_themes(page.themes.all()),
        "tags": list(page.tags.all()),
        "needs": needs,
        "open_needs": [need for need in needs if not need.is_met],
        "markers": [marker] if (marker := map_marker(page, request)) else [],
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

    def build():
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
        return render_to_string(
            "members/includes/teasers.html", {"members": others}, request=request
        )

    html = remember("member-teasers", page.pk, language, build=build)
    return mark_safe(html)  # noqa: S308 - our own template's output
