import datetime
from http import HTTPMethod

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock, ImageBlock
from portal.choices import Province
from portal.geo import latitude_field, longitude_field
from portal.models import BasePage

from ..search import normalise

# Sub-addresses of the directory; a profile may not take one of these as its slug, or it
# would hide that sub-address (the deepest matching page wins when a URL is routed).
INDEX_ROUTES = ("register/", "figures/", "csv/", "geojson/", "open-data/")


def validate_founded_year(value):
    if value > datetime.date.today().year:
        raise ValidationError(_("The year it was founded cannot lie in the future."))


def reserved_slugs():
    """The first path component of every directory sub-address, in every language."""
    from django.conf import settings

    slugs = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for route in INDEX_ROUTES:
                slugs.add(str(_(route)).strip("/"))
    return slugs


class MemberIndexPage(RoutablePageMixin, BasePage):
    """The directory of the network's initiatives: search, filters, map, open data."""

    intro = models.TextField(_("introduction"), blank=True)
    register_intro = models.TextField(
        _("introduction to the registration form"),
        blank=True,
        help_text=_("Shown above the form on which an initiative registers for the directory."),
    )
    figures_intro = models.TextField(
        _("introduction to the figures"),
        blank=True,
        help_text=_("Shown above the network's totals per province and per theme."),
    )

    # POST only reaches the registration form; the other sub-addresses refuse it.
    allowed_http_methods = BasePage.allowed_http_methods + [HTTPMethod.POST]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["members.MemberPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("register_intro"),
        FieldPanel("figures_intro"),
    ]

    class Meta:
        verbose_name = _("initiative directory")

    def get_summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from ..views import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        from ..views import directory

        return directory(self, request)

    @path(_("csv/"), name="csv")
    def csv_route(self, request):
        from ..views import directory_csv

        return directory_csv(self, request)

    @path(_("geojson/"), name="geojson")
    def geojson_route(self, request):
        from ..views import directory_geojson

        return directory_geojson(self, request)

    @path(_("open-data/"), name="open_data")
    def open_data_route(self, request):
        from ..views import open_data_page

        return open_data_page(self, request)

    @path(_("figures/"), name="figures")
    def figures_route(self, request):
        from ..views import figures

        return figures(self, request)

    @path(_("figures/csv/"), name="figures_csv")
    def figures_csv_route(self, request):
        from ..views import figures_csv

        return figures_csv(self, request)

    @path(_("register/"), name="register")
    def register_route(self, request):
        from ..views import register

        return register(self, request)

    @path(_("register/thanks/"), name="register_thanks")
    def register_thanks_route(self, request):
        from ..views import register_thanks

        return register_thanks(self, request)


class MemberPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "members.MemberPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Need(models.TextChoices):
    """What an initiative can ask for. Stored codes; the labels translate."""

    MONEY = "geld", _("money")
    MATERIALS = "materialen", _("materials")
    VOLUNTEERS = "vrijwilligers", _("volunteers")
    EXPERTISE = "expertise", _("expertise")
    SPACE = "ruimte", _("space")


