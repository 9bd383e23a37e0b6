"""The public pages' security grade, scored as the Mozilla HTTP Observatory scores a site
(its published rules: start at 100, a penalty or a bonus per test, A+ from 100).

The Observatory itself cannot reach this machine, so its rules are applied here to the
answers of ``/nl/`` and ``/en/`` with the production settings' security values, behind
HTTPS (the proxy terminates TLS and says so in X-Forwarded-Proto).
"""

import re

import pytest

from .test_security import production

pytestmark = pytest.mark.django_db

SECURITY_SETTINGS = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
]


@pytest.fixture
def as_in_production(settings):
    values = production(
        f"print(json.dumps({{name: getattr(settings, name) for name in {SECURITY_SETTINGS!r}}}))"
    )
    for name, value in values.items():
        setattr(settings, name, value)
    return values


def directives(policy):
    return {
        name: sources for name, *sources in (part.split() for part in policy.split(";") if part)
    }


def score(https, http):
    """(score, {test: points}) of an HTTPS answer and the plain-HTTP answer of one address."""
    points = {}
    policy = directives(https.get("Content-Security-Policy", ""))
    script = policy.get("script-src", policy.get("default-src"))
    if not policy or script is None:
        points["csp"] = -25
    elif "'unsafe-inline'" in script or "'unsafe-eval'" in script or "*" in script:
        points["csp"] = -20
    elif policy.get("default-src") == ["'none'"] or (
        policy.get("default-src") == ["'self'"] and "frame-ancestors" in policy
    ):
        points["csp"] = 10 if policy.get("default-src") == ["'none'"] else 5
    else:
        points["csp"] = 0
    cookies = list(https.cookies.values())
    if any(not cookie["secure"] for cookie in cookies):
        points["cookies"] = -20
    elif cookies and all(cookie["httponly"] and cookie["samesite"] for cookie in cookies):
        points["cookies"] = 5
    else:
        points["cookies"] = 0
    points["cors"] = -50 if https.get("Access-Control-Allow-Origin") == "*" else 0
    location = http.get("Location", "")
    points["redirection"] = (
        0 if http.status_code in (301, 302, 307, 308) and location.startswith("https://") else -20
    )
    referrer = https.get("Referrer-Policy", "")
    points["referrer"] = (
        5
        if referrer
        in ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")
        else -5
        if referrer in ("unsafe-url", "no-referrer-when-downgrade")
        else 0
    )
    hsts = https.get("Strict-Transport-Security", "")
    max_age = int((re.search(r"max-age=(\d+)", hsts) or [0, 0])[1])
    points["hsts"] = (
        -20 if not hsts else -10 if max_age < 15768000 else (5 if "preload" in hsts else 0)
    )
    points["sri"] = 0 if not re.search(rb'<script[^>]+src="https?://', https.content) else -5
    points["nosniff"] = 0 if https.get("X-Content-Type-Options") == "nosniff" else -5
    framed = https.get("X-Frame-Options") in ("DENY", "SAMEORIGIN")
    points["frame"] = 5 if "frame-ancestors" in policy else 0 if framed else -20
    return 100 + sum(points.values()), points


@pytest.mark.parametrize("address", ["/nl/", "/en/"])
def test_the_public_pages_grade_a_plus(client, home_nl, home_en, as_in_production, address):
    https = client.get(address, secure=True)
    http = client.get(address, secure=False)

    total, points = score(https, http)

    assert https.status_code == 200
    assert total >= 100, points  # A+
    assert points["csp"] > 0 and points["hsts"] >= 0 and points["redirection"] == 0, points
