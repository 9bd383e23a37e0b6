"""The directory's search, filters and sorting: from the query string to one queryset.

Every filter value is checked against its list (themes, kinds, provinces, needs) and mapped
to a field here; nothing from the request reaches ``filter()`` or ``order_by()`` as a name.
The queryset costs the same number of queries however many initiatives and filters there
are: a count and a page of results (plus the prefetches of that page).
"""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.choices import Province
from portal.filters import key_of, lenient
from portal.i18n import themes_of_locale

from .models import MemberNeed, MemberPage, Need, kinds_of_locale
from .network import directory_members
from .search import normalise

PER_PAGE = 24
QUERY_MAX_LENGTH = 100
FILTERS = ("theme", "kind", "province", "need")
SORTS = {
    "name": ("title", "pk"),
    "newest": ("-first_published_at", "-pk"),
}

# What the page says about a value a filter does not know; the list leaves that filter out.
UNKNOWN = {
    "theme": _("There is no theme “%(value)s”, so the list shows all themes."),
    "kind": _("There is no kind of organisation “%(value)s”, so the list shows all kinds."),
    "province": _("There is no province “%(value)s”, so the list shows all provinces."),
    "need": _(
        "There is no need “%(value)s”, so the list shows initiatives whatever they look for."
    ),
    "sort": _("There is no sort order “%(value)s”, so the list is sorted by name."),
}


class DirectoryForm(forms.Form):
    """The search and filter form. Its choices come from the cached lists, not the database."""

    q = forms.CharField(
        label=_("Search by name or text"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        error_messages={
            "max_length": _("Please search with at most %(limit_value)d characters."),
        },
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = forms.ChoiceField(label=_("Kind of organisation"), required=False)
    province = forms.ChoiceField(label=_("Province"), required=False)
    need = forms.ChoiceField(label=_("Looking for"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("name", _("name")), ("newest", _("newest first"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", gettext("All"))
        self.fields["theme"].choices = [everything] + [
            (theme.slug, theme.name)
            for theme in sorted(
                themes_of_locale().values(), key=lambda theme: (theme.sort_order, theme.name)
            )
        ]
        self.fields["kind"].choices = [everything] + [
            (kind.slug, kind.name) for kind in kinds_of_locale().values()
        ]
        self.fields["province"].choices = [everything] + list(Province.choices)
        self.fields["need"].choices = [everything] + list(Need.choices)
        self.fields["q"].widget.input_type = "search"
        self.fields["q"].widget.attrs["autocomplete"] = "off"
        for name in (*FILTERS, "sort"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "There is no such choice: “%(value)s”."
            )


@dataclass
class Directory:
    """What the visitor asked for, checked; ``status`` is 200 or 400. An unknown filter or
    sort value is left out with a message (``unknown``, portal.filters); a query that is
    too long is a bad request, and the page says so."""

    form: DirectoryForm
    values: dict = field(default_factory=dict)
    status: int = 200
    unknown: list = field(default_factory=list)

    @classmethod
    def from_request(cls, request):
        data = {name: request.GET.get(name, "") for name in DirectoryForm.base_fields}
        form, unknown = lenient(DirectoryForm, data, (*FILTERS, "sort"), UNKNOWN)
        if form.is_valid():
            return cls(form=form, values=form.cleaned_data, unknown=unknown)
        return cls(form=form, status=400, unknown=unknown)

    @property
    def is_valid(self):
        return self.status == 200

    @property
    def key(self):
        """The values understood, for the remembered pieces: a junk value adds no key."""
        return key_of(self.values)

    @property
    def query(self):
        return self.values.get("q", "").strip()

    @property
    def sort(self):
        return self.values.get("sort") or "name"

    @property
    def is_filtered(self):
        return bool(self.query or any(self.values.get(name) for name in FILTERS))

    def results(self, index):
        """The matching initiatives under ``index``, ordered; none when the input was bad."""
        members = directory_members(index)
        if not self.is_valid:
            return members.none()
        return self.filter(members).order_by(*SORTS[self.sort])

    def filter(self, members):
        values = self.values
        if theme := values.get("theme"):
            # Themes of a translation point at the source language's rows; the slug is the
            # same in every language.
            members = members.filter(
                Exists(
                    MemberPage.themes.through.objects.filter(
                        memberpage_id=OuterRef("pk"), theme__slug=theme
                    )
                )
            )
        if kind := values.get("kind"):
            members = members.filter(kind__slug=kind)
        if province := values.get("province"):
            members = members.filter(province=province)
        if need := values.get("need"):
            members = members.filter(
                Exists(MemberNeed.objects.filter(page_id=OuterRef("pk"), kind=need, is_met=False))
            )
        if query := normalise(self.query):
            members = members.filter(search_text__contains=query)
        return members

    def summary(self):
        """What the list shows, in words: “Searching for “x”; Theme: Energy”."""
        parts = []
        if self.query:
            parts.append(gettext("Searching for “%(query)s”") % {"query": self.query})
        for name in FILTERS:
            if value := self.values.get(name):
                field = self.form.fields[name]
                parts.append(f"{field.label}: {dict(field.choices).get(value, value)}")
        return "; ".join(parts)
