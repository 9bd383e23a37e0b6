"""Site search over Wagtail's database search backend, ranked in one pass on SQLite.

Wagtail's SQLite backend ranks by a subquery per page that runs the full-text match again
for every page in the queryset: with ten thousand initiatives one search took a minute.
On SQLite (with FTS5, as Wagtail's backend requires) the match runs once here, ranked by
bm25 with titles weighing most, for at most ``MAX_RANKED`` entries; the page filters
(live, language, view restrictions) then apply to those ids in one query. Other databases
use Wagtail's own ranking. Either way the result is a list of page ids that pages like a
queryset; each result is shown from HTML remembered per page (``result_items``).
"""

import functools
import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.models import Page, get_page_models

from .content import remember_many

MAX_RANKED = 1000
WORD = re.compile(r"\w+")
TITLE_WEIGHT = 5.0


def search_pages(pages, query):
    """The ids of ``pages`` (a queryset of Page) that match ``query``, best first, for a
    paginator; nothing is read until the paginator asks."""
    if connection.vendor != "sqlite" or not _sqlite_fts():
        return SearchIds(pages.search(query))
    return RankedIds(pages, query)


class RankedIds:
    """On SQLite: the ids of the best ``MAX_RANKED`` matches, in rank order."""

    def __init__(self, pages, query):
        self.pages, self.query = pages, query

    @functools.cached_property
    def ids(self):
        terms = WORD.findall(self.query)
        if not terms:
            return []
        quoted = " ".join(f'"{term}"' for term in terms)  # each a literal token, no operators
        match = f"{{title body}} : ({quoted})"
        content_types = [
            content_type.pk
            for content_type in ContentType.objects.get_for_models(*get_page_models()).values()
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT entry.object_id FROM wagtailsearch_indexentry_fts AS fts "
                "JOIN wagtailsearch_indexentry AS entry ON entry.id = fts.rowid "
                "WHERE wagtailsearch_indexentry_fts MATCH %s "
                f"AND entry.content_type_id IN ({', '.join(['%s'] * len(content_types))}) "
                "ORDER BY bm25(wagtailsearch_indexentry_fts, 0.0, 1.0, %s) LIMIT %s",
                [match, *content_types, TITLE_WEIGHT, MAX_RANKED],
            )
            ranked = list(dict.fromkeys(int(row[0]) for row in cursor.fetchall()))
        allowed = set(self.pages.filter(pk__in=ranked).values_list("pk", flat=True))
        return [pk for pk in ranked if pk in allowed]

    def count(self):
        return len(self.ids)

    def __getitem__(self, index):
        return self.ids[index]


def _sqlite_fts():
    from modelsearch.backends import database

    if database.USE_SQLITE_FTS is None:
        database.SearchBackend({})  # decides, once per process
    return database.USE_SQLITE_FTS


class SearchIds:
    """Wagtail's search results, read as page ids one slice at a time."""

    def __init__(self, results):
        self.results = results

    def count(self):
        return self.results.count()

    def __getitem__(self, index):
        return [page.pk for page in self.results[index]]


def result_items(ids, request):
    """Each result as shown in the list (HTML), in the order of ``ids``: remembered per page,
    language and content version, so a search reads no page once its results are known."""

    def build(missing):
        return {
            page.pk: render_to_string(
                "portal/includes/search_result.html", {"result": page}, request
            )
            for page in Page.objects.filter(pk__in=missing).specific()
        }

    found = remember_many("search-result", ids, get_language(), build=build)
    return [found[pk] for pk in ids if pk in found]
