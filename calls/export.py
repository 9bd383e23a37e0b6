"""The filtered list of applications as a table: one row per application, plain text, one
column per question (keyed by its stable id, so Dutch and English answers share a column),
and a link to each application in the admin (Hypha #3981, #4027)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.i18n import localize_themes

from .answers import display, label_of
from .models import Application

CORE_COLUMNS = [
    "reference",
    "status",
    "submitted_at",
    "call",
    "language",
    "title",
    "name",
    "email",
    "phone",
    "role",
    "organisation",
    "municipality",
    "neighbourhood",
    "province",
    "themes",
    "question",
    "summary",
    "partners",
    "budget",
    "score",
]
# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def core_heading(name):
    if name == "score":
        return _("Average score (%)")
    if name == "call":
        return _("Call")
    return str(capfirst(Application._meta.get_field(name).verbose_name))


class ExportTable:
    """Columns and rows for ``applications`` (a list, already filtered for ``user``)."""

    def __init__(self, applications, request):
        self.request = request
        self.user = request.user
        self.language = translation.get_language() or settings.LANGUAGE_CODE
        if self.language not in dict(settings.LANGUAGES):
            self.language = settings.LANGUAGE_CODE
        self.locale = Locale.objects.get(language_code=self.language)
        self.question_ids, self.question_labels = self._questions(applications)
        self.keys = CORE_COLUMNS + [f"q:{qid}" for qid in self.question_ids] + ["link"]

    def _questions(self, applications):
        """Question columns: each call's questions in its order, then removed questions."""
        ids, labels = [], {}
        calls = {application.call_id: application.call for application in applications}
        for call in sorted(calls.values(), key=lambda call: call.title):
            for block in call.questions:
                if block.id not in labels:
                    ids.append(block.id)
                    labels[block.id] = block.value["label"]
        # The label in the reader's language, as the latest applicant saw it.
        seen = set()
        for application in applications:
            for qid, answer in (application.answers or {}).items():
                if qid not in labels:
                    ids.append(qid)
                if qid not in seen and answer.get("label", {}).get(self.language):
                    labels[qid] = answer["label"][self.language]
                    seen.add(qid)
                labels.setdefault(qid, label_of(answer, self.language))
        return ids, labels

    def heading(self, key):
        if key == "link":
            return _("Link")
        if key.startswith("q:"):
            return self.question_labels.get(key[2:], key[2:])
        return core_heading(key)

    def score(self, application):
        visible = self.user.is_superuser or getattr(application, "scored_by_me", False)
        average = getattr(application, "avg_score", None)
        if not visible or average is None:
            return ""
        return round(float(average), 1)

    def row(self, application):
        values = {
            "reference": application.reference,
            "status": str(application.get_status_display()),
            "submitted_at": timezone.make_naive(application.submitted_at)
            if application.submitted_at
            else "",
            "call": application.call.title,
            "language": application.language,
            "themes": ", ".join(
                theme.name for theme in localize_themes(application.themes.all(), self.locale)
            ),
            "role": str(application.get_role_display()) if application.role else "",
            "province": str(application.get_province_display()) if application.province else "",
            "budget": application.budget if application.budget is not None else "",
            "score": self.score(application),
        }
        for name in CORE_COLUMNS:
            if name not in values:
                values[name] = getattr(application, name)
        answers = application.answers or {}
        for qid in self.question_ids:
            answer = answers.get(qid)
            values[f"q:{qid}"] = display(answer, self.language) if answer else ""
        values["link"] = self.request.build_absolute_uri(
            reverse("applications:detail", args=[application.pk])
        )
        return {key: values[key] for key in self.keys}


def neutralise_formula(value):
    """Plain text stays plain text when opened in a spreadsheet (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return f"'{value}"
    return value
