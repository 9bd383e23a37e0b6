"""Retention periods set in the admin, and the audit log of what happened to personal data."""

import hashlib
import hmac

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable


def submission_models():
    """Every kind of submission installed: the concrete subclasses of BaseSubmission."""
    from .submissions import BaseSubmission

    found = [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSubmission) and not model._meta.abstract
    ]
    return sorted(found, key=lambda model: model._meta.label_lower)


def submission_kind_choices():
    return [
        (model.privacy_kind(), capfirst(model._meta.verbose_name_plural))
        for model in submission_models()
    ]


@register_setting(icon="lock")
class PrivacySettings(BaseGenericSetting, ClusterableModel):
    """How long each kind of submission keeps its personal data."""

    panels = [
        HelpPanel(
            content=_(
                "Kinds without a row here keep their personal data for their default period "
                "(see the README). Applications to a call can have their own period on the "
                "call's page. The command purge_personal_data applies these periods every "
                "day."
            )
        ),
        InlinePanel("retention_periods", label=_("retention period")),
    ]

    class Meta:
        verbose_name = _("personal data")

    @classmethod
    def retention_days_for(cls, model):
        kind = model.privacy_kind()
        days = (
            RetentionPeriod.objects.filter(kind=kind)
            .order_by("sort_order", "pk")
            .values_list("days", flat=True)
            .first()
        )
        return model.default_retention_days if days is None else days


class RetentionPeriod(Orderable):
    setting = ParentalKey(
        PrivacySettings, on_delete=models.CASCADE, related_name="retention_periods"
    )
    kind = models.CharField(
        _("kind of submission"), max_length=100, choices=submission_kind_choices
    )
    days = models.PositiveIntegerField(
        _("days"), help_text=_("Personal data is removed this many days after it was received.")
    )

    panels = [FieldPanel("kind"), FieldPanel("days")]

    class Meta(Orderable.Meta):
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")


def email_hash(email):
    """A keyed hash of an e-mail address: the log can say "the same person" without it."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


class PersonalDataLog(models.Model):
    """One export, erasure, withdrawal or purge. Holds no personal data: the e-mail address
    only as a keyed hash, the submissions by kind and reference."""

    class Action(models.TextChoices):
        EXPORT = "export", _("export")
        ERASE = "erase", _("erasure")
        WITHDRAW = "withdraw", _("withdrawal")
        PURGE = "purge", _("purge after retention")

    class Source(models.TextChoices):
        ADMIN = "admin", _("an editor in the admin")
        SELF_SERVICE = "self", _("the person, through their link")
        COMMAND = "command", _("the purge command")

    action = models.CharField(_("action"), max_length=20, choices=Action)
    source = models.CharField(_("by"), max_length=20, choices=Source)
    subject_hash = models.CharField(_("e-mail address (hash)"), max_length=64, blank=True)
    # {"blog.reaction": ["RE-2026-…", …], …}: kinds and references, no names or addresses.
    submissions = models.JSONField(_("submissions"), default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_name = models.CharField(_("editor"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("personal data log entry")
        verbose_name_plural = _("personal data log")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("manage_personal_data", _("Can export and erase the personal data of a person"))
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def count(self):
        return sum(len(references) for references in self.submissions.values())

    @classmethod
    def record(cls, action, source, submissions, *, email="", user=None):
        grouped = {}
        for submission in submissions:
            grouped.setdefault(submission.privacy_kind(), []).append(submission.reference)
        return cls.objects.create(
            action=action,
            source=source,
            subject_hash=email_hash(email) if email else "",
            submissions=grouped,
            user=user if user is not None and user.is_authenticated else None,
            user_name=(user.get_username() if user is not None and user.is_authenticated else ""),
        )
