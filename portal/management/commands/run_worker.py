"""The background worker (all mail), kept alive through database outages.

django-tasks-db's ``db_worker`` ends on the first database error it does not expect: a
five-second PostgreSQL restart once stopped all mail until someone restarted it by hand.
This command runs the same loop (django-tasks-db's ``Worker``, same options) and, when the
database goes away, closes its connections, logs, waits (1 s, 2 s, 4 s, ... at most a
minute) and carries on. systemd restarts it should it die anyway
(``deploy/systemd/portal-worker.service``).

No task is lost or run twice because of an outage. A task is claimed (READY to RUNNING)
before it runs, and django-tasks-db writes its outcome right after, with three quick tries:
through a longer outage that write fails and the row stays RUNNING, so no worker runs it
again. This worker keeps the outcome and writes it once the database is back. A task whose
claim was cut off before it ran (or that only failed on the outage itself, such as a mail
that could not be deferred) is put back to READY and runs again.
"""

import contextlib
import logging
import time

from django.core.management.base import CommandError
from django.db import DatabaseError, connections
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

FIRST_PAUSE = 1.0
LONGEST_PAUSE = 60.0


class ResilientWorker(db_worker.Worker):
    """django-tasks-db's worker loop, begun again after a database error."""

    # The task whose outcome the database did not take: (row, [outcome]) or None.
    unwritten = None

    def run(self):
        failures = 0
        while self.running:
            started = time.monotonic()
            try:
                self.write_what_the_outage_kept()
                return super().run()
            except DatabaseError as error:
                if time.monotonic() - started > LONGEST_PAUSE:
                    failures = 0
                pause = min(LONGEST_PAUSE, FIRST_PAUSE * 2**failures)
                failures += 1
                summary = (str(error).strip().splitlines() or [""])[0]
                logger.warning(
                    "Database unavailable (%s: %s); trying again in %.0f s",
                    type(error).__name__,
                    summary,
                    pause,
                )
                with contextlib.suppress(DatabaseError):
                    connections.close_all()
                # A SIGTERM here ends the worker at once (Worker.shutdown: no task running).
                time.sleep(pause)
                self.startup_delay = False
        return None

    def run_task(self, db_task_result):
        outcome = []
        for name in ("set_successful", "set_failed"):
            write = getattr(db_task_result, name)

            def remember(value, name=name, write=write):
                outcome.append((name, value))
                write(value)

            # Instance attributes: this row only, for as long as it runs here.
            setattr(db_task_result, name, remember)
        try:
            super().run_task(db_task_result)
        except DatabaseError:
            self.unwritten = (db_task_result, outcome)
            raise

    def write_what_the_outage_kept(self):
        if self.unwritten is not None and self.unwritten[1]:
            row, outcome = self.unwritten
            name, value = outcome[0]
            if name == "set_successful":
                DBTaskResult.set_successful(row, value)
                logger.warning("Task %s had finished; its outcome is written now", row.id)
            elif not isinstance(value, DatabaseError):
                DBTaskResult.set_failed(row, value)
            # else: it failed on the outage itself, so it is still RUNNING and goes back below.
        self.unwritten = None
        for row in DBTaskResult.objects.running().filter(backend_name=self.backend_name):
            if row.worker_ids[-1:] == [self.worker_id]:
                row.status = TaskResultStatus.READY
                row.save(update_fields=["status"])
                logger.warning("Task %s did not run through the outage; it runs again", row.id)


class Command(db_worker.Command):
    help = (
        "Runs the background worker (django-tasks-db's db_worker, same options but --reload) "
        "and keeps it running through database outages."
    )

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, **options):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            **{
                name: options[name]
                for name in (
                    "interval",
                    "batch",
                    "backend_name",
                    "startup_delay",
                    "max_tasks",
                    "worker_id",
                )
            },
        )
        worker.configure_signals()
        worker.run()
