"""The SQLite default serves a web server with an admin: concurrent writes wait, never fail.

On the default database, publishing a story within seconds of typing gave a 500
(``database is locked`` in ``save_revision``) while the editor's session ping wrote, and the
body text was lost. Two deferred transactions that both read and then both write deadlock in
SQLite, and its busy timeout cannot help; a transaction that takes the write lock when it
begins (IMMEDIATE) waits for the other instead.
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

from portal.settings import base


def connect(path, alias):
    options = base.DATABASES["default"]["OPTIONS"]
    wrapper = DatabaseWrapper(
        {
            **settings.DATABASES["default"],
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            "OPTIONS": options,
            "TEST": {},
        },
        alias=alias,
    )
    wrapper.ensure_connection()
    # transaction.atomic(using=alias) finds it here; the handler is per thread.
    connections[alias] = wrapper
    return wrapper


@pytest.fixture(autouse=True)
def own_database_files(django_db_blocker):
    """These tests open their own database files, not the test database."""
    with django_db_blocker.unblock():
        yield


def test_the_default_database_is_set_up_for_concurrent_writers(tmp_path):
    wrapper = connect(tmp_path / "db.sqlite3", "check")
    with wrapper.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert base.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    wrapper.close()
    del connections["check"]


def test_a_revision_saved_while_the_session_pings_does_not_fail(tmp_path):
    path = tmp_path / "db.sqlite3"
    setup = connect(path, "setup")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, body TEXT)")
        cursor.execute("CREATE TABLE session (id INTEGER PRIMARY KEY, seen REAL)")
        cursor.execute("INSERT INTO session (id, seen) VALUES (1, 0)")
    setup.close()
    del connections["setup"]
    errors, saved, pings = [], [], []
    started = threading.Barrier(2)

    def publish():
        wrapper = connect(path, "publish")
        try:
            started.wait()
            # Wagtail reads before it writes: the pattern that deadlocks when deferred.
            with transaction.atomic(using="publish", savepoint=False), wrapper.cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM revision").fetchone()
                time.sleep(0.3)
                cursor.execute("INSERT INTO revision (body) VALUES ('De nieuwe tekst')")
            saved.append(True)
        except Exception as error:
            errors.append(error)
        finally:
            wrapper.close()
            del connections[wrapper.alias]

    def ping():
        wrapper = connect(path, "ping")
        try:
            started.wait()
            for _ in range(5):
                with transaction.atomic(using="ping", savepoint=False), wrapper.cursor() as cur:
                    cur.execute("SELECT seen FROM session WHERE id = 1").fetchone()
                    time.sleep(0.05)
                    cur.execute("UPDATE session SET seen = ? WHERE id = 1", [time.time()])
                pings.append(True)
        except Exception as error:
            errors.append(error)
        finally:
            wrapper.close()
            del connections[wrapper.alias]

    threads = [threading.Thread(target=publish), threading.Thread(target=ping)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert saved == [True]
    assert len(pings) == 5
