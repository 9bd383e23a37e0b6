from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.choices import Province, Role
from portal.models import BaseSubmission

from ..uploads import FILE_TYPES, private_storage, private_upload_path


class Application(BaseSubmission):
    """A plan sent in to an open call: core fields as columns, the call's own questions as
    answers keyed by their question's stable block id (see calls.answers)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        IN_REVIEW = "in_review", _("in review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    reference_prefix = "AV"
    personal_data_fields = ["name", "email", "phone", "organisation"]

    # Always the call in the site's first language: applications in Dutch and English to
    # the same call are reviewed, filtered and exported together.
    call = models.ForeignKey(
        "calls.OpenCallPage",
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    title = models.CharField(_("title of the plan"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    neighbourhood = models.CharField(_("neighbourhood or village"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=20, choices=Province, blank=True)
    question = models.TextField(_("local question"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    budget = models.PositiveIntegerField(_("requested budget (euros)"), null=True, blank=True)
    themes = models.ManyToManyField(
        "portal.Theme", verbose_name=_("themes"), blank=True, related_name="applications"
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(_("last saved at"), auto_now=True)
    # Part of the signed link that reopens a draft (calls.tokens); never shown anywhere.
    resume_key = models.CharField(max_length=64, blank=True, editable=False)
    lab = models.ForeignKey(
        "livinglabs.LivingLabPage",
        verbose_name=_("living lab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-created_at"]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self):
        return f"{self.reference} {self.title}".strip()

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT


class StatusChange(models.Model):
    """One step in an application's history: who moved it, when, and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Application.Status, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Application.Status)
    note = models.TextField(_("note"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept when the account is deleted; empty for the applicant's own steps.
    user_name = models.CharField(_("changed by"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class ApplicationFile(models.Model):
    """An attachment, in private storage. Files of a form that came back with mistakes wait
    under a stash key (no application yet) so that the applicant need not choose them again;
    ``calls_cleanup`` removes stashes nobody came back for."""

    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="files"
    )
    stash_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    question_id = models.CharField(_("question"), max_length=64)
    file = models.FileField(storage=private_storage, upload_to=private_upload_path, max_length=255)
    name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(
        _("type"), max_length=10, choices=[(code, kind.label) for code, kind in FILE_TYPES.items()]
    )
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["question_id", "pk"]

    def __str__(self):
        return self.name

    @property
    def content_type(self):
        return FILE_TYPES[self.kind].content_type


@receiver(post_delete, sender=ApplicationFile, dispatch_uid="calls_delete_file")
def delete_stored_file(sender, instance, **kwargs):
    if instance.file:
        instance.file.storage.delete(instance.file.name)
