"""The mail worker through outages of PostgreSQL and of the mail server, as in production.

The worker (``manage.py run_worker``) runs as its own process on production settings
(tests/worker_settings.py) against a database of its own. For the database outage it
reaches PostgreSQL through a small TCP proxy that the test cuts: every connection closed,
new ones refused, for three seconds. Each mail must arrive exactly once, and the worker
must still be running afterwards. These tests need PostgreSQL at 127.0.0.1:5432 (as on CI
in both runs of the suite) and skip without it.
"""

import collections
import contextlib
import os
import re
import socket
import socketserver
import subprocess
import sys
import threading
import time
import uuid

import pytest
from django.conf import settings

psycopg = pytest.importorskip("psycopg")

SERVER = "postgres://postgres@127.0.0.1:5432"
DEADLINE = 60  # seconds any one wait may take before the test fails


def postgres_answers():
    try:
        psycopg.connect(f"{SERVER}/postgres", connect_timeout=2).close()
    except psycopg.OperationalError:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not postgres_answers(), reason="needs PostgreSQL at 127.0.0.1:5432 (user postgres)"
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, what, deadline=DEADLINE):
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


class Proxy:
    """TCP from a free port of 127.0.0.1 to PostgreSQL, which ``cut`` interrupts."""

    def __init__(self, target=("127.0.0.1", 5432)):
        self.target = target
        self.port = free_port()
        self.sockets = set()
        self.lock = threading.Lock()
        self.listen()

    def listen(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen()
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
                server = socket.create_connection(self.target)
            except OSError:
                return  # the listener is shut: the proxy is cut
            with self.lock:
                self.sockets |= {client, server}
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    def pump(self, source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for end in (source, sink):
            with self.lock:
                self.sockets.discard(end)
            self.close(end)

    @staticmethod
    def close(end):
        with contextlib.suppress(OSError):
            end.shutdown(socket.SHUT_RDWR)
        end.close()

    def cut(self):
        """Refuse new connections and break every open one."""
        self.close(self.listener)  # shutdown wakes the accepting thread
        with self.lock:
            ends, self.sockets = self.sockets, set()
        for end in ends:
            self.close(end)

    def restore(self):
        self.listen()


class SmtpSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP to take messages; keeps each one's Subject."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port):
        self.subjects = []
        super().__init__(("127.0.0.1", port), SmtpSession)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def stop(self):
        self.shutdown()
        self.server_close()


class SmtpSession(socketserver.StreamRequestHandler):
    def handle(self):
        self.say("220 sink")
        while line := self.rfile.readline():
            command = line.decode().strip().upper()
            if command.startswith("DATA"):
                self.say("354 go on")
                message = b"".join(iter(self.rfile.readline, b".\r\n"))
                self.server.subjects += re.findall(rb"^Subject: (.*?)\r?$", message, re.M)
                self.say("250 taken")
            elif command.startswith("QUIT"):
                self.say("221 bye")
                return
            else:
                self.say("250 ok")

    def say(self, reply):
        self.wfile.write(reply.encode() + b"\r\n")


@pytest.fixture(scope="module")
def migrated_database():
    """A database of the module's own with what the worker touches: django-tasks-db's
    tables (migrated) and the mail rows (portal.OutgoingMail, made from the model: the
    whole project's migrations would take longer than the tests)."""
    name = f"test_worker_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        result = manage("migrate", "django_tasks_database", database_url=f"{SERVER}/{name}")
        assert result.returncode == 0, result.stderr
        code = (
            "from django.db import connection\n"
            "from portal.models import OutgoingMail\n"
            "with connection.schema_editor() as editor:\n"
            "    editor.create_model(OutgoingMail)\n"
        )
        result = manage("shell", "-c", code, database_url=f"{SERVER}/{name}")
        assert result.returncode == 0, result.stderr
        yield name
    finally:
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def database(migrated_database):
    with psycopg.connect(f"{SERVER}/{migrated_database}") as connection:
        connection.execute("TRUNCATE django_tasks_database_dbtaskresult, portal_outgoingmail")
    return migrated_database


def environment(database_url, **extra):
    return {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "SECRET_KEY": "worker-test-" + "x" * 50,
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": "redis://127.0.0.1:1/0",  # required by production; never used here
        "EMAIL_USE_TLS": "false",
        **extra,
    }


def manage(*args, database_url, **extra):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment(database_url, **extra),
        capture_output=True,
        text=True,
        timeout=DEADLINE,
    )


def enqueue(count, database_url):
    code = (
        "from portal.models import OutgoingMail\n"
        "from portal.tasks import send_email\n"
        f"for number in range({count}):\n"
        "    mail = OutgoingMail.objects.create(\n"
        "        subject=f'Mail {number}', body='Hallo', to=['a@example.org']\n"
        "    )\n"
        "    send_email.enqueue(mail.pk)\n"
    )
    result = manage("shell", "-c", code, database_url=database_url)
    assert result.returncode == 0, result.stderr


def task_rows(name):
    """(status, return value) of every task, straight from PostgreSQL."""
    with psycopg.connect(f"{SERVER}/{name}") as connection:
        return connection.execute(
            "SELECT status, return_value FROM django_tasks_database_dbtaskresult"
        ).fetchall()


def all_sent(name, count):
    rows = task_rows(name)
    done = [value for status, value in rows if status == "SUCCESSFUL" and value == "sent"]
    return len(done) == count and all(status != "RUNNING" for status, _value in rows)


class Worker:
    """``manage.py run_worker`` as a process, its output in a file; killed in the end."""

    def __init__(self, tmp_path, database_url, **extra):
        self.log = tmp_path / "worker.log"
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--interval", "0.2"],
            cwd=settings.BASE_DIR,
            env=environment(database_url, **extra),
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def alive(self):
        return self.process.poll() is None

    def output(self):
        return self.log.read_text()

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=10)


