"""The self-service pages in a real browser: axe-core in both languages, erase by keyboard."""

import pytest

from blog.models import BlogPage, Reaction
from portal.privacy import self_service_path

from .browser import axe_violations, focused_text, tab_to

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_self_service_pages_have_no_axe_violations_and_work_by_keyboard(browser_page, demo):
    story = BlogPage.objects.filter(locale__language_code="nl").first()
    english = Reaction.objects.create(
        page=story, name="Sam", email="sam@example.org", text="Mooi.", language="en"
    )
    reaction = Reaction.objects.create(
        page=story, name="Sanne Visser", email="sanne@example.org", text="Wij ook!"
    )
    for path in (
        self_service_path(english),
        self_service_path(english) + "?download=page",
        self_service_path(reaction) + "?download=page",
        self_service_path(reaction),
    ):
        response = browser_page.goto(path)
        assert response.status == 200, path
        assert axe_violations(browser_page) == [], path
    assert browser_page.locator("html").get_attribute("lang") == "nl"

    tab_to(
        browser_page,
        lambda el: "Mijn persoonsgegevens wissen" in el.evaluate("e => e.textContent"),
        limit=80,
    )
    assert focused_text(browser_page) == "Mijn persoonsgegevens wissen"
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    # One more step before anything is erased, also by keyboard.
    assert "Je persoonsgegevens wissen?" in browser_page.content()
    assert axe_violations(browser_page) == []
    reaction.refresh_from_db()
    assert reaction.erased_at is None
    tab_to(
        browser_page,
        lambda el: "Ja, voorgoed wissen" in el.evaluate("e => e.textContent"),
        limit=80,
    )
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert "Je persoonsgegevens zijn gewist" in browser_page.content()
    assert axe_violations(browser_page) == []
    reaction.refresh_from_db()
    assert reaction.erased_at is not None

    response = browser_page.goto(self_service_path(reaction)[:-4] + "xyz/")
    assert response.status == 400
    assert axe_violations(browser_page) == []
