"""The living labs in the open-data API (portal.api): phase, place, partners, business
cases, results and milestones of each lab.

Never the lab's contact person, role, e-mail or phone. A page is six queries whatever its
size: the labs (plain values), then their themes, partners, business cases, figures and
milestones, one query each.
"""

from collections import defaultdict

from django.db.models import Exists, OuterRef
from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from portal.api import (
    ERRORS,
    CodeName,
    LocationSerializer,
    OpenDataList,
    filter_parameter,
    language_parameter,
    page_url,
    themes_of,
)
from portal.choices import Province
from portal.i18n import active_locale, themes_of_locale

from .models import (
    BusinessCaseStatus,
    FigureKind,
    LivingLabBusinessCase,
    LivingLabFigure,
    LivingLabMilestone,
    LivingLabPage,
    LivingLabPartner,
    PartnerRole,
)
from .programme import ProgrammeForm

FIELDS = (
    "id", "title", "url_path", "summary", "question", "phase", "start_date", "end_date",
    "place", "province", "latitude", "longitude", "results",
)  # fmt: skip


class PartnerSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = CodeName()
    contribution = serializers.CharField()
    website = serializers.CharField()
    initiative = serializers.IntegerField(
        allow_null=True, help_text="The initiative's id in /initiatives/, when it is one."
    )


class BusinessCaseSerializer(serializers.Serializer):
    title = serializers.CharField()
    description = serializers.CharField()
    status = CodeName()
    link = serializers.CharField(help_text="Where it is told more about; may be empty.")


class LabFigureSerializer(serializers.Serializer):
    kind = CodeName()
    value = serializers.IntegerField()


class MilestoneSerializer(serializers.Serializer):
    date = serializers.DateField()
    title = serializers.CharField()
    description = serializers.CharField()


class LivingLabSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.URLField()
    summary = serializers.CharField()
    question = serializers.CharField()
    phase = CodeName()
    start_date = serializers.DateField()
    end_date = serializers.DateField(allow_null=True)
    place = serializers.CharField()
    province = CodeName()
    location = LocationSerializer(allow_null=True)
    themes = CodeName(many=True)
    partners = PartnerSerializer(many=True)
    business_cases = BusinessCaseSerializer(many=True)
    results = serializers.CharField(help_text="The results in words.")
    figures = LabFigureSerializer(many=True, help_text="The results in figures.")
    milestones = MilestoneSerializer(many=True)


def code_name(choices, code, label=None):
    return {"code": code, "name": label or str(dict(choices).get(code, code))}


def grouped(rows):
    found = defaultdict(list)
    for row in rows:
        found[row["page_id"]].append(row)
    return found


@extend_schema(
    summary="Living labs",
    parameters=[
        language_parameter(),
        filter_parameter("phase", "The phase's code.", enum=list(LivingLabPage.Phase.values)),
        filter_parameter("theme", "A theme's code, such as energie."),
        filter_parameter("province", "A province's code.", enum=list(Province.values)),
    ],
    responses={200: LivingLabSerializer(many=True), **ERRORS},
)
class LivingLabList(OpenDataList):
    serializer_class = LivingLabSerializer
    filter_form = ProgrammeForm

    def rows(self, language, filters):
        labs = LivingLabPage.objects.visible().filter(locale=active_locale())
        return self.filter(labs, filters).values(*FIELDS)

    @staticmethod
    def filter(labs, values):
        """The programme's filters (livinglabs.programme), over every lab of the language."""
        if phase := values.get("phase"):
            labs = labs.filter(phase=phase)
        if theme := values.get("theme"):
            labs = labs.filter(
                Exists(
                    LivingLabPage.themes.through.objects.filter(
                        livinglabpage_id=OuterRef("pk"), theme__slug=theme
                    )
                )
            )
        if province := values.get("province"):
            labs = labs.filter(province=province)
        return labs

    def present(self, rows, language):
        ids = [row["id"] for row in rows]
        theme_rows = defaultdict(list)
        for page_id, *theme in LivingLabPage.themes.through.objects.filter(
            livinglabpage_id__in=ids
        ).values_list(
            "livinglabpage_id",
            "theme__translation_key",
            "theme__name",
            "theme__slug",
            "theme__sort_order",
        ):
            theme_rows[page_id].append(theme)
        partners = grouped(
            LivingLabPartner.objects.filter(page_id__in=ids)
            .order_by("page_id", "sort_order")
            .values("page_id", "name", "role", "contribution", "website", "member_id",
                    "member__title", "member__live")
        )  # fmt: skip
        cases = grouped(
            LivingLabBusinessCase.objects.filter(page_id__in=ids)
            .order_by("page_id", "sort_order")
            .values("page_id", "title", "description", "status", "link_url",
                    "link_page__url_path", "link_page__locale__language_code")
        )  # fmt: skip
        figures = grouped(
            LivingLabFigure.objects.filter(page_id__in=ids)
            .order_by("page_id", "sort_order")
            .values("page_id", "kind", "value", "label")
        )
        milestones = grouped(
            LivingLabMilestone.objects.filter(page_id__in=ids)
            .order_by("page_id", "date", "sort_order")
            .values("page_id", "date", "title", "description")
        )
        themes = themes_of_locale()
        items = []
        for row in rows:
            pk = row["id"]
            located = row["latitude"] is not None and row["longitude"] is not None
            items.append(
                {
                    "id": pk,
                    "name": row["title"],
                    "url": page_url(row["url_path"], language),
                    "summary": row["summary"],
                    "question": row["question"],
                    "phase": code_name(LivingLabPage.Phase.choices, row["phase"]),
                    "start_date": row["start_date"].isoformat(),
                    "end_date": row["end_date"].isoformat() if row["end_date"] else None,
                    "place": row["place"],
                    "province": code_name(Province.choices, row["province"]),
                    "location": {
                        "latitude": float(row["latitude"]),
                        "longitude": float(row["longitude"]),
                    }
                    if located
                    else None,
                    "themes": themes_of(theme_rows.get(pk, ()), themes),
                    "partners": [
                        {
                            "name": (partner["member__title"] if partner["member_id"] else "")
                            or partner["name"],
                            "role": code_name(PartnerRole.choices, partner["role"]),
                            "contribution": partner["contribution"],
                            "website": partner["website"],
                            "initiative": partner["member_id"] if partner["member__live"] else None,
                        }
                        for partner in partners.get(pk, ())
                    ],
                    "business_cases": [
                        {
                            "title": case["title"],
                            "description": case["description"],
                            "status": code_name(BusinessCaseStatus.choices, case["status"]),
                            "link": (
                                page_url(
                                    case["link_page__url_path"],
                                    case["link_page__locale__language_code"],
                                )
                                if case["link_page__url_path"]
                                else ""
                            )
                            or case["link_url"],
                        }
                        for case in cases.get(pk, ())
                    ],
                    "results": row["results"],
                    "figures": [
                        {
                            "kind": code_name(FigureKind.choices, figure["kind"], figure["label"]),
                            "value": figure["value"],
                        }
                        for figure in figures.get(pk, ())
                    ],
                    "milestones": [
                        {
                            "date": milestone["date"].isoformat(),
                            "title": milestone["title"],
                            "description": milestone["description"],
                        }
                        for milestone in milestones.get(pk, ())
                    ],
                }
            )
        return items


def routes():
    return [("living-labs/", LivingLabList)]