def test_the_worker_sends_every_mail_once_through_a_database_outage(tmp_path, database):
    outbox = tmp_path / "outbox"
    proxy = Proxy()
    enqueue(30, f"{SERVER}/{database}")
    worker = Worker(
        tmp_path,
        f"postgres://postgres@127.0.0.1:{proxy.port}/{database}",
        EMAIL_BACKEND="tests.failing_mail.SlowFileEmailBackend",
        EMAIL_FILE_PATH=str(outbox),
    )
    try:
        wait_for(lambda: len(list(outbox.glob("*"))) >= 8, "the first mails")
        proxy.cut()
        cut_at = time.monotonic()
        time.sleep(3)
        assert worker.alive(), worker.output()
        proxy.restore()

        wait_for(lambda: all_sent(database, 30), "all 30 mails to be sent", deadline=30)
        recovered_in = time.monotonic() - cut_at
        time.sleep(1)  # time for a mail sent twice to show

        subjects = [
            subject
            for mail in outbox.glob("*")
            for subject in re.findall(r"^Subject: (.*)$", mail.read_text(), re.M)
        ]
        assert collections.Counter(subjects) == {f"Mail {number}": 1 for number in range(30)}
        assert worker.alive(), worker.output()
        assert "Database unavailable" in worker.output()
        assert recovered_in < 15
    finally:
        worker.kill()
        proxy.cut()


def test_mails_queued_while_the_mail_server_refuses_are_sent_once_when_it_returns(
    tmp_path, database
):
    port = free_port()  # nothing listens there yet: every connection is refused
    worker = Worker(
        tmp_path,
        f"{SERVER}/{database}",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
    )
    sink = None
    try:
        enqueue(5, f"{SERVER}/{database}")
        wait_for(
            lambda: sum(value == "deferred" for _status, value in task_rows(database)) >= 5,
            "each mail to be refused and deferred",
        )
        assert worker.alive(), worker.output()

        sink = SmtpSink(port)
        wait_for(lambda: all_sent(database, 5), "the deferred mails to be sent")
        time.sleep(1)  # time for a mail sent twice to show

        assert collections.Counter(sink.subjects) == {f"Mail {n}".encode(): 1 for n in range(5)}
        assert worker.alive(), worker.output()
    finally:
        worker.kill()
        if sink:
            sink.stop()
