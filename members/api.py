"""The directory in the open-data API (portal.api): initiatives and the network's figures.

The same public fields as the files (members.exports), never the contact person or the
address that receives offers of help. One page is four queries whatever its size: the
page of rows (plain values), their themes, their open needs (members.exports) and nothing
per item; kinds and themes come from the cache.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from portal.api import (
    ERRORS,
    CodeName,
    LocationSerializer,
    MetaSerializer,
    OpenDataList,
    OpenDataView,
    filter_parameter,
    language_parameter,
    meta,
    page_url,
    themes_of,
)
from portal.choices import Province
from portal.i18n import active_locale

from .directory import DirectoryForm
from .exports import PUBLIC_FIELDS, open_needs_by_member
from .figures import network_figures
from .models import KindMap, MemberPage, Need
from .themes import ThemeMap

FIELDS = ("id", "title", "url_path", *PUBLIC_FIELDS)


class NeedSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=Need.choices)
    name = serializers.CharField()
    description = serializers.CharField()


class InitiativeFiguresSerializer(serializers.Serializer):
    people_reached = serializers.IntegerField(allow_null=True)
    volunteers = serializers.IntegerField(allow_null=True)
    volunteer_hours_per_week = serializers.IntegerField(allow_null=True)


class InitiativeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.URLField(help_text="The profile on the site.")
    summary = serializers.CharField()
    kind = CodeName(allow_null=True)
    place = serializers.CharField()
    province = CodeName()
    themes = CodeName(many=True)
    needs = NeedSerializer(many=True, help_text="What it is looking for and has not found yet.")
    figures = InitiativeFiguresSerializer()
    founded_year = serializers.IntegerField(allow_null=True)
    website = serializers.CharField(help_text="Its public website; may be empty.")
    public_email = serializers.CharField(help_text="Its own public address; may be empty.")
    public_phone = serializers.CharField()
    location = LocationSerializer(allow_null=True, help_text="WGS 84.")
    first_published = serializers.DateField(allow_null=True)


DIRECTORY_FILTERS = [
    filter_parameter("theme", "A theme's code, such as energie."),
    filter_parameter("kind", "A kind of organisation's code, such as cooperatie."),
    filter_parameter("province", "A province's code.", enum=list(Province.values)),
    filter_parameter("need", "What they are looking for.", enum=list(Need.values)),
    filter_parameter(
        "q", "Search by name or text (at most 100 characters).", pattern=r"^[\w ]{1,100}$"
    ),
]


@extend_schema(
    summary="Initiatives of the directory",
    parameters=[language_parameter(), *DIRECTORY_FILTERS],
    responses={200: InitiativeSerializer(many=True), **ERRORS},
)
class InitiativeList(OpenDataList):
    serializer_class = InitiativeSerializer
    filter_form = DirectoryForm

    def rows(self, language, filters):
        from .directory import Directory

        members = MemberPage.objects.visible().filter(locale=active_locale())
        return Directory(form=None, values=filters).filter(members).values(*FIELDS)

    def present(self, rows, language):
        ids = [row["id"] for row in rows]
        theme_rows = {}
        for page_id, *theme in MemberPage.themes.through.objects.filter(
            memberpage_id__in=ids
        ).values_list(
            "memberpage_id",
            "theme__translation_key",
            "theme__name",
            "theme__slug",
            "theme__sort_order",
        ):
            theme_rows.setdefault(page_id, []).append(theme)
        needs = open_needs_by_member(ids)
        kinds, themes = KindMap(), ThemeMap().themes
        provinces = dict(Province.choices)
        items = []
        for row in rows:
            kind = kinds.get(row["kind_id"])
            located = row["latitude"] is not None and row["longitude"] is not None
            published = row["first_published_at"]
            items.append(
                {
                    "id": row["id"],
                    "name": row["title"],
                    "url": page_url(row["url_path"], language),
                    "summary": row["intro"],
                    "kind": {"code": kind.slug, "name": kind.name} if kind else None,
                    "place": row["place"],
                    "province": {
                        "code": row["province"],
                        "name": str(provinces.get(row["province"], row["province"])),
                    },
                    "themes": themes_of(theme_rows.get(row["id"], ()), themes),
                    "needs": [
                        {"code": code, "name": label, "description": text}
                        for code, label, text in needs.get(row["id"], ())
                    ],
                    "figures": {
                        "people_reached": row["people_reached"],
                        "volunteers": row["volunteers"],
                        "volunteer_hours_per_week": row["volunteer_hours_per_week"],
                    },
                    "founded_year": row["founded_year"],
                    "website": row["website"],
                    "public_email": row["public_email"],
                    "public_phone": row["public_phone"],
                    "location": {
                        "latitude": float(row["latitude"]),
                        "longitude": float(row["longitude"]),
                    }
                    if located
                    else None,
                    "first_published": published.date().isoformat() if published else None,
                }
            )
        return items


class FigureRowSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    initiatives = serializers.IntegerField()
    volunteers = serializers.IntegerField()
    volunteer_hours_per_week = serializers.IntegerField()
    people_reached = serializers.IntegerField()


class NetworkFiguresSerializer(serializers.Serializer):
    meta = MetaSerializer()
    total = FigureRowSerializer()
    provinces = FigureRowSerializer(many=True)
    themes = FigureRowSerializer(many=True)


def figure_row(row):
    return {
        "code": row.code,
        "name": str(row.name),
        "initiatives": row.initiatives,
        "volunteers": row.volunteers,
        "volunteer_hours_per_week": row.volunteer_hours_per_week,
        "people_reached": row.people_reached,
    }


@extend_schema(
    summary="The network in figures: in total, per province, per theme",
    parameters=[language_parameter()],
    responses={200: NetworkFiguresSerializer, 404: ERRORS[404], 429: ERRORS[429]},
)
class NetworkFigures(OpenDataView):
    serializer_class = NetworkFiguresSerializer
    pagination_class = None

    def get(self, request, language):
        figures = network_figures()
        return Response(
            {
                "meta": meta(request),
                "total": figure_row(figures["total"]),
                "provinces": [figure_row(row) for row in figures["provinces"]],
                "themes": [figure_row(row) for row in figures["themes"]],
            }
        )


def routes():
    return [("initiatives/", InitiativeList), ("figures/", NetworkFigures)]
