from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from portal.content import remember
from portal.i18n import active_locale


class OrganisationKind(TranslatableMixin, models.Model):
    """What kind of organisation an initiative is: a list editors translate and extend."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_(
            "Used in filter addresses such as ?kind=cooperatie. The same in every language."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("position"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    # The slug is a stable code for filters, so every language keeps the source's.
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("kind of organisation")
        verbose_name_plural = _("kinds of organisation")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_kind_slug_per_locale")
        ]

    def __str__(self):
        return self.name


def kinds_of_locale(locale=None):
    """Every kind in the visitor's language, in list order: ``{translation key: kind}``.

    Kept in the cache under the content version (bumped whenever a kind is saved). A kind
    that is not translated yet keeps the name of the language it was written in.
    """
    return KindMap(locale).by_key


def localize_kind(kind_id, locale=None):
    """The kind with id ``kind_id`` (a row of any language) in the visitor's language.

    Takes the id, not the kind, so that a page's ``kind_id`` costs no query. For many
    pages at once, make one ``KindMap`` and ask it: each call here reads the cache.
    """
    return KindMap(locale).get(kind_id)


class KindMap:
    """The kinds of one language, read from the cache once."""

    def __init__(self, locale=None):
        maps = _kind_maps(locale)
        self.by_key, self.keys = maps["by_key"], maps["keys"]

    def get(self, kind_id):
        key = self.keys.get(kind_id)
        return self.by_key.get(key) if key else None


def _kind_maps(locale):
    locale = locale or active_locale()

    def build():
        rows = list(OrganisationKind.objects.all())
        by_key = {}
        for kind in rows:
            if kind.locale_id == locale.id or kind.translation_key not in by_key:
                by_key[kind.translation_key] = kind
        ordered = sorted(by_key.values(), key=lambda kind: (kind.sort_order, kind.name.lower()))
        return {
            "by_key": {kind.translation_key: kind for kind in ordered},
            "keys": {kind.pk: kind.translation_key for kind in rows},
        }

    return remember("organisation-kinds", locale.language_code, build=build)
