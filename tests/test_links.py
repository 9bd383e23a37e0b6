"""Absolute links lead where the site is served: ``make run`` serves 127.0.0.1:8000.

Wagtail's first migration creates a default Site ``localhost:80``; every absolute link is
built from that record (mail, canonical, ``og:url``, sitemap, feeds, calendars), and on a
fresh ``make run`` nothing listens there.
"""

import pytest
from wagtail.models import Site

from home.demo import serve_site_at_base_url

pytestmark = pytest.mark.django_db


def test_the_demo_site_is_served_at_the_base_url_not_wagtails_placeholder(home_nl, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    Site.objects.update(hostname="localhost", port=80)

    serve_site_at_base_url()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert home_nl.get_full_url().startswith("http://127.0.0.1:8000/nl/")


def test_a_site_given_its_own_address_keeps_it(home_nl, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    Site.objects.update(hostname="wijkkracht.example", port=443)

    serve_site_at_base_url()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("wijkkracht.example", 443)


def test_the_map_credits_its_source_in_the_visitors_language(client, demo):
    dutch = client.get("/nl/initiatieven/")
    english = client.get("/en/initiatives/")

    assert dutch.status_code == english.status_code == 200
    assert 'data-map-attribution="Kaartgegevens &amp;copy;' in dutch.text
    assert 'data-map-attribution="Map data &amp;copy;' in english.text
    assert "Kaartgegevens" not in english.text
