"""The test database, migrated once per change of the code, and the demo built on it once.

Migrating takes each xdist worker 10-20 s and ``load_demo`` 20-40 s more; either lands on
whichever test first asks for the database or the demo. Instead, before any worker starts
(``pytest_sessionstart`` of the controller), one subprocess migrates a scratch SQLite file,
runs ``load_demo`` on it and keeps, under ``var/test-template/<key>/``:

- ``db.sqlite3``: the migrated database, as pytest-django's ``create_test_db`` would leave it;
- ``serialized.json``: what ``serialized_rollback`` restores after a flush (the same text
  ``create_test_db`` makes);
- ``demo.pickle``: the demo's rows (tests/snapshot.py), taken inside a transaction that was
  then rolled back, exactly as the ``demo_rows`` fixture took them in each worker before,
  plus the image renditions its pages show (made once here, not in every test);
- ``media/`` and ``private/``: the files those rows name (the demo's images).

Each worker copies the file into its in-memory test database with SQLite's backup API (what
Django's own parallel runner does) and reads the demo rows from the pickle: milliseconds.
The key is a hash of every Python file of the apps and of this package's builders, so a
change to a model, a migration or a demo builder builds it again. PostgreSQL keeps
pytest-django's own setup (migrate per worker) and builds the demo once per worker.

``python -m tests.demo_template`` builds it by hand; the suite does when it is missing.
"""

import contextlib
import fcntl
import hashlib
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
ROOT = BASE_DIR / "var" / "test-template"
SOURCES = ["portal", "home", "blog", "members", "livinglabs", "calls"]
BUILDERS = ["tests/demo_template.py", "tests/snapshot.py", "requirements.txt"]
# The template folder this worker's test database was copied from (conftest.django_db_setup).
copied = None


def usable():
    """True when the tests run on SQLite (no DATABASE_URL, or a SQLite one)."""
    url = os.environ.get("DATABASE_URL", "")
    return not url or url.startswith("sqlite")


def key():
    digest = hashlib.sha256(sys.version.encode())
    files = [BASE_DIR / name for name in BUILDERS]
    for package in SOURCES:
        files += sorted((BASE_DIR / package).rglob("*.py"))
    for path in files:
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def folder():
    return ROOT / key()


@contextlib.contextmanager
def _locked():
    """One build at a time, across pytest runs in this worktree."""
    ROOT.mkdir(parents=True, exist_ok=True)
    with open(ROOT / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def ensure():
    """The template's folder, built first when missing (in a subprocess; ~30-60 s)."""
    target = folder()
    if (target / "demo.pickle").exists():
        return target
    with _locked():
        if (target / "demo.pickle").exists():
            return target
        for old in ROOT.iterdir():
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
        scratch = Path(tempfile.mkdtemp(prefix="build-", dir=ROOT))
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"REDIS_URL", "PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT"}
        }
        env["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
        env["DATABASE_URL"] = f"sqlite:///{scratch / 'db.sqlite3'}"
        result = subprocess.run(
            [sys.executable, "-m", "tests.demo_template", str(scratch)],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            shutil.rmtree(scratch, ignore_errors=True)
            raise RuntimeError(f"building the test database failed:\n{result.stderr[-5000:]}")
        scratch.rename(target)
    return target


def copy_into(connection, target):
    """Fill ``connection``'s (in-memory) SQLite database from the template's file."""
    import sqlite3

    connection.ensure_connection()
    source = sqlite3.connect(f"file:{target / 'db.sqlite3'}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def copy_media(target):
    """The demo's files into this worker's media folders (the rows name them)."""
    from django.conf import settings

    for name, destination in (
        ("media", settings.MEDIA_ROOT),
        ("private", settings.PRIVATE_MEDIA_ROOT),
    ):
        if (target / name).exists():
            shutil.copytree(target / name, destination, dirs_exist_ok=True)


def demo_rows(target):
    """The demo's rows, with their models again (tests/snapshot.py's shape)."""
    from django.apps import apps

    with open(target / "demo.pickle", "rb") as file:
        stored = pickle.load(file)  # noqa: S301 - written by build() below, in this worktree
    return {
        table: (apps.get_model(label), columns, pk, rows)
        for table, (label, columns, pk, rows) in stored.items()
    }


def build(scratch):
    """Run in the subprocess: migrate, serialize, load the demo, snapshot it, roll back."""
    import django
    from django.conf import settings

    scratch = Path(scratch)
    settings.MEDIA_ROOT = scratch / "media"
    settings.PRIVATE_MEDIA_ROOT = scratch / "private"
    django.setup()

    from io import StringIO

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import TestCase
    from wagtail.images import get_image_model

    from tests import snapshot

    # What pytest-django's create_test_db does: migrate (syncdb for apps without migrations).
    call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    (scratch / "serialized.json").write_text(connection.creation.serialize_db_to_string())

    with transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())
        rows = snapshot.take()
        _warm_renditions()
        renditions = get_image_model().get_rendition_model()._meta.db_table
        rows.update({table: data for table, data in snapshot.take().items() if table == renditions})
        transaction.set_rollback(True)
    stored = {
        table: (model._meta.label_lower, columns, pk, data)
        for table, (model, columns, pk, data) in rows.items()
    }
    with open(scratch / "demo.pickle", "wb") as file:
        pickle.dump(stored, file)
    connection.close()


def _warm_renditions():
    """Every demo page once, as its first visitor: the image renditions it shows are made
    here, once, instead of in every test that renders a demo page (half a second each,
    several per page; the cause of browser timeouts on a busy machine). Only the rendition
    rows join the snapshot; they name files under media/."""
    from django.test import Client
    from wagtail.models import Page

    from portal.pagetypes import public_page_types

    client = Client()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.get_url()
        if url:
            client.get(url)
    public_page_types(client=client)


if __name__ == "__main__":
    if len(sys.argv) == 2:
        build(sys.argv[1])
    else:
        sys.stdout.write(f"{ensure()}\n")
