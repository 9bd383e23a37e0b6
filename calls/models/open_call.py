from http import HTTPMethod

from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.models import BasePage

from ..blocks import AudienceNotesBlock, CriteriaBlock, QuestionsBlock

FORMER_ROUTES = {
    "thanks": "thanks",
    "saved": "draft_saved",
    "resume": "resume",
    "questions": "question_overview",
    "deadline": "deadline",
}


class OpenCallPage(RoutablePageMixin, BasePage):
    """The national call to start new living labs, with its application form."""

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("not yet open")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    intro = models.TextField(_("introduction"))
    eligibility = RichTextField(_("who may apply"), features=RICH_TEXT_FEATURES, blank=True)
    offer = RichTextField(_("what a lab gets"), features=RICH_TEXT_FEATURES, blank=True)
    audience_notes = StreamField(
        AudienceNotesBlock(),
        verbose_name=_("what the call means for you"),
        blank=True,
        help_text=_(
            "A note per audience (municipalities, organisations and companies, residents): "
            "shown on the call and on the page of each audience ticked."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("about the call"), blank=True)
    opens_at = models.DateTimeField(_("opens at"), help_text=_("Dutch time (Europe/Amsterdam)."))
    closes_at = models.DateTimeField(
        _("closes at"),
        help_text=_("Dutch time. Applications, drafts and their links close at this moment."),
    )
    max_budget = models.PositiveIntegerField(
        _("highest budget that can be requested (euros)"), null=True, blank=True
    )
    questions = StreamField(
        QuestionsBlock(),
        verbose_name=_("questions of this call"),
        blank=True,
        help_text=_(
            "Asked after the fixed questions (plan, contact details, role, place, summary, "
            "partners, budget). Changing or removing a question later keeps the answers "
            "already given."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    next_steps = models.TextField(
        _("what happens next"),
        blank=True,
        help_text=_("Shown on the thank-you page and in the confirmation e-mail."),
    )
    retention_days = models.PositiveIntegerField(
        _("keep personal data (days)"),
        null=True,
        blank=True,
        help_text=_(
            "How long applicants' personal data is kept after they send their application. "
            "Empty: the period for applications under Settings → Personal data."
        ),
    )
    criteria = StreamField(
        CriteriaBlock(),
        verbose_name=_("review criteria"),
        blank=True,
        help_text=_("Reviewers score every application on each criterion."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    allowed_http_methods = [*BasePage.allowed_http_methods, HTTPMethod.POST]
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("eligibility"),
        FieldPanel("offer"),
        FieldPanel("audience_notes"),
        FieldPanel("body"),
    ]
    form_panels = [
        FieldPanel("max_budget"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("next_steps"), FieldPanel("retention_days")],
            heading=_("After sending"),
        ),
    ]
    review_panels = [FieldPanel("criteria")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(form_panels, heading=_("Application form")),
            ObjectList(review_panels, heading=_("Review")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("max_budget"),
        # Localised when shown (one query), so translating the call never waits for it.
        SynchronizedField("privacy_page"),
        SynchronizedField("retention_days"),
    ]

    class Meta:
        verbose_name = _("open call")

    def get_summary(self):
        return self.intro

    def notes_for(self, audience):
        """The notes of this call for ``audience``, in their order."""
        return [
            block.value
            for block in self.audience_notes
            if block.block_type == "note" and audience in block.value["audiences"]
        ]

    def state_at(self, moment):
        if moment < self.opens_at:
            return self.State.UPCOMING
        if moment < self.closes_at:
            return self.State.OPEN
        return self.State.CLOSED

    @property
    def state(self):
        return self.state_at(timezone.now())

    @property
    def is_open(self):
        return self.state == self.State.OPEN

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.get_url(request)
        context["call_urls"] = {
            name: f"{base}{self.reverse_subpage(name)}"
            for name in ("application_form", "question_overview", "deadline")
        }
        context["call_state"] = self.state
        return context

    @path("")
    def application_form(self, request):
        from ..views import call_page

        return call_page(self, request)

    @path(_("thanks/"), name="thanks")
    def thanks(self, request):
        from ..views import thanks

        return thanks(self, request)

    @path(_("saved/"), name="draft_saved")
    def draft_saved(self, request):
        from ..views import draft_saved

        return draft_saved(self, request)

    @path(_("resume/"), name="resume")
    def resume(self, request):
        from ..views import resume

        return resume(self, request)

    @path(_("questions/"), name="question_overview")
    def question_overview(self, request):
        from ..views import question_overview

        return question_overview(self, request)

    @path(_("deadline/"), name="deadline")
    def deadline(self, request):
        from ..views import deadline_calendar

        return deadline_calendar(self, request)

    # The English segments that Dutch addresses had before the routes were translated: links
    # in mails already sent (a draft's resume link among them) lead on, with their token.
    # In English the routes above match these first.
    @re_path(r"^(?P<segment>thanks|saved|resume|questions|deadline)/$", name="former_route")
    def former_route(self, request, segment):
        name = FORMER_ROUTES[segment]
        url = (self.get_url(request) or "") + self.reverse_subpage(name).lstrip("/")
        if query := request.META.get("QUERY_STRING"):
            url = f"{url}?{query}"
        return HttpResponsePermanentRedirect(url)
