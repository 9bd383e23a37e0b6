"""The code fields of the verify and setup pages.

The app code and the recovery code are two forms, not one field for both: a phone shows a
number pad for the app's six digits (``inputmode="numeric"``), which would make the letters
of a recovery code impossible to type. Each form asks only its own kind of device, so a
mistyped app code does not slow down the recovery codes (django-otp throttles per device).
"""

import re

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

WRONG_CODE = _("This code is not right. Check the code and try again.")
TOO_MANY = _("Too many wrong codes. Wait a moment, then try again.")


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app, checked against the user's devices."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Six digits; the app shows a new code every 30 seconds."),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )
    error_messages = {"wrong": WRONG_CODE, "throttled": TOO_MANY}

    def __init__(self, *args, devices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = list(devices)
        self.device = None

    def clean_code(self):
        return re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()

    def clean(self):
        code = self.cleaned_data.get("code")
        if not code:
            return self.cleaned_data
        throttled = False
        for device in self.devices:
            # The row is locked while it is checked, so two posts at once count as two tries.
            with transaction.atomic():
                locked = Device.from_persistent_id(device.persistent_id, for_verify=True)
                if locked is None:
                    continue
                allowed, _reason = locked.verify_is_allowed()
                if not allowed:
                    throttled = True
                    continue
                if locked.verify_token(code):
                    self.device = locked
                    return self.cleaned_data
        error = "throttled" if throttled else "wrong"
        self.add_error("code", forms.ValidationError(self.error_messages[error], code=error))
        return self.cleaned_data


def app_code_form(user, data=None, *, device=None):
    """The app-code form for the user's confirmed app, or for the one being set up."""
    devices = [device] if device else TOTPDevice.objects.devices_for_user(user, confirmed=True)
    return CodeForm(data, devices=devices, prefix="app")


class RecoveryCodeForm(CodeForm):
    code = forms.CharField(
        label=_("Recovery code"),
        help_text=_("One of the codes you saved when you set up two-factor sign-in."),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


def recovery_code_form(user, data=None):
    return RecoveryCodeForm(
        data, devices=StaticDevice.objects.devices_for_user(user), prefix="recovery"
    )
