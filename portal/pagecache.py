"""Whole pages for anonymous visitors, from the shared cache; purges for a CDN or proxy.

A page is kept when the request is a GET by a visitor without a session or messages cookie
(the language and CSRF cookies do not change what a page shows), the answer is a plain 200
that sets no cookie, asks for no private caching, used no CSRF token and touched no session,
and the page is under no view restriction. Editors carry a session cookie, so they always
get a freshly rendered page. The key covers host, path and query string (listings keep their
filters; an over-long query string is not kept) and the content version, which every publish,
unpublish, move, delete, translation sync and change to shared content bumps: a cached page
is never older than the content. ``PAGE_CACHE_TIMEOUT`` bounds what depends on the clock
(a call's deadline passing), and Redis' ``maxmemory`` policy bounds the space.

Every page Wagtail serves carries Cache-Control for browsers and proxies: public with a
short max-age for anonymous visitors, private and no-store for everyone else and for
answers the views mark private (forms with errors, thank-you pages). ``Vary: Cookie`` stays
on public pages, so a proxy never hands an editor the anonymous copy.

A stored page is answered by ``PageCacheMiddleware``, just below whitenoise: before the
session, locale, CSRF and authentication middleware and before URL routing, with one round
trip to the cache (the content version and the page in one ``get_many``), or none for a page
this worker served in the last few seconds while it trusts the version it read (at most a
second, ``portal.content.trusted_version``). The copy is taken
on the way out, with the headers every middleware below it added, and kept gzipped as well,
so a hit is never compressed again.

Publishing also purges the page, its parent and its home page from a CDN or proxy through
Wagtail's frontend cache (``WAGTAILFRONTENDCACHE``; empty unless configured).
"""

import hashlib
import logging
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string
from wagtail.models import Page

from .content import (
    VERSION_KEY,
    content_version,
    note_version,
    restricted_paths,
    trusted_version,
)

logger = logging.getLogger(__name__)

MAX_QUERY_STRING = 300
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")
# Headers every answer gets afresh.
UNSTORED_HEADERS = {"content-length", "set-cookie", "x-page-cache"}


def anonymous(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


def cache_key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    return "portal:page:" + hashlib.sha256(url.encode()).hexdigest()


def accepts_gzip(request):
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def storable_request(request):
    return (
        settings.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and anonymous(request)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
    )


class PageCacheMiddleware:
    """Answers anonymous visitors from the stored copy; keeps the copies (module's doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not storable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        if (stored := fetch(request, key)) is not None:
            return stored
        response = self.get_response(request)
        if getattr(request, "_page_cache_store", False) and request.method == "GET":
            store(key, response)
        return response


# Copies this worker served lately, for a few seconds: while the content version is trusted
# (portal.content.trusted_version) a hit on one of them asks Redis nothing.
RECENT_SECONDS = 5
RECENT_SIZE = 200
_recent = {}


def fetch(request, key):
    """The stored copy of this page for this visitor, or None. Plain and gzipped copies are
    kept apart, so a hit carries only the bytes it sends."""
    gzipped = accepts_gzip(request)
    variant = f"{key}:gzip" if gzipped else key
    version = trusted_version()
    recent = _recent.get(variant)
    now = time.monotonic()
    if version is not None and recent and recent[0] > now and recent[1][0] == version:
        stored = recent[1]
    else:
        found = cache.get_many([VERSION_KEY, variant])
        version = found.get(VERSION_KEY)
        note_version(version)
        stored = found.get(variant)
        if stored is None or stored[0] != version:
            return None
        if len(_recent) >= RECENT_SIZE:
            _recent.clear()
        _recent[variant] = (now + RECENT_SECONDS, stored)
    _version, headers, content = stored
    response = HttpResponse(content, headers=headers)
    if gzipped:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    response["X-Page-Cache"] = "hit"
    return response


def store(key, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return
    if response.has_header("Content-Encoding"):
        return
    headers = {
        name: value for name, value in response.items() if name.lower() not in UNSTORED_HEADERS
    }
    version = content_version()
    content = response.content
    cache.set_many(
        {
            key: (version, headers, content),
            f"{key}:gzip": (version, headers, compress_string(content)),
        },
        timeout=settings.PAGE_CACHE_TIMEOUT,
    )
    response["X-Page-Cache"] = "miss"


def finish(request, response):
    """Cache-Control for what Wagtail served; marks a copy to keep for the next visitor."""
    if hasattr(response, "render") and not response.is_rendered:
        response.add_post_render_callback(lambda rendered: _finish(request, rendered))
    else:
        _finish(request, response)
    return response


def _finish(request, response):
    if not public(request, response):
        if not any(word in response.get("Cache-Control", "") for word in ("private", "no-store")):
            response["Cache-Control"] = "private, no-store"
        return
    _keep(request, response)


def finish_view(request, response):
    """What ``finish`` does, for a view that is no page but shows every anonymous visitor
    the same (site search): public Cache-Control and a copy kept, when nothing personal or
    private is in the answer."""
    if public(request, response, page=False):
        _keep(request, response)
    return response


def _keep(request, response):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_MAX_AGE,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
    )
    patch_vary_headers(response, ("Cookie",))
    request._page_cache_store = storable_request(request)


def public(request, response, page=True):
    """Whether this answer is the same for every anonymous visitor (see the module's doc)."""
    if request.method not in ("GET", "HEAD") or not anonymous(request):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(directive in cache_control for directive in PRIVATE_DIRECTIVES):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if getattr(getattr(request, "_messages", None), "added_new", False):
        return False
    if not page:
        return True
    route = getattr(request, "_wagtail_route_for_request", None)
    if not route:
        return False
    page = route[0]
    return not any(page.path.startswith(path) for path in restricted_paths())


# Purging a CDN or proxy (Wagtail's frontend cache)


def frontend_cache_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def affected_pages(page):
    """The page, its parent and its home page (the top of its language's tree)."""
    steplen = Page.steplen
    paths = {page.path[: steplen * 2], page.path[:-steplen]} - {page.path}
    others = Page.objects.filter(path__in=paths, depth__gte=2).specific()
    return [page, *others]


def purge(pages=(), urls=()):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.add_urls(url for url in urls if url)

    def send():
        try:
            batch.purge()
        except Exception:
            # The cached copy then expires on its own (PAGE_CACHE_MAX_AGE); never fail a publish.
            logger.exception("Frontend cache purge failed")

    transaction.on_commit(send)


def purge_page(sender=None, instance=None, **kwargs):
    if frontend_cache_enabled() and isinstance(instance, Page):
        purge(affected_pages(instance))


def purge_moved_page(sender=None, instance=None, url_path_before=None, **kwargs):
    if not frontend_cache_enabled():
        return
    pages = affected_pages(instance)
    parent_before = kwargs.get("parent_page_before")
    if parent_before is not None:
        pages.append(parent_before.specific)
    urls = []
    if url_path_before and url_path_before != instance.url_path:
        before = Page(pk=instance.pk, url_path=url_path_before, path=instance.path)
        urls.append(before.get_full_url())
    purge(pages, urls)


def remember_urls_before_delete(sender=None, instance=None, **kwargs):
    if frontend_cache_enabled() and isinstance(instance, Page) and instance.live:
        pages = affected_pages(instance)
        instance._purge_urls = [page.get_full_url() for page in pages]


def purge_deleted_page(sender=None, instance=None, **kwargs):
    if urls := getattr(instance, "_purge_urls", None):
        purge(urls=urls)
