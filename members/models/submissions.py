from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.choices import Province
from portal.models import BaseSubmission

from .pages import Need


class PersonalDataMixin:
    """Erasing a submission's personal data keeps the record: reference, dates, what it was
    about. ``personal_data_fields`` names what is blanked."""

    def erase_personal_data(self, save=True):
        for name in self.personal_data_fields:
            field = self._meta.get_field(name)
            setattr(self, name, None if field.null else "")
        self.erased_at = timezone.now()
        if save:
            self.save()


class HelpOffer(PersonalDataMixin, BaseSubmission):
    """An "I can help" message, kept here and relayed by e-mail to the initiative."""

    class Recipient(models.TextChoices):
        INITIATIVE = "initiative", _("the initiative's contact")
        STAFF = "staff", _("the network's staff (the initiative has no contact address)")

    reference_prefix = "HA"
    personal_data_fields = ["name", "email", "message"]

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


class Registration(PersonalDataMixin, BaseSubmission):
    """A request to list an initiative; it becomes a draft profile in moderation.

    The contact person's details live here, apart from the page, so that they can be
    erased when the registration is rejected (the draft page goes with them).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for moderation")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")

    reference_prefix = "AM"
    personal_data_fields = ["name", "email"]

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
