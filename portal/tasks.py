"""Background tasks: every mail leaves through ``send_email``, run by the worker.

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
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


def retry_delay(attempt):
    """The pause after failed attempt ``attempt`` (1, 2, ...)."""
    seconds = settings.MAIL_RETRY_DELAY * 2 ** (attempt - 1)
    return timedelta(seconds=min(seconds, settings.MAIL_RETRY_MAX_DELAY))


@task()
def send_email(*, subject, body, to, reply_to=None, attempt=1):
    """Send one message; on a mail outage, try again later where the backend can defer."""
    connection = get_connection()
    message = EmailMessage(
        subject=subject, body=body, to=to, reply_to=reply_to or None, connection=connection
    )
    try:
        # Opened here, so send() leaves the goodbye to the finally below.
        connection.open()
        message.send()
    except (smtplib.SMTPException, OSError):
        backend = send_email.get_backend()
        if attempt >= settings.MAIL_MAX_ATTEMPTS or not backend.supports_defer:
            raise
        delay = retry_delay(attempt)
        logger.warning("Sending %r failed, attempt %s; trying again in %s", subject, attempt, delay)
        send_email.using(run_after=timezone.now() + delay).enqueue(
            subject=subject, body=body, to=to, reply_to=reply_to, attempt=attempt + 1
        )
        return "deferred"
    finally:
        try:
            connection.close()
        except (smtplib.SMTPException, OSError) as error:
            logger.info("Closing the mail connection failed: %s", error)
    return "sent"
