from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from portal.content import bump_content_version
from portal.models import BaseSubmission


class ReactionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Reaction.Status.APPROVED)

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

    reference_prefix = "RE"
    personal_data_fields = ["name", "email", "text"]

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
            transaction.on_commit(bump_content_version)
        return changed
