from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.choices import Role
from portal.models import BasePage, BaseSubmission

# A reference as portal.models.submissions draws it: VR-2026-7KQ4MX.
REFERENCE_PATTERN = r"VR-[0-9]{4}-[0-9A-Z]{6}"


class QuestionPage(RoutablePageMixin, BasePage):
    """ "Breng je vraag in": where residents, organisations and municipalities ask, and
    where everyone can follow what became of the questions that may be published."""

    intro = models.TextField(_("introduction"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # The form posts to the page itself (portal.routing explains the CSRF exemption).
    allowed_http_methods = [*BasePage.allowed_http_methods, HTTPMethod.POST]
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("question page")

    def get_summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from ..questions.views import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request, kwargs.get("form")))
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        from ..questions.views import question_page

        return question_page(self, request)

    @path(_("thanks/"), name="thanks")
    def thanks_route(self, request):
        from ..questions.views import thanks

        return thanks(self, request)

    @re_path(rf"^(?P<reference>{REFERENCE_PATTERN})/$", name="question")
    def question_route(self, request, reference):
        from ..questions.views import question_detail

        return question_detail(self, request, reference)


class QuestionQuerySet(models.QuerySet):
    def public(self):
        """What anyone may see: published by an editor, with the asker's consent to it."""
        return self.filter(status=Question.Status.PUBLISHED, erased_at=None).exclude(
            publish_as=Question.PublishAs.NO
        )


class Question(BaseSubmission):
    """A question brought in on the question page, and the path it takes.

    Two things move independently: the ``state`` of its path (received, answered, taken
    into the open call, became a living lab), which the asker follows and is mailed about,
    and its ``status`` on the site (pending until an editor looks at it). Only a question
    the asker allowed to be published can be published; anonymously it shows no name.
    """

    class State(models.TextChoices):
        RECEIVED = "received", _("received")
        ANSWERED = "answered", _("answered")
        IN_CALL = "in_call", _("taken into the open call")
        LAB = "lab", _("became a living lab")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an editor")
        PUBLISHED = "published", _("published")
        NOT_PUBLISHED = "not_published", _("not published")
        SPAM = "spam", _("spam")

    class PublishAs(models.TextChoices):
        NAME = "name", _("with a name")
        ANONYMOUS = "anonymous", _("anonymously")
        NO = "no", _("not to be published")

    reference_prefix = "VR"
    # The question itself may tell who asked: it goes with the name when the data is erased
    # (the public list shows only questions whose data is kept).
    personal_data_fields = ["name", "email", "public_name", "text"]
    default_retention_days = 365
    privacy_purpose = _(
        "to answer your question, to tell you by e-mail what became of it and, if you allowed "
        "it, to publish it with its answer."
    )

    # The question page of the asker's language; its translations show the same question.
    page = models.ForeignKey(
        QuestionPage,
        verbose_name=_("question page"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    municipality = models.CharField(_("municipality"), max_length=100)
    theme = models.ForeignKey(
        "portal.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    text = models.TextField(_("question"), max_length=3000)
    publish_as = models.CharField(
        _("may be published"), max_length=20, choices=PublishAs, default=PublishAs.NO
    )
    public_name = models.CharField(_("name to publish"), max_length=100, blank=True)

    status = models.CharField(
        _("status on the site"),
        max_length=20,
        choices=Status,
        default=Status.PENDING,
        db_index=True,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State, default=State.RECEIVED, db_index=True
    )
    answer = models.TextField(
        _("answer"), blank=True, help_text=_("In the language of the question.")
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    call = models.ForeignKey(
        "calls.OpenCallPage",
        verbose_name=_("open call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="brought_in_questions",
    )
    call_at = models.DateTimeField(_("taken into the call at"), null=True, blank=True)
    lab = models.ForeignKey(
        "livinglabs.LivingLabPage",
        verbose_name=_("living lab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="brought_in_questions",
    )
    lab_at = models.DateTimeField(_("became a lab at"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "language", "created_at"])]

    def __str__(self):
        return f"{self.reference} {Truncator(self.text).chars(60)}"

    @property
    def excerpt(self):
        return Truncator(self.text).chars(100)

    @property
    def shown_name(self):
        """The name the public sees: none when anonymous."""
        if self.publish_as != self.PublishAs.NAME:
            return ""
        return self.public_name or self.name

    @property
    def may_be_published(self):
        return self.publish_as != self.PublishAs.NO

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.may_be_published and not self.erased_at

    def public_pages(self):
        """Where the question shows, for a CDN purge (portal.invalidation): the question
        page in every language, with its home."""
        from portal.pagecache import affected_pages

        versions = QuestionPage.objects.filter(translation_key=self.page.translation_key)
        return [page for version in versions for page in affected_pages(version)]

    def self_service_rows(self):
        return [(str(_("Question page")), self.page.title), *super().self_service_rows()]

    def self_service_status(self):
        return self.get_state_display()

    def withdraw(self):
        """Taken back: it leaves the site, and its personal data goes."""
        self.status = self.Status.NOT_PUBLISHED
        self.erase_personal_data()

    def steps(self):
        """The path, in order: (state code, label, date or None, reached)."""
        order = list(self.State)
        reached = order.index(self.state)
        dates = {
            self.State.RECEIVED: self.created_at,
            self.State.ANSWERED: self.answered_at,
            self.State.IN_CALL: self.call_at,
            self.State.LAB: self.lab_at,
        }
        return [
            {
                "code": state.value,
                "label": state.label,
                "date": dates[state] if position <= reached else None,
                "reached": position <= reached,
                "current": position == reached,
            }
            for position, state in enumerate(order)
        ]


class QuestionChange(models.Model):
    """One change of a question's state or status: what, from, to, who and when."""

    class Field(models.TextChoices):
        STATE = "state", _("state")
        STATUS = "status", _("status on the site")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(_("what"), max_length=10, choices=Field)
    from_value = models.CharField(_("from"), max_length=20, blank=True)
    to_value = models.CharField(_("to"), max_length=20)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept when the account is deleted; empty for the asker's own first step.
    user_name = models.CharField(_("changed by"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("change of a question")
        verbose_name_plural = _("changes of questions")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.field}: {self.from_value} → {self.to_value}"

    def label(self, value):
        choices = Question.State if self.field == self.Field.STATE else Question.Status
        return dict(choices.choices).get(value, value)

    @property
    def from_label(self):
        return self.label(self.from_value) if self.from_value else ""

    @property
    def to_label(self):
        return self.label(self.to_value)
