"""Provenance in plain sight: a lab made from an application says so at the top of its
editor (with a link for those who may see the application), the application links to its
lab, and a question's screen links to the call and the lab it led to."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from calls.lab import create_lab

from ..factories import (
    ApplicationFactory,
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    OpenCallPageFactory,
    QuestionFactory,
    QuestionPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(home_nl):
    labs = LivingLabIndexPageFactory(parent=home_nl)
    call = OpenCallPageFactory(parent=home_nl)
    application = ApplicationFactory(call=call, status="accepted")
    accepter = get_user_model().objects.create_superuser(
        "acceptant", "a@example.org", "x", first_name="Ada", last_name="Aanvaarder"
    )
    UserProfile.objects.update_or_create(user=accepter, defaults={"preferred_language": "en"})
    lab = create_lab(application, accepter)
    return {"application": application, "lab": lab, "labs": labs, "call": call, "by": accepter}


def top_of_editor(client, lab):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[lab.pk]))
    assert response.status_code == 200
    html = response.text
    return html[: html.find('name="title"')]


def test_a_lab_made_from_an_application_says_so_at_the_top_of_its_editor(client, accepted):
    application = accepted["application"]
    client.force_login(accepted["by"])

    top = top_of_editor(client, accepted["lab"])

    url = reverse("applications:detail", args=[application.pk])
    assert f'<a href="{url}">{application.reference}</a>' in top
    assert "Ada Aanvaarder" in top


def test_an_editor_who_may_not_see_applications_reads_the_note_without_the_link(client, accepted):
    editor = get_user_model().objects.create_user("redacteur", "r@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    top = top_of_editor(client, accepted["lab"])

    assert accepted["application"].reference in top
    assert reverse("applications:detail", args=[accepted["application"].pk]) not in top


def test_a_lab_of_its_own_has_no_note(client, accepted):
    lab = LivingLabPageFactory(parent=accepted["labs"], title="Los lab")
    client.force_login(accepted["by"])

    assert "help-info" not in top_of_editor(client, lab).split("w-panel")[-1]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[lab.pk]))
    assert accepted["application"].reference not in response.text


def test_the_application_links_to_its_labs_editor(client, accepted):
    client.force_login(accepted["by"])

    response = client.get(reverse("applications:detail", args=[accepted["application"].pk]))

    assert reverse("wagtailadmin_pages:edit", args=[accepted["lab"].pk]) in response.text


def test_a_questions_screen_links_to_the_call_and_the_lab_it_led_to(client, accepted, home_nl):
    question = QuestionFactory(
        page=QuestionPageFactory(parent=home_nl),
        state="lab",
        answer="Zo.",
        call=accepted["call"],
        lab=accepted["lab"],
    )
    client.force_login(accepted["by"])

    response = client.get(reverse("questions:edit", args=[question.pk]))

    html = response.text
    panel = html[html.find("Led to") :]
    assert "Led to" in html
    for page in (accepted["call"], accepted["lab"]):
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in panel
