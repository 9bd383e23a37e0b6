"""Who reaches which application: every URL that serves applications, answers, attachments
or exports, for every kind of user. Outsiders get a login page, a refusal or a 404; never
a reference, a name, an answer or a file."""

import io

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from calls.models import ApplicationFile, CallReviewer, Review

from ..factories import ApplicationFactory
from .conftest import PDF, make_user

pytestmark = pytest.mark.django_db
SECRET_ANSWER = "Ons geheime antwoord"


@pytest.fixture
def target(call):
    application = ApplicationFactory(
        call=call,
        name="Geheime Aanvrager",
        answers={"q1": {"type": "short_text", "label": {"nl": "Vraag"}, "value": SECRET_ANSWER}},
    )
    record = ApplicationFile(
        application=application,
        question_id="q1",
        name="plan.pdf",
        kind="pdf",
        size=len(PDF),
        sha256="x",
    )
    record.file.save("plan.pdf", ContentFile(PDF), save=True)
    return application, record


def urls(application, record):
    detail = reverse("applications:detail", args=[application.pk])
    return {
        "list": ("get", reverse("applications:index")),
        "results": ("get", reverse("applications:index_results")),
        "search": ("get", reverse("applications:index") + "?q=Geheime"),
        "csv": ("get", reverse("applications:index") + "?export=csv"),
        "xlsx": ("get", reverse("applications:index") + "?export=xlsx"),
        "detail": ("get", detail),
        "attachment": ("get", reverse("applications:attachment", args=[application.pk, record.pk])),
        "status": ("post", reverse("applications:status", args=[application.pk])),
        "review": ("post", reverse("applications:review", args=[application.pk])),
    }


POST_DATA = {
    "status": {"status": "accepted", "note": "Goed plan"},
    "review": {"has_conflict": "no"},
}
URL_NAMES = ["list", "results", "search", "csv", "xlsx", "detail", "attachment", "status", "review"]


def fetch(client, method, url, name):
    if method == "post":
        return client.post(url, POST_DATA.get(name, {}))
    return client.get(url)


def outcome(client, response):
    """The status the browser ends on. The portal's LocaleMiddleware answers a 404 under
    /admin/ with a redirect to /nl/admin/..., which is a 404 page in turn."""
    if response.status_code == 302 and response["Location"].startswith("/nl/admin/"):
        return client.get(response["Location"]).status_code
    return response.status_code


def leaks(response, application):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):  # an XLSX workbook: look at its cells
        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        body = "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
        body = body.encode()
    return any(
        secret in body
        for secret in (
            application.reference.encode(),
            b"Geheime Aanvrager",
            SECRET_ANSWER.encode(),
            PDF,
        )
    )


@pytest.mark.parametrize("name", URL_NAMES)
def test_anonymous_visitor_is_sent_to_login_and_back(client, target, name):
    application, record = target
    method, url = urls(application, record)[name]

    response = fetch(client, method, url, name)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    assert not leaks(response, application)


@pytest.mark.parametrize("name", URL_NAMES)
def test_editor_outside_the_reviewer_group_reaches_nothing(client, target, editor, name):
    application, record = target
    client.force_login(editor)
    method, url = urls(application, record)[name]

    response = fetch(client, method, url, name)

    assert response.status_code in (302, 403)
    assert response["Location"] == "/admin/"  # "Sorry, you do not have permission"
    assert not leaks(response, application)
    application.refresh_from_db()
    assert application.status == "submitted"
    assert not Review.objects.exists()


@pytest.mark.parametrize("name", URL_NAMES)
def test_reviewer_of_another_call_reaches_nothing(client, target, other_reviewer, name):
    application, record = target
    client.force_login(other_reviewer)
    method, url = urls(application, record)[name]

    response = fetch(client, method, url, name)

    if name in ("detail", "attachment", "status", "review"):
        assert outcome(client, response) == 404
    else:
        assert response.status_code == 200
    assert not leaks(response, application)
    application.refresh_from_db()
    assert application.status == "submitted"
    assert not Review.objects.exists()


