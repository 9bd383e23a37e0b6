"""The directory, its open data and the network's figures."""

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal import exports as stored
from portal import ratelimit
from portal.content import remember_many
from portal.filters import not_for_caches, query_without
from portal.pagination import paginate
from portal.provenance import licence, provenance

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
        "open_data_url": subpage_url(index, request, "open_data"),
        "register_url": subpage_url(index, request, "register"),
    }


def too_many_requests(seconds):
    response = HttpResponse(
        _("Too many requests from your address. Please try again in %(seconds)s seconds.")
        % {"seconds": seconds},
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(seconds)
    return response


def open_data(index, request, extension):
    """The directory's results as a file: the whole list of the language from the stored
    file (portal.exports), a list with filters built now and streamed (members.exports)."""
    if refused := read_only(request):
        return refused
    directory = Directory.from_request(request)
    # A file is not a page with a message: a filter it does not know must not quietly give
    # a larger data set than asked for.
    if not directory.is_valid or directory.unknown:
        raise Http404(_("This list has no such filter."))
    whole = not directory.is_filtered and directory.sort == "name"
    if wait := ratelimit.take(request, "download" if whole else "query"):
        return too_many_requests(wait)
    if whole:
        export = stored.registered()[f"initiatives.{extension}"]
        return stored.serve(request, export, index.locale.language_code)
    index_urls = exports.directory_urls(index, request)
    meta = provenance(
        request.build_absolute_uri(), about_url=subpage_full_url(index, request, "open_data")
    )
    build = exports.csv_response if extension == "csv" else exports.geojson_response
    return build(directory.results(index), index_urls, meta, _("initiatives"))


def subpage_full_url(index, request, name):
    return index.get_full_url(request) + index.reverse_subpage(name).lstrip("/")


def directory_csv(index, request):
    return open_data(index, request, "csv")


def directory_geojson(index, request):
    return open_data(index, request, "geojson")


def open_data_page(index, request):
    """What the open data holds, field by field, with its licence and the API."""
    if refused := read_only(request):
        return refused
    context = base_context(index, request)
    context.update(subpage_context(index, request, "open_data"))
    context.update(
        {
            "csv_url": subpage_url(index, request, "csv"),
            "geojson_url": subpage_url(index, request, "geojson"),
            "figures_csv_url": subpage_url(index, request, "figures_csv"),
            "directory_url": index.get_url(request),
            "licence": licence(),
            "api_url": f"/api/v1/{index.locale.language_code}/",
            "schema_url": "/api/v1/schema/",
        }
    )
    return TemplateResponse(request, "members/open_data.html", context)


def figures(index, request):
    if refused := read_only(request):
        return refused
    context = base_context(index, request)
    context.update(subpage_context(index, request, "figures"))
    context.update(
        {
            "figures": network_figures(),
            "figures_csv_url": subpage_url(index, request, "figures_csv"),
            "open_data_url": subpage_url(index, request, "open_data"),
            "directory_url": index.get_url(request),
        }
    )
    return TemplateResponse(request, "members/figures.html", context)


def figures_csv(index, request):
    if refused := read_only(request):
        return refused
    if wait := ratelimit.take(request, "download"):
        return too_many_requests(wait)
    meta = provenance(
        subpage_full_url(index, request, "figures"),
        about_url=subpage_full_url(index, request, "open_data"),
    )
    return exports.figures_csv_response(network_figures(), _("figures-initiatives"), meta)
