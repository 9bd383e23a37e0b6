"""Pieces of pages remembered under the content version (portal.content.remember): never
older than what is published, never shown in place of a draft, fresh after a Redis restart."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.rich_text import RichText

from portal import content, routing
from portal.templatetags.portal_tags import page_numbers

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    QuestionPageFactory,
    StandardPageFactory,
)
from .utils import card_titles, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_nl):
    page = StandardPageFactory(parent=home_nl, title="Over ons", slug="over-ons")
    page.body = [("paragraph", RichText("<p>Wij zijn een netwerk van buurten.</p>"))]
    publish(page)
    return page


def test_a_published_change_to_the_body_shows_at_once(client, page):
    assert "netwerk van buurten" in client.get(page.url).text  # the body is now remembered

    page.body = [("paragraph", RichText("<p>Wij zijn een netwerk van dorpen.</p>"))]
    publish(page)
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


def test_a_listing_remembers_its_page_of_ids_until_a_story_is_published(client, home_nl):
    index = BlogIndexPageFactory(parent=home_nl)
    publish(BlogPageFactory(parent=index, title="Eerste verhaal"))
    assert card_titles(client.get(index.url)) == ["Eerste verhaal"]

    with CaptureQueriesContext(connection) as warm:
        client.get(index.url)
    newer = BlogPageFactory(parent=index, title="Tweede verhaal", live=False)
    publish(newer)
    response = client.get(index.url)

    assert not [query for query in warm if "blog_blogpage" in query["sql"]]
    assert card_titles(response) == ["Tweede verhaal", "Eerste verhaal"]
    assert "2 verhalen" in response.text


def test_filters_and_page_numbers_are_remembered_apart(client, home_nl):
    index = BlogIndexPageFactory(parent=home_nl)
    for day in range(1, 15):
        BlogPageFactory(parent=index, title=f"Verhaal {day:02}", date=datetime.date(2026, 3, day))

    first, second, first_again = (
        client.get(index.url),
        client.get(index.url, {"page": 2}),
        client.get(index.url, {"page": "1"}),
    )

    assert card_titles(second) == ["Verhaal 02", "Verhaal 01"]
    assert card_titles(first) == card_titles(first_again)
    assert len(card_titles(first)) == 12
    assert client.get(index.url, {"page": 3}).status_code == 404


def test_an_editor_gets_the_page_as_it_is_now_not_as_remembered(client, admin_client, page):
    client.get(page.url)
    Page.objects.filter(pk=page.pk).update(title="Over ons, vernieuwd")

    assert "Over ons, vernieuwd" in admin_client.get(page.url).text


def test_a_visitor_gets_a_copy_of_the_remembered_page_not_the_page_itself(client, page):
    client.get(page.url)
    found = routing.find_page(RequestFactory().get(page.url), [page.url_path])
    found.title = "Veranderd door een verzoek"

    assert "Veranderd door een verzoek" not in client.get(page.url).text


@pytest.mark.parametrize(
    ("current", "shown"),
    [
        (1, [1, 2, 3, None, 20]),
        (7, [1, None, 5, 6, 7, 8, 9, None, 20]),
        (20, [1, None, 18, 19, 20]),
    ],
)
def test_page_links_show_the_ends_and_the_neighbours_never_every_page(current, shown):
    paginator = Paginator(range(200), 10)

    assert page_numbers(paginator.page(current)) == shown


def test_a_search_asked_again_reads_neither_the_index_nor_the_pages(client, home_nl):
    index = BlogIndexPageFactory(parent=home_nl)
    publish(BlogPageFactory(parent=index, title="Voedselbank opent in Zwolle"))
    client.get("/nl/")  # site settings are made on the first request
    first = client.get("/nl/zoeken/", {"q": "voedselbank"})

    with CaptureQueriesContext(connection) as again:
        second = client.get("/nl/zoeken/", {"q": "voedselbank"})

    assert "Voedselbank opent in Zwolle" in second.text
    assert first.text == second.text
    read = [query["sql"] for query in again]
    assert not [sql for sql in read if "wagtail" in sql or "blog" in sql]
