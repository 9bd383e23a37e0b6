"""The programme and a lab in a real browser: keyboard alone, the map, axe-core (nl and en)."""

import datetime
from decimal import Decimal

import pytest

from portal.models import SiteSettings

from ..browser import axe_violations, tab_to
from ..factories import (
    ImageFactory,
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    MemberIndexPageFactory,
    MemberPageFactory,
    ThemeFactory,
    lab_parts,
)
from ..utils import translated

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
def programme(home_nl, home_en, locale_nl):
    SiteSettings.load()
    directory = MemberIndexPageFactory(parent=home_nl)
    english_directory = translated(directory)
    english_directory.slug = "initiatives"
    english_directory.save_revision().publish()
    member = MemberPageFactory(
        parent=directory, title="Dorpscoöperatie Gerkesklooster-Stroobos", slug="dorpscooperatie"
    )
    translated(member)
    housing = ThemeFactory(name="Wonen", slug="wonen", locale=locale_nl, colour="blue")
    work = ThemeFactory(name="Werk", slug="werk", locale=locale_nl, colour="purple")
    index = LivingLabIndexPageFactory(parent=home_nl)
    translated(index)
    labs = [
        LivingLabPageFactory(
            parent=index,
            title="Generatiehuis Gerkesklooster",
            slug="generatiehuis",
            phase="geborgd",
            place="Gerkesklooster",
            province="friesland",
            latitude=Decimal("53.21700"),
            longitude=Decimal("6.15400"),
            themes=[housing],
            question="Hoe blijven ouderen in het dorp wonen?",
            body=[("paragraph", "<p>We bouwden de school samen om.</p>")],
            results="Twaalf mensen wonen er nu.",
            user_involvement="Bewoners ontwierpen de woningen zelf.",
            co_creation="Samen het huurcontract geschreven.",
            contact_name="Anneke de Vries",
            contact_email="lab@generatiehuis.example",
            gallery=[("image", {"image": ImageFactory(), "caption": "De tuin", "credit": ""})],
            listing_image=ImageFactory(),
            **lab_parts(
                partners=[(member, "initiatief"), ("Woningcorporatie Elkien", "woningcorporatie")],
                cases=[("Generatiehuis", "gestart"), ("Dorpsauto", "idee")],
                figures=[("bewoners", 12)],
                milestones=[
                    (datetime.date(2024, 3, 1), "Start verbouwing"),
                    (datetime.date(2030, 1, 1), "Tweede huis open"),
                ],
            ),
        ),
        LivingLabPageFactory(
            parent=index,
            title="Expeditie Nieuw Amersfoort",
            phase="uitvoering",
            place="Amersfoort",
            province="utrecht",
            latitude=Decimal("52.15610"),
            longitude=Decimal("5.38780"),
            themes=[work],
            **lab_parts(cases=[("Deelbus", "idee")], figures=[("bewoners", 40)]),
        ),
        LivingLabPageFactory(
            parent=index, title="Wijkbedrijf Schalkwijk", phase="opstart", province="noord-holland"
        ),
    ]
    for lab in labs:
        translated(lab)
    return index


@pytest.mark.parametrize(
    ("language", "phase_name", "calendar", "profile"),
    [
        ("nl", "Geborgd", "/mijlpalen/", "/nl/initiatieven/dorpscooperatie/"),
        ("en", "Embedded", "/milestones/", "/en/initiatives/dorpscooperatie/"),
    ],
)
def test_walk_the_programme_to_a_lab_by_keyboard_alone(
    page, programme, language, phase_name, calendar, profile
):
    page.goto(f"/{language}/living-labs/")
    page.wait_for_selector("[data-map-ready]")
    assert page.locator(".leaflet-marker-icon").count() == 2

    phase = tab_to(page, lambda el: el.evaluate("e => e.id") == "id_phase")
    page.keyboard.type(phase_name)
    assert phase.evaluate("e => e.value") == "geborgd"
    tab_to(page, lambda el: el.evaluate("e => e.matches('.directory__filters [type=submit]')"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{language}/living-labs/?*phase=geborgd*")
    assert page.locator("#programme-results").inner_text() == "1 living lab"

    link = tab_to(page, lambda el: el.evaluate("e => e.classList.contains('card__link')"))
    assert link.evaluate("e => e.textContent") == "Generatiehuis Gerkesklooster"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{language}/living-labs/generatiehuis/")
    assert page.locator("h1").inner_text() == "Generatiehuis Gerkesklooster"

    # On the case, the calendar and the partner's profile are reachable by keyboard too;
    # the profile lists the lab (the partner link on both sides).
    download = tab_to(page, lambda el: el.evaluate("e => e.hasAttribute('download')"))
    assert download.evaluate("e => e.getAttribute('href')").endswith(calendar)
    page.reload()
    tab_to(page, lambda el: el.evaluate("e => e.textContent.includes('Gerkesklooster-Stroobos')"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{profile}")
    assert "Generatiehuis Gerkesklooster" in page.locator("#member-labs + ul").inner_text()


PAGES = [
    "/nl/living-labs/",
    "/en/living-labs/",
    "/nl/living-labs/?phase=geborgd&theme=wonen&province=friesland",
    "/en/living-labs/?phase=uitvoering",
    "/nl/living-labs/?phase=bestaat-niet",
    "/nl/living-labs/generatiehuis/",
    "/en/living-labs/generatiehuis/",
    "/nl/initiatieven/dorpscooperatie/",
    "/en/initiatives/dorpscooperatie/",
    "/nl/",
    "/en/",
]


def test_no_axe_violations_on_programme_labs_and_profiles_in_both_languages(page, programme):
    violations = {}
    for url in PAGES:
        page.goto(url)
        if page.locator("[data-map]").count():
            page.wait_for_selector("[data-map-ready]")
        if found := axe_violations(page):
            violations[url] = found

    assert violations == {}
