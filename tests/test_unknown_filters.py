"""An unknown filter value on any listing (stories, directory, programme, questions): the
list without it, a message in the visitor's language and a link to the clean address; no
remembered piece or stored page per junk value, and no message in the clean page's copy."""

import html
import re

import pytest

from portal import content

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    MemberIndexPageFactory,
    MemberPageFactory,
    QuestionFactory,
    QuestionPageFactory,
)
from .utils import translated

pytestmark = pytest.mark.django_db

# Per listing: every filter parameter it reads, and what a visitor sees of one item.
LISTINGS = {
    "stories": (("theme", "tag"), "Zonnedaken op de school"),
    "directory": (("theme", "kind", "province", "need", "sort"), "Energiecoöperatie Zonnedak"),
    "programme": (("phase", "theme", "province"), "Lab Schalkwijk"),
    "questions": (("theme", "state"), "Hoe starten we een buurtcoöperatie?"),
}
CASES = [(listing, name) for listing, (names, _item) in LISTINGS.items() for name in names]


@pytest.fixture
def listings(home_nl, home_en):
    """The Dutch and English address of each listing, each with one item in it."""
    blog = BlogIndexPageFactory(parent=home_nl)
    BlogPageFactory(parent=blog, title="Zonnedaken op de school", tags=["MAEX"])
    directory = MemberIndexPageFactory(parent=home_nl)
    MemberPageFactory(parent=directory, title="Energiecoöperatie Zonnedak")
    programme = LivingLabIndexPageFactory(parent=home_nl)
    LivingLabPageFactory(parent=programme, title="Lab Schalkwijk")
    questions = QuestionPageFactory(parent=home_nl)
    QuestionFactory(page=questions, text="Hoe starten we een buurtcoöperatie?")
    pages = {"stories": blog, "directory": directory, "programme": programme}
    pages["questions"] = questions
    return {name: (page.url, translated(page).url) for name, page in pages.items()}


def shown(response):
    return html.unescape(response.text)


@pytest.mark.parametrize(("listing", "name"), CASES)
def test_an_unknown_value_of_any_filter_shows_the_list_with_a_message_in_dutch(
    client, listings, listing, name
):
    dutch, _english = listings[listing]

    response = client.get(dutch, {name: "bogus"})

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "nl"
    assert "“bogus”, dus de lijst" in shown(response)
    assert LISTINGS[listing][1] in shown(response)
    clean = re.escape(dutch)
    assert re.search(rf'href="{clean}(#questions-title)?">Toon de lijst zonder', shown(response))


@pytest.mark.parametrize(("listing", "name"), CASES)
def test_an_unknown_value_of_any_filter_shows_the_list_with_a_message_in_english(
    client, listings, listing, name
):
    _dutch, english = listings[listing]

    response = client.get(english, {name: "bogus"})

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert "“bogus”, so the list" in shown(response)
    assert "Show the list without “bogus”" in shown(response)


# A known value of another filter, which the link to the clean address keeps.
KEPT = {
    "stories": ("tag", "maex"),
    "directory": ("province", "utrecht"),
    "programme": ("province", "utrecht"),
    "questions": ("state", "received"),
}


@pytest.mark.parametrize("listing", LISTINGS)
def test_the_link_drops_only_the_unknown_value_and_keeps_the_other_filters(
    client, listings, listing
):
    dutch, _english = listings[listing]
    kept, value = KEPT[listing]
    unknown = next(name for name in LISTINGS[listing][0] if name != kept)

    response = client.get(dutch, {unknown: "bogus", kept: value})

    assert response.status_code == 200
    clean = re.escape(f"{dutch}?{kept}={value}")
    assert re.search(rf'href="{clean}(#questions-title)?">Toon de lijst zonder', shown(response))


class Recording:
    """The shared cache, noting the keys that are set."""

    def __init__(self, cache):
        self.cache, self.keys = cache, set()

    def set(self, key, *args, **kwargs):
        # Without the content version: the same piece under a newer version is no new key.
        self.keys.add(re.sub(r"^portal:([^:]+):\d+(:|$)", r"\1\2", key))
        return self.cache.set(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.cache, name)


@pytest.mark.parametrize("listing", LISTINGS)
def test_junk_values_add_no_remembered_key(client, listings, listing, monkeypatch):
    dutch, _english = listings[listing]
    names = LISTINGS[listing][0]
    recording = Recording(content.cache)
    monkeypatch.setattr(content, "cache", recording)
    client.get(dutch)
    clean = set(recording.keys)

    for junk in ("bogus", "nog-een", "x" * 300, "'; drop table"):
        assert client.get(dutch, dict.fromkeys(names, junk)).status_code == 200

    assert recording.keys <= clean


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_page_with_a_junk_value_is_not_stored_and_the_message_never_reaches_the_clean_copy(
    client, listings, listing, settings
):
    settings.PAGE_CACHE = True
    dutch, _english = listings[listing]
    name = LISTINGS[listing][0][0]

    junk = client.get(dutch, {name: "bogus"})
    clean = client.get(dutch)
    again = client.get(dutch)

    assert "no-store" in junk["Cache-Control"]
    assert junk["X-Robots-Tag"] == "noindex"
    assert "X-Page-Cache" not in client.get(dutch, {name: "bogus"})
    assert clean["X-Page-Cache"] == "miss" and again["X-Page-Cache"] == "hit"
    assert "bogus" not in clean.text and "bogus" not in again.text
