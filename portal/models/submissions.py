import hashlib
import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Crockford's base 32 without look-alikes: a reference is read aloud over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference(prefix):
    """A reference such as RE-2026-7KQ4MX: kind, year, six random characters."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"{prefix}-{timezone.localdate().year}-{code}"


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
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
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
            self.language = get_language() or settings.LANGUAGE_CODE
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
