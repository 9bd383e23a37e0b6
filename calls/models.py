from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.models import BasePage


class OpenCallPage(BasePage):
    """The national call to start new living labs."""

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("not yet open")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    intro = models.TextField(_("introduction"))
    body = StreamField(BodyBlock(), verbose_name=_("about the call"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
    ]

    class Meta:
        verbose_name = _("open call")

    def get_summary(self):
        return self.intro

    @property
    def state(self):
        now = timezone.now()
        if now < self.opens_at:
            return self.State.UPCOMING
        if now < self.closes_at:
            return self.State.OPEN
        return self.State.CLOSED


class QuestionPage(BasePage):
    """ "Breng je vraag in": where residents, organisations and municipalities ask."""

    intro = models.TextField(_("introduction"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("question page")

    def get_summary(self):
        return self.intro
