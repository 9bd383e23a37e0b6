from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
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


class LivingLabIndexPage(BasePage):
    """The living-labs programme."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("about the programme"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["livinglabs.LivingLabPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("living-labs programme")

    def get_summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        labs = (
            LivingLabPage.objects.child_of(self)
            .visible()
            .select_related("listing_image")
            .prefetch_related("themes", "listing_image__renditions")
            .order_by("title")
        )
        context["labs"] = paginate(request, labs, 12)
        return context


class LivingLabPage(BasePage):
    """One lab's case: where it runs, who takes part, what it has found."""

    class Phase(models.TextChoices):
        EXPLORE = "verkenning", _("exploring")
        START = "opstart", _("starting up")
        RUN = "uitvoering", _("running")
        SECURED = "geborgd", _("embedded")
        STOPPED = "gestopt", _("stopped")

    phase = models.CharField(_("phase"), max_length=20, choices=Phase, default=Phase.EXPLORE)
    start_date = models.DateField(_("start date"), default=timezone.localdate)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    summary = models.TextField(_("summary"), help_text=_("Shown on cards and in search."))
    question = models.TextField(_("the local question"), blank=True)
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
    themes = ParentalManyToManyField("portal.Theme", blank=True, related_name="living_labs")
    body = StreamField(BodyBlock(), verbose_name=_("approach"), blank=True)

    parent_page_types = ["livinglabs.LivingLabIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("phase"), FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("summary"),
        FieldPanel("question"),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("province"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("themes"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("question"),
        index.SearchField("place"),
        index.FilterField("phase"),
    ]
    # wagtail-localize leaves M2M fields out unless told (wagtail-localize #820).
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("themes"),
        SynchronizedField("place"),
    ]

    class Meta:
        verbose_name = _("living lab")

    def get_summary(self):
        return self.summary
