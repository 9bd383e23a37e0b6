"""Open data and figures: CSV and GeoJSON of the results, totals that add up to the profiles."""

import csv
import io
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.exports import COLUMNS

from ..factories import MemberPageFactory, organisation_kind
from ..utils import card_titles, count_queries, translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(directory, themes):
    return [
        MemberPageFactory(
            parent=directory,
            title="Energiecoöperatie Zonnedak",
            kind=organisation_kind("cooperatie"),
            province="overijssel",
            place="Zwolle",
            latitude=Decimal("52.51680"),
            longitude=Decimal("6.08300"),
            people_reached=2400,
            volunteers=22,
            volunteer_hours_per_week=45,
            themes=[themes["energie"]],
            contact_name="Geheim Persoon",
            contact_email="geheim@example.org",
            public_email="info@zonnedak.example",
            needs=[("ruimte", "Een groot dak")],
        ),
        MemberPageFactory(
            parent=directory,
            title="Zorgboerderij De Hooiberg",
            kind=organisation_kind("zorgboerderij"),
            province="drenthe",
            place="Beilen",
            latitude=None,
            longitude=None,
            people_reached=60,
            volunteers=14,
            volunteer_hours_per_week=55,
            themes=[themes["zorg-welzijn"], themes["voedsel"]],
            contact_email="ook-geheim@example.org",
        ),
        MemberPageFactory(
            parent=directory,
            title="Dorpsenergie Loppersum",
            kind=organisation_kind("cooperatie"),
            province="groningen",
            place="Loppersum",
            people_reached=1300,
            volunteers=None,
            volunteer_hours_per_week=25,
            themes=[themes["energie"]],
        ),
    ]


def body(response):
    """The bytes of an answer: the stored files are streamed, so are filtered lists."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def read_geojson(response):
    return json.loads(body(response))


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    text = body(response).decode()
    return list(csv.DictReader(io.StringIO(text)))


def directory_titles(client, url, query):
    return sorted(card_titles(client.get(url, query)))


@pytest.mark.parametrize(
    "query",
    [{}, {"theme": "energie"}, {"kind": "cooperatie", "province": "groningen"}, {"q": "hooiberg"}],
)
def test_csv_and_geojson_hold_the_directorys_results(client, network, directory, query):
    expected = directory_titles(client, directory.url, query)

    rows = read_csv(client.get(f"{directory.url}csv/", query))
    geojson = client.get(f"{directory.url}geojson/", query)
    features = read_geojson(geojson)["features"]

    assert sorted(row["name"] for row in rows) == expected
    assert sorted(feature["properties"]["name"] for feature in features) == expected
    assert geojson["Content-Type"] == "application/geo+json; charset=utf-8"


def test_csv_has_the_public_fields_in_stable_columns(client, network, directory):
    rows = read_csv(client.get(f"{directory.url}csv/", {"theme": "energie", "sort": "name"}))

    assert list(rows[0]) == COLUMNS
    zonnedak = rows[1]
    assert zonnedak["name"] == "Energiecoöperatie Zonnedak"
    assert zonnedak["url"] == "http://testserver/nl/initiatieven/energiecooperatie-zonnedak/"
    assert zonnedak["kind"] == "Coöperatie" and zonnedak["kind_code"] == "cooperatie"
    assert zonnedak["province"] == "Overijssel" and zonnedak["province_code"] == "overijssel"
    assert zonnedak["themes"] == "Energie" and zonnedak["theme_codes"] == "energie"
    assert (zonnedak["latitude"], zonnedak["longitude"]) == ("52.5168", "6.083")
    assert zonnedak["people_reached"] == "2400"
    assert zonnedak["public_email"] == "info@zonnedak.example"
    assert zonnedak["open_needs"] == "Ruimte: Een groot dak"
    assert zonnedak["open_need_codes"] == "ruimte"


def test_open_data_holds_no_private_field(client, network, directory):
    csv_text = body(client.get(f"{directory.url}csv/")).decode()
    geojson = body(client.get(f"{directory.url}geojson/")).decode()

    for text in (csv_text, geojson):
        for private in ("Geheim Persoon", "geheim@example.org", "ook-geheim@example.org"):
            assert private not in text
        assert "contact" not in text
        assert "search_text" not in text


def test_geojson_places_what_has_coordinates(client, network, directory):
    features = {
        feature["properties"]["name"]: feature
        for feature in read_geojson(client.get(f"{directory.url}geojson/"))["features"]
    }

    assert features["Energiecoöperatie Zonnedak"]["geometry"] == {
        "type": "Point",
        "coordinates": [6.083, 52.5168],
    }
    assert features["Zorgboerderij De Hooiberg"]["geometry"] is None
    assert "latitude" not in features["Zorgboerderij De Hooiberg"]["properties"]


def test_open_data_is_in_the_language_of_its_address(client, network, directory, directory_en):
    for member in network:
        translated(member)

    rows = read_csv(client.get("/en/initiatives/csv/", {"theme": "energie"}))

    assert {row["kind"] for row in rows} == {"Cooperative"}
    assert {row["themes"] for row in rows} == {"[en] Energie"}
    assert all(row["url"].startswith("http://testserver/en/initiatives/") for row in rows)
    assert rows[0]["kind_code"] == "cooperatie"


def test_open_data_refuses_unknown_filters(client, network, directory):
    assert client.get(f"{directory.url}csv/", {"theme": "onbekend"}).status_code == 404
    assert client.get(f"{directory.url}geojson/", {"q": "x" * 2000}).status_code == 404


def download_queries(client, url):
    """Queries of a whole download, streamed rows included."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and body
    return len(queries)


