"""purge_personal_data on every kind of submission, with a frozen clock: what is past its
retention is erased (or, for unsent drafts and spam, deleted), files leave the disk, the
rest stays, the statistics keep counting, and a second run changes nothing."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.search.models import IndexEntry
from wagtail_localize.models import TranslationSource

from blog.models import Reaction
from calls.models import Application, ApplicationFile, StatusChange
from calls.uploads import private_storage
from members.models import HelpOffer, MemberPage, Registration
from portal.models import PersonalDataLog, PrivacySettings, RetentionPeriod

from ..factories import ApplicationFactory, OpenCallPageFactory, ReactionFactory
from ..utils import translated
from .conftest import EMAIL, KINDS, send

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def purge_at(moment):
    """Run the command with timezone.now() frozen at ``moment``; returns its output."""
    out = StringIO()
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("purge_personal_data", stdout=out)
    return out.getvalue()


def line_for(output, label):
    return next(line for line in output.splitlines() if line.startswith(label))


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_erased_after_its_retention_and_still_counted(
    kind, request, client, django_capture_on_commit_callbacks
):
    sent = send(kind, request, client, django_capture_on_commit_callbacks)
    model = type(sent.submission)
    if kind == "registration":  # a registration that still waits is left alone
        sent.submission.page.save_revision().publish()
        sent.submission.refresh_from_db()
        assert sent.submission.status == Registration.Status.PUBLISHED
        # Translated: wagtail-localize keeps a frozen copy, and the English page a copy.
        TranslationSource.get_or_create_from_instance(sent.submission.page)
        english = translated(sent.submission.page)
        assert english.contact_email == EMAIL
    files = [record.file.name for record in ApplicationFile.objects.all()]
    days = sent.submission.retention_days()
    ends = sent.submission.created_at + datetime.timedelta(days=days)

    before = purge_at(ends - datetime.timedelta(minutes=1))
    assert sent.fresh().erased_at is None
    assert "erased 0, deleted 0" in line_for(before, model._meta.label)

    output = purge_at(ends + datetime.timedelta(minutes=1))
    submission = sent.fresh()
    assert f"kept {days} days: erased 1, deleted 0" in line_for(output, model._meta.label)
    assert submission.erased_at is not None
    assert (submission.name, submission.email) == ("", "")
    assert EMAIL not in str(submission.export_data())
    assert model.objects.count() == 1  # the figures still count it
    assert submission.created_at == sent.submission.created_at
    if kind == "application":
        assert submission.status == Application.Status.SUBMITTED
        assert submission.answers == {} and submission.summary == ""
        assert submission.themes.count() == 1 and submission.province == "noord-holland"
        assert files and not any(private_storage.exists(name) for name in files)
    if kind == "registration":
        page = MemberPage.objects.get(pk=sent.submission.page_id)
        assert page.live and page.contact_email == "" and page.contact_name == ""
        assert all(EMAIL not in str(revision.content) for revision in page.revisions.all())
        assert MemberPage.objects.get(pk=english.pk).contact_email == ""
        assert all(EMAIL not in source.content_json for source in TranslationSource.objects.all())
        assert TranslationSource.objects.exists()
        assert not IndexEntry.objects.filter(body__icontains=EMAIL).exists()
        assert not IndexEntry.objects.filter(autocomplete__icontains=EMAIL).exists()
    if kind == "reaction":
        assert EMAIL not in client.get(sent.page.url).text
    (entry,) = PersonalDataLog.objects.filter(action="purge")
    assert entry.submissions == {model.privacy_kind(): [submission.reference]}

    again = purge_at(ends + datetime.timedelta(days=1))
    assert "erased 0, deleted 0" in line_for(again, model._meta.label)
    assert PersonalDataLog.objects.filter(action="purge").count() == 1


def test_a_pending_registration_waits_for_its_moderator(
    request, client, django_capture_on_commit_callbacks
):
    sent = send("registration", request, client, django_capture_on_commit_callbacks)

    purge_at(NOW + datetime.timedelta(days=2000))

    assert sent.fresh().erased_at is None


def test_the_admin_setting_and_the_calls_own_period_decide(call, home_nl):
    RetentionPeriod.objects.create(
        setting=PrivacySettings.load(), kind="calls.application", days=100
    )
    other_call = OpenCallPageFactory(parent=home_nl, title="Tweede oproep", slug="tweede")
    other_call.retention_days = 10
    other_call.save_revision().publish()
    by_default = ApplicationFactory(call=call)
    own_period = ApplicationFactory(call=other_call)
    assert (by_default.retention_days(), own_period.retention_days()) == (100, 10)

    output = purge_at(NOW + datetime.timedelta(days=11))
    by_default.refresh_from_db()
    own_period.refresh_from_db()
    assert own_period.erased_at is not None and by_default.erased_at is None
    assert "kept 100 days: erased 1" in line_for(output, "calls.Application")

    purge_at(NOW + datetime.timedelta(days=101))
    by_default.refresh_from_db()
    assert by_default.erased_at is not None


def test_history_notes_and_review_comments_are_erased_with_the_application(call):
    from calls.models import Review

    application = ApplicationFactory(call=call, name="Fatima el Amrani")
    StatusChange.objects.create(
        application=application,
        from_status="submitted",
        to_status="in_review",
        note="Gebeld met Fatima el Amrani, 06 12345678",
    )
    Review.objects.create(
        application=application,
        reviewer_name="R",
        comment="Fatima kent de buurt goed.",
        scores={"a": 3},
        score=60,
    )
    record = ApplicationFile(
        application=application, question_id="q", name="plan.pdf", kind="pdf", size=3, sha256="x"
    )
    record.file.save("plan.pdf", ContentFile(b"%PDF"), save=True)

    purge_at(NOW + datetime.timedelta(days=800))

    assert StatusChange.objects.get().note == ""
    review = Review.objects.get()
    assert review.comment == "" and review.score == 60
    assert not private_storage.exists(record.file.name)


def test_unsent_drafts_and_spam_are_deleted_not_counted(call, request):
    story = request.getfixturevalue("story")
    draft = ApplicationFactory(call=call, status="draft", submitted_at=None)
    spam = ReactionFactory(page=story, status=Reaction.Status.SPAM)
    kept = ReactionFactory(page=story)

    output = purge_at(call.closes_at + datetime.timedelta(days=31))

    assert not Application.objects.filter(pk=draft.pk).exists()
    assert not Reaction.objects.filter(pk=spam.pk).exists()
    assert Reaction.objects.get(pk=kept.pk).erased_at is None  # approved, two years
    assert "deleted 1" in line_for(output, "calls.Application")
    assert "deleted 1" in line_for(output, "blog.Reaction")


def test_a_dry_run_changes_nothing(call):
    application = ApplicationFactory(call=call)
    out = StringIO()
    with mock.patch("django.utils.timezone.now", return_value=NOW + datetime.timedelta(days=800)):
        call_command("purge_personal_data", "--dry-run", stdout=out)

    assert "would erase 1" in line_for(out.getvalue(), "calls.Application")
    application.refresh_from_db()
    assert application.erased_at is None


def test_help_offers_use_the_retention_from_the_settings(
    request, client, django_capture_on_commit_callbacks
):
    sent = send("help_offer", request, client, django_capture_on_commit_callbacks)
    RetentionPeriod.objects.create(
        setting=PrivacySettings.load(), kind="members.helpoffer", days=30
    )

    purge_at(sent.submission.created_at + datetime.timedelta(days=31))

    assert HelpOffer.objects.get().erased_at is not None