class MemberPage(RoutablePageMixin, BasePage):
    """An initiative's profile."""

    kind = models.ForeignKey(
        "members.OrganisationKind",
        verbose_name=_("kind of organisation"),
        null=True,
        on_delete=models.PROTECT,
        related_name="member_pages",
    )
    intro = models.TextField(_("introduction"), help_text=_("Shown on cards and in search."))
    body = StreamField(BodyBlock(), verbose_name=_("story"), blank=True)
    place = models.CharField(_("place"), max_length=100)
    province = models.CharField(_("province"), max_length=20, choices=Province, db_index=True)
    latitude = latitude_field()
    longitude = longitude_field()
    themes = ParentalManyToManyField(
        "portal.Theme", verbose_name=_("themes"), blank=True, related_name="member_pages"
    )
    tags = ClusterTaggableManager(
        through=MemberPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Words visitors may search for, such as repair café or vegetable garden."),
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded in"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), validate_founded_year],
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gallery = StreamField(
        [("image", ImageBlock())], verbose_name=_("photos"), blank=True, max_num=8
    )
    website = models.URLField(_("website"), blank=True)
    public_email = models.EmailField(
        _("public e-mail address"),
        blank=True,
        help_text=_("Shown on the profile. Leave empty to show no e-mail address."),
    )
    public_phone = models.CharField(
        _("public phone number"), max_length=30, blank=True, help_text=_("Shown on the profile.")
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=100,
        blank=True,
        help_text=_("Never shown on the site."),
    )
    contact_email = models.EmailField(
        _("contact e-mail address"),
        blank=True,
        help_text=_(
            "Receives the offers of help sent from the profile. Never shown on the site; "
            "when empty, the offers go to the network's staff."
        ),
    )
    people_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    volunteers = models.PositiveIntegerField(_("volunteers"), null=True, blank=True)
    volunteer_hours_per_week = models.PositiveIntegerField(
        _("volunteer hours a week"), null=True, blank=True
    )
    offers = models.TextField(
        _("what we offer"),
        blank=True,
        help_text=_("One offer per line, such as products, services or a place to meet."),
    )
    # Title, texts, place, tags and needs in one lower-case, accent-free column, so that the
    # directory finds "cooperatie" in "Energiecoöperatie" with one LIKE (see members.search).
    search_text = models.TextField(editable=False, blank=True, default="")

    # POST only reaches the "I can help" form; the profile itself refuses it.
    allowed_http_methods = BasePage.allowed_http_methods + [HTTPMethod.POST]
    parent_page_types = ["members.MemberIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("province"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("themes"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("founded_year"),
                FieldPanel("logo"),
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("public_email"), FieldPanel("public_phone")]),
            ],
            heading=_("About the organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading=_("Contact for offers of help (not public)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("people_reached"),
                FieldPanel("volunteers"),
                FieldPanel("volunteer_hours_per_week"),
            ],
            heading=_("Figures"),
        ),
        InlinePanel(
            "needs",
            heading=_("What we need"),
            label=_("need"),
            help_text=_("Visitors can offer help with each need that is not met yet."),
        ),
        FieldPanel("offers"),
        FieldPanel("body"),
        FieldPanel("gallery"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("province"),
    ]
    # wagtail-localize leaves M2M fields out unless told (wagtail-localize #820); the kind
    # and the contact are the same in every language (the kind is shown translated).
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("themes"),
        SynchronizedField("place"),
        SynchronizedField("kind"),
        SynchronizedField("contact_name"),
        SynchronizedField("public_phone"),
    ]

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def get_summary(self):
        return self.intro

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def offer_list(self):
        return [line.strip() for line in self.offers.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.slug in reserved_slugs():
            raise ValidationError(
                {"slug": _("This slug is the address of a part of the directory; choose another.")}
            )

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        return super().save(*args, **kwargs)

    def build_search_text(self):
        parts = [self.title, self.intro, self.place, self.offers]
        parts += [tag.name for tag in self.tags.all()]
        parts += [need.description for need in self.needs.all()]
        if self.body:
            parts += self.body.stream_block.get_searchable_content(self.body)
        return normalise(" ".join(part for part in parts if part))

    def get_context(self, request, *args, **kwargs):
        from ..views import member_context

        context = super().get_context(request, *args, **kwargs)
        context.update(member_context(self, request))
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        if request.method == HTTPMethod.POST:
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(["GET", "HEAD", "OPTIONS"])
        return super().index_route(request, *args, **kwargs)

    @path(_("i-can-help/"), name="help")
    def help_route(self, request):
        from ..views import offer_help

        return offer_help(self, request)

    @path(_("i-can-help/thanks/"), name="help_thanks")
    def help_thanks_route(self, request):
        from ..views import offer_help_thanks

        return offer_help_thanks(self, request)


class MemberNeed(TranslatableMixin, Orderable):
    """Something an initiative asks for; visitors offer help with it until it is met."""

    page = ParentalKey(MemberPage, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(_("kind of need"), max_length=20, choices=Need)
    description = models.CharField(
        _("what exactly"),
        max_length=255,
        help_text=_("For example: drivers for the grocery service on Saturdays."),
    )
    is_met = models.BooleanField(
        _("met"), default=False, help_text=_("A met need is shown as met and takes no offers.")
    )

    panels = [FieldPanel("kind"), FieldPanel("description"), FieldPanel("is_met")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        indexes = [models.Index(fields=["kind", "is_met", "page"], name="member_need_filter")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description}"
