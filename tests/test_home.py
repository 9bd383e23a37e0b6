"""The home page: hero, ways in, sections from every app, figures from live content."""

import pytest

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    ImageFactory,
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    MemberIndexPageFactory,
    MemberPageFactory,
    OpenCallPageFactory,
    StandardPageFactory,
)
from .utils import count_queries, translated

pytestmark = pytest.mark.django_db


def test_home_is_complete_without_any_content(client, home_nl):
    response = client.get("/nl/")

    assert response.status_code == 200
    assert "Samen maken we de wijk sterker" in response.text
    assert "Nieuwste verhalen" not in response.text


def test_ways_in_lead_to_the_audience_pages_in_the_visitors_language(client, home_nl, home_en):
    for_municipalities = StandardPageFactory(parent=home_nl, slug="voor-gemeenten")
    english = translated(for_municipalities)
    english.slug = "for-municipalities"
    english.save_revision().publish()
    home_nl.ways_in = [
        (
            "way_in",
            {
                "audience": "gemeente",
                "title": "Ben jij een gemeente?",
                "text": "Leg budget bij de wijk.",
                "page": for_municipalities,
            },
        )
    ]
    home_nl.save_revision().publish()
    home_en.ways_in = home_nl.ways_in
    home_en.save_revision().publish()

    dutch = client.get("/nl/")
    english_home = client.get("/en/")

    assert 'href="/nl/voor-gemeenten/">Ben jij een gemeente?' in dutch.text
    assert 'href="/en/for-municipalities/">Ben jij een gemeente?' in english_home.text


def test_home_shows_sections_and_figures_from_live_content(client, home_nl):
    blog = BlogIndexPageFactory(parent=home_nl)
    BlogPageFactory(parent=blog, title="Een nieuw verhaal")
    members = MemberIndexPageFactory(parent=home_nl)
    MemberPageFactory(
        parent=members,
        title="Buurtcoöperatie Oost",
        people_reached=1200,
        volunteer_hours_per_week=80,
    )
    MemberPageFactory(
        parent=members,
        title="Zorgboerderij De Hoeve",
        people_reached=300,
        volunteer_hours_per_week=40,
    )
    MemberPageFactory(parent=members, title="Niet gepubliceerd", live=False, people_reached=99999)
    labs = LivingLabIndexPageFactory(parent=home_nl)
    LivingLabPageFactory(parent=labs, title="Wijkbedrijf Zuid")
    OpenCallPageFactory(parent=home_nl, title="Open oproep 2027")

    response = client.get("/nl/")

    for text in (
        "Een nieuw verhaal",
        "Buurtcoöperatie Oost",
        "Wijkbedrijf Zuid",
        "Open oproep 2027",
        "Nieuwste verhalen",
    ):
        assert text in response.text
    assert "Niet gepubliceerd" not in response.text
    values = {figure.label: figure.value for figure in response.context["figures"]}
    assert values["initiatieven in het netwerk"] == 2
    assert values["mensen bereikt"] == 1500
    assert values["vrijwilligersuren per week"] == 120


def test_figures_and_sections_follow_publishing(client, home_nl):
    members = MemberIndexPageFactory(parent=home_nl)
    member = MemberPageFactory(parent=members, title="Energiecoöperatie West")
    member.save_revision().publish()
    assert "Energiecoöperatie West" in client.get("/nl/").text

    member.unpublish()

    response = client.get("/nl/")
    assert "Energiecoöperatie West" not in response.text
    assert response.context["figures"] == []


def test_home_queries_do_not_grow_with_content(client, home_nl, home_en):
    home_nl.hero_image = ImageFactory()
    home_nl.save_revision().publish()
    blog = BlogIndexPageFactory(parent=home_nl)
    members = MemberIndexPageFactory(parent=home_nl)
    labs = LivingLabIndexPageFactory(parent=home_nl)
    for index, factory in (
        (blog, BlogPageFactory),
        (members, MemberPageFactory),
        (labs, LivingLabPageFactory),
    ):
        factory.create_batch(2, parent=index, listing_image=ImageFactory())
    few = count_queries(client, "/nl/", cached=False)

    for index, factory in (
        (blog, BlogPageFactory),
        (members, MemberPageFactory),
        (labs, LivingLabPageFactory),
    ):
        factory.create_batch(20, parent=index, listing_image=ImageFactory())

    assert count_queries(client, "/nl/", cached=False) == few
    assert count_queries(client, "/nl/") <= 15
