import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email(*, subject, body, to, reply_to=None, attempt=1):
    """Send one message; on a mail outage, try again later where the backend can defer."""
    message = EmailMessage(subject=subject, body=body, to=to, reply_to=reply_to or None)
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        backend = send_email.get_backend()
        if attempt >= settings.MAIL_MAX_ATTEMPTS or not backend.supports_defer:
            raise
        delay = timedelta(minutes=2**attempt)
        logger.warning("Sending %r failed, attempt %s; trying again in %s", subject, attempt, delay)
        send_email.using(run_after=timezone.now() + delay).enqueue(
            subject=subject, body=body, to=to, reply_to=reply_to, attempt=attempt + 1
        )
        return "deferred"
    return "sent"
