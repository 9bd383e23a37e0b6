"""The export: the filtered list as CSV and XLSX, plain text, one row per application, one
column per question whatever the language, a link to each application."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from calls.models import Application, Review

from ..factories import ApplicationFactory
from .conftest import valid_data

pytestmark = pytest.mark.django_db


def rows_of(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(io.StringIO(body.decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return [
        ["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)
    ]


@pytest.fixture
def sent(client, call, call_en, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(call.url, valid_data(call))
        client.post(
            call_en.url,
            valid_data(call_en, name='=HYPERLINK("http://evil.example")', title="English plan"),
        )
    return Application.objects.order_by("pk")


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_export_has_one_row_per_application_and_shared_question_columns(
    client, coordinator, sent, call, export
):
    client.force_login(coordinator)

    response = client.get(reverse("applications:index") + f"?export={export}")

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    heading, *rows = rows_of(response)
    assert len(rows) == 2
    assert heading[:3] == ["Kenmerk", "Status", "Ingediend op"]
    assert heading[-1] == "Link"
    assert heading.count("Fase") == 1  # Dutch and English answers in one column
    phase = heading.index("Fase")
    by_title = {row[heading.index("Titel van het plan")]: row for row in rows}
    assert by_title["Wijkbedrijf Schalkwijk"][phase] == "Idee"
    assert by_title["English plan"][phase] == "Idee"  # in the reader's language
    assert by_title["English plan"][heading.index("Taal")] == "en"
    assert by_title["Wijkbedrijf Schalkwijk"][heading.index("Plan van aanpak")] == "plan.pdf"
    budget = by_title["Wijkbedrijf Schalkwijk"][heading.index("Gevraagd budget (euro)")]
    assert str(budget) == "12500"
    application = sent.get(title="English plan")
    assert by_title["English plan"][-1] == (
        f"http://testserver{reverse('applications:detail', args=[application.pk])}"
    )


def test_export_neutralises_formulas(client, coordinator, sent):
    client.force_login(coordinator)

    csv_rows = rows_of(client.get(reverse("applications:index") + "?export=csv"))
    xlsx_rows = rows_of(client.get(reverse("applications:index") + "?export=xlsx"))

    name = csv_rows[0].index("Naam")
    assert '\'=HYPERLINK("http://evil.example")' in [row[name] for row in csv_rows[1:]]
    assert '\'=HYPERLINK("http://evil.example")' in [row[name] for row in xlsx_rows[1:]]


def test_export_follows_the_filters(client, coordinator, sent):
    Application.objects.filter(title="English plan").update(status="rejected")
    client.force_login(coordinator)

    _heading, *rows = rows_of(
        client.get(reverse("applications:index") + "?status=rejected&export=csv")
    )

    assert len(rows) == 1
    assert "English plan" in rows[0]


def test_export_in_english_for_an_english_reviewer(client, coordinator, sent):
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(coordinator).__class__.objects.filter(user=coordinator).update(
        preferred_language="en"
    )
    client.force_login(coordinator)

    heading, *rows = rows_of(client.get(reverse("applications:index") + "?export=csv"))

    assert "Stage" in heading and "Fase" not in heading
    assert {row[heading.index("Stage")] for row in rows} == {"Idea"}


def test_export_hides_scores_until_ones_own_are_in(client, call, reviewer, second_reviewer):
    application = ApplicationFactory(call=call)
    Review.objects.create(
        application=application,
        reviewer=second_reviewer,
        reviewer_name="Tweede",
        has_conflict=False,
        scores={},
        score=80,
        submitted_at="2026-01-01T12:00:00Z",
    )
    client.force_login(reviewer)

    heading, row = rows_of(client.get(reverse("applications:index") + "?export=csv"))

    assert row[heading.index("Gemiddelde score (%)")] == ""
    Review.objects.create(
        application=application,
        reviewer=reviewer,
        reviewer_name="Beoordelaar",
        has_conflict=False,
        scores={},
        score=60,
        submitted_at="2026-01-02T12:00:00Z",
    )
    heading, row = rows_of(client.get(reverse("applications:index") + "?export=csv"))
    assert row[heading.index("Gemiddelde score (%)")] == "70.0"


def test_export_survives_control_characters_in_answers(client, call, coordinator):
    ApplicationFactory(call=call, summary="Regel\x0bmet\x1frare tekens")
    client.force_login(coordinator)

    response = client.get(reverse("applications:index") + "?export=xlsx")

    assert response.status_code == 200
    heading, row = rows_of(response)
    assert row[heading.index("Samenvatting")] == "Regelmetrare tekens"
