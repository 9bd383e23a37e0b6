"""Post many applications at once to a running server and check that each is stored once.

    DJANGO_SETTINGS_MODULE=... python manage.py bench_applications --base-url http://127.0.0.1:8000

Runs against a server that is already up (gunicorn in production shape), from this machine,
within a time bound. It reads the open call's questions from the same database to build
complete applications, each with a small PDF, sends them from many clients at once, then
20 copies of one application, and reports what was stored. Each application comes from its
own address in X-Forwarded-For, as behind a proxy, so the server must count one proxy
(NUM_PROXIES=1) or the per-address rate limit refuses most of them, as it should. The
applications it made are removed afterwards unless --keep is given.
"""

import secrets
import statistics
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed, wait

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.utils import timezone

from calls.models import Application, ApplicationFile, OpenCallPage

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def answers_for(call):
    """A valid answer to each of the call's own questions, as form fields and files."""
    fields, files = {}, {}
    for block in call.questions:
        name, value = f"q_{block.id}", block.value
        kind = block.block_type
        if kind == "short_text":
            fields[name] = "Benchmark"[: value["max_length"]]
        elif kind == "long_text":
            fields[name] = "Een antwoord van een paar woorden."
        elif kind == "number":
            fields[name] = str(max(value["min_value"] or 0, 1))
        elif kind in ("choice", "multiple_choice"):
            fields[name] = value["choices"].bound_blocks[0].id
        elif kind == "yes_no":
            fields[name] = "yes"
        elif kind == "date":
            fields[name] = "2027-03-01"
        elif kind == "file" and "pdf" in value["file_types"]:
            files[name] = ("plan.pdf", PDF)
    return fields, files


def multipart(fields, files):
    boundary = f"bench{secrets.token_hex(12)}"
    lines = []
    for name, values in fields.items():
        for value in values if isinstance(values, list) else [values]:
            lines += [
                f"--{boundary}".encode(),
                f'Content-Disposition: form-data; name="{name}"'.encode(),
                b"",
                str(value).encode(),
            ]
    for name, (filename, content) in files.items():
        lines += [
            f"--{boundary}".encode(),
            f'Content-Disposition: form-data; name="{name}"; filename="{filename}"'.encode(),
            b"Content-Type: application/pdf",
            b"",
            content,
        ]
    lines += [f"--{boundary}--".encode(), b""]
    return b"\r\n".join(lines), f"multipart/form-data; boundary={boundary}"


def post(url, body, content_type, address, timeout):
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": content_type,
            "X-Forwarded-For": address,
            "X-Forwarded-Proto": "https",
        },
    )
    started = time.monotonic()
    try:
        with OPENER.open(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, OSError) as error:
        return f"error: {error.__class__.__name__}", time.monotonic() - started
    return status, time.monotonic() - started


