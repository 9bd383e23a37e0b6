"""Signing in to the admin: wrong passwords are throttled per account and per address, and
only a POST signs out (portal/signin.py).

Found in an attack on a production-like instance: fifty wrong passwords for one account and
twenty accounts with one password each were all answered at once, the right password worked
afterwards, and ``GET /admin/logout/`` answered 405 but signed the editor out.
"""

import datetime
import re

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "lang-genoeg-wachtwoord-1"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        username="redacteur", password=PASSWORD, is_superuser=True
    )


# The sign-in page speaks the admin's default language, Dutch.
THROTTLED = "Te vaak een verkeerd wachtwoord"


def sign_in(client, username, password, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def without_tokens(text):
    return re.sub(r"[A-Za-z0-9]{32,}", "", text)


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_fifty_wrong_passwords_shut_the_account_and_the_right_one_waits_for_the_cool_off(
    client, editor
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        answers = [sign_in(client, "redacteur", f"raden-{n}") for n in range(50)]
        refused = sign_in(client, "redacteur", PASSWORD)
    with time_machine.travel(start + datetime.timedelta(seconds=settings.LOGIN_COOL_OFF + 1)):
        after_cool_off = sign_in(client, "redacteur", PASSWORD)

    assert all(answer.status_code == 200 for answer in answers)
    assert not signed_in(refused)
    assert THROTTLED in refused.text
    assert THROTTLED not in answers[0].text
    assert signed_in(after_cool_off)


def test_one_password_each_for_twenty_accounts_from_one_address_is_throttled(client, editor):
    limit = settings.LOGIN_FAILURE_LIMITS["address"]
    answers = [sign_in(client, f"account-{n}", "welkom01") for n in range(20)]
    refused = sign_in(client, "redacteur", PASSWORD)

    assert limit < 20
    assert not any(THROTTLED in answer.text for answer in answers[:limit])
    assert all(THROTTLED in answer.text for answer in answers[limit:])
    assert not signed_in(refused)


def test_another_address_still_signs_in_to_an_account_guessed_at_from_elsewhere(
    client, editor, settings
):
    # The account is shut for everyone (an attacker can rotate addresses), but only briefly.
    for n in range(settings.LOGIN_FAILURE_LIMITS["account"]):
        sign_in(client, "redacteur", f"raden-{n}", REMOTE_ADDR="203.0.113.5")
    other_account = get_user_model().objects.create_user(username="ander", password=PASSWORD)

    shut = sign_in(client, "redacteur", PASSWORD, REMOTE_ADDR="198.51.100.8")
    other = sign_in(client, other_account.username, PASSWORD, REMOTE_ADDR="203.0.113.5")

    assert not signed_in(shut)
    assert other.status_code == 302


def test_an_unknown_account_gets_the_same_answer_as_a_known_one(client, editor):
    limit = settings.LOGIN_FAILURE_LIMITS["account"]
    for username in ("redacteur", "niemand"):
        for n in range(limit):
            sign_in(client, username, f"raden-{n}", REMOTE_ADDR=f"192.0.2.{len(username)}")
    known = sign_in(client, "redacteur", PASSWORD, REMOTE_ADDR="192.0.2.100")
    unknown = sign_in(client, "niemand", PASSWORD, REMOTE_ADDR="192.0.2.101")

    assert known.status_code == unknown.status_code == 200
    assert without_tokens(known.text).replace("redacteur", "niemand") == without_tokens(
        unknown.text
    )


def test_the_address_behind_the_proxy_is_counted_not_the_proxys(client, editor, settings):
    settings.NUM_PROXIES = 1
    for n in range(settings.LOGIN_FAILURE_LIMITS["address"]):
        sign_in(
            client,
            f"account-{n}",
            "welkom01",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )

    attacker = sign_in(
        client, "redacteur", PASSWORD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    colleague = sign_in(
        client, "redacteur", PASSWORD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )

    assert not signed_in(attacker)
    assert signed_in(colleague)


def test_a_few_typing_errors_do_not_stand_in_the_way(client, editor):
    for n in range(settings.LOGIN_FAILURE_LIMITS["account"] - 1):
        sign_in(client, "redacteur", f"raden-{n}")

    assert signed_in(sign_in(client, "redacteur", PASSWORD))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_login_for_restricted_pages_is_throttled_too(client, home_nl, editor, language):
    url = f"/{language}/_util/login/"
    for n in range(settings.LOGIN_FAILURE_LIMITS["account"]):
        client.post(url, {"username": "redacteur", "password": f"raden-{n}"})

    response = client.post(url, {"username": "redacteur", "password": PASSWORD})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_sign_in_works_while_the_cache_is_down(client, editor, monkeypatch):
    from portal import signin

    def down(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(signin.cache, "get_many", down)
    monkeypatch.setattr(signin.cache, "add", down)

    assert sign_in(client, "redacteur", "raden").status_code == 200
    assert signed_in(sign_in(client, "redacteur", PASSWORD))


# Signing out


def test_a_get_to_the_logout_neither_signs_out_nor_fails(admin_client, home_nl):
    response = admin_client.get("/admin/logout/")

    assert response.status_code == 405
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert admin_client.get("/admin/").status_code == 200


def test_a_post_to_the_logout_signs_out(admin_client, home_nl):
    response = admin_client.post("/admin/logout/")

    assert response.status_code == 302
    assert admin_client.get("/admin/").status_code == 302
