"""The privacy statement and the accessibility statement ship with the demo, in both
languages, linked from the footer."""

import re

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

STATEMENTS = {
    "nl": {
        "/nl/privacyverklaring/": "Privacyverklaring",
        "/nl/toegankelijkheidsverklaring/": "Toegankelijkheidsverklaring",
    },
    "en": {
        "/en/privacy-statement/": "Privacy statement",
        "/en/accessibility-statement/": "Accessibility statement",
    },
}


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_statements_are_in_the_footer_of_every_page_in_both_languages(demo, client, language):
    for home_url in (f"/{language}/", *STATEMENTS[language]):
        html = footer(client.get(home_url).text)
        for url, title in STATEMENTS[language].items():
            assert f'href="{url}"' in html, (home_url, url)
            assert title in html


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_statement_pages_are_standard_pages_under_the_home_page(demo, client, language):
    for url, title in STATEMENTS[language].items():
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Content-Language"] == language
        assert f'<h1 class="page-title">{title}</h1>' in response.text
        page = response.context["page"]
        assert page.specific_class.__name__ == "StandardPage"
        assert page.depth == 3


def test_the_english_statements_are_translations_of_the_dutch_ones(demo, client):
    for nl_slug, en_slug in (
        ("privacyverklaring", "privacy-statement"),
        ("toegankelijkheidsverklaring", "accessibility-statement"),
    ):
        dutch = Page.objects.get(locale__language_code="nl", slug=nl_slug)
        english = Page.objects.get(locale__language_code="en", slug=en_slug)
        assert dutch.translation_key == english.translation_key
        response = client.get(english.url)
        assert "This page was translated from Dutch" in response.text
        assert f'hreflang="nl" href="http://testserver{dutch.url}"' in response.text


def test_the_dutch_accessibility_statement_has_the_sections_of_the_dutch_model(demo, client):
    page = text(client.get("/nl/toegankelijkheidsverklaring/").text)

    for required in (
        "Status",
        "B: voldoet gedeeltelijk",
        "WCAG 2.1",
        "AA",
        "EN 301 549",
        "Wat we hebben getest, en hoe",
        "axe-core",
        "Nu HTML Checker",
        "toetsenbord",
        "Handmatig",
        "Bekende problemen",
        "Contact",
        "info@wijkkracht.example",
        "binnen vijf werkdagen",
        "Nationale ombudsman",
    ):
        assert required in page, required
    html = client.get("/nl/toegankelijkheidsverklaring/").text
    assert 'href="https://www.nationaleombudsman.nl"' in html


def test_the_english_accessibility_statement_says_the_same(demo, client):
    page = text(client.get("/en/accessibility-statement/").text)

    for required in (
        "B: partially compliant",
        "EN 301 549",
        "axe-core",
        "Known issues",
        "within five working days",
        "Nationale ombudsman",
    ):
        assert required in page, required
    assert "voldoet" not in page


@pytest.mark.parametrize(
    ("url", "required"),
    [
        (
            "/nl/privacyverklaring/",
            [
                "reactie op een verhaal",
                "aanmelding voor de open oproep",
                "bijlagen",
                "Breng je vraag in",
                "aanmelding van een initiatief",
                "Ik kan helpen",
                "reacties op verhalen: 2 jaar",
                "aanmeldingen voor de open oproep: 2 jaar",
                "vragen: 1 jaar",
                "aanmeldingen van initiatieven: 1 jaar",
                "berichten via Ik kan helpen: 1 jaar",
                "bevestigingsmail",
                "persoonlijke link",
                "Algemene verordening gegevensbescherming (AVG)",
                "Autoriteit Persoonsgegevens",
                "privacy@wijkkracht.example",
            ],
        ),
        (
            "/en/privacy-statement/",
            [
                "reaction to a story",
                "application to the open call",
                "attach",
                "Ask a question",
                "registration of an initiative",
                "I can help",
                "reactions to stories: 2 years",
                "applications to the open call: 2 years",
                "questions: 1 year",
                "registrations of initiatives: 1 year",
                "messages through I can help: 1 year",
                "confirmation e-mail",
                "personal link",
                "General Data Protection Regulation (GDPR",
                "privacy@wijkkracht.example",
            ],
        ),
    ],
)
def test_the_privacy_statement_names_every_kind_of_submission_and_its_retention(
    demo, client, url, required
):
    page = text(client.get(url).text)

    for phrase in required:
        assert phrase in page, phrase


def test_the_open_call_links_the_demo_privacy_statement(demo, client):
    html = client.get("/nl/open-oproep/").text

    assert 'href="/nl/privacyverklaring/"' in html


def test_the_privacy_statement_states_the_defaults_the_purge_uses():
    """The demo statement's periods are the kinds' defaults (Settings → Personal data)."""
    from blog.models import Reaction
    from calls.models import Application, Question
    from members.models import HelpOffer, Registration

    assert Reaction.default_retention_days == Application.default_retention_days == 730
    assert Question.default_retention_days == 365
    assert HelpOffer.default_retention_days == Registration.default_retention_days == 365
