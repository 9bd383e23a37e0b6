"""Admin widgets of the project.

``PageChooser``: Wagtail's page chooser writes "Choose a page (Open call)" into the widget
when the form class is built, once per process, in the language of whoever asked first; so
an English editor read "Kies een pagina (Open oproep)". Here the text stays lazy and
follows the editor's language.
"""

from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page


class PageChooser(AdminPageChooser):
    def __init__(self, target_models=None, **kwargs):
        super().__init__(target_models=target_models, **kwargs)
        if self.model is not Page:
            self.choose_one_text = format_lazy(
                "{} ({})", _("Choose a page"), capfirst(self.model._meta.verbose_name)
            )


def page_chooser_override(db_field):
    return {"widget": PageChooser(target_models=[db_field.remote_field.model])}
