import datetime
import logging
import re
import sys
import time
from datetime import timedelta
from itertools import groupby
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.models import Page

from . import pagecache
from .content import public
from .i18n import active_locale
from .models import SiteSettings
from .pagination import paginate
from .search import result_items, search_pages

logger = logging.getLogger(__name__)

SEARCH_MAX_LENGTH = 200
SEARCH_PER_PAGE = 10


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    error = results = None
    items = []
    if len(query) > SEARCH_MAX_LENGTH:
        error = _("Please search with at most %(count)s characters.") % {"count": SEARCH_MAX_LENGTH}
    elif query:
        locale = active_locale()
        pages = public(Page.objects.live()).filter(locale=locale).exclude(depth__lte=1)
        # The search index may be updated by the worker a little after a publish: results
        # are remembered for the current minute only, as well as for the content version.
        minute = int(time.time() // 60)
        results = paginate(
            request,
            search_pages(pages, query),
            SEARCH_PER_PAGE,
            remember_as=("search", locale.pk, minute),
        )
        items = result_items(list(results.object_list), request)
    response = render(
        request,
        "portal/search.html",
        {"query": query, "results": results, "items": items, "error": error},
        status=400 if error else 200,
    )
    return pagecache.finish_view(request, response)


# Renditions only ever have names like "images/name.fill-400x300.format-webp.jpg": one
# component of safe characters. Anything else (a folder, "..", a backslash, NUL, an absolute
# path, any percent-encoding of those once decoded) is not a rendition.
RENDITION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,254}")


@require_GET
def public_image(request, name):
    """One image rendition from MEDIA_ROOT/images, and nothing else under MEDIA_ROOT.

    ``django.views.static.serve`` behind a prefix route checked the prefix before it resolved
    ``..``, so ``images/%2e%2e/documents/...`` left the folder. Here the name must be a single
    plain component, and the resolved file must still lie in the images folder.
    """
    if not RENDITION_NAME.fullmatch(name) or ".." in name:
        raise Http404
    folder = (Path(settings.MEDIA_ROOT) / "images").resolve()
    path = (folder / name).resolve()
    if path.parent != folder or not path.is_file():
        raise Http404
    response = FileResponse(path.open("rb"))
    # An SVG opened directly must not run script, whatever it holds.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@never_cache
@require_GET
def healthz(request):
    """200 when the database and the cache answer, else 503 naming the part that failed.

    ``?require=database`` lets only the database decide the status, for a load balancer:
    the site serves, uncached, through a Redis outage (portal.cache), so that must not take
    every host out of rotation at once.
    """
    status = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("Health check: database unavailable")
        status["database"] = "unavailable"
    try:
        cache.set("portal:healthz", "ok", timeout=10)
        if cache.get("portal:healthz") != "ok":
            status["cache"] = "unavailable"
    except Exception:
        logger.warning("Health check: cache unavailable", exc_info=True)
        status["cache"] = "unavailable"
    required = ["database"] if request.GET.get("require") == "database" else list(status)
    healthy = all(status[part] == "ok" for part in required)
    return JsonResponse(status, status=200 if healthy else 503)


@require_GET
def sitemap(request):
    """Every live page of every language, each with its translations as alternates.

    Wagtail's own sitemap leaves out other locales' trees (wagtail #6583) and has no
    hreflang alternates (#1196).
    """
    pages = (
        public(Page.objects.live())
        .filter(depth__gt=1)
        .select_related("locale")
        .only("url_path", "translation_key", "last_published_at", "locale__language_code")
        .order_by("translation_key", "locale__language_code")
    )
    entries = []
    for _key, group in groupby(pages, key=lambda page: page.translation_key):
        group = [(page, page.get_full_url(request)) for page in group]
        alternates = [(page.locale.language_code, url) for page, url in group if url]
        default = next((url for code, url in alternates if code == "nl"), None)
        for page, url in group:
            if url:
                entries.append(
                    {
                        "url": url,
                        "lastmod": page.last_published_at,
                        "alternates": alternates if len(alternates) > 1 else [],
                        "default": default,
                    }
                )
    # Addresses that are not pages of their own (a question's path under the question page)
    # come from their apps: each hook returns groups of {language: (url, lastmod)}.
    for hook in hooks.get_hooks("portal_sitemap_entries"):
        for group in hook(request):
            alternates = [(code, url) for code, (url, _lastmod) in sorted(group.items())]
            for url, lastmod in group.values():
                entries.append(
                    {
                        "url": url,
                        "lastmod": lastmod,
                        "alternates": alternates if len(alternates) > 1 else [],
                        "default": group.get("nl", (None,))[0],
                    }
                )
    entries.sort(key=lambda entry: entry["url"])
    return HttpResponse(
        render_to_string("portal/sitemap.xml", {"entries": entries}),
        content_type="application/xml; charset=utf-8",
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /nl/zoeken/",
        "Disallow: /en/search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def security_txt(request):
    site_settings = SiteSettings.load(request_or_site=request)
    contact = site_settings.security_email or site_settings.contact_email
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{contact}",
        f"Expires: {expires.astimezone(datetime.UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page: no database, no context processors, in the visitor's language.

    When the database is what failed the answer is 503 with Retry-After, so that proxies and
    crawlers know to come back. Never stored by a browser or proxy.
    """
    error = sys.exc_info()[1]
    unavailable = isinstance(error, DatabaseError)
    response = HttpResponse(
        render_to_string("500.html", {"request": request, "unavailable": unavailable}),
        status=503 if unavailable else 500,
    )
    if unavailable:
        response["Retry-After"] = "60"
    patch_cache_control(response, private=True, no_store=True)
    return response
