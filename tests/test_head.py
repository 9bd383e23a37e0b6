"""What a phone needs first: one small stylesheet, deferred scripts, a description in the
page's language, a favicon, and the largest image at the top fetched first."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from .test_security import sample_pages

pytestmark = pytest.mark.django_db
FALLBACK_NL = "Wijkkracht verbindt bewonersinitiatieven"


def tags(html, name):
    return re.findall(rf"<{name}\b[^>]*>", html)


def test_every_page_type_has_one_stylesheet_a_description_and_a_favicon(client, demo):
    for page in sample_pages():
        html = client.get(page.url).text
        head = html.split("</head>")[0]
        language = page.locale.language_code

        assert len([tag for tag in tags(html, "link") if 'rel="stylesheet"' in tag]) == 1, page.url
        for script in tags(html, "script"):
            assert "src=" not in script or " defer" in script, (page.url, script)
        description = re.search(r'<meta name="description" content="([^"]*)"', head)[1]
        assert description.strip(), page.url
        if language == "en":
            assert FALLBACK_NL not in description, page.url
        assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in head


def test_the_stylesheet_is_small_and_the_favicon_is_there(client):
    assert Path(finders.find("css/site.css")).stat().st_size < 60_000
    assert finders.find("img/favicon.svg")
    assert client.get("/favicon.ico")["Location"] == "/static/img/favicon.svg"


def test_the_hero_of_home_is_fetched_first_and_other_images_wait(client, demo):
    for url in ("/nl/", "/en/"):
        images = tags(client.get(url).text, "img")
        first, rest = images[1], images[2:]  # images[0] is the logo

        assert 'fetchpriority="high"' in first and "loading=" not in first, first
        assert rest and all('loading="lazy"' in image for image in rest), rest


def test_a_stories_listing_image_is_fetched_first(client, demo):
    html = client.get("/nl/verhalen/de-all-inclusive-wijk/").text
    main = html.split('<main id="main"')[1]
    images = tags(main, "img")

    assert 'fetchpriority="high"' in images[0] and "loading=" not in images[0]
    assert all("fetchpriority" not in image for image in images[1:])
