"""When Redis or the database is down: uncached pages, a 503 for health, a plain error page."""

import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client, override_settings
from redis.connection import AbstractConnection
from redis.exceptions import ConnectionError as RedisConnectionError

from blog.models import Reaction
from portal import content
from portal.cache import ResilientRedisCache, on_recovery

from .factories import BlogIndexPageFactory, BlogPageFactory

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every connection is refused at once.
REDIS_DOWN = {
    "default": {
        "BACKEND": "portal.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/9",
    }
}
DATABASE_DOWN = mock.patch(
    "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
    side_effect=OperationalError("could not connect to server: secret-host:5432"),
)


@pytest.fixture(autouse=True)
def _cache_up_again():
    ResilientRedisCache.down_until = 0.0
    yield
    ResilientRedisCache.down_until = 0.0


@pytest.fixture
def story(home_nl):
    index = BlogIndexPageFactory(parent=home_nl)
    return BlogPageFactory(parent=index, title="Regionomie in Amersfoort", slug="regionomie")


def reaction(token):
    return {
        "name": "Fatima Bouzid",
        "email": "fatima@example.org",
        "text": "Wij willen dit ook in Zwolle.",
        "consent": "on",
        "website": "",
        "form_token": token,
    }


# Redis down


@override_settings(CACHES=REDIS_DOWN, PAGE_CACHE=True)
def test_with_redis_down_pages_are_served_uncached(client, story):
    # What keeps pages fast while Redis is down is that the cache stops trying it after
    # the first refused connection (for RETRY_AFTER seconds): count the attempts, not the
    # seconds a busy machine takes. The window is stretched past the test's length.
    attempts = []
    connect = AbstractConnection.connect

    def counted(self, *args, **kwargs):
        attempts.append(self)
        return connect(self, *args, **kwargs)

    with (
        mock.patch("portal.cache.RETRY_AFTER", 3600),
        mock.patch.object(AbstractConnection, "connect", counted),
    ):
        home = client.get("/nl/")
        page = client.get(story.url)
        again = client.get(story.url)

    assert home.status_code == page.status_code == again.status_code == 200
    assert "Regionomie in Amersfoort" in again.text
    assert "X-Page-Cache" not in again or again["X-Page-Cache"] == "miss"
    assert len(attempts) == 1


@override_settings(CACHES=REDIS_DOWN, PAGE_CACHE=True)
def test_with_redis_down_a_reaction_is_still_taken(client, story):
    response = client.post(story.url, reaction("t-1"))

    assert response.status_code == 303
    assert Reaction.objects.count() == 1


@override_settings(CACHES=REDIS_DOWN)
def test_with_redis_down_health_is_503_and_names_the_cache(client):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}
    assert client.get("/healthz?require=database").status_code == 200


@override_settings(CACHES=REDIS_DOWN)
def test_with_redis_down_publishing_still_works(admin_client, story):
    story.title = "Regionomie in Zwolle"
    story.save_revision().publish()

    assert "Regionomie in Zwolle" in Client().get(story.url).text


def test_after_an_outage_the_content_version_moves_on():
    """A publish during the outage could not bump the version: the first answer after it does."""
    backend = ResilientRedisCache("redis://127.0.0.1:1/9", {})
    client = mock.Mock()
    client.get.side_effect = [RedisConnectionError("down"), None]
    backend.__dict__["_cache"] = client  # the cached_property Django builds the client in

    bump = mock.Mock()
    with mock.patch("portal.cache.on_recovery", [bump]):
        assert backend.get("anything", "fallback") == "fallback"
        assert backend.get("anything", "fallback") == "fallback"  # not even tried
        assert client.get.call_count == 1
        ResilientRedisCache.down_until = time.monotonic() - 1
        backend.get("anything")

    assert client.get.call_count == 2
    bump.assert_called_once()
    assert content.bump_content_version in on_recovery


def test_the_resilient_cache_answers_like_an_empty_one_while_down():
    backend = ResilientRedisCache("redis://127.0.0.1:1/9", {})

    assert backend.get("key") is None
    assert backend.add("key", 1) is False
    assert backend.set("key", 1) is None
    assert backend.get_many(["a", "b"]) == {}
    assert backend.get_or_set("key", lambda: 5) == 5
    with pytest.raises(ValueError):
        backend.incr("key")


# The database down


def test_with_the_database_down_pages_get_a_plain_503_page(home_nl):
    client = Client(raise_request_exception=False)
    cache.clear()

    with DATABASE_DOWN:
        response = client.get("/nl/")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    assert "Er ging iets mis" in response.text
    assert "Traceback" not in response.text and "secret-host" not in response.text


@pytest.mark.parametrize(("language", "text"), [("nl", "even niet"), ("en", "for a moment")])
def test_the_503_page_speaks_the_visitors_language(home_nl, language, text):
    client = Client(raise_request_exception=False)

    with DATABASE_DOWN:
        response = client.get(f"/{language}/ergens/")

    assert response.status_code == 503
    assert f'<html lang="{language}">' in response.text
    assert text in response.text


@override_settings(PAGE_CACHE=True)
def test_with_the_database_down_stored_pages_are_still_served(client, story):
    client.get(story.url)

    with DATABASE_DOWN:
        response = client.get(story.url)

    assert response.status_code == 200
    assert "Regionomie in Amersfoort" in response.text


def test_health_names_the_database_without_details(client):
    with DATABASE_DOWN:
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "cache": "ok"}
    assert "secret-host" not in response.text
