"""Applying: every field end to end in both languages, errors that keep what was typed,
one application per post however often it arrives, mail after commit."""

import html
import re

import pytest
from django.core import mail
from django.test import override_settings

from calls.models import Application, ApplicationFile, StatusChange
from portal.submissions import reference_from_thanks_token

from .conftest import options, pdf, q, valid_data

pytestmark = pytest.mark.django_db
FAILING = "tests.failing_mail.FailingEmailBackend"


def post(client, page, data, capture):
    with capture(execute=True):
        return client.post(page.url, data)


def test_dutch_application_end_to_end(client, call, django_capture_on_commit_callbacks):
    response = post(client, call, valid_data(call), django_capture_on_commit_callbacks)

    assert response.status_code == 303
    application = Application.objects.get()
    assert application.status == "submitted"
    assert application.language == "nl"
    assert application.call == call
    assert application.reference.startswith("AV-")
    assert application.budget == 12500
    assert application.province == "noord-holland"
    assert list(application.themes.values_list("slug", flat=True)) == ["energie"]
    assert application.consent_at is not None
    answers = application.answers
    short = answers[q(call, 0)[2:]]
    assert short == {
        "type": "short_text",
        "label": {"nl": "Naam van je buurt"},
        "value": "Schalkwijk",
    }
    assert answers[q(call, 2)[2:]]["value"] == 40
    assert answers[q(call, 3)[2:]]["value"] == options(call, 3)[0]
    assert answers[q(call, 3)[2:]]["text"] == {"nl": "Idee"}
    assert answers[q(call, 4)[2:]]["text"] == {"nl": "Geld, Kennis"}
    assert answers[q(call, 5)[2:]]["value"] is True
    assert answers[q(call, 6)[2:]]["value"] == "2027-03-01"
    (attachment,) = application.files.all()
    assert answers[q(call, 7)[2:]]["files"] == [{"id": attachment.pk, "name": "plan.pdf"}]
    assert StatusChange.objects.get().to_status == "submitted"

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert application.reference in thanks.text
    assert "no-store" in thanks["Cache-Control"]


def test_english_application_lands_in_the_same_columns(
    client, call, call_en, django_capture_on_commit_callbacks
):
    response = post(client, call_en, valid_data(call_en), django_capture_on_commit_callbacks)

    assert response.status_code == 303
    assert response["Location"].startswith("/en/open-call/thanks/")
    application = Application.objects.get()
    assert application.language == "en"
    assert application.call == call  # filed under the Dutch call
    answer = application.answers[q(call, 3)[2:]]
    assert q(call, 3) == q(call_en, 3)
    assert answer["label"] == {"nl": "Fase", "en": "Stage"}
    assert answer["text"] == {"nl": "Idee", "en": "Idea"}
    confirmation = mail.outbox[0]
    assert confirmation.subject.startswith("Application received")
    assert "Stage:\nIdea" in confirmation.body


