"""The directory: search, every filter alone and combined, sorting, paging, bad input."""

import datetime
import html
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from members.directory import PER_PAGE

from ..factories import ImageFactory, MemberPageFactory, organisation_kind
from ..utils import card_titles, count_queries, translated

pytestmark = pytest.mark.django_db


def titles(response):
    return card_titles(response)


@pytest.fixture
def network(directory, themes):
    """Five initiatives that differ in every way the directory filters on."""
    made = {}
    for title, kind, province, place, theme_slugs, needs in [
        ("Energiecoöperatie Zonnedak", "cooperatie", "overijssel", "Zwolle", ["energie"], []),
        (
            "Buurtmoestuin De Groene Vinger",
            "bewonersorganisatie",
            "utrecht",
            "Utrecht",
            ["voedsel"],
            [("materialen", "Regentonnen")],
        ),
        (
            "Zorgboerderij De Hooiberg",
            "zorgboerderij",
            "drenthe",
            "Beilen",
            ["zorg-welzijn", "voedsel"],
            [("vrijwilligers", "Begeleiders op zaterdag"), ("geld", "Een nieuwe stal", True)],
        ),
        (
            "Dorpsenergie Loppersum",
            "cooperatie",
            "groningen",
            "Loppersum",
            ["energie"],
            [("vrijwilligers", "Energiecoaches")],
        ),
        (
            "Repaircafé Lelystad",
            "stichting",
            "flevoland",
            "Lelystad",
            [],
            [("geld", "Gereedschap", True)],
        ),
    ]:
        made[title] = MemberPageFactory(
            parent=directory,
            title=title,
            kind=organisation_kind(kind),
            province=province,
            place=place,
            themes=[themes[slug] for slug in theme_slugs],
            needs=needs,
        )
    return made


def test_directory_lists_every_live_initiative_by_name(client, network, directory):
    MemberPageFactory(parent=directory, title="Nog niet gepubliceerd", live=False)

    response = client.get(directory.url)

    assert response.status_code == 200
    assert titles(response) == sorted(network)
    assert "5 initiatieven" in response.text
    assert "Nog niet gepubliceerd" not in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=energie", ["Dorpsenergie Loppersum", "Energiecoöperatie Zonnedak"]),
        ("theme=voedsel", ["Buurtmoestuin De Groene Vinger", "Zorgboerderij De Hooiberg"]),
        ("kind=cooperatie", ["Dorpsenergie Loppersum", "Energiecoöperatie Zonnedak"]),
        ("kind=stichting", ["Repaircafé Lelystad"]),
        ("province=drenthe", ["Zorgboerderij De Hooiberg"]),
        ("province=zeeland", []),
        ("need=vrijwilligers", ["Dorpsenergie Loppersum", "Zorgboerderij De Hooiberg"]),
        # A need that is met is no longer asked for.
        ("need=geld", []),
        ("need=materialen", ["Buurtmoestuin De Groene Vinger"]),
    ],
)
def test_each_filter_alone(client, network, directory, query, expected):
    response = client.get(f"{directory.url}?{query}")

    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=energie&kind=cooperatie&province=groningen", ["Dorpsenergie Loppersum"]),
        ("theme=energie&need=vrijwilligers", ["Dorpsenergie Loppersum"]),
        ("theme=voedsel&need=vrijwilligers&kind=zorgboerderij", ["Zorgboerderij De Hooiberg"]),
        ("theme=voedsel&province=utrecht&need=materialen", ["Buurtmoestuin De Groene Vinger"]),
        ("theme=energie&province=drenthe", []),
        (
            "q=energie&kind=cooperatie&sort=newest",
            ["Dorpsenergie Loppersum", "Energiecoöperatie Zonnedak"],
        ),
        (
            "q=zorg&theme=voedsel&province=drenthe&kind=zorgboerderij&need=vrijwilligers",
            ["Zorgboerderij De Hooiberg"],
        ),
    ],
)
def test_filters_combine(client, network, directory, query, expected):
    response = client.get(f"{directory.url}?{query}")

    assert sorted(titles(response)) == sorted(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Part of a compound word, without the accent, in another case.
        ("COOPERATIE", ["Energiecoöperatie Zonnedak"]),
        ("moestuin", ["Buurtmoestuin De Groene Vinger"]),
        # The intro, the place and the needs are searched too.
        ("beilen", ["Zorgboerderij De Hooiberg"]),
        ("energiecoaches", ["Dorpsenergie Loppersum"]),
        ("  repaircafe  ", ["Repaircafé Lelystad"]),
        ("niets dat bestaat", []),
    ],
)
def test_search_by_name_and_text(client, network, directory, query, expected):
    response = client.get(directory.url, {"q": query})

    assert response.status_code == 200
    assert titles(response) == expected


