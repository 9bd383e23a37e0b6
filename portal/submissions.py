"""Storing what a visitor sends: once, in one transaction, whatever the browser repeats."""

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

THANKS_SALT = "portal.thanks"


def store_once(model, form, build, after=None):
    """Save what ``build()`` makes, unless this very post was stored before.

    ``build()`` returns an unsaved ``model`` instance; ``after(instance)`` runs in the same
    transaction once it is saved (related rows, ``portal.mail.queue_mail``, which waits for
    the commit). Returns the stored instance and whether it is new.
    """
    key = form.submission_key()
    if existing := model.objects.filter(submission_key=key).first():
        return existing, False
    try:
        with transaction.atomic():
            instance = build()
            instance.submission_key = key
            if not instance.consent_at and form.cleaned_data.get("consent"):
                instance.consent_at = timezone.now()
            instance.save()
            if hasattr(form, "save_m2m"):
                form.save_m2m()
            if after:
                after(instance)
    except IntegrityError:
        # Two copies of the same post raced; the other one won.
        if existing := model.objects.filter(submission_key=key).first():
            return existing, False
        raise
    return instance, True


def thanks_token(instance):
    """A signed token for the thank-you page, so that a reference cannot be guessed there."""
    return signing.dumps(instance.reference, salt=THANKS_SALT, compress=True)


def reference_from_thanks_token(token, max_age=60 * 60 * 24):
    try:
        return signing.loads(token, salt=THANKS_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