def test_confirmation_and_reviewer_notice_are_sent_after_commit(
    client, call, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(call.url, valid_data(call))
        assert mail.outbox == []

    for callback in callbacks:
        callback()
    application = Application.objects.get()
    to_applicant, to_reviewers = mail.outbox
    assert to_applicant.to == ["fatima@example.org"]
    assert application.reference in to_applicant.subject
    assert application.reference in to_applicant.body
    assert "Schalkwijk" in to_applicant.body  # a copy of what was sent
    assert "We laten binnen zes weken van ons horen." in to_applicant.body
    assert to_reviewers.to == [reviewer.email]
    assert f"/admin/applications/{application.pk}/" in to_reviewers.body
    assert "Fatima" not in to_reviewers.body  # no personal data in the notice


@override_settings(EMAIL_BACKEND=FAILING)
def test_a_mail_outage_keeps_the_application(client, call, django_capture_on_commit_callbacks):
    response = post(client, call, valid_data(call), django_capture_on_commit_callbacks)

    assert response.status_code == 303
    assert Application.objects.filter(status="submitted").count() == 1
    assert ApplicationFile.objects.count() == 1


def test_twenty_replays_store_one_application_and_send_one_confirmation(
    client, call, django_capture_on_commit_callbacks
):
    locations = set()
    for _attempt in range(20):
        response = post(client, call, valid_data(call), django_capture_on_commit_callbacks)
        assert response.status_code == 303
        locations.add(response["Location"].split("?")[0])

    assert Application.objects.count() == 1
    assert ApplicationFile.objects.count() == 1
    assert [message.to for message in mail.outbox].count(["fatima@example.org"]) == 1
    assert locations == {f"{call.url}bedankt/"}


def test_the_same_form_with_other_content_is_another_application(
    client, call, django_capture_on_commit_callbacks
):
    post(client, call, valid_data(call), django_capture_on_commit_callbacks)
    post(client, call, valid_data(call, title="Een ander plan"), django_capture_on_commit_callbacks)

    assert Application.objects.count() == 2


def test_honeypot_stores_nothing_but_says_thank_you(client, call):
    response = client.post(call.url, valid_data(call, website="http://spam.example"))

    assert response.status_code == 303
    assert Application.objects.count() == 0
    assert client.get(response["Location"]).status_code == 200


def test_rate_limit_refuses_with_a_message_and_keeps_the_input(
    client, call, settings, django_capture_on_commit_callbacks
):
    settings.FORM_RATE_LIMIT = (2, 600)
    for number in range(2):
        data = valid_data(call, title=f"Plan {number}", form_token=f"t{number}")
        assert post(client, call, data, django_capture_on_commit_callbacks).status_code == 303

    response = client.post(call.url, valid_data(call, title="Plan drie", form_token="t3"))

    assert response.status_code == 429
    assert "Wacht tien minuten" in response.text
    assert 'value="Plan drie"' in response.text
    assert Application.objects.count() == 2


def test_a_double_click_is_not_counted_against_the_rate_limit(
    client, call, settings, django_capture_on_commit_callbacks
):
    settings.FORM_RATE_LIMIT = (1, 600)
    post(client, call, valid_data(call), django_capture_on_commit_callbacks)

    assert (
        post(client, call, valid_data(call), django_capture_on_commit_callbacks).status_code == 303
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Vul de titel van je plan in."),
        ("title", "x" * 10_000, "niet meer dan 200 tekens"),
        ("email", "geen-adres", "geldig e-mailadres"),
        ("budget", "-500", "kan niet negatief zijn"),
        ("budget", "veel", "Vul een heel getal in"),
        ("budget", "60.000", "hoogstens 50.000"),
        ("phone", "bel me", "Vul een telefoonnummer in cijfers in"),
        ("province", "atlantis", "Selecteer een geldige keuze"),
        ("role", "koning", "Selecteer een geldige keuze"),
        ("consent", "", "Vink het vakje aan om toestemming te geven."),
        ("summary", "een\x00nul", "Null-tekens zijn niet toegestaan"),
    ],
)
def test_bad_core_input_gets_a_dutch_error_and_keeps_everything(
    client, call, field, value, message
):
    data = valid_data(call, **{field: value})
    if not value:
        del data[field]

    response = client.post(call.url, data)

    assert response.status_code == 400
    assert message in response.text
    assert "Controleer wat je hebt ingevuld" in response.text
    assert "Omdat de gemeente het groenbudget wil overdragen." in response.text
    assert Application.objects.count() == 0


@pytest.mark.parametrize(
    ("index", "value", "message"),
    [
        (0, "", "Beantwoord deze vraag."),
        (0, "x" * 61, "niet meer dan 60 tekens"),
        (1, "woord " * 51, "Gebruik hoogstens 50 woorden (je gebruikte 51)."),
        (2, "0", "minstens 1"),
        (2, "veertig", "Vul een heel getal in"),
        (3, "geen-optie", "Selecteer een geldige keuze"),
        (5, "misschien", "Selecteer een geldige keuze"),
        (6, "31-02-2027", "Voer een geldige datum in"),
        (1, "nul\x00teken", "Null-tekens zijn niet toegestaan"),
    ],
)
def test_bad_answers_to_call_questions_get_errors(client, call, index, value, message):
    data = valid_data(call, **{q(call, index): value})

    response = client.post(call.url, data)

    assert response.status_code == 400
    assert message in response.text
    assert Application.objects.count() == 0


def test_an_organisation_needs_its_name(client, call):
    response = client.post(call.url, valid_data(call, role="gemeente", organisation=""))

    assert response.status_code == 400
    assert "Vul de naam van je organisatie" in response.text


def test_forged_status_reference_and_call_fields_are_ignored(
    client, call, other_call, django_capture_on_commit_callbacks
):
    data = valid_data(
        call,
        status="accepted",
        reference="AV-2026-HACKED",
        call=str(other_call.pk),
        answers='{"x": 1}',
        submission_key="x",
    )

    post(client, call, data, django_capture_on_commit_callbacks)

    application = Application.objects.get()
    assert application.status == "submitted"
    assert application.reference != "AV-2026-HACKED"
    assert application.call == call
    assert "x" not in application.answers


def test_errors_in_english_for_an_english_visitor(client, call, call_en):
    response = client.post(call_en.url, valid_data(call_en, budget="-1"))

    assert response.status_code == 400
    assert "Please check what you filled in" in response.text
    assert "cannot be negative" in response.text


def test_thanks_page_with_a_forged_token_shows_no_reference(
    client, call, django_capture_on_commit_callbacks
):
    post(client, call, valid_data(call), django_capture_on_commit_callbacks)
    reference = Application.objects.get().reference

    response = client.get(f"{call.url}bedankt/?t={reference}")

    assert response.status_code == 200
    assert reference not in response.text


