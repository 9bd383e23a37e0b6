"""A registration that became a published profile, erased through its link: the profile
stays (it is the initiative's), and every copy of the contact's address goes, also where it
was the profile's public address: the live page in both languages, its revisions, the
open-data exports, the search index, the caches. The link's page says so first."""

import json
import re
from html import unescape

import pytest
from django.core import mail
from django.utils import translation
from wagtail.models import Locale, Revision

from members.models import MemberPage, Registration

from ..factories import organisation_kind
from ..utils import rows_holding, translated
from .conftest import EMAIL, LINK

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

NAME = "Fatima Bouzid"


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def profile(client, directory, theme, django_capture_on_commit_callbacks):
    """Registered through the form with the contact's own address as the public one,
    approved (published) and translated into English."""
    data = {
        "initiative_name": "Repaircafé Noord",
        "kind": organisation_kind("stichting").pk,
        "place": "Groningen",
        "province": "groningen",
        "themes": [theme.pk],
        "description": "Elke maand repareren we samen wat stuk is.",
        "web_address": "",
        "name": NAME,
        "email": EMAIL,
        "public_email": EMAIL,
        "consent": "on",
        "website": "",
        "form_token": "t1",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{directory.url}aanmelden/", data)
    assert response.status_code == 303
    page = MemberPage.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    english = translated(page)
    assert Registration.objects.get().status == Registration.Status.PUBLISHED
    return page, english


def self_service_link():
    (confirmation,) = [message for message in mail.outbox if message.to == [EMAIL]][:1]
    return "/" + LINK.search(confirmation.body).group(0).split("/", 3)[3]


def export_urls(directory):
    urls = []
    for language in ("nl", "en"):
        index = directory.get_translation(Locale.objects.get(language_code=language))
        with translation.override(language):
            urls += [
                index.url + index.reverse_subpage(name).lstrip("/") for name in ("csv", "geojson")
            ]
    return urls


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_the_link_says_what_erasure_does_to_the_published_profile(client, profile):
    link = self_service_link()

    dutch = unescape(client.get(link).text)
    english = unescape(client.get(re.sub(r"^/nl/jouw-gegevens/", "/en/your-data/", link)).text)

    assert "Het profiel van je initiatief blijft in de gids staan" in dutch
    assert "ook het openbare e-mailadres als dat hetzelfde is als het jouwe" in dutch
    assert "Your initiative's profile stays in the directory" in english


def test_erasing_takes_the_address_off_the_profile_its_exports_revisions_and_caches(
    client, directory, profile, django_capture_on_commit_callbacks
):
    page, english = profile
    pages = [page.url, english.url]
    exports = export_urls(directory)
    for url in pages + exports:  # warm: every copy holds the address
        assert EMAIL in read(client, url), url
    assert client.get(page.url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(self_service_link(), {"action": "erase", "confirmed": "yes"})

    assert response.status_code == 303
    for url in pages + exports:
        assert EMAIL not in read(client, url), url
        assert NAME not in read(client, url), url
    assert "Repaircafé Noord" in client.get(page.url).text  # the profile stays
    for revision in Revision.objects.all():
        assert EMAIL not in json.dumps(revision.content), revision
    assert rows_holding(EMAIL, NAME) == {}
