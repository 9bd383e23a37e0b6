"""Save and resume without an account: a signed link by e-mail, valid until the call closes."""

import datetime
import html
import re

import pytest
import time_machine
from django.core import mail, signing

from calls.models import Application, ApplicationFile, StatusChange
from calls.tokens import resume_token

from .conftest import docx, q, valid_data

pytestmark = pytest.mark.django_db


def save_draft(client, page, capture, **changes):
    data = valid_data(page, action="save", **changes)
    with capture(execute=True):
        return client.post(page.url, data)


def link_in(message):
    return re.search(r"http://testserver(\S+(?:verder|resume)/\?t=\S+)", message.body).group(1)


def test_saving_needs_only_name_email_and_consent(client, call, django_capture_on_commit_callbacks):
    data = {
        "action": "save",
        "name": "Fatima",
        "email": "fatima@example.org",
        "consent": "on",
        "form_token": "d",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(call.url, data)

    assert response.status_code == 303
    assert response["Location"].startswith(f"{call.url}bewaard/?t=")
    draft = Application.objects.get()
    assert draft.status == "draft"
    assert draft.submitted_at is None
    (message,) = mail.outbox
    assert message.to == ["fatima@example.org"]
    assert "/nl/open-oproep/verder/?t=" in message.body
    assert StatusChange.objects.count() == 0


def test_saving_still_checks_what_is_filled_in(client, call):
    response = client.post(
        call.url, {"action": "save", "email": "fatima@example.org", "budget": "-5"}
    )

    assert response.status_code == 400
    assert Application.objects.count() == 0


def test_saved_page_shows_the_link_privately(client, call, django_capture_on_commit_callbacks):
    response = save_draft(client, call, django_capture_on_commit_callbacks)

    saved = client.get(response["Location"])

    assert saved.status_code == 200
    assert "fa••••@example.org" in saved.text
    assert "verder/?t=" in saved.text
    assert "no-store" in saved["Cache-Control"]
    assert saved["Referrer-Policy"] == "no-referrer"


def test_resume_link_reopens_the_draft_with_its_files(
    client, call, django_capture_on_commit_callbacks
):
    save_draft(client, call, django_capture_on_commit_callbacks, title="Mijn halve plan")
    link = link_in(mail.outbox[0])

    response = client.get(link)

    assert response.status_code == 200
    assert 'value="Mijn halve plan"' in response.text
    assert "Omdat de gemeente het groenbudget wil overdragen." in response.text
    assert "plan.pdf" in response.text
    assert 'name="draft" value="' in response.text
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_resumed_draft_is_sent_once_with_its_kept_files(
    client, call, django_capture_on_commit_callbacks
):
    save_draft(client, call, django_capture_on_commit_callbacks)
    draft = Application.objects.get()
    token = resume_token(draft)
    data = valid_data(call, draft=token, form_token="second-visit")
    del data[q(call, 7)]  # the file was kept with the draft

    for _attempt in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(call.url, data)
        assert response.status_code == 303
        assert response["Location"].startswith(f"{call.url}bedankt/")

    application = Application.objects.get()
    assert application.pk == draft.pk
    assert application.status == "submitted"
    assert application.submitted_at is not None
    assert application.files.count() == 1
    subjects = [message.subject.split(":")[0] for message in mail.outbox]
    assert subjects == ["Je opgeslagen aanvraag", "Aanvraag ontvangen"]
    change = StatusChange.objects.get()
    assert (change.from_status, change.to_status) == ("draft", "submitted")


def test_saving_again_adds_and_removes_files(client, call, django_capture_on_commit_callbacks):
    save_draft(client, call, django_capture_on_commit_callbacks)
    draft = Application.objects.get()
    kept = draft.files.get()
    data = valid_data(
        call,
        action="save",
        draft=resume_token(draft),
        **{q(call, 7): docx(), f"{q(call, 7)}_remove": [str(kept.pk)]},
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(call.url, data)

    assert response.status_code == 303
    assert list(draft.files.values_list("kind", flat=True)) == ["docx"]
    assert len(mail.outbox) == 1  # the link is not sent again


def test_the_link_expires_when_the_call_closes(client, call, django_capture_on_commit_callbacks):
    save_draft(client, call, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])

    with time_machine.travel(call.closes_at + datetime.timedelta(seconds=1), tick=False):
        response = client.get(link)
        post = client.post(call.url, valid_data(call, draft=link.split("?t=")[1]))

    assert response.status_code == 410
    assert "Deze oproep is gesloten" in response.text
    assert post.status_code == 403
    assert Application.objects.get().status == "draft"


def test_the_link_follows_a_later_closing_moment(client, call, django_capture_on_commit_callbacks):
    save_draft(client, call, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    call.closes_at += datetime.timedelta(days=30)
    call.save_revision().publish()

    with time_machine.travel(call.closes_at - datetime.timedelta(days=1), tick=False):
        assert client.get(link).status_code == 200


@pytest.mark.parametrize(
    "token",
    [
        "",
        "nonsense",
        signing.dumps({"a": 1, "k": "guess"}, salt="calls.resume"),
        signing.dumps({"a": 1, "k": "x"}, salt="another.salt"),
    ],
    # Named: a signed token holds the time, and parallel workers must collect the same ids.
    ids=["empty", "nonsense", "unknown-key", "other-salt"],
)
def test_forged_links_open_nothing(client, call, django_capture_on_commit_callbacks, token):
    save_draft(client, call, django_capture_on_commit_callbacks, name="Geheime Naam")

    response = client.get(f"{call.url}verder/?t={token}")

    assert response.status_code == 410
    assert "Geheime Naam" not in response.text


def test_a_forged_draft_token_in_a_post_stores_nothing(client, call):
    response = client.post(call.url, valid_data(call, draft="nonsense"))

    assert response.status_code == 400
    assert Application.objects.count() == 0
    assert "Wijkbedrijf Schalkwijk" in response.text  # what was typed is shown


def test_a_withdrawn_key_closes_the_link(client, call, django_capture_on_commit_callbacks):
    save_draft(client, call, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    Application.objects.update(resume_key="new-key")

    assert client.get(link).status_code == 410


def test_the_link_of_a_sent_application_says_so(client, call, django_capture_on_commit_callbacks):
    save_draft(client, call, django_capture_on_commit_callbacks)
    draft = Application.objects.get()
    link = link_in(mail.outbox[0])
    Application.objects.update(status="submitted")

    response = client.get(link)

    assert response.status_code == 410
    assert draft.reference in response.text


def test_a_draft_of_one_call_does_not_open_on_another(
    client, call, other_call, django_capture_on_commit_callbacks
):
    save_draft(client, call, django_capture_on_commit_callbacks)
    token = resume_token(Application.objects.get())

    assert client.get(f"{other_call.url}verder/?t={token}").status_code == 410


def test_stashed_files_count_with_draft_files(client, call, django_capture_on_commit_callbacks):
    save_draft(client, call, django_capture_on_commit_callbacks)
    draft = Application.objects.get()

    response = client.post(
        call.url,
        valid_data(
            call, draft=resume_token(draft), **{q(call, 7): [docx("a.docx"), docx("b.docx")]}
        ),
    )

    assert response.status_code == 400
    assert ApplicationFile.objects.filter(application=draft).count() == 1


def labels(response):
    """Each field's label as read, by the field's id (legends by their fieldset's field)."""
    found = {}
    for field_id, text in re.findall(
        r'<label class="form-field__label" for="([^"]+)">(.*?)</label>', response.text, re.S
    ):
        found[field_id] = " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())
    return found


def test_a_draft_that_cannot_be_saved_says_what_saving_needs_and_marks_exactly_that(client, call):
    data = valid_data(call, action="save", name="", consent="")

    response = client.post(call.url, data)

    assert response.status_code == 400
    assert Application.objects.count() == 0
    shown = labels(response)
    assert shown["id_name"] == "Je naam (nodig om op te slaan)"
    assert shown["id_email"] == "E-mailadres (nodig om op te slaan)"
    assert shown["id_consent"].endswith("(nodig om op te slaan)")
    # What sending needs is not called optional; what it does not need still is.
    assert shown["id_phone"] == "Telefoonnummer"
    assert shown["id_title"] == "Titel van je plan"
    assert shown["id_neighbourhood"] == "Wijk of dorp (niet verplicht)"
    assert "nodig om op te slaan" not in shown[f"id_{q(call, 0)}"]
    text = html.unescape(response.text)
    assert "alleen je naam, je e-mailadres en je toestemming nodig" in text
    assert "Je naam: Vul je naam in." in text
    assert "Toestemming: Vink het vakje aan om toestemming te geven." in text


def test_a_draft_that_cannot_be_saved_keeps_everything_typed_files_included(client, call):
    data = valid_data(call, action="save", consent="", title="Mijn halve plan")

    response = client.post(call.url, data)

    assert response.status_code == 400
    assert 'value="Mijn halve plan"' in response.text
    assert 'value="Fatima el Amrani"' in response.text
    assert "Omdat de gemeente het groenbudget wil overdragen." in response.text
    assert "plan.pdf" in response.text  # kept for the next try, offered for removal
    stash = re.search(r'name="stash" value="([^"]+)"', response.text).group(1)
    assert ApplicationFile.objects.get(stash_key=stash, application=None).name == "plan.pdf"


def test_a_draft_that_cannot_be_saved_says_so_in_english(client, call_en):
    response = client.post(call_en.url, valid_data(call_en, action="save", consent=""))

    shown = labels(response)
    assert shown["id_name"] == "Your name (needed to save)"
    assert shown["id_consent"].endswith("(needed to save)")
    assert "(optional)" not in shown["id_phone"]
    assert "we need only your name, your e-mail address and your consent" in response.text
