"""The demo directory: enough initiatives, everywhere, on every theme, in both languages."""

import pytest

from members.models import MemberPage
from portal.choices import Province
from portal.models import Theme

pytestmark = pytest.mark.django_db


def test_demo_directory_covers_the_country_and_the_themes_in_both_languages(client, demo):
    dutch = MemberPage.objects.live().filter(locale__language_code="nl")
    english = MemberPage.objects.live().filter(locale__language_code="en")
    assert dutch.count() >= 24
    assert english.count() == dutch.count()
    assert set(dutch.values_list("province", flat=True)) == set(Province.values)
    assert set(dutch.values_list("themes__slug", flat=True)) == set(
        Theme.objects.filter(locale__language_code="nl").values_list("slug", flat=True)
    )
    assert dutch.exclude(latitude=None).count() >= 20
    assert dutch.exclude(people_reached=None).count() >= 20
    kinds = set(dutch.values_list("kind__slug", flat=True))
    assert {"bewonersorganisatie", "cooperatie", "zorgboerderij", "stichting"} <= kinds
    for title in (
        "Bewonersorganisatie Beijum",
        "Dorpscoöperatie Gerkesklooster-Stroobos",
        "Hart voor de K-buurt",
    ):
        assert dutch.filter(title=title).exists(), title
    assert dutch.filter(kind__slug="zorgboerderij").exists()
    assert dutch.filter(title__icontains="energiecoöperatie").exists()
    assert dutch.filter(title__icontains="repaircafé").exists()

    listing = client.get("/en/initiatives/?theme=energie")
    assert listing.status_code == 200
    assert "Energy Cooperative Solar Roof Zwolle" in listing.text
    profile = client.get("/en/initiatives/residents-organisation-beijum/")
    assert "People to deliver the neighbourhood paper" in profile.text
    assert "Residents' organisation" in profile.text
    figures = client.get("/nl/initiatieven/cijfers/").context["figures"]
    assert figures["total"].initiatives == dutch.count()