def test_thanks_token_carries_the_reference(client, call, django_capture_on_commit_callbacks):
    response = post(client, call, valid_data(call), django_capture_on_commit_callbacks)

    token = response["Location"].split("?t=")[1]
    assert reference_from_thanks_token(token) == Application.objects.get().reference


def test_a_new_attachment_is_stored_once_per_replay_even_when_renamed(
    client, call, django_capture_on_commit_callbacks
):
    data = valid_data(call, **{q(call, 7): [pdf("a.pdf"), pdf("b.pdf")]})

    post(client, call, data, django_capture_on_commit_callbacks)

    # The same content twice for one question is kept once.
    assert ApplicationFile.objects.count() == 1


def test_a_failure_while_storing_leaves_nothing_behind(client, call, monkeypatch):
    from pathlib import Path

    from django.conf import settings

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("calls.storing.build_answers", broken)
    before = {path for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()}

    with pytest.raises(RuntimeError):
        client.post(call.url, valid_data(call))

    assert Application.objects.count() == 0
    assert ApplicationFile.objects.count() == 0
    after = {path for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()}
    assert after == before
    assert mail.outbox == []


def test_thank_you_page_queries(client, call, django_capture_on_commit_callbacks):
    from ..utils import count_queries

    response = post(client, call, valid_data(call), django_capture_on_commit_callbacks)

    # Uncached: the translation note's one query is cached once warm (a warm request is 6).
    assert count_queries(client, response["Location"], cached=False) <= 13
    assert count_queries(client, response["Location"]) <= 12


@pytest.mark.parametrize("budget", ["99999999999999999999", "3.000.000.000"])
def test_an_absurd_budget_gets_an_error_without_a_call_limit(client, call, budget):
    call.max_budget = None
    call.save_revision().publish()

    response = client.post(call.url, valid_data(call, budget=budget))

    assert response.status_code == 400
    assert "Het getal mag hoogstens 2.000.000.000 zijn." in response.text


def test_an_application_loses_the_characters_that_turn_its_text_around(
    client, call, django_capture_on_commit_callbacks
):
    data = valid_data(
        call,
        name="Fatima\u202e el Amrani",
        title="Wijkbedrijf\u2066 Schalkwijk\u2069",
        **{q(call, 0): "Schalk\u202bwijk"},
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(call.url, data)

    assert response.status_code == 303
    application = Application.objects.get()
    assert (application.name, application.title) == ("Fatima el Amrani", "Wijkbedrijf Schalkwijk")
    assert "\u202b" not in str(application.answers)


def test_each_reviewer_gets_a_notice_that_names_no_other_reviewer(
    client, call, reviewer, second_reviewer, django_capture_on_commit_callbacks
):
    post(client, call, valid_data(call), django_capture_on_commit_callbacks)

    notices = [message for message in mail.outbox if message.to != ["fatima@example.org"]]
    assert sorted(message.to for message in notices) == [[reviewer.email], [second_reviewer.email]]
    for notice, other in zip(
        sorted(notices, key=lambda message: message.to), [second_reviewer, reviewer], strict=True
    ):
        assert notice.recipients() == notice.to
        assert other.email not in notice.message().as_string()


def error_summary(response):
    found = re.search(r'<ul class="error-summary__list">(.*?)</ul>', response.text, re.S)
    return [
        html.unescape(re.sub(r"<[^>]+>", "", line)).strip()
        for line in re.findall(r"<li>(.*?)</li>", found.group(1), re.S)
    ]


def test_an_empty_application_says_what_to_fill_in_in_one_voice_in_dutch(client, call):
    response = client.post(call.url, {"action": "submit", "form_token": "leeg"})

    lines = error_summary(response)
    assert response.status_code == 400
    for line in [
        "Je naam: Vul je naam in.",
        "E-mailadres: Vul je e-mailadres in.",
        "Telefoonnummer: Vul je telefoonnummer in.",
        "Je vraagt aan als: Kies waar je staat in het speelveld.",
        "Provincie: Kies de provincie.",
        "Vraag uit de wijk: Vul de vraag uit de wijk die jullie lab aanpakt in.",
        "Naam van je buurt: Beantwoord deze vraag.",
        "Fase: Kies een van de mogelijkheden.",
        "Toestemming: Vink het vakje aan om toestemming te geven.",
    ]:
        assert line in lines
    assert "Dit is een verplicht veld." not in response.text
    assert not [line for line in lines if "Ik ga ermee akkoord" in line]


def test_an_empty_application_says_what_to_fill_in_in_one_voice_in_english(client, call_en):
    response = client.post(call_en.url, {"action": "submit", "form_token": "leeg"})

    lines = error_summary(response)
    assert response.headers["Content-Language"] == "en"
    for line in [
        "Your name: Fill in your name.",
        "Local question: Fill in the local question your lab takes on.",
        "Consent: Tick the box to give your consent.",
    ]:
        assert line in lines
    assert "This field is required." not in response.text
