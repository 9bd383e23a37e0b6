"""Time every public page type in this process: SQL queries, median and p95 render time.

    python manage.py bench_pages --requests 20 --json var/bench/pages.json

``make bench`` runs it once per database and size (see portal/bench.py). Each page is
fetched as an anonymous visitor with Django's test client: once to warm, once to count the
queries, then ``--requests`` times to time it, always rendered (the page cache is off here:
a stored page runs no query and says nothing about the page).
"""

import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from portal.pagetypes import public_page_types


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Times every public page type in-process (queries, median and p95 render time)."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=20)
        parser.add_argument("--json", help="write the rows to this file")

    @override_settings(PAGE_CACHE=False)
    def handle(self, *args, **options):
        client = Client(HTTP_HOST="127.0.0.1")
        rows = []
        for page_type in public_page_types(client=client):
            started = time.perf_counter()
            client.get(page_type.url)
            # A page that takes seconds is timed once more, not twenty times: the bench
            # stays bounded and the row shows it is slow.
            requests = options["requests"] if time.perf_counter() - started < 2 else 1
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page_type.url)
            status = response.status_code
            # Thank-you and self-service pages show what one visitor sent: never stored.
            private = "no-store" in response.get("Cache-Control", "")
            # Read now: the next request empties the connection's query log.
            count = len(queries)
            timings = []
            for _request in range(requests):
                started = time.perf_counter()
                client.get(page_type.url)
                timings.append((time.perf_counter() - started) * 1000)
            rows.append(
                {
                    "name": page_type.name,
                    "language": page_type.language,
                    "kind": page_type.kind,
                    "url": page_type.url,
                    "status": status,
                    "private": private,
                    "queries": count,
                    "median_ms": round(statistics.median(timings), 1),
                    "p95_ms": round(percentile(timings, 0.95), 1),
                }
            )
            self.stderr.write(
                f"  {page_type.label:<48} {count:>3} queries "
                f"{rows[-1]['median_ms']:>7.1f} ms median"
            )
        if options["json"]:
            with open(options["json"], "w") as out:
                json.dump(rows, out, indent=1)
        else:
            self.stdout.write(json.dumps(rows, indent=1))
