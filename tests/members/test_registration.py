""" "Meld je initiatief aan": form → draft profile in moderation → approved → in the directory."""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import override_settings
from wagtail.models import Locale, Page, WorkflowState

from members.models import MemberPage, Registration
from members.registration import WEBSITE_USERNAME

from ..factories import MemberPageFactory, organisation_kind
from ..utils import thanked_reference

pytestmark = pytest.mark.django_db
FAILING = "tests.failing_mail.FailingEmailBackend"
REGISTER = "/nl/initiatieven/aanmelden/"


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("mo", "moderator@wijkkracht.example", "x")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def registration(made_themes, **changes):
    themes = made_themes
    data = {
        "initiative_name": "Repaircafé Noord",
        "kind": organisation_kind("stichting").pk,
        "place": "Groningen",
        "province": "groningen",
        "themes": [themes["energie"].pk, themes["voedsel"].pk],
        "description": "Elke maand repareren we samen wat stuk is, met koffie en taart.",
        "web_address": "repaircafe-noord.example",
        "name": "Fatima el Amrani",
        "email": "fatima@example.org",
        "public_email": "",
        "consent": "on",
        "website": "",
        "form_token": "abc",
    }
    data.update(changes)
    return data


def test_the_form_is_there_in_both_languages(client, directory, directory_en, themes):
    dutch = client.get(REGISTER)
    english = client.get("/en/initiatives/register/")

    assert dutch.status_code == english.status_code == 200
    assert "Meld je initiatief aan" in dutch.text
    assert "Register your initiative" in english.text
    assert "Stichting" in dutch.text and "Foundation" in english.text
    assert "[en] Energie" in english.text
    # The language switch leads to the same form.
    assert 'href="/en/initiatives/register/" hreflang="en"' in dutch.text
    assert (
        '<link rel="canonical" href="http://testserver/nl/initiatieven/aanmelden/">' in dutch.text
    )


def test_registration_end_to_end(
    client, admin_client, directory, themes, moderator, django_capture_on_commit_callbacks
):
    # 1. The form: a draft profile in Dutch, in moderation, and two mails after commit.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(REGISTER, registration(themes))
        assert mail.outbox == []
    assert callbacks

    assert response.status_code == 303
    assert response["Location"].startswith("/nl/initiatieven/aanmelden/bedankt/?t=")
    stored = Registration.objects.get()
    page = stored.page.specific
    assert stored.status == "pending"
    assert stored.language == "nl"
    assert stored.consent_at is not None
    assert not page.live
    assert page.locale.language_code == "nl"
    assert page.get_parent().specific == directory
    assert (page.title, page.intro, page.place, page.province) == (
        "Repaircafé Noord",
        "Elke maand repareren we samen wat stuk is, met koffie en taart.",
        "Groningen",
        "groningen",
    )
    assert page.kind.slug == "stichting"
    assert page.website == "https://repaircafe-noord.example"
    assert (page.contact_name, page.contact_email, page.public_email) == (
        "Fatima el Amrani",
        "fatima@example.org",
        "",
    )
    assert sorted(theme.slug for theme in page.themes.all()) == ["energie", "voedsel"]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == "in_progress"
    assert state.requested_by.username == WEBSITE_USERNAME
    assert not state.requested_by.is_active
    confirmation, notice = mail.outbox
    assert confirmation.to == ["fatima@example.org"]
    assert stored.reference in confirmation.body
    assert "moderator@wijkkracht.example" in notice.to
    assert f"/admin/pages/{page.pk}/edit/" in notice.body
    thanks = client.get(response["Location"])
    assert stored.reference in thanks.text
    assert "Repaircafé Noord" not in client.get(directory.url).text

    # 2. A moderator approves it in the admin; it goes live in the directory.
    mail.outbox.clear()
    client.force_login(moderator)
    task_state = state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
        )
    assert response.status_code in (200, 302), response.content[:3000]

    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == "approved"
    client.logout()
    assert "Repaircafé Noord" in client.get(directory.url).text
    assert client.get(page.url).status_code == 200
    stored.refresh_from_db()
    assert stored.status == "published"
    published_mail = [m for m in mail.outbox if m.to == ["fatima@example.org"]]
    assert len(published_mail) == 1
    assert page.full_url in published_mail[0].body
    assert "fatima@example.org" not in client.get(page.url).text


