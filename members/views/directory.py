"""The directory, its open data and the network's figures."""

from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.content import remember_many
from portal.filters import not_for_caches, query_without
from portal.pagination import paginate

from .. import exports
from ..directory import PER_PAGE, Directory
from ..figures import network_figures
from ..models import KindMap, MemberPage
from ..themes import ThemeMap
from .common import base_context, read_only, subpage_context, subpage_url


def directory(index, request):
    if refused := read_only(request):
        return refused
    context = index.get_context(request)
    response = TemplateResponse(request, index.get_template(request), context)
    response.status_code = context["directory"].status
    if context["directory"].unknown:
        not_for_caches(response)
    return response


def annotate_cards(members):
    """Kind and themes in the visitor's language, without a query per initiative (and
    with one cache read for all of them)."""
    kinds, themes = KindMap(), ThemeMap()
    members = list(members)
    language = get_language()
    for member in members:
        member.kind_label = getattr(kinds.get(member.kind_id), "name", "")
        member.theme_list = themes.localize(member.themes.all())
        # Listed in its source language until it is translated (members.network).
        code = member.locale.language_code
        member.text_language = code if code != language else ""
    return members


def map_marker(member, request):
    if not member.has_location:
        return None
    return {
        "lat": float(member.latitude),
        "lng": float(member.longitude),
        "title": member.title,
        "url": member.get_url(request) or "",
        "text": member.place,
    }


def member_cards(ids, request):
    """Each initiative's card (HTML) and map marker, in the order of ``ids``.

    Remembered per initiative, language and content version (portal.content): a page of
    the directory reads only the ids of its results, and reads and renders in full only
    the initiatives whose card is not remembered yet, all in a few queries.
    """

    def build(missing):
        members = annotate_cards(
            MemberPage.objects.filter(pk__in=missing)
            .defer("body", "gallery", "search_text", "offers")
            .select_related("listing_image", "locale")
            .prefetch_related("themes", "listing_image__renditions")
        )
        return {
            member.pk: {
                "html": render_to_string("members/includes/card.html", {"member": member}, request),
                "marker": map_marker(member, request),
            }
            for member in members
        }

    found = remember_many("member-card", ids, get_language(), build=build)
    return [found[pk] for pk in ids if pk in found]


def directory_context(index, request):
    directory = Directory.from_request(request)
    results = paginate(
        request,
        directory.results(index).values_list("pk", flat=True),
        PER_PAGE,
        # A bad request lists nothing: not remembered, so it is never taken for the full list.
        remember_as=("members", index.pk) if directory.is_valid else None,
        filters=directory.values,
    )
    cards = member_cards(list(results.object_list), request)
    dropped = [unknown.name for unknown in directory.unknown]
    return {
        "directory": directory,
        # The address without the values left out, and for the downloads without the page.
        "clean_url": (index.get_url(request) or "") + query_without(request, dropped),
        "export_query": query_without(request, [*dropped, "page"]),
        "form": directory.form,
        "members": results,
        "cards": cards,
        "markers": [card["marker"] for card in cards if card["marker"]],
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
    if refused := read_only(request):
        return refused
    return exports.csv_response(_export_members(index, request), request, _("initiatives"))


def directory_geojson(index, request):
    if refused := read_only(request):
        return refused
    return exports.geojson_response(_export_members(index, request), request, _("initiatives"))


def figures(index, request):
    if refused := read_only(request):
        return refused
    context = base_context(index, request)
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
    if refused := read_only(request):
        return refused
    return exports.figures_csv_response(network_figures(), _("figures-initiatives"))
