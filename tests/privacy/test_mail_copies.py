"""Mail takes no personal data into the task queue, and erasure finds every copy.

With django-tasks-db the queue keeps each task's arguments, result and traceback in its
own table. Each kind of submission is sent through its real form with that backend, its
mail sent by the worker, then erased through its link: afterwards no row of any table (the
queue's, Wagtail's revisions and history, the search index) and no log line holds the
person's address or name."""

import logging
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from calls.models import Question
from members.models import MemberPage
from portal.models import OutgoingMail
from portal.tasks import send_email

from ..utils import rows_holding
from .conftest import EMAIL, KINDS, send

pytestmark = pytest.mark.django_db

NAME = "Fatima Bouzid"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def run_worker():
    # The worker closes connections outside autocommit (close_old_connections), which on
    # PostgreSQL would close the test's own transaction; the worker's hygiene is not tested.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


@pytest.fixture
def with_worker(django_capture_on_commit_callbacks):
    """``capture`` for tests/privacy/conftest.send: after the commit, the worker runs."""

    @contextmanager
    def capture(execute=True):
        with django_capture_on_commit_callbacks(execute=execute) as callbacks:
            yield callbacks
        run_worker()

    return capture


@pytest.mark.usefixtures("database_queue")
@pytest.mark.parametrize("kind", KINDS)
def test_after_sending_and_erasure_no_table_and_no_log_holds_the_person(
    kind, request, client, with_worker, caplog
):
    caplog.set_level(logging.DEBUG)
    sent = send(kind, request, client, with_worker)
    assert DBTaskResult.objects.filter(task_path="portal.tasks.send_email").exists()
    assert not OutgoingMail.objects.exists()  # sent, so gone
    if kind == "registration":
        # The registration became a profile: its contact is in the page and its revisions.
        page = MemberPage.objects.get()
        page.save_revision().publish()

    with with_worker():
        response = client.post(sent.link, {"action": "erase", "confirmed": "yes"})

    assert response.status_code == 303
    assert rows_holding(EMAIL, NAME) == {}
    assert EMAIL not in caplog.text and NAME not in caplog.text


@pytest.mark.usefixtures("database_queue")
def test_a_mail_erased_before_the_worker_came_is_never_sent(
    client, request, django_capture_on_commit_callbacks
):
    with pytest.raises(ValueError):  # send() finds no confirmation: it waits in the queue
        send("question", request, client, django_capture_on_commit_callbacks)
    waiting = DBTaskResult.objects.filter(task_path="portal.tasks.send_email")
    assert waiting.count() == OutgoingMail.objects.count() >= 1
    # The queue holds ids; the mail's text waits in its own row.
    assert rows_holding(EMAIL, NAME).keys() == {"calls_question", "portal_outgoingmail"}

    with django_capture_on_commit_callbacks(execute=True):
        Question.objects.get().erase_personal_data()
    run_worker()

    assert [message for message in mail.outbox if EMAIL in message.to] == []
    assert rows_holding(EMAIL, NAME) == {}


@pytest.mark.usefixtures("database_queue")
def test_a_mail_the_server_keeps_refusing_leaves_no_address_in_the_traceback(settings):
    settings.EMAIL_BACKEND = "tests.failing_mail.FailingEmailBackend"
    settings.MAIL_MAX_ATTEMPTS = 1
    outgoing = OutgoingMail.objects.create(subject="Hallo", body=NAME, to=[EMAIL])
    send_email.enqueue(outgoing.pk)

    run_worker()

    (result,) = DBTaskResult.objects.all()
    assert result.status == "FAILED"
    assert rows_holding(EMAIL, NAME) == {}


def test_erasure_takes_the_row_out_of_the_admin_history_labels(question_page, admin_user):
    from wagtail.log_actions import log
    from wagtail.models import ModelLogEntry

    from ..factories import QuestionFactory

    question = QuestionFactory(page=question_page, name=NAME, text="Waar laad ik in Ommen?")
    log(instance=question, action="wagtail.edit", user=admin_user)
    assert "Waar laad ik in Ommen?" in ModelLogEntry.objects.get().label

    question.erase_personal_data()

    assert ModelLogEntry.objects.get().label == question.reference
    assert rows_holding("Waar laad ik in Ommen?") == {}
