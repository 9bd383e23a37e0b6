import html
import io
import re
from urllib.parse import unquote

import polib
from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from portal.submissions import reference_from_thanks_token

CARD_TITLE = re.compile(r'<a class="card__link" href="[^"]*">([^<]*)</a>')


def card_titles(response):
    """The titles of the cards a listing shows, in order, as the visitor reads them."""
    return [html.unescape(title) for title in CARD_TITLE.findall(response.text)]


def count_queries(client, url, cached=True, **headers):
    """SQL queries of a warm request: the URL is fetched once, then counted.

    With ``cached=False`` the cache is emptied in between, so that fragments kept under the
    content version (menus, home sections, figures) are built again and counted too.
    """
    if not cached:
        cache.clear()
    first = client.get(url, **headers)
    assert first.status_code == 200, (url, first.status_code)
    if not cached:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(queries)


def publish(page):
    """What an editor's "Publish" does, with the work queued for after the commit run."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()


def thanked_reference(response):
    """The reference a redirect to a thank-you page names. The signed token carries the
    time in seconds, so two redirects to one submission may differ in their token."""
    token = response["Location"].split("?t=")[1]
    return reference_from_thanks_token(unquote(token))


def to_english(msgid):
    return f"[en] {msgid}"


def translated(page, language="en"):
    """A published copy of ``page`` in another language, the quick way (for fixtures); the
    one it has when it has one already (a profile from a registration gets its translation
    when it is approved: members.registration)."""
    locale = Locale.objects.get(language_code=language)
    if (existing := page.get_translation_or_none(locale)) is not None:
        return existing.specific
    with TestCase.captureOnCommitCallbacks(execute=True):
        copy = page.copy_for_translation(locale, copy_parents=True)
        copy.save_revision().publish()
    return copy.specific


def translate_through_admin(client, page, translate=to_english):
    """What a translator does: submit for translation, download the PO file, fill it in,
    upload it, publish. ``client`` is logged in as an editor. Returns the English page."""
    locale = Locale.objects.get(language_code="en")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.id]),
            {"locales": [locale.id]},
        )
        assert response.status_code == 302, response.content[:2000]
    return finish_translation(client, page, translate)


def finish_translation(client, page, translate=to_english):
    """The translator's part: download the PO file of the page's English translation, fill
    in every segment, upload it, publish. Returns the English page."""
    locale = Locale.objects.get(language_code="en")
    target = page.get_translation(locale)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    po = polib.pofile(
        client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.id])
        ).content.decode()
    )
    for entry in po:
        entry.msgstr = translate(entry.msgid)
    upload = io.BytesIO(str(po).encode())
    upload.name = "translation.po"
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.id]), {"action": "publish"}
        )
        assert response.status_code == 302, response.content[:2000]
    target.refresh_from_db()
    return target.specific


def verify_second_factor(client, user):
    """Mark the client's session as having passed the second sign-in step, with a real
    confirmed authenticator app of the user (made if they have none), as the verify page does."""
    import django_otp
    from django.http import HttpRequest
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)
    request = HttpRequest()
    request.session = client.session
    request.user = user
    django_otp.login(request, device)
    request.session.save()
    return device


def sign_in_with_password(client, user, password="geheim-wachtwoord-1"):
    """Only the first step, through Wagtail's sign-in form: the session is not verified."""
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.get_username(), "password": password}
    )
    assert response.status_code == 302, response.content[:2000]
    return response


def rows_holding(*needles):
    """``table: [row, ...]`` of every table whose rows hold any of ``needles``."""
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (names from the schema)
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row).lower()
                if any(needle.lower() in text for needle in needles):
                    found.setdefault(table, []).append(row)
    return found


BOUNDARY = "----grens7MA4YWxkTrZu0gW"


def multipart_body(fields, files=(), *, final=True):
    """A form post as raw bytes, built by hand so that a test can send what no browser
    would: ``files`` are (field name, file name as bytes, content) triples; ``final=False``
    leaves out the closing boundary. Send it with ``content_type=MULTIPART``."""
    parts = []
    for name, values in fields.items():
        for value in values if isinstance(values, list) else [values]:
            parts.append(
                f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
    for name, file_name, content in files:
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"; filename="'.encode()
            + file_name
            + b'"\r\nContent-Type: application/octet-stream\r\n\r\n'
            + content
            + b"\r\n"
        )
    if final:
        parts.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(parts)


MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"
