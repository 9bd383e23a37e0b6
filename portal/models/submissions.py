import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Crockford's base 32 without look-alikes: a reference is read aloud over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference(prefix):
    """A reference such as RE-2026-7KQ4MX: kind, year, six random characters."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"{prefix}-{timezone.localdate().year}-{code}"


def active_language():
    """The language of the page the visitor sent the form from (i18n_patterns activates it
    from the URL prefix): their receipt, self-service page and mail are in it."""
    language = get_language() or settings.LANGUAGE_CODE
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else language.split("-")[0]


class BaseSubmission(models.Model):
    """What every form a visitor sends has: a reference, a language, consent, a replay key.

    Subclasses name the fields that hold personal data in ``personal_data_fields``, so that
    retention, export and erasure can treat every kind of submission alike.
    """

    reference_prefix = "WK"
    personal_data_fields = ["name", "email"]

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    # A hash of the one-time form token and the posted content: a double click or a replay
    # of the same post finds the stored submission instead of making a second one.
    submission_key = models.CharField(max_length=64, unique=True, editable=False)
    # A fixed default made every submission Dutch, an English reaction included.
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default=active_language
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"), max_length=254)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    created_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.submission_key:
            self.submission_key = secrets.token_hex(32)
        if not self.language:
            self.language = active_language()
        if self.reference:
            return super().save(*args, **kwargs)
        # A reference is random; on the rare clash, draw again.
        for _attempt in range(5):
            self.reference = new_reference(self.reference_prefix)
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if type(self).objects.filter(submission_key=self.submission_key).exists():
                    raise
        raise IntegrityError("could not draw a free reference")

    @staticmethod
    def key_for(token, content):
        return hashlib.sha256(f"{token}\n{content}".encode()).hexdigest()

    # ---- Personal data: what each kind of submission says about itself --------------------
    # Subclasses override these class attributes (and the hooks below where they need to);
    # portal.privacy uses nothing else, so a new kind of submission is covered as it lands.

    #: Related managers whose rows are deleted with the personal data (files go with them).
    personal_data_related = []
    #: Days the personal data is kept when the site settings name no other period.
    default_retention_days = 365
    #: Why it is stored, in a sentence shown on thank-you pages, in mail and on the link.
    privacy_purpose = _("to handle what you sent us and to answer you.")

    @classmethod
    def privacy_kind(cls):
        """Stable code of this kind of submission (``app_label.model``)."""
        return cls._meta.label_lower

    @classmethod
    def retention_default(cls):
        """The period set in the admin (Settings → Personal data), else the class default."""
        from .privacy import PrivacySettings

        return PrivacySettings.retention_days_for(cls)

    def retention_days(self):
        return type(self).retention_default()

    def retention_ends_at(self):
        """When the personal data goes: ``retention_days`` after it was received."""
        return self.created_at + timedelta(days=self.retention_days())

    @classmethod
    def retention_candidates(cls):
        """The rows the purge looks at; subclasses leave out what still waits for a person."""
        return cls._default_manager.filter(erased_at=None)

    @classmethod
    def shortest_retention_days(cls):
        """The shortest period any row of this kind can have (narrows the purge's query)."""
        return cls.retention_default()

    def purge_deletes(self):
        """True when the purge deletes the row instead of anonymising it (never counted)."""
        return False

    def personal_data_labels(self):
        """What was stored about the person, as field names in the active language."""
        return [str(self._meta.get_field(name).verbose_name) for name in self.personal_data_fields]

    def self_service_rows(self):
        """What the person sees of their submission behind their link: (label, text)."""
        rows = []
        for name in self.personal_data_fields:
            field = self._meta.get_field(name)
            value = getattr(self, name)
            if isinstance(field, models.JSONField) or value in ("", None):
                continue
            rows.append((str(capfirst(field.verbose_name)), str(value)))
        return rows

    def self_service_status(self):
        """The state to show the person (a status label), or an empty string."""
        if hasattr(self, "get_status_display"):
            return self.get_status_display()
        return ""

    def self_service(self):
        """A summary for the privacy notice: what was stored, why, and until when."""
        return {
            "kind": str(self._meta.verbose_name),
            "reference": self.reference,
            "stored": self.personal_data_labels(),
            "why": str(self.privacy_purpose),
            "until": self.retention_ends_at(),
            "erased_at": self.erased_at,
        }

    def export_data(self):
        """Everything held in this row, for an export: field name to plain value."""
        data = {}
        for field in self._meta.concrete_fields:
            if field.name in ("id", "submission_key") or field.name.endswith("_key"):
                continue
            value = getattr(self, field.attname)
            if isinstance(value, datetime):
                value = value.isoformat()
            elif value is not None and not isinstance(value, (str, int, float, bool, dict, list)):
                value = str(value)
            data[field.name] = value
        return data

    @classmethod
    def for_email(cls, email):
        """The rows that hold personal data of this e-mail address."""
        return cls._default_manager.filter(email__iexact=email.strip(), erased_at=None)

    def can_withdraw(self):
        return self.erased_at is None

    def withdraw(self):
        """The person takes the submission back: by default, its personal data is erased.
        Subclasses first set a status (withdrawn) and keep its history."""
        self.erase_personal_data()

    def erasure_note(self):
        """Hook: what erasure does beyond this row, in a sentence for the person's link
        (a published profile stays, without their copies); empty when nothing."""
        return ""

    def erase_related(self):
        """Hook: personal data kept outside this row (history notes, a draft page...)."""

    def forget_copies(self):
        """What was copied out of the row for every kind alike: mails not sent yet and the
        task queue's rows that hold a mail's text (portal.models.mail), and the labels of
        the admin's history, which quote the row as it read (a question's text, a name)."""
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import ModelLogEntry

        from .mail import OutgoingMail

        OutgoingMail.forget(self.email, self.reference)
        if self.pk:
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(
                    type(self), for_concrete_model=False
                ),
                object_id=str(self.pk),
            ).update(label=self.reference)

    def erase_personal_data(self, save=True):
        """Blank every personal field, delete the related rows that hold personal data (and
        their files), and mark the row erased. The row stays: reference, dates, status and
        themes keep counting in the statistics."""
        with transaction.atomic():
            # First what lives elsewhere: the hook may still need the address to find it.
            self.erase_related()
            self.forget_copies()
            for name in self.personal_data_fields:
                field = self._meta.get_field(name)
                if isinstance(field, models.JSONField):
                    value = field.get_default()
                elif field.null:
                    value = None
                else:
                    value = ""
                setattr(self, name, value)
            for related in self.personal_data_related:
                getattr(self, related).all().delete()
            self.erased_at = timezone.now()
            if save:
                self.save()
