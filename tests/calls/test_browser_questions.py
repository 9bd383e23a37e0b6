"""Asking a question in a real browser, by keyboard alone, in Dutch and in English; axe-core
finds nothing on the question page, the form with errors, the thank-you page and the
question's own page."""

import pytest
from playwright.sync_api import expect

from calls.models import Question

from ..browser import axe_violations, tab_to

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CASES = {
    "nl": {
        "url": "/nl/breng-je-vraag-in/",
        "thanks": "**/nl/breng-je-vraag-in/bedankt/**",
        "theme": "Wonen",
        "text": "Hoe beginnen we met de buren een wijkbedrijf voor het onderhoud van de straat?",
        "follow": "Volg je vraag",
        "summary": "Controleer wat je hebt ingevuld",
    },
    "en": {
        "url": "/en/ask-a-question/",
        "thanks": "**/en/ask-a-question/thanks/**",
        "theme": "Housing",
        "text": "How do we start a neighbourhood company with our neighbours to keep the street?",
        "follow": "Follow your question",
        "summary": "Please check what you filled in",
    },
}


def focus(page, element_id):
    return tab_to(page, lambda el: el.evaluate("e => e.id") == element_id, limit=120)


def fill(page, element_id, text):
    focus(page, element_id)
    page.keyboard.type(text)


def check(page, element_id):
    focus(page, element_id)
    page.keyboard.press("Space")


def back_to(page, element_id, limit=40):
    for _ in range(limit):
        if page.evaluate("document.activeElement.id") == element_id:
            return
        page.keyboard.press("Shift+Tab")
    raise AssertionError(f"never got back to {element_id}")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_ask_a_question_by_keyboard_alone(browser_page, demo, language):
    case = CASES[language]
    page = browser_page
    page.goto(case["url"])
    assert axe_violations(page) == []

    # First send with only a name: the errors are summarised, focused and keep the name.
    fill(page, "id_name", "Noor Bakker")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # A script moves the focus to the summary: wait for the focus itself.
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert case["summary"] in page.locator(".error-summary").inner_text()
    assert page.locator("#id_name").input_value() == "Noor Bakker"
    assert axe_violations(page) == []

    fill(page, "id_email", "noor@example.org")
    check(page, "id_role_0")
    fill(page, "id_municipality", "Deventer")
    focus(page, "id_theme")
    page.keyboard.type(case["theme"])
    fill(page, "id_text", case["text"])
    # A radio group is one tab stop; the arrow keys choose within it: "anonymously".
    focus(page, "id_publish_as_0")
    page.keyboard.press("ArrowDown")
    check(page, "id_consent")
    # Back into a text field with Shift+Tab; Enter there sends the form.
    back_to(page, "id_municipality")
    page.keyboard.press("Enter")

    page.wait_for_url(case["thanks"])
    question = Question.objects.get(email="noor@example.org")
    assert question.language == language
    assert question.theme.slug == "wonen"
    assert question.publish_as == "anonymous"
    assert question.role == "bewoner"
    assert question.reference in page.locator("main").inner_text()
    assert axe_violations(page) == []

    # The asker follows the question by keyboard, before any editor has seen it.
    tab_to(page, lambda el: el.evaluate("e => e.textContent.trim()") == case["follow"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert case["text"] in page.locator("h1").inner_text()
    assert axe_violations(page) == []


def test_a_published_question_page_has_no_axe_violations(browser_page, demo):
    question = Question.objects.filter(state="lab", status="published").first()
    for url in (
        f"/nl/breng-je-vraag-in/{question.reference}/",
        "/en/ask-a-question/?state=answered",
    ):
        browser_page.goto(url)
        assert axe_violations(browser_page) == []
