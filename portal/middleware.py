import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control

# Addresses outside i18n_patterns: an unknown one there is a plain 404, not a redirect to a
# Dutch page (every /nl/... address looks valid to Django because Wagtail serves any path).
UNPREFIXED = ("/admin/", "/documents/", "/static/", "/media/", "/.well-known/", "/api/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)


ADMIN_PREFIX = "/admin/"
COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/geo+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
)


def public_policy():
    """The Content-Security-Policy of the public site: nothing inline, nothing from elsewhere
    but the map tiles and, once a visitor asks for it, a privacy-friendly video player."""
    images = ["'self'", "data:", origin(settings.MAP_TILE_URL), origin(settings.MEDIA_URL)]
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": images,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": list(settings.CSP_FRAME_SOURCES),
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        "manifest-src": ["'self'"],
    }
    return join_policy(directives)


def admin_policy():
    """Wagtail's admin writes inline scripts and styles and shows images and embeds from
    anywhere an editor points it; it keeps the rest: no plugins, no framing by others, no
    forms or base URL elsewhere."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "media-src": ["'self'", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
    return join_policy(directives)


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def join_policy(directives):
    return "; ".join(
        " ".join([name, *dict.fromkeys(source for source in sources if source)])
        for name, sources in directives.items()
    )


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response; admin answers are
    never stored by a browser or proxy. (SecurityMiddleware adds HSTS, nosniff, the
    Referrer-Policy and Cross-Origin-Opener-Policy from the settings.)"""

    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = public_policy()
        self.admin_policy = admin_policy()

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path_info.startswith(ADMIN_PREFIX)
        # Django's debug pages (DEBUG only) are styled inline; a browser's PDF viewer may
        # refuse to run under a policy (documents are served inline).
        debug_page = settings.DEBUG and response.status_code in (404, 500)
        if not debug_page and not response.get("Content-Type", "").startswith("application/pdf"):
            response.headers.setdefault(
                "Content-Security-Policy", self.admin_policy if admin else self.public_policy
            )
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if admin and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class CompressionMiddleware(GZipMiddleware):
    """Gzip for text answers that are the same for everyone.

    BREACH recovers a secret from the size of compressed answers that also reflect what an
    attacker sends. Public pages hold no secret: no CSRF token (portal.routing), nothing
    personal. Answers that may hold one are left uncompressed: anything private or not to be
    stored (forms with errors, thank-you pages with their reference, editors' pages), the
    admin, and any answer for which a CSRF token was handed out. They are few and small.
    (Django adds random padding to gzip answers as well, since 4.2.)
    """

    def process_response(self, request, response):
        cache_control = response.get("Cache-Control", "")
        if (
            "private" in cache_control
            or "no-store" in cache_control
            or request.path_info.startswith(ADMIN_PREFIX)
            or settings.CSRF_COOKIE_NAME in response.cookies
            or not response.get("Content-Type", "").startswith(COMPRESSIBLE)
        ):
            return response
        return super().process_response(request, response)


# Control characters no visitor ever sends in an address: PostgreSQL refuses NUL in text (a
# query with one failed, and the visitor got the outage page), the others end up in logs.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def has_control_characters(request):
    """In the path or the query string. Posted forms are left to their fields, which refuse
    NUL with a message at the field and keep everything else that was typed."""
    if CONTROL_CHARACTERS.search(request.path_info):
        return True
    return any(
        CONTROL_CHARACTERS.search(key) or CONTROL_CHARACTERS.search(value)
        for key, values in request.GET.lists()
        for value in values
    )


class ControlCharacterMiddleware:
    """Answers 400, with a short page in the visitor's language, for a path or query string
    that holds a control character (NUL above all), before anything reaches the page cache,
    a view or the database: listing filters, search and Wagtail's own routes read the query
    string directly. A posted form's fields refuse NUL themselves (Django's CharField), with
    a message at the field, keeping what was typed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request):
            return bad_request(request)
        return self.get_response(request)


def bad_request(request):
    language = translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request)
    with translation.override(language):
        # No context processors: nothing here may need the database.
        response = HttpResponseBadRequest(
            render_to_string("400.html", {"request": request}),
            content_type="text/html; charset=utf-8",
        )
        response["Content-Language"] = language
    patch_cache_control(response, private=True, no_store=True)
    return response
