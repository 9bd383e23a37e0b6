"""Settings shared by every environment. Secret-free: only production reads the environment."""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "portal",
    "home",
    "blog",
    "members",
    "livinglabs",
    "calls",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "whitenoise.runserver_nostatic",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that reads the path or the query string (portal.middleware).
    "portal.middleware.ControlCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise, which serves static files compressed ahead of time.
    "portal.middleware.CompressionMiddleware",
    # Before anything reads a post: notes what the lenient multipart parser would drop.
    "portal.multipart.MultipartMiddleware",
    # Stored pages for anonymous visitors, before anything a stored page does not need.
    "portal.pagecache.PageCacheMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in (portal.twofactor): after the password, before any admin view.
    "django_otp.middleware.OTPMiddleware",
    "portal.twofactor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
    {
        # Plain-text mail (portal.mail): text is never HTML-escaped there ("Residents&#x27;").
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
        # A web server with an admin writes from several threads at once (the editor's
        # session pings every few seconds while a revision is saved): WAL lets readers go on
        # beside a writer, IMMEDIATE takes the write lock when a transaction starts (so a
        # reader never fails to upgrade half-way with "database is locked"), and the busy
        # timeout makes a second writer wait instead of failing.
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            ),
        },
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal",
    }
}

# Whole pages for anonymous visitors (portal/pagecache.py). PAGE_CACHE switches the stored
# copies; the Cache-Control headers for browsers and proxies are sent either way.
PAGE_CACHE = True
PAGE_CACHE_TIMEOUT = 5 * 60
PAGE_CACHE_MAX_AGE = 2 * 60
PAGE_CACHE_STALE_WHILE_REVALIDATE = 60
# Seconds a worker trusts the content version it last read (portal/content.py): a publish
# reaches the other workers within this time; meanwhile a page they hold asks Redis nothing.
CONTENT_VERSION_TRUST = 1.0
# Seconds a remembered fragment stays in the shared cache (portal/content.py): after a bump
# the old version's copies, and the personal data an erasure removed from them, go by then.
REMEMBERED_TIMEOUT = 24 * 60 * 60
# A CDN or caching proxy to purge on publish (Wagtail's frontend cache); none by default.
WAGTAILFRONTENDCACHE = {}
# Translations have their own addresses, purged when they are published: no copies per language.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Wrong passwords are counted per account and per address in the shared cache; past a limit
# every sign-in there is refused, the right password included, until LOGIN_COOL_OFF seconds
# after the first failure have passed (portal/signin.py).
AUTHENTICATION_BACKENDS = ["portal.signin.ThrottledBackend"]
LOGIN_FAILURE_LIMITS = {"account": 5, "address": 15}
LOGIN_COOL_OFF = 5 * 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch first. Every public URL carries its language (i18n_patterns).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True

# wagtail-localize: a page submitted for translation stays a draft in the other language
# until its translation is published, so English visitors never see a live copy that is
# still in Dutch (wagtail-localize #655). We never sync whole locales, which is where
# this setting misbehaves (#743).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
# Uploaded application files and other personal data: never under MEDIA_ROOT, never at a URL.
PRIVATE_MEDIA_ROOT = BASE_DIR / "private"
# Let Django serve image renditions from MEDIA_ROOT/images (development, or a host without
# a proxy in front). Nothing else under MEDIA_ROOT is ever served.
SERVE_MEDIA = True
# How the admin hands out a private file: "stream" it through the permission-checked view, or
# "redirect" to a link the object store signs for a minute (buckets only; calls.admin_views).
PRIVATE_FILE_DOWNLOAD = "stream"

