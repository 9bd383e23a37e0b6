"""Fill the directory with many made-up initiatives and time its pages.

    python manage.py bench_members --count 10000      # add initiatives named "Bench …"
    python manage.py bench_members --measure          # time the directory, print a table
    python manage.py bench_members --delete           # remove them again

Meant for a PostgreSQL database with the demo content loaded (for the directory, the
themes and the kinds), e.g. with ``--settings=portal.settings.test`` and ``DATABASE_URL``
set. The pages are written straight into the tree, without revisions or translations:
building 10,000 through Wagtail's page API would take most of an hour, and the directory
only reads live rows. ``make bench`` (a later issue) runs ``--measure`` and keeps the table.
"""

import random
import statistics
import time
import uuid
from datetime import timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, reset_queries, transaction
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from members.models import MemberIndexPage, MemberNeed, MemberPage, Need, OrganisationKind
from members.search import normalise
from portal.choices import Province
from portal.models import Theme

PREFIX = "bench-"
WORDS = [
    "Buurt",
    "Dorps",
    "Wijk",
    "Energie",
    "Zorg",
    "Moestuin",
    "Repair",
    "Voedsel",
    "Deel",
    "Stads",
]
KINDS_OF_PLACE = ["coöperatie", "huis", "bedrijf", "tuin", "café", "boerderij", "fonds", "netwerk"]
PLACES = [
    ("Groningen", "groningen", 53.22, 6.57),
    ("Leeuwarden", "friesland", 53.20, 5.80),
    ("Assen", "drenthe", 52.99, 6.56),
    ("Zwolle", "overijssel", 52.52, 6.08),
    ("Almere", "flevoland", 52.35, 5.26),
    ("Arnhem", "gelderland", 51.98, 5.91),
    ("Utrecht", "utrecht", 52.09, 5.12),
    ("Haarlem", "noord-holland", 52.38, 4.64),
    ("Den Haag", "zuid-holland", 52.07, 4.30),
    ("Middelburg", "zeeland", 51.50, 3.61),
    ("Eindhoven", "noord-brabant", 51.44, 5.48),
    ("Maastricht", "limburg", 50.85, 5.69),
]
# What a visitor does: the whole list, a combination of filters, a search, a later page.
MEASURED = [
    ("all, by name", ""),
    (
        "theme + province + need, newest",
        "?theme=energie&province=utrecht&need=vrijwilligers&sort=newest",
    ),
    ("kind + theme", "?kind=cooperatie&theme=zorg-welzijn"),
    ("search", "?q=moestuin"),
    ("search + filters", "?q=buurt&province=gelderland&theme=voedsel"),
    ("page 40", "?page=40"),
]


