from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import exports, signals, signin, translation  # noqa: F401

        translation.patch_synchronised_m2m_clearing()
