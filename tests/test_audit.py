"""Audits of every public page type in both languages: the Nu HTML Checker and axe-core.

The page types come from the demo content (portal.pagetypes), so a new page model, route or
view joins these audits by itself. Select them with ``-m audit``. The HTML checker is the
npm package vnu-jar (pinned in package.json, installed by ``make install-test``) and runs
once for all pages, in one JVM; axe-core runs in Debian's Chromium, in one browser session.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from portal.pagetypes import public_page_types

from .browser import axe_violations

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
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

pytestmark = pytest.mark.audit


def checked_names(page_types):
    return {page_type.name for page_type in page_types}


@pytest.mark.django_db
def test_vnu_finds_no_errors_on_any_page_type_in_either_language(client, demo, tmp_path):
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        pytest.skip("the HTML audit needs Java 17 and node_modules/vnu-jar (make install-test)")
    page_types = public_page_types(client=client)
    assert checked_names(page_types) >= EXPECTED
    assert {page_type.language for page_type in page_types} == {"nl", "en"}
    files = {}
    for number, page_type in enumerate(page_types):
        path = tmp_path / f"{number:03d}.html"
        path.write_bytes(client.get(page_type.url).content)
        files[path.name] = page_type

    result = subprocess.run(
        [java, "-Xss2m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]
        + [str(path) for path in sorted(tmp_path.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    # vnu names a file by a URI of its own making (file:/tmp/...): go by the file's name.
    errors = [
        f"{files[message['url'].rsplit('/', 1)[-1]].label} "
        f"{files[message['url'].rsplit('/', 1)[-1]].url} line "
        f"{message.get('lastLine')}: {message['message']} «{message.get('extract', '').strip()}»"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_axe_finds_no_violations_on_any_page_type_in_either_language(browser_page, demo, client):
    page_types = public_page_types(client=client)
    assert checked_names(page_types) >= EXPECTED
    found = []
    for page_type in page_types:
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