class Command(BaseCommand):
    help = "Adds many made-up initiatives to the directory and times its pages."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=0, help="initiatives to add")
        parser.add_argument("--measure", action="store_true", help="time the directory")
        parser.add_argument("--runs", type=int, default=15, help="requests per address")
        parser.add_argument("--delete", action="store_true", help="remove the bench initiatives")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        index = MemberIndexPage.objects.filter(locale__language_code="nl").first()
        if index is None:
            raise CommandError("No Dutch directory: run load_demo first.")
        if options["delete"]:
            self.delete(index)
        if options["count"]:
            started = time.perf_counter()
            self.generate(index, options["count"], random.Random(options["seed"]))
            self.stdout.write(
                f"Added {options['count']} initiatives in {time.perf_counter() - started:.1f} s."
            )
        if options["measure"]:
            self.measure(index, options["runs"])

    def delete(self, index):
        pages = MemberPage.objects.child_of(index).filter(slug__startswith=PREFIX)
        count = pages.count()
        with transaction.atomic():
            # Straight to the rows, as they were made: Wagtail's page deletion would
            # walk the tree 10,000 times.
            Page.objects.filter(pk__in=pages.values("pk")).delete()
            Page.objects.filter(pk=index.pk).update(numchild=F("numchild") - count)
        self.stdout.write(f"Removed {count} bench initiatives.")

    @transaction.atomic
    def generate(self, index, count, rng):
        index = MemberIndexPage.objects.select_for_update().get(pk=index.pk)
        themes = list(Theme.objects.filter(locale=index.locale))
        kinds = list(OrganisationKind.objects.filter(locale=index.locale))
        if not themes or not kinds:
            raise CommandError("No themes or kinds: run load_demo first.")
        last = index.get_last_child()
        position = last._get_lastpos_in_path() if last else 0
        existing = MemberPage.objects.filter(slug__startswith=PREFIX).count()
        now = timezone.now()
        pages = []
        for n in range(existing, existing + count):
            position += 1
            path = MemberPage._get_path(index.path, index.depth + 1, position)
            place, province, latitude, longitude = rng.choice(PLACES)
            title = f"Bench {rng.choice(WORDS)}{rng.choice(KINDS_OF_PLACE)} {place} {n}"
            intro = (
                f"Een {rng.choice(KINDS_OF_PLACE)} in {place} waar buren samen werken aan "
                f"{rng.choice(['energie', 'voedsel', 'zorg', 'wonen', 'werk'])}."
            )
            slug = f"{PREFIX}{n}"
            published = now - timedelta(minutes=n)
            page = MemberPage(
                title=title,
                draft_title=title,
                slug=slug,
                path=path,
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                locale_id=index.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                intro=intro,
                kind=rng.choice(kinds),
                place=place,
                province=province,
                latitude=Decimal(f"{latitude + rng.uniform(-0.1, 0.1):.5f}"),
                longitude=Decimal(f"{longitude + rng.uniform(-0.1, 0.1):.5f}"),
                people_reached=rng.randint(20, 5000),
                volunteers=rng.randint(2, 120),
                volunteer_hours_per_week=rng.randint(5, 200),
                search_text=normalise(f"{title} {intro} {place}"),
            )
            if rng.random() < 0.15:  # not every initiative gives its location
                page.latitude = page.longitude = None
            # Page.save() validates and walks the tree; these rows are made ready here.
            models.Model.save(page)
            pages.append(page)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
        through = MemberPage.themes.through
        through.objects.bulk_create(
            [
                through(memberpage_id=page.pk, theme_id=theme.pk)
                for page in pages
                for theme in rng.sample(themes, rng.randint(1, 2))
            ],
            batch_size=2000,
        )
        MemberNeed.objects.bulk_create(
            [
                MemberNeed(
                    page_id=page.pk,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                    kind=kind,
                    description="Hulp gezocht",
                    is_met=rng.random() < 0.3,
                    sort_order=position,
                )
                for page in pages
                for position, kind in enumerate(rng.sample(Need.values, rng.randint(0, 2)))
            ],
            batch_size=2000,
        )
        transaction.on_commit(_bump)

    def measure(self, index, runs):
        client = Client(HTTP_HOST="localhost")
        total = MemberPage.objects.child_of(index).live().count()
        self.stdout.write(
            f"Directory {index.url} with {total} live initiatives on {connection.vendor}; "
            f"{runs} warm requests per address."
        )
        self.stdout.write(
            f"{'address':<38} {'status':>6} {'queries':>8} {'median ms':>10} {'max ms':>8}"
        )
        for label, query in MEASURED:
            url = f"{index.url}{query}"
            first = client.get(url)
            timings = []
            for _run in range(runs):
                started = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            self.stdout.write(
                f"{label:<38} {first.status_code:>6} {len(queries):>8} "
                f"{statistics.median(timings):>10.1f} {max(timings):>8.1f}"
            )
        self.stdout.write(f"Provinces: {len(Province.values)}; needs: {', '.join(Need.values)}.")


def _bump():
    from portal.content import bump_content_version

    bump_content_version()
