"""A lab's case page: what it shows, the partner link both ways, calendar, JSON-LD, queries."""

import datetime
import json
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from livinglabs.models import LivingLabFigure, LivingLabMilestone, LivingLabPartner

from ..factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    ImageFactory,
    LivingLabPageFactory,
    MemberPageFactory,
    lab_parts,
)
from ..utils import count_queries, translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(directory):
    return MemberPageFactory(parent=directory, title="Dorpscoöperatie Gerkesklooster-Stroobos")


@pytest.fixture
def lab(programme, themes, member):
    return LivingLabPageFactory(
        parent=programme,
        title="Generatiehuis Gerkesklooster",
        slug="generatiehuis",
        phase="geborgd",
        start_date=datetime.date(2024, 3, 1),
        place="Gerkesklooster",
        province="friesland",
        latitude=Decimal("53.21700"),
        longitude=Decimal("6.15400"),
        summary="Jong en oud wonen samen in de oude school.",
        question="Hoe blijven ouderen in het dorp wonen?",
        body=[("paragraph", "<p>We bouwden de school samen om.</p>")],
        results="Twaalf mensen wonen er nu.\nDe eenzaamheid nam af.",
        user_involvement="Bewoners ontwierpen de woningen zelf.",
        real_life_setting="De oude dorpsschool.",
        multi_stakeholder="Dorp, gemeente en corporatie.",
        multi_method="Keukentafelgesprekken en een proefwoning.",
        co_creation="Samen het huurcontract geschreven.",
        contact_name="Anneke de Vries",
        contact_role="projectleider",
        contact_email="lab@generatiehuis.example",
        contact_phone="0512 123 456",
        gallery=[("image", {"image": ImageFactory(), "caption": "De tuin", "credit": ""})],
        themes=[themes["wonen"]],
        **lab_parts(
            partners=[(member, "initiatief"), ("Woningcorporatie Elkien", "woningcorporatie")],
            cases=[("Generatiehuis", "gestart"), ("Dorpsauto", "idee")],
            figures=[("bewoners", 12), ("banen", 2)],
            milestones=[
                (datetime.date(2024, 9, 1), "Eerste bewoners"),
                (datetime.date(2024, 3, 1), "Start verbouwing"),
                (datetime.date(2030, 1, 1), "Tweede huis open"),
            ],
        ),
    )


def test_case_page_shows_every_part_of_the_case(client, lab):
    response = client.get(lab.url)
    html = response.text

    assert response.status_code == 200
    assert "Gerkesklooster, Fryslân" in html, html.split('class="page-meta"')[1][:300]
    for text in (
        "Generatiehuis Gerkesklooster",
        "Geborgd",
        "Gerkesklooster, Fryslân",
        "sinds maart 2024",
        "Hoe blijven ouderen in het dorp wonen?",
        "We bouwden de school samen om.",
        "Woningcorporatie Elkien",
        "Woningcorporatie</p>",  # the partner's role
        "Generatiehuis</h3>",
        "Gestart",
        "Dorpsauto",
        "Idee",
        "Twaalf mensen wonen er nu.<br>De eenzaamheid nam af.",
        "<dt>betrokken bewoners</dt><dd>12</dd>",
        "Actieve betrokkenheid van gebruikers",
        "Bewoners ontwierpen de woningen zelf.",
        "De tuin",
        "Anneke de Vries, projectleider",
        "mailto:lab@generatiehuis.example",
        "Wonen",
    ):
        assert text in html, text
    # the timeline runs in date order; the next milestone is marked
    assert (
        html.index("Start verbouwing")
        < html.index("Eerste bewoners")
        < html.index("Tweede huis open")
    )
    assert re.search(r"timeline__item--next.*?Tweede huis open", html, re.S)


def test_partner_link_shows_on_both_sides(client, lab, member):
    lab_html = client.get(lab.url).text
    assert f'<a href="{member.url}">Dorpscoöperatie Gerkesklooster-Stroobos</a>' in lab_html

    member_html = client.get(member.url).text
    assert "Living labs waar wij aan meedoen" in member_html
    assert f'<a href="{lab.url}">Generatiehuis Gerkesklooster</a>' in member_html
    assert "als burgerinitiatief" in member_html