class Command(BaseCommand):
    help = "Post many applications at once to a running server; report what was stored."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")
        parser.add_argument("--applications", type=int, default=200)
        parser.add_argument("--clients", type=int, default=50)
        parser.add_argument("--replays", type=int, default=20)
        parser.add_argument("--time-limit", type=float, default=120, help="seconds, in all")
        parser.add_argument("--host", default="", help="Host header, if not the base URL's")
        parser.add_argument("--keep", action="store_true", help="keep what was stored")

    def handle(self, *args, **options):
        now = timezone.now()
        call = (
            OpenCallPage.objects.live()
            .filter(locale__language_code="nl", opens_at__lte=now, closes_at__gt=now)
            .order_by("closes_at")
            .first()
        )
        if call is None:
            raise CommandError("No open call in the database: load the demo or open one.")
        url = options["base_url"].rstrip("/") + call.url
        run = secrets.token_hex(4)
        deadline = time.monotonic() + options["time_limit"]
        answers, files = answers_for(call)
        self.stdout.write(
            f"Run {run}: {options['applications']} applications from {options['clients']} "
            f"clients to {url} (limit {options['time_limit']:.0f} s)"
        )

        def application(number, token=None, email=None):
            fields = {
                "name": f"Bench {number}",
                "email": email or f"bench-{run}-{number}@bench.example",
                "phone": "06 12345678",
                "role": "bewoner",
                "municipality": "Utrecht",
                "province": "utrecht",
                "title": f"bench-{run}-{number}",
                "question": "Hoe meten we de belasting?",
                "summary": "Een aanvraag van de benchmark.",
                "budget": "1000",
                "consent": "on",
                "form_token": token or secrets.token_urlsafe(16),
                "website": "",
                **answers,
            }
            return multipart(fields, files)

        def send(number, body, content_type, address):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return "not sent (time limit)", 0.0
            return post(url, body, content_type, address, remaining)

        started = time.monotonic()
        results = []
        with ThreadPoolExecutor(max_workers=options["clients"]) as pool:
            futures = [
                pool.submit(
                    send, n, *application(n), f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
                )
                for n in range(options["applications"])
            ]
            done, pending = wait(futures, timeout=max(deadline - time.monotonic(), 0) + 5)
            results = [future.result() for future in done]
            results += [("not finished (time limit)", 0.0)] * len(pending)
        elapsed = time.monotonic() - started

        replay_results = []
        replay_email = f"replay-{run}@bench.example"
        replay_address = f"10.255.{secrets.randbelow(256)}.{secrets.randbelow(256)}"
        if options["replays"]:
            body, content_type = application("replay", token="replay-token", email=replay_email)
            with ThreadPoolExecutor(max_workers=options["replays"]) as pool:
                futures = [
                    pool.submit(send, "replay", body, content_type, replay_address)
                    for _ in range(options["replays"])
                ]
                replay_results = [future.result() for future in as_completed(futures)]

        failures = self.report(run, results, elapsed, replay_results, replay_email, options)
        if not options["keep"]:
            self.clean_up(run)
        if failures:
            raise CommandError("; ".join(failures))

    def report(self, run, results, elapsed, replay_results, replay_email, options):
        statuses = Counter(status for status, _seconds in results)
        durations = sorted(seconds for status, seconds in results if isinstance(status, int))
        stored = Application.objects.filter(title__startswith=f"bench-{run}-").exclude(
            title=f"bench-{run}-replay"
        )
        duplicates = stored.values("title").annotate(n=Count("pk")).filter(n__gt=1).count()
        without_file = stored.annotate(n=Count("files")).exclude(n=1).count()
        missing_on_disk = sum(
            1
            for record in ApplicationFile.objects.filter(application__in=stored)
            if not record.file.storage.exists(record.file.name)
        )
        server_errors = sum(
            n for status, n in statuses.items() if isinstance(status, int) and status >= 500
        )
        expected_files = bool(answers_for(stored.first().call)[1]) if stored.exists() else False
        lines = [
            f"posted: {len(results)} in {elapsed:.1f} s ({len(results) / elapsed:.1f}/s)",
            "responses: "
            + ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items(), key=str)),
            f"stored: {stored.count()} (distinct {stored.values('title').distinct().count()}, "
            f"duplicates {duplicates})",
            f"5xx: {server_errors}",
        ]
        if durations:
            lines.append(
                f"latency: median {statistics.median(durations) * 1000:.0f} ms, "
                f"p95 {durations[int(len(durations) * 0.95) - 1] * 1000:.0f} ms, "
                f"max {durations[-1] * 1000:.0f} ms"
            )
        if expected_files:
            lines.append(
                f"files: {stored.count() - without_file} applications with exactly one file, "
                f"{missing_on_disk} missing on disk"
            )
        replays = Application.objects.filter(title=f"bench-{run}-replay")
        confirmations = self.queued_confirmations(replay_email)
        if replay_results:
            lines.append(
                f"replays: {len(replay_results)} posts of one application -> "
                + ", ".join(f"{s}: {n}" for s, n in Counter(s for s, _ in replay_results).items())
                + f"; stored {replays.count()}; confirmations queued {confirmations}"
            )
        for line in lines:
            self.stdout.write(line)

        failures = []
        if server_errors:
            failures.append(f"{server_errors} server errors")
        if stored.count() != options["applications"] or duplicates:
            failures.append(
                f"stored {stored.count()} of {options['applications']}, {duplicates} twice"
            )
        if expected_files and (without_file or missing_on_disk):
            failures.append("applications without their file")
        if replay_results and replays.count() != 1:
            failures.append(f"replays stored {replays.count()} applications")
        if replay_results and confirmations not in (None, 1):
            failures.append(f"replays queued {confirmations} confirmations")
        return failures

    def clean_up(self, run):
        """Remove the bench's applications, their files and the mail they queued (a
        deleted submission takes its mails with it: BaseSubmission.forget_copies)."""
        for application in Application.objects.filter(title__startswith=f"bench-{run}-"):
            application.files.all().delete()  # each file leaves the disk with its row
            application.delete()

    def queue_model(self):
        from django_tasks import task_backends

        if task_backends["default"].__class__.__name__ != "DatabaseBackend":
            return None
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult

    def queued_confirmations(self, email):
        """Confirmation mails waiting in the database queue for ``email`` (None: no queue)."""
        if not self.queue_model():
            return None
        from portal.models import OutgoingMail

        # The queue holds each mail's id; the mail itself waits in its own row.
        return OutgoingMail.objects.filter(to__icontains=email).count()
