"""Erasing or deleting a submission that the site shows takes it off every cached copy at
once: remembered fragments, remembered listing ids and whole pages, in both languages and
in the filtered lists. Every test warms the caches first and proves the page is served
from them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from blog.models import Reaction
from calls.models import Question
from portal import content, privacy
from portal.demo import translate_instance
from portal.privacy import self_service_path

from ..factories import QuestionFactory, ReactionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

TEXT = "Mag een buurtbatterij op het schoolplein in Dalfsen?"
NAME = "Henk Kleinjan"
PLACE = "Dalfsen"


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def published(question_page, theme, locale_en):
    translate_instance(theme, locale_en, lambda msgid: {"Energie": "Energy"}.get(msgid, msgid))
    return QuestionFactory(
        page=question_page,
        theme=theme,
        text=TEXT,
        name=NAME,
        publish_as="name",
        public_name=NAME,
        municipality=PLACE,
    )


def in_english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def question_urls(question_page):
    english = in_english(question_page)
    return [
        url + query
        for url in (question_page.url, english.url)
        for query in ("", "?theme=energie", "?state=received", "?theme=energie&state=received")
    ]


def warm(client, urls, *texts):
    """Visit each page twice: the second visit comes from the page cache, with no query."""
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        assert all(text in first.text for text in texts), url
        with CaptureQueriesContext(connection) as queries:
            second = client.get(url)
        assert second["X-Page-Cache"] == "hit", url
        assert len(queries) == 0, url


def assert_gone(client, urls, *texts):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        for text in texts:
            assert text not in response.text, (url, text)


def test_a_question_erased_through_its_link_leaves_every_list_at_once(
    client, question_page, published, django_capture_on_commit_callbacks
):
    urls = question_urls(question_page)
    warm(client, urls, TEXT, NAME, PLACE)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            self_service_path(published), {"action": "erase", "confirmed": "yes"}
        )

    assert response.status_code == 303
    assert_gone(client, urls, TEXT, NAME, PLACE)


def test_a_question_withdrawn_through_its_link_leaves_every_list_at_once(
    client, question_page, published, django_capture_on_commit_callbacks
):
    urls = question_urls(question_page)
    warm(client, urls, TEXT)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(self_service_path(published), {"action": "withdraw", "confirmed": "yes"})

    assert_gone(client, urls, TEXT, NAME, PLACE)


def test_a_question_deleted_in_the_admin_leaves_every_list_at_once(
    client, admin_client, question_page, published, django_capture_on_commit_callbacks
):
    urls = question_urls(question_page)
    warm(client, urls, TEXT)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("questions:delete", args=[published.pk]))

    assert response.status_code == 302
    assert not Question.objects.exists()
    assert_gone(client, urls, TEXT, NAME, PLACE)


def test_a_question_erased_by_the_privacy_officer_or_the_purge_leaves_the_lists(
    client, question_page, published, django_capture_on_commit_callbacks
):
    other = QuestionFactory(page=question_page, text="Wie helpt met een deelauto in Ommen?")
    urls = question_urls(question_page)[:1]
    warm(client, urls, TEXT, other.text)

    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase_for_email(published.email)
    assert_gone(client, urls, TEXT, NAME)

    warm(client, urls, other.text)
    Question.objects.filter(pk=other.pk).update(created_at=other.created_at.replace(year=2000))
    with django_capture_on_commit_callbacks(execute=True):
        privacy.purge()
    assert_gone(client, urls, other.text)


def test_the_bump_waits_for_the_commit(client, question_page, published):
    """Inside the transaction nothing is bumped: a request between the bump and the commit
    would keep the old rows under the new version (PITFALLS)."""
    urls = question_urls(question_page)[:1]
    warm(client, urls, TEXT)

    published.erase_personal_data()  # the test's transaction never commits

    assert client.get(urls[0])["X-Page-Cache"] == "hit"


def test_a_reaction_erased_through_its_link_leaves_the_story_at_once(
    client, story, django_capture_on_commit_callbacks
):
    reaction = ReactionFactory(page=story, name=NAME, text=TEXT)
    # Reactions show under the story they were sent to, in its language.
    urls = [story.url]
    warm(client, urls, TEXT, NAME)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(self_service_path(reaction), {"action": "erase", "confirmed": "yes"})

    assert Reaction.objects.get().erased_at is not None
    assert_gone(client, urls, TEXT, NAME)


def test_every_kind_of_submission_says_whether_the_site_shows_it():
    from portal.invalidation import NOT_SHOWN, SHOWN
    from portal.models.privacy import submission_models

    labels = {model._meta.label for model in submission_models()}

    assert labels == set(SHOWN) | set(NOT_SHOWN)
    assert not set(SHOWN) & set(NOT_SHOWN)


def test_with_trusted_versions_the_erasing_worker_forgets_at_once_and_the_others_in_a_second(
    client, question_page, published, settings, django_capture_on_commit_callbacks
):
    settings.CONTENT_VERSION_TRUST = 60
    urls = question_urls(question_page)[:2]
    warm(client, urls, TEXT)
    other_worker = dict(content._trusted)  # what another process still trusts

    with django_capture_on_commit_callbacks(execute=True):
        client.post(self_service_path(published), {"action": "erase", "confirmed": "yes"})
    assert_gone(client, urls, TEXT, NAME)  # this worker: at once

    warm(client, urls)
    content._trusted.update(other_worker)
    content._trusted["until"] = 0  # that worker's trusted second has passed
    assert_gone(client, urls, TEXT, NAME)


def test_an_erased_question_is_purged_from_a_cdn_in_both_languages(
    client, question_page, published, settings, django_capture_on_commit_callbacks
):
    from tests.test_cache import RecordingBackend

    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.test_cache.RecordingBackend"}}
    RecordingBackend.urls = []

    with django_capture_on_commit_callbacks(execute=True):
        client.post(self_service_path(published), {"action": "erase", "confirmed": "yes"})

    english = in_english(question_page)
    assert {question_page.get_full_url(), english.get_full_url()} <= set(RecordingBackend.urls)