def test_a_registration_in_english_makes_an_english_draft(
    client, directory, directory_en, themes, moderator, django_capture_on_commit_callbacks
):
    english_kind = organisation_kind("zorgboerderij", "en")
    english_theme = themes["voedsel"].get_translation(Locale.objects.get(language_code="en"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/initiatives/register/",
            registration(
                themes,
                kind=english_kind.pk,
                themes=[english_theme.pk],
                initiative_name="Care Farm North",
            ),
        )

    assert response.status_code == 303
    stored = Registration.objects.get()
    page = stored.page.specific
    assert stored.language == "en"
    assert page.locale.language_code == "en"
    assert page.get_parent().specific == directory_en
    assert [theme.slug for theme in page.themes.all()] == ["voedsel"]
    assert mail.outbox[0].subject.startswith("We have received")
    assert mail.outbox[1].subject.startswith("Nieuwe aanmelding")


def test_wagtail_sends_no_mail_of_its_own_inside_the_request(client, directory, themes, moderator):
    # Without running the after-commit callbacks nothing may have been sent: Wagtail's own
    # "submitted for moderation" notices would have gone out here, inside the request.
    response = client.post(REGISTER, registration(themes))

    assert response.status_code == 303
    assert mail.outbox == []


def test_editors_still_get_wagtails_notice_for_their_own_submissions(
    admin_client, directory, moderator
):
    page = MemberPageFactory(parent=directory, live=False)
    page.save_revision()
    workflow = page.get_workflow()

    workflow.start(page, User.objects.get(username="admin"))

    assert any("moderator@wijkkracht.example" in message.to for message in mail.outbox)


@override_settings(EMAIL_BACKEND=FAILING)
def test_a_registration_is_kept_when_the_mail_server_is_down(
    client, directory, themes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER, registration(themes))

    assert response.status_code == 303
    assert Registration.objects.get().page is not None


def test_a_double_click_makes_one_registration_and_one_draft(
    client, directory, themes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(REGISTER, registration(themes))
        second = client.post(REGISTER, registration(themes))

    # Both lead to the thank-you page of the one stored submission (the signed token
    # carries a timestamp, so compare what it says).
    assert thanked_reference(first) == thanked_reference(second) == stored_reference()
    assert Registration.objects.count() == 1
    assert MemberPage.objects.count() == 1


def test_two_initiatives_with_one_name_get_their_own_address(client, directory, themes):
    client.post(REGISTER, registration(themes, form_token="a"))
    client.post(REGISTER, registration(themes, form_token="b", place="Haren"))

    slugs = sorted(MemberPage.objects.values_list("slug", flat=True))
    assert slugs == ["repaircafe-noord", "repaircafe-noord-2"]


def test_a_name_that_is_a_directory_part_gets_another_address(client, directory, themes):
    client.post(REGISTER, registration(themes, initiative_name="Aanmelden"))

    assert MemberPage.objects.get().slug == "aanmelden-2"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"initiative_name": ""}, "Vul de naam van het initiatief in."),
        ({"email": "fatima"}, "Voer een geldig e-mailadres in"),
        ({"consent": ""}, "Vink het vakje aan om toestemming te geven."),
        ({"kind": "999"}, "geen beschikbare keuze"),
        ({"province": "vlaanderen"}, "geen beschikbare keuze"),
        ({"themes": ["999"]}, "geen beschikbare keuze"),
        ({"web_address": "javascript:alert(1)"}, "Voer een geldige URL in"),
        ({"description": "x" * 2001}, "2000"),
        ({"public_email": "niet-publiek"}, "Voer een geldig e-mailadres in"),
    ],
)
def test_bad_input_keeps_everything_typed(client, directory, themes, change, message):
    response = client.post(REGISTER, registration(themes, **change))

    assert response.status_code == 200
    html = response.text
    assert message in html
    assert "Controleer wat je hebt ingevuld" in html
    for field, kept in (
        ("name", "Fatima el Amrani"),
        ("place", "Groningen"),
        ("description", "koffie en taart"),
    ):
        if field not in change:
            assert kept in html, kept
    assert f'value="{themes["energie"].pk}"' in html
    assert Registration.objects.count() == 0
    assert MemberPage.objects.count() == 0


