"""Stories in a real browser: axe-core on index and story, a reaction by keyboard alone."""

import pytest

from blog.models import Reaction

from .browser import axe_violations, tab_to

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; serialized_rollback brings back what the
    # migrations made (locales, the root page) after each test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STORY = {
    "nl": "/nl/verhalen/de-all-inclusive-wijk/",
    "en": "/en/stories/the-all-inclusive-neighbourhood/",
}
INDEX = {"nl": "/nl/verhalen/", "en": "/en/stories/"}


def focused_id(page):
    return page.evaluate("document.activeElement.id")


def test_story_index_and_story_have_no_axe_violations_in_either_language(browser_page, demo):
    # One test for both languages: the demo takes seconds to load.
    for language in ("nl", "en"):
        index = INDEX[language]
        for url in (index, f"{index}?theme=wonen&tag=living-labs", STORY[language]):
            response = browser_page.goto(url)
            assert response.status == 200, url
            assert browser_page.locator("html").get_attribute("lang") == language
            assert axe_violations(browser_page) == [], url


def test_a_reaction_written_by_keyboard_alone_waits_for_moderation(browser_page, demo):
    browser_page.goto(STORY["nl"])

    # First attempt: only name and address, sent with Enter from the address field.
    tab_to(browser_page, lambda el: el.evaluate("e => e.id") == "id_name", limit=150)
    browser_page.keyboard.type("Sanne Visser")
    browser_page.keyboard.press("Tab")
    browser_page.keyboard.type("sanne@example.org")
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")

    # The summary takes the focus and links to the fields; what was typed is still there.
    browser_page.wait_for_function(
        "() => document.activeElement.classList.contains('error-summary')"
    )
    assert browser_page.input_value("#id_name") == "Sanne Visser"
    assert browser_page.input_value("#id_email") == "sanne@example.org"
    assert axe_violations(browser_page) == []
    browser_page.keyboard.press("Tab")
    assert "Vul je reactie in." in browser_page.evaluate("document.activeElement.textContent")
    tab_to(browser_page, lambda el: el.evaluate("e => e.id") == "id_text", limit=10)
    browser_page.keyboard.type("Wij willen dit ook in Zwolle.")
    browser_page.keyboard.press("Enter")
    browser_page.keyboard.type("Wie helpt ons op weg?")
    browser_page.keyboard.press("Tab")
    assert focused_id(browser_page) == "id_consent"
    browser_page.keyboard.press("Space")
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.textContent.trim()") == "Reactie versturen"
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**?reaction=*")

    notice = browser_page.locator(".reactions .notice--success")
    assert "Bedankt voor je reactie." in notice.inner_text()
    assert "wacht op moderatie" in notice.inner_text()
    assert "Wie helpt ons op weg?" in notice.inner_text()
    assert axe_violations(browser_page) == []
    reaction = Reaction.objects.get(name="Sanne Visser")
    assert reaction.status == Reaction.Status.PENDING
    assert reaction.text == "Wij willen dit ook in Zwolle.\nWie helpt ons op weg?"
