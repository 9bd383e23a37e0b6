from http import HTTPMethod

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.audiences import AudiencesField
from portal.blocks import BodyBlock, ImageBlock
from portal.choices import Province
from portal.filters import not_for_caches
from portal.geo import latitude_field, longitude_field
from portal.models import BasePage

# The five elements of a living lab as the European Network of Living Labs names them:
# (field, label). The case page shows them in this order.
ENOLL_ELEMENTS = (
    ("user_involvement", _("Active user involvement")),
    ("real_life_setting", _("Real-life setting")),
    ("multi_stakeholder", _("Multi-stakeholder participation")),
    ("multi_method", _("Multi-method approach")),
    ("co_creation", _("Co-creation")),
)
ELEMENT_MAX_LENGTH = 400


def element_field(label, help_text):
    return models.TextField(label, max_length=ELEMENT_MAX_LENGTH, blank=True, help_text=help_text)


class LivingLabIndexPage(BasePage):
    """The living-labs programme: the labs with filters and a map, and its figures."""

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
        from ..views import programme_context

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["programme"].unknown:
            not_for_caches(response)
        return response


class LivingLabPage(RoutablePageMixin, BasePage):
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
    latitude = latitude_field()
    longitude = longitude_field()
    themes = ParentalManyToManyField(
        "portal.Theme", verbose_name=_("themes"), blank=True, related_name="living_labs"
    )
    audiences = AudiencesField(
        _("audiences"),
        help_text=_(
            "Who can learn from this lab or join one like it: it appears on the page of each "
            "audience ticked, in both languages."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("approach"), blank=True)
    results = models.TextField(
        _("results in words"),
        blank=True,
        help_text=_("What the lab has achieved and learned so far; the figures come below."),
    )
    user_involvement = element_field(
        _("active user involvement"), _("How residents and users shape the lab.")
    )
    real_life_setting = element_field(
        _("real-life setting"), _("Where the lab works: the street, the village, the house.")
    )
    multi_stakeholder = element_field(
        _("multi-stakeholder participation"),
        _("Which parties take part: residents, municipality, companies, organisations."),
    )
    multi_method = element_field(
        _("multi-method approach"), _("The ways of working: meetings, trials, measuring.")
    )
    co_creation = element_field(_("co-creation"), _("What the parties make together."))
    gallery = StreamField(
        [("image", ImageBlock())], verbose_name=_("photos"), blank=True, max_num=12
    )
    contact_name = models.CharField(_("contact person"), max_length=100, blank=True)
    contact_role = models.CharField(
        _("contact person's role"), max_length=100, blank=True, help_text=_("e.g. lab leader")
    )
    contact_email = models.EmailField(
        _("contact e-mail address"), blank=True, help_text=_("Shown on the page.")
    )
    contact_phone = models.CharField(
        _("contact phone number"), max_length=30, blank=True, help_text=_("Shown on the page.")
    )

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
        FieldPanel("audiences"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Contact"),
        ),
    ]
    people_panels = [
        InlinePanel("partners", heading=_("Partners"), label=_("partner")),
        MultiFieldPanel(
            [FieldPanel(name) for name, _label in ENOLL_ELEMENTS],
            heading=_("The five elements of a living lab (ENoLL)"),
        ),
    ]
    results_panels = [
        InlinePanel("business_cases", heading=_("Business cases"), label=_("business case")),
        InlinePanel("figures", heading=_("Results in figures"), label=_("figure")),
        FieldPanel("results"),
        InlinePanel("milestones", heading=_("Timeline"), label=_("milestone")),
        FieldPanel("gallery"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(people_panels, heading=_("Partners")),
            ObjectList(results_panels, heading=_("Results")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("question"),
        index.SearchField("place"),
        index.SearchField("results"),
        index.FilterField("phase"),
    ]
    # What a lab is and where it stands is the same in every language: only the words are
    # translated. wagtail-localize leaves M2M fields out unless told (wagtail-localize #820);
    # the inlines (partners, business cases, figures, milestones) are copied on every sync.
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("themes"),
        SynchronizedField("audiences"),
        SynchronizedField("place"),
        SynchronizedField("phase", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("province", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("contact_name", overridable=False),
        SynchronizedField("contact_phone", overridable=False),
    ]

    class Meta:
        verbose_name = _("living lab")
        verbose_name_plural = _("living labs")

    def get_summary(self):
        return self.summary

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot lie before the start.")})

    def get_context(self, request, *args, **kwargs):
        from ..views import lab_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lab_context(self, request))
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        if request.method not in (HTTPMethod.GET, HTTPMethod.HEAD):
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().index_route(request, *args, **kwargs)

    @path(_("milestones/"), name="calendar")
    def calendar_route(self, request):
        from ..views import milestones_calendar

        return milestones_calendar(self, request)
