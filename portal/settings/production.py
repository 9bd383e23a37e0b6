"""Production: everything from the environment. README.md lists every variable."""

import os

import dj_database_url

from . import objectstorage
from .base import *  # noqa: F403


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]  # a KeyError at start-up beats a default key
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
NUM_PROXIES = int(os.environ.get("NUM_PROXIES", "1"))

DATABASES = {
    "default": dj_database_url.parse(
        os.environ["DATABASE_URL"], conn_max_age=600, conn_health_checks=True
    )
}
CACHES = {
    "default": {
        # Degrades to "no cache" while Redis is down (portal/cache.py).
        "BACKEND": "portal.cache.ResilientRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "portal",
        "TIMEOUT": 60 * 60,
    }
}
PAGE_CACHE = os.environ.get("PAGE_CACHE", "on").lower() != "off"
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", str(PAGE_CACHE_MAX_AGE)))  # noqa: F405

# Purge a CDN or caching proxy on publish: an HTTP PURGE endpoint (Varnish, nginx) and/or
# Cloudflare. Neither is set by default.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
MEDIA_URL = os.environ.get("MEDIA_URL", MEDIA_URL)  # noqa: F405
PRIVATE_MEDIA_ROOT = os.environ.get("PRIVATE_MEDIA_ROOT", str(PRIVATE_MEDIA_ROOT))  # noqa: F405
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "false").lower() == "true"
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.path.join(MEDIA_ROOT, "exports")},
    },
    "staticfiles": {"BACKEND": "portal.staticfiles.StaticFilesStorage"},
}
# Open data per address and window: "download=60/60,query=20/60,api=120/60" (seconds).
for _scope, _limit in (
    item.split("=") for item in env_list("OPEN_DATA_RATE_LIMITS") if "=" in item
):
    _count, _window = _limit.split("/")
    OPEN_DATA_RATE_LIMITS = {**OPEN_DATA_RATE_LIMITS, _scope: (int(_count), int(_window))}  # noqa: F405
OPEN_DATA_BUILD_DELAY = int(os.environ.get("OPEN_DATA_BUILD_DELAY", str(OPEN_DATA_BUILD_DELAY)))  # noqa: F405


# More than one host: media and private files in S3-compatible buckets (README, *Object
# storage*). Without S3_* / AWS_* variables the folders above stay in use.
OBJECT_STORAGE = objectstorage.read(os.environ)
if OBJECT_STORAGE:
    MEDIA_URL = os.environ.get("MEDIA_URL") or objectstorage.public_base_url(OBJECT_STORAGE)
    STORAGES = {**STORAGES, **objectstorage.storages(OBJECT_STORAGE, MEDIA_URL)}
    SERVE_MEDIA = False  # nothing is on this host's disk to serve
    PRIVATE_FILE_DOWNLOAD = OBJECT_STORAGE["private_download"]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "WARNING")  # noqa: F405
