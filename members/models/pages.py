from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.choices import Province
from portal.models import BasePage
from portal.pagination import paginate


class MemberIndexPage(BasePage):
    """The directory of the network's initiatives."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["members.MemberPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("initiative directory")

    def get_summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = (
            MemberPage.objects.child_of(self)
            .visible()
            .select_related("listing_image")
            .prefetch_related("themes", "listing_image__renditions")
            .order_by("title")
        )
        context["members"] = paginate(request, members, 24)
        return context


class MemberPage(BasePage):
    """An initiative's profile."""

    intro = models.TextField(_("introduction"), help_text=_("Shown on cards and in search."))
    body = StreamField(BodyBlock(), verbose_name=_("story"), blank=True)
    place = models.CharField(_("place"), max_length=100)
    province = models.CharField(_("province"), max_length=20, choices=Province)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(50.7), MaxValueValidator(53.6)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(3.3), MaxValueValidator(7.3)],
    )
    themes = ParentalManyToManyField("portal.Theme", blank=True, related_name="member_pages")
    people_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    volunteers = models.PositiveIntegerField(_("volunteers"), null=True, blank=True)
    volunteer_hours_per_week = models.PositiveIntegerField(
        _("volunteer hours a week"), null=True, blank=True
    )

    parent_page_types = ["members.MemberIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
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
        MultiFieldPanel(
            [
                FieldPanel("people_reached"),
                FieldPanel("volunteers"),
                FieldPanel("volunteer_hours_per_week"),
            ],
            heading=_("Figures"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("province"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("themes"),
        SynchronizedField("place"),
    ]

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def get_summary(self):
        return self.intro