@pytest.mark.parametrize("name", URL_NAMES)
def test_reviewer_group_member_without_an_assignment_reaches_nothing(
    client, target, reviewer_group, name
):
    application, record = target
    unassigned = make_user("los", group=reviewer_group)
    client.force_login(unassigned)
    method, url = urls(application, record)[name]

    response = fetch(client, method, url, name)

    assert not leaks(response, application)


@pytest.mark.parametrize("name", ["list", "search", "csv", "xlsx", "detail", "attachment"])
def test_reviewer_of_the_call_reaches_it(client, target, reviewer, name):
    application, record = target
    client.force_login(reviewer)
    method, url = urls(application, record)[name]

    response = fetch(client, method, url, name)

    assert response.status_code == 200
    assert leaks(response, application)


@pytest.mark.parametrize("name", ["list", "csv", "detail", "attachment"])
def test_superuser_reaches_every_call(client, target, coordinator, name):
    application, record = target
    client.force_login(coordinator)
    method, url = urls(application, record)[name]

    assert leaks(fetch(client, method, url, name), application)


def test_attachment_link_survives_the_login_redirect(client, target, reviewer):
    application, record = target
    url = reverse("applications:attachment", args=[application.pk, record.pk])
    app = TOTPDevice.objects.create(user=reviewer, name="authenticator app", confirmed=True)

    login_page = client.get(url)
    response = client.post(
        login_page["Location"],
        {"username": "beoordelaar", "password": "geheim-wachtwoord-1", "next": url},
    )

    assert response.status_code == 302
    assert response["Location"] == url
    # The second sign-in step (portal.twofactor) keeps the link as well.
    second_step = client.get(response["Location"])
    response = client.post(
        second_step["Location"], {"app-code": f"{totp(app.bin_key):06d}", "next": url}
    )
    assert response.status_code == 302
    assert response["Location"] == url
    download = client.get(response["Location"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert "no-store" in download["Cache-Control"]
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_file_of_another_application_is_not_served_under_this_one(client, target, reviewer, call):
    application, record = target
    other = ApplicationFactory(call=call)
    client.force_login(reviewer)

    url = reverse("applications:attachment", args=[other.pk, record.pk])

    assert outcome(client, client.get(url)) == 404


def test_drafts_stay_hidden_from_reviewers(client, call, reviewer, coordinator):
    draft = ApplicationFactory(call=call, status="draft", submitted_at=None, name="Half Klaar")
    client.force_login(reviewer)

    assert outcome(client, client.get(reverse("applications:detail", args=[draft.pk]))) == 404
    reference = draft.reference.encode()
    assert reference not in client.get(reverse("applications:index") + "?status=draft").content
    client.force_login(coordinator)
    assert reference in client.get(reverse("applications:index") + "?status=draft").content
    assert reference not in client.get(reverse("applications:index")).content


def test_reviewers_cannot_manage_assignments(client, reviewer, call, other_call):
    client.force_login(reviewer)

    response = client.post(
        reverse("call-reviewers:add"), {"call": other_call.pk, "user": reviewer.pk}
    )

    assert response.status_code in (302, 403)
    assert not CallReviewer.objects.filter(call=other_call, user=reviewer).exists()


def test_the_reviewer_group_has_exactly_its_permissions(reviewer_group):
    assert sorted(
        reviewer_group.permissions.values_list("content_type__app_label", "codename")
    ) == [
        ("calls", "change_application"),
        ("calls", "view_application"),
        ("wagtailadmin", "access_admin"),
    ]


def test_reviewer_menu_shows_applications_and_not_the_assignments(client, reviewer):
    client.force_login(reviewer)

    response = client.get("/admin/")

    assert reverse("applications:index").encode() in response.content
    assert reverse("call-reviewers:index").encode() not in response.content
