"""The Nu HTML Checker as one HTTP service for the whole run, shared by every xdist worker.

Started once, in the background, by the controller's ``pytest_sessionstart`` (its JVM takes
10-30 s to read its schemas: that happens while the other tests run, not in one test's
setup); the workers find it through ``VNU_URL`` in their environment. The port is one the
system hands out, so runs in several worktrees at once do not meet. Each audit test posts
its pages to it and waits until it answers: ``wait`` polls the service itself.
"""

import atexit
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VNU_JAR = BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ENV = "VNU_URL"
# How long a JVM may take to start on a loaded machine before we call it broken.
START_LIMIT = 300

_process = None


def available():
    return bool(shutil.which("java")) and VNU_JAR.exists()


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start():
    """Start the service (not waiting for it) and publish its address in ``VNU_URL``."""
    global _process
    port = _free_port()
    _process = subprocess.Popen(
        [
            shutil.which("java"),
            "-Xss2m",
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "-cp",
            str(VNU_JAR),
            "nu.validator.servlet.Main",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    atexit.register(stop)  # also when the run ends without pytest_sessionfinish
    os.environ[ENV] = f"http://127.0.0.1:{port}/"
    return os.environ[ENV]


def stop():
    global _process
    if _process is not None:
        _process.terminate()
        try:
            _process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            _process.kill()
        _process = None


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def wait(url):
    """Block until the service at ``url`` answers (it is starting), or fail after a while."""
    deadline = time.monotonic() + START_LIMIT
    while not _answers(url):
        if _process is not None and _process.poll() is not None:
            raise RuntimeError(f"the Nu HTML Checker exited with {_process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the Nu HTML Checker at {url} did not start")
        time.sleep(0.2)
    return url


def check(url, html):
    """The checker's messages on one document."""
    request = urllib.request.Request(  # noqa: S310 - 127.0.0.1
        f"{url}?out=json",
        data=html,
        headers={"Content-Type": "text/html; charset=utf-8"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
        return json.loads(response.read())["messages"]
