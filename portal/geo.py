"""Coordinates of places in the Netherlands, as members and living labs store them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def coordinate_field(label, lowest, highest):
    """Degrees to five decimals (about a metre), optional, within the Netherlands."""
    return models.DecimalField(
        label,
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(lowest), MaxValueValidator(highest)],
    )


def latitude_field():
    return coordinate_field(_("latitude"), 50.7, 53.6)


def longitude_field():
    return coordinate_field(_("longitude"), 3.3, 7.3)
