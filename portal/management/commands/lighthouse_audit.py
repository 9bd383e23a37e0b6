"""``make audit``: Lighthouse (mobile) on the main page types, served as in production.

    python manage.py lighthouse_audit --settings=portal.settings.bench

Builds var/bench/audit.sqlite3 with the demo content when it is missing, starts gunicorn on a
free port of 127.0.0.1 (whitenoise, DEBUG off), runs node_modules/.bin/lighthouse with
Debian's Chromium on home, a story, the directory, a profile, a lab, the call and the
question page, prints the four scores of each and writes them to var/audit.md.
"""

import json
import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.bench import WORK, Bench

# (label, page type): the pages the issue names, found in the demo content.
AUDITED = [
    ("home", "home.HomePage"),
    ("a story", "blog.BlogPage"),
    ("the directory", "members.MemberIndexPage"),
    ("a profile", "members.MemberPage"),
    ("a lab", "livinglabs.LivingLabPage"),
    ("the call", "calls.OpenCallPage"),
    ("the question page", "calls.QuestionPage"),
]
ATTEMPTS = 3
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


class Command(BaseCommand):
    help = "Runs Lighthouse (mobile) on the main page types; writes var/audit.md."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="nl")
        parser.add_argument("--only", help="one page type, e.g. livinglabs.LivingLabPage")

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        lighthouse = base / "node_modules" / ".bin" / "lighthouse"
        chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
        if not lighthouse.exists():
            raise CommandError("Lighthouse is missing: npm ci (make audit does it).")
        if not Path(chrome).exists():
            raise CommandError(f"No Chromium at {chrome}: apt-get install -y chromium.")
        bench = Bench(self.stdout)
        WORK.mkdir(parents=True, exist_ok=True)
        database = WORK / "audit.sqlite3"
        env = bench.env(f"sqlite:///{database}")
        bench.manage(env, "collectstatic", "--noinput")
        if not database.exists():
            self.stdout.write("Building the demo database (var/bench/audit.sqlite3)…")
            bench.manage(env, "migrate", "--noinput")
            bench.manage(env, "load_demo")
        urls = self.find_urls(env, options["language"])
        port = bench.free_port()
        server = bench.start_gunicorn({**env, "PAGE_CACHE": "on"}, port)
        rows = []
        try:
            for label, name in AUDITED:
                if options["only"] and name != options["only"]:
                    continue
                url = urls.get(name)
                if url is None:
                    rows.append((label, name, None, "no such page in the demo content (yet)"))
                    continue
                scores = self.lighthouse(
                    lighthouse, chrome, f"http://127.0.0.1:{port}{url}", name.split(".")[-1]
                )
                rows.append((label, url, scores, ""))
                self.stdout.write(f"  {label}: {scores}")
        finally:
            bench.stop(server)
        self.report(rows, base / "var" / "audit.md")

    def find_urls(self, env, language):
        script = (
            "import django, json; django.setup(); "
            "from portal.pagetypes import public_page_types; "
            f"print(json.dumps({{p.name: p.url for p in public_page_types([{language!r}])}}))"
        )
        result = subprocess.run(
            [bench_python(), "-c", script],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    def lighthouse(self, lighthouse, chrome, url, name):
        """The four scores; the whole report stays in var/bench/lighthouse/<name>.json."""
        (WORK / "lighthouse").mkdir(exist_ok=True)
        path = WORK / "lighthouse" / f"{name}.json"
        for attempt in range(1, ATTEMPTS + 1):
            # Lighthouse now and then loses its trace of the load (NO_NAVSTART) and asks to be
            # run again: up to ATTEMPTS times, then the failure stands.
            result = subprocess.run(
                [
                    str(lighthouse),
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={path}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    f"--chrome-flags={CHROME_FLAGS}",
                ],
                env={**os.environ, "CHROME_PATH": chrome},
                check=attempt == ATTEMPTS,
                timeout=180,
            )
            if result.returncode == 0:
                break
        report = json.loads(path.read_text())
        scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
        failing = [
            f"{audit['id']} ({audit['score']})"
            for audit in report["audits"].values()
            if audit.get("score") is not None
            and audit["score"] < 1
            and audit.get("scoreDisplayMode") in ("binary", "metricSavings", "numeric")
        ]
        scores["below 1"] = failing
        return scores

    def report(self, rows, path):
        lines = [
            "# make audit (Lighthouse 12.8.2, mobile, Debian's Chromium)",
            "",
            "| page | address | performance | accessibility | best practices | SEO |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        notes = []
        for label, url, scores, note in rows:
            if scores is None:
                lines.append(f"| {label} | `{url}` | — | — | — | — |")
                notes.append(f"- {label}: {note}")
                continue
            cells = [str(scores[key]) for key in CATEGORIES]
            lines.append(f"| {label} | `{url}` | " + " | ".join(cells) + " |")
            if scores["below 1"]:
                notes.append(f"- {label}: audits below full marks: {', '.join(scores['below 1'])}")
        text = "\n".join(lines + [""] + notes) + "\n"
        path.write_text(text)
        self.stdout.write(text)


def bench_python():
    import sys

    return sys.executable
