"""NUL and other control characters in an address, a query string or a form: a 400 page in
the visitor's language, before anything reaches a query (portal.middleware).

Found in an attack on a production-like instance: ``GET /nl/zoeken/?q=%00`` gave the outage
page, because PostgreSQL refuses NUL in text. SQLite accepts it, so these tests check the
answer itself, not the database's error.
"""

import pytest
from wagtail.models import Page

from blog.models import BlogIndexPage, BlogPage, Reaction
from calls.models import QuestionPage
from livinglabs.models import LivingLabIndexPage
from members.models import MemberIndexPage

pytestmark = pytest.mark.django_db

BAD_REQUEST = {"nl": "Ongeldig verzoek", "en": "Bad request"}


def page_of(model, language):
    return model.objects.live().get(locale__language_code=language)


def listing_urls(language):
    """Every listing filter and the search, each with a NUL in its value or its name."""
    stories = page_of(BlogIndexPage, language).url
    directory = page_of(MemberIndexPage, language).url
    labs = page_of(LivingLabIndexPage, language).url
    questions = QuestionPage.objects.live().filter(locale__language_code=language).first().url
    search = "/nl/zoeken/" if language == "nl" else "/en/search/"
    urls = [f"{search}?q=%00", f"{search}?q=energie%00", f"{search}?q%00=x"]
    urls += [f"{stories}?{name}=%00" for name in ("tag", "theme", "page")]
    urls += [
        f"{directory}?{name}=%00" for name in ("q", "theme", "kind", "province", "need", "sort")
    ]
    urls += [f"{labs}?{name}=%00" for name in ("phase", "theme", "province")]
    urls += [f"{questions}?{name}=%00" for name in ("theme", "state", "page")]
    urls += [f"{stories}?tag=%01", f"{search}?q=a%1Bb", f"{stories}%00/"]
    return urls


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_control_character_in_any_listing_filter_or_the_search_is_a_400(client, demo, language):
    for url in listing_urls(language):
        response = client.get(url)

        assert response.status_code == 400, url
        assert response["Content-Language"] == language, url
        assert BAD_REQUEST[language] in response.text, url
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_same_filters_without_control_characters_still_work(client, demo, language):
    for url in listing_urls(language):
        clean = url.replace("%00", "x").replace("%01", "x").replace("%1B", "x")
        response = client.get(clean)
        assert response.status_code in (200, 404), clean


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_nul_in_a_posted_form_is_refused_at_its_field_keeping_the_rest(client, demo, language):
    story = BlogPage.objects.live().filter(locale__language_code=language).first()
    before = Reaction.objects.count()
    fields = {"name": "Anna\x00", "email": "anna@example.org", "text": "Mooi verhaal."}
    message = {"nl": "Null-tekens zijn niet toegestaan", "en": "Null characters are not allowed"}

    urlencoded = client.post(story.url, fields)
    multipart = client.post(story.url, fields, format="multipart")  # the test client's default
    in_a_key = client.post(story.url, {"name\x00": "Anna", "text": "Mooi"})

    for response in (urlencoded, multipart):
        assert response.status_code == 400
        assert message[language] in response.text
        assert "anna@example.org" in response.text and "Mooi verhaal." in response.text
    assert in_a_key.status_code == 400  # the name is missing: the form says so
    assert Reaction.objects.count() == before


def test_line_breaks_and_tabs_in_a_posted_text_are_not_refused(client, demo):
    story = BlogPage.objects.live().filter(locale__language_code="nl").first()

    response = client.post(story.url, {"text": "Regel een\r\n\tRegel twee"})

    # The form answers its own errors (the other fields are empty), with what was typed.
    assert BAD_REQUEST["nl"] not in response.text
    assert "Regel twee" in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/nl/_util/login/?next=%00",
        "/nl/_util/login/%00/",
        "/en/_util/authenticate_with_password/1/1/?x=%00",
        "/admin/login/?next=%00",
        "/documents/1/%00.pdf",
        "/media/images/%00.jpg",
        "/nl/%00",
        "/en/search/?q=%0D%0ASet-Cookie:x=y",
    ],
)
def test_wagtails_own_routes_and_other_addresses_with_a_nul_are_a_400(client, home_nl, url):
    assert client.get(url).status_code == 400


def test_a_nul_in_an_admin_search_is_a_400(admin_client, home_nl):
    for url in [
        "/admin/pages/search/?q=%00",
        "/admin/snippets/blog/reaction/?q=%00",
        "/admin/snippets/choose/portal/theme/results/?q=%00",
    ]:
        assert admin_client.get(url).status_code == 400, url


def test_the_page_tree_is_untouched_by_a_refused_request(client, demo):
    pages = Page.objects.count()
    client.get("/nl/%00/")
    assert Page.objects.count() == pages
