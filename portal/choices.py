"""Stable codes shared by several apps. Stored values never change; labels translate."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRIESLAND = "friesland", _("Friesland")
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", _("Noord-Holland")
    ZUID_HOLLAND = "zuid-holland", _("Zuid-Holland")
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", _("Noord-Brabant")
    LIMBURG = "limburg", "Limburg"


class Role(models.TextChoices):
    """Where someone stands in the playing field ("Bepaal je positie in het speelveld")."""

    RESIDENT = "bewoner", _("resident")
    ORGANISATION = "organisatie", _("organisation")
    COMPANY = "bedrijf", _("company")
    MUNICIPALITY = "gemeente", _("municipality")


class Audience(models.TextChoices):
    """The three lanes of the playing field. The codes are the roles' (a company stands
    with the organisations), so an asker's role tells which lane a question belongs in."""

    MUNICIPALITY = "gemeente", _("municipality")
    ORGANISATION = "organisatie", _("organisation or company")
    RESIDENT = "bewoner", _("resident")


AUDIENCE_OF_ROLE = {
    Role.RESIDENT: Audience.RESIDENT,
    Role.ORGANISATION: Audience.ORGANISATION,
    Role.COMPANY: Audience.ORGANISATION,
    Role.MUNICIPALITY: Audience.MUNICIPALITY,
}


def roles_of(audience):
    """The roles that stand in ``audience``'s lane."""
    return [role for role, lane in AUDIENCE_OF_ROLE.items() if lane == audience]


class OpenDataLicence(models.TextChoices):
    """The licence the operator puts on the open data (site settings). Codes are SPDX ids."""

    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    ODBL = "ODbL-1.0", "ODbL 1.0"


LICENCE_URLS = {
    OpenDataLicence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    OpenDataLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    OpenDataLicence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    OpenDataLicence.ODBL: "https://opendatacommons.org/licenses/odbl/1-0/",
}
