"""Admin report: pages and snippets whose translation is missing, unpublished or behind."""

import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from .freshness import State, stale_translations, type_choices

PERMISSION = "wagtail_localize.submit_translation"


class Rows(list):
    """A list that django-filter accepts in place of a queryset."""

    model = None


class StaleTranslationsFilterSet(django_filters.FilterSet):
    """Filters a list of rows, not a queryset: each filter has its own method."""

    state = django_filters.ChoiceFilter(
        label=_("State"), choices=State.choices, empty_label=_("All"), method="filter_state"
    )
    type = django_filters.ChoiceFilter(
        label=_("Type"), choices=type_choices, empty_label=_("All"), method="filter_type"
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, Rows(queryset or []), request=request)

    def filter_state(self, rows, name, value):
        return [row for row in rows if row.state == value]

    def filter_type(self, rows, name, value):
        return [row for row in rows if row.type_key == value]

    def filter_queryset(self, rows):
        # django-filter insists on a QuerySet after each filter; these are rows.
        for name, value in self.form.cleaned_data.items():
            if value:
                rows = self.filters[name].filter(rows, value)
        return Rows(rows)


class StaleTranslationsView(ReportView):
    page_title = _("Translations to do")
    header_icon = "wagtail-localize-language"
    index_url_name = "portal_stale_translations"
    index_results_url_name = "portal_stale_translations_results"
    filterset_class = StaleTranslationsFilterSet
    paginate_by = 50
    context_object_name = "rows"
    verbose_name = _("translation to do")
    verbose_name_plural = _("translations to do")
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
        Column("type_label", label=_("Type")),
        Column("language", label=_("Language")),
        Column("state_label", label=_("State")),
        DateColumn("source_changed_at", label=_("Source published")),
        DateColumn("synced_at", label=_("Last sync")),
        TitleColumn("action_label", label=_("Action"), get_url=lambda row: row.action_url),
    ]
    list_export = [
        "title",
        "type_label",
        "language",
        "state_label",
        "source_changed_at",
        "synced_at",
        "admin_url",
    ]
    export_headings = {
        "title": _("Title"),
        "type_label": _("Type"),
        "language": _("Language"),
        "state_label": _("State"),
        "source_changed_at": _("Source published"),
        "synced_at": _("Last sync"),
        "admin_url": _("Where to translate or sync"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def stream_csv(self, queryset):
        # The CSV streams after the view has returned, when the admin user's language is no
        # longer active: keep it active, or the headings and states come in the site's.
        language = translation.get_language()
        lines = super().stream_csv(queryset)

        def in_language():
            while True:
                with translation.override(language):
                    line = next(lines, None)
                if line is None:
                    return
                yield line

        return in_language()

    def get_filename(self):
        return f"translations-to-do-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        rows = stale_translations()
        for row in rows:
            row.admin_url = self.request.build_absolute_uri(row.action_url)
        return self.filter_queryset(rows)

    def get_filtered_queryset(self):
        return self.get_queryset()
