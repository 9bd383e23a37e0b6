from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import exports, signals, signin, translation  # noqa: F401

        translation.patch_synchronised_m2m_clearing()

        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from .models import BasePage
        from .widgets import page_chooser_override

        # Before Wagtail's own page chooser, whose label is fixed in one language.
        register_form_field_override(models.ForeignKey, to=BasePage, override=page_chooser_override)
