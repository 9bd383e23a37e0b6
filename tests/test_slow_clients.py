"""gunicorn as the repository configures it (gunicorn.conf.py): slow uploads hold no worker.

With sync workers, three uploads dribbling their bodies (one per worker) made the site
unavailable for as long as they took. Here three such uploads are held open against three
workers while twenty requests for the health check must each answer within two seconds.
The server runs on the test settings with an empty SQLite file: /healthz needs no tables.
"""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path="/healthz", timeout=2):
    started = time.monotonic()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
        return response.status, time.monotonic() - started


@pytest.fixture
def server(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "portal.wsgi",
            "--config",
            str(settings.BASE_DIR / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "3",
            # gunicorn 27's control socket is one path per user: other servers may hold it.
            "--no-control-socket",
        ],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        },
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "gunicorn.log").open("w"),
        start_new_session=True,  # its own process group: the workers go with it
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(port)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        "gunicorn did not start:\n" + (tmp_path / "gunicorn.log").read_text()
                    )
                time.sleep(0.2)
        yield port
    finally:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown, workers included
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def slow_upload(port, stop):
    """A form post of a megabyte, sent a few bytes a second until ``stop`` is set.

    The CSRF cookie makes Django read the body (to find the token) before it answers.
    """
    upload = socket.create_connection(("127.0.0.1", port), timeout=5)
    upload.sendall(
        b"POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Cookie: csrftoken=" + b"a" * 32 + b"\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: 1000000\r\n\r\nfield="
    )

    def dribble():
        while not stop.wait(0.5):
            try:
                upload.sendall(b"xx")
            except OSError:
                return

    threading.Thread(target=dribble, daemon=True).start()
    return upload


def still_waiting(upload):
    """True while the server has neither answered nor closed the upload."""
    upload.setblocking(False)
    try:
        upload.recv(1, socket.MSG_PEEK)  # an answer, or b"" for a closed connection
    except BlockingIOError:
        return True
    finally:
        upload.setblocking(True)
    return False


def test_three_slow_uploads_leave_the_site_answering(server):
    stop = threading.Event()
    uploads = [slow_upload(server, stop) for _ in range(3)]
    try:
        time.sleep(1)  # each upload is with a worker by now

        answers = [get(server) for _ in range(20)]

        assert [status for status, _seconds in answers] == [200] * 20
        assert max(seconds for _status, seconds in answers) < 2
        assert all(still_waiting(upload) for upload in uploads)
    finally:
        stop.set()
        for upload in uploads:
            upload.close()
