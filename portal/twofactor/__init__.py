"""Two-factor sign-in for everyone who can reach personal data.

Who must use it: superusers, members of the groups in ``TWO_FACTOR_GROUPS`` (reviewers,
moderators) and anyone holding a permission in ``TWO_FACTOR_PERMISSIONS`` (the personal-data
page, applications). Any other editor may set it up; once set up, it is asked for as well,
or an optional second factor would protect nothing.

The password step is Wagtail's sign-in, untouched here. After it the session is signed in
but not verified; ``middleware.SecondFactorMiddleware`` keeps such a session out of the admin
until ``views.verify`` (a code from an authenticator app, or a recovery code) or
``views.setup`` (no app yet) calls ``django_otp.login``. django-otp keeps the device in the
session, so signing out, or a new session, asks again. Codes are TOTP (RFC 6238) with
django-otp's throttling: each wrong code doubles the wait before the next attempt.
"""

from django.conf import settings
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery"


def requires_second_factor(user):
    """Whether this user may not use the admin on a password alone."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if user.groups.filter(name__in=settings.TWO_FACTOR_GROUPS).exists():
        return True
    return any(user.has_perm(permission) for permission in settings.TWO_FACTOR_PERMISSIONS)


def authenticator(user):
    """The user's confirmed authenticator app, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def must_verify(user):
    """Whether a session of this user needs a second factor before the admin opens."""
    return requires_second_factor(user) or authenticator(user) is not None


def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones and return them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()


def reset(user):
    """Remove every second factor of the user (a lost phone): they set it up again at their
    next sign-in. Their open sessions stay signed in but lose their verification."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
