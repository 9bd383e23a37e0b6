"""Mail to visitors and editors: rendered in the recipient's language, sent after commit.

A submission is saved first; only when its transaction has committed is the mail handed
to django-tasks. A mail server that is down therefore never costs a submission, and never
turns a saved submission into an error page. The task is handed the id of the mail's row
(``OutgoingMail``), not the mail: the queue's own table keeps every task's arguments, and
erasure must be able to take the mail's personal data back (portal.models.mail).

A mail to several people (the staff who moderate, a call's reviewers) is sent to each of
them alone: one ``To:`` line with every address would tell each recipient who else holds
the role, and a reply-all would reach them all.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

from .models.mail import OutgoingMail
from .tasks import send_email

logger = logging.getLogger(__name__)


def render_mail(template, context, language):
    """Subject and body of ``templates/<template>_subject.txt`` and ``<template>.txt``, as
    plain text: rendered by the template engine that escapes nothing (settings.TEMPLATES)."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context, using="text")
        subject = " ".join(subject.split())
        body = render_to_string(f"{template}.txt", context, using="text")
    return subject, body


def queue_mail(*, to, template, context, language=None, reply_to=None):
    """Render now, in the recipient's language; enqueue once the transaction commits."""
    recipients = [address for address in ([to] if isinstance(to, str) else to) if address]
    if not recipients:
        return
    subject, body = render_mail(template, context, language or translation.get_language())

    def enqueue():
        # Made after the commit: an erasure in the same transaction (a rejection erases the
        # registration it tells about) does not take its own notice away. One row and one
        # task per recipient: nobody sees who else received it.
        for address in dict.fromkeys(recipients):
            try:
                mail = OutgoingMail.objects.create(
                    subject=subject, body=body, to=[address], reply_to=reply_to or []
                )
                send_email.enqueue(mail.pk)
            except Exception:
                # The submission is stored; the failure is logged for the operator to follow up.
                logger.exception("Could not queue a mail to one recipient")

    transaction.on_commit(enqueue)


def staff_addresses(permission):
    """E-mail addresses of the active users who hold ``app_label.codename``."""
    app_label, codename = permission.split(".")
    holders = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(
                user_permissions__codename=codename,
                user_permissions__content_type__app_label=app_label,
            )
            | Q(
                groups__permissions__codename=codename,
                groups__permissions__content_type__app_label=app_label,
            )
        )
    )
    return sorted(set(holders.values_list("email", flat=True))) or [
        address for _name, address in settings.ADMINS
    ]
