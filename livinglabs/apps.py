from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LivingLabsConfig(AppConfig):
    name = "livinglabs"
    verbose_name = _("Living labs")
