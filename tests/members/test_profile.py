"""An initiative's profile: what it shows, what it never shows, translation, queries."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from members.models import MemberPage
from portal.demo import translate_instance

from ..factories import (
    HomePageFactory,
    ImageFactory,
    MemberIndexPageFactory,
    MemberPageFactory,
    organisation_kind,
)
from ..utils import count_queries, to_english, translate_through_admin

pytestmark = pytest.mark.django_db

PRIVATE = ("Petra Privé", "petra.prive@example.org")


@pytest.fixture
def member(directory, themes):
    page = MemberPageFactory(
        parent=directory,
        title="Buurtbus Eemland",
        slug="buurtbus-eemland",
        intro="Vrijwillige chauffeurs rijden ouderen naar de dokter.",
        kind=organisation_kind("stichting"),
        place="Amersfoort",
        province="utrecht",
        latitude=Decimal("52.15610"),
        longitude=Decimal("5.38780"),
        founded_year=2010,
        people_reached=1200,
        volunteers=42,
        volunteer_hours_per_week=110,
        website="https://buurtbus.example",
        public_email="info@buurtbus.example",
        public_phone="033 123 45 67",
        contact_name=PRIVATE[0],
        contact_email=PRIVATE[1],
        offers="Boodschappendienst\nRitten naar het ziekenhuis",
        logo=ImageFactory(),
        body=[("paragraph", "<p>Sinds 2010 rijden we door Eemland.</p>")],
        themes=[themes["zorg-welzijn"]],
        needs=[
            ("vrijwilligers", "Chauffeurs voor zaterdag"),
            ("geld", "Een tweede bus", True),
        ],
    )
    page.tags.add("boodschappendienst")
    page.save_revision().publish()
    return page


def test_profile_shows_what_the_initiative_tells(client, member):
    response = client.get(member.url)

    html = response.text
    assert response.status_code == 200
    for text in (
        "Buurtbus Eemland",
        "Stichting",
        "Amersfoort, Utrecht",
        "sinds 2010",
        "Vrijwillige chauffeurs rijden ouderen naar de dokter.",
        "Zorg &amp; welzijn",
        "boodschappendienst",
        "Sinds 2010 rijden we door Eemland.",
        "1.200",
        "42",
        "110",
        'href="https://buurtbus.example"',
        'href="mailto:info@buurtbus.example"',
        'href="tel:0331234567"',
        "<li>Boodschappendienst</li>",
        "<li>Ritten naar het ziekenhuis</li>",
        "Chauffeurs voor zaterdag",
        "Een tweede bus",
        "Vervuld, dank je wel!",
    ):
        assert text in html, text


def test_each_open_need_leads_to_its_own_offer_form(client, member):
    html = client.get(member.url).text
    open_need, met_need = member.needs.order_by("sort_order")

    assert f'href="/nl/initiatieven/buurtbus-eemland/ik-kan-helpen/?need={open_need.pk}"' in html
    assert f"?need={met_need.pk}" not in html


def test_contact_person_is_never_published(client, member, directory):
    member.public_email = ""
    member.save_revision().publish()
    urls = [
        member.url,
        directory.url,
        f"{directory.url}csv/",
        f"{directory.url}geojson/",
        f"{member.url}ik-kan-helpen/",
        "/sitemap.xml",
        "/nl/zoeken/?q=eemland",
    ]
    for url in urls:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200, url
        for private in PRIVATE:
            assert private.encode() not in body, (url, private)


def test_profile_describes_the_organisation_in_json_ld(client, member):
    html = client.get(member.url).text

    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(block)
    assert data["@type"] == "Organization"
    assert data["name"] == "Buurtbus Eemland"
    assert data["url"] == "https://buurtbus.example"
    assert data["mainEntityOfPage"] == "http://testserver/nl/initiatieven/buurtbus-eemland/"
    assert data["email"] == "info@buurtbus.example"
    assert data["foundingDate"] == "2010"
    assert data["address"]["addressLocality"] == "Amersfoort"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 52.1561,
        "longitude": 5.3878,
    }
    assert PRIVATE[1] not in block


def test_json_ld_cannot_be_broken_out_of(client, directory):
    page = MemberPageFactory(parent=directory, title="</script><script>alert(1)</script>")

    html = client.get(page.url).text

    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_more_members_with_read_more_at_the_foot(client, member, directory, themes):
    sharing = MemberPageFactory(
        parent=directory, title="Zorgcoöperatie", themes=[themes["zorg-welzijn"]]
    )
    for n in range(3):
        MemberPageFactory(parent=directory, title=f"Ander initiatief {n}")
    MemberPageFactory(parent=directory, title="Niet live", live=False)

    html = client.get(member.url).text

    teasers = html.split('id="member-teasers-title"')[1]
    assert teasers.count("Lees meer") == 3
    assert teasers.index("Zorgcoöperatie") < teasers.index("Ander initiatief")
    assert (
        f'href="{sharing.url}">Lees meer<span class="visually-hidden"> over Zorgcoöperatie'
        in teasers
    )
    assert "Niet live" not in teasers
    assert "Buurtbus Eemland</h3>" not in teasers


def test_more_members_follow_publishing(client, member, directory):
    client.get(member.url)
    newcomer = MemberPageFactory(parent=directory, title="Nieuwkomer", live=False)
    newcomer.save_revision().publish()

    assert "Nieuwkomer" in client.get(member.url).text


def test_a_profile_with_only_the_required_fields_renders(client, directory):
    page = MemberPageFactory(
        parent=directory,
        title="Kaal",
        latitude=None,
        longitude=None,
        people_reached=None,
        volunteers=None,
        volunteer_hours_per_week=None,
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert "leaflet" not in response.text
    assert "Wat we nodig hebben" not in response.text


def test_profile_refuses_posts(client, member):
    assert client.post(member.url, {"x": "y"}).status_code == 405


def test_a_profile_may_not_take_the_address_of_a_directory_part(directory):
    for slug in ("aanmelden", "register", "cijfers", "figures", "csv", "geojson"):
        page = MemberPage(
            title="Aanmelden",
            slug=slug,
            intro="x",
            kind=organisation_kind(),
            place="Utrecht",
            province="utrecht",
        )
        with pytest.raises(ValidationError) as error:
            directory.add_child(instance=page)
        assert "slug" in error.value.message_dict


def test_profile_queries_do_not_grow(client, directory, themes):
    def profile(title):
        page = MemberPageFactory(
            parent=directory,
            title=title,
            themes=list(themes.values()),
            listing_image=ImageFactory(),
            logo=ImageFactory(),
            needs=[("vrijwilligers", f"Hulp {n}") for n in range(3)],
        )
        page.tags.add("een", "twee")
        page.save_revision().publish()
        return page

    first = profile("Eerste")
    MemberPageFactory(parent=directory, listing_image=ImageFactory())
    few = count_queries(client, first.url, cached=False)
    for n in range(30):
        profile(f"Nog een {n}")
    many_needs = MemberPageFactory(
        parent=directory,
        title="Veel",
        themes=list(themes.values()),
        listing_image=ImageFactory(),
        logo=ImageFactory(),
        needs=[("vrijwilligers", f"Hulp {n}") for n in range(20)],
    )

    assert count_queries(client, first.url, cached=False) == few
    assert count_queries(client, many_needs.url, cached=False) == few
    assert count_queries(client, first.url) <= 12


def test_translation_keeps_place_figures_themes_kind_and_needs(admin_client, client, member):
    english = translate_through_admin(admin_client, member)

    for field in (
        "latitude",
        "longitude",
        "place",
        "province",
        "founded_year",
        "people_reached",
        "volunteers",
        "volunteer_hours_per_week",
        "kind_id",
        "website",
        "public_email",
        "public_phone",
        "contact_name",
        "contact_email",
    ):
        assert getattr(english, field) == getattr(member, field), field
    assert list(english.themes.all()) == list(member.themes.all())
    needs = [(need.kind, need.description, need.is_met) for need in english.needs.all()]
    assert needs == [
        ("vrijwilligers", "[en] Chauffeurs voor zaterdag", False),
        ("geld", "[en] Een tweede bus", True),
    ]
    html = client.get(english.url).text
    assert "Foundation" in html  # the kind, in English
    assert "[en] Zorg &amp; welzijn" in html
    assert "[en] Chauffeurs voor zaterdag" in html
    assert "Met, thank you!" in html
    assert PRIVATE[1] not in html


def test_a_need_met_in_dutch_is_met_in_english_after_a_sync(member):
    english_locale = Locale.objects.get(language_code="en")
    translate_instance(member, english_locale, to_english)
    need = member.needs.get(kind="vrijwilligers")
    need.is_met = True
    need.save()
    member.save_revision().publish()

    with TestCase.captureOnCommitCallbacks(execute=True):
        english = translate_instance(member, english_locale, to_english)

    assert english.specific.needs.get(kind="vrijwilligers").is_met


def test_editors_can_open_the_profile_form_in_the_admin(admin_client, directory, member):
    add = admin_client.get(f"/admin/pages/add/members/memberpage/{directory.pk}/")
    edit = admin_client.get(f"/admin/pages/{member.pk}/edit/")

    assert add.status_code == edit.status_code == 200
    assert "Contact voor hulpaanbod (niet openbaar)" in edit.text
    assert 'name="needs-TOTAL_FORMS"' in edit.text


class TestEditorsPreview(WagtailPageTestCase):
    """Wagtail's preview renders the directory and a profile, saved or not."""

    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root, slug="preview-home")
        cls.index = MemberIndexPageFactory(parent=cls.home)
        cls.member = MemberPageFactory(parent=cls.index, needs=[("geld", "Een bus")])

    def setUp(self):
        self.login()

    def form_data(self, url, **changes):
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        # StreamFields are drawn by script; an empty one posts its count only.
        data.update({"body-count": "0", "gallery-count": "0", **changes})
        return data

    def test_directory_and_profile_can_be_previewed(self):
        member_data = self.form_data(f"/admin/pages/{self.member.pk}/edit/")

        self.assertPageIsPreviewable(self.index)
        self.assertPageIsPreviewable(self.member, post_data=member_data)

    def test_a_new_profile_can_be_previewed_before_its_first_save(self):
        data = self.form_data(f"/admin/pages/add/members/memberpage/{self.index.pk}/")
        data.update(
            {
                "title": "Nieuw initiatief",
                "slug": "nieuw-initiatief",
                "intro": "Nog niet opgeslagen.",
                "kind": str(organisation_kind().pk),
                "place": "Utrecht",
                "province": "utrecht",
                "needs-TOTAL_FORMS": "1",
                "needs-0-kind": "geld",
                "needs-0-description": "Een bus",
                "needs-0-ORDER": "1",
            }
        )
        preview = reverse(
            "wagtailadmin_pages:preview_on_add", args=["members", "memberpage", self.index.pk]
        )

        posted = self.client.post(preview, data)
        shown = self.client.get(preview)

        assert posted.json() == {"is_valid": True, "is_available": True}
        assert shown.status_code == 200
        assert "Nieuw initiatief" in shown.text
        assert "Een bus" in shown.text


