"""The directory and a profile in a real browser: keyboard alone, the map, axe-core."""

from decimal import Decimal

import pytest

from portal.models import SiteSettings

from .browser import axe_violations, offline_context, tab_to
from .factories import MemberIndexPageFactory, MemberPageFactory, ThemeFactory, organisation_kind
from .utils import translated

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; serialized_rollback brings back what the
    # migrations made (locales, the root page, the kinds) after each test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def page(browser_page):
    """The test's browser tab (tests/conftest.py), by its short name."""
    return browser_page


@pytest.fixture
def network(home_nl, home_en, locale_nl):
    SiteSettings.load()
    index = MemberIndexPageFactory(parent=home_nl)
    english_index = translated(index)
    english_index.slug = "initiatives"
    english_index.save_revision().publish()
    energy = ThemeFactory(name="Energie", slug="energie", locale=locale_nl, colour="teal")
    care = ThemeFactory(name="Zorg", slug="zorg", locale=locale_nl, colour="red", icon="care")
    members = [
        MemberPageFactory(
            parent=index,
            title="Energiecoöperatie Zonnedak",
            kind=organisation_kind("cooperatie"),
            place="Zwolle",
            province="overijssel",
            latitude=Decimal("52.51680"),
            longitude=Decimal("6.08300"),
            themes=[energy],
            needs=[("vrijwilligers", "Energiecoaches")],
        ),
        MemberPageFactory(
            parent=index,
            title="Dorpsenergie Loppersum",
            kind=organisation_kind("cooperatie"),
            place="Loppersum",
            province="groningen",
            latitude=Decimal("53.33280"),
            longitude=Decimal("6.74700"),
            themes=[energy],
        ),
        MemberPageFactory(
            parent=index,
            title="Zorgboerderij De Hooiberg",
            kind=organisation_kind("zorgboerderij"),
            place="Beilen",
            province="drenthe",
            latitude=Decimal("52.85700"),
            longitude=Decimal("6.51400"),
            themes=[care],
            needs=[("materialen", "Kruiwagens"), ("geld", "Een stal", True)],
        ),
        MemberPageFactory(
            parent=index,
            title="Broodfonds Zonder Plek",
            place="Ede",
            province="gelderland",
            latitude=None,
            longitude=None,
            themes=[care],
        ),
    ]
    for member in members:
        translated(member)
    return index


