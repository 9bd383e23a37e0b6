"""The call page: its state over time, the deadline file, the printable questions, queries."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from calls.models import Application, OpenCallPage
from home.models import HomePage

from ..factories import OpenCallPageFactory
from ..utils import count_queries
from .conftest import QUESTIONS, valid_data

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
OPENS = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=AMSTERDAM)
CLOSES = datetime.datetime(2027, 6, 1, 17, 0, tzinfo=AMSTERDAM)


class TestCallPageRules(WagtailPageTestCase):
    def test_call_sits_under_home_and_has_no_children(self):
        self.assertAllowedParentPageTypes(OpenCallPage, {HomePage})
        self.assertAllowedSubpageTypes(OpenCallPage, set())


@pytest.fixture
def timed_call(home_nl):
    return OpenCallPageFactory(
        parent=home_nl, opens_at=OPENS, closes_at=CLOSES, questions=QUESTIONS
    )


@pytest.mark.parametrize(
    ("moment", "state", "text", "has_form"),
    [
        (datetime.datetime(2027, 2, 28, 12, 0), "upcoming", "Nog niet open", False),
        (datetime.datetime(2027, 3, 1, 8, 59), "upcoming", "1 maart 2027, 09:00", False),
        (datetime.datetime(2027, 3, 1, 9, 0), "open", "Open tot 1 juni 2027, 17:00", True),
        (datetime.datetime(2027, 6, 1, 16, 59), "open", "Open tot 1 juni 2027, 17:00", True),
        (datetime.datetime(2027, 6, 1, 17, 0), "closed", "Gesloten op 1 juni 2027", False),
    ],
)
def test_call_state_over_time_in_dutch_time(client, timed_call, moment, state, text, has_form):
    with time_machine.travel(moment.replace(tzinfo=AMSTERDAM), tick=False):
        response = client.get(timed_call.url)

    assert response.status_code == 200
    assert f"call-state--{state}" in response.text
    assert text in response.text
    assert ('name="title"' in response.text) is has_form


def test_upcoming_call_links_to_the_questions_to_prepare(client, timed_call):
    with time_machine.travel(datetime.datetime(2027, 2, 1, tzinfo=AMSTERDAM), tick=False):
        response = client.get(timed_call.url)

    assert "Het aanvraagformulier gaat open op 1 maart 2027, 09:00" in response.text
    assert f"{timed_call.url}vragen/" in response.text


@pytest.mark.parametrize(
    ("moment", "message"),
    [
        (datetime.datetime(2027, 2, 1, 12, 0), "Deze oproep is nog niet open"),
        (datetime.datetime(2027, 6, 1, 17, 0, 1), "Deze oproep is gesloten"),
    ],
)
def test_a_call_that_is_not_open_refuses_the_post_and_shows_what_was_typed(
    client, timed_call, moment, message
):
    with time_machine.travel(moment.replace(tzinfo=AMSTERDAM), tick=False):
        response = client.post(timed_call.url, valid_data(timed_call, summary="Mijn lange plan."))

    assert response.status_code == 403
    assert message in response.text
    assert "Mijn lange plan." in response.text
    assert Application.objects.count() == 0
    assert "no-store" in response["Cache-Control"]


def test_deadline_calendar_file(client, timed_call):
    with time_machine.travel(datetime.datetime(2027, 4, 1, 12, 0, tzinfo=AMSTERDAM), tick=False):
        response = client.get(f"{timed_call.url}sluitingsdatum/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert "\r\nDTEND:20270601T150000Z\r\n" in body  # 17:00 Dutch summer time
    assert "\r\nDTSTAMP:20270401T100000Z\r\n" in body
    assert f"UID:call-{timed_call.translation_key}-deadline@testserver" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert body.endswith("END:VCALENDAR\r\n")


def test_deadline_in_english(client, timed_call, home_en):
    from ..utils import translated

    english = translated(timed_call)

    body = client.get(f"{english.url}deadline/").content.decode()

    assert "SUMMARY:Deadline: " in body
    assert "Two days left to apply" in body


def test_printable_overview_lists_every_question_in_the_visitors_language(client, call, call_en):
    dutch = client.get(f"{call.url}vragen/")
    english = client.get(f"{call_en.url}questions/")

    assert dutch.status_code == english.status_code == 200
    for label in ("Naam van je buurt", "Plan van aanpak", "Titel van je plan", "Loopt al"):
        assert label in dutch.text
    for label in ("Name of your neighbourhood", "Plan of action", "Title of your plan", "Running"):
        assert label in english.text
    assert "Hoogstens 50 woorden." in dutch.text
    assert 'name="title"' not in dutch.text  # an overview, not a form


def test_call_page_queries_do_not_grow_with_questions(client, home_nl):
    few = OpenCallPageFactory(parent=home_nl, slug="weinig", questions=QUESTIONS[:1])
    many = OpenCallPageFactory(parent=home_nl, slug="veel", questions=QUESTIONS * 4)

    assert (
        count_queries(client, few.url, cached=False)
        == count_queries(client, many.url, cached=False)
        <= 12
    )


def test_call_page_works_without_cookies_and_sets_none(client, call):
    response = client.get(call.url)

    assert response.status_code == 200
    assert not response.cookies
    assert 'name="form_token"' in response.text
    assert "csrfmiddlewaretoken" not in response.text


def test_unknown_subpage_is_a_404(client, call):
    assert client.get(f"{call.url}nope/").status_code == 404


def test_post_to_a_subpage_is_refused(client, call):
    assert client.post(f"{call.url}bedankt/", {}).status_code == 405
    assert client.post(f"{call.url}vragen/", {}).status_code == 405


def listblock(values):
    data = {"count": len(values)}
    for index, value in enumerate(values):
        data[str(index)] = {"value": value, "deleted": "", "order": str(index), "id": ""}
    return data


def test_editor_builds_a_call_with_its_questions_and_criteria_in_the_admin(admin_client, home_nl):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    question = {"help_text": "", "required": "on"}
    data = nested_form_data(
        {
            "title": "Oproep 2028",
            "slug": "oproep-2028",
            "intro": "Start een lab.",
            "opens_at": "2028-01-01 09:00",
            "closes_at": "2028-03-01 17:00",
            "eligibility": rich_text("<p>Iedereen in de wijk.</p>"),
            "offer": rich_text(""),
            "audience_notes": streamfield(
                [("note", {"heading": "Gemeente en bewoners", "text": rich_text("<p>Ja.</p>")})]
            ),
            "body": streamfield([]),
            "max_budget": "40000",
            "next_steps": "",
            "questions": streamfield(
                [
                    (
                        "choice",
                        {**question, "label": "Fase", "choices": listblock(["Idee", "Start"])},
                    ),
                    ("file", {**question, "label": "Plan", "max_files": "2", "max_size_mb": "5"}),
                    ("long_text", {"label": "Waarom?", "help_text": "", "max_words": "100"}),
                ]
            ),
            "criteria": streamfield(
                [("criterion", {"label": "Waarde", "description": "", "max_score": "5"})]
            ),
            "action-publish": "publish",
        }
    )
    data["questions-1-value-file_types"] = ["pdf", "docx"]
    data["audience_notes-0-value-audiences"] = ["gemeente", "bewoner"]

    response = admin_client.post(f"/admin/pages/add/calls/opencallpage/{home_nl.pk}/", data)

    assert response.status_code == 302
    call = OpenCallPage.objects.get(slug="oproep-2028")
    assert call.live
    assert [block.block_type for block in call.questions] == ["choice", "file", "long_text"]
    assert list(call.questions)[1].value["file_types"] == ["pdf", "docx"]
    assert list(call.questions)[2].value["required"] is False
    assert timezone.localtime(call.opens_at).hour == 9  # Dutch time as typed
    assert [note["heading"] for note in call.notes_for("bewoner")] == ["Gemeente en bewoners"]
    assert call.notes_for("organisatie") == []


def test_call_page_links_the_privacy_statement_in_the_visitors_language_within_budget(
    client, call, call_en, home_nl
):
    from ..factories import StandardPageFactory
    from ..utils import translated

    privacy = StandardPageFactory(parent=home_nl, title="Privacyverklaring", slug="privacy")
    english_privacy = translated(privacy)
    for version in (call, call_en):  # what a sync of the translation does
        version.privacy_page = privacy
        version.save_revision().publish()

    dutch = client.get(call.url)
    english = client.get(call_en.url)

    assert f'href="{privacy.url}"' in dutch.text
    assert f'href="{english_privacy.url}"' in english.text
    # 13: one more than before for the translation note (portal.freshness), built once per
    # content version; a warm request does not pay for it.
    assert count_queries(client, call.url, cached=False) <= 13
    assert count_queries(client, call_en.url, cached=False) <= 13


def test_themes_are_offered_in_the_visitors_language(client, call, call_en, theme):
    from wagtail.models import Locale

    from portal.demo import translate_instance

    from ..utils import to_english

    translate_instance(theme, Locale.objects.get(language_code="en"), to_english)

    assert "[en] Energie" in client.get(call_en.url).text
    assert "[en] Energie" not in client.get(call.url).text
    assert 'value="energie"' in client.get(call_en.url).text


# Translated routes, and the addresses they had before


def test_a_dutch_call_has_dutch_sub_addresses(client, call, call_en):
    page = client.get(call.url).text

    assert f"{call.url}vragen/" in page and f"{call.url}sluitingsdatum/" in page
    assert "/questions/" not in page and "/deadline/" not in page
    assert client.get(f"{call.url}vragen/").status_code == 200
    assert client.get(f"{call.url}sluitingsdatum/").status_code == 200
    assert client.get(f"{call_en.url}questions/").status_code == 200


def test_the_question_overview_switches_to_the_english_overview(client, call, call_en):
    response = client.get(f"{call.url}vragen/")

    assert response.status_code == 200
    assert f'href="{call_en.url}questions/" hreflang="en"' in response.text


@pytest.mark.parametrize(
    ("former", "current"),
    [
        ("questions/", "vragen/"),
        ("deadline/", "sluitingsdatum/"),
        ("resume/?t=abc", "verder/?t=abc"),
        ("saved/?t=abc", "bewaard/?t=abc"),
        ("thanks/?t=abc", "bedankt/?t=abc"),
    ],
)
def test_former_english_segments_of_dutch_addresses_lead_on(client, call, former, current):
    response = client.get(f"{call.url}{former}")

    assert response.status_code == 301
    assert response["Location"] == f"{call.url}{current}"
