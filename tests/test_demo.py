"""The demo content: the whole tree in both languages, and a loader that can run twice."""

import pytest
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from portal.models import Navigation, Theme

pytestmark = pytest.mark.django_db

DEMO_SLUGS = {
    "nl": ["verhalen", "initiatieven", "living-labs", "open-oproep", "breng-je-vraag-in"],
    "en": ["stories", "initiatives", "living-labs", "open-call", "ask-a-question"],
}


# The `demo` fixture (conftest) holds what a real `load_demo` built once this session.


def test_demo_builds_both_trees_with_the_agreed_slugs(demo, client):
    for language, slugs in DEMO_SLUGS.items():
        for slug in slugs:
            response = client.get(f"/{language}/{slug}/")
            assert response.status_code == 200, (language, slug)
    assert Theme.objects.filter(locale__language_code="en").count() == 8
    assert Navigation.objects.count() == 2


def test_every_demo_page_is_live_in_both_languages_and_renders(demo, client):
    pages = Page.objects.filter(depth__gt=1).select_related("locale")
    dutch = [page for page in pages if page.locale.language_code == "nl"]
    english = [page for page in pages if page.locale.language_code == "en"]

    assert len(dutch) == len(english) > 10
    for page in pages:
        assert page.live, page
        assert client.get(page.url).status_code == 200, page.url


def test_english_demo_pages_are_in_english(demo, client):
    response = client.get("/en/")

    assert "Together we make neighbourhoods stronger" in response.text
    assert "Where do you stand?" in response.text
    assert "Samen maken we" not in response.text


def test_loading_the_demo_twice_changes_nothing(db):
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    before = (Page.objects.count(), Theme.objects.count(), Navigation.objects.count())

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert (Page.objects.count(), Theme.objects.count(), Navigation.objects.count()) == before
