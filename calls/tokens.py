"""The signed link that reopens a saved draft, without an account.

The signature proves the link was ours; the random key in it must still match the draft's,
so a link can be withdrawn by drawing a new key. A link opens its draft only while the call
is open: it expires when the call closes, also when the closing moment is moved.
"""

import secrets

from django.core import signing

SALT = "calls.resume"


def new_resume_key():
    return secrets.token_urlsafe(24)


def resume_token(application):
    return signing.dumps({"a": application.pk, "k": application.resume_key}, salt=SALT)


def application_for_token(token, queryset):
    """The application the token was made for, or None when it is forged or withdrawn."""
    try:
        data = signing.loads(token or "", salt=SALT)
        pk, key = int(data["a"]), str(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    application = queryset.filter(pk=pk).first()
    if application is None or not application.resume_key:
        return None
    if not secrets.compare_digest(application.resume_key, key):
        return None
    return application
