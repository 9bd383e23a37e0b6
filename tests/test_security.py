"""Security headers, the Content-Security-Policy of the site and the admin, and cookies."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Page

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def policy(response):
    return {
        name: sources
        for name, *sources in (
            part.split() for part in response["Content-Security-Policy"].split(";")
        )
    }


def sample_pages():
    """One live page of every page type in every language."""
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale"):
        pages.setdefault((page.content_type_id, page.locale.language_code), page)
    return list(pages.values())


# The public site


def test_public_pages_allow_no_inline_script_and_nothing_from_elsewhere(client, home_nl):
    csp = policy(client.get("/nl/"))

    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:", "https://service.pdok.nl"]
    assert csp["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert csp["form-action"] == csp["frame-ancestors"] == csp["base-uri"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]


def test_every_response_carries_the_security_headers(client, home_nl):
    for url in ("/nl/", "/nl/bestaat-niet/", "/healthz", "/robots.txt", "/nl/zoeken/?q=energie"):
        response = client.get(url)
        assert "Content-Security-Policy" in response, url
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "microphone=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert response["X-Frame-Options"] == "DENY"


def test_media_from_another_host_is_allowed_as_images(client, home_nl, settings):
    settings.MEDIA_URL = "https://media.wijkkracht.example/media/"

    assert "https://media.wijkkracht.example" in policy(client.get("/nl/"))["img-src"]


def test_no_page_type_needs_inline_script_style_or_handlers(client, demo):
    """What the policy forbids must not be in the pages: it would silently stop working."""
    for page in sample_pages():
        html = client.get(page.url).text
        scripts = re.findall(r"<script\b([^>]*)>", html)
        for attributes in scripts:
            assert (
                "src=" in attributes
                or "application/ld+json" in attributes
                or ("application/json" in attributes)
            ), (page.url, attributes)
            if "src=" in attributes:
                assert "defer" in attributes or "async" in attributes, (page.url, attributes)
        assert not re.search(r"<style\b", html), page.url
        assert not re.search(r"\sstyle=", html), page.url
        assert not re.search(r"\son[a-z]+=", html), page.url
        assert "javascript:" not in html, page.url


# The admin and its previews


def test_the_admin_has_its_own_policy_and_is_never_stored(admin_client, home_nl):
    response = admin_client.get("/admin/")
    csp = policy(response)

    assert response.status_code == 200
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "no-store" in response["Cache-Control"]


def test_a_page_preview_can_be_framed_by_the_admin(admin_client, home_nl):
    page = StandardPageFactory(parent=home_nl, title="Over ons", slug="over-ons")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = {
        "title": "Over ons (concept)",
        "slug": "over-ons",
        "intro": "Wie wij zijn.",
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }

    posted = admin_client.post(url, data)
    preview = admin_client.get(url)

    assert posted.json()["is_valid"], posted.json()
    assert preview.status_code == 200
    assert "Over ons (concept)" in preview.text
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(preview)["frame-ancestors"] == ["'self'"]


# Cookies and production


def production(code):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 60 + "production-example-key",
        "ALLOWED_HOSTS": "www.wijkkracht.example",
        "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    script = f"import django, json; django.setup(); from django.conf import settings; {code}"
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_cookies_are_secure_httponly_and_lax():
    values = production(
        "print(json.dumps({name: getattr(settings, name) for name in ["
        "'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE',"
        "'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_HTTPONLY', 'CSRF_COOKIE_SAMESITE',"
        "'LANGUAGE_COOKIE_SECURE', 'LANGUAGE_COOKIE_HTTPONLY', 'LANGUAGE_COOKIE_SAMESITE',"
        "'SECURE_HSTS_SECONDS', 'PAGE_CACHE', 'WAGTAILFRONTENDCACHE']}))"
    )

    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "LANGUAGE_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_HTTPONLY": True,
        "LANGUAGE_COOKIE_SAMESITE": "Lax",
        "SECURE_HSTS_SECONDS": 31536000,
        "PAGE_CACHE": True,
        "WAGTAILFRONTENDCACHE": {},
    }


def test_production_reads_the_page_cache_switch_and_a_purge_address(monkeypatch):
    monkeypatch.setenv("PAGE_CACHE", "off")
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", "http://127.0.0.1:6081/")

    values = production(
        "print(json.dumps([settings.PAGE_CACHE, settings.WAGTAILFRONTENDCACHE,"
        " settings.CACHES['default']['BACKEND']]))"
    )

    assert values == [
        False,
        {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": "http://127.0.0.1:6081/",
            }
        },
        "portal.cache.ResilientRedisCache",
    ]


def test_the_session_cookie_of_an_editor_is_httponly_and_lax(client, django_user_model):
    django_user_model.objects.create_superuser("redactie", "r@example.org", "geheim-wachtwoord")

    response = client.post(
        reverse("wagtailadmin_login"), {"username": "redactie", "password": "geheim-wachtwoord"}
    )

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
