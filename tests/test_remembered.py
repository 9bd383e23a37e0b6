"""Pieces of pages remembered under the content version (portal.content.remember): never
older than what is published, never shown in place of a draft, fresh after a Redis restart."""

import re

import pytest
from django.core.cache import cache
from django.test import TestCase
from wagtail.rich_text import RichText

from portal import content

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    QuestionPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_nl):
    page = StandardPageFactory(parent=home_nl, title="Over ons", slug="over-ons")
    page.body = [("paragraph", RichText("<p>Wij zijn een netwerk van buurten.</p>"))]
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    return page


def test_a_published_change_to_the_body_shows_at_once(client, page):
    assert "netwerk van buurten" in client.get(page.url).text  # the body is now remembered

    page.body = [("paragraph", RichText("<p>Wij zijn een netwerk van dorpen.</p>"))]
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    response = client.get(page.url)

    assert "netwerk van dorpen" in response.text
    assert "netwerk van buurten" not in response.text


def test_a_preview_shows_the_draft_body_not_the_remembered_live_one(client, page):
    client.get(page.url)
    page.body = [("paragraph", RichText("<p>Concepttekst voor de redactie.</p>"))]
    page.save_revision()

    preview = page.make_preview_request()

    assert "Concepttekst voor de redactie" in preview.content.decode()
    assert "Concepttekst" not in client.get(page.url).text


def test_every_visitor_gets_a_fresh_form_key_in_a_remembered_form(client, home_nl):
    questions = QuestionPageFactory(parent=home_nl)

    def token():
        html = client.get(questions.url).text
        return re.search(r'name="form_token" value="([^"]+)"', html)[1], html

    first, first_html = token()
    second, second_html = token()

    assert first != second
    assert first_html.replace(first, "") == second_html.replace(second, "")


def test_a_restarted_cache_starts_a_version_never_used_before():
    before = content.content_version()
    content.remember("probe", build=lambda: "oud")

    cache.clear()  # what a Redis restart does: the version is forgotten

    assert content.content_version() != before
    assert content.remember("probe", build=lambda: "nieuw") == "nieuw"


def test_search_puts_a_title_match_before_a_mention_in_the_text(client, home_nl):
    index = BlogIndexPageFactory(parent=home_nl)
    BlogPageFactory(parent=index, title="Nieuws uit Deventer", intro="Over de voedselbank.")
    BlogPageFactory(parent=index, title="Voedselbank opent in Zwolle", intro="Een nieuwe plek.")

    response = client.get("/nl/zoeken/", {"q": "voedselbank"})

    text = response.text
    assert text.index("Voedselbank opent in Zwolle") < text.index("Nieuws uit Deventer")
