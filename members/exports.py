"""Open data: the directory's current results as CSV and GeoJSON, and the figures as CSV.

Only what the profiles show publicly goes out: never the contact person, never the contact
address that receives offers of help. Column names are stable codes (the same in both
languages, for scripts); the values are in the language of the address they came from.

The rows are built from plain values (``values_list``), three queries for any number of
initiatives: the initiatives, their themes and their open needs. No page object and no
template per row: at 10,000 initiatives a file costs a fraction of a second, not seconds.
The whole list of each language is built once and served as a stored file
(portal.exports); a list with filters is built for its request and streamed.
"""

import csv
import io
import json
from collections import defaultdict

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from portal.choices import Province
from portal.exports import Export, NothingToExport
from portal.i18n import active_locale
from portal.provenance import add_headers, provenance

from .models import KindMap, MemberIndexPage, MemberNeed, MemberPage, Need
from .themes import ThemeMap

COLUMNS = [
    "name",
    "url",
    "summary",
    "kind",
    "kind_code",
    "place",
    "province",
    "province_code",
    "themes",
    "theme_codes",
    "founded_year",
    "website",
    "public_email",
    "public_phone",
    "latitude",
    "longitude",
    "people_reached",
    "volunteers",
    "volunteer_hours_per_week",
    "open_needs",
    "open_need_codes",
    "first_published",
]
# What is read from each profile: public fields only (see the module's docstring); the API
# reads the same (members.api).
PUBLIC_FIELDS = (
    "intro",
    "kind_id",
    "place",
    "province",
    "founded_year",
    "website",
    "public_email",
    "public_phone",
    "latitude",
    "longitude",
    "people_reached",
    "volunteers",
    "volunteer_hours_per_week",
    "first_published_at",
)
FIELDS = ("pk", "title", "slug", *PUBLIC_FIELDS)
CHUNK = 2000
FLUSH_ROWS = 500


def themes_by_member(ids):
    """``{page id: [theme, ...]}`` in theme order and the active language: one query."""
    theme_map = ThemeMap().themes
    found = defaultdict(list)
    rows = MemberPage.themes.through.objects.filter(memberpage_id__in=ids).values_list(
        "memberpage_id", "theme__translation_key", "theme__name", "theme__slug", "theme__sort_order"
    )
    for page_id, key, name, slug, sort_order in rows:
        theme = theme_map.get(key)
        if theme is not None:
            name, slug, sort_order = theme.name, theme.slug, theme.sort_order
        found[page_id].append((sort_order, name, slug))
    return {page_id: sorted(themes) for page_id, themes in found.items()}


def open_needs_by_member(ids):
    """``{page id: [(code, label, description), ...]}`` of the needs not met yet: one query."""
    labels = {code: capfirst(str(label)) for code, label in Need.choices}
    found = defaultdict(list)
    rows = (
        MemberNeed.objects.filter(page_id__in=ids, is_met=False)
        .order_by("page_id", "sort_order")
        .values_list("page_id", "kind", "description")
    )
    for page_id, kind, description in rows:
        found[page_id].append((kind, labels.get(kind, kind), description))
    return found


def directory_urls(index, request=None):
    """``{locale id: full URL}`` of ``index`` and its translations: a directory lists an
    initiative not translated yet under its source language's address (members.network)."""
    return {
        page.locale_id: page.get_full_url(request)
        for page in index.get_translations(inclusive=True).live()
    }


def records(members, index_urls):
    """Each initiative's public fields as a dict in ``COLUMNS`` order (plain values);
    ``index_urls`` is ``directory_urls``, the address its profile is under per language."""
    ids = members.order_by().values("pk")
    themes, needs, kinds = themes_by_member(ids), open_needs_by_member(ids), KindMap()
    provinces = {code: str(label) for code, label in Province.choices}
    for row in members.values_list(*FIELDS, "locale_id").iterator(chunk_size=CHUNK):
        (pk, title, slug, intro, kind_id, place, province, founded, website, email, phone,
         latitude, longitude, reached, volunteers, hours, published, locale_id) = row  # fmt: skip
        kind = kinds.get(kind_id)
        member_themes = themes.get(pk, ())
        member_needs = needs.get(pk, ())
        yield {
            "name": title,
            "url": f"{index_urls.get(locale_id, '')}{slug}/",
            "summary": intro,
            "kind": kind.name if kind else "",
            "kind_code": kind.slug if kind else "",
            "place": place,
            "province": provinces.get(province, province),
            "province_code": province,
            "themes": "; ".join(theme[1] for theme in member_themes),
            "theme_codes": "; ".join(theme[2] for theme in member_themes),
            "founded_year": founded,
            "website": website,
            "public_email": email,
            "public_phone": phone,
            "latitude": float(latitude) if latitude is not None else None,
            "longitude": float(longitude) if longitude is not None else None,
            "people_reached": reached,
            "volunteers": volunteers,
            "volunteer_hours_per_week": hours,
            "open_needs": "; ".join(f"{label}: {text}" for _code, label, text in member_needs),
            "open_need_codes": "; ".join(code for code, _label, _text in member_needs),
            "first_published": published.date().isoformat() if published else "",
        }