def test_partner_link_both_sides_in_english(client, lab, member):
    english_member = translated(member)
    english_member.title = "Village Cooperative Gerkesklooster-Stroobos"
    english_member.save_revision().publish()
    english_lab = translated(lab)

    lab_html = client.get(english_lab.url).text
    assert (
        f'<a href="{english_member.url}">Village Cooperative Gerkesklooster-Stroobos</a>'
        in lab_html
    )
    member_html = client.get(english_member.url).text
    assert "Living labs we take part in" in member_html
    assert f'<a href="{english_lab.url}">' in member_html
    assert "as citizen initiative" in member_html


def test_a_partner_whose_profile_went_offline_keeps_its_name_without_a_link(client, lab, member):
    member.unpublish()

    html = client.get(lab.url).text

    assert "Dorpscoöperatie Gerkesklooster-Stroobos" in html
    assert f'href="{member.url}"' not in html


def test_a_member_without_labs_shows_no_lab_section(client, directory):
    alone = MemberPageFactory(parent=directory)

    assert "Living labs waar wij aan meedoen" not in client.get(alone.url).text


def test_milestones_download_as_an_icalendar_file(client, lab):
    response = client.get(f"{lab.url}mijlpalen/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="generatiehuis.ics"'
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 3
    assert "DTSTART;VALUE=DATE:20240301\r\nDTEND;VALUE=DATE:20240302" in body
    assert "SUMMARY:Start verbouwing (Generatiehuis Gerkesklooster)" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert f'href="{lab.url}mijlpalen/"' in client.get(lab.url).text


def test_the_english_calendar_has_its_own_address(client, lab):
    english = translated(lab)

    response = client.get(f"{english.url}milestones/")

    assert response.status_code == 200
    assert "X-WR-CALNAME:Milestones: Generatiehuis Gerkesklooster" in response.content.decode()
    assert client.post(f"{lab.url}mijlpalen/").status_code == 405


def test_case_page_carries_json_ld(client, lab, member):
    html = client.get(lab.url).text
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )

    assert data["@type"] == "Project"
    assert data["name"] == "Generatiehuis Gerkesklooster"
    assert data["foundingDate"] == "2024-03-01"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 53.217,
        "longitude": 6.154,
    }
    assert data["member"][0] == {
        "@type": "Organization",
        "name": member.title,
        "url": f"http://testserver{member.url}",
    }
    assert [event["startDate"] for event in data["event"]] == [
        "2024-03-01",
        "2024-09-01",
        "2030-01-01",
    ]


def test_related_stories_share_a_theme_or_name_the_lab(client, home_nl, lab, themes):
    blog = BlogIndexPageFactory(parent=home_nl)
    naming = BlogPageFactory(
        parent=blog, title="Op bezoek", intro="Een dag in Generatiehuis Gerkesklooster."
    )
    tagged = BlogPageFactory(parent=blog, title="Getagd", tags=["Generatiehuis Gerkesklooster"])
    sharing = BlogPageFactory(parent=blog, title="Over wonen", themes=[themes["wonen"]])
    BlogPageFactory(parent=blog, title="Iets anders", themes=[themes["werk-inkomen"]])

    html = client.get(lab.url).text

    assert "Verhalen over dit lab" in html
    stories = re.findall(
        r'class="card__link" href="[^"]+">([^<]+)<', html.split('id="lab-stories"')[1]
    )
    assert sorted(stories[:2]) == sorted([naming.title, tagged.title])
    assert stories[2:] == [sharing.title]


def test_a_partner_needs_an_initiative_or_a_name(lab):
    with pytest.raises(ValidationError):
        LivingLabPartner(page=lab, role="bedrijf").full_clean(exclude=["page", "locale"])
    with pytest.raises(ValidationError):
        LivingLabFigure(page=lab, kind="anders", value=3).full_clean(exclude=["page", "locale"])


def test_an_end_before_the_start_is_refused(lab):
    lab.end_date = datetime.date(2020, 1, 1)
    with pytest.raises(ValidationError):
        lab.full_clean()


