"""Home in a real browser: keyboard alone, and axe-core in both languages."""

import pytest
from playwright.sync_api import expect

from .browser import axe_violations, offline_context, tab_to

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; serialized_rollback brings back what the
    # migrations made (locales, the root page) after each test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_home_has_no_axe_violations(browser_page, demo, language):
    browser_page.goto(f"/{language}/")

    assert browser_page.locator("html").get_attribute("lang") == language
    assert axe_violations(browser_page) == []


def test_home_menu_and_language_switch_by_keyboard_alone(browser_page, demo):
    browser_page.goto("/nl/")

    browser_page.keyboard.press("Tab")
    expect(browser_page.locator(".skip-link")).to_be_focused()
    tab_to(browser_page, lambda el: el.evaluate("e => e.textContent.trim()") == "Initiatieven")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**/nl/initiatieven/")

    tab_to(browser_page, lambda el: el.evaluate("e => e.getAttribute('hreflang')") == "en")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**/en/initiatives/")
    assert browser_page.locator("h1").inner_text() == "Initiatives"


def test_menu_folds_behind_a_button_on_a_phone_and_opens_by_keyboard(browser, live_server, demo):
    context = offline_context(browser, live_server, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto("/nl/")
    menu = page.locator("#main-nav-list")
    expect(menu).to_be_hidden()

    tab_to(page, lambda el: el.evaluate("e => e.classList.contains('main-nav__toggle')"))
    toggle = page.locator(".main-nav__toggle")
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    # menu.js opens and closes the menu: wait for what it does, not for a moment.
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()
    assert axe_violations(page) == []
    context.close()
