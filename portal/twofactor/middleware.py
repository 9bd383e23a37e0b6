"""Keeps a session that has passed the password but not the second factor out of the admin.

Everything under /admin/ and /documents/ (private documents are served to editors there) is
closed to such a session, except the sign-in and sign-out pages, password reset, the two
pages that give the second factor, and the static pieces those pages load. A page someone
opens in the browser is redirected to the verify page (or, without an app yet, the setup
page) and comes back afterwards; anything else (posts, the admin API, choosers and other
requests made by script) gets a bare 403: never data, and no redirect a script would follow
into an HTML page it cannot show.

Runs after django-otp's ``OTPMiddleware``, which gives ``request.user.is_verified()``.
"""

from functools import cache

from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext

from . import authenticator, must_verify
from .views import with_next

PROTECTED = ("/admin/", "/documents/")
OPEN_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "portal_twofactor_verify",
    "portal_twofactor_setup",
)


@cache
def open_paths():
    return {reverse(name) for name in OPEN_NAMES}


def is_open(path):
    # Password reset has pages below its own address (done, confirm/<token>/, complete).
    return path in open_paths() or path.startswith(reverse("wagtailadmin_password_reset"))


def wants_page(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith("/admin/api/"):
        return False
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return False
    accept = request.headers.get("Accept", "")
    return "text/html" in accept or "*/*" in accept or not accept


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(PROTECTED) and not is_open(path):
            user = request.user
            if user.is_authenticated and not user.is_verified() and must_verify(user):
                return self.refuse(request, user)
        return self.get_response(request)

    def refuse(self, request, user):
        if not wants_page(request):
            return HttpResponseForbidden(
                gettext("Sign in with your second factor first."), content_type="text/plain"
            )
        step = "portal_twofactor_verify" if authenticator(user) else "portal_twofactor_setup"
        return redirect(with_next(step, request.get_full_path()))
