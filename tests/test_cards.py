"""A card in a listing: one without an image shows a drawn, decorative placeholder in its
first theme's motif and colour, or its page type's, never a hole in the grid."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from portal.models import Theme
from portal.templatetags.portal_images import PLACEHOLDER_KINDS

from .factories import ImageFactory, LivingLabIndexPageFactory, LivingLabPageFactory, ThemeFactory

PLACEHOLDERS = Path(settings.BASE_DIR) / "static/img/placeholders"


def card(**context):
    return render_to_string("includes/card.html", {"title": "Buurtbus", "url": "/x/", **context})


def placeholder(html):
    """(classes, src, alt) of the card's placeholder, or None."""
    found = re.search(
        r'<div class="card__image card__placeholder ([^"]+)" aria-hidden="true">\s*'
        r'<img src="([^"]+)" alt="([^"]*)"',
        html,
    )
    return found and found.groups()


def test_a_card_without_an_image_shows_its_first_themes_motif_in_its_colour():
    themes = [Theme(name="Voedsel", icon="food", colour="green"), Theme(icon="care")]

    assert placeholder(card(themes=themes)) == (
        "theme--green",
        "/static/img/placeholders/food.svg",
        "",
    )


@pytest.mark.parametrize("kind", ["story", "member", "lab"])
def test_a_card_without_image_or_theme_shows_its_page_types_motif(kind):
    assert placeholder(card(kind=kind)) == (
        f"card__placeholder--{kind}",
        f"/static/img/placeholders/{kind}.svg",
        "",
    )


def test_an_unknown_kind_or_icon_falls_back_to_the_general_motif():
    assert placeholder(card(kind="nonsense"))[1] == "/static/img/placeholders/page.svg"
    assert placeholder(card(themes=[Theme(icon="gone", colour="red")]))[1].endswith("/page.svg")


@pytest.mark.django_db
def test_a_card_with_an_image_shows_the_image_and_no_placeholder():
    html = card(image=ImageFactory(), themes=[Theme(icon="food", colour="green")])

    assert "<picture>" in html or "<img" in html
    assert placeholder(html) is None


def test_every_motif_has_its_drawing():
    for name in [*Theme.Icon.values, *PLACEHOLDER_KINDS]:
        drawing = (PLACEHOLDERS / f"{name}.svg").read_text()
        assert drawing.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 225"')
        assert "<script" not in drawing


@pytest.mark.django_db
def test_the_programme_shows_a_lab_without_image_with_its_themes_placeholder(
    client, home_nl, home_en, locale_nl
):
    energy = ThemeFactory(name="Energie", slug="energie", icon="energy", colour="teal")
    programme = LivingLabIndexPageFactory(parent=home_nl)
    LivingLabPageFactory(parent=programme, title="Zonnedak", themes=[energy])

    html = client.get(programme.url).text

    assert placeholder(html) == ("theme--teal", "/static/img/placeholders/energy.svg", "")


def test_the_placeholder_takes_its_themes_colour_not_a_colour_of_its_own():
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    # theme--* rules come earlier in the file: a colour here would win over them
    rule = re.search(r"^\.card__placeholder \{([^}]*)\}", css, re.M).group(1)

    assert not re.search(r"(^|[\s;])color:", rule)
