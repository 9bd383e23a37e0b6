"""The audience lanes: what the pages for municipalities, organisations and companies, and
residents gather (stories, labs, the call's notes, questions), their ways in, translation of
the tags, and queries that do not grow with the content."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from blog.models import BlogPage
from livinglabs.models import LivingLabPage
from portal.audiences import AudiencesField, tagged_for
from portal.content import bump_content_version

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    MemberIndexPageFactory,
    OpenCallPageFactory,
    QuestionFactory,
    QuestionPageFactory,
    StandardPageFactory,
)
from .test_blog import in_english
from .utils import card_titles, count_queries, translate_through_admin, translated

pytestmark = pytest.mark.django_db

LANES = {
    "gemeente": "voor-gemeenten",
    "organisatie": "voor-organisaties",
    "bewoner": "voor-bewoners",
}
SECTION = re.compile(r'<section class="lane-ways".*?</section>', re.S)
HREF = re.compile(r'href="([^"]+)"')


class Site:
    """Both languages of everything a lane draws on, and the three lanes."""

    def __init__(self, home_nl):
        self.blog = BlogIndexPageFactory(parent=home_nl)
        self.labs = LivingLabIndexPageFactory(parent=home_nl)
        self.members = MemberIndexPageFactory(parent=home_nl)
        self.questions = QuestionPageFactory(parent=home_nl)
        self.lanes = {
            audience: StandardPageFactory(
                parent=home_nl, title=f"Voor {audience}", slug=slug, audience=audience
            )
            for audience, slug in LANES.items()
        }
        self.english = {
            name: translated(getattr(self, name))
            for name in ("blog", "labs", "members", "questions")
        }
        self.english_lanes = {code: translated(page) for code, page in self.lanes.items()}

    def index(self, name, language):
        return getattr(self, name) if language == "nl" else self.english[name]

    def lane(self, audience, language):
        return (self.lanes if language == "nl" else self.english_lanes)[audience]

    def story(self, language, **kwargs):
        story = BlogPageFactory(parent=self.blog, **kwargs)
        return story if language == "nl" else translated(story)

    def lab(self, language, **kwargs):
        lab = LivingLabPageFactory(parent=self.labs, **kwargs)
        return lab if language == "nl" else translated(lab)


@pytest.fixture
def site(home_nl, home_en):
    return Site(home_nl)


def ways_in(response):
    """The links of the lane's ways in, in order."""
    section = SECTION.search(response.text)
    return HREF.findall(section.group(0)) if section else []


