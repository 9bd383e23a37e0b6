"""The programme's filters (phase, theme, province) and its figures, computed from the labs.

Every filter value is checked against its list and mapped to a field here; nothing from the
request reaches ``filter()`` as a name. An unknown value is left out with a message that
says which (portal.filters); the list shows the labs without that filter.
"""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Exists, OuterRef, Sum
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.choices import Province
from portal.content import remember
from portal.filters import key_of, lenient
from portal.i18n import themes_of_locale

from .models import (
    BusinessCaseStatus,
    FigureKind,
    LivingLabBusinessCase,
    LivingLabFigure,
    LivingLabPage,
    LivingLabPartner,
)

FILTERS = ("phase", "theme", "province")
UNKNOWN = {
    "phase": _("There is no phase “%(value)s”, so the list shows all phases."),
    "theme": _("There is no theme “%(value)s”, so the list shows all themes."),
    "province": _("There is no province “%(value)s”, so the list shows all provinces."),
}


class ProgrammeForm(forms.Form):
    """The filters. Choices come from the code and the cached themes, not the database."""

    phase = forms.ChoiceField(label=_("Phase"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    province = forms.ChoiceField(label=_("Province"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", gettext("All"))
        self.fields["phase"].choices = [everything] + list(LivingLabPage.Phase.choices)
        self.fields["theme"].choices = [everything] + [
            (theme.slug, theme.name)
            for theme in sorted(
                themes_of_locale().values(), key=lambda theme: (theme.sort_order, theme.name)
            )
        ]
        self.fields["province"].choices = [everything] + list(Province.choices)
        for name in FILTERS:
            self.fields[name].error_messages["invalid_choice"] = _(
                "There is no such choice: “%(value)s”."
            )


@dataclass
class Programme:
    """What the visitor asked for, checked; values a filter does not know are left out and
    listed in ``unknown``."""

    form: ProgrammeForm
    values: dict = field(default_factory=dict)
    status: int = 200
    unknown: list = field(default_factory=list)

    @classmethod
    def from_request(cls, request):
        # Only the filters count; other parameters (the page number) are read elsewhere.
        data = {name: request.GET.get(name, "") for name in FILTERS}
        form, unknown = lenient(ProgrammeForm, data, FILTERS, UNKNOWN)
        return cls(form=form, values=form.cleaned_data, unknown=unknown)

    @property
    def is_valid(self):
        return self.status == 200

    @property
    def key(self):
        """The values understood, for the remembered pieces: a junk value adds no key."""
        return key_of(self.values)

    @property
    def is_filtered(self):
        return any(self.values.get(name) for name in FILTERS)

    def results(self, index):
        labs = LivingLabPage.objects.child_of(index).visible()
        if not self.is_valid:
            return labs.none()
        if phase := self.values.get("phase"):
            labs = labs.filter(phase=phase)
        if theme := self.values.get("theme"):
            # Themes of a translation point at the source language's rows; the slug is the
            # same in every language.
            labs = labs.filter(
                Exists(
                    LivingLabPage.themes.through.objects.filter(
                        livinglabpage_id=OuterRef("pk"), theme__slug=theme
                    )
                )
            )
        if province := self.values.get("province"):
            labs = labs.filter(province=province)
        return labs.order_by("title", "pk")

    def summary(self):
        parts = []
        for name in FILTERS:
            if value := self.values.get(name):
                form_field = self.form.fields[name]
                parts.append(f"{form_field.label}: {dict(form_field.choices).get(value, value)}")
        return "; ".join(parts)


@dataclass
class ProgrammeFigures:
    labs: int = 0
    phases: list = field(default_factory=list)  # (code, label, count) in phase order
    partners: int = 0
    initiatives: int = 0
    business_cases: int = 0
    business_cases_worked_out: int = 0
    business_cases_started: int = 0
    results: list = field(default_factory=list)  # (code, label, total) of the figures that add up


def programme_figures(index):
    """The programme in figures, from its live labs; cached under the content version."""
    return remember("lab-figures", index.pk, build=lambda: compute_figures(index))


def compute_figures(index):
    labs = LivingLabPage.objects.child_of(index).visible()
    lab_ids = labs.values("pk")
    per_phase = dict(labs.order_by().values_list("phase").annotate(count=Count("pk")))
    partners = LivingLabPartner.objects.filter(page_id__in=lab_ids).aggregate(
        total=Count("pk"), initiatives=Count("member__translation_key", distinct=True)
    )
    cases = dict(
        LivingLabBusinessCase.objects.filter(page_id__in=lab_ids)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    totals = dict(
        LivingLabFigure.objects.filter(page_id__in=lab_ids)
        .exclude(kind=FigureKind.OTHER)
        .order_by()
        .values_list("kind")
        .annotate(total=Sum("value"))
    )
    return ProgrammeFigures(
        labs=sum(per_phase.values()),
        phases=[
            (code, str(label), per_phase.get(code, 0))
            for code, label in LivingLabPage.Phase.choices
        ],
        partners=partners["total"],
        initiatives=partners["initiatives"],
        business_cases=sum(cases.values()),
        business_cases_worked_out=cases.get(BusinessCaseStatus.WORKED_OUT, 0),
        business_cases_started=cases.get(BusinessCaseStatus.STARTED, 0),
        results=[
            (kind, str(FigureKind(kind).label), totals[kind])
            for kind in FigureKind.values
            if totals.get(kind)
        ],
    )