def csv_chunks(members, index_urls):
    """The CSV as bytes, a few hundred rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for count, item in enumerate(records(members, index_urls), 1):
        writer.writerow(["" if value is None else value for value in item.values()])
        if count % FLUSH_ROWS == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def geojson_chunks(members, index_urls, meta):
    """A FeatureCollection; an initiative without coordinates has no geometry (RFC 7946
    allows it), so that the file holds exactly the directory's results. Licence, source and
    moment are foreign members of the collection (RFC 7946, section 6.1)."""
    head = json.dumps({"type": "FeatureCollection", **meta}, ensure_ascii=False)
    yield (head[:-1] + ',"features":[').encode()
    parts = []
    for count, item in enumerate(records(members, index_urls)):
        latitude, longitude = item.pop("latitude"), item.pop("longitude")
        geometry = None
        if latitude is not None and longitude is not None:
            geometry = {"type": "Point", "coordinates": [longitude, latitude]}
        feature = {"type": "Feature", "geometry": geometry, "properties": item}
        parts.append(("," if count else "") + json.dumps(feature, ensure_ascii=False))
        if len(parts) >= FLUSH_ROWS:
            yield "".join(parts).encode()
            parts = []
    parts.append("]}")
    yield "".join(parts).encode()


# -- the stored full lists (portal.exports) -------------------------------------------------


def language_directory():
    """The live directory of the active language, or NothingToExport."""
    index = MemberIndexPage.objects.live().filter(locale=active_locale()).order_by("path").first()
    if index is None:
        raise NothingToExport
    return index


def whole_directory(index):
    from .directory import Directory

    return Directory(form=None).results(index)


def _source():
    index = language_directory()
    url = index.get_full_url()
    return url, url + index.reverse_subpage("open_data").lstrip("/")


def _write_csv(out, meta):
    index = language_directory()
    for chunk in csv_chunks(whole_directory(index), directory_urls(index)):
        out.write(chunk)


def _write_geojson(out, meta):
    index = language_directory()
    for chunk in geojson_chunks(whole_directory(index), directory_urls(index), meta):
        out.write(chunk)


def stored_exports():
    return [
        Export(
            name="initiatives",
            extension="csv",
            content_type="text/csv; charset=utf-8",
            filename=lambda: _("initiatives"),
            source=_source,
            write=_write_csv,
        ),
        Export(
            name="initiatives",
            extension="geojson",
            content_type="application/geo+json; charset=utf-8",
            filename=lambda: _("initiatives"),
            source=_source,
            write=_write_geojson,
        ),
    ]


# -- a list with filters, built for its request -------------------------------------------


def _streamed(chunks, content_type, filename, meta):
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=60"
    return add_headers(response, meta)


def csv_response(members, index_urls, meta, filename):
    return _streamed(
        csv_chunks(members, index_urls), "text/csv; charset=utf-8", f"{filename}.csv", meta
    )


def geojson_response(members, index_urls, meta, filename):
    return _streamed(
        geojson_chunks(members, index_urls, meta),
        "application/geo+json; charset=utf-8",
        f"{filename}.geojson",
        meta,
    )


def figures_csv_response(figures, filename, meta=None):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "scope",
            "code",
            "name",
            "initiatives",
            "volunteers",
            "volunteer_hours_per_week",
            "people_reached",
        ]
    )
    total = figures["total"]
    writer.writerow(["total", "", _("The whole network"), *total.values()])
    for row in figures["provinces"]:
        writer.writerow(["province", row.code, row.name, *row.values()])
    for row in figures["themes"]:
        writer.writerow(["theme", row.code, row.name, *row.values()])
    return add_headers(response, meta or provenance())