# What a lane shows


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_lane_shows_the_stories_tagged_for_it_and_no_others(client, site, language):
    site.story(language, title="Voor de gemeente", audiences=["gemeente"])
    site.story(language, title="Voor iedereen", audiences=["gemeente", "bewoner", "organisatie"])
    site.story(language, title="Voor bewoners", audiences=["bewoner"])
    site.story(language, title="Zonder doelgroep")

    municipality = card_titles(client.get(site.lane("gemeente", language).url))
    residents = card_titles(client.get(site.lane("bewoner", language).url))
    organisations = card_titles(client.get(site.lane("organisatie", language).url))

    assert set(municipality) == {"Voor de gemeente", "Voor iedereen"}
    assert set(residents) == {"Voor bewoners", "Voor iedereen"}
    assert organisations == ["Voor iedereen"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_lane_shows_the_labs_tagged_for_it_and_no_stopped_or_untagged_ones(
    client, site, language
):
    site.lab(language, title="Wijkboekhouding", audiences=["gemeente"])
    site.lab(language, title="Wisselwoning", audiences=["bewoner"])
    site.lab(language, title="Gestopt", audiences=["gemeente"], phase=LivingLabPage.Phase.STOPPED)
    site.lab(language, title="Niet gemarkeerd")

    response = client.get(site.lane("gemeente", language).url)

    assert card_titles(response) == ["Wijkboekhouding"]
    assert site.index("labs", language).url in response.text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_lane_shows_the_published_questions_of_askers_in_its_lane(client, site, language):
    QuestionFactory(page=site.questions, role="gemeente", text="Hoe geven we budget aan de wijk?")
    QuestionFactory(page=site.questions, role="bedrijf", text="Kan ons bedrijf meedoen?")
    QuestionFactory(page=site.questions, role="organisatie", text="Wat brengt een corporatie in?")
    QuestionFactory(page=site.questions, role="bewoner", text="Hoe start een buurtcoöperatie?")
    QuestionFactory(page=site.questions, role="gemeente", text="Nog niet bekeken", status="pending")

    municipality = client.get(site.lane("gemeente", language).url).text
    organisations = client.get(site.lane("organisatie", language).url).text

    assert "Hoe geven we budget aan de wijk?" in municipality
    assert "buurtcoöperatie" not in municipality and "Nog niet bekeken" not in municipality
    assert "Kan ons bedrijf meedoen?" in organisations  # a company stands with organisations
    assert "Wat brengt een corporatie in?" in organisations
    assert "budget aan de wijk" not in organisations


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_lane_shows_the_calls_note_for_its_audience_only(client, site, home_nl, language):
    call = OpenCallPageFactory(
        parent=home_nl,
        audience_notes=[
            ("note", {"audiences": ["gemeente"], "heading": "Als gemeente", "text": "<p>G</p>"}),
            ("note", {"audiences": ["bewoner"], "heading": "Als bewoner", "text": "<p>B</p>"}),
        ],
    )
    shown = translated(call) if language == "en" else call

    municipality = client.get(site.lane("gemeente", language).url).text
    organisations = client.get(site.lane("organisatie", language).url).text

    assert "Als gemeente" in municipality and "Als bewoner" not in municipality
    assert "Als gemeente" not in organisations and "Als bewoner" not in organisations
    call_page = client.get(shown.url)
    assert "Als gemeente" in call_page.text and "Als bewoner" in call_page.text


def test_a_standard_page_without_an_audience_is_no_lane(client, site, home_nl):
    site.story("nl", title="Voor de gemeente", audiences=["gemeente"])
    about = StandardPageFactory(parent=home_nl, slug="over-ons")

    response = client.get(about.url)

    assert response.status_code == 200
    assert "lane-ways" not in response.text and card_titles(response) == []


# The ways in


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("audience", list(LANES))
def test_every_way_in_and_every_see_all_link_leads_to_a_page(
    client, site, home_nl, language, audience
):
    call = OpenCallPageFactory(parent=home_nl)
    if language == "en":
        translated(call)
    site.story(language, audiences=[audience])
    site.lab(language, audiences=[audience])
    QuestionFactory(page=site.questions, role=audience)
    response = client.get(site.lane(audience, language).url)
    lane = response.text[response.text.index('class="lane-ways"') : response.text.index("<footer")]
    links = [link.replace("&amp;", "&") for link in HREF.findall(lane)]

    assert len(ways_in(response)) >= 3
    assert site.index("questions", language).url in ways_in(response)
    for link in links:
        assert client.get(link).status_code == 200, link
    assert f"?audience={audience}" in lane  # the stories and questions, filtered


def test_residents_and_organisations_may_register_municipalities_may_not(client, site):
    with translation.override("nl"):  # the route is in the page's language
        register = site.members.url + site.members.reverse_subpage("register")
    residents = ways_in(client.get(site.lanes["bewoner"].url))

    assert register in residents
    assert register in ways_in(client.get(site.lanes["organisatie"].url))
    assert register not in ways_in(client.get(site.lanes["gemeente"].url))
    assert f"{site.members.url}?need=vrijwilligers" in ways_in(
        client.get(site.lanes["bewoner"].url)
    )


def test_a_call_leaves_the_ways_in_when_it_closes_with_a_warm_cache(client, site, home_nl):
    call = OpenCallPageFactory(
        parent=home_nl,
        closes_at=timezone.now().replace(microsecond=0) + datetime.timedelta(hours=1),
    )
    lane = site.lanes["gemeente"]
    assert call.url in ways_in(client.get(lane.url))
    assert "call-state--open" in client.get(lane.url).text

    with time_machine.travel(call.closes_at + datetime.timedelta(minutes=1), tick=False):
        response = client.get(lane.url)

    assert call.url not in ways_in(response)
    assert site.questions.url in ways_in(response)


# Filters the lanes link to


def test_the_story_index_filters_by_audience(client, site):
    site.story("nl", title="Voor de gemeente", audiences=["gemeente"])
    site.story("nl", title="Voor bewoners", audiences=["bewoner"])

    response = client.get(f"{site.blog.url}?audience=gemeente")

    assert card_titles(response) == ["Voor de gemeente"]
    unknown = client.get(f"{site.blog.url}?audience=burgemeester")
    assert unknown.status_code == 200  # left out, with a message (portal.filters)
    assert "Er is geen doelgroep “burgemeester”" in unknown.text
    assert sorted(card_titles(unknown)) == ["Voor bewoners", "Voor de gemeente"]


def test_the_question_page_filters_by_the_askers_lane(client, site):
    QuestionFactory(page=site.questions, role="bedrijf", text="Kan ons bedrijf meedoen?")
    QuestionFactory(page=site.questions, role="bewoner", text="Hoe start een buurtcoöperatie?")

    response = client.get(f"{site.questions.url}?audience=organisatie")

    assert "Kan ons bedrijf meedoen?" in response.text
    assert "buurtcoöperatie" not in response.text
    unknown = client.get(f"{site.questions.url}?audience=x")
    assert unknown.status_code == 200  # left out, with a message (portal.filters)
    assert "Er is geen doelgroep “x”" in unknown.text
    assert "Kan ons bedrijf meedoen?" in unknown.text and "buurtcoöperatie" in unknown.text


# Tags and translation


def test_a_translated_story_keeps_its_audiences(admin_client, client, site):
    story = BlogPageFactory(parent=site.blog, title="Budget naar de wijk", audiences=["gemeente"])
    story.save_revision().publish()

    english = translate_through_admin(admin_client, story)

    assert english.audiences == ["gemeente"]
    assert "[en] Budget naar de wijk" in card_titles(client.get(site.english_lanes["gemeente"].url))


def test_changing_and_clearing_audiences_on_the_dutch_story_follows_on_resync(site):
    story = BlogPageFactory(parent=site.blog, audiences=["gemeente"])
    story.save_revision().publish()
    in_english(story)

    story = BlogPage.objects.get(pk=story.pk)
    story.audiences = ["bewoner", "gemeente"]
    story.save_revision().publish()
    english = BlogPage.objects.get(pk=in_english(story).pk)
    assert english.audiences == ["gemeente", "bewoner"]

    story.audiences = []
    story.save_revision().publish()
    english = BlogPage.objects.get(pk=in_english(story).pk)
    assert english.audiences == []


def test_a_translated_lab_and_lane_keep_their_audience(site):
    lab = site.lab("en", audiences=["organisatie"])

    assert lab.audiences == ["organisatie"]
    assert site.english_lanes["bewoner"].audience == "bewoner"


def test_audiences_are_stored_in_a_fixed_order_and_only_known_codes(site):
    story = BlogPageFactory(parent=site.blog, audiences=["bewoner", "onbekend", "gemeente"])

    story.refresh_from_db()

    assert story.audiences == ["gemeente", "bewoner"]
    assert list(BlogPage.objects.filter(tagged_for("gemeente"))) == [story]
    assert not BlogPage.objects.filter(tagged_for("organisatie")).exists()


def test_editors_tick_audiences_in_the_admin(admin_client, site):
    story = BlogPageFactory(parent=site.blog, audiences=["bewoner"])

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))

    assert response.status_code == 200
    assert re.search(r'type="checkbox" name="audiences" value="bewoner"[^>]*checked', response.text)
    assert 'name="audiences" value="gemeente"' in response.text
    form_field = BlogPage._meta.get_field("audiences").formfield()
    assert isinstance(BlogPage._meta.get_field("audiences"), AudiencesField)
    assert form_field.clean(["gemeente", "bewoner"]) == ["gemeente", "bewoner"]
    lane = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[site.lanes["gemeente"].pk])
    ).text
    assert 'name="audience"' in lane


# Queries


def populate(site, language, count):
    for _number in range(count):
        site.story(language, audiences=["gemeente"])
        site.lab(language, audiences=["gemeente"])
        QuestionFactory(page=site.questions, role="gemeente")
    bump_content_version()  # what publishing them would do


@pytest.mark.parametrize("language", ["nl", "en"])
def test_lane_queries_do_not_grow_with_its_items(client, site, home_nl, language):
    OpenCallPageFactory(
        parent=home_nl,
        audience_notes=[("note", {"audiences": ["gemeente"], "heading": "G", "text": "<p>G</p>"})],
    )
    url = site.lane("gemeente", language).url
    populate(site, language, 1)
    client.get(url)  # the first request stores the site's settings, which bumps the version
    warm, cold = count_queries(client, url), count_queries(client, url, cached=False)
    populate(site, language, 6)

    # Warm: 0 (all remembered); built from scratch: 30, in either language.
    assert count_queries(client, url) == warm <= 5
    assert count_queries(client, url, cached=False) == cold <= 35
    assert len(card_titles(client.get(url))) == 6  # three stories, three labs
