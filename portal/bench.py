"""``make bench``: every public page type, per database and size, in-process and under load.

For each database (SQLite always; PostgreSQL when ``BENCH_DATABASE_URL`` or ``DATABASE_URL``
is set) and each size (``BENCH_SIZES``, default ``demo scale``) it builds the database from
nothing (migrate, load_demo; then generate_scale_data in the same database), runs
``bench_pages`` (queries, median and p95 in-process), then starts gunicorn on a free port of
127.0.0.1 twice, with ``PAGE_CACHE=off`` and ``PAGE_CACHE=on``, and loads every Dutch page
type and a static file served by whitenoise with ``wrk`` for a few seconds each. The ratio
of a page's requests a second to the static file's, measured in the same run, is the figure
that counts on a shared machine. Results go to the terminal and to var/bench.md.

``BENCH_S3=1`` runs it all with media and private files in S3 buckets of a SeaweedFS server
started for the run (the storage tests' server, tests/seaweedfs.py), to compare with a run
on the local folders.
"""

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
WORK = BASE_DIR / "var" / "bench"
REPORT = BASE_DIR / "var" / "bench.md"
PYTHON = sys.executable
SETTINGS = "portal.settings.bench"

# The thresholds: requests a second as a share of the static file's, same run.
CACHE_OFF = {"home": 0.04, "listing": 0.05, "search": 0.05, "detail": 0.075}
CACHE_ON = 0.5
QUERY_LIMITS = {"home": 15, "listing": 15, "search": 15, "detail": 12}
STATIC_FILE = "css/site.css"
# The open-data issue: served exports at least this share of the static file's rps; filtered
# exports at most this CPU at scale size; API pages at most these queries.
OPEN_DATA_SERVED = 0.5
OPEN_DATA_FILTERED_MS = 500
OPEN_DATA_API_QUERIES = 12


