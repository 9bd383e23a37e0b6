"""The mail task. It is given the id of an ``OutgoingMail`` row, never the mail itself:
the task queue keeps its arguments, result and traceback, and they must hold no personal
data (portal.models.mail). A row that erasure removed is not sent."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


class MailNotSent(OSError):
    """The mail server kept refusing; says which row, not to whom (its own message may
    name the recipients, and the queue keeps the traceback)."""


@task()
def send_email(mail_id, attempt=1):
    """Send one message; on a mail outage, try again later where the backend can defer."""
    from .models import OutgoingMail

    mail = OutgoingMail.objects.filter(pk=mail_id).first()
    if mail is None:
        return "gone"
    message = EmailMessage(
        subject=mail.subject, body=mail.body, to=mail.to, reply_to=mail.reply_to or None
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        backend = send_email.get_backend()
        if attempt >= settings.MAIL_MAX_ATTEMPTS or not backend.supports_defer:
            mail.delete()
            raise MailNotSent(
                f"mail {mail_id} not sent after {attempt} attempt(s): {type(error).__name__}"
            ) from None
        delay = timedelta(minutes=2**attempt)
        logger.warning(
            "Sending mail %s failed, attempt %s; trying again in %s", mail_id, attempt, delay
        )
        send_email.using(run_after=timezone.now() + delay).enqueue(mail_id, attempt=attempt + 1)
        return "deferred"
    mail.delete()
    return "sent"
