"""Applying in a real browser: by keyboard alone, Enter sends (never saves a draft), and
axe-core finds nothing on the call page, the form with errors and the thank-you page."""

import pytest
from playwright.sync_api import expect

from calls.models import Application, OpenCallPage

from ..browser import axe_violations, tab_to
from .conftest import PDF

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def focus(page, element_id):
    return tab_to(page, lambda el: el.evaluate("e => e.id") == element_id, limit=120)


def fill(page, element_id, text):
    focus(page, element_id)
    page.keyboard.type(text)


def check(page, element_id):
    focus(page, element_id)
    page.keyboard.press("Space")


def active_id(page):
    return page.evaluate("document.activeElement.id")


def test_apply_by_keyboard_alone(browser_page, demo, tmp_path):
    page = browser_page
    call = OpenCallPage.objects.get(locale__language_code="nl")
    ids = {block.block_type: f"id_q_{block.id}" for block in call.questions}
    plan = tmp_path / "plan-van-aanpak.pdf"
    plan.write_bytes(PDF)
    page.goto("/nl/open-oproep/")
    assert axe_violations(page) == []

    fill(page, "id_name", "Fatima el Amrani")
    fill(page, "id_email", "fatima@example.org")
    fill(page, "id_phone", "06 12345678")
    check(page, "id_role_0")
    fill(page, "id_municipality", "Haarlem")
    fill(page, "id_neighbourhood", "Schalkwijk")
    focus(page, "id_province")
    page.keyboard.type("Noord-H")
    fill(page, "id_title", "Buurtkeuken Schalkwijk")
    fill(page, "id_question", "Hoe benutten we leegstaande winkels?")
    fill(page, "id_summary", "Een wijkbedrijf voor reparatie en een buurtkeuken.")
    check(page, "id_themes_0")
    fill(page, "id_budget", "45.000")
    fill(page, ids["long_text"], "Bewoners, de corporatie en de ondernemersvereniging.")
    fill(page, ids["number"], "40")
    check(page, f"{ids['choice']}_0")
    check(page, f"{ids['yes_no']}_0")
    # The file: Space on a file input opens the browser's own file chooser, a native dialog
    # that headless Chromium opens late or not at all while the machine is busy (the page
    # has no say in it), so the test does not press it. It checks what the page controls:
    # the input is a tab stop in its place in the form, labelled with the question, and
    # then sets the file as the chooser would.
    upload = focus(page, ids["file"])
    assert upload.evaluate("e => e.type") == "file"
    expect(page.get_by_label("Plan van aanpak")).to_be_focused()
    page.set_input_files(f"#{ids['file']}", str(plan))
    check(page, "id_consent")
    # Back into a text field: Enter there must send the application, not save a draft.
    for _ in range(40):
        if active_id(page) == "id_budget":
            break
        page.keyboard.press("Shift+Tab")
    assert active_id(page) == "id_budget"
    page.keyboard.press("Enter")

    page.wait_for_url("**/nl/open-oproep/bedankt/**")
    application = Application.objects.get(title="Buurtkeuken Schalkwijk")
    assert application.status == "submitted"
    assert application.province == "noord-holland"
    assert application.budget == 45000
    assert application.files.get().name == "plan-van-aanpak.pdf"
    assert application.reference in page.locator("main").inner_text()
    assert axe_violations(page) == []


def test_errors_are_summarised_focused_and_accessible(browser_page, demo):
    page = browser_page
    page.goto("/nl/open-oproep/")

    fill(page, "id_name", "Fatima")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # A script moves the focus to the summary: wait for the focus itself.
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert "Controleer wat je hebt ingevuld" in page.locator(".error-summary").inner_text()
    assert page.locator("#id_name").input_value() == "Fatima"
    assert Application.objects.filter(name="Fatima").count() == 0
    assert axe_violations(page) == []


def test_english_call_page_and_questions_have_no_axe_violations(browser_page, demo):
    browser_page.goto("/en/open-call/")
    assert axe_violations(browser_page) == []
    browser_page.goto("/en/open-call/questions/")
    assert axe_violations(browser_page) == []
