"""The stylesheet styles what the templates name: every class that the living-lab and card
templates use has a selector in static/css/site.css (one plain stylesheet, no build step, so
a class without a rule is a piece of the page nobody designed)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from livinglabs.models import BusinessCaseStatus, LivingLabPage, PartnerRole
from portal.models import Theme
from portal.templatetags.portal_images import PLACEHOLDER_KINDS

ROOT = Path(settings.BASE_DIR)
TEMPLATES = [
    *sorted((ROOT / "templates/livinglabs").rglob("*.html")),
    ROOT / "templates/includes/card.html",
]
CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
TAG = re.compile(r"{%.*?%}")
VARIABLE = re.compile(r"{{\s*(.*?)\s*}}")
# A class made from a value: the values it can take.
DYNAMIC = {
    "phase--{{page.phase}}": [f"phase--{value}" for value in LivingLabPage.Phase.values],
    "phase--{{code}}": [f"phase--{value}" for value in LivingLabPage.Phase.values],
    "partner--{{partner.role}}": [f"partner--{value}" for value in PartnerRole.values],
    "business-case--{{case.status}}": [
        f"business-case--{value}" for value in BusinessCaseStatus.values
    ],
    "timeline__item--{{milestone.state}}": [
        f"timeline__item--{state}" for state in ("past", "next", "future")
    ],
    "{{placeholder.modifier}}": [
        *(f"theme--{colour}" for colour in Theme.Colour.values),
        *(f"card__placeholder--{kind}" for kind in PLACEHOLDER_KINDS),
    ],
}


def template_classes(path):
    """Every class ``path`` can give an element, both sides of an {% if %} included."""
    classes = set()
    for value in CLASS_ATTRIBUTE.findall(path.read_text()):
        for name in VARIABLE.sub(r"{{\1}}", TAG.sub(" ", value)).split():
            if "{{" in name:
                assert name in DYNAMIC, f"{path.name}: say which values {name} takes"
                classes.update(DYNAMIC[name])
            else:
                classes.add(name)
    return classes


def stylesheet_classes():
    css = re.sub(r"/\*.*?\*/", "", (ROOT / "static/css/site.css").read_text(), flags=re.S)
    selectors = re.findall(r"([^{}]+){", css)
    return {name for selector in selectors for name in re.findall(r"\.([a-zA-Z_][\w-]*)", selector)}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_class_of_the_lab_and_card_templates_has_a_rule(path):
    missing = template_classes(path) - stylesheet_classes()

    assert missing == set()


def test_the_class_parser_sees_classes_made_from_values():
    classes = template_classes(ROOT / "templates/livinglabs/living_lab_page.html")

    assert {"timeline__item--past", "timeline__item--future", "partner--gemeente"} <= classes
    assert "business-case--gestart" in classes
