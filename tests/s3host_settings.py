"""Production settings for the gunicorn hosts of tests/storage/test_two_hosts.py.

Everything as in production (PostgreSQL, Redis, the buckets from S3_*), except: plain HTTP on
127.0.0.1 (cookies marked Secure would never come back), static files without the manifest
(no collectstatic for a test), a Redis key prefix of the test's own, and no worker: background
tasks run at once and mail stays in memory.
"""

import os

from portal.settings.production import *  # noqa: F403

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES["default"]["KEY_PREFIX"] = os.environ["CACHE_KEY_PREFIX"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
