from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import LinkBlock


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """What initiatives, stories and living labs work on: the taxonomy they share."""

    class Colour(models.TextChoices):
        GREEN = "green", _("green")
        TEAL = "teal", _("teal")
        BLUE = "blue", _("blue")
        PURPLE = "purple", _("purple")
        RED = "red", _("red")
        ORANGE = "orange", _("orange")
        OCHRE = "ochre", _("ochre")
        BROWN = "brown", _("brown")

    class Icon(models.TextChoices):
        ENERGY = "energy", _("lightning bolt")
        FOOD = "food", _("leaf")
        CARE = "care", _("heart")
        HOUSING = "housing", _("house")
        WORK = "work", _("briefcase")
        WASTE = "waste", _("recycling arrows")
        MOBILITY = "mobility", _("bicycle")
        LIVEABILITY = "liveability", _("tree")

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in filter addresses such as ?theme=energie. The same in every language."),
    )
    description = models.CharField(_("short description"), max_length=255, blank=True)
    colour = models.CharField(_("colour"), max_length=20, choices=Colour, default=Colour.GREEN)
    icon = models.CharField(_("icon"), max_length=20, choices=Icon, default=Icon.LIVEABILITY)
    sort_order = models.PositiveSmallIntegerField(_("position"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("colour"),
        FieldPanel("icon"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]
    # The slug is a stable code for filters, so every language keeps the source's.
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class Navigation(TranslatableMixin, models.Model):
    """The main menu and the footer of one language."""

    name = models.CharField(
        _("name"),
        max_length=50,
        default="Navigatie",
        help_text=_("Only for editors, to tell the languages apart."),
    )
    main_menu = StreamField([("link", LinkBlock())], verbose_name=_("main menu"), blank=True)
    footer_links = StreamField([("link", LinkBlock())], verbose_name=_("footer links"), blank=True)
    footer_text = models.TextField(
        _("footer text"), blank=True, help_text=_("One or two sentences about the network.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("main_menu"),
        FieldPanel("footer_links"),
        FieldPanel("footer_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation")
        verbose_name_plural = _("navigation")

    def __str__(self):
        return f"{self.name} ({self.locale.language_code})"

    @classmethod
    def for_active_locale(cls):
        """The navigation of the visitor's language, else the default language's."""
        from portal.i18n import active_locale

        active = active_locale()
        candidates = {
            nav.locale_id: nav
            for nav in cls.objects.filter(locale__language_code__in=[active.language_code, "nl"])
        }
        return candidates.get(active.id) or next(iter(candidates.values()), None)
