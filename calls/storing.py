"""Saving an application: one transaction per post, files included, mail after commit."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal.i18n import localize_themes
from portal.mail import queue_mail
from portal.models import Theme
from portal.submissions import store_once

from .answers import answer_rows, build_answers
from .models import Application, ApplicationFile, StatusChange
from .tokens import new_resume_key, resume_token
from .uploads import clean_name

logger = logging.getLogger(__name__)
CORE_FIELDS = [
    "name",
    "email",
    "phone",
    "role",
    "organisation",
    "municipality",
    "neighbourhood",
    "province",
    "title",
    "question",
    "summary",
    "partners",
    "budget",
]


class FileWriter:
    """Writes uploads to private storage and removes them again if the transaction fails."""

    def __init__(self):
        self.written = []

    def save(self, upload, kind, sha, question_id, application=None, stash_key=""):
        record = ApplicationFile(
            application=application,
            stash_key=stash_key,
            question_id=question_id,
            name=clean_name(upload.name, kind),
            kind=kind,
            size=upload.size,
            sha256=sha,
        )
        upload.seek(0)
        record.file.save(record.name, upload, save=False)
        self.written.append(record.file.name)
        record.save()
        return record

    def discard(self):
        for name in self.written:
            try:
                ApplicationFile.file.field.storage.delete(name)
            except OSError:
                logger.warning("Could not remove %s after a failed save", name)


def fill(application, form):
    for name in CORE_FIELDS:
        value = form.cleaned_data.get(name)
        if name == "budget":
            setattr(application, name, value)
        else:
            setattr(application, name, value or "")


def set_themes(application, form):
    slugs = form.cleaned_data.get("themes") or []
    application.themes.set(
        Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE, slug__in=slugs)
    )


def attach_files(application, form, writer, stash_key):
    """The draft's files minus those removed, plus earlier stashed and new uploads."""
    question_ids = {block.id for block in form.questions}
    if form.removed_files:
        for record in ApplicationFile.objects.filter(
            Q(application=application) | Q(application=None, stash_key=stash_key or "-"),
            pk__in=form.removed_files,
        ):
            record.delete()
    if stash_key:
        ApplicationFile.objects.filter(
            application=None, stash_key=stash_key, question_id__in=question_ids
        ).update(application=application, stash_key="")
    existing = set(application.files.values_list("question_id", "sha256"))
    for question_id, uploads in form.new_uploads.items():
        for upload, kind, sha in uploads:
            if (question_id, sha) in existing:  # a replay or the same file chosen twice
                continue
            writer.save(upload, kind, sha, question_id, application=application)
            existing.add((question_id, sha))
    files = {}
    for record in application.files.all():
        files.setdefault(record.question_id, []).append(record)
    return files


def stash_uploads(form, stash_key):
    """Keep the good files of a post that came back with mistakes, under ``stash_key``."""
    writer = FileWriter()
    try:
        with transaction.atomic():
            for question_id, uploads in form.new_uploads.items():
                for upload, kind, sha in uploads:
                    writer.save(upload, kind, sha, question_id, stash_key=stash_key)
    except Exception:
        writer.discard()
        raise


def _complete(application, form, versions, writer, stash_key):
    set_themes(application, form)
    files = attach_files(application, form, writer, stash_key)
    application.answers = build_answers(form, versions, files)
    application.save(update_fields=["answers", "updated_at"])


def _record_submission(application, request, page, from_status):
    StatusChange.objects.create(
        application=application,
        from_status=from_status,
        to_status=Application.Status.SUBMITTED,
    )
    send_confirmation(application, request, page)
    notify_reviewers(application)


def store_new(form, versions, page, language, request, *, draft):
    """A first post: a submitted application, or a draft the applicant comes back to."""
    from .answers import source_call

    writer = FileWriter()
    stash_key = form.cleaned_data.get("stash", "")

    def build():
        application = Application(call=source_call(versions, page), language=language)
        fill(application, form)
        if draft:
            application.resume_key = new_resume_key()
        else:
            application.status = Application.Status.SUBMITTED
            application.submitted_at = timezone.now()
        return application

    def after(application):
        _complete(application, form, versions, writer, stash_key)
        if draft:
            send_resume_link(application, request, page)
        else:
            _record_submission(application, request, page, from_status="")

    try:
        return store_once(Application, form, build, after)
    except Exception:
        writer.discard()
        raise


def update_draft(application, form, versions, page, request, *, submit):
    """A draft saved again, or sent. Returns False when it was sent already (a replay)."""
    writer = FileWriter()
    stash_key = form.cleaned_data.get("stash", "")
    try:
        with transaction.atomic():
            changes = {"updated_at": timezone.now()}
            if submit:
                changes.update(status=Application.Status.SUBMITTED, submitted_at=timezone.now())
            # The status is the gate: of two copies of one post, only one finds a draft.
            claimed = Application.objects.filter(
                pk=application.pk, status=Application.Status.DRAFT
            ).update(**changes)
            if not claimed:
                return False
            application.refresh_from_db()
            fill(application, form)
            application.save()
            _complete(application, form, versions, writer, stash_key)
            if submit:
                _record_submission(application, request, page, Application.Status.DRAFT)
    except Exception:
        writer.discard()
        raise
    return True


def resume_url(application, page, request=None):
    token = resume_token(application)
    return f"{page.get_full_url(request)}{page.reverse_subpage('resume')}?t={token}"


def send_resume_link(application, request, page):
    queue_mail(
        to=application.email,
        template="calls/mail/draft_saved",
        context={
            "application": application,
            "call": page,
            "resume_url": resume_url(application, page, request),
        },
        language=application.language,
    )


def copy_of(application, page):
    """What the applicant sent, as (label, text) in their language, for their own records."""
    language = application.language
    with translation.override(language):
        rows = []
        for name in CORE_FIELDS:
            field = Application._meta.get_field(name)
            value = getattr(application, name)
            if value in ("", None):
                continue
            if field.choices:
                value = getattr(application, f"get_{name}_display")()
            rows.append((str(capfirst(field.verbose_name)), str(value)))
        themes = localize_themes(
            application.themes.all(), Locale.objects.get(language_code=language)
        )
        if themes:
            rows.append((str(capfirst(_("themes"))), ", ".join(theme.name for theme in themes)))
        for row in answer_rows(application, page.questions):
            rows.append((dict(row["labels"])[language], dict(row["texts"])[language]))
    return rows


def send_confirmation(application, request, page):
    queue_mail(
        to=application.email,
        template="calls/mail/confirmation",
        context={"application": application, "call": page, "copy": copy_of(application, page)},
        language=application.language,
    )


def reviewer_addresses(call):
    """The call's reviewers; when none are assigned yet, the superusers (or ADMINS)."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    assigned = users.filter(call_assignments__call=call)
    addresses = sorted(set(assigned.values_list("email", flat=True)))
    if not addresses:
        addresses = sorted(set(users.filter(is_superuser=True).values_list("email", flat=True)))
    return addresses or [address for _name, address in settings.ADMINS]


def notify_reviewers(application):
    """A notice without personal data: the reference and a link into the admin."""
    path = reverse("applications:detail", args=[application.pk])
    queue_mail(
        to=reviewer_addresses(application.call),
        template="calls/mail/new_application",
        context={
            "application": application,
            "call": application.call,
            "admin_url": f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}",
        },
        language=settings.LANGUAGE_CODE,
    )
