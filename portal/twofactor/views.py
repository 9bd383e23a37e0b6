"""The admin's second sign-in step, its setup, and the screens around it.

``verify`` and ``setup`` are what the middleware sends an unverified session to; they look
like Wagtail's sign-in page (no menu: the session may not use the admin yet). The recovery
codes are handed over once, through the session, on the page right after they are made
(post/redirect/get); afterwards only their number is shown.
"""

import base64
import logging

import django_otp
import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import (
    authenticator,
    must_verify,
    new_recovery_codes,
    recovery_codes_left,
    requires_second_factor,
    reset,
)
from .forms import app_code_form, recovery_code_form

logger = logging.getLogger(__name__)

NEW_CODES_SESSION_KEY = "portal_twofactor_new_codes"
APP_DEVICE_NAME = "authenticator app"


def next_url(request):
    """Where to go once verified: the page asked for, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def with_next(name, target):
    return f"{reverse(name)}?{urlencode({'next': target})}"


def signed_in(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def mark_verified(request, device):
    # A session that gains the second factor gets a new key, as one that gains a user does.
    request.session.cycle_key()
    django_otp.login(request, device)


@never_cache
@sensitive_post_parameters()
@signed_in
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of signing in: a code from the app, or one recovery code."""
    user = request.user
    target = next_url(request)
    if user.is_verified() or not must_verify(user):
        return redirect(target)
    if authenticator(user) is None:
        return redirect(with_next("portal_twofactor_setup", target))

    data = request.POST if request.method == "POST" else None
    recovery = data is not None and "recovery-code" in data
    app_form = app_code_form(user, None if recovery else data)
    recovery_form = recovery_code_form(user, data if recovery else None)
    form = recovery_form if recovery else app_form
    if data is not None and form.is_valid():
        mark_verified(request, form.device)
        if recovery:
            left = recovery_codes_left(user)
            messages.warning(
                request,
                ngettext(
                    "You signed in with a recovery code; %(count)s code is left. "
                    "Make new ones under Account → Two-factor sign-in.",
                    "You signed in with a recovery code; %(count)s codes are left. "
                    "Make new ones under Account → Two-factor sign-in.",
                    left,
                )
                % {"count": left},
            )
        return redirect(target)
    if data is not None:
        logger.info("Wrong second-factor code for user %s", user.pk)
    return TemplateResponse(
        request,
        "portal/twofactor/verify.html",
        {"app_form": app_form, "recovery_form": recovery_form, "next": target},
    )


def qr_code(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def grouped(secret):
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters()
@signed_in
@require_http_methods(["GET", "POST"])
def setup(request):
    """Link an authenticator app: a QR code and the secret as text, confirmed by a first code."""
    user = request.user
    target = next_url(request)
    if authenticator(user) is not None:
        if user.is_verified():
            return redirect("portal_twofactor_manage")
        return redirect(with_next("portal_twofactor_verify", target))

    # The same secret on every visit until it is confirmed: a reload or a second tab does
    # not invalidate what the app has already scanned.
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        if request.method == "POST":
            return redirect(with_next("portal_twofactor_setup", target))
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)

    form = app_code_form(user, request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device = form.device
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
        mark_verified(request, device)
        request.session[NEW_CODES_SESSION_KEY] = new_recovery_codes(user)
        logger.info("User %s set up two-factor sign-in", user.pk)
        return redirect(with_next("portal_twofactor_recovery_codes", target))

    secret = base64.b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "portal/twofactor/setup.html",
        {
            "form": form,
            "next": target,
            "qr_code": qr_code(device.config_url),
            "secret": grouped(secret),
            "required": requires_second_factor(user),
        },
    )


@never_cache
@signed_in
def recovery_codes(request):
    """The recovery codes just made, shown this once."""
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    if not codes:
        messages.info(
            request,
            gettext("Recovery codes are shown only once. You can make new ones here."),
        )
        return redirect("portal_twofactor_manage")
    title = gettext("Your recovery codes")
    return TemplateResponse(
        request,
        "portal/twofactor/recovery_codes.html",
        {"page_title": title, "header_title": title, "codes": codes, "next": next_url(request)},
    )


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def manage(request):
    """Account → Two-factor sign-in: set it up, make new recovery codes, or turn it off."""
    user = request.user
    device = authenticator(user)
    required = requires_second_factor(user)
    action = request.POST.get("action")
    # The middleware lets no unverified session with a device get this far; checked again
    # because this view changes what protects the account.
    if request.method == "POST" and device is not None and user.is_verified():
        if action == "new-codes":
            request.session[NEW_CODES_SESSION_KEY] = new_recovery_codes(user)
            return redirect("portal_twofactor_recovery_codes")
        if action == "turn-off" and not required:
            reset(user)
            messages.success(request, gettext("Two-factor sign-in is turned off."))
            return redirect("portal_twofactor_manage")
    if request.method == "POST":
        return redirect("portal_twofactor_manage")
    title = gettext("Two-factor sign-in")
    return TemplateResponse(
        request,
        "portal/twofactor/manage.html",
        {
            "page_title": title,
            "header_title": title,
            "device": device,
            "required": required,
            "codes_left": recovery_codes_left(user) if device else 0,
        },
    )


def may_reset(actor, user):
    # As Wagtail's own rule for editing users: only a superuser touches a superuser.
    return actor.has_perm(f"{user._meta.app_label}.change_user") and (
        actor.is_superuser or not user.is_superuser
    )


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def reset_user(request, user_id):
    """An administrator removes someone's second factor (a lost or new phone)."""
    user = get_object_or_404(get_user_model(), pk=user_id)
    if not may_reset(request.user, user):
        raise PermissionDenied
    if request.method == "POST":
        reset(user)
        logger.info("User %s reset the second factor of user %s", request.user.pk, user.pk)
        messages.success(
            request,
            gettext(
                "The second factor of %(name)s is removed. They set up a new one the next "
                "time they sign in."
            )
            % {"name": user.get_username()},
        )
        return redirect("wagtailusers_users:index")
    title = gettext("Reset two-factor sign-in")
    return TemplateResponse(
        request,
        "portal/twofactor/reset.html",
        {
            "page_title": title,
            "header_title": title,
            "target": user,
            "has_device": authenticator(user) is not None,
        },
    )
