"""Pages and documents under a view restriction, end to end, in both languages.

Found in an attack on a production-like instance: ``/nl/_util/login/`` and
``/nl/_util/authenticate_with_password/…`` were 404, because the catch-all page route came
before Wagtail's own routes, so a password-protected page could not be unlocked and a
login-only page or document sent its visitors to a 404.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "zonnepanelen"
FORM_ACTION = re.compile(r'<form[^>]*action="([^"]*authenticate_with_password[^"]*)"')


@pytest.fixture(params=["nl", "en"])
def home(request, home_nl, home_en):
    return {"nl": home_nl, "en": home_en}[request.param]


def restricted_page(home, restriction_type, **fields):
    page = StandardPageFactory(parent=home, title="Notulen van het bestuur", slug="notulen")
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **fields)
    return page


@pytest.fixture
def member(db):
    return get_user_model().objects.create_user(username="lid", password="lang-genoeg-123")


def test_a_password_protected_page_opens_with_its_password_only(client, home):
    page = restricted_page(home, PageViewRestriction.PASSWORD, password=PASSWORD)

    form = client.get(page.url)
    action = FORM_ACTION.search(form.text).group(1)
    wrong = client.post(action, {"password": "raden", "return_url": page.url})
    right = client.post(action, {"password": PASSWORD, "return_url": page.url})
    shown = client.get(page.url)

    assert form.status_code == 200
    assert "Notulen van het bestuur" not in form.text
    assert action.startswith(f"/{home.locale.language_code}/_util/authenticate_with_password/")
    assert wrong.status_code == 200
    assert "Notulen van het bestuur" not in wrong.text
    assert right.status_code == 302 and right["Location"] == page.url
    assert shown.status_code == 200
    assert "Notulen van het bestuur" in shown.text


def test_a_login_only_page_sends_to_the_login_and_back(client, home, member):
    page = restricted_page(home, PageViewRestriction.LOGIN)
    language = home.locale.language_code

    first = client.get(page.url)
    login_url = first["Location"]
    form = client.get(login_url)
    signed_in = client.post(
        login_url, {"username": "lid", "password": "lang-genoeg-123", "next": page.url}
    )
    shown = client.get(page.url)

    assert first.status_code == 302
    assert login_url.startswith(f"/{language}/_util/login/?next=")
    assert form.status_code == 200
    assert signed_in.status_code == 302 and signed_in["Location"] == page.url
    assert shown.status_code == 200
    assert "Notulen van het bestuur" in shown.text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_login_only_document_sends_to_the_login_and_is_served_after_it(
    client, home_nl, member, language, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    collection = Collection.get_first_root_node().add_child(name="Bestuur")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Notulen",
        collection=collection,
        file=ContentFile(b"notulen van het bestuur", name="notulen.txt"),
    )
    client.cookies["django_language"] = language

    first = client.get(document.url)
    login_url = first["Location"]
    login = client.get(login_url)
    client.post(login_url, {"username": "lid", "password": "lang-genoeg-123"})
    served = client.get(document.url)

    assert first.status_code == 302
    assert login_url.startswith(f"/{language}/_util/login/?next=")
    assert login.status_code == 200
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"notulen van het bestuur"


@pytest.mark.parametrize("restriction", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_a_restricted_page_is_never_stored_for_anyone(client, home_nl, member, restriction):
    page = restricted_page(home_nl, restriction, password=PASSWORD)
    if restriction == PageViewRestriction.LOGIN:
        client.force_login(member)
    else:
        action = FORM_ACTION.search(client.get(page.url).text).group(1)
        client.post(action, {"password": PASSWORD, "return_url": page.url})

    shown = client.get(page.url)
    client.logout()
    client.cookies.clear()
    stranger = client.get(page.url)

    assert shown.status_code == 200 and "Notulen van het bestuur" in shown.text
    assert "X-Page-Cache" not in shown
    assert "public" not in shown["Cache-Control"]
    assert "Notulen van het bestuur" not in stranger.text


@pytest.mark.parametrize(
    "url",
    [
        "/nl/_util/login/?next=%00",
        "/en/_util/login/?next=/en/%00/",
        "/nl/_util/authenticate_with_password/999/999/",
        "/nl/_util/authenticate_with_password/0/0/",
        "/nl/_util/authenticate_with_password/99999999999999999999/1/",
        "/nl/_util/authenticate_with_password/x/1/",
    ],
)
def test_wagtails_own_routes_never_fail_on_odd_input(client, home_nl, url):
    assert client.get(url).status_code in (200, 400, 404)
    assert client.post(url, {"password": "\x00", "username": "\x00"}).status_code in (
        200,
        400,
        403,
        404,
    )