def test_filter_the_directory_by_keyboard_alone_and_see_the_markers(page, network):
    page.goto("/nl/initiatieven/")
    page.wait_for_selector("[data-map-ready]")
    assert page.locator(".leaflet-marker-icon").count() == 3

    theme = tab_to(page, lambda el: el.evaluate("e => e.id") == "id_theme")
    page.keyboard.type("Energie")
    assert theme.evaluate("e => e.value") == "energie"
    tab_to(page, lambda el: el.evaluate("e => e.matches('.directory__filters [type=submit]')"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/nl/initiatieven/?*theme=energie*")

    assert page.locator("#directory-results").inner_text() == "2 initiatieven"
    titles = page.locator(".card__title").all_inner_texts()
    assert sorted(titles) == ["Dorpsenergie Loppersum", "Energiecoöperatie Zonnedak"]
    page.wait_for_selector("[data-map-ready]")
    markers = page.locator(".leaflet-marker-icon")
    assert markers.count() == 2
    alts = markers.evaluate_all("els => els.map(e => e.getAttribute('alt'))")
    assert sorted(alts) == sorted(titles)

    # A marker is reachable by keyboard and opens a popup with a link to the profile.
    marker = tab_to(
        page, lambda el: el.evaluate("e => e.classList.contains('leaflet-marker-icon')")
    )
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup .map__popup-link")
    link.wait_for()
    assert link.inner_text() == marker.evaluate("e => e.getAttribute('alt')")
    assert page.locator(".map__notice").is_hidden()


def test_places_too_close_to_tell_apart_share_one_marker_until_zoomed_in(page, network):
    for title, longitude in [("Repaircafé Lombok", "5.10200"), ("Buurttuin Lombok", "5.10260")]:
        MemberPageFactory(
            parent=network,
            title=title,
            place="Utrecht",
            province="utrecht",
            latitude=Decimal("52.09200"),
            longitude=Decimal(longitude),
        )
    page.goto("/nl/initiatieven/?province=utrecht")
    page.wait_for_selector("[data-map-ready]")

    # Forty metres apart: one disc with their number, named after both, no overlapping pins.
    group = page.locator(".map__group")
    assert group.inner_text() == "2"
    label = group.get_attribute("aria-label")
    assert label.startswith("2 plekken: ")
    assert "Repaircafé Lombok" in label and "Buurttuin Lombok" in label
    assert page.locator(".leaflet-marker-icon").count() == 1
    tab_to(page, lambda el: el.evaluate("e => e.classList.contains('map__group')"))
    page.keyboard.press("Enter")
    links = page.locator(".leaflet-popup .map__popup-link")
    links.first.wait_for()
    assert sorted(links.all_inner_texts()) == ["Buurttuin Lombok", "Repaircafé Lombok"]
    assert axe_violations(page) == []

    # Zoomed in by keyboard, one step at a time, each has its own pin again.
    page.focus(".leaflet-container")
    figure = page.locator("[data-map]")
    zoom = int(figure.get_attribute("data-map-zoom"))
    while figure.get_attribute("data-map-groups") != "2" and zoom < 18:
        page.keyboard.press("+")
        zoom += 1
        page.wait_for_selector(f"[data-map-zoom='{zoom}']", state="attached")
    assert figure.get_attribute("data-map-groups") == "2"
    alts = page.locator(".leaflet-marker-icon").evaluate_all(
        "els => els.map(e => e.getAttribute('alt'))"
    )
    assert sorted(alts) == ["Buurttuin Lombok", "Repaircafé Lombok"]


def test_without_javascript_the_list_is_the_way_in(browser, live_server, network):
    context = offline_context(browser, live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/nl/initiatieven/?province=gelderland")

    assert page.locator(".map").count() == 0 or page.locator(".map").is_hidden()
    assert page.locator(".card__title").all_inner_texts() == ["Broodfonds Zonder Plek"]
    page.goto("/nl/initiatieven/?theme=energie")
    assert page.locator(".map").is_hidden()
    assert page.locator(".card__title").count() == 2
    context.close()


def test_when_the_tiles_fail_the_markers_stay_and_a_notice_points_to_the_list(
    browser_page, network
):
    browser_page.route("https://service.pdok.nl/**", lambda route: route.abort())
    browser_page.goto("/nl/initiatieven/")
    browser_page.wait_for_selector("[data-map-ready]")

    browser_page.locator(".map__notice").wait_for(state="visible")
    assert browser_page.locator(".leaflet-marker-icon").count() == 3
    assert browser_page.locator(".card__title").count() == 4


PAGES = [
    "/nl/initiatieven/",
    "/en/initiatives/?theme=energie&sort=newest",
    "/nl/initiatieven/?theme=bestaat-niet",
    "/nl/initiatieven/zorgboerderij-de-hooiberg/",
    "/en/initiatives/zorgboerderij-de-hooiberg/",
    "/nl/initiatieven/zorgboerderij-de-hooiberg/ik-kan-helpen/",
    "/nl/initiatieven/aanmelden/",
    "/en/initiatives/register/",
    "/nl/initiatieven/cijfers/",
]


def test_no_axe_violations_on_directory_profile_forms_and_figures(page, network):
    # One test for all pages: the network is built once (it takes longer than axe).
    violations = {}
    for url in PAGES:
        page.goto(url)
        if page.locator("[data-map]").count():
            page.wait_for_selector("[data-map-ready]")
        if found := axe_violations(page):
            violations[url] = found

    assert violations == {}


def test_registration_errors_are_reachable_by_keyboard_and_keep_the_input(page, network):
    page.goto("/nl/initiatieven/aanmelden/")
    page.fill("#id_initiative_name", "Repaircafé Noord")
    page.fill("#id_email", "geen-adres")
    page.locator("#id_email").press("Enter")
    # The deferred script moves focus after the summary is parsed: wait for the focus itself.
    page.wait_for_function("() => document.activeElement.classList.contains('error-summary')")

    assert page.locator("#id_initiative_name").input_value() == "Repaircafé Noord"
    assert page.locator("#id_email").input_value() == "geen-adres"
    assert axe_violations(page) == []