def test_search_finds_the_story_and_the_tags(client, directory):
    member = MemberPageFactory(
        parent=directory,
        title="Wijkbedrijf Zuid",
        body=[("paragraph", "<p>We onderhouden de <b>plantsoenen</b> van de wijk.</p>")],
    )
    member.tags.add("klussendienst")
    member.save_revision().publish()

    assert titles(client.get(directory.url, {"q": "plantsoenen"})) == ["Wijkbedrijf Zuid"]
    assert titles(client.get(directory.url, {"q": "klussendienst"})) == ["Wijkbedrijf Zuid"]
    # Markup is not text.
    assert titles(client.get(directory.url, {"q": "<b>"})) == []


def test_an_empty_search_says_so_and_offers_to_clear(client, network, directory):
    response = client.get(directory.url, {"q": "xyzzy", "theme": "energie"})

    assert "Geen initiatief gevonden" in response.text
    assert f'href="{directory.url}">Alle filters wissen' in response.text


def test_sorting_by_name_and_by_newest(client, directory):
    now = timezone.now()
    for title, days_ago in [("Bravo", 3), ("Alfa", 1), ("Charlie", 2)]:
        member = MemberPageFactory(parent=directory, title=title)
        member.first_published_at = now - datetime.timedelta(days=days_ago)
        member.save()

    assert titles(client.get(directory.url)) == ["Alfa", "Bravo", "Charlie"]
    assert titles(client.get(directory.url, {"sort": "name"})) == ["Alfa", "Bravo", "Charlie"]
    assert titles(client.get(directory.url, {"sort": "newest"})) == ["Alfa", "Charlie", "Bravo"]


def test_pagination_keeps_the_filters(client, directory, themes):
    MemberPageFactory.create_batch(PER_PAGE + 3, parent=directory, themes=[themes["energie"]])
    MemberPageFactory.create_batch(2, parent=directory)

    first = client.get(directory.url, {"theme": "energie", "sort": "newest"})
    second = client.get(directory.url, {"theme": "energie", "sort": "newest", "page": 2})

    assert len(first.context["members"]) == PER_PAGE
    assert len(second.context["members"]) == 3
    assert "?page=2&amp;sort=newest&amp;theme=energie" in first.text
    assert "27 initiatieven" in second.text
    assert not set(titles(first)) & set(titles(second))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"theme": "bestaat-niet"}, "Er is geen thema “bestaat-niet”, dus de lijst toont alle"),
        ({"kind": "multinational"}, "Er is geen soort organisatie “multinational”"),
        ({"province": "vlaanderen"}, "Er is geen provincie “vlaanderen”"),
        ({"need": "macht"}, "Er is geen behoefte “macht”"),
        ({"sort": "random()"}, "Er is geen sortering “random()”, dus de lijst is gesorteerd"),
        ({"theme": "energie' OR 1=1 --"}, "Er is geen thema “energie' OR 1=1 --”"),
    ],
)
def test_an_unknown_filter_value_shows_every_initiative_with_a_message_in_dutch(
    client, network, directory, query, message
):
    response = client.get(directory.url, query)

    assert response.status_code == 200
    assert message in html.unescape(response.text)
    assert titles(response) == sorted(network)
    assert f'href="{directory.url}">Toon de lijst zonder' in response.text
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_an_unknown_value_is_left_out_and_the_other_filters_stay(client, network, directory):
    response = client.get(directory.url, {"province": "drenthe", "kind": "multinational"})

    assert response.status_code == 200
    assert titles(response) == ["Zorgboerderij De Hooiberg"]
    assert "Er is geen soort organisatie “multinational”" in response.text
    assert f'href="{directory.url}?province=drenthe">Toon de lijst zonder' in response.text
    assert 'csv/?province=drenthe" download' in response.text


