"""Signing in and out: a limit on wrong passwords, and a logout that only a POST does.

Found in an attack on a production-like instance: fifty wrong passwords in a row for one
account, and twenty accounts with one password each from one address, were all answered at
once, and the right password worked afterwards. Now failures are counted per account and per
client address (``portal.ratelimit.client_address``, which honours ``NUM_PROXIES``) in the
shared cache, so every gunicorn worker and host counts together (Redis in production). Past
``LOGIN_FAILURE_LIMITS`` within a window of ``LOGIN_COOL_OFF`` seconds, every sign-in for
that account or from that address is refused without checking the password, the right one
included, until the window closes. The window does not grow while an attacker keeps
trying: someone guessing an editor's password can hold the account shut for at most the
cool-off (minutes), never longer, and the editor can sign in as soon as it ends.

The check sits in the password step, in ``ThrottledBackend``, the ``ModelBackend`` of
``AUTHENTICATION_BACKENDS``: every view that calls ``authenticate`` (the admin login, the
login for restricted pages, a later second-factor step after it) is covered without touching
their forms or templates. Unknown and known accounts are counted and refused alike: a refusal
checks no password at all, so it takes the same time for both, and Django's own
``ModelBackend`` already hashes a password for an unknown user. The refused visitor sees the
login form's usual error and a message saying to wait a few minutes.

When the cache cannot be reached, sign-ins are let through (and logged), as the public forms'
rate limit does: a Redis outage must not lock every editor out.

Wagtail's ``LogoutView`` deletes the session cookie on every request, a GET answered with
405 included: any page could sign an editor out with an image. ``LogoutView`` here leaves a
GET alone.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from .ratelimit import client_address

logger = logging.getLogger(__name__)


def throttle_keys(request, credentials):
    """The counters a sign-in attempt falls under: its account and its address, in the
    current window of ``LOGIN_COOL_OFF`` seconds. The window is read from the clock, not
    left to the cache's expiry: it ends at the same moment in every process, in memory as
    in Redis, and a test that moves the clock moves it too."""
    keys = {}
    window = int(time.time() // settings.LOGIN_COOL_OFF)
    username = credentials.get("username")
    if username is not None:
        digest = hashlib.sha256(str(username).encode("utf-8", "replace")).hexdigest()[:32]
        keys["account"] = f"signin:account:{digest}:{window}"
    if request is not None:
        address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
        keys["address"] = f"signin:address:{address}:{window}"
    return keys


def throttled(request, credentials):
    keys = throttle_keys(request, credentials)
    limits = settings.LOGIN_FAILURE_LIMITS
    try:
        counts = cache.get_many(list(keys.values()))
    except Exception:
        logger.warning("Sign-in throttle cache unavailable; letting the attempt through")
        return False
    return any(counts.get(key, 0) >= limits[scope] for scope, key in keys.items())


class ThrottledBackend(ModelBackend):
    """Django's ``ModelBackend``, which first refuses an attempt for an account or from an
    address past its limit (see the module's doc) without checking its password."""

    def authenticate(self, request, **credentials):
        if throttled(request, credentials):
            if request is not None and hasattr(request, "_messages"):
                messages.error(
                    request,
                    _("Too many failed sign-in attempts. Please try again in a few minutes."),
                )
            # Stops Django's authenticate() here: no other backend checks the password.
            raise PermissionDenied
        return super().authenticate(request, **credentials)


@receiver(user_login_failed, dispatch_uid="portal_signin_count_failure")
def count_failure(sender, credentials, request=None, **kwargs):
    try:
        for key in throttle_keys(request, credentials).values():
            # Later failures never extend the window; the key outlives it only to be read.
            if not cache.add(key, 1, timeout=2 * settings.LOGIN_COOL_OFF):
                cache.incr(key)
    except Exception:
        logger.warning("Sign-in throttle cache unavailable; failure not counted", exc_info=True)


@receiver(user_logged_in, dispatch_uid="portal_signin_forget_failures")
def forget_account_failures(sender, request=None, user=None, **kwargs):
    """A successful sign-in clears its account's count (not the address's: one account of
    one's own must not buy more guesses at others)."""
    username = getattr(user, user.USERNAME_FIELD, None) if user is not None else None
    if username is None:
        return
    try:
        cache.delete(throttle_keys(None, {"username": username})["account"])
    except Exception:
        logger.warning("Sign-in throttle cache unavailable", exc_info=True)


class LogoutView(WagtailLogoutView):
    """Wagtail's logout for a POST; any other method is refused and changes nothing."""

    http_method_names = ["post", "options"]

    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)
