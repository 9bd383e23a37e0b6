"""``make bench`` and ``make audit``: the production settings, on this machine, over HTTP.

Everything production reads from the environment gets a local default here, so that the
measurements run the code exactly as gunicorn runs it in production (DEBUG off, whitenoise
with compressed hashed files, Redis when ``REDIS_URL`` answers). Never for a real site.
"""

import os

from django.conf import settings as _unused  # noqa: F401

BASE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
for _name in ("DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "STATIC_ROOT", "MEDIA_ROOT"):
    if os.environ.get(_name) == "":
        del os.environ[_name]  # an empty variable counts as unset here
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("CSRF_TRUSTED_ORIGINS", "http://127.0.0.1")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE}/var/bench/bench.sqlite3")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/10")
os.environ.setdefault("STATIC_ROOT", f"{BASE}/var/bench/static")
os.environ.setdefault("MEDIA_ROOT", f"{BASE}/var/bench/media")
os.environ.setdefault("PRIVATE_MEDIA_ROOT", f"{BASE}/var/bench/private")
os.environ.setdefault("SERVE_MEDIA", "true")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")

from .production import *  # noqa: E402, F403

WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
# Plain HTTP on 127.0.0.1: cookies marked Secure would never come back.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}  # noqa: F405
if os.environ.get("BENCH_CACHE") == "locmem":  # no Redis on this machine
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# No worker runs here: background tasks (search index updates among them) run at once, and
# mail goes nowhere.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
