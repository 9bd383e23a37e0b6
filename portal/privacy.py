"""Personal data, for every kind of submission alike (see BaseSubmission's privacy hooks).

- ``self_service_url(submission)``: the signed link in every thank-you page and confirmation
  with which the person sees their submission, withdraws it or erases their personal data;
- ``purge(now)``: what ``manage.py purge_personal_data`` does;
- ``find_for_email`` / ``export_for_email`` / ``erase_for_email``: the admin's per-person
  export and erasure.

portal imports no app: the kinds of submission are found through django.apps.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from .models.mail import OutgoingMail
from .models.privacy import PersonalDataLog, submission_models

SALT = "portal.privacy.self-service"


class LinkError(Exception):
    """A self-service link that is not ours (``expired`` False) or too old (True)."""

    def __init__(self, expired):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def link_max_age():
    return settings.PRIVACY_LINK_MAX_AGE_DAYS * 24 * 60 * 60


def self_service_token(submission):
    return signing.dumps(
        {"k": submission.privacy_kind(), "r": submission.reference}, salt=SALT, compress=True
    )


def submission_for_token(token, max_age=None):
    """The submission a token was made for; LinkError when tampered or expired."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=max_age or link_max_age())
        kind, reference = str(data["k"]), str(data["r"])
    except signing.SignatureExpired as error:
        raise LinkError(expired=True) from error
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise LinkError(expired=False) from error
    model = model_for_kind(kind)
    submission = model._default_manager.filter(reference=reference).first() if model else None
    if submission is None:
        raise LinkError(expired=False)
    return submission


def model_for_kind(kind):
    return next((model for model in submission_models() if model.privacy_kind() == kind), None)


def self_service_path(submission):
    """The link's path, in the submission's own language."""
    with translation.override(submission.language or settings.LANGUAGE_CODE):
        return reverse("privacy_self_service", args=[self_service_token(submission)])


def site_root_url():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def self_service_url(submission, request=None):
    """The full self-service link, for mail (and for anyone who needs an absolute one)."""
    path = self_service_path(submission)
    if request is not None:
        return request.build_absolute_uri(path)
    return site_root_url() + path


def retention_periods():
    """Every kind of submission with its period, for the privacy statement: a list of
    {"code", "kind" (plural, active language), "days", "why"}."""
    from django.utils.text import capfirst

    return [
        {
            "code": model.privacy_kind(),
            "kind": capfirst(model._meta.verbose_name_plural),
            "days": model.retention_default(),
            "why": model.privacy_purpose,
        }
        for model in submission_models()
    ]


# The purge --------------------------------------------------------------------------------


def purge(now=None, dry_run=False):
    """Remove or anonymise the personal data past its retention, for every kind.

    Returns [(model, days, erased, deleted)]. Running it again changes nothing: erased rows
    have ``erased_at`` and are not looked at again.
    """
    now = now or timezone.now()
    report = []
    for model in submission_models():
        days = model.retention_default()
        shortest = model.shortest_retention_days()
        candidates = model.retention_candidates().filter(
            created_at__lt=now - timedelta(days=shortest)
        )
        erased, deleted = [], []
        # A list, not a cursor: each row is changed in its own transaction as we go.
        for submission in list(candidates):
            if submission.retention_ends_at() > now:
                continue
            if dry_run:
                (deleted if submission.purge_deletes() else erased).append(submission)
                continue
            with transaction.atomic():
                if submission.purge_deletes():
                    deleted.append(submission)
                    submission.delete()
                else:
                    submission.erase_personal_data()
                    erased.append(submission)
        if erased and not dry_run:
            PersonalDataLog.record(
                PersonalDataLog.Action.PURGE, PersonalDataLog.Source.COMMAND, erased
            )
        report.append((model, days, len(erased), len(deleted)))
    if not dry_run:
        # Mails a dead worker left behind, and the queue's rows of mails long sent.
        OutgoingMail.purge(now)
    return report


# One person, in the admin ------------------------------------------------------------------


def find_for_email(email):
    """{model: [submissions]} holding personal data of this address (kinds with none left out)."""
    found = {}
    for model in submission_models():
        rows = list(model.for_email(email).order_by("created_at"))
        if rows:
            found[model] = rows
    return found


def export_for_email(email, found=None):
    found = find_for_email(email) if found is None else found
    return {
        "email": email,
        "generated_at": timezone.now().isoformat(),
        "submissions": {
            model.privacy_kind(): [submission.export_data() for submission in rows]
            for model, rows in found.items()
        },
    }


def erase_for_email(email, user=None):
    """Erase every submission of this address; one audit log entry. Returns the count."""
    found = find_for_email(email)
    erased = []
    with transaction.atomic():
        for rows in found.values():
            for submission in rows:
                submission.erase_personal_data()
                erased.append(submission)
        PersonalDataLog.record(
            PersonalDataLog.Action.ERASE,
            PersonalDataLog.Source.ADMIN,
            erased,
            email=email,
            user=user,
        )
    return len(erased)
