"""Serving pages: routing in a fixed number of queries, and forms that work without cookies.

Wagtail walks the tree one level per query (site root, its translation, then a child
lookup and a ``.specific`` per path component). Here the deepest page whose URL path is
a prefix of the request path is found in one query, and that page routes what is left
(sub-routes of routable pages). Everything after routing is Wagtail's own ``serve``.
Anonymous visitors get the copy kept in portal.pagecache, when there is one, before this.

Page requests are exempt from Django's CSRF check. Public pages are cached for anonymous
visitors, so no per-visitor token can be part of their HTML, and a visitor who arrives
without cookies must still be able to send a form. The public forms act for nobody: they
never use the session or ``request.user``, so a forged post can do nothing the forger could
not do directly. They are guarded by a honeypot, a per-address rate limit and a one-time
key instead (portal.forms, portal.submissions). Pages accept only GET, HEAD and OPTIONS
unless they add POST (``BasePage.allowed_http_methods``); the admin keeps its CSRF check.
"""

import copy
import hashlib
import pickle

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from . import pagecache
from .content import remember

MAX_COMPONENTS = 12


ROUTE_TIMEOUT = 5 * 60  # any address may be asked for: remembered briefly in the cache


def find_site(request):
    """Wagtail looks the site up in the database on every request and the sites' root paths
    up in the cache for every page URL; here both are remembered per content version
    (saving a Site or publishing, moving or deleting a page bumps it), and put on the request
    where Wagtail's own lookups find them."""
    if not hasattr(request, "_wagtail_site"):
        site = remember(
            "site",
            request.get_host(),
            request.get_port(),
            build=lambda: Site._find_for_request(request),
        )
        request._wagtail_site = copy.copy(site)
        request._wagtail_cached_site_root_paths = remember(
            "site-root-paths", build=Site.get_site_root_paths
        )
    return request._wagtail_site


def find_page(request, candidates):
    """The deepest page whose URL path is one of ``candidates``, as its own class: which
    page that is, is remembered per content version, and so is the page itself for anonymous
    visitors (pickled, so that each request gets its own copy). Editors, who carry a session,
    always get the row as it is now: a draft changes it without publishing."""

    def build():
        return (
            Page.objects.filter(url_path__in=candidates)
            .order_by("-depth")
            .values_list("pk", "content_type_id")
            .first()
        )

    key = hashlib.sha256("\n".join(candidates).encode()).hexdigest()
    found = remember("route", key, build=build, timeout=ROUTE_TIMEOUT)
    if found is None:
        return None
    pk, content_type_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None

    def read():
        return model._default_manager.filter(pk=pk).first()

    if not pagecache.anonymous(request):
        return read()
    return pickle.loads(remember("page", pk, build=lambda: pickle.dumps(read())))


def route(request, path):
    site = find_site(request)
    if site is None:
        return None
    language = get_supported_content_language_variant(get_language())
    root = next(
        (
            root
            for root in request._wagtail_cached_site_root_paths
            if root.site_id == site.pk and root.language_code == language
        ),
        None,
    )
    components = [component for component in path.split("/") if component]
    if root is None or len(components) > MAX_COMPONENTS:
        return None
    candidates = [root.root_path]
    for component in components:
        candidates.append(f"{candidates[-1]}{component}/")
    page = find_page(request, candidates)
    if page is None or page.url_path not in candidates:
        return None
    consumed = candidates.index(page.url_path)
    try:
        return page.route(request, components[consumed:])
    except Http404:
        return None


@csrf_exempt
def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    return pagecache.finish(request, wagtail_views.serve(request, path))