def test_case_page_queries_do_not_grow_with_partners_cases_figures_and_milestones(
    client, programme, themes, directory
):
    members = [MemberPageFactory(parent=directory) for _ in range(4)]

    def lab(size):
        image = ImageFactory()
        return LivingLabPageFactory(
            parent=programme,
            latitude=Decimal("52.1"),
            longitude=Decimal("5.1"),
            themes=list(themes.values()),
            listing_image=image,
            gallery=[("image", {"image": ImageFactory(), "caption": ""}) for _ in range(size)],
            contact_email="lab@example.org",
            **lab_parts(
                partners=[(members[i % 4], "initiatief") for i in range(size)]
                + [(f"Partner {i}", "bedrijf") for i in range(size)],
                cases=[(f"Case {i}", "idee") for i in range(size)],
                figures=[("banen", i) for i in range(size)],
                milestones=[(datetime.date(2026, 1, 1 + i), f"Stap {i}") for i in range(size)],
            ),
        )

    small, large = lab(1), lab(20)
    for case in large.business_cases.all()[:5]:
        case.link_page = members[0]
        case.save()

    few = count_queries(client, small.url, cached=False)
    assert count_queries(client, large.url, cached=False) == few
    warm = count_queries(client, large.url)
    assert count_queries(client, small.url) == warm <= 12
    print(f"case page: {warm} queries warm, {few} with an empty cache")  # noqa: T201


class TestLabTree(WagtailPageTestCase):
    def test_labs_live_under_the_programme_only(self):
        from livinglabs.models import LivingLabIndexPage, LivingLabPage

        self.assertAllowedParentPageTypes(LivingLabPage, {LivingLabIndexPage})
        self.assertAllowedSubpageTypes(LivingLabPage, {})


def test_editors_see_the_case_in_three_tabs(admin_client, lab, programme):
    from django.urls import reverse

    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[lab.pk]))
    add = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["livinglabs", "livinglabpage", programme.pk])
    )

    assert edit.status_code == add.status_code == 200
    html = edit.content.decode()
    for text in ("Woningcorporatie Elkien", "Start verbouwing", "Dorpsauto", "ENoLL"):
        assert text in html, text


AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def timeline(html):
    """(state, date, state in words, title) of each milestone, as the timeline shows them."""
    assert '<ol class="timeline">' in html
    section = html.split('<ol class="timeline">')[1].split("</ol>")[0]
    return re.findall(
        r'timeline__item--(\w+)">.*?<time datetime="([\d-]+)">.*?'
        r'class="timeline__state">([^<]+)<.*?class="timeline__title">([^<]+)<',
        section,
        re.S,
    )


def test_timeline_names_done_next_and_planned_and_moves_on_with_the_clock(client, lab):
    LivingLabMilestone.objects.create(page=lab, date=datetime.date(2031, 5, 1), title="Derde huis")

    with time_machine.travel(datetime.datetime(2029, 12, 1, 12, tzinfo=AMSTERDAM), tick=False):
        before = timeline(client.get(lab.url).text)
        english = timeline(client.get(translated(lab).url).text)
    with time_machine.travel(datetime.datetime(2030, 6, 1, 12, tzinfo=AMSTERDAM), tick=False):
        later = timeline(client.get(lab.url).text)
    with time_machine.travel(datetime.datetime(2031, 6, 1, 12, tzinfo=AMSTERDAM), tick=False):
        last = timeline(client.get(lab.url).text)

    assert before == [
        ("past", "2024-03-01", "afgerond", "Start verbouwing"),
        ("past", "2024-09-01", "afgerond", "Eerste bewoners"),
        ("next", "2030-01-01", "volgende", "Tweede huis open"),
        ("future", "2031-05-01", "gepland", "Derde huis"),
    ]
    assert [(state, words) for state, _date, words, _title in english] == [
        ("past", "done"),
        ("past", "done"),
        ("next", "next"),
        ("future", "planned"),
    ]
    # the remembered case page follows the clock, not only the content version
    assert [state for state, *_rest in later] == ["past", "past", "past", "next"]
    assert [state for state, *_rest in last] == ["past"] * 4


def test_partner_shows_its_role_and_membership_of_the_network_apart(client, lab, member):
    html = client.get(lab.url).text
    partners = html.split('<ul class="partners">')[1].split("</ul>")[0]

    assert '<li class="partner partner--initiatief">' in partners
    assert '<li class="partner partner--woningcorporatie">' in partners
    assert '<p class="partner__role">Burgerinitiatief</p>' in partners
    assert '<p class="partner__network">in het netwerk</p>' in partners
    assert partners.count("partner__network") == 1  # the corporation is not in the network