def test_open_data_queries_do_not_grow(client, directory, themes):
    def build(count):
        MemberPageFactory.create_batch(
            count, parent=directory, themes=[themes["energie"]], needs=[("geld", "Een bus")]
        )

    urls = [f"{directory.url}csv/", f"{directory.url}geojson/?theme=energie"]
    build(5)
    few = [download_queries(client, url) for url in urls]
    build(55)
    many = [download_queries(client, url) for url in urls]

    assert many == few
    assert max(few) <= 10


# Figures -----------------------------------------------------------------------------------


def figures(response):
    return response.context["figures"]


def test_figures_add_up_to_the_live_profiles(client, network, directory, themes):
    MemberPageFactory(parent=directory, live=False, people_reached=99999, province="zeeland")

    response = client.get(f"{directory.url}cijfers/")

    assert response.status_code == 200
    data = figures(response)
    total = data["total"]
    assert (
        total.initiatives,
        total.volunteers,
        total.volunteer_hours_per_week,
        total.people_reached,
    ) == (
        3,
        36,
        125,
        3760,
    )
    provinces = {row.code: row for row in data["provinces"]}
    assert len(provinces) == 12
    assert provinces["zeeland"].initiatives == 0
    assert provinces["overijssel"].people_reached == 2400
    for measure in ("initiatives", "volunteers", "volunteer_hours_per_week", "people_reached"):
        assert sum(getattr(row, measure) for row in data["provinces"]) == getattr(total, measure)
    by_theme = {row.code: row for row in data["themes"]}
    assert by_theme["energie"].initiatives == 2
    assert by_theme["energie"].people_reached == 3700
    assert by_theme["voedsel"].initiatives == 1
    assert by_theme["zorg-welzijn"].volunteers == 14
    assert "3.760" in response.text


def test_a_translated_initiative_counts_once_and_an_english_only_one_counts_too(
    client, network, directory, directory_en
):
    for member in network:
        translated(member)
    MemberPageFactory(parent=directory_en, title="Only in English", people_reached=40, volunteers=1)

    dutch = figures(client.get(f"{directory.url}cijfers/"))["total"]
    english = figures(client.get("/en/initiatives/figures/"))["total"]

    assert dutch == english
    assert dutch.initiatives == 4
    assert dutch.people_reached == 3800


def test_figures_follow_publishing(client, network, directory):
    assert figures(client.get(f"{directory.url}cijfers/"))["total"].initiatives == 3

    network[0].unpublish()

    assert figures(client.get(f"{directory.url}cijfers/"))["total"].initiatives == 2


def test_figures_as_csv(client, network, directory):
    response = client.get(f"{directory.url}cijfers/csv/")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    total = rows[0]
    assert (total["scope"], total["initiatives"], total["people_reached"]) == ("total", "3", "3760")
    drenthe = next(row for row in rows if row["scope"] == "province" and row["code"] == "drenthe")
    assert drenthe["volunteers"] == "14"
    energy = next(row for row in rows if row["scope"] == "theme" and row["code"] == "energie")
    assert (energy["name"], energy["initiatives"]) == ("Energie", "2")
    assert len([row for row in rows if row["scope"] == "province"]) == 12


def test_home_headline_figures_come_from_the_profiles(client, network, directory):
    values = {figure.label: figure.value for figure in client.get("/nl/").context["figures"]}

    assert values == {
        "initiatieven in het netwerk": 3,
        "mensen bereikt": 3760,
        "vrijwilligersuren per week": 125,
    }


def test_figures_page_queries_do_not_grow(client, directory, themes):
    MemberPageFactory.create_batch(5, parent=directory, themes=[themes["energie"]])
    few = count_queries(client, f"{directory.url}cijfers/", cached=False)
    MemberPageFactory.create_batch(40, parent=directory, themes=list(themes.values()))

    assert count_queries(client, f"{directory.url}cijfers/", cached=False) == few
    assert count_queries(client, f"{directory.url}cijfers/") <= 12


def test_figures_breadcrumb_names_the_figures_page_with_the_directory_as_parent(
    client, network, directory
):
    for url, current, parent in (
        (f"{directory.url}cijfers/", "Het netwerk in cijfers", directory.url),
        ("/en/initiatives/figures/", "The network in figures", "/en/initiatives/"),
    ):
        html = client.get(url).text
        trail = html.split('class="breadcrumbs__list"')[1].split("</ol>")[0]

        assert re.findall(r'aria-current="page">([^<]+)<', trail) == [current]
        assert f'<li><a href="{parent}">' in trail
        assert trail.index(f'href="{parent}"') < trail.index('aria-current="page"')
