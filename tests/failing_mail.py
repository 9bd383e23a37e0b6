import smtplib
import time

from django.core.mail.backends import filebased, locmem
from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


class GoodbyeFailingEmailBackend(locmem.EmailBackend):
    """A mail server that takes the message, then fails on QUIT."""

    def close(self):
        raise smtplib.SMTPResponseException(421, b"closing")


class SlowFileEmailBackend(filebased.EmailBackend):
    """One file per message, a tenth of a second each: a worker busy with a batch."""

    def send_messages(self, email_messages):
        time.sleep(0.1)
        return super().send_messages(email_messages)