class Bench:
    def __init__(self, out, seconds=3.0, requests=20, sizes=("demo", "scale"), scale=1.0):
        self.out = out
        self.seconds = seconds
        self.requests = requests
        self.sizes = sizes
        self.scale = scale
        self.workers = 2 * (os.cpu_count() or 1) + 1
        self.lines = []
        self.failures = []
        self.open_data = {}

        self.storage_env = {}
        self.storage = "local folders"

    # -- plumbing ------------------------------------------------------------------------

    def say(self, text=""):
        self.out.write(text)

    def write(self, text=""):
        """A line of the report: printed and kept for var/bench.md."""
        self.lines.append(text)
        self.out.write(text)

    def env(self, database_url, **extra):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "DATABASE_URL": database_url}
        env.update(self.storage_env)
        env.update({key: str(value) for key, value in extra.items()})
        return env

    def manage(self, env, *args, timeout=1800):
        started = time.monotonic()
        subprocess.run(
            [PYTHON, "manage.py", *map(str, args)],
            cwd=BASE_DIR,
            env=env,
            check=True,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
        )
        return time.monotonic() - started

    # -- databases -----------------------------------------------------------------------

    def databases(self):
        found = [("SQLite", f"sqlite:///{WORK}/bench.sqlite3")]
        url = os.environ.get("BENCH_DATABASE_URL")
        if not url and os.environ.get("DATABASE_URL", "").startswith("postgres"):
            # The bench drops and rebuilds its database: never the one it was pointed at.
            url = os.environ["DATABASE_URL"].split("?")[0]
            if not url.endswith("_bench"):
                url += "_bench"
        if url and url.startswith("postgres"):
            found.append(("PostgreSQL", url))
        return found

    def fresh_database(self, url):
        if url.startswith("sqlite"):
            path = Path(url.removeprefix("sqlite:///"))
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return
        import psycopg

        name = url.rsplit("/", 1)[1].split("?")[0]
        maintenance = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')

    def flush_cache(self, env):
        subprocess.run(
            [PYTHON, "-c", "import django; django.setup(); "
             "from django.core.cache import cache; cache.clear()"],
            cwd=BASE_DIR, env=env, check=True, timeout=60,
        )  # fmt: skip

    # -- gunicorn and wrk ----------------------------------------------------------------

    def free_port(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    def start_gunicorn(self, env, port):
        process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(self.workers),
                "--timeout",
                "30",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    return process
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.5)
        process.terminate()
        raise RuntimeError("gunicorn did not answer within 60 s")

    def stop(self, process):
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def load(self, url):
        """Requests a second from wrk for ``self.seconds`` (None when any request failed)."""
        result = subprocess.run(
            [
                "wrk",
                "--threads",
                "1",
                "--connections",
                str(self.workers + 3),
                "--duration",
                f"{self.seconds:g}s",
                "--timeout",
                "10s",
                "--header",
                "Accept-Encoding: gzip",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=self.seconds + 30,
        )
        rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
        bad = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
        errors = re.search(r"Socket errors: (.*)", result.stdout)
        if result.returncode or not rate:
            return None, result.stdout + result.stderr
        note = ""
        if bad:
            note += f"{bad.group(1)} non-2xx; "
        if errors and "timeout 0" not in errors.group(1):
            note += f"socket errors {errors.group(1)}; "
        return float(rate.group(1)), note

    def static_url(self, env):
        manifest = json.loads((Path(env["STATIC_ROOT"]) / "staticfiles.json").read_text())
        return settings.STATIC_URL + manifest["paths"][STATIC_FILE]

    def under_load(self, env, rows, cache):
        port = self.free_port()
        server = self.start_gunicorn({**env, "PAGE_CACHE": cache}, port)
        base = f"http://127.0.0.1:{port}"
        try:
            static_url = base + self.static_url(env)
            self.load(static_url)  # warm the workers and the file cache
            statics = [self.load(static_url)[0]]
            for row in rows:
                if row["language"] != "nl":
                    continue
                for _warm in range(self.workers):
                    with urllib.request.urlopen(base + row["url"], timeout=30):
                        pass
                rate, note = self.load(base + row["url"])
                row[f"rps_{cache}"] = rate
                if note:
                    row.setdefault("notes", []).append(f"cache {cache}: {note}")
            statics.append(self.load(static_url)[0])
        finally:
            self.stop(server)
        static = sum(s for s in statics if s) / max(1, len([s for s in statics if s]))
        for row in rows:
            row[f"static_{cache}"] = static
        return static, statics

    # -- one database, one size ----------------------------------------------------------

    def measure(self, database, url, size, env):
        self.say(f"== {database}, {size}: in-process")
        path = WORK / f"pages-{database}-{size}.json".lower()
        self.manage(env, "bench_pages", "--requests", self.requests, "--json", str(path))
        rows = json.loads(path.read_text())
        for cache in ("off", "on"):
            self.say(f"== {database}, {size}: gunicorn, {self.workers} workers, cache {cache}")
            self.flush_cache(env)
            self.under_load(env, rows, cache)
        self.open_data[(database, size)] = self.measure_open_data(database, size, env)
        return rows

    def measure_open_data(self, database, size, env):
        """The "open data" section: served exports, filtered exports and API pages, in-process
        (CPU ms, queries, bytes) and under gunicorn beside the static file."""
        self.say(f"== {database}, {size}: open data")
        path = WORK / f"open-data-{database}-{size}.json".lower()
        self.manage(env, "bench_open_data", "--json", str(path))
        rows = json.loads(path.read_text())
        for row in rows:
            row["language"] = "nl"
        # The bench asks far more often than a reuser may: no rate limit here.
        lifted = {"OPEN_DATA_RATE_LIMITS": "download=1000000000/60,query=1000000000/60,"
                  "api=1000000000/60"}  # fmt: skip
        self.under_load({**env, **lifted}, rows, "on")
        return rows

    def open_data_verdict(self, row):
        problems = []
        if row["status"] != 200:
            problems.append(f"status {row['status']}")
        if row["kind"] == "served":
            share_on = ratio(row.get("rps_on"), row.get("static_on"))
            if share_on is None or share_on < OPEN_DATA_SERVED:
                problems.append(f"rps < {OPEN_DATA_SERVED} of static")
        if row["kind"] == "filtered" and row["cpu_ms"] > OPEN_DATA_FILTERED_MS:
            problems.append(f"CPU > {OPEN_DATA_FILTERED_MS} ms")
        if row["kind"] == "api" and row["queries"] > OPEN_DATA_API_QUERIES:
            problems.append(f"queries > {OPEN_DATA_API_QUERIES}")
        return problems

    def report_open_data(self):
        for (database, size), rows in self.open_data.items():
            self.write()
            self.write(f"## Open data: {database}, {size} size")
            self.write()
            self.write("| answer | queries | CPU ms | bytes | rps | static rps | ratio | result |")
            self.write("|" + " --- |" * 8)
            for row in rows:
                problems = self.open_data_verdict(row)
                if problems:
                    self.failures.append(f"{database} {size} open data: {row['name']}")
                cells = [
                    row["name"], str(row["queries"]), f"{row['cpu_ms']:.1f}", str(row["bytes"]),
                    number(row.get("rps_on")), number(row.get("static_on")),
                    share(row.get("rps_on"), row.get("static_on")),
                    "pass" if not problems else "FAIL: " + "; ".join(problems),
                ]  # fmt: skip
                self.write("| " + " | ".join(cells) + " |")

    @contextlib.contextmanager
    def object_storage(self):
        if not os.environ.get("BENCH_S3"):
            yield "local folders"
            return
        # A development tool like the bench itself; never part of the site.
        from tests.seaweedfs import BUCKETS, SeaweedFS

        folder = WORK / "seaweedfs"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        server = SeaweedFS(folder).start()
        self.storage_env = server.environment(*BUCKETS[0])
        try:
            yield f"S3 buckets (SeaweedFS at {server.endpoint})"
        finally:
            self.storage_env = {}
            server.stop()

    def run(self):
        with self.object_storage() as storage:
            self.storage = storage
            return self.run_all()

    def run_all(self):
        if not shutil.which("wrk"):
            raise RuntimeError("wrk is missing: apt-get install -y wrk (make bench does it)")
        WORK.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        static_env = self.env(f"sqlite:///{WORK}/bench.sqlite3")
        self.say("== collectstatic")
        self.manage(static_env, "collectstatic", "--noinput")
        self.manage(static_env, "compile_catalogues")
        results = {}
        for database, url in self.databases():
            env = self.env(url)
            self.say(f"== {database}: migrate and load the demo")
            self.fresh_database(url)
            self.flush_cache(env)
            self.manage(env, "migrate", "--noinput")
            seconds = self.manage(env, "load_demo")
            self.say(f"   demo loaded in {seconds:.0f} s")
            self.settle(env, url)
            if "demo" in self.sizes:
                results[(database, "demo")] = self.measure(database, url, "demo", env)
                self.applications(database, env, url)
            if "scale" in self.sizes:
                self.say(f"== {database}: generate_scale_data --scale {self.scale:g}")
                seconds = self.manage(env, "generate_scale_data", "--scale", self.scale)
                self.say(f"   generated in {seconds:.0f} s")
                self.settle(env, url)
                results[(database, "scale")] = self.measure(database, url, "scale", env)
        self.report(results, time.monotonic() - started)
        return not self.failures

    def settle(self, env, url):
        """After loading: plan with the real numbers, and on PostgreSQL vacuum now, or
        autovacuum does it in the middle of the measurements that follow."""
        self.sql(env, "ANALYZE" if url.startswith("sqlite") else "VACUUM ANALYZE")

    def sql(self, env, statement):
        subprocess.run(
            [PYTHON, "-c", "import django; django.setup(); from django.db import connection; "
             f"connection.cursor().execute({statement!r})"],
            cwd=BASE_DIR, env=env, check=True, timeout=600,
        )  # fmt: skip

    def applications(self, database, env, url):
        """The calls issue's check: 200 applications from 50 clients at once, on PostgreSQL
        when there is one (SQLite takes one writer at a time), else on SQLite."""
        if url.startswith("sqlite") and len(self.databases()) > 1:
            return
        self.say(f"== {database}: 200 applications at once")
        port = self.free_port()
        server = self.start_gunicorn({**env, "PAGE_CACHE": "off", "NUM_PROXIES": "1"}, port)
        try:
            result = subprocess.run(
                [PYTHON, "manage.py", "bench_applications", "--base-url",
                 f"http://127.0.0.1:{port}", "--time-limit", "90"],
                cwd=BASE_DIR, env={**env, "NUM_PROXIES": "1"}, capture_output=True, text=True,
                timeout=180,
            )  # fmt: skip
        finally:
            self.stop(server)
        self.applications_report = (database, result.returncode, result.stdout + result.stderr)

    # -- the report ----------------------------------------------------------------------

    def verdict(self, row, demo_row):
        problems = []
        limit = QUERY_LIMITS[row["kind"]]
        if row["queries"] > limit:
            problems.append(f"queries > {limit}")
        if demo_row is not None and row["queries"] > demo_row["queries"]:
            problems.append(f"queries grew from {demo_row['queries']} at demo size")
        if row["status"] != 200:
            problems.append(f"status {row['status']}")
        if row["language"] == "nl":
            off = ratio(row.get("rps_off"), row.get("static_off"))
            on = ratio(row.get("rps_on"), row.get("static_on"))
            if off is None or off < CACHE_OFF[row["kind"]]:
                problems.append(f"cache off < {CACHE_OFF[row['kind']]}")
            # A private answer (a thank-you page) is never stored, by design: not a public page.
            if not row.get("private") and (on is None or on < CACHE_ON):
                problems.append(f"cache on < {CACHE_ON}")
        return problems

    def report(self, results, elapsed):
        self.write("# make bench")
        self.write()
        self.write(
            f"gunicorn (gunicorn.conf.py) with {self.workers} workers on 127.0.0.1, wrk for "
            f"{self.seconds:g} s per address ({self.workers + 3} connections, gzip accepted); "
            f"in-process: Django's test client, {self.requests} warm requests each. "
            f"Static file: `{STATIC_FILE}` through whitenoise. Ratio = page rps / static rps "
            f"in the same gunicorn run. Thresholds: cache off home {CACHE_OFF['home']}, "
            f"listings and search {CACHE_OFF['listing']}, detail {CACHE_OFF['detail']}; "
            f"cache on {CACHE_ON}. Queries: detail ≤ {QUERY_LIMITS['detail']}, home, listings "
            f"and search ≤ {QUERY_LIMITS['home']}, no more at scale than at demo size. "
            f"Under load: the Dutch pages. Media and private files: {self.storage}."
        )
        for (database, size), rows in results.items():
            demo = {(r["name"], r["language"]): r for r in results.get((database, "demo"), [])}
            self.write()
            self.write(f"## {database}, {size} size")
            self.write()
            self.write(
                "| page type | lang | kind | queries | median ms | p95 ms | rps off | "
                "static rps | ratio off | rps on | static rps | ratio on | result |"
            )
            self.write("|" + " --- |" * 13)
            for row in rows:
                problems = self.verdict(
                    row, demo.get((row["name"], row["language"])) if size != "demo" else None
                )
                if problems:
                    self.failures.append(f"{database} {size} {row['name']} ({row['language']})")
                under_load = row["language"] == "nl"
                cells = [
                    f"`{row['name']}`",
                    row["language"],
                    row["kind"],
                    str(row["queries"]),
                    f"{row['median_ms']:.1f}",
                    f"{row['p95_ms']:.1f}",
                    number(row.get("rps_off")) if under_load else "",
                    number(row.get("static_off")) if under_load else "",
                    share(row.get("rps_off"), row.get("static_off")) if under_load else "",
                    number(row.get("rps_on")) if under_load else "",
                    number(row.get("static_on")) if under_load else "",
                    share(row.get("rps_on"), row.get("static_on")) if under_load else "",
                    ("pass" if not problems else "FAIL: " + "; ".join(problems))
                    + (" (private: never stored)" if row.get("private") else ""),
                ]
                self.write("| " + " | ".join(cells) + " |")
                for note in row.get("notes", []):
                    self.write(f"|  | | | | | | | | | | | | note: {note} |")
        self.report_open_data()
        if getattr(self, "applications_report", None):
            database, code, text = self.applications_report
            self.write()
            self.write(f"## 200 applications at once ({database})")
            self.write()
            self.write("```")
            for line in text.strip().splitlines():
                self.write(line)
            self.write("```")
            if code:
                self.failures.append("200 applications at once")
        self.write()
        self.write(
            f"{len(self.failures)} failing rows or checks; the whole bench took "
            f"{elapsed / 60:.1f} min."
        )
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        REPORT.write_text("\n".join(self.lines) + "\n")


def ratio(rate, static):
    if not rate or not static:
        return None
    return rate / static


def number(value):
    return "—" if value is None else f"{value:.0f}"


def share(rate, static):
    value = ratio(rate, static)
    return "—" if value is None else f"{value:.3f}"
