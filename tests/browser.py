"""Helpers for browser tests: keyboard walking and axe-core."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.1 A and AA, the Dutch legal standard (via EN 301 549).
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
}


def axe_violations(page):
    """axe-core's violations on the current page, as readable lines (empty when clean)."""
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']}: {violation['help']} ({node['target']})"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def tab_to(page, predicate, limit=60):
    """Press Tab until the focused element satisfies ``predicate(element_handle)``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        if predicate(focused):
            return focused
    raise AssertionError("never reached the element by keyboard")


def focused_text(page):
    return page.evaluate("document.activeElement.textContent.trim()")


def _tile():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), "#e8efe9").save(buffer, "PNG")
    return buffer.getvalue()


TILE = _tile()


def offline_context(browser, live_server, **options):
    """A browser context for the live server that needs no network: PDOK's map tiles and
    YouTube's player are answered here (a page with a map otherwise waits for tiles that
    never come before its load event)."""
    context = browser.new_context(base_url=live_server.url, **{"locale": "nl-NL", **options})
    # Every wait is on a condition (a URL, a selector, the focus); this is only how long one
    # may take before the test calls it broken. A page here answers in a second or two, on a
    # busy two-core machine with the other worker rendering as well.
    context.set_default_timeout(30_000)
    context.route(
        "https://service.pdok.nl/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=TILE),
    )
    context.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>video</p>"),
    )
    return context
