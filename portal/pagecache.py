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

Publishing also purges the page, its parent and its home page from a CDN or proxy through
Wagtail's frontend cache (``WAGTAILFRONTENDCACHE``; empty unless configured).
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import Page

from .content import restricted_paths, versioned_key

logger = logging.getLogger(__name__)

MAX_QUERY_STRING = 300
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")
# Headers the middleware adds on every response again; not worth storing.
UNSTORED_HEADERS = {"content-length", "vary", "set-cookie"}


def anonymous(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


def cache_key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    return versioned_key("page", hashlib.sha256(url.encode()).hexdigest())


def storable_request(request):
    return (
        settings.PAGE_CACHE
        and request.method == "GET"
        and anonymous(request)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
    )


def fetch(request):
    """The stored copy of this page for this visitor, or None."""
    if not (request.method in ("GET", "HEAD") and settings.PAGE_CACHE and anonymous(request)):
        return None
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return None
    stored = cache.get(cache_key(request))
    if stored is None:
        return None
    headers, content = stored
    response = HttpResponse(content, headers=headers)
    response["X-Page-Cache"] = "hit"
    patch_vary_headers(response, ("Cookie",))
    return response


def finish(request, response):
    """Cache-Control for what Wagtail served, and the copy kept for the next visitor."""
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
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_MAX_AGE,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
    )
    patch_vary_headers(response, ("Cookie",))
    if storable_request(request):
        headers = {
            name: value for name, value in response.items() if name.lower() not in UNSTORED_HEADERS
        }
        cache.set(
            cache_key(request), (headers, response.content), timeout=settings.PAGE_CACHE_TIMEOUT
        )
        response["X-Page-Cache"] = "miss"


def public(request, response):
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
