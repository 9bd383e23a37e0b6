"""In a real browser: forms on a stored page for visitors without cookies, and no page that
the Content-Security-Policy breaks (no violation reported on home, a story with a video, the
directory with its map)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from blog.models import BlogIndexPage, BlogPage, Reaction
from members.models import Registration

from .browser import offline_context
from .factories import BlogPageFactory

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; serialized_rollback brings back what the
    # migrations made (locales, the root page) after each test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STORY = "/nl/verhalen/de-all-inclusive-wijk/"
REGISTER = "/nl/initiatieven/aanmelden/"
# Records what the page's own scripts could not do; set up before any page script runs.
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (event) {
    window.__csp.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def fresh_context(browser, live_server):
    """A visitor who has never been here: no cookies, no cache, no network."""
    context = offline_context(browser, live_server)
    context.add_init_script(LISTEN)
    return context, context.new_page()


def send_reaction(page, name):
    page.fill("#id_name", name)
    page.fill("#id_email", "sanne@example.org")
    page.fill("#id_text", f"Wij willen dit ook in Zwolle, zegt {name}.")
    page.check("#id_consent")
    with page.expect_navigation():
        page.locator("#id_text").evaluate("e => e.form.requestSubmit()")


def test_visitors_without_cookies_send_forms_from_a_stored_page(
    browser, live_server, demo, settings
):
    settings.PAGE_CACHE = True
    first_context, first = fresh_context(browser, live_server)
    second_context, second = fresh_context(browser, live_server)

    first.goto(STORY)
    stored = second.goto(STORY)
    assert stored.headers["x-page-cache"] == "hit"
    assert first_context.cookies() == [] and second_context.cookies() == []

    send_reaction(first, "Sanne Visser")
    send_reaction(second, "Kees de Vries")

    for page in (first, second):
        notice = page.locator(".reactions .notice--success").inner_text()
        assert "Bedankt voor je reactie." in notice
    names = set(Reaction.objects.values_list("name", flat=True))
    assert names >= {"Sanne Visser", "Kees de Vries"}

    # A registration from the stored form, too.
    second.goto(REGISTER)
    assert second.goto(REGISTER).headers["x-page-cache"] == "hit"
    second.fill("#id_initiative_name", "Repaircafé Noord")
    second.locator("#id_kind").select_option(index=1)
    second.fill("#id_place", "Groningen")
    second.locator("#id_province").select_option("groningen")
    second.locator("input[name=themes]").first.check()
    second.fill("#id_description", "Elke maand repareren we samen wat stuk is, met koffie.")
    second.fill("#id_name", "Fatima el Amrani")
    second.fill("#id_email", "fatima@example.org")
    second.check("#id_consent")
    with second.expect_navigation():
        second.locator("#id_email").evaluate("e => e.form.requestSubmit()")
    assert Registration.objects.filter(initiative_name="Repaircafé Noord").exists()
    assert second.evaluate("window.__csp") == []
    first_context.close()
    second_context.close()


def test_no_page_breaks_the_content_security_policy(browser, live_server, demo):
    index = BlogIndexPage.objects.get(url_path__endswith="/verhalen/")
    BlogPageFactory(
        parent=index,
        title="Wijkkracht in beeld",
        slug="in-beeld",
        body=[
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=abcdefghijk",
                    "title": "Over MAEX",
                    "transcript": "Wat MAEX doet.",
                },
            )
        ],
    )
    # Image renditions are made on the first request; make them here, not under a timeout.
    warm = Client()
    for url in ("/nl/", "/nl/verhalen/in-beeld/", "/nl/initiatieven/"):
        assert warm.get(url).status_code == 200
    context, page = fresh_context(browser, live_server)
    errors = []
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )

    page.goto("/nl/")
    assert page.evaluate("window.__csp") == []

    page.goto("/nl/verhalen/in-beeld/")
    page.get_by_role("button", name="Video afspelen: Over MAEX").click()
    page.wait_for_selector("iframe.video__frame")
    assert page.evaluate("window.__csp") == []

    page.goto("/nl/initiatieven/")
    page.wait_for_selector("[data-map-ready=true]")
    page.wait_for_selector(".leaflet-tile-loaded")
    assert page.evaluate("getComputedStyle(document.querySelector('.leaflet-container')).overflow")
    assert page.evaluate("window.__csp") == []

    assert [error for error in errors if "Content Security Policy" in error] == []
    context.close()


def test_the_admin_editor_and_its_preview_work_under_the_admin_policy(
    browser, live_server, demo, django_user_model
):
    # An editor: no second sign-in step (portal.twofactor asks it of those with personal data).
    editor = django_user_model.objects.create_user("redactie", "r@example.org", "geheim-wachtwoord")
    editor.groups.add(Group.objects.get(name="Editors"))
    story = BlogPage.objects.get(url_path__endswith="/de-all-inclusive-wijk/")
    context, page = fresh_context(browser, live_server)
    page.set_default_timeout(60_000)  # the admin's editor is heavy on a busy machine
    errors = []
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )

    page.goto("/admin/login/")
    page.fill("#id_username", "redactie")
    page.fill("#id_password", "geheim-wachtwoord")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    page.goto(f"/admin/pages/{story.pk}/edit/")
    page.wait_for_selector("[data-side-panel-toggle='preview']")
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("iframe#w-preview-iframe")
    assert "all-inclusive wijk" in frame.locator("h1").inner_text(timeout=20_000)
    assert page.evaluate("window.__csp") == []

    # On the site an editor gets a fresh page with Wagtail's user bar, within the site's policy.
    page.goto(story.url)
    page.wait_for_selector("wagtail-userbar", state="attached")
    assert page.evaluate("window.__csp") == []
    assert [error for error in errors if "Content Security Policy" in error] == []
    context.close()
