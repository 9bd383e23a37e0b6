"""Where wagtail-localize's defaults are wrong for this site, and what we do instead."""

from modelcluster.fields import ParentalManyToManyField
from wagtail_localize import models as localize_models
from wagtail_localize.fields import get_translatable_fields


def patch_synchronised_m2m_clearing():
    """Clear a synchronised many-to-many on the translation when the source's is empty.

    wagtail-localize copies a synchronised ParentalManyToManyField only when it has values,
    so themes removed from a Dutch page would stay on its English translation. This wraps
    the function its TranslationSource calls, at the depth where the copy happens.
    """
    original = localize_models.copy_synchronised_fields
    if getattr(original, "clears_empty_m2m", False):
        return

    def copy_synchronised_fields(source, target):
        original(source, target)
        for translatable_field in get_translatable_fields(source.__class__):
            if not translatable_field.is_synchronized(source):
                continue
            field = translatable_field.get_field(target.__class__)
            if isinstance(field, ParentalManyToManyField) and not getattr(source, field.name).all():
                setattr(target, field.name, [])

    copy_synchronised_fields.clears_empty_m2m = True
    localize_models.copy_synchronised_fields = copy_synchronised_fields
