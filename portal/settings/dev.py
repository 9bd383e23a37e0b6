"""Local development: SQLite, mail on the console, tasks run at once."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Whole-page cache (portal/pagecache.py): PAGE_CACHE=off while working on templates.
PAGE_CACHE = os.environ.get("PAGE_CACHE", "on").lower() != "off"
