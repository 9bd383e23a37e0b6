from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .application import Application


class CallReviewer(models.Model):
    """Who reviews which call. A reviewer sees the applications of their own calls only."""

    call = models.ForeignKey(
        "calls.OpenCallPage",
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        related_name="reviewer_assignments",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="call_assignments",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("reviewer assignment")
        verbose_name_plural = _("reviewer assignments")
        ordering = ["call", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="unique_reviewer_per_call")
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()}: {self.call.title}"


class Review(models.Model):
    """One reviewer's view of one application: first the conflict-of-interest declaration,
    then a score per criterion of the call (keyed by the criterion's block id)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="application_reviews",
    )
    reviewer_name = models.CharField(_("reviewer"), max_length=150)
    # None until declared; True keeps the reviewer out of scoring this application.
    has_conflict = models.BooleanField(_("conflict of interest"), null=True)
    declared_at = models.DateTimeField(_("declared at"), null=True, blank=True)
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    # The sum of the scores as a percentage of the highest possible sum: calls with other
    # criteria stay comparable, and the list can filter on it.
    score = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=1, null=True)
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("scored at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="unique_review_per_reviewer"
            )
        ]

    def __str__(self):
        return f"{self.reviewer_name}: {self.application.reference}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None