def test_unknown_values_are_named_in_english_on_the_english_directory(
    client, network, directory_en
):
    response = client.get(directory_en.url, {"need": "macht", "theme": "x" * 500})

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    text = html.unescape(response.text)
    assert "There is no need “macht”, so the list shows initiatives whatever they look for." in text
    assert "There is no theme “" + "x" * 39 + "…”" in text
    assert f'href="{directory_en.url}">Show the list without these choices' in response.text


@pytest.mark.parametrize("page", ["abc", "0", "99", "-1", "1.5"])
def test_a_page_that_does_not_exist_is_a_404(client, network, directory, page):
    assert client.get(directory.url, {"page": page}).status_code == 404


def test_a_very_long_query_is_refused_with_a_message(client, network, directory):
    response = client.get(directory.url, {"q": "x" * 2000})

    assert response.status_code == 400
    assert "hoogstens 100 tekens" in response.text
    assert titles(response) == []


@pytest.mark.parametrize(
    "query", ["'; DROP TABLE members_memberpage; --", "%", "_", "\\", "\x00", "1' OR '1'='1"]
)
def test_sql_looking_text_is_just_text(client, network, directory, query):
    response = client.get(directory.url, {"q": query})

    assert response.status_code in (200, 400)
    assert titles(response) == []
    assert titles(client.get(directory.url)) == sorted(network)


def test_the_directory_refuses_posts(client, directory):
    assert client.post(directory.url, {"q": "x"}).status_code == 405


def test_the_english_directory_filters_on_the_same_codes(client, network, directory, directory_en):
    from ..utils import translated

    for member in network.values():
        translated(member)

    response = client.get(directory_en.url, {"theme": "energie", "kind": "cooperatie"})

    assert response.headers["Content-Language"] == "en"
    assert sorted(titles(response)) == ["Dorpsenergie Loppersum", "Energiecoöperatie Zonnedak"]
    assert "2 initiatives" in response.text
    assert '<option value="energie" selected>[en] Energie</option>' in response.text
    assert '<option value="cooperatie" selected>Cooperative</option>' in response.text
    assert "Cooperative" in response.text  # the kind on the cards


def test_the_form_shows_what_was_chosen_and_works_without_javascript(client, network, directory):
    response = client.get(directory.url, {"theme": "energie", "q": "dorp", "sort": "newest"})

    html = response.text
    assert f'<form class="directory__filters" method="get" action="{directory.url}"' in html
    assert '<option value="energie" selected>Energie</option>' in html
    assert 'value="dorp"' in html
    assert '<option value="newest" selected>' in html
    assert '<button class="button" type="submit">Toon initiatieven</button>' in html
    assert "Zoeken op “dorp”; Thema: Energie" in html


def test_each_choice_of_filters_shows_its_own_form(client, network, directory):
    """The filter form is remembered per query string: one choice never shows another's."""
    client.get(directory.url, {"theme": "energie", "q": "dorp"})

    plain = client.get(directory.url).text
    food = client.get(directory.url, {"theme": "voedsel"}).text

    assert '<option value="energie" selected>' not in plain and 'value="dorp"' not in plain
    assert '<option value="voedsel" selected>' in food
    assert '<option value="energie" selected>' not in food


