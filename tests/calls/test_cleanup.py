"""calls_cleanup: stale stashes and orphaned files go; old drafts go with the purge."""

import datetime
import os
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from calls.models import Application, ApplicationFile
from calls.uploads import private_storage

from ..factories import ApplicationFactory
from .conftest import PDF

pytestmark = pytest.mark.django_db


def stored_file(application=None, stash_key=""):
    record = ApplicationFile(
        application=application,
        stash_key=stash_key,
        question_id="q",
        name="plan.pdf",
        kind="pdf",
        size=len(PDF),
        sha256="x",
    )
    record.file.save("plan.pdf", ContentFile(PDF), save=True)
    return record


def test_cleanup_removes_only_what_was_left_behind(call):
    sent = ApplicationFactory(call=call)
    kept = stored_file(application=sent)
    fresh_stash = stored_file(stash_key="a" * 43)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=2)):
        old_stash = stored_file(stash_key="b" * 43)
    open_draft = ApplicationFactory(call=call, status="draft", submitted_at=None)
    orphan = Path(settings.PRIVATE_MEDIA_ROOT) / "applications" / "orphan" / "lost.pdf"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(PDF)
    two_days_ago = (timezone.now() - datetime.timedelta(days=2)).timestamp()
    os.utime(orphan, (two_days_ago, two_days_ago))

    call_command("calls_cleanup", stdout=StringIO())

    assert set(ApplicationFile.objects.all()) == {kept, fresh_stash}
    assert private_storage.exists(kept.file.name)
    assert not private_storage.exists(old_stash.file.name)
    assert not orphan.exists()
    assert Application.objects.filter(pk=open_draft.pk).exists()


def test_the_purge_removes_drafts_a_month_after_the_call_closed(call):
    draft = ApplicationFactory(call=call, status="draft", submitted_at=None)
    record = stored_file(application=draft)

    with time_machine.travel(call.closes_at + datetime.timedelta(days=29)):
        call_command("purge_personal_data", stdout=StringIO())
    assert Application.objects.filter(pk=draft.pk).exists()
    with time_machine.travel(call.closes_at + datetime.timedelta(days=31)):
        call_command("purge_personal_data", stdout=StringIO())

    assert not private_storage.exists(record.file.name)

    assert not Application.objects.filter(pk=draft.pk).exists()
    assert not ApplicationFile.objects.exists()
