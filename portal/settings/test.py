"""The test suite. CI runs it twice: on SQLite, and with DATABASE_URL and REDIS_URL set."""

import os

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# make test runs the suite in parallel workers (pytest-xdist: gw0, gw1, ...); each has its own
# folders, test database (pytest-django adds the suffix) and cache keys.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_SUFFIX = f"-{_WORKER}" if _WORKER else ""
MEDIA_ROOT = BASE_DIR / "var" / f"test-media{_SUFFIX}"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / f"test-private{_SUFFIX}"  # noqa: F405
STORAGES["exports"]["OPTIONS"]["location"] = MEDIA_ROOT / "exports"  # noqa: F405
STATIC_ROOT = BASE_DIR / "var" / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests count the queries of rendering; tests/test_cache.py switches the page cache on.
PAGE_CACHE = False
# Tests empty the cache between requests (a Redis restart, a cold build): every request reads
# the version again. tests/test_remembered.py checks the trusted version on its own.
CONTENT_VERSION_TRUST = 0

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A test database need not survive a crash: commits (browser tests and migrations
        # commit often) don't wait for the disk. Changes nothing the tests can see.
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # ResilientRedisCache whose clear() empties only its own worker's keys.
            "BACKEND": "tests.rediscache.WorkerRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"portal-test{_SUFFIX}",
        }
    }