def test_the_map_gets_the_markers_of_the_listed_initiatives(client, directory):
    MemberPageFactory(
        parent=directory, title="Met plek", latitude=Decimal("53.2"), longitude=Decimal("6.5")
    )
    MemberPageFactory(parent=directory, title="Zonder plek", latitude=None, longitude=None)

    response = client.get(directory.url)

    assert response.context["markers"] == [
        {
            "lat": 53.2,
            "lng": 6.5,
            "title": "Met plek",
            "url": "/nl/initiatieven/met-plek/",
            "text": "Utrecht",
        }
    ]
    html = response.text
    data = html.split('<script id="directory-map-markers" type="application/json">')[1]
    assert json.loads(data.split("</script>")[0])[0]["title"] == "Met plek"
    assert "vendor/leaflet-1.9.4/leaflet.js" in html
    assert 'data-map-tiles="https://service.pdok.nl/' in html
    # The map stays hidden until the script draws it; the list is there regardless.
    assert 'class="map" data-map="directory-map-markers"' in html and "hidden>" in html
    assert "Zonder plek" in html


def test_map_assets_stay_off_pages_without_a_map(client, directory):
    MemberPageFactory(parent=directory, title="Zonder plek", latitude=None, longitude=None)

    assert "leaflet" not in client.get(directory.url).text
    assert "leaflet" not in client.get("/nl/").text


def test_the_directory_links_its_open_data_and_figures(client, network, directory):
    html = client.get(directory.url, {"theme": "energie", "page": 1}).text

    assert 'href="/nl/initiatieven/csv/?theme=energie"' in html
    assert 'href="/nl/initiatieven/geojson/?theme=energie"' in html
    assert 'href="/nl/initiatieven/cijfers/"' in html
    assert 'href="/nl/initiatieven/aanmelden/"' in html


def test_directory_queries_do_not_grow_with_initiatives_or_filters(client, directory, themes):
    image = ImageFactory()

    def build(first, last):
        for n in range(first, last):
            MemberPageFactory(
                parent=directory,
                title=f"Initiatief {n:03}",
                themes=[themes["energie"], themes["voedsel"]],
                listing_image=image,
                needs=[("vrijwilligers", "Handen"), ("geld", "Een bus", True)],
            )

    urls = [
        directory.url,
        f"{directory.url}?theme=energie&kind=bewonersorganisatie&province=utrecht"
        "&need=vrijwilligers&q=initiatief&sort=newest",
    ]
    build(0, 5)
    few = [count_queries(client, url, cached=False) for url in urls]
    build(5, 200)
    many = [count_queries(client, url, cached=False) for url in urls]
    later_page = count_queries(client, f"{directory.url}?page=5", cached=False)

    assert many == few == [later_page, later_page]
    assert max(count_queries(client, url) for url in urls) <= 15


def test_an_untranslated_profile_is_in_both_directories_and_counted_alike(
    client, directory, directory_en
):
    """One definition of an initiative in the network (members.network): the directory in
    each language, its CSV and the figures count the same initiatives."""
    translated_one = MemberPageFactory(parent=directory, title="Energiecoöperatie Zuid")
    translated(translated_one)
    MemberPageFactory(parent=directory, title="Buurtmoestuin West", intro="Samen tuinieren.")

    english = client.get(directory_en.url)
    dutch_csv = b"".join(client.get(f"{directory.url}csv/").streaming_content).decode()
    english_csv = b"".join(client.get(f"{directory_en.url}csv/").streaming_content).decode()
    figures = client.get(f"{directory_en.url}figures/").text

    assert english.status_code == 200
    assert english.text.count('class="card"') == 2
    assert 'lang="nl" hreflang="nl">Buurtmoestuin West</a>' in english.text
    assert '<p class="card__text" lang="nl">Samen tuinieren.</p>' in english.text
    assert english.text.count("Energiecoöperatie Zuid") >= 1
    assert len(dutch_csv.splitlines()) == len(english_csv.splitlines()) == 3
    # Listed as written, at the address where it is: the Dutch profile.
    assert "http://testserver/nl/initiatieven/buurtmoestuin-west/" in english_csv
    assert client.get("/nl/initiatieven/buurtmoestuin-west/").status_code == 200
    assert '<dt class="figures__label">initiatives</dt><dd class="figures__value">2</dd>' in figures
