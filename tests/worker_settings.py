"""Production settings for the worker started by tests/test_worker_outages.py.

Everything as in production (django-tasks-db, PostgreSQL from DATABASE_URL, SMTP from
EMAIL_HOST/EMAIL_PORT) except the cache, which the worker does not need, and short pauses
between mail attempts, so that a test sees a retry in seconds.
"""

import os

from portal.settings.production import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", EMAIL_BACKEND)  # noqa: F405
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH")
MAIL_RETRY_DELAY = 0.5
MAIL_RETRY_MAX_DELAY = 1
