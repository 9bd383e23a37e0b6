"""The demo programme: enough labs, in every phase, in both languages, with real partners."""

import pytest

from livinglabs.models import LivingLabPage

pytestmark = pytest.mark.django_db


def test_demo_programme_has_labs_in_every_phase_in_both_languages(client, demo):
    dutch = LivingLabPage.objects.live().filter(locale__language_code="nl")
    english = LivingLabPage.objects.live().filter(locale__language_code="en")
    assert dutch.count() >= 8
    assert english.count() == dutch.count()
    assert set(dutch.values_list("phase", flat=True)) == set(LivingLabPage.Phase.values)

    groningen = dutch.get(slug="ontdekking-van-groningen")
    assert groningen.business_cases.count() == 20
    assert groningen.business_cases.filter(status="uitgewerkt").count() == 5
    amersfoort = dutch.get(slug="expeditie-nieuw-amersfoort")
    assert amersfoort.figures.get(kind="bewoners").value == 40
    assert dutch.filter(partners__member__isnull=False).distinct().count() >= 6

    programme = client.get("/en/living-labs/")
    assert programme.status_code == 200
    assert "Mushrooms on coffee grounds" in programme.text
    case = client.get("/en/living-labs/generation-house-gerkesklooster/")
    assert "Village Cooperative Gerkesklooster-Stroobos" in case.text
    assert "Renovation starts" in case.text
    profile = client.get("/nl/initiatieven/dorpscooperatie-gerkesklooster-stroobos/")
    assert 'href="/nl/living-labs/generatiehuis-gerkesklooster/"' in profile.text
    home = client.get("/nl/")
    assert 'id="home-labs"' in home.text
