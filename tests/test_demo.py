"""The demo content: the whole tree in both languages, and a loader that can run twice."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from portal.models import Navigation, Theme

from . import snapshot

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


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_demo_page_is_live_in_both_languages_and_renders(demo, client, language):
    pages = Page.objects.filter(depth__gt=1).select_related("locale")
    dutch = [page for page in pages if page.locale.language_code == "nl"]
    english = [page for page in pages if page.locale.language_code == "en"]

    assert len(dutch) == len(english) > 10
    for page in pages:
        assert page.live, page
    # One language per test, each page rendered once.
    for page in dutch if language == "nl" else english:
        assert client.get(page.url).status_code == 200, page.url


def test_english_demo_pages_are_in_english(demo, client):
    response = client.get("/en/")

    assert "Together we make neighbourhoods stronger" in response.text
    assert "Where do you stand?" in response.text
    assert "Samen maken we" not in response.text


def test_loading_the_demo_twice_changes_nothing(demo):
    # The `demo` fixture is what a first `load_demo` on the migrated database built (once
    # for the run, tests/demo_template.py): this is the second run, on top of it.
    before = (Page.objects.count(), Theme.objects.count(), Navigation.objects.count())
    rows = table_rows()
    output = StringIO()

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", stdout=output)

    assert (Page.objects.count(), Theme.objects.count(), Navigation.objects.count()) == before
    assert "nothing changed" in output.getvalue()
    after = table_rows()
    assert [
        table for table in rows.keys() | after.keys() if rows.get(table) != after.get(table)
    ] == []


def table_rows():
    """{table: its rows, sorted}: every table the demo may fill (tests/snapshot.py)."""
    return {
        table: sorted(map(repr, data))
        for table, (_model, _columns, _pk, data) in snapshot.take().items()
    }
