"""Two-factor sign-in in a real browser: a reviewer sets up an app from the secret on the
page, keeps the recovery codes, signs out and in again with a code, and reaches the
applications; axe-core on the setup and verify pages."""

import base64
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.oath import totp

from calls.permissions import REVIEWER_GROUP

from .browser import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "geheim-wachtwoord-1"


def sign_in(page, next_path):
    page.goto(f"/admin/login/?next={next_path}")
    page.fill("input[name=username]", "beoordelaar")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def app_code(secret, drift=0):
    key = base64.b32decode(secret.replace(" ", ""))
    return f"{totp(key, drift=drift):06d}"


def test_a_reviewer_sets_up_an_app_and_signs_in_with_a_code(browser_page, home_nl):
    page = browser_page
    reviewer = get_user_model().objects.create_user(
        "beoordelaar", "beoordelaar@wijkkracht.example", PASSWORD, first_name="Bea"
    )
    reviewer.groups.add(Group.objects.get(name=REVIEWER_GROUP))

    sign_in(page, "/admin/applications/")

    assert page.url.split("?")[0].endswith("/admin/two-factor/setup/")
    assert page.locator("h1").inner_text() == "Tweestapsaanmelding instellen"
    assert page.locator("img[src^='data:image/svg+xml']").get_attribute("alt")
    assert axe_violations(page) == []
    secret = page.locator("#secret").inner_text()
    page.get_by_label("Code uit je authenticator-app").fill(app_code(secret))
    with page.expect_navigation():
        page.get_by_role("button", name="Bevestigen en doorgaan").click()

    codes = page.locator(".twofactor-codes code").all_inner_texts()
    assert len(codes) == 10
    assert all(re.fullmatch(r"[a-z2-7]{8}", code) for code in codes)
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("link", name="Ik heb ze bewaard, doorgaan").click()
    assert page.url.endswith("/admin/applications/")

    page.locator(".sidebar-footer__account").click()
    with page.expect_navigation():
        page.get_by_text("Uitloggen", exact=True).click()
    assert "/admin/login/" in page.url
    sign_in(page, "/admin/applications/")

    assert page.url.split("?")[0].endswith("/admin/two-factor/verify/")
    assert axe_violations(page) == []
    # The code of the next 30 seconds: the one used for setup is spent (no replay).
    page.get_by_label("Code uit je authenticator-app").fill(app_code(secret, drift=1))
    with page.expect_navigation():
        page.get_by_role("button", name="Controleren").click()

    assert page.url.endswith("/admin/applications/")
    assert page.locator("h1").first.inner_text().strip() != "Tweede stap van aanmelden"
