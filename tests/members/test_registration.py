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
    confirmation, *notices = mail.outbox
    assert confirmation.to == ["fatima@example.org"]
    assert stored.reference in confirmation.body
    # One notice per moderator (and the admin): nobody sees the others' addresses.
    assert all(len(message.to) == 1 for message in notices)
    (notice,) = [message for message in notices if message.to == ["moderator@wijkkracht.example"]]
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


def test_an_english_registration_becomes_one_initiative_listed_in_both_languages(
    client,
    admin_client,
    directory,
    directory_en,
    themes,
    moderator,
    django_capture_on_commit_callbacks,
):
    """A registration from either language is one initiative: a Dutch page (the source,
    with the text as written) that gets its English translation when it is approved, so
    that both directories, both CSV files and the figures count it alike."""
    english = Locale.objects.get(language_code="en")
    english_kind = organisation_kind("zorgboerderij", "en")
    english_theme = themes["voedsel"].get_translation(english)
    MemberPageFactory(parent=directory, title="Buurtkracht Oost")  # one there already
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
    assert page.locale.language_code == "nl"
    assert page.get_parent().specific == directory
    assert page.kind.slug == "zorgboerderij" and page.kind.locale.language_code == "nl"
    assert [(t.slug, t.locale.language_code) for t in page.themes.all()] == [("voedsel", "nl")]
    assert mail.outbox[0].subject.startswith("We have received")
    assert mail.outbox[1].subject.startswith("Nieuwe aanmelding")

    mail.outbox.clear()
    client.force_login(moderator)
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
        )
    client.logout()

    translation = page.get_translation(english).specific
    assert translation.live
    assert translation.get_parent().specific == directory_en
    assert "Care Farm North" in client.get(directory.url).text
    assert "Care Farm North" in client.get(directory_en.url).text
    dutch_csv = b"".join(client.get(f"{directory.url}csv/").streaming_content).decode()
    english_csv = b"".join(client.get(f"{directory_en.url}csv/").streaming_content).decode()
    assert len(dutch_csv.splitlines()) == len(english_csv.splitlines()) == 3  # header + 2
    figures = client.get(f"{directory_en.url}figures/").text
    assert '<dt class="figures__label">initiatives</dt><dd class="figures__value">2</dd>' in figures
    published = [m for m in mail.outbox if m.to == ["fatima@example.org"]]
    assert len(published) == 1
    assert translation.full_url in published[0].body
    # The English copy holds the text as written until an editor translates it: to do.
    from portal.freshness import State, stale_translations

    rows = [row for row in stale_translations() if row.instance.pk == page.pk]
    assert [row.state for row in rows] == [State.INCOMPLETE]


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


def test_a_registration_loses_the_characters_that_turn_its_text_around(
    client, directory, themes, django_capture_on_commit_callbacks
):
    data = registration(
        themes,
        initiative_name="Repaircafé\u202e Noord",
        name="Fatima\u2066 el Amrani\u2069",
        description="Elke maand\u202a repareren\u202c we samen.",
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER, data)

    assert response.status_code == 303
    stored = Registration.objects.get()
    assert (stored.initiative_name, stored.name, stored.description) == (
        "Repaircafé Noord",
        "Fatima el Amrani",
        "Elke maand repareren we samen.",
    )
    assert stored.page.title == "Repaircafé Noord"


@pytest.mark.parametrize(
    "address",
    [
        "ftp://repaircafe-noord.example/",
        "http://127.0.0.1:8000/admin/",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "https://8.8.8.8/",
        "http://localhost/",
        "http://localhost./",
        "http://api.localhost/",
        "http://intranet/",
        "http://printer.local/",
        "https://gemeente.nl@elders.example/",
    ],
)
def test_a_web_address_that_does_not_lead_to_a_public_website_is_refused(
    client, directory, themes, address
):
    response = client.post(REGISTER, registration(themes, web_address=address))

    assert response.status_code == 200  # the form again, as for every mistake here
    assert "Controleer wat je hebt ingevuld" in response.text
    assert "Repaircafé Noord" in response.text
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (REGISTER, "Geef het adres van een openbare website"),
        ("/en/initiatives/register/", "Give the address of a public website"),
    ],
)
def test_a_local_web_address_is_refused_with_a_message_in_the_visitors_language(
    client, directory, directory_en, themes, url, message
):
    response = client.post(url, registration(themes, web_address="http://127.0.0.1/"))

    assert response.status_code == 200
    assert message in response.text
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    "address", ["https://www.repaircafe-noord.nl/", "http://repaircafe.example:8080/agenda"]
)
def test_a_public_web_address_is_accepted(
    client, directory, themes, address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER, registration(themes, web_address=address))

    assert response.status_code == 303
    assert Registration.objects.get().website == address
