"""Building blocks for ``generate_scale_data``: many pages and rows, fast and correct.

Apps add their part with the hook ``portal_generate_scale_data``: ``fn(scale)`` gets a
``ScaleBuilder`` (``scale.count(n)`` scales a default number, ``scale.rng``, ``scale.nl`` and
``scale.en``, ``scale.english_share``, ``scale.add_pages``, ``scale.translate_pages``).

Wagtail's ``add_child`` locks and re-reads the parent and writes a revision for every page:
about 30 ms a page, so 12,000 pages would take minutes. ``add_pages`` gives the pages their
tree paths in Python (the same ``_get_path`` treebeard uses), inserts the ``Page`` rows with
one ``bulk_create`` per batch, then the rows of the specific model with one insert per batch,
and updates the parent's ``numchild`` once. The pages are live, without revisions; English
copies share the Dutch ``translation_key`` (what the language switcher and hreflang read),
and their themes point at the Dutch theme rows, as wagtail-localize's sync leaves them.
"""

import random
import time
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

BATCH = 1000


class ScaleBuilder:
    def __init__(self, scale=1.0, english_share=1.0, seed=2026, stdout=None):
        self.scale = scale
        self.english_share = english_share
        self.rng = random.Random(seed)
        self.stdout = stdout
        self.nl = Locale.objects.get(language_code="nl")
        self.en = Locale.objects.get(language_code="en")
        self.made = {}
        self.timings = {}

    def count(self, default):
        return max(1, round(default * self.scale))

    def say(self, message):
        if self.stdout:
            self.stdout.write(message)

    def record(self, label, number, started):
        self.made[label] = self.made.get(label, 0) + number
        seconds = time.perf_counter() - started
        self.timings[label] = self.timings.get(label, 0) + seconds
        self.say(f"  + {number} {label} in {seconds:.1f} s")

    def add_pages(self, parent, pages, published_at=None):
        """Append ``pages`` (unsaved instances of one specific model) under ``parent``.

        Each page needs its own fields, ``title`` and ``slug``; the tree fields, locale,
        content type and publication fields are set here. Returns the saved pages.
        """
        if not pages:
            return []
        model = type(pages[0])
        content_type = ContentType.objects.get_for_model(model)
        now = timezone.now()
        with transaction.atomic():
            parent = Page.objects.select_for_update().get(pk=parent.pk)
            last = parent.get_last_child()
            position = last._get_lastpos_in_path() if last else 0
            for number, page in enumerate(pages):
                position += 1
                published = published_at or now - timedelta(minutes=number)
                page.path = Page._get_path(parent.path, parent.depth + 1, position)
                page.depth = parent.depth + 1
                page.numchild = 0
                page.url_path = f"{parent.url_path}{page.slug}/"
                page.locale_id = parent.locale_id
                page.content_type = content_type
                page.draft_title = page.title
                page.live = True
                page.has_unpublished_changes = False
                page.first_published_at = page.first_published_at or published
                page.last_published_at = page.last_published_at or published
            base_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
            own_fields = model._meta.local_concrete_fields
            for start in range(0, len(pages), BATCH):
                batch = pages[start : start + BATCH]
                # Django refuses bulk_create for multi-table models: insert the Page rows,
                # then the specific rows with the primary keys the database gave.
                rows = Page.objects.bulk_create(
                    [Page(**{name: getattr(page, name) for name in base_fields}) for page in batch]
                )
                for page, row in zip(batch, rows, strict=True):
                    page.pk = page.id = page.page_ptr_id = row.pk
                    page._state.adding = False
                size = connection.ops.bulk_batch_size(own_fields, batch) or len(batch)
                for first in range(0, len(batch), size):
                    model._base_manager._insert(batch[first : first + size], fields=own_fields)
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        return pages

    @staticmethod
    def copy_of(page, **texts):
        """An unsaved copy of ``page``'s own fields (not its tree fields), with ``texts``."""
        model = type(page)
        fields = {
            field.attname: getattr(page, field.attname)
            for field in model._meta.local_concrete_fields
            if not field.primary_key
        }
        return model(**{"title": page.title, "slug": page.slug, **fields, **texts})

    def translate_pages(self, pages, english_parent, english):
        """English copies of a share of ``pages`` under ``english_parent``.

        ``english(page)`` returns the English instance (same model) with its texts; it gets
        the Dutch page's ``translation_key`` here. Returns [(dutch, english)] pairs.
        """
        chosen = [page for page in pages if self.rng.random() < self.english_share]
        copies = []
        for page in chosen:
            copy = english(page)
            copy.translation_key = page.translation_key
            copy.first_published_at = page.first_published_at
            copy.last_published_at = page.last_published_at
            copies.append(copy)
        self.add_pages(english_parent, copies)
        return list(zip(chosen, copies, strict=True))

    def index_for_search(self, pages):
        """Add the pages to Wagtail's search index in bulk (the site search reads it)."""
        if not pages:
            return
        backend = get_search_backend()
        model = type(pages[0])
        for start in range(0, len(pages), BATCH):
            backend.add_bulk(model, pages[start : start + BATCH])
