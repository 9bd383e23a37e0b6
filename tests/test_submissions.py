"""What every public form relies on: mail after commit, retries, honeypot, replay key."""

from datetime import timedelta

import pytest
from django import forms
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django_tasks import task_backends

from portal.forms import SubmissionFormMixin
from portal.mail import queue_mail
from portal.models import OutgoingMail
from portal.tasks import retry_delay, send_email

pytestmark = pytest.mark.django_db
FAILING = "tests.failing_mail.FailingEmailBackend"


class ExampleForm(SubmissionFormMixin, forms.Form):
    name = forms.CharField()


def test_mail_is_sent_only_after_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(
            to="bewoner@example.org",
            template="portal/mail/test",
            context={"name": "Fatima"},
            language="nl",
        )
        assert mail.outbox == []

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bewoner@example.org"]
    assert "Fatima" in mail.outbox[0].body


def test_mail_is_not_sent_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue_mail(to="a@example.org", template="portal/mail/test", context={}, language="nl")
        raise RuntimeError

    assert mail.outbox == []


@pytest.mark.parametrize(("language", "subject"), [("nl", "Testbericht"), ("en", "Test message")])
def test_mail_is_written_in_the_recipients_language(
    django_capture_on_commit_callbacks, language, subject
):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(to="a@example.org", template="portal/mail/test", context={}, language=language)

    assert mail.outbox[0].subject == subject


@override_settings(EMAIL_BACKEND=FAILING)
def test_a_mail_outage_raises_nothing_in_the_request(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(to="a@example.org", template="portal/mail/test", context={}, language="nl")

    assert mail.outbox == []


@override_settings(
    EMAIL_BACKEND=FAILING,
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
)
def test_a_failed_mail_is_tried_again_later_where_the_backend_can_defer():
    task_backends["default"].clear()

    outgoing = OutgoingMail.objects.create(subject="Hallo", body="Tekst", to=["a@example.org"])

    outcome = send_email.call(outgoing.pk)

    assert outcome == "deferred"
    (retry,) = task_backends["default"].results
    assert retry.args == [outgoing.pk] and retry.kwargs["attempt"] == 2
    assert retry.task.run_after is not None
    assert OutgoingMail.objects.filter(pk=outgoing.pk).exists()  # waits for the retry


@override_settings(EMAIL_BACKEND=FAILING, MAIL_MAX_ATTEMPTS=1)
def test_a_mail_that_keeps_failing_is_reported_as_failed():
    outgoing = OutgoingMail.objects.create(subject="Hallo", body="Tekst", to=["a@example.org"])

    with pytest.raises(OSError):
        send_email.call(outgoing.pk)
    assert not OutgoingMail.objects.exists()  # given up: its text is not kept


def test_a_mail_task_is_handed_an_id_and_sends_nothing_once_its_row_is_gone():
    outgoing = OutgoingMail.objects.create(subject="Hallo", body="Tekst", to=["a@example.org"])
    OutgoingMail.objects.filter(pk=outgoing.pk).delete()

    assert send_email.call(outgoing.pk) == "gone"
    assert mail.outbox == []


def test_the_same_post_gives_the_same_key_and_a_new_one_another():
    first = ExampleForm(data={"name": "Fatima", "form_token": "abc"})
    again = ExampleForm(data={"name": "Fatima", "form_token": "abc"})
    other_token = ExampleForm(data={"name": "Fatima", "form_token": "xyz"})
    other_content = ExampleForm(data={"name": "Fatma", "form_token": "abc"})

    assert first.submission_key() == again.submission_key()
    assert first.submission_key() != other_token.submission_key()
    assert first.submission_key() != other_content.submission_key()


def test_each_rendered_form_gets_its_own_token():
    assert ExampleForm()["form_token"].initial != ExampleForm()["form_token"].initial


def test_a_filled_honeypot_marks_the_post_as_spam():
    assert ExampleForm(data={"name": "Bot", "website": "http://spam.example"}).is_spam
    assert not ExampleForm(data={"name": "Fatima", "website": ""}).is_spam


@override_settings(EMAIL_BACKEND="tests.failing_mail.GoodbyeFailingEmailBackend")
def test_a_mail_the_server_took_is_not_sent_again_when_its_goodbye_fails():
    outgoing = OutgoingMail.objects.create(subject="Hallo", body="Tekst", to=["a@example.org"])

    outcome = send_email.call(outgoing.pk)

    assert outcome == "sent"
    assert [message.subject for message in mail.outbox] == ["Hallo"]


def test_mail_retries_double_their_pause_up_to_an_hour_for_about_two_days():
    pauses = [retry_delay(attempt) for attempt in range(1, settings.MAIL_MAX_ATTEMPTS)]

    assert pauses[:3] == [timedelta(minutes=2), timedelta(minutes=4), timedelta(minutes=8)]
    assert max(pauses) == timedelta(hours=1)
    assert timedelta(days=1.5) < sum(pauses, timedelta()) < timedelta(days=2.5)


def test_mail_to_several_people_goes_to_each_alone(django_capture_on_commit_callbacks):
    staff = ["redactie@example.org", "moderator@example.org", "beheer@example.org"]

    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(to=staff, template="portal/mail/test", context={}, language="nl")

    assert sorted(message.to[0] for message in mail.outbox) == sorted(staff)
    for message in mail.outbox:
        assert len(message.recipients()) == 1  # To, Cc and Bcc together
        assert message.cc == message.bcc == []
        for other in set(staff) - set(message.to):
            assert other not in message.message().as_string()
