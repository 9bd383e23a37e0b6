"""Settings → Personal data of a person: export (JSON, readable page) and erase by e-mail,
logged without the address, and only for editors with the permission."""

import json

import pytest
from wagtail.search.models import IndexEntry

from blog.models import Reaction
from calls.models import Application
from members.models import HelpOffer, Registration
from portal.models import PersonalDataLog
from portal.models.privacy import email_hash

from .conftest import EMAIL, KINDS, send

pytestmark = pytest.mark.django_db
URL = "/admin/personal-data/"


@pytest.fixture
def everything(request, client, django_capture_on_commit_callbacks):
    """One submission of every kind from the same address."""
    return {kind: send(kind, request, client, django_capture_on_commit_callbacks) for kind in KINDS}


def test_anonymous_visitors_and_editors_without_the_permission_are_refused(
    client, plain_editor, everything
):
    anonymous = client.post(URL, {"email": EMAIL, "action": "json"})
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]

    client.force_login(plain_editor)
    # Wagtail answers a missing permission with a redirect to the dashboard and a message.
    for response in (
        client.get(URL),
        client.post(URL, {"email": EMAIL, "action": "json"}),
        client.post(URL, {"email": EMAIL, "action": "erase", "confirm": "on"}),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Reaction.objects.get().erased_at is None
    assert not PersonalDataLog.objects.exists()
    assert "Persoonsgegevens van een persoon" not in client.get("/admin/").text


def test_the_menu_shows_it_to_those_with_the_permission(client, privacy_officer):
    client.force_login(privacy_officer)

    assert "Persoonsgegevens van een persoon" in client.get("/admin/").text
    assert client.get(URL).status_code == 200


def test_find_lists_every_kind(client, privacy_officer, everything):
    client.force_login(privacy_officer)

    response = client.post(URL, {"email": EMAIL.upper(), "action": "find"})

    assert response.status_code == 200
    for sent in everything.values():
        assert sent.submission.reference in response.text


def test_json_export_holds_everything_and_is_logged(client, privacy_officer, everything):
    client.force_login(privacy_officer)

    response = client.post(URL, {"email": EMAIL, "action": "json"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["email"] == EMAIL
    kinds = data["submissions"]
    assert set(kinds) == {
        "blog.reaction",
        "calls.application",
        "calls.question",
        "members.helpoffer",
        "members.registration",
    }
    (application,) = kinds["calls.application"]
    assert application["name"] == "Fatima el Amrani" and application["email"] == EMAIL
    assert application["answers"] and application["files"][0]["name"].endswith(".pdf")
    assert application["history"][0]["to"] == "submitted"
    assert kinds["blog.reaction"][0]["text"] == "Wij willen dit ook in Zwolle."
    assert kinds["members.helpoffer"][0]["message"] == "Ik rijd graag op zaterdag."
    assert kinds["members.registration"][0]["initiative_name"] == "Repaircafé Noord"
    assert all("submission_key" not in row for rows in kinds.values() for row in rows)
    (entry,) = PersonalDataLog.objects.all()
    assert (entry.action, entry.source, entry.user) == ("export", "admin", privacy_officer)
    assert entry.subject_hash == email_hash(EMAIL) and EMAIL not in entry.subject_hash
    assert entry.count == len(KINDS)


def test_html_export_is_a_readable_page(client, privacy_officer, everything):
    client.force_login(privacy_officer)

    response = client.post(URL, {"email": EMAIL, "action": "html"})

    assert response.status_code == 200
    html = response.text
    assert "<h1>Persoonsgegevens van fatima@example.org</h1>" in html
    for sent in everything.values():
        assert sent.submission.reference in html
    assert "Wij willen dit ook in Zwolle." in html
    assert PersonalDataLog.objects.get().action == "export"


def test_erase_needs_confirmation_then_erases_everything_and_logs_it(
    client, privacy_officer, everything
):
    client.force_login(privacy_officer)

    unconfirmed = client.post(URL, {"email": EMAIL, "action": "erase"})
    assert unconfirmed.status_code == 200 and "Vink het vakje aan" in unconfirmed.text
    assert Reaction.objects.get().erased_at is None

    response = client.post(URL, {"email": EMAIL, "action": "erase", "confirm": "on"})

    assert response.status_code == 302
    for model in (Reaction, Application, HelpOffer, Registration):
        (row,) = model.objects.all()  # still counted
        assert row.erased_at is not None and row.email == "", model
    assert not IndexEntry.objects.filter(body__icontains=EMAIL).exists()
    (entry,) = PersonalDataLog.objects.all()
    assert (entry.action, entry.source, entry.user) == ("erase", "admin", privacy_officer)
    assert entry.subject_hash == email_hash(EMAIL)
    assert EMAIL not in json.dumps(entry.submissions)
    again = client.post(URL, {"email": EMAIL, "action": "find"})
    assert "We bewaren geen persoonsgegevens" in again.text
    log_page = client.get(URL).text
    assert "wissen" in log_page and EMAIL not in log_page


def test_a_wrong_address_is_a_form_error(client, privacy_officer):
    client.force_login(privacy_officer)

    response = client.post(URL, {"email": "geen-adres", "action": "json"})

    assert response.status_code == 200
    assert 'value="geen-adres"' in response.text
    assert not PersonalDataLog.objects.exists()


def test_the_search_index_never_holds_a_registrations_contact_address(
    request, client, django_capture_on_commit_callbacks
):
    sent = send("registration", request, client, django_capture_on_commit_callbacks)
    page = sent.submission.page
    page.save_revision().publish()

    assert IndexEntry.objects.filter(object_id=str(page.pk)).exists()
    for field in ("title", "body", "autocomplete"):
        assert not IndexEntry.objects.filter(**{f"{field}__icontains": EMAIL}).exists()
        assert not IndexEntry.objects.filter(**{f"{field}__icontains": "Fatima"}).exists()