# Public media in MEDIA_ROOT, personal files in PRIVATE_MEDIA_ROOT (portal/storage.py); in
# production S3_* variables move both into buckets (portal/settings/objectstorage.py).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # The built open-data files (portal/exports.py): served by our view only, never at a URL
    # of the storage or by a proxy (only media/images is public). Settings that move
    # MEDIA_ROOT move it too; object storage (django-storages) is a change of this entry.
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT / "exports"},
    },
    "private": {"BACKEND": "portal.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Wagtail's admin reads the token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Wagtail's preview views override this with SAMEORIGIN, so previews still work; browsers
# that know CSP follow its frame-ancestors 'self' (portal.middleware) instead.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (portal.middleware): the video players a visitor may start.
CSP_FRAME_SOURCES = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "display-capture=(), browsing-topics=()"
)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Mail goes out through django-tasks after the submission is committed (portal/mail.py).
DEFAULT_FROM_EMAIL = "Wijkkracht <noreply@wijkkracht.example>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A mail the server does not take is tried again after 2, 4, 8, 16 and 32 minutes, then
# hourly: 50 attempts span about two days before it is marked failed (portal/tasks.py).
MAIL_RETRY_DELAY = 120
MAIL_RETRY_MAX_DELAY = 60 * 60
MAIL_MAX_ATTEMPTS = 50

WAGTAIL_SITE_NAME = "Wijkkracht"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents go through Wagtail's permission-checked view, never straight from MEDIA_ROOT.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx"]
# No SVG: an SVG opened directly can run script.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A file that only starts like an image is a form error, not a server error (portal.images).
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.images.ImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: it would learn which editors are at work (and the admin policy
# allows no plain http images).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

TAGGIT_CASE_INSENSITIVE = True

# Two-factor sign-in (portal.twofactor) for everyone who can reach personal data: superusers,
# these groups (the reviewers of calls.permissions.REVIEWER_GROUP, Wagtail's moderators), and
# anyone with one of these permissions. Other editors may turn it on for themselves.
TWO_FACTOR_GROUPS = ["Beoordelaars", "Moderators"]
TWO_FACTOR_PERMISSIONS = [
    "portal.manage_personal_data",
    "calls.view_application",
    "calls.change_application",
]
# The name authenticator apps show next to the code.
OTP_TOTP_ISSUER = "Wijkkracht"
# django-otp's throttling: after n wrong codes the next try waits factor * 2^(n-1) seconds.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Rate limit for public forms: this many posts per address per window (seconds).
FORM_RATE_LIMIT = (5, 10 * 60)
# The open-data API (portal/api.py): its views set what they need (no authentication, JSON
# only); the schema generator is the only project-wide choice.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "TITLE": "Wijkkracht open data",
    "DESCRIPTION": (
        "Read-only, public data of the network: initiatives, living labs, stories and the "
        "figures, per language (nl, en). Licence and source are in every answer's meta. "
        "See docs/open-data.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    # Its deploy check generates a schema of every route, Wagtail's admin API included;
    # ours is checked against the running API by schemathesis (tests/opendata).
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}
# Open data (portal/exports.py, portal/api.py): requests per address per window (seconds):
# the stored full exports, exports with filters (built for each request), the API.
OPEN_DATA_RATE_LIMITS = {"download": (60, 60), "query": (20, 60), "api": (120, 60)}
# A burst of publishes builds the stored exports once: the worker builds this many seconds
# after the first change. Until then, and for OPEN_DATA_STALE_GRACE seconds more (a queue
# that is behind), the previous file is served; past that a request builds it on the spot.
OPEN_DATA_BUILD_DELAY = 30
OPEN_DATA_STALE_GRACE = 5 * 60
# How long a request waits for another's build of the same export before serving the
# previous file (or, when there is none, building it too).
OPEN_DATA_BUILD_WAIT = 30
# How long the link in a thank-you page or confirmation lets a person see, withdraw or erase
# what they sent (portal.privacy).
PRIVACY_LINK_MAX_AGE_DAYS = 180
# How many reverse proxies sit in front of gunicorn (for the client address in REMOTE_ADDR).
NUM_PROXIES = 0

# Map tiles from PDOK, the Dutch public map service (BRT achtergrondkaart, WebMercator).
MAP_TILE_URL = (
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
)
# Who the map tiles are from; "Map data" before it is in the visitor's language.
MAP_ATTRIBUTION = ("Kadaster", "https://www.kadaster.nl")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "portal": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
