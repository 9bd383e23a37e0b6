"""Every public page type, found in the content: what the audits and ``make bench`` visit.

Nothing here names an app's page: a new page model, a new route on a routable page or a
new view under the language prefix joins the audits and the bench as soon as the content
has one. Per language it takes one live page of each specific page model (the one with
the most children, so that an index shows a full listing), every route of a routable page
that takes no arguments, and every named view under the language prefix (the search with a
query that finds something). Only what answers 200 with HTML to an anonymous visitor
counts: a feed, a CSV or a page that needs a token drops out by itself.
"""

from dataclasses import dataclass

from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from .content import public

# What the site search looks for in the bench and the audits: a word the content has.
SEARCH_QUERIES = {"nl": "buurt", "en": "neighbourhood"}
SKIPPED_VIEWS = {"wagtail_serve"}
SKIPPED_ROUTES = {"index_route"}


@dataclass(frozen=True)
class PageType:
    name: str  # "members.MemberPage", "members.MemberIndexPage:figures", "search"
    language: str
    url: str
    kind: str  # home, listing, search or detail: the thresholds and query limits differ

    @property
    def label(self):
        return f"{self.name} ({self.language})"


def kind_of(model, route=None):
    name = model.__name__
    if route is None and name == "HomePage":
        return "home"
    if name.endswith("IndexPage"):
        return "listing"
    return "detail"


def representative_pages(language):
    """One live, public page of each specific model in ``language``: the one with the most
    live children (a full listing), then the first in the tree."""
    pages = (
        public(Page.objects.live())
        .filter(depth__gt=1, locale__language_code=language)
        .order_by("content_type_id", "-numchild", "path")
    )
    chosen = {}
    for page in pages.only("id", "content_type_id", "numchild", "path"):
        chosen.setdefault(page.content_type_id, page.pk)
    return Page.objects.filter(pk__in=chosen.values()).specific().order_by("path")


def candidates(language):
    """(name, kind, url) of everything worth visiting in ``language``, before checking."""
    found = []
    with translation.override(language):
        for page in representative_pages(language):
            model = type(page)
            label = f"{model._meta.app_label}.{model.__name__}"
            url = page.get_url()
            if not url:
                continue
            found.append((label, kind_of(model), url))
            if isinstance(page, RoutablePageMixin):
                seen = set()
                for pattern in page.get_subpage_urls():
                    route = str(pattern.pattern)
                    if (
                        not route
                        or "<" in route
                        or pattern.name in SKIPPED_ROUTES
                        or pattern.name in seen
                    ):
                        continue
                    seen.add(pattern.name)
                    found.append(
                        (
                            f"{label}:{pattern.name}",
                            kind_of(model, pattern.name),
                            url + page.reverse_subpage(pattern.name),
                        )
                    )
        for name in _language_prefixed_views():
            url = reverse(name)
            kind = "search" if name == "search" else "detail"
            if name == "search" and language in SEARCH_QUERIES:
                url += f"?q={SEARCH_QUERIES[language]}"
            found.append((name, kind, url))
    return found


def _language_prefixed_views():
    """Names of the views under i18n_patterns that take no arguments, Wagtail's aside."""
    names = []
    for entry in get_resolver().url_patterns:
        if not isinstance(entry, URLResolver) or not isinstance(entry.pattern, LocalePrefixPattern):
            continue
        for item in entry.url_patterns:
            if (
                isinstance(item, URLPattern)
                and item.name
                and item.name not in SKIPPED_VIEWS
                and isinstance(item.pattern, RoutePattern)
                and not item.pattern.converters
            ):
                names.append(item.name)
    return names


def public_page_types(languages=None, client=None):
    """The page types that answer an anonymous visitor with a 200 HTML page."""
    client = client or Client(HTTP_HOST=_host())
    languages = languages or [code for code, _name in settings.LANGUAGES]
    found = []
    for language in languages:
        for name, kind, url in candidates(language):
            response = client.get(url)
            content_type = response.headers.get("Content-Type", "")
            if response.status_code == 200 and content_type.startswith("text/html"):
                found.append(PageType(name, language, url, kind))
    return found


def _host():
    hosts = [host for host in settings.ALLOWED_HOSTS if host and not host.startswith(".")]
    if "testserver" in hosts or not hosts:
        return "testserver"
    return hosts[0] if hosts[0] != "*" else "localhost"
