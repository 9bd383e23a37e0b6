"""Audits of every public page type in both languages: the Nu HTML Checker and axe-core.

The page types come from the demo content (portal.pagetypes), so a new page model, route or
view joins these audits by itself. Select them with ``-m audit``. The HTML checker is the
npm package vnu-jar (pinned in package.json, installed by ``make install-test``); it runs as
one service for the whole run (tests/vnu.py). axe-core runs in Debian's Chromium.

Each language and app is its own test (a page type belongs to the app of its model; views
such as the search, and any app not named here, to "other"), so that no test spends long and
a failure names where it is. Together they check every page type: ``GROUPS`` covers them all
by construction, and test_the_audits_cover_every_page_type checks the list itself.
"""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings

from portal.pagetypes import public_page_types

from . import vnu
from .browser import axe_violations

# Every specific page model the demo has, at least; more join as the apps add them.
EXPECTED = {
    "home.HomePage",
    "home.StandardPage",
    "blog.BlogIndexPage",
    "blog.BlogPage",
    "members.MemberIndexPage",
    "members.MemberPage",
    "livinglabs.LivingLabIndexPage",
    "livinglabs.LivingLabPage",
    "calls.OpenCallPage",
    "search",
}
LANGUAGES = ["nl", "en"]
APPS = ["home", "blog", "members", "livinglabs", "calls"]
GROUPS = [*APPS, "other"]

pytestmark = pytest.mark.audit

# The page types of each language, found once per worker: the demo is the same in every
# test, and finding them renders every page type once.
_found = {}


def checked_names(page_types):
    return {page_type.name for page_type in page_types}


def group_of(page_type):
    app = page_type.name.split(":")[0].split(".")[0]
    return app if app in APPS and "." in page_type.name else "other"


def page_types_of(client, language, group=None):
    if language not in _found:
        _found[language] = public_page_types(languages=[language], client=client)
    return [
        page_type for page_type in _found[language] if group is None or group_of(page_type) == group
    ]


@pytest.mark.django_db
def test_the_audits_cover_every_page_type(client, demo):
    page_types = [page for language in LANGUAGES for page in page_types_of(client, language)]

    assert checked_names(page_types) >= EXPECTED
    assert {page_type.language for page_type in page_types} == set(LANGUAGES)
    for language in LANGUAGES:
        for app in APPS:
            assert page_types_of(client, language, app), (language, app)
    assert {group_of(page_type) for page_type in page_types} == set(GROUPS)


@pytest.fixture(scope="session")
def vnu_url():
    """The shared checker (started by conftest's pytest_sessionstart), ready to answer."""
    if not vnu.available():
        pytest.skip("the HTML audit needs Java 17 and node_modules/vnu-jar (make install-test)")
    url = os.environ.get(vnu.ENV)
    if not url:  # e.g. a worker started by hand: a service of its own, stopped at the end
        url = vnu.start()
        yield vnu.wait(url)
        vnu.stop()
        return
    yield vnu.wait(url)


@pytest.mark.django_db
@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_vnu_finds_no_errors(client, demo, vnu_url, language, group):
    errors = []
    for page_type in page_types_of(client, language, group):
        messages = vnu.check(vnu_url, client.get(page_type.url).content)
        errors += [
            f"{page_type.label} {page_type.url} line "
            f"{message.get('lastLine')}: {message['message']} "
            f"«{message.get('extract', '').strip()}»"
            for message in messages
            if message["type"] == "error" or message.get("subType") == "fatal"
        ]
    assert errors == [], "\n".join(errors)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations(browser_page, demo, client, language, group):
    found = []
    for page_type in page_types_of(client, language, group):
        browser_page.goto(page_type.url)
        found += [
            f"{page_type.label} {page_type.url}: {line}" for line in axe_violations(browser_page)
        ]
    assert found == [], "\n".join(found)


def test_audit_tools_are_pinned():
    package = json.loads((Path(settings.BASE_DIR) / "package.json").read_text())
    versions = package["devDependencies"]
    assert versions["vnu-jar"][0].isdigit() and versions["lighthouse"] == "12.8.2"
    assert os.path.exists(Path(settings.BASE_DIR) / "package-lock.json")
