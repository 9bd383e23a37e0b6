"""Open data: the directory's current results as CSV and GeoJSON, and the figures as CSV.

Only what the profiles show publicly goes out: never the contact person, never the contact
address that receives offers of help. Column names are stable codes (the same in both
languages, for scripts); the values are in the language of the address they came from.
"""

import csv
import json

from django.db.models import Prefetch
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import KindMap, MemberNeed
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
CHUNK = 1000


def with_related(members):
    # The story, the photos and the search column are large and not exported.
    return members.defer("body", "gallery", "search_text", "offers").prefetch_related(
        "themes",
        Prefetch(
            "needs",
            queryset=MemberNeed.objects.filter(is_met=False).order_by("sort_order"),
            to_attr="open_needs",
        ),
    )


def record(member, request, kinds, theme_map):
    """One initiative's public fields, in the active language."""
    kind = kinds.get(member.kind_id)
    themes = theme_map.localize(member.themes.all())
    needs = member.open_needs
    return {
        "name": member.title,
        "url": member.get_full_url(request),
        "summary": member.intro,
        "kind": kind.name if kind else "",
        "kind_code": kind.slug if kind else "",
        "place": member.place,
        "province": member.get_province_display(),
        "province_code": member.province,
        "themes": "; ".join(theme.name for theme in themes),
        "theme_codes": "; ".join(theme.slug for theme in themes),
        "founded_year": member.founded_year,
        "website": member.website,
        "public_email": member.public_email,
        "public_phone": member.public_phone,
        "latitude": float(member.latitude) if member.latitude is not None else None,
        "longitude": float(member.longitude) if member.longitude is not None else None,
        "people_reached": member.people_reached,
        "volunteers": member.volunteers,
        "volunteer_hours_per_week": member.volunteer_hours_per_week,
        "open_needs": "; ".join(
            f"{capfirst(need.get_kind_display())}: {need.description}" for need in needs
        ),
        "open_need_codes": "; ".join(need.kind for need in needs),
        "first_published": (
            member.first_published_at.date().isoformat() if member.first_published_at else ""
        ),
    }


def records(members, request):
    kinds, themes = KindMap(), ThemeMap()
    for member in with_related(members).iterator(chunk_size=CHUNK):
        yield record(member, request, kinds, themes)


class _Echo:
    def write(self, value):
        return value


def csv_response(members, request, filename):
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(COLUMNS)
        for item in records(members, request):
            yield writer.writerow(["" if item[c] is None else item[c] for c in COLUMNS])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def geojson_response(members, request, filename):
    """A FeatureCollection; an initiative without coordinates has no geometry (RFC 7946
    allows it), so that the file holds exactly the directory's results."""
    features = []
    for item in records(members, request):
        latitude, longitude = item.pop("latitude"), item.pop("longitude")
        geometry = None
        if latitude is not None and longitude is not None:
            geometry = {"type": "Point", "coordinates": [longitude, latitude]}
        features.append({"type": "Feature", "geometry": geometry, "properties": item})
    response = HttpResponse(
        json.dumps(
            {"type": "FeatureCollection", "features": features},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        content_type="application/geo+json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.geojson"'
    return response


def figures_csv_response(figures, filename):
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
    return response
