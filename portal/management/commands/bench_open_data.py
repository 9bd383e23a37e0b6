"""The open data in this process: CPU ms, queries and bytes of each kind of answer.

    python manage.py bench_open_data --requests 5 --json var/bench/open-data.json

``make bench`` runs it per database and size (portal/bench.py, "open data"), then loads the
same addresses under gunicorn beside a static file. The whole exports are built first (what
the worker does after a publish), so that the rows time what a visitor gets: the stored
file. Rate limits are lifted here: the bench asks far more often than any reuser may.
"""

import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation

from members.models import MemberIndexPage
from portal import exports

# Targets of the open-data issue.
FILTERED_CPU_MS = 500
API_QUERIES = 12


def addresses():
    index = MemberIndexPage.objects.live().filter(locale__language_code="nl").first()
    with translation.override("nl"):
        base = index.url
        csv, geojson = base + index.reverse_subpage("csv"), base + index.reverse_subpage("geojson")
    return [
        ("full CSV (served)", "served", csv),
        ("full GeoJSON (served)", "served", geojson),
        ("filtered CSV ?theme=energie", "filtered", csv + "?theme=energie"),
        ("filtered GeoJSON, all rows ?sort=newest", "filtered", geojson + "?sort=newest"),
        ("API page, 100 initiatives", "api", "/api/v1/nl/initiatives/?page_size=100"),
        ("API page, 10 initiatives", "api", "/api/v1/nl/initiatives/?page_size=10"),
    ]


class Command(BaseCommand):
    help = "Times the open data in-process (CPU ms, queries, bytes)."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=5)
        parser.add_argument("--json", help="write the rows to this file")

    @override_settings(
        PAGE_CACHE=False,
        OPEN_DATA_RATE_LIMITS={"download": (10**9, 60), "query": (10**9, 60), "api": (10**9, 60)},
    )
    def handle(self, *args, **options):
        exports.build_open_data.call()
        client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
        rows = []
        for name, kind, url in addresses():
            self.fetch(client, url)
            with CaptureQueriesContext(connection) as queries:
                status, size = self.fetch(client, url)
            count = len(queries)
            timings = []
            for _request in range(options["requests"]):
                started = time.process_time()
                self.fetch(client, url)
                timings.append((time.process_time() - started) * 1000)
            row = {
                "name": name,
                "kind": kind,
                "url": url,
                "status": status,
                "queries": count,
                "bytes": size,
                "cpu_ms": round(statistics.median(timings), 1),
            }
            rows.append(row)
            self.stderr.write(
                f"  {name:<42} {count:>3} queries {row['cpu_ms']:>8.1f} CPU ms {size:>9} bytes"
            )
        if options["json"]:
            with open(options["json"], "w") as out:
                json.dump(rows, out, indent=1)
        else:
            self.stdout.write(json.dumps(rows, indent=1))

    @staticmethod
    def fetch(client, url):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, len(body)
