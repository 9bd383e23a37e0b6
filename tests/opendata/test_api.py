"""The open-data API: what it lists, its pages, its limits, and that it matches its schema."""

import pytest
import schemathesis
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, settings
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from portal.wsgi import application

from ..factories import LivingLabPageFactory, MemberPageFactory
from .conftest import SECRETS

pytestmark = pytest.mark.django_db

LISTS = ["initiatives", "living-labs", "stories"]


def test_initiatives_have_their_public_fields(client, network):
    response = client.get("/api/v1/nl/initiatives/", {"theme": "energie"})

    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["licence"] == {
        "id": "CC-BY-4.0",
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["meta"]["source"]["name"] and data["meta"]["built_at"]
    [item] = data["results"]
    assert item["name"] == "Energiecoöperatie Zonnedak"
    assert item["url"] == "http://testserver/nl/initiatieven/energiecooperatie-zonnedak/"
    assert item["kind"] == {"code": "cooperatie", "name": "Coöperatie"}
    assert item["province"] == {"code": "overijssel", "name": "Overijssel"}
    assert item["themes"] == [{"code": "energie", "name": "Energie"}]
    assert item["needs"] == [{"code": "ruimte", "name": "Ruimte", "description": "Een groot dak"}]
    assert item["location"] == {"latitude": 52.5168, "longitude": 6.083}
    assert item["figures"]["people_reached"] == 2400
    assert item["public_email"] == "info@zonnedak.example"


def test_a_lab_lists_its_partners_and_never_its_contact(client, network):
    data = client.get("/api/v1/nl/living-labs/").json()

    [lab] = data["results"]
    assert lab["phase"]["code"] == "uitvoering"
    assert lab["partners"][0]["initiative"] == network["member"].pk
    assert lab["partners"][0]["name"] == "Energiecoöperatie Zonnedak"
    assert not any("contact" in key for key in lab)


def test_stories_and_figures(client, network):
    stories = client.get("/api/v1/nl/stories/", {"theme": "energie"}).json()["results"]
    figures = client.get("/api/v1/nl/figures/").json()

    assert [story["title"] for story in stories] == ["Het dak ligt erop"]
    assert stories[0]["url"].startswith("http://testserver/nl/verhalen/")
    assert figures["total"]["initiatives"] == 2
    assert figures["meta"]["licence"]["id"] == "CC-BY-4.0"


def test_the_licence_is_the_one_the_operator_chose(client, network):
    from portal.models import SiteSettings

    site_settings = SiteSettings.load()
    site_settings.open_data_licence = "CC0-1.0"
    site_settings.save()

    meta = client.get("/api/v1/en/initiatives/").json()["meta"]

    assert meta["licence"]["id"] == "CC0-1.0"


@pytest.mark.parametrize("name", LISTS + ["figures"])
def test_no_contact_field_is_ever_in_an_answer(client, network, name):
    for language in ("nl", "en"):
        text = client.get(f"/api/v1/{language}/{name}/").content.decode()
        for secret in SECRETS:
            assert secret not in text
        assert "contact" not in text


def test_unknown_filters_are_a_bad_request(client, network):
    assert client.get("/api/v1/nl/initiatives/", {"theme": "onbekend"}).status_code == 400
    assert client.get("/api/v1/nl/living-labs/", {"phase": "x"}).status_code == 400
    assert client.get("/api/v1/de/initiatives/").status_code == 404


def test_cursors_walk_every_item_once(client, network, directory):
    MemberPageFactory.create_batch(7, parent=directory)
    seen, url = [], "/api/v1/nl/initiatives/?page_size=4"
    while url:
        data = client.get(url).json()
        seen += [item["id"] for item in data["results"]]
        url = data["next"]
        # A new initiative while reading does not shift the pages already read.
        if len(seen) == 4:
            MemberPageFactory(parent=directory)

    assert len(seen) == len(set(seen)) == 10


@pytest.mark.parametrize("name", LISTS)
def test_api_pages_cost_the_same_queries_whatever_their_size(client, network, directory, name):
    lab_index = network["lab"].get_parent()
    for _ in range(30):
        MemberPageFactory(parent=directory)
        LivingLabPageFactory(parent=lab_index)

    def queries(size):
        url = f"/api/v1/nl/{name}/?page_size={size}"
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries(2) == queries(100) <= 12


def test_the_api_is_limited_per_address(client, network, settings):
    settings.OPEN_DATA_RATE_LIMITS = {**settings.OPEN_DATA_RATE_LIMITS, "api": (3, 60)}

    answers = [client.get("/api/v1/nl/figures/") for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert 1 <= int(answers[-1]["Retry-After"]) <= 60
    other = client.get("/api/v1/nl/figures/", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200


def test_the_schema_is_served(client, network):
    response = client.get("/api/v1/schema/", {"format": "json"})

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert set(paths) == {
        "/api/v1/{language}/initiatives/",
        "/api/v1/{language}/living-labs/",
        "/api/v1/{language}/stories/",
        "/api/v1/{language}/figures/",
    }


# Loaded once when the module is collected: generating the schema reads no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
# Requests the schema allows: a value it refuses is the site's 400 before the API (a control
# character, portal.middleware), tested in test_control_characters.py.
schema.config.generation.update(modes=[GenerationMode.POSITIVE])


@pytest.fixture
def generous_limits(settings):
    settings.OPEN_DATA_RATE_LIMITS = {**settings.OPEN_DATA_RATE_LIMITS, "api": (100_000, 60)}


@pytest.fixture
def test_connection_kept():
    """schemathesis calls the WSGI application itself, whose request signals close
    connections that are not in autocommit: the test's own transaction, on PostgreSQL.
    Django's test client leaves them out the same way."""
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_the_api_answers_as_its_schema_says(case, network, generous_limits, test_connection_kept):
    # The WSGI client does not undo gzip (portal.middleware compresses JSON): ask for none.
    # A code no list has (kind=0) fits the schema's pattern and is a documented 400: the
    # lists of themes and kinds are the editors', so the schema cannot enumerate them.
    case.call_and_validate(
        headers={"Accept-Encoding": "identity"}, excluded_checks=[positive_data_acceptance]
    )
