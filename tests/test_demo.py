"""The demo content: the whole tree in both languages, and a loader that can run twice."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import TestCase, override_settings
from django_tasks import task_backends
from wagtail.models import Page, ReferenceIndex

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


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_loading_the_demo_leaves_no_task_that_fails_when_the_worker_runs_it(
    django_capture_on_commit_callbacks,
):
    """Production queues tasks for a worker that runs them after the loader has finished;
    a task about a row the loader replaced in the meantime fails there (DoesNotExist)."""
    backend = task_backends["default"]
    backend.clear()
    Page.objects.filter(depth__gt=1).delete()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    # Indexed once at the end: an image's usage still lists the stories that show it.
    assert ReferenceIndex.objects.filter(content_type__model="blogpage").exists()

    failed = []
    for result in list(backend.results):
        try:
            result.task.call(*result.args, **result.kwargs)
        except Exception as error:  # what the worker would record as a failed task
            failed.append((result.task.name, result.args, type(error).__name__))

    assert failed == []
