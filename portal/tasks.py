"""Background tasks: every mail leaves through ``send_email``, run by the worker.

The task is given the id of an ``OutgoingMail`` row, never the mail itself: the task queue
keeps its arguments, result and traceback, and they must hold no personal data
(portal.models.mail). The row is deleted once the mail is sent or given up; a row that
erasure removed first is not sent.

A mail outage must neither lose a message nor send it twice. A message the server did not
take (refused, timed out, disconnected) is queued again for later, with growing pauses
(``MAIL_RETRY_DELAY`` doubling up to ``MAIL_RETRY_MAX_DELAY``), for ``MAIL_MAX_ATTEMPTS``
attempts, which span about two days; only then is it marked failed. Once the server has
taken the message, a failing goodbye (QUIT) is only logged: trying again would send it twice.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import DatabaseError
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


class MailNotSent(OSError):
    """The mail server kept refusing; says which row, not to whom (its own message may
    name the recipients, and the queue keeps the traceback)."""


def retry_delay(attempt):
    """The pause after failed attempt ``attempt`` (1, 2, ...)."""
    seconds = settings.MAIL_RETRY_DELAY * 2 ** (attempt - 1)
    return timedelta(seconds=min(seconds, settings.MAIL_RETRY_MAX_DELAY))


@task()
def send_email(mail_id, attempt=1):
    """Send one message; on a mail outage, try again later where the backend can defer."""
    from .models import OutgoingMail

    mail = OutgoingMail.objects.filter(pk=mail_id).first()
    if mail is None:
        return "gone"
    connection = get_connection()
    message = EmailMessage(
        subject=mail.subject,
        body=mail.body,
        to=mail.to,
        reply_to=mail.reply_to or None,
        connection=connection,
    )
    try:
        # Opened here, so send() leaves the goodbye to the finally below.
        connection.open()
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        backend = send_email.get_backend()
        if attempt >= settings.MAIL_MAX_ATTEMPTS or not backend.supports_defer:
            mail.delete()
            raise MailNotSent(
                f"mail {mail_id} not sent after {attempt} attempt(s): {type(error).__name__}"
            ) from None
        delay = retry_delay(attempt)
        logger.warning(
            "Sending mail %s failed, attempt %s; trying again in %s", mail_id, attempt, delay
        )
        send_email.using(run_after=timezone.now() + delay).enqueue(mail_id, attempt=attempt + 1)
        return "deferred"
    finally:
        try:
            connection.close()
        except (smtplib.SMTPException, OSError) as error:
            logger.info("Closing the mail connection failed: %s", error)
    try:
        mail.delete()
    except DatabaseError:
        # Sent, but the database went away: the task must still end as sent (run again, it
        # would send the mail twice). The row is left for the purge, which removes mail
        # rows older than the worker would keep them.
        logger.warning("Mail %s was sent; its row could not be removed yet", mail_id)
    return "sent"
