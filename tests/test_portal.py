"""The project itself: addresses, languages, health, machine-readable files, search."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.test import RequestFactory, override_settings
from django.utils import translation

from portal.views import server_error

from .factories import BlogIndexPageFactory, BlogPageFactory, StandardPageFactory
from .utils import translated

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parent.parent


def test_root_sends_a_dutch_browser_to_dutch(client, home_nl):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9,en;q=0.8")

    assert response.status_code == 302
    assert response["Location"] == "/nl/"
    assert "Accept-Language" in response["Vary"]


def test_root_sends_an_english_browser_to_english(client, home_nl):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response["Location"] == "/en/"


def test_root_sends_other_languages_to_dutch(client, home_nl):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/nl/"


def test_home_answers_in_both_languages(client, home_nl, home_en):
    dutch = client.get("/nl/")
    english = client.get("/en/")

    assert dutch.status_code == english.status_code == 200
    assert dutch.headers["Content-Language"] == "nl"
    assert english.headers["Content-Language"] == "en"
    assert '<html lang="nl">' in dutch.text
    assert "Direct naar de inhoud" in dutch.text
    assert "Skip to main content" in english.text


def test_english_address_without_english_home_is_not_found(client, home_nl):
    assert client.get("/en/").status_code == 404


def test_switcher_leads_to_the_same_page_in_the_other_language(client, home_nl, home_en):
    about = StandardPageFactory(parent=home_nl, title="Over ons", slug="over-ons")
    about_en = translated(about)
    about_en.slug = "about-us"
    about_en.save_revision().publish()

    response = client.get("/nl/over-ons/")

    assert '<a class="language-switcher__link" href="/en/about-us/" hreflang="en"' in response.text
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about-us/">' in (
        response.text
    )
    assert '<link rel="alternate" hreflang="nl" href="http://testserver/nl/over-ons/">' in (
        response.text
    )
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/nl/over-ons/">' in (
        response.text
    )
    assert '<link rel="canonical" href="http://testserver/nl/over-ons/">' in response.text


def test_switcher_leads_to_the_other_home_when_not_translated(client, home_nl, home_en):
    StandardPageFactory(parent=home_nl, title="Alleen Nederlands", slug="alleen-nederlands")

    response = client.get("/nl/alleen-nederlands/")

    assert '<a class="language-switcher__link" href="/en/" hreflang="en"' in response.text
    assert 'hreflang="en" href="http://testserver/en/' not in response.text


def test_switcher_on_search_keeps_the_query(client, home_nl, home_en):
    response = client.get("/nl/zoeken/?q=wijk")

    assert 'href="/en/search/?q=wijk" hreflang="en"' in response.text


def test_unknown_page_is_a_404_in_the_visitors_language(client, home_nl, home_en):
    dutch = client.get("/nl/bestaat-niet/")
    english = client.get("/en/does-not-exist/")

    assert dutch.status_code == english.status_code == 404
    assert "Pagina niet gevonden" in dutch.text
    assert "Page not found" in english.text


@pytest.mark.parametrize(("language", "text"), [("nl", "Er ging iets mis"), ("en", "went wrong")])
def test_server_error_page_needs_no_database_and_speaks_the_language(language, text):
    request = RequestFactory().get(f"/{language}/")
    with (
        translation.override(language),
        mock.patch(
            "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
            side_effect=OperationalError("database is down"),
        ),
    ):
        response = server_error(request)

    assert response.status_code == 500
    assert f'<html lang="{language}">' in response.content.decode()
    assert text in response.content.decode()


def test_health_reports_database_and_cache(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_health_is_503_when_the_database_is_unreachable(client):
    with mock.patch("portal.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_health_is_503_naming_the_cache_when_only_the_cache_fails(client):
    with mock.patch("portal.views.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/healthz")
        for_balancer = client.get("/healthz?require=database")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}
    # The site serves uncached through a Redis outage: a load balancer keeps the host.
    assert for_balancer.status_code == 200


def test_robots_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text


def test_security_txt_has_contact_and_expiry(client):
    response = client.get("/.well-known/security.txt")

    lines = dict(line.split(": ", 1) for line in response.text.strip().splitlines())
    assert lines["Contact"].startswith("mailto:")
    assert lines["Expires"].endswith("Z")
    assert lines["Preferred-Languages"] == "nl, en"
    assert lines["Canonical"] == "http://testserver/.well-known/security.txt"


def test_sitemap_lists_both_languages_with_alternates(client, home_nl, home_en):
    index = BlogIndexPageFactory(parent=home_nl)
    translated(index)
    StandardPageFactory(parent=home_nl, slug="alleen-nederlands")

    response = client.get("/sitemap.xml")

    assert response["Content-Type"].startswith("application/xml")
    namespaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    urls = {
        url.findtext("s:loc", namespaces=namespaces): [
            (link.get("hreflang"), link.get("href")) for link in url.findall("x:link", namespaces)
        ]
        for url in ET.fromstring(response.content).findall("s:url", namespaces)
    }
    assert set(urls) == {
        "http://testserver/nl/",
        "http://testserver/en/",
        "http://testserver/nl/verhalen/",
        "http://testserver/en/verhalen/",
        "http://testserver/nl/alleen-nederlands/",
    }
    assert ("en", "http://testserver/en/verhalen/") in urls["http://testserver/nl/verhalen/"]
    assert ("x-default", "http://testserver/nl/verhalen/") in urls["http://testserver/en/verhalen/"]
    assert urls["http://testserver/nl/alleen-nederlands/"] == []


def test_search_finds_pages_of_the_current_language_only(client, home_nl, home_en):
    index = BlogIndexPageFactory(parent=home_nl)
    BlogPageFactory(parent=index, title="Energiecoöperatie in Zwolle", intro="Zonnedaken.")
    index_en = translated(index)
    BlogPageFactory(parent=index_en, title="Energy cooperative in Zwolle", intro="Solar roofs.")

    dutch = client.get("/nl/zoeken/", {"q": "Zwolle"})
    english = client.get("/en/search/", {"q": "Zwolle"})

    assert "Energiecoöperatie in Zwolle" in dutch.text
    assert "Energy cooperative in Zwolle" not in dutch.text
    assert "Energy cooperative in Zwolle" in english.text
    assert "1 resultaat voor" in dutch.text


def test_search_paginates(client, home_nl):
    index = BlogIndexPageFactory(parent=home_nl)
    for number in range(12):
        BlogPageFactory(parent=index, title=f"Moestuin {number}")

    first = client.get("/nl/zoeken/", {"q": "Moestuin"})
    second = client.get("/nl/zoeken/", {"q": "Moestuin", "page": 2})

    assert first.text.count('class="search-results__item"') == 10
    assert second.text.count('class="search-results__item"') == 2
    assert "?page=2&amp;q=Moestuin" in first.text or "?q=Moestuin&amp;page=2" in first.text


@pytest.mark.parametrize("page", ["abc", "99999", "-1"])
def test_search_with_a_bad_page_number_is_a_404(client, home_nl, page):
    assert client.get("/nl/zoeken/", {"q": "wijk", "page": page}).status_code == 404


def test_search_refuses_an_overlong_query_with_a_message(client, home_nl):
    response = client.get("/nl/zoeken/", {"q": "x" * 2000})

    assert response.status_code == 400
    assert "Zoek met hoogstens 200 tekens." in response.text


def test_search_survives_sql_looking_text(client, home_nl):
    response = client.get("/nl/zoeken/", {"q": "'; DROP TABLE wagtailcore_page; --"})

    assert response.status_code == 200


def run_manage(*args, env=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={"PATH": os.environ["PATH"], **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x" * 60 + "production-example-key-that-is-long-enough",
    "ALLOWED_HOSTS": "www.wijkkracht.example",
    "CSRF_TRUSTED_ORIGINS": "https://www.wijkkracht.example",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def test_production_settings_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@override_settings(FORM_RATE_LIMIT=(2, 60))
def test_rate_limit_counts_per_address():
    from portal import ratelimit

    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    other = RequestFactory().post("/", REMOTE_ADDR="192.0.2.2")

    assert [ratelimit.hit(request, "test") for _ in range(3)] == [True, True, False]
    assert ratelimit.hit(other, "test") is True


def test_rate_limit_lets_posts_through_when_the_cache_is_down():
    from portal import ratelimit

    with mock.patch("portal.ratelimit.cache.add", side_effect=ConnectionError("redis down")):
        assert ratelimit.hit(RequestFactory().post("/"), "test") is True


@override_settings(NUM_PROXIES=1)
def test_client_address_behind_one_proxy():
    from portal.ratelimit import client_address

    request = RequestFactory().post(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7"
    )

    assert client_address(request) == "198.51.100.7"


def test_unknown_admin_address_is_a_plain_404(admin_client):
    response = admin_client.get("/admin/does-not-exist/")

    assert response.status_code == 404


def test_unknown_unprefixed_address_goes_to_the_visitors_language(client, home_nl):
    response = client.get("/over-ons/", HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 302
    assert response["Location"] == "/nl/over-ons/"


def test_switcher_keeps_filters_but_not_the_page_number(client, home_nl, home_en, theme):
    index = BlogIndexPageFactory(parent=home_nl)
    english = translated(index)
    english.slug = "stories"
    english.save_revision().publish()

    response = client.get("/nl/verhalen/", {"theme": "energie", "page": "1"})

    assert 'href="/en/stories/?theme=energie" hreflang="en"' in response.text
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/stories/">' in (
        response.text
    )
