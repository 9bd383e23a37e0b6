import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, WorkflowState
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from portal.choices import Province
from portal.models import BaseSubmission

from .pages import MemberPage, Need


class HelpOffer(BaseSubmission):
    """An "I can help" message, kept here and relayed by e-mail to the initiative."""

    class Recipient(models.TextChoices):
        INITIATIVE = "initiative", _("the initiative's contact")
        STAFF = "staff", _("the network's staff (the initiative has no contact address)")

    reference_prefix = "HA"
    personal_data_fields = ["name", "email", "message"]
    default_retention_days = 365
    privacy_purpose = _(
        "to pass your message on to the initiative, who answer you by e-mail, and to help "
        "if something goes wrong with it."
    )

    page = models.ForeignKey(
        "members.MemberPage",
        verbose_name=_("initiative"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="help_offers",
    )
    need = models.ForeignKey(
        "members.MemberNeed",
        verbose_name=_("need"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_offers",
    )
    # What the offer was about, as it read when it was sent: a need may be edited later.
    initiative_name = models.CharField(_("initiative"), max_length=255)
    need_kind = models.CharField(_("kind of need"), max_length=20, choices=Need)
    need_description = models.CharField(_("the need as it read"), max_length=255)
    message = models.TextField(_("message"))
    relayed_to = models.CharField(
        _("relayed to"), max_length=20, choices=Recipient, default=Recipient.INITIATIVE
    )

    class Meta:
        verbose_name = _("offer of help")
        verbose_name_plural = _("offers of help")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.reference}: {self.initiative_name}"

    def self_service_rows(self):
        return [
            (str(_("Initiative")), self.initiative_name),
            (str(_("Need")), f"{self.get_need_kind_display()}: {self.need_description}"),
            *super().self_service_rows(),
        ]


class Registration(BaseSubmission):
    """A request to list an initiative; it becomes a draft profile in moderation.

    The contact person's details live here, apart from the page, so that they can be
    erased when the registration is rejected (the draft page goes with them).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for moderation")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    reference_prefix = "AM"
    personal_data_fields = ["name", "email"]
    default_retention_days = 365
    privacy_purpose = _(
        "to check your registration, to tell you when your initiative is in the directory, "
        "and as the initiative's private contact for offers of help (never shown)."
    )

    initiative_name = models.CharField(_("name of the initiative"), max_length=255)
    kind = models.ForeignKey(
        "members.OrganisationKind",
        verbose_name=_("kind of organisation"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(_("place"), max_length=100)
    province = models.CharField(_("province"), max_length=20, choices=Province)
    themes = models.ManyToManyField("portal.Theme", verbose_name=_("themes"), blank=True)
    description = models.TextField(_("description"))
    website = models.URLField(_("website"), blank=True)
    public_email = models.EmailField(_("public e-mail address"), blank=True)
    page = models.ForeignKey(
        "members.MemberPage",
        verbose_name=_("profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        permissions = [("erase_registration", _("Can reject registrations and erase them"))]

    def __str__(self):
        return f"{self.reference}: {self.initiative_name}"

    # Personal data (see BaseSubmission) ---------------------------------------------------

    @classmethod
    def retention_candidates(cls):
        # A registration that still waits for a moderator is left alone.
        return super().retention_candidates().exclude(status=cls.Status.PENDING)

    def self_service_rows(self):
        return [(str(_("Initiative")), self.initiative_name), *super().self_service_rows()]

    def can_withdraw(self):
        # Only while it waits: a published profile is the initiative's, not the form's.
        return self.erased_at is None and self.status == self.Status.PENDING

    def withdraw(self):
        self.status = self.Status.WITHDRAWN
        self.decided_at = timezone.now()
        self.erase_personal_data()

    def public_pages(self):
        """The profile in every language, for a CDN purge (portal.invalidation)."""
        from portal.pagecache import affected_pages

        if self.page is None:
            return []
        versions = MemberPage.objects.filter(translation_key=self.page.translation_key)
        return [page for version in versions for page in affected_pages(version)]

    def erasure_note(self):
        """What erasure does to the profile, for the self-service link's page."""
        page = self.page
        if page is None:
            return ""
        if page.first_published_at is None and not page.live:
            return _(
                "Your initiative is not in the directory yet: its draft profile is deleted "
                "with your personal data."
            )
        return _(
            "Your initiative's profile stays in the directory: it belongs to the initiative, "
            "not to you. We take your name and e-mail address off it, and its public e-mail "
            "address too when that is the same as yours: in every language, in its earlier "
            "versions and in the open-data files."
        )

    def erase_related(self):
        """The contact's name and address were copied into the draft profile. A draft that
        was never published is deleted (with its revisions, workflow and search entry); on
        a profile that is or was live, the copies that are still this person's are blanked,
        in every language and in its revisions: the contact, and the public address when
        it is the contact's own. The live rows are changed in place (a publish would also
        publish an editor's unfinished draft); the save of this row then bumps the caches
        (portal.invalidation)."""
        page = self.page
        if page is None:
            return
        if page.first_published_at is None and not page.live:
            for state in WorkflowState.objects.active().for_instance(page):
                state.cancel(user=None)
            page.delete(user=None, skip_permission_checks=True)
            self.page = None
            if self.status == self.Status.PENDING:
                self.status = self.Status.WITHDRAWN
                self.decided_at = timezone.now()
            return
        email = (self.email or "").strip().lower()
        if not email:
            return
        if (self.public_email or "").strip().lower() == email:
            self.public_email = ""
        scrub_translation_sources(page.translation_key, email)
        for version in MemberPage.objects.filter(translation_key=page.translation_key):
            blanked = blank_copies(
                {
                    "contact_name": version.contact_name,
                    "contact_email": version.contact_email,
                    "public_email": version.public_email,
                },
                email,
            )
            if blanked:
                MemberPage.objects.filter(pk=version.pk).update(**blanked)
            for revision in Revision.objects.for_instance(version):
                content = revision.content
                if changes := blank_copies(content, email):
                    content.update(changes)
                    revision.content = content
                    revision.save(update_fields=["content"])


def blank_copies(fields, email):
    """The fields of a profile (a row, a revision, a translation source) that hold this
    contact's copies, blanked: the contact when the address is theirs, the public address
    when it is the same one."""
    changes = {}
    if (fields.get("contact_email") or "").strip().lower() == email:
        changes.update(contact_name="", contact_email="")
    if (fields.get("public_email") or "").strip().lower() == email:
        changes["public_email"] = ""
    return changes


def scrub_translation_sources(translation_key, email):
    """wagtail-localize keeps a frozen copy of the page it translates from (synchronised
    fields included), and each synchronised field's value as an overridable segment (with
    any override a translator made): blank the contact there too."""
    for source in TranslationSource.objects.filter(object_id=translation_key):
        content = json.loads(source.content_json)
        if changes := blank_copies(content, email):
            content.update(changes)
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            source.save(update_fields=["content_json"])
            # Extracted again at the next sync, from the blanked page.
            OverridableSegment.objects.filter(source=source, context__path__in=changes).delete()
            SegmentOverride.objects.filter(
                context__object_id=translation_key, context__path__in=changes
            ).delete()
