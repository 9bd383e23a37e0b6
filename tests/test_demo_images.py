"""The demo's illustrations: a scene of its own per theme, the same picture for the same
seed, drawn without downloading anything."""

import io
from itertools import combinations

from PIL import Image, ImageChops, ImageStat

from portal.demo_content import THEMES
from portal.demo_images import SCENES, illustration, neighbourhood

SMALL = (400, 250)


def picture(data):
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    return image.convert("L")


def difference(first, second):
    """Mean difference of two pictures' shapes (grey levels, 0-255)."""
    return sum(ImageStat.Stat(ImageChops.difference(first, second)).mean)


def test_every_demo_theme_has_a_scene_of_its_own():
    assert set(SCENES) == {slug for slug, *_rest in THEMES}
    # the same seed and colours: what differs is the scene
    drawn = {slug: picture(illustration("Buurt", slug, "teal", SMALL)) for slug in SCENES}

    for first, second in combinations(drawn, 2):
        assert difference(drawn[first], drawn[second]) > 8, (first, second)


def test_an_illustration_is_the_same_for_the_same_seed_and_differs_for_another():
    once = illustration("Repaircafé Lelystad", "afval-grondstoffen", "orange", SMALL)

    assert illustration("Repaircafé Lelystad", "afval-grondstoffen", "orange", SMALL) == once
    assert illustration("Repaircafé Leeuwarden", "afval-grondstoffen", "orange", SMALL) != once


def test_an_unknown_theme_is_drawn_as_a_street():
    assert illustration("Straat", "bestaat-niet", "blue", SMALL) == neighbourhood(
        "Straat", "blue", SMALL
    )
