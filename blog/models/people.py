from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.i18n import active_locale


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone who writes stories: name and photo are the same everywhere, role and bio
    are translated."""

    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("For example: editor, coordinator.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(
        _("short bio"), max_length=500, blank=True, help_text=_("One to three sentences.")
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo"), FieldPanel("bio")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    # A name is not translated; a photo is the same picture in every language.
    override_translatable_fields = [SynchronizedField("name"), SynchronizedField("photo")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


def localize_people(people):
    """People (of any language) as their versions in the visitor's language, in order.

    Synchronised author relations point at the source language's rows; this swaps them for
    their translations in one query, and none when they are already in that language. A
    person not yet translated keeps the source's role and bio. The photo is synchronised,
    so a translation borrows the source's photo object with whatever was prefetched on it.
    """
    people = list(people)
    locale = active_locale()
    keys = {person.translation_key for person in people if person.locale_id != locale.id}
    if not keys:
        return people
    found = {
        person.translation_key: person
        for person in Person.objects.filter(locale=locale, translation_key__in=keys)
    }
    localized = []
    for person in people:
        translation = found.get(person.translation_key) if person.locale_id != locale.id else None
        if translation is None:
            localized.append(person)
            continue
        photo_field = Person._meta.get_field("photo")
        if translation.photo_id == person.photo_id and photo_field.is_cached(person):
            translation.photo = person.photo
        localized.append(translation)
    return localized
