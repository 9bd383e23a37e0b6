from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from portal.content import bump_after_commit
from portal.models import BaseSubmission


class ReactionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Reaction.Status.APPROVED, erased_at=None)

    def pending(self):
        return self.filter(status=Reaction.Status.PENDING)


class Reaction(BaseSubmission):
    """A visitor's reaction to a story: waits as pending until an editor approves it.

    The e-mail address is stored for the editors and never shown; the name and the text
    appear under the story once approved.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for moderation")
        APPROVED = "approved", _("approved")
        SPAM = "spam", _("spam")
        WITHDRAWN = "withdrawn", _("withdrawn by the writer")

    reference_prefix = "RE"
    personal_data_fields = ["name", "email", "text"]
    default_retention_days = 730
    privacy_purpose = _(
        "to show your name and reaction under the story once an editor has approved them; "
        "your e-mail address only for a question about your reaction, never shown."
    )
    SPAM_RETENTION_DAYS = 30

    page = models.ForeignKey(
        "blog.BlogPage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="reactions",
    )
    text = models.TextField(_("reaction"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ReactionQuerySet.as_manager()

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "status", "created_at"])]

    def __str__(self):
        return Truncator(f"{self.name}: {self.text}").chars(60)

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED and self.erased_at is None

    def public_pages(self):
        """Where the reaction shows, for a CDN purge (portal.invalidation)."""
        from portal.pagecache import affected_pages

        return affected_pages(self.page) if self.page_id else []

    # Personal data (see BaseSubmission): withdrawing takes the reaction off the site; spam
    # is deleted after a month instead of counted.

    def retention_days(self):
        if self.status == self.Status.SPAM:
            return self.SPAM_RETENTION_DAYS
        return super().retention_days()

    @classmethod
    def shortest_retention_days(cls):
        return min(cls.retention_default(), cls.SPAM_RETENTION_DAYS)

    def purge_deletes(self):
        return self.status == self.Status.SPAM

    def self_service_rows(self):
        return [(str(_("Story")), self.page.title), *super().self_service_rows()]

    def can_withdraw(self):
        return self.erased_at is None and self.status != self.Status.WITHDRAWN

    def withdraw(self):
        self.status = self.Status.WITHDRAWN
        self.erase_personal_data()

    @property
    def excerpt(self):
        return Truncator(self.text).chars(120)

    excerpt.fget.short_description = _("reaction")

    def moderate(self, status, user=None):
        self.status = status
        self.moderated_at = timezone.now()
        self.moderated_by = user
        self.save(update_fields=["status", "moderated_at", "moderated_by"])

    @classmethod
    def moderate_many(cls, reactions, status, user=None):
        """Set the status of many reactions in one query; returns how many changed."""
        ids = [reaction.pk for reaction in reactions]
        changed = (
            cls.objects.filter(pk__in=ids)
            .exclude(status=status)
            .update(status=status, moderated_at=timezone.now(), moderated_by=user)
        )
        if changed:
            # Stories are kept whole in the page cache under the content version.
            bump_after_commit()
        return changed
