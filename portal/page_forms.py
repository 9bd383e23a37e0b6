"""The page editor's form for every project page: snippet choices in the page's language.

Themes and kinds of organisation are translatable snippets: each exists once per language.
Wagtail's form lists every row, so an editor saw "Energie, Energy, Food, Voedsel, …" as a
plain multi-select. Here each such field offers only the rows of the page's own locale (the
parent's for a new page), and a many-to-many one becomes a checkbox list with a filter box
(``FilteredCheckboxSelectMultiple``).

A translation's synchronised relations point at the source's rows (wagtail-localize
copies them): there the field shows them read-only, to be changed on the source page.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin


class FilteredCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes with a box to filter them by name (static/js/checkbox-filter.js)."""

    # In portal/templates: Django's form renderer reads the apps' templates only.
    template_name = "portal/widgets/filtered_checkbox_select.html"

    class Media:
        js = ["js/checkbox-filter.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["filter_label"] = _("Filter the list")
        return context


def translatable(field):
    queryset = getattr(field, "queryset", None)
    return queryset is not None and issubclass(queryset.model, TranslatableMixin)


class PortalPageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or getattr(parent_page, "locale_id", None)
        synchronised_from = self.synchronised_locale_id()
        synchronised = {
            getattr(item, "field_name", None)
            for item in getattr(self.instance, "override_translatable_fields", [])
        }
        for name, field in self.fields.items():
            if not translatable(field):
                continue
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.widget = FilteredCheckboxSelectMultiple()
            # Setting the queryset hands the widget its choices.
            if synchronised_from and name in synchronised:
                field.queryset = field.queryset.filter(locale_id=synchronised_from)
                field.disabled = True
                field.help_text = _("Kept in step with the source page: change it there.")
            elif locale_id is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)
            else:
                field.queryset = field.queryset

    def synchronised_locale_id(self):
        """The locale a translation's relations are synchronised from, if it is one: the
        language of the first page of its translation group (wagtail-localize translates
        from the original, and copies its relations)."""
        if not self.instance.pk:
            return None
        first = (
            type(self.instance)
            .objects.filter(translation_key=self.instance.translation_key)
            .order_by("pk")
            .values_list("pk", "locale_id")
            .first()
        )
        return first[1] if first and first[0] != self.instance.pk else None
