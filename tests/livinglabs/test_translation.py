"""Translating a lab through wagtail-localize: words translate, facts stay synchronised."""

import datetime
from decimal import Decimal

import pytest
from django.test import TestCase
from wagtail.models import Locale

from livinglabs.models import LivingLabPage
from portal.demo import translate_instance

from ..factories import LivingLabPageFactory, MemberPageFactory, lab_parts
from ..utils import to_english, translate_through_admin

pytestmark = pytest.mark.django_db

FACTS = (
    "phase",
    "start_date",
    "end_date",
    "place",
    "province",
    "latitude",
    "longitude",
    "contact_name",
    "contact_email",
    "contact_phone",
)


@pytest.fixture
def lab(programme, themes, directory):
    member = MemberPageFactory(parent=directory, title="Wijkbedrijf Schalkwijk")
    return LivingLabPageFactory(
        parent=programme,
        title="Wijkbedrijf onderhoudt de huizen",
        phase="opstart",
        start_date=datetime.date(2026, 2, 1),
        end_date=datetime.date(2028, 2, 1),
        place="Haarlem",
        province="noord-holland",
        latitude=Decimal("52.36300"),
        longitude=Decimal("4.66500"),
        summary="Bewoners doen het onderhoud.",
        results="Zes mensen aan het werk.",
        co_creation="Samen het bestek geschreven.",
        contact_name="Karim Benali",
        contact_email="lab@schalkwijk.example",
        contact_phone="023 123 4567",
        themes=[themes["wonen"]],
        **lab_parts(
            partners=[(member, "initiatief"), ("Woningcorporatie Elan", "woningcorporatie")],
            cases=[("Schilderploeg", "gestart")],
            figures=[("banen", 6)],
            milestones=[(datetime.date(2026, 2, 1), "Eerste klus")],
        ),
    )


def parts(page):
    return {
        "partners": [(p.member_id, p.name, p.role) for p in page.partners.order_by("sort_order")],
        "cases": [(c.title, c.status) for c in page.business_cases.all()],
        "figures": [(f.kind, f.value) for f in page.figures.all()],
        "milestones": [(m.date, m.title) for m in page.milestones.all()],
    }


def test_round_trip_translates_words_and_keeps_facts(admin_client, client, lab):
    english = translate_through_admin(admin_client, lab)

    for name in FACTS:
        assert getattr(english, name) == getattr(lab, name), name
    assert list(english.themes.all()) == list(lab.themes.all())
    assert english.title == "[en] Wijkbedrijf onderhoudt de huizen"
    assert english.summary == "[en] Bewoners doen het onderhoud."
    assert english.co_creation == "[en] Samen het bestek geschreven."
    member_id = lab.partners.get(role="initiatief").member_id
    assert parts(english) == {
        # the partner's name is a name in both languages; the initiative is the same one
        "partners": [
            (member_id, "", "initiatief"),
            (None, "Woningcorporatie Elan", "woningcorporatie"),
        ],
        "cases": [("[en] Schilderploeg", "gestart")],
        "figures": [("banen", 6)],
        "milestones": [(datetime.date(2026, 2, 1), "[en] Eerste klus")],
    }
    assert all(p.locale.language_code == "en" for p in english.partners.all())
    html = client.get(english.url).text
    assert "Starting up" in html
    assert "[en] Schilderploeg" in html and "Started" in html
    assert "Housing corporation" in html


def test_a_change_in_dutch_reaches_the_translation_on_sync(lab, directory):
    english_locale = Locale.objects.get(language_code="en")
    translate_instance(lab, english_locale, to_english)
    other = MemberPageFactory(parent=directory, title="Buurtbus Haarlem")

    lab.partners.filter(role="initiatief").update(member=other)
    lab.figures.update(value=9)
    lab = LivingLabPage.objects.get(pk=lab.pk)
    lab.phase = "uitvoering"
    lab.latitude = Decimal("52.37000")
    lab.end_date = None
    lab.save_revision().publish()
    with TestCase.captureOnCommitCallbacks(execute=True):
        english = translate_instance(lab, english_locale, to_english).specific

    for name in FACTS:
        assert getattr(english, name) == getattr(lab, name), name
    assert english.partners.get(role="initiatief").member_id == other.pk
    assert english.figures.get().value == 9
    assert english.business_cases.get().title == "[en] Schilderploeg"


def test_facts_cannot_be_overridden_in_the_translation_editor():
    from wagtail_localize.fields import get_translatable_fields

    fields = {field.field_name: field for field in get_translatable_fields(LivingLabPage)}
    for name in ("phase", "start_date", "end_date", "province", "latitude", "longitude"):
        assert fields[name].is_synchronized(LivingLabPage()), name
        assert not fields[name].overridable, name
    assert fields["themes"].is_synchronized(LivingLabPage())


def test_clearing_themes_on_a_dutch_lab_clears_them_on_the_translation(lab):
    english_locale = Locale.objects.get(language_code="en")
    english = translate_instance(lab, english_locale, to_english)
    assert english.specific.themes.count() == 1

    lab = LivingLabPage.objects.get(pk=lab.pk)
    lab.themes.set([])
    lab.save_revision().publish()
    with TestCase.captureOnCommitCallbacks(execute=True):
        english = translate_instance(lab, english_locale, to_english)

    assert english.specific.themes.count() == 0
