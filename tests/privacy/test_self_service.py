"""The self-service link on every thank-you page and in every confirmation: see, withdraw,
erase; tampered and expired links get a clear 4xx page; erasure works once."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from blog.models import Reaction
from calls.models import Application, ApplicationFile, StatusChange
from calls.uploads import private_storage
from members.models import MemberPage, Registration
from portal.models import PersonalDataLog
from portal.models.privacy import email_hash
from portal.privacy import self_service_path

from .conftest import EMAIL

pytestmark = pytest.mark.django_db

PERSONAL_TEXT = {
    "reaction": "Wij willen dit ook in Zwolle.",
    "application": "Wijkbedrijf Schalkwijk",
    "help_offer": "Ik rijd graag op zaterdag.",
    "registration": "Fatima Bouzid",
    "question": "buurtbatterij",
}


def test_thank_you_page_and_confirmation_say_what_why_until_when_with_the_link(client, sent):
    submission = sent.submission
    kept = submission.created_at + datetime.timedelta(days=submission.retention_days())
    until = timezone.localtime(kept).date()  # the date a Dutch visitor reads
    html = sent.thanks.text

    assert "Je persoonsgegevens" in html
    assert "We bewaren: " in html and "e-mailadres" in html
    assert "Waarom: " in html
    assert f"{until.day} " in html and str(until.year) in html
    (href,) = re.findall(r'href="(/nl/jouw-gegevens/[^"]+)"', html)
    opened = client.get(unescape(href))
    assert opened.status_code == 200 and submission.reference in opened.text
    assert self_service_path(submission).startswith("/nl/jouw-gegevens/")
    body = sent.confirmation.body
    assert "Je persoonsgegevens" in body and "Waarom: " in body
    assert sent.link.startswith("/nl/")


def test_the_link_shows_the_submission_and_changes_nothing(client, sent):
    response = client.get(sent.link)

    assert response.status_code == 200
    assert sent.submission.reference in response.text
    assert PERSONAL_TEXT[sent.kind] in response.text
    assert (
        response["Cache-Control"].startswith("private") or "no-store" in response["Cache-Control"]
    )
    assert response["Referrer-Policy"] == "no-referrer"
    assert sent.fresh().erased_at is None


def test_withdrawing(client, sent, django_capture_on_commit_callbacks):
    files = [record.file.name for record in ApplicationFile.objects.all()]
    draft_pages = list(MemberPage.objects.filter(live=False).values_list("pk", flat=True))

    response = client.post(sent.link, {"action": "withdraw", "confirmed": "yes"})

    assert response.status_code == 303
    done = client.get(response["Location"])
    assert done.status_code == 200 and "Ingetrokken" in done.text
    submission = sent.fresh()
    assert submission.erased_at is not None
    assert submission.email == "" and submission.name == ""
    assert EMAIL not in str(submission.export_data())
    assert PERSONAL_TEXT[sent.kind] not in str(submission.export_data())
    if sent.kind == "reaction":
        assert submission.status == Reaction.Status.WITHDRAWN
        story = client.get(sent.page.url).text
        assert "Zwolle" not in story
    elif sent.kind == "application":
        assert submission.status == Application.Status.WITHDRAWN
        assert submission.answers == {}
        assert list(
            StatusChange.objects.filter(application=submission).values_list("to_status", flat=True)
        ) == ["submitted", "withdrawn"]
        assert files and not ApplicationFile.objects.exists()
        assert not any(private_storage.exists(name) for name in files)
        assert submission.municipality == "Haarlem" and submission.themes.count() == 1
    elif sent.kind == "registration":
        assert submission.status == Registration.Status.WITHDRAWN
        assert draft_pages and not MemberPage.objects.filter(pk__in=draft_pages).exists()
    (entry,) = PersonalDataLog.objects.all()
    assert entry.action == "withdraw" and entry.source == "self"
    assert entry.subject_hash == email_hash(EMAIL)
    assert EMAIL not in str(entry.submissions)
    # Still counted.
    assert type(submission).objects.count() == 1


def test_erasing_works_once(client, sent):
    response = client.post(sent.link, {"action": "erase", "confirmed": "yes"})

    assert response.status_code == 303
    submission = sent.fresh()
    assert submission.erased_at is not None and submission.email == ""
    again = client.post(sent.link, {"action": "erase", "confirmed": "yes"})
    assert again.status_code == 410
    assert "zijn gewist" in again.text
    assert client.get(sent.link).status_code == 410
    assert PersonalDataLog.objects.filter(action="erase").count() == 1


def test_a_tampered_link_gets_a_clear_400_in_the_visitors_language(client, sent):
    link = sent.link
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    english = tampered.replace("/nl/jouw-gegevens/", "/en/your-data/")

    dutch_response = client.get(tampered)
    english_response = client.get(english)
    post = client.post(tampered, {"action": "erase", "confirmed": "yes"})

    assert dutch_response.status_code == english_response.status_code == post.status_code == 400
    assert "Deze link is niet geldig" in dutch_response.text
    assert "This link is not valid" in english_response.text
    assert sent.fresh().erased_at is None


def test_an_expired_link_gets_410(client, sent):
    with time_machine.travel(timezone.now() + datetime.timedelta(days=181)):
        response = client.get(sent.link)
        post = client.post(sent.link, {"action": "erase", "confirmed": "yes"})

    assert response.status_code == post.status_code == 410
    assert "Deze link is verlopen" in response.text
    assert sent.fresh().erased_at is None


def test_a_link_works_without_cookies_or_csrf_token(anonymous, sent):
    response = anonymous.post(sent.link, {"action": "erase", "confirmed": "yes"})

    assert response.status_code == 303
    assert sent.fresh().erased_at is not None


def test_an_unknown_action_changes_nothing(client, sent):
    response = client.post(sent.link, {"action": "delete-everything"})

    assert response.status_code == 400
    assert sent.fresh().erased_at is None


def test_confirmations_are_not_lost_when_mail_is_down(client, sent):
    # The submission is stored and its confirmation was rendered with the link (the
    # fixture's capture ran the queue); the mail outage tests of each form cover the rest.
    assert sent.fresh().pk and mail.outbox


def test_erasing_asks_once_more_and_changes_nothing_until_confirmed(client, sent):
    asked = client.post(sent.link, {"action": "erase"})

    assert asked.status_code == 200
    assert "Je persoonsgegevens wissen?" in asked.text
    assert 'name="confirmed" value="yes"' in asked.text
    assert f'href="{sent.link}"' in asked.text  # "No, go back"
    assert "no-store" in asked["Cache-Control"]
    assert sent.fresh().erased_at is None
    assert not PersonalDataLog.objects.exists()


def test_withdrawing_asks_once_more_too(client, sent):
    asked = client.post(sent.link, {"action": "withdraw"})

    assert asked.status_code == 200
    assert "Intrekken en wissen?" in asked.text
    assert sent.fresh().erased_at is None


def test_everything_stored_downloads_as_json_and_as_a_page(client, sent):
    as_json = client.get(sent.link, {"download": "json"})
    as_page = client.get(sent.link, {"download": "page"})

    assert as_json.status_code == as_page.status_code == 200
    assert as_json["Content-Type"] == "application/json; charset=utf-8"
    assert f'filename="{sent.submission.reference}.json"' in as_json["Content-Disposition"]
    data = as_json.json()
    assert data["reference"] == sent.submission.reference
    assert data["stored"]["email"] == EMAIL
    assert PERSONAL_TEXT[sent.kind] in as_json.content.decode()
    assert "no-store" in as_json["Cache-Control"] and "no-store" in as_page["Cache-Control"]
    assert "alles wat we bewaren" in as_page.text
    assert EMAIL in as_page.text and PERSONAL_TEXT[sent.kind] in unescape(as_page.text)
    assert PersonalDataLog.objects.filter(action="export", source="self").count() == 2
    assert client.get(sent.link, {"download": "xml"}).status_code == 400
    assert sent.fresh().erased_at is None


def test_the_english_link_downloads_and_asks_in_english(client, sent):
    english = sent.link.replace("/nl/jouw-gegevens/", "/en/your-data/")

    page = client.get(english, {"download": "page"})
    asked = client.post(english, {"action": "erase"})

    assert "everything we store" in page.text and page.headers["Content-Language"] == "en"
    assert "Erase your personal data?" in asked.text
    assert "Yes, erase for good" in asked.text
