"""Reviewing in the admin: the detail screen, status with history, conflict of interest,
scores hidden until one's own is in, list filters and search, accepted -> draft lab."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from calls.models import Application, Review, StatusChange
from livinglabs.models import LivingLabPage

from ..factories import ApplicationFactory, LivingLabIndexPageFactory
from .conftest import options, q

pytestmark = pytest.mark.django_db


def detail(application):
    return reverse("applications:detail", args=[application.pk])


def declare(client, application, conflict=False):
    return client.post(
        reverse("applications:review", args=[application.pk]),
        {"has_conflict": "yes" if conflict else "no"},
    )


def score(client, application, call, first, second, comment=""):
    ids = [block.id for block in call.criteria]
    return client.post(
        reverse("applications:review", args=[application.pk]),
        {f"c_{ids[0]}": first, f"c_{ids[1]}": second, "comment": comment},
    )


def change_status(client, application, status, note="Besproken in de commissie"):
    return client.post(
        reverse("applications:status", args=[application.pk]), {"status": status, "note": note}
    )


def test_detail_shows_core_fields_answers_in_both_languages_and_files(
    client, call, call_en, reviewer, django_capture_on_commit_callbacks
):
    from .conftest import valid_data

    with django_capture_on_commit_callbacks(execute=True):
        client.post(call_en.url, valid_data(call_en))
    application = Application.objects.get()
    client.force_login(reviewer)

    response = client.get(detail(application))

    assert response.status_code == 200
    text = response.content.decode()
    for expected in (
        application.reference,
        "Fatima el Amrani",
        "Wijkbedrijf Schalkwijk",
        "Fase",  # Dutch label
        "Stage",  # English label, side by side
        "Idea",  # the answer as the applicant chose it
        "plan.pdf",
        reverse("applications:attachment", args=[application.pk, application.files.get().pk]),
    ):
        assert expected in text, expected
    assert "no-store" in response["Cache-Control"]


def test_an_answer_to_a_removed_question_is_still_shown(client, call, reviewer):
    application = ApplicationFactory(
        call=call,
        answers={
            "gone": {"type": "short_text", "label": {"nl": "Oude vraag"}, "value": "Oud antwoord"}
        },
    )
    client.force_login(reviewer)

    text = client.get(detail(application)).content.decode()

    assert "Oude vraag" in text and "Oud antwoord" in text


def test_status_change_keeps_a_history_with_who_and_why(client, call, reviewer, application):
    client.force_login(reviewer)
    declare(client, application)

    response = change_status(client, application, "in_review", "Compleet, naar de commissie")

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "in_review"
    change = StatusChange.objects.get()
    assert (change.from_status, change.to_status) == ("submitted", "in_review")
    assert change.user == reviewer
    assert change.user_name == "Beoordelaar"
    assert change.note == "Compleet, naar de commissie"
    text = client.get(detail(application)).content.decode()
    assert "Compleet, naar de commissie" in text


@pytest.mark.parametrize(
    "data",
    [
        {"status": "accepted", "note": ""},
        {"status": "draft", "note": "terug"},
        {"status": "gewonnen", "note": "x"},
        {"status": "submitted", "note": "hetzelfde"},
    ],
)
def test_a_status_change_needs_a_valid_status_and_a_note(client, reviewer, application, data):
    client.force_login(reviewer)
    declare(client, application)

    client.post(reverse("applications:status", args=[application.pk]), data)

    application.refresh_from_db()
    assert application.status == "submitted"
    assert not StatusChange.objects.exists()


def test_no_decision_before_declaring_no_conflict(client, reviewer, application):
    client.force_login(reviewer)

    change_status(client, application, "rejected")

    application.refresh_from_db()
    assert application.status == "submitted"


def test_a_declared_conflict_keeps_the_reviewer_from_scoring_and_deciding(
    client, call, reviewer, second_reviewer, application
):
    client.force_login(second_reviewer)
    declare(client, application)
    score(client, application, call, 4, 5, "Sterk plan")
    client.force_login(reviewer)

    declare(client, application, conflict=True)
    score(client, application, call, 1, 1)
    change_status(client, application, "rejected")

    review = Review.objects.get(reviewer=reviewer)
    assert review.has_conflict is True
    assert review.submitted_at is None and review.scores == {}
    application.refresh_from_db()
    assert application.status == "submitted"
    text = client.get(detail(application)).content.decode()
    assert "Sterk plan" not in text  # others' scores stay hidden


def test_scores_are_hidden_until_ones_own_are_in(
    client, call, reviewer, second_reviewer, application
):
    client.force_login(second_reviewer)
    declare(client, application)
    score(client, application, call, 4, 5, "Overtuigend verhaal")
    client.force_login(reviewer)

    before = client.get(detail(application)).content.decode()
    list_before = client.get(reverse("applications:index")).content.decode()
    declare(client, application)
    score(client, application, call, 2, 3)
    after = client.get(detail(application)).content.decode()
    list_after = client.get(reverse("applications:index")).content.decode()

    assert "Overtuigend verhaal" not in before
    assert not re.search(r"<td[^>]*>\s*90\s*</td>", list_before)
    assert "verborgen tot je zelf scoort" in list_before
    assert "Overtuigend verhaal" in after
    own = Review.objects.get(reviewer=reviewer)
    assert own.scores == {
        block.id: value for block, value in zip(call.criteria, [2, 3], strict=True)
    }
    assert own.score == Decimal("50.0")
    assert re.search(r"<td[^>]*>\s*70\s*</td>", list_after)  # (90 + 50) / 2


def test_scores_must_be_within_the_criterion_range(client, call, reviewer, application):
    client.force_login(reviewer)
    declare(client, application)

    score(client, application, call, 9, 3)

    assert Review.objects.get().submitted_at is None


def test_a_superuser_sees_every_score(client, call, second_reviewer, coordinator, application):
    client.force_login(second_reviewer)
    declare(client, application)
    score(client, application, call, 4, 5, "Overtuigend verhaal")
    client.force_login(coordinator)

    assert "Overtuigend verhaal" in client.get(detail(application)).content.decode()


def test_accepting_makes_a_draft_living_lab_linked_both_ways(
    client, call, reviewer, theme, home_nl
):
    labs = LivingLabIndexPageFactory(parent=home_nl)
    application = ApplicationFactory(call=call, title="Wijkbedrijf Schalkwijk")
    application.themes.set([theme])
    client.force_login(reviewer)
    declare(client, application)

    change_status(client, application, "accepted", "Gekozen als lab")
    change_status(client, application, "in_review", "Nog even terug")
    change_status(client, application, "accepted", "Toch gekozen")

    application.refresh_from_db()
    lab = application.lab.specific
    assert LivingLabPage.objects.count() == 1  # made once
    assert lab.get_parent().specific == labs
    assert not lab.live
    assert lab.title == "Wijkbedrijf Schalkwijk"
    assert lab.place == "Haarlem"
    assert lab.province == "noord-holland"
    assert lab.question == application.question
    assert lab.summary == application.summary
    assert lab.phase == LivingLabPage.Phase.EXPLORE
    assert list(lab.themes.all()) == [theme]
    # the applicant's partners become the lab's partner records
    assert [(p.name, p.role) for p in lab.partners.all()] == [
        ("Woningcorporatie Elan", "woningcorporatie")
    ]
    assert lab.get_latest_revision().user == reviewer
    # and back: the lab's edit screen links to the application for those who may see it
    client.force_login(reviewer)
    from calls.wagtail_hooks import application_of_lab

    (button,) = application_of_lab(lab, reviewer, "edit")
    assert button.url == detail(application)
    assert list(application_of_lab(lab, make_editor(), "edit")) == []


def make_editor():
    from django.contrib.auth.models import Group

    from .conftest import make_user

    return make_user("lab-redacteur", group=Group.objects.get(name="Editors"))


def test_accepting_without_a_programme_page_keeps_the_decision_and_says_why(
    client, reviewer, application
):
    client.force_login(reviewer)
    declare(client, application)

    response = change_status(client, application, "accepted")

    application.refresh_from_db()
    assert application.status == "accepted"
    assert application.lab is None
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("living-labs" in message or "programma" in message for message in messages)


@pytest.fixture
def listed(call, other_call):
    return {
        "haarlem": ApplicationFactory(call=call, title="Plan Haarlem", municipality="Haarlem"),
        "bedrijf": ApplicationFactory(
            call=call,
            title="Plan Bedrijf",
            role="bedrijf",
            municipality="Utrecht",
            organisation="Koffie BV",
        ),
        "afgewezen": ApplicationFactory(
            call=call, title="Plan Afgewezen", status="rejected", municipality="Zwolle"
        ),
        "ander": ApplicationFactory(
            call=other_call, title="Plan Andere Oproep", municipality="Assen"
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Plan Haarlem", "Plan Bedrijf", "Plan Afgewezen", "Plan Andere Oproep"}),
        ("?status=rejected", {"Plan Afgewezen"}),
        ("?role=bedrijf", {"Plan Bedrijf"}),
        ("?municipality=haar", {"Plan Haarlem"}),
        ("?q=Koffie", {"Plan Bedrijf"}),
        ("?q=Plan+Haarlem", {"Plan Haarlem"}),
        (
            "?status=nonsense",
            {"Plan Haarlem", "Plan Bedrijf", "Plan Afgewezen", "Plan Andere Oproep"},
        ),
        (
            "?ordering=password",
            {"Plan Haarlem", "Plan Bedrijf", "Plan Afgewezen", "Plan Andere Oproep"},
        ),
    ],
)
def test_list_filters_and_search(client, coordinator, listed, query, expected):
    client.force_login(coordinator)

    response = client.get(reverse("applications:index") + query)

    assert response.status_code == 200
    shown = {title for title in [a.title for a in listed.values()] if title in response.text}
    assert shown == expected


def test_call_filter_offers_only_ones_own_calls(client, reviewer, listed, call, other_call):
    client.force_login(reviewer)

    response = client.get(reverse("applications:index") + f"?call={other_call.pk}")

    assert "Plan Andere Oproep" not in response.text
    assert response.status_code == 200
    assert f'value="{other_call.pk}"' not in response.text
    filtered = client.get(reverse("applications:index") + f"?call={call.pk}")
    assert "Plan Haarlem" in filtered.text


def test_score_filters(client, call, reviewer, second_reviewer, listed):
    high, low = listed["haarlem"], listed["bedrijf"]
    for user in (second_reviewer, reviewer):
        client.force_login(user)
        for application, marks in ((high, (5, 4)), (low, (1, 1))):
            declare(client, application)
            if user == second_reviewer or application == high:
                score(client, application, call, *marks)

    index = reverse("applications:index")
    top = client.get(index + "?score=75").content.decode()
    mine = client.get(index + "?score=mine").content.decode()
    below = client.get(index + "?score=0").content.decode()

    assert "Plan Haarlem" in top and "Plan Bedrijf" not in top
    assert "Plan Bedrijf" in mine and "Plan Haarlem" not in mine
    # Plan Bedrijf scores low, but this reviewer has not scored it: it stays out of view.
    assert "Plan Bedrijf" not in below


def test_list_queries_do_not_grow_with_applications(client, call, coordinator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinator)
    ApplicationFactory.create_batch(2, call=call)
    client.get(reverse("applications:index"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("applications:index"))
    ApplicationFactory.create_batch(20, call=call)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("applications:index"))

    assert len(few) == len(many)


def test_choice_answers_keep_their_words_when_the_option_is_renamed(
    client, call, reviewer, django_capture_on_commit_callbacks
):
    from .conftest import valid_data

    with django_capture_on_commit_callbacks(execute=True):
        client.post(call.url, valid_data(call))
    block = list(call.questions)[3]
    block.value["choices"].bound_blocks[0].value = "Alleen een idee"
    call.save_revision().publish()
    client.force_login(reviewer)

    text = client.get(detail(Application.objects.get())).content.decode()

    assert "Idee" in text
    assert options(call, 3)[0] == Application.objects.get().answers[q(call, 3)[2:]]["value"]


def test_a_call_with_applications_cannot_be_deleted(admin_client, call, application):
    response = admin_client.post(
        reverse("wagtailadmin_pages:delete", args=[call.pk]), {"confirm_site_name": "x"}
    )

    assert response.status_code == 302
    assert type(call).objects.filter(pk=call.pk).exists()
    assert Application.objects.filter(pk=application.pk).exists()


def test_the_home_page_above_a_call_with_applications_cannot_be_deleted(
    admin_client, call, application, home_nl
):
    admin_client.post(reverse("wagtailadmin_pages:delete", args=[home_nl.pk]))

    assert type(call).objects.filter(pk=call.pk).exists()


def test_bulk_delete_keeps_a_call_with_applications(admin_client, call, application, home_nl):
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={call.pk}&childOf={home_nl.pk}"
    )

    response = admin_client.post(url)

    assert response.status_code == 302
    assert type(call).objects.filter(pk=call.pk).exists()


def test_a_call_without_applications_can_be_deleted(admin_client, call):
    admin_client.post(reverse("wagtailadmin_pages:delete", args=[call.pk]))

    assert not type(call).objects.filter(pk=call.pk).exists()


def test_an_english_reviewer_scores_on_english_criteria(
    client, call, call_en, reviewer, application
):
    from wagtail.users.models import UserProfile

    english = call_en
    for block in english.criteria:
        block.value["label"] = {"Maatschappelijke waarde": "Social value"}.get(
            block.value["label"], block.value["label"]
        )
    english.save_revision().publish()
    UserProfile.get_for_user(reviewer)
    UserProfile.objects.filter(user=reviewer).update(preferred_language="en")
    client.force_login(reviewer)
    declare(client, application)

    text = client.get(detail(application)).content.decode()

    assert "Social value" in text
    assert score(client, application, call, 3, 4).status_code == 302
    assert Review.objects.get().score == Decimal("70.0")