def test_the_honeypot_stores_nothing(client, directory, themes):
    response = client.post(REGISTER, registration(themes, website="http://spam.example"))

    assert response.status_code == 303
    assert Registration.objects.count() == 0 and MemberPage.objects.count() == 0


@override_settings(FORM_RATE_LIMIT=(1, 600))
def test_too_many_registrations_from_one_address_are_refused(client, directory, themes):
    client.post(REGISTER, registration(themes, form_token="a"))

    response = client.post(REGISTER, registration(themes, form_token="b"))

    assert response.status_code == 429
    assert "Fatima el Amrani" in response.text
    assert Registration.objects.count() == 1


def test_a_rejected_registrations_personal_data_and_draft_are_removed(
    client, admin_client, directory, themes, django_capture_on_commit_callbacks
):
    client.post(REGISTER, registration(themes))
    stored = Registration.objects.get()
    page_id = stored.page_id

    detail = admin_client.get(f"/admin/members/registrations/inspect/{stored.pk}/")
    confirm = admin_client.get(f"/admin/members/registrations/erase/{stored.pk}/")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/members/registrations/erase/{stored.pk}/", {"notify": "1"}
        )

    assert detail.status_code == confirm.status_code == 200
    assert "Fatima el Amrani" in detail.text
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.status == "rejected"
    assert (stored.name, stored.email) == ("", "")
    assert stored.erased_at is not None
    assert stored.page is None
    assert not Page.objects.filter(pk=page_id).exists()
    assert not WorkflowState.objects.filter(object_id=str(page_id)).exists()
    assert mail.outbox[0].to == ["fatima@example.org"]
    assert (
        "Fatima el Amrani"
        not in admin_client.get(f"/admin/members/registrations/inspect/{stored.pk}/").text
    )


def test_erasing_an_accepted_registration_keeps_the_profile(
    client, admin_client, directory, themes
):
    client.post(REGISTER, registration(themes))
    stored = Registration.objects.get()
    stored.page.save_revision().publish()
    stored.refresh_from_db()
    assert stored.status == "published"

    admin_client.post(f"/admin/members/registrations/erase/{stored.pk}/")

    stored.refresh_from_db()
    assert stored.page.live
    assert (stored.name, stored.email, stored.status) == ("", "", "published")
    # The copy of the contact person's details on the profile goes too, and it is logged.
    page = MemberPage.objects.get(pk=stored.page_id)
    assert (page.contact_name, page.contact_email) == ("", "")
    assert "fatima@example.org" not in str(page.get_latest_revision().content)
    from portal.models import PersonalDataLog

    assert PersonalDataLog.objects.get().submissions == {"members.registration": [stored.reference]}


def test_only_moderators_see_registrations(client, directory, themes, moderator):
    client.post(REGISTER, registration(themes))
    editor = User.objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))

    client.force_login(moderator)
    assert client.get("/admin/members/registrations/").status_code == 200
    client.force_login(editor)
    # Wagtail answers a missing permission with a redirect to the dashboard.
    assert client.get("/admin/members/registrations/").status_code in (302, 403)
    erase = client.post(f"/admin/members/registrations/erase/{Registration.objects.get().pk}/")
    assert erase.status_code in (302, 403)
    assert Registration.objects.get().erased_at is None


def test_retention_erases_decided_registrations_but_not_pending_ones(client, directory, themes):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    client.post(REGISTER, registration(themes, form_token="a"))
    client.post(REGISTER, registration(themes, form_token="b", initiative_name="Tweede"))
    decided, pending = Registration.objects.order_by("pk")
    decided.page.save_revision().publish()
    Registration.objects.update(created_at=timezone.now() - datetime.timedelta(days=400))

    call_command("purge_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115

    decided.refresh_from_db()
    pending.refresh_from_db()
    assert decided.erased_at is not None and decided.email == ""
    assert pending.erased_at is None and pending.email == "fatima@example.org"


def test_the_admin_menu_groups_the_directory(admin_client):
    dashboard = admin_client.get("/admin/")
    kinds = admin_client.get("/admin/snippets/members/organisationkind/")

    assert dashboard.status_code == kinds.status_code == 200
    for label in ("Aanmeldingen", "Hulpaanbod", "Soorten organisatie"):
        assert label in dashboard.text, label
    assert "Zorgboerderij" in kinds.text


def stored_reference():
    return Registration.objects.get().reference
