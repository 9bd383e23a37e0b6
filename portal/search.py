"""Site search over Wagtail's database search backend, ranked in one pass on SQLite.

Wagtail's SQLite backend ranks by a subquery per page that runs the full-text match again
for every page in the queryset: with ten thousand initiatives one search took a minute.
On SQLite (with FTS5, as Wagtail's backend requires) the match runs once here, ranked by
bm25 with titles weighing most, for at most ``MAX_RANKED`` entries; the page filters
(live, language, view restrictions) then apply to those ids in one query. Other databases
use Wagtail's own ranking. Either way the result pages like a queryset.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page, get_page_models

MAX_RANKED = 1000
WORD = re.compile(r"\w+")
TITLE_WEIGHT = 5.0


def search_pages(pages, query):
    """``pages`` (a queryset of Page) that match ``query``, best first, for a paginator."""
    if connection.vendor != "sqlite" or not _sqlite_fts():
        return pages.specific().search(query)
    terms = WORD.findall(query)
    if not terms:
        return RankedPages([], pages)
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
    allowed = set(pages.filter(pk__in=ranked).values_list("pk", flat=True))
    return RankedPages([pk for pk in ranked if pk in allowed], pages)


def _sqlite_fts():
    from modelsearch.backends import database

    if database.USE_SQLITE_FTS is None:
        database.SearchBackend({})  # decides, once per process
    return database.USE_SQLITE_FTS


class RankedPages:
    """Page ids in rank order, read as specific pages one slice at a time."""

    def __init__(self, ids, pages):
        self.ids = ids
        self.pages = pages

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        ids = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        found = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        pages = [found[pk] for pk in ids if pk in found]
        return pages if isinstance(index, slice) else pages[0]
