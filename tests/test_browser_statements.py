"""The statements and the translation note in a real browser: axe-core in both languages."""

import pytest
from wagtail.models import Page

from .browser import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_statements_and_translation_notes_have_no_axe_violations(browser_page, demo):
    about = Page.objects.get(locale__language_code="nl", slug="over-ons").specific
    about.intro = "Wijkkracht verbindt nu nog meer initiatieven."
    about.save_revision().publish()

    for url in (
        "/nl/privacyverklaring/",
        "/nl/toegankelijkheidsverklaring/",
        "/en/privacy-statement/",
        "/en/accessibility-statement/",
        "/en/about-us/",
    ):
        browser_page.goto(url)
        assert axe_violations(browser_page) == [], url
    assert browser_page.locator(".translation-note--behind a[hreflang=nl]").count() == 1
