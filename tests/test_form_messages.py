"""One voice on every public form: an empty required field says what to do with it, in short
("Vul je naam in." / "Fill in your name."), and the error summary names the consent field by a
short name, not by its whole sentence. The application form: tests/calls/test_apply.py."""

import html
import re

import pytest
from django.core.cache import cache

from portal.models import SiteSettings

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    MemberIndexPageFactory,
    MemberPageFactory,
    QuestionPageFactory,
)
from .utils import translated

pytestmark = pytest.mark.django_db

EMPTY = {"form_token": "leeg", "website": ""}


@pytest.fixture
def forms(home_nl, home_en):
    """The address each public form posts to, in Dutch and in English."""
    SiteSettings.load()
    index = BlogIndexPageFactory(parent=home_nl)
    translated(index)
    story = BlogPageFactory(parent=index, title="Zonnedaken")
    questions = QuestionPageFactory(parent=home_nl)
    directory = MemberIndexPageFactory(parent=home_nl)
    english_directory = translated(directory)
    member = MemberPageFactory(
        parent=directory, title="Buurtbus Eemland", needs=[("vrijwilligers", "Chauffeurs")]
    )
    cache.clear()
    return {
        "reaction": (story.url, translated(story).url),
        "question": (questions.url, translated(questions).url),
        "registration": (f"{directory.url}aanmelden/", f"{english_directory.url}register/"),
        "help offer": (f"{member.url}ik-kan-helpen/", f"{translated(member).url}i-can-help/"),
    }


def summary(response):
    """The error summary's lines, as read."""
    found = re.search(r'<ul class="error-summary__list">(.*?)</ul>', response.text, re.S)
    return [
        html.unescape(re.sub(r"<[^>]+>", "", line)).strip()
        for line in re.findall(r"<li>(.*?)</li>", found.group(1), re.S)
    ]


def field_errors(response):
    return [
        html.unescape(error)
        for error in re.findall(r'<ul class="errorlist"[^>]*><li>(.*?)</li>', response.text)
    ]


# What every form asks by the same name, with the message it then gives.
DUTCH = {
    "reaction": ["Vul je naam in.", "Vul je e-mailadres in.", "Vul je reactie in."],
    "question": [
        "Vul je naam in.",
        "Vul je e-mailadres in.",
        "Kies waar je staat in het speelveld.",
        "Vul de gemeente in.",
        "Kies het thema van je vraag.",
        "Vul je vraag in.",
        "Kies of we je vraag mogen publiceren.",
    ],
    "registration": [
        "Vul de naam van het initiatief in.",
        "Kies het soort organisatie.",
        "Vul de plaats in.",
        "Kies de provincie.",
        "Vul een beschrijving van je initiatief in.",
        "Vul de naam van de contactpersoon in.",
        "Vul het e-mailadres van de contactpersoon in.",
    ],
    "help offer": ["Kies waarmee je kunt helpen.", "Vul je naam in.", "Vul je e-mailadres in."],
}
ENGLISH = {
    "reaction": ["Fill in your name.", "Fill in your e-mail address.", "Fill in your reaction."],
    "question": ["Fill in your name.", "Choose where you stand in the playing field."],
    "registration": ["Fill in the name of the initiative.", "Choose the kind of organisation."],
    "help offer": ["Choose what you can help with.", "Fill in your message."],
}


@pytest.mark.parametrize("form", DUTCH)
def test_every_public_form_posted_empty_says_what_to_fill_in_in_dutch(client, forms, form):
    response = client.post(forms[form][0], EMPTY)

    assert response.status_code in (200, 400)
    lines, errors = summary(response), field_errors(response)
    for message in DUTCH[form]:
        assert message in errors
        assert any(line.endswith(f": {message}") for line in lines)
    assert "Toestemming: Vink het vakje aan om toestemming te geven." in lines
    assert "Vink het vakje aan om toestemming te geven." in errors
    assert not [line for line in lines if line.startswith("Ik ga ermee akkoord")]
    assert "Dit is een verplicht veld." not in response.text


@pytest.mark.parametrize("form", ENGLISH)
def test_every_public_form_posted_empty_says_what_to_fill_in_in_english(client, forms, form):
    response = client.post(forms[form][1], EMPTY)

    assert response.headers["Content-Language"] == "en"
    lines, errors = summary(response), field_errors(response)
    for message in ENGLISH[form]:
        assert message in errors
        assert any(line.endswith(f": {message}") for line in lines)
    assert "Consent: Tick the box to give your consent." in lines
    assert not [line for line in lines if line.startswith("I agree")]
    assert "This field is required." not in response.text
