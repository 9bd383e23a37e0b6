"""The page cache for anonymous visitors, Cache-Control for proxies, purges of a CDN."""

import gzip
import re
from unittest import mock

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import Page, PageViewRestriction

from blog.models import BlogPage, Reaction
from portal import content, pagecache

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    MemberIndexPageFactory,
    MemberPageFactory,
)
from .utils import translated

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def index(home_nl, home_en):
    index = BlogIndexPageFactory(parent=home_nl)
    translated(index)
    return index


@pytest.fixture
def story(index):
    return BlogPageFactory(parent=index, title="Regionomie in Amersfoort", slug="regionomie")


def rename_quietly(page, title):
    """Change the live title behind the cache's back (no publish, no version bump)."""
    Page.objects.filter(pk=page.pk).update(title=title)
    BlogPage.objects.filter(pk=page.pk).update(title=title)


def form_data(token, **changes):
    data = {
        "name": "Fatima Bouzid",
        "email": "fatima@example.org",
        "text": "Wij willen dit ook in Zwolle.",
        "consent": "on",
        "website": "",
        "form_token": token,
    }
    return {**data, **changes}


def form_token(html):
    return re.search(r'name="form_token" value="([^"]+)"', html)[1]


# Serving from the cache


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(client, story):
    with CaptureQueriesContext(connection) as rendering:
        first = client.get(story.url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(story.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert len(rendering) > 0
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["Content-Language"] == "nl"
    assert "Regionomie in Amersfoort" in second.text


def test_search_results_are_kept_per_query_and_follow_the_content(client, story):
    first = client.get("/nl/zoeken/", {"q": "Regionomie"})
    second = client.get("/nl/zoeken/", {"q": "Regionomie"})
    other = client.get("/nl/zoeken/", {"q": "Zwolle"})

    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert "public" in second["Cache-Control"]
    assert "Regionomie in Amersfoort" in second.text
    assert other["X-Page-Cache"] == "miss" and "Regionomie in Amersfoort" not in other.text

    story.title = "Regionomie in Zwolle"
    with TestCase.captureOnCommitCallbacks(execute=True):
        story.save_revision().publish()

    assert "Regionomie in Zwolle" in client.get("/nl/zoeken/", {"q": "Regionomie"}).text


def test_public_pages_tell_proxies_to_cache_briefly(client, story):
    for response in (client.get(story.url), client.get(story.url)):
        cache_control = response["Cache-Control"]
        assert "public" in cache_control
        assert "max-age=120" in cache_control
        assert "stale-while-revalidate=60" in cache_control
        # A proxy keeps the anonymous copy for visitors without cookies only.
        assert "Cookie" in response["Vary"]
        assert "Content-Security-Policy" in response


def test_head_is_answered_from_the_stored_page(client, story):
    client.get(story.url)

    response = client.head(story.url)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("trust", [0, 60], ids=["version read each time", "version trusted"])
def test_publishing_makes_the_cached_page_stale(client, story, settings, trust):
    """Also while this worker trusts the version it read and holds the page itself."""
    settings.CONTENT_VERSION_TRUST = trust
    client.get(story.url)
    client.get(story.url)

    story.title = "Regionomie in Zwolle"
    with TestCase.captureOnCommitCallbacks(execute=True):
        story.save_revision().publish()
    response = client.get(story.url)

    assert response["X-Page-Cache"] == "miss"
    assert "Regionomie in Zwolle" in response.text


@pytest.mark.parametrize("action", ["unpublish", "delete"])
def test_the_index_forgets_a_story_that_is_unpublished_or_deleted(client, index, story, action):
    assert "Regionomie in Amersfoort" in client.get(index.url).text

    with TestCase.captureOnCommitCallbacks(execute=True):
        getattr(story, action)()
    response = client.get(index.url)

    assert "Regionomie in Amersfoort" not in response.text


def test_each_language_and_query_string_is_kept_apart(client, index, story, locale_en):
    dutch = client.get(index.url)
    english = client.get(index.get_translation(locale_en).url)
    filtered = client.get(f"{index.url}?page=1")
    bad = client.get(f"{index.url}?page=99")

    assert dutch["X-Page-Cache"] == english["X-Page-Cache"] == filtered["X-Page-Cache"] == "miss"
    assert english["Content-Language"] == "en"
    assert bad.status_code == 404 and "X-Page-Cache" not in bad
    assert client.get(index.url)["X-Page-Cache"] == "hit"
    assert client.get(f"{index.url}?page=1")["X-Page-Cache"] == "hit"


def test_an_overlong_query_string_is_not_stored(client, index):
    url = f"{index.url}?utm_source={'x' * 400}"
    client.get(url)

    assert "X-Page-Cache" not in client.get(url)


def test_page_cache_switched_off_keeps_the_headers(client, story, settings):
    settings.PAGE_CACHE = False
    client.get(story.url)

    response = client.get(story.url)

    assert "X-Page-Cache" not in response
    assert "public" in response["Cache-Control"]


def test_an_approved_reaction_shows_at_once_and_a_new_post_keeps_the_cache(client, story):
    client.get(story.url)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(story.url, form_data("t-9"))
    assert client.get(story.url)["X-Page-Cache"] == "hit"

    with TestCase.captureOnCommitCallbacks(execute=True):
        Reaction.moderate_many(Reaction.objects.all(), Reaction.Status.APPROVED)
    approved = client.get(story.url)
    assert approved["X-Page-Cache"] == "miss"
    assert "Wij willen dit ook in Zwolle." in approved.text

    with TestCase.captureOnCommitCallbacks(execute=True):
        Reaction.objects.get().moderate(Reaction.Status.SPAM)
    assert "Wij willen dit ook in Zwolle." not in client.get(story.url).text


# Who never gets the stored copy


def test_editors_always_see_a_fresh_page(client, admin_client, story):
    client.get(story.url)
    rename_quietly(story, "Regionomie in Deventer")

    anonymous = client.get(story.url)
    editor = admin_client.get(story.url)

    assert "Regionomie in Amersfoort" in anonymous.text  # the stored copy
    assert "Regionomie in Deventer" in editor.text
    assert "X-Page-Cache" not in editor
    assert "private" in editor["Cache-Control"] and "no-store" in editor["Cache-Control"]


def test_a_visitor_with_messages_waiting_is_not_served_the_stored_copy(client, story):
    client.get(story.url)
    rename_quietly(story, "Regionomie in Deventer")
    client.cookies[CookieStorage.cookie_name] = "anything"

    assert "Regionomie in Deventer" in client.get(story.url).text


def test_the_language_cookie_does_not_stop_caching(client, story):
    client.cookies["django_language"] = "en"
    client.get(story.url)

    assert client.get(story.url)["X-Page-Cache"] == "hit"


def test_a_page_under_a_view_restriction_is_never_stored(client, story):
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    first = client.get(story.url)
    second = client.get(story.url)

    assert "Regionomie in Amersfoort" not in second.text
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "public" not in second.get("Cache-Control", "")


def test_form_errors_and_the_thank_you_view_are_private(client, story):
    client.get(story.url)

    errors = client.post(story.url, form_data("t-1", name=""))
    sent = client.post(story.url, form_data("t-2"))
    thanks = client.get(sent["Location"])

    for response in (errors, thanks):
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
    assert client.get(story.url)["X-Page-Cache"] == "hit"


def test_the_directorys_thank_you_pages_are_private(client, home_nl):
    index = MemberIndexPageFactory(parent=home_nl)
    member = MemberPageFactory(parent=index)
    urls = [
        index.url + index.reverse_subpage("register_thanks").lstrip("/") + "?t=x",
        member.url + member.reverse_subpage("help_thanks").lstrip("/") + "?t=x",
    ]

    for url in urls:
        client.get(url)
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]


# Forms on a stored page


def test_two_visitors_without_cookies_send_reactions_from_the_same_stored_page(story):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    html_first = first.get(story.url).text
    html_second = second.get(story.url)
    assert html_second["X-Page-Cache"] == "hit"
    token = form_token(html_first)
    assert token == form_token(html_second.text)  # the same stored form

    one = first.post(story.url, form_data(token))
    other = second.post(story.url, form_data(token, name="Kees", email="kees@example.org"))
    again = first.post(story.url, form_data(token))  # a double click

    assert one.status_code == other.status_code == again.status_code == 303
    assert Reaction.objects.count() == 2
    assert not first.cookies and not second.cookies
    assert "csrfmiddlewaretoken" not in html_first


def test_stored_pages_hold_no_csrf_token_and_set_no_cookie(client, story):
    response = client.get(story.url)
    hit = client.get(story.url)

    assert not response.cookies and not hit.cookies
    assert "csrfmiddlewaretoken" not in response.text


# Compression


def test_a_stored_page_goes_out_gzipped_to_who_accepts_it_and_plain_to_others(client, story):
    client.get(story.url, HTTP_ACCEPT_ENCODING="gzip, br")

    with CaptureQueriesContext(connection) as queries:
        gzipped = client.get(story.url, HTTP_ACCEPT_ENCODING="gzip, br")
    plain = client.get(story.url)

    assert gzipped["X-Page-Cache"] == plain["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert gzipped["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    assert gzip.decompress(gzipped.content) == plain.content
    assert "Regionomie in Amersfoort" in plain.text
    for response in (gzipped, plain):
        assert {"Accept-Encoding", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
        assert "Content-Security-Policy" in response
        assert response["X-Frame-Options"] == "DENY"


def test_private_answers_and_the_admin_are_not_compressed(client, admin_client, story):
    sent = client.post(story.url, form_data("t-3"))
    thanks = client.get(sent["Location"], headers={"accept-encoding": "gzip"})
    admin = admin_client.get("/admin/", headers={"accept-encoding": "gzip"})
    editor = admin_client.get(story.url, headers={"accept-encoding": "gzip"})

    for response in (thanks, admin, editor):
        assert response.status_code == 200
        assert "Content-Encoding" not in response


# Purging a CDN or proxy


class RecordingBackend(BaseBackend):
    urls = []

    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        type(self).urls.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.test_cache.RecordingBackend"}}
    RecordingBackend.urls = []
    return RecordingBackend.urls


def test_publishing_purges_the_page_its_index_and_home(story, index, home_nl, purged):
    with TestCase.captureOnCommitCallbacks(execute=True):
        story.save_revision().publish()

    assert set(purged) >= {
        story.get_full_url(),
        index.get_full_url(),
        home_nl.get_full_url(),
    }


def test_unpublishing_purges_too(story, index, purged):
    with TestCase.captureOnCommitCallbacks(execute=True):
        story.unpublish()

    assert story.get_full_url() in purged and index.get_full_url() in purged


def test_deleting_purges_too(story, index, purged):
    url = story.get_full_url()

    with TestCase.captureOnCommitCallbacks(execute=True):
        story.delete()

    assert url in purged and index.get_full_url() in purged


def test_moving_purges_the_old_address_and_both_indexes(story, index, home_nl, purged):
    other = BlogIndexPageFactory(parent=home_nl, title="Nieuws", slug="nieuws")
    old_url = story.get_full_url()

    with TestCase.captureOnCommitCallbacks(execute=True):
        story.move(other, pos="last-child")
    story.refresh_from_db()

    assert {old_url, story.get_full_url(), index.get_full_url(), other.get_full_url()} <= set(
        purged
    )


def test_publishing_a_translation_purges_the_english_pages(story, index, purged):
    with TestCase.captureOnCommitCallbacks(execute=True):
        english = translated(story)

    assert english.get_full_url() in purged
    assert index.get_translation(english.locale).get_full_url() in purged


def test_a_worker_answers_a_page_it_holds_without_asking_redis(client, story, settings):
    settings.CONTENT_VERSION_TRUST = 60
    client.get(story.url)
    assert client.get(story.url)["X-Page-Cache"] == "hit"  # now held by this worker

    with mock.patch.object(pagecache.cache, "get_many", side_effect=AssertionError("asked")):
        response = client.get(story.url)

    assert response["X-Page-Cache"] == "hit"
    assert "Regionomie in Amersfoort" in response.text


def test_another_worker_sees_a_publish_once_the_trusted_version_runs_out(client, story, settings):
    settings.CONTENT_VERSION_TRUST = 60
    client.get(story.url)
    client.get(story.url)
    rename_quietly(story, "Regionomie in Zwolle")
    cache.incr(content.VERSION_KEY)  # what a publish in another process does

    held = client.get(story.url)
    content._trusted["until"] = 0  # the trusted second has passed
    fresh = client.get(story.url)

    assert "Regionomie in Amersfoort" in held.text
    assert "Regionomie in Zwolle" in fresh.text
