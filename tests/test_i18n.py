"""Translation: wagtail-localize's round trip for every page type, and what it must keep."""

import datetime
from decimal import Decimal
from pathlib import Path

import polib
import pytest
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation

from portal.demo import translate_instance

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    MemberIndexPageFactory,
    MemberPageFactory,
    OpenCallPageFactory,
    QuestionPageFactory,
    StandardPageFactory,
    ThemeFactory,
)
from .utils import to_english, translate_through_admin, translated

pytestmark = pytest.mark.django_db
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@pytest.fixture
def sections(home_nl, home_en):
    blog = BlogIndexPageFactory(parent=home_nl)
    members = MemberIndexPageFactory(parent=home_nl)
    labs = LivingLabIndexPageFactory(parent=home_nl)
    for index in (blog, members, labs):
        translated(index)
    return {"blog": blog, "members": members, "labs": labs, "home": home_nl}


def make(kind, sections, themes):
    home = sections["home"]
    return {
        "standard": lambda: StandardPageFactory(
            parent=home, title="Voor bewoners", intro="Regel het samen."
        ),
        "blog": lambda: BlogPageFactory(
            parent=sections["blog"],
            title="Zwammen op koffiedik",
            intro="Restaurants geven koffieprut.",
            date=datetime.date(2026, 5, 4),
            themes=themes,
        ),
        "member": lambda: MemberPageFactory(
            parent=sections["members"],
            title="Repaircafé Noord",
            intro="We repareren samen.",
            themes=themes,
            latitude=Decimal("53.21900"),
            longitude=Decimal("6.56700"),
            volunteers=12,
        ),
        "lab": lambda: LivingLabPageFactory(
            parent=sections["labs"],
            title="Wijkbedrijf Zuid",
            summary="Onderhoud door de wijk.",
            themes=themes,
            start_date=datetime.date(2025, 9, 1),
        ),
        "call": lambda: OpenCallPageFactory(
            parent=home, title="Open oproep 2027", intro="Twaalf living labs."
        ),
        "question": lambda: QuestionPageFactory(
            parent=home, title="Breng je vraag in", intro="Stel je vraag."
        ),
    }[kind]()


@pytest.mark.parametrize("kind", ["standard", "blog", "member", "lab", "call", "question"])
def test_translation_round_trip_through_the_admin(admin_client, client, sections, theme, kind):
    translate_instance(theme, Locale.objects.get(language_code="en"), to_english)
    source = make(kind, sections, [theme])
    source.save_revision().publish()

    english = translate_through_admin(admin_client, source)

    assert english.live
    assert english.title == f"[en] {source.title}"
    response = client.get(english.url)
    assert response.status_code == 200
    assert f"[en] {source.title}" in response.text
    for field in (
        "date",
        "start_date",
        "latitude",
        "longitude",
        "volunteers",
        "opens_at",
        "closes_at",
        "province",
        "phase",
    ):
        if hasattr(source, field):
            assert getattr(english, field) == getattr(source, field), field
    if hasattr(source, "themes"):
        assert list(english.themes.all()) == [theme]
        assert "[en] Energie" in response.text


def test_submitting_for_translation_keeps_the_english_page_a_draft(admin_client, client, sections):
    story = BlogPageFactory(parent=sections["blog"], title="Nog niet vertaald")
    story.save_revision().publish()
    english_locale = Locale.objects.get(language_code="en")

    with TestCase.captureOnCommitCallbacks(execute=True):
        admin_client.post(
            f"/admin/localize/submit/page/{story.id}/", {"locales": [english_locale.id]}
        )

    draft = story.get_translation(english_locale)
    assert not draft.live
    assert client.get(f"/en/verhalen/{draft.slug}/").status_code == 404
    switcher = client.get(story.url).text
    assert '<a class="language-switcher__link" href="/en/" hreflang="en"' in switcher


def test_clearing_themes_on_the_dutch_page_clears_them_on_the_translation(sections, theme):
    english_locale = Locale.objects.get(language_code="en")
    story = BlogPageFactory(parent=sections["blog"], themes=[theme])
    story.save_revision().publish()
    english = translate_instance(story, english_locale, to_english)
    assert list(english.themes.all()) == [theme]

    story.themes.set([])
    story.save_revision().publish()
    with TestCase.captureOnCommitCallbacks(execute=True):
        english = translate_instance(story, english_locale, to_english)

    english.refresh_from_db()
    assert list(english.themes.all()) == []


def test_a_scheduled_page_is_translated_with_its_schedule(sections):
    go_live = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    story = BlogPageFactory(parent=sections["blog"], live=False)
    story.go_live_at = go_live
    story.save_revision().publish()

    with TestCase.captureOnCommitCallbacks(execute=True):
        english = translate_instance(story, Locale.objects.get(language_code="en"), to_english)

    english.refresh_from_db()
    assert english.go_live_at == go_live
    assert not english.live


def test_theme_names_are_shown_in_the_visitors_language_in_one_query(client, sections):
    english_locale = Locale.objects.get(language_code="en")
    themes = [ThemeFactory(name=f"Thema {n}", slug=f"thema-{n}") for n in range(5)]
    for theme in themes:
        translate_instance(theme, english_locale, to_english)
    story = BlogPageFactory(parent=sections["blog"], themes=themes)
    story.save_revision().publish()
    with TestCase.captureOnCommitCallbacks(execute=True):
        english = translate_instance(story, english_locale, to_english)

    response = client.get(english.url)

    for theme in themes:
        assert f"[en] {theme.name}" in response.text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_interface_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    if language == "en":
        # English is the source language: its catalogue must say exactly what the code says.
        assert [e.msgid for e in catalogue if not e.msgid_plural and e.msgstr != e.msgid] == []


def test_translation_records_are_kept_for_every_translated_page(admin_client, sections):
    story = BlogPageFactory(parent=sections["blog"])
    story.save_revision().publish()

    translate_through_admin(admin_client, story)

    assert Translation.objects.filter(source__object_id=story.translation_key).count() == 1


def test_home_page_round_trip_through_the_admin(admin_client, client, home_nl):
    home_nl.save_revision().publish()

    english = translate_through_admin(admin_client, home_nl)

    response = client.get("/en/")
    assert english.live
    assert response.status_code == 200
    assert f"[en] {home_nl.hero_title}" in response.text
