"""Fixtures for the open call: a call with one question of every kind, in two languages,
reviewers of this and of another call, an editor, and helpers to post applications."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from wagtail.models import Locale

from calls.models import CallReviewer, OpenCallPage
from calls.permissions import REVIEWER_GROUP

from ..factories import ApplicationFactory, OpenCallPageFactory
from ..utils import translated

QUESTIONS = [
    (
        "short_text",
        {"label": "Naam van je buurt", "help_text": "", "required": True, "max_length": 60},
    ),
    (
        "long_text",
        {"label": "Waarom nu?", "help_text": "Vertel het kort.", "required": True, "max_words": 50},
    ),
    (
        "number",
        {
            "label": "Hoeveel bewoners doen mee?",
            "help_text": "",
            "required": True,
            "min_value": 1,
            "max_value": 10000,
        },
    ),
    (
        "choice",
        {
            "label": "Fase",
            "help_text": "",
            "required": True,
            "choices": ["Idee", "Start", "Loopt al"],
        },
    ),
    (
        "multiple_choice",
        {
            "label": "Wat heb je nodig?",
            "help_text": "",
            "required": False,
            "choices": ["Geld", "Ruimte", "Kennis"],
        },
    ),
    ("yes_no", {"label": "Doet de gemeente mee?", "help_text": "", "required": True}),
    ("date", {"label": "Gewenste startdatum", "help_text": "", "required": False}),
    (
        "file",
        {
            "label": "Plan van aanpak",
            "help_text": "",
            "required": True,
            "max_files": 2,
            "max_size_mb": 1,
            "file_types": ["pdf", "docx"],
        },
    ),
]
CRITERIA = [
    ("criterion", {"label": "Maatschappelijke waarde", "description": "", "max_score": 5}),
    ("criterion", {"label": "Haalbaarheid", "description": "", "max_score": 5}),
]
ENGLISH_LABELS = {
    "Naam van je buurt": "Name of your neighbourhood",
    "Waarom nu?": "Why now?",
    "Hoeveel bewoners doen mee?": "How many residents take part?",
    "Fase": "Stage",
    "Wat heb je nodig?": "What do you need?",
    "Doet de gemeente mee?": "Does the municipality take part?",
    "Gewenste startdatum": "Preferred start date",
    "Plan van aanpak": "Plan of action",
}
ENGLISH_CHOICES = {
    "Idee": "Idea",
    "Start": "Starting",
    "Loopt al": "Running",
    "Geld": "Money",
    "Ruimte": "Space",
    "Kennis": "Knowledge",
}
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def pdf(name="plan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx(name="plan.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


@pytest.fixture
def call(home_nl, theme):
    return OpenCallPageFactory(
        parent=home_nl,
        title="Open oproep living labs",
        slug="open-oproep",
        questions=QUESTIONS,
        criteria=CRITERIA,
        max_budget=50000,
        next_steps="We laten binnen zes weken van ons horen.",
    )


@pytest.fixture
def call_en(call, home_en):
    """The English call: the same questions (same block ids), with English words."""
    english = translated(call)
    for block in english.questions:
        block.value["label"] = ENGLISH_LABELS[block.value["label"]]
        if "choices" in block.value:
            for child in block.value["choices"].bound_blocks:
                child.value = ENGLISH_CHOICES[child.value]
    english.title = "Open call living labs"
    english.slug = "open-call"
    with TestCase.captureOnCommitCallbacks(execute=True):
        english.save_revision().publish()
    english.refresh_from_db()
    return english


def q(page, index):
    """The form field name of the call's ``index``-th question (order of QUESTIONS)."""
    return f"q_{list(page.questions)[index].id}"


def options(page, index):
    return [child.id for child in list(page.questions)[index].value["choices"].bound_blocks]


def valid_data(page, **changes):
    """A complete application to ``page`` (in its language), as the browser posts it."""
    data = {
        "name": "Fatima el Amrani",
        "email": "fatima@example.org",
        "phone": "06 12345678",
        "role": "bewoner",
        "organisation": "",
        "municipality": "Haarlem",
        "neighbourhood": "Schalkwijk",
        "province": "noord-holland",
        "title": "Wijkbedrijf Schalkwijk",
        "question": "Hoe houden we het groen in de wijk bij?",
        "summary": "Bewoners onderhouden samen het groen en verdienen er iets mee.",
        "themes": ["energie"],
        "partners": "Woningcorporatie Elan\nGemeente Haarlem",
        "budget": "12.500",
        "consent": "on",
        q(page, 0): "Schalkwijk",
        q(page, 1): "Omdat de gemeente het groenbudget wil overdragen.",
        q(page, 2): "40",
        q(page, 3): options(page, 3)[0],
        q(page, 4): [options(page, 4)[0], options(page, 4)[2]],
        q(page, 5): "yes",
        q(page, 6): "2027-03-01",
        q(page, 7): pdf(),
        "form_token": "token-1",
        "website": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def reviewer_group(db):
    return Group.objects.get(name=REVIEWER_GROUP)


def make_user(username, *, group=None, superuser=False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@wijkkracht.example",
        password="geheim-wachtwoord-1",
        first_name=username.capitalize(),
        is_superuser=superuser,
        is_staff=superuser,
    )
    if group:
        user.groups.add(group)
    return user


@pytest.fixture
def reviewer(call, reviewer_group):
    user = make_user("beoordelaar", group=reviewer_group)
    CallReviewer.objects.create(call=call, user=user)
    return user


@pytest.fixture
def second_reviewer(call, reviewer_group):
    user = make_user("tweede", group=reviewer_group)
    CallReviewer.objects.create(call=call, user=user)
    return user


@pytest.fixture
def other_call(home_nl):
    return OpenCallPageFactory(parent=home_nl, title="Andere oproep", slug="andere-oproep")


@pytest.fixture
def other_reviewer(other_call, reviewer_group):
    user = make_user("ander", group=reviewer_group)
    CallReviewer.objects.create(call=other_call, user=user)
    return user


@pytest.fixture
def editor(db):
    return make_user("redacteur", group=Group.objects.get(name="Editors"))


@pytest.fixture
def coordinator(db):
    return make_user("coordinator", superuser=True)


@pytest.fixture
def application(call):
    return ApplicationFactory(call=call)


def nl_call(page):
    return OpenCallPage.objects.get(
        translation_key=page.translation_key, locale=Locale.objects.get(language_code="nl")
    )
