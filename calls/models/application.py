from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
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
    # Erased or withdrawn, an application keeps its call, status, dates, role, municipality,
    # province, budget, themes and scores: the figures of the call.
    personal_data_fields = [
        "name",
        "email",
        "phone",
        "organisation",
        "neighbourhood",
        "title",
        "question",
        "summary",
        "partners",
        "answers",
    ]
    personal_data_related = ["files"]
    default_retention_days = 730
    privacy_purpose = _(
        "to review your application to the call, to keep you informed about it and, if it is "
        "chosen, to start the living lab with you."
    )
    # A draft that was never sent is deleted this many days after its call closed.
    DRAFT_DAYS_AFTER_CLOSING = 30

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

    # Personal data (see BaseSubmission) ---------------------------------------------------

    def retention_days(self):
        if self.call.retention_days is not None:
            return self.call.retention_days
        return super().retention_days()

    def retention_ends_at(self):
        if self.is_draft:
            return self.call.closes_at + timedelta(days=self.DRAFT_DAYS_AFTER_CLOSING)
        return super().retention_ends_at()

    @classmethod
    def retention_candidates(cls):
        return super().retention_candidates().select_related("call")

    @classmethod
    def shortest_retention_days(cls):
        from .open_call import OpenCallPage

        overrides = OpenCallPage.objects.filter(retention_days__isnull=False).values_list(
            "retention_days", flat=True
        )
        return min([cls.retention_default(), cls.DRAFT_DAYS_AFTER_CLOSING, *overrides])

    def purge_deletes(self):
        # A draft was never sent: it is not counted anywhere, so it goes with its files.
        return self.is_draft

    def self_service_rows(self):
        rows = [(str(_("Call")), self.call.title), *super().self_service_rows()]
        files = [record.name for record in self.files.all()]
        if files:
            rows.append((str(_("Attachments")), ", ".join(files)))
        return rows

    def can_withdraw(self):
        return self.erased_at is None and self.status in (
            self.Status.DRAFT,
            self.Status.SUBMITTED,
            self.Status.IN_REVIEW,
        )

    def withdraw(self):
        with transaction.atomic():
            StatusChange.objects.create(
                application=self, from_status=self.status, to_status=self.Status.WITHDRAWN
            )
            self.status = self.Status.WITHDRAWN
            self.erase_personal_data()

    def erase_related(self):
        # Notes on the history and reviewers' comments may quote the application.
        self.status_changes.exclude(note="").update(note="")
        self.reviews.exclude(comment="").update(comment="")
        self.resume_key = ""

    def export_data(self):
        data = super().export_data()
        data["themes"] = [theme.slug for theme in self.themes.all()]
        data["files"] = [
            {"name": record.name, "size": record.size, "question": record.question_id}
            for record in self.files.all()
        ]
        data["history"] = [
            {
                "from": change.from_status,
                "to": change.to_status,
                "note": change.note,
                "at": change.created_at.isoformat(),
            }
            for change in self.status_changes.all()
        ]
        return data


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