def test_clearing_themes_on_a_dutch_profile_clears_them_on_the_translation(member):
    english_locale = Locale.objects.get(language_code="en")
    english = translate_instance(member, english_locale, to_english)
    assert english.specific.themes.count() == 1

    member.themes.set([])
    member.save_revision().publish()
    with TestCase.captureOnCommitCallbacks(execute=True):
        english = translate_instance(member, english_locale, to_english)

    assert english.specific.themes.count() == 0


def test_other_apps_add_sections_to_a_profile_through_a_hook(client, member, directory):
    from wagtail import hooks

    from portal.home import HomeSection

    partner = MemberPageFactory(parent=directory, title="Samenwerkingspartner")

    def labs(request, page):
        if page.pk != member.pk:
            return None
        return HomeSection(
            "members/includes/home_section.html", {"members": [partner], "index": None}
        )

    with hooks.register_temporarily("members_profile_sections", labs):
        html = client.get(member.url).text

    assert "Initiatieven in het netwerk" in html
    assert 'href="/nl/initiatieven/samenwerkingspartner/"' in html


def test_profile_map_does_not_point_to_a_list_it_does_not_have(client, member, directory):
    profile = client.get(member.url).text
    listing = client.get(directory.url).text

    assert 'id="member-map"' in profile
    assert "De kaart kon niet worden geladen." in profile
    assert "De lijst toont elk resultaat." not in profile
    # the directory lists every initiative beside its map: there the notice points to it
    assert "De kaart kon niet worden geladen. De lijst toont elk resultaat." in listing
