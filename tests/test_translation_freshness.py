"""Translations you can trust: the note on translated pages and the editors' report."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from portal.demo import translate_instance
from portal.models import Theme

from .factories import BlogIndexPageFactory, BlogPageFactory, StandardPageFactory
from .utils import finish_translation, publish, to_english, translate_through_admin, translated

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translations-to-do/"


def sync(admin_client, page_or_snippet):
    """What an editor does on "Sync translated pages": update and publish at once."""
    source = TranslationSource.objects.get_for_instance(page_or_snippet)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[source.id]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302, response.content[:2000]


@pytest.fixture
def story_pair(admin_client, home_nl, home_en):
    blog = BlogIndexPageFactory(parent=home_nl, title="Verhalen", slug="verhalen")
    translated(blog)
    story = BlogPageFactory(parent=blog, title="Zwammen op koffiedik")
    publish(story)
    return story, translate_through_admin(admin_client, story)


def note_of(response):
    text = response.text
    start = text.find('<p class="translation-note')
    return text[start : text.find("</p>", start)] if start >= 0 else ""


# The note on translated pages --------------------------------------------------------------


def test_a_fresh_translation_says_it_was_translated_from_dutch_and_when(client, story_pair):
    story, english = story_pair
    synced = timezone.localtime(english.last_published_at)  # the date a Dutch visitor reads

    note = note_of(client.get(english.url))

    assert "This page was translated from Dutch" in note
    assert synced.strftime("%-d %B %Y") in note
    assert "has changed" not in note
    assert "translation-note--behind" not in note


def test_the_dutch_source_page_itself_has_no_note(client, story_pair):
    story, _english = story_pair

    assert note_of(client.get(story.url)) == ""


def test_after_the_dutch_page_changes_the_english_page_says_it_is_behind(
    admin_client, client, story_pair
):
    story, english = story_pair
    story.intro = "Restaurants geven nu ook theeblaadjes."
    publish(story)

    note = note_of(client.get(english.url))

    assert "translation-note--behind" in note
    assert "The Dutch page has changed since then" in note
    assert f'<a href="{story.url}" hreflang="nl">read the Dutch page</a>' in note


def test_a_sync_with_publish_is_not_called_up_to_date_while_text_is_untranslated(
    admin_client, client, story_pair
):
    """wagtail-localize's sync puts the new Dutch intro on the English page until someone
    translates it: the page says so, and stays in the report."""
    story, english = story_pair
    story.intro = "Restaurants geven nu ook theeblaadjes."
    publish(story)

    sync(admin_client, story)

    page = client.get(english.url)
    note = note_of(page)
    assert "Restaurants geven nu ook theeblaadjes." in page.text
    assert "parts of it are not translated yet and are shown in Dutch" in note
    assert "brought up to date" not in note
    rows = report_rows(admin_client)
    assert [(row["Title"], row["State"]) for row in rows] == [
        ("Zwammen op koffiedik", "Partly untranslated")
    ]


def test_after_a_sync_and_translating_the_rest_the_english_page_is_fresh_again(
    admin_client, client, story_pair
):
    story, english = story_pair
    story.intro = "Restaurants geven nu ook theeblaadjes."
    publish(story)
    sync(admin_client, story)

    finish_translation(admin_client, story)

    note = note_of(client.get(english.url))
    assert "This page was translated from Dutch" in note
    assert "has changed" not in note and "not translated yet" not in note
    assert report_rows(admin_client) == []


def test_a_sync_that_is_not_yet_published_leaves_the_english_page_behind(
    admin_client, client, story_pair
):
    story, english = story_pair
    story.intro = "Restaurants geven nu ook theeblaadjes."
    publish(story)
    source = TranslationSource.objects.get_for_instance(story)
    assert "has changed" in note_of(client.get(english.url))

    # Synced, but the English update waits in the translation editor: still behind.
    admin_client.post(reverse("wagtail_localize:update_translations", args=[source.id]), {})

    story.refresh_from_db()
    assert TranslationSource.objects.get(pk=source.pk).last_updated_at > story.last_published_at
    assert "has changed" in note_of(client.get(english.url))


def test_republishing_the_english_page_without_a_sync_leaves_it_behind(
    admin_client, client, story_pair
):
    story, english = story_pair
    story.intro = "Restaurants geven nu ook theeblaadjes."
    publish(story)

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[english.id]), {"action": "publish"}
        )
    assert response.status_code == 302

    assert "has changed" in note_of(client.get(english.url))


def test_a_sync_without_a_dutch_change_claims_no_change(admin_client, client, story_pair):
    story, english = story_pair
    source = TranslationSource.objects.get_for_instance(story)

    admin_client.post(reverse("wagtail_localize:update_translations", args=[source.id]), {})

    note = note_of(client.get(english.url))
    assert "This page was translated from Dutch" in note
    assert "has changed" not in note


def test_a_page_written_in_english_first_makes_no_claim_of_a_dutch_source(client, home_en):
    page = StandardPageFactory(parent=home_en, title="Written in English", slug="written")
    publish(page)

    response = client.get(page.url)

    assert response.status_code == 200
    assert note_of(response) == ""
    assert "translated from" not in response.text


def test_a_dutch_page_translated_from_english_says_so_in_dutch(admin_client, client, home_en):
    page = StandardPageFactory(parent=home_en, title="Written in English", slug="written")
    publish(page)
    with TestCase.captureOnCommitCallbacks(execute=True):
        dutch = translate_instance(page, Locale.objects.get(language_code="nl"), lambda m: m)

    note = note_of(client.get(dutch.url))

    assert "Deze pagina is vertaald uit het Engels" in note
    assert note_of(client.get(page.url)) == ""


def test_a_page_copied_without_wagtail_localize_has_no_note(client, home_nl, home_en):
    page = StandardPageFactory(parent=home_nl, title="Over ons", slug="over-ons")
    publish(page)
    english = translated(page)

    assert note_of(client.get(english.url)) == ""


def test_the_note_costs_one_query_and_nothing_once_cached(client, story_pair):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _story, english = story_pair
    client.get(english.url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(english.url)
    cold = [query["sql"] for query in queries]
    with CaptureQueriesContext(connection) as queries:
        client.get(english.url)
    warm = [query["sql"] for query in queries]

    assert len([sql for sql in cold if "wagtail_localize" in sql]) == 1
    assert not [sql for sql in warm if "wagtail_localize" in sql]


# The editors' report -----------------------------------------------------------------------


@pytest.fixture
def admin_client(admin_client, admin_user):
    """The admin in English, so that the report's labels read as below."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


@pytest.fixture
def editor(client):
    user = User.objects.create_user("redacteur", "redacteur@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def report_rows(client, query=""):
    response = client.get(f"{REPORT}?export=csv{query}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_the_demo_has_no_translation_to_do(demo, admin_client):
    response = admin_client.get(REPORT)

    assert response.status_code == 200
    assert report_rows(admin_client) == []


def test_the_report_lists_what_changed_in_dutch_with_a_link_to_sync_it(demo, admin_client):
    english = Locale.objects.get(language_code="en")
    about = Page.objects.get(locale__language_code="nl", slug="over-ons").specific
    about.intro = "Wijkkracht verbindt nu nog meer initiatieven."
    publish(about)
    energy = Theme.objects.get(locale__language_code="nl", slug="energie")
    energy.description = "Zonnedaken, warmtenetten en samen besparen."
    energy.save()
    new = StandardPageFactory(parent=about.get_parent(), title="Nieuw en nog niet vertaald")
    publish(new)

    response = admin_client.get(REPORT)
    rows = report_rows(admin_client)

    assert response.status_code == 200
    by_title = {row["Title"]: row for row in rows}
    assert set(by_title) == {about.title, energy.name, new.title}
    assert by_title[about.title]["State"] == "Behind its source"
    assert by_title[energy.name]["State"] == "Behind its source"
    assert by_title[energy.name]["Type"] == "Theme (snippet)"
    assert by_title[new.title]["State"] == "Not translated"
    about_source = TranslationSource.objects.get_for_instance(about)
    theme_source = TranslationSource.objects.get_for_instance(energy)
    sync_about = reverse("wagtail_localize:update_translations", args=[about_source.id])
    sync_theme = reverse("wagtail_localize:update_translations", args=[theme_source.id])
    translate_new = reverse("wagtail_localize:submit_page_translation", args=[new.id])
    assert by_title[about.title]["Where to translate or sync"].endswith(sync_about)
    for url in (sync_about, sync_theme, translate_new):
        assert f'href="{url}"' in response.text

    # Following the links: sync the page and the theme, translate the new page.
    sync(admin_client, about)
    sync(admin_client, energy)
    with TestCase.captureOnCommitCallbacks(execute=True):
        admin_client.post(translate_new, {"locales": [english.id]})
    rows = report_rows(admin_client)
    # A sync copies the new Dutch text in until someone translates it: still to do.
    assert [(row["Title"], row["State"]) for row in rows] == [
        (about.title, "Partly untranslated"),
        (new.title, "Translation not published"),
        (energy.name, "Partly untranslated"),
    ]


def test_the_report_filters_by_state_and_type(demo, admin_client):
    about = Page.objects.get(locale__language_code="nl", slug="over-ons").specific
    about.intro = "Nieuwe tekst."
    publish(about)
    energy = Theme.objects.get(locale__language_code="nl", slug="energie")
    energy.description = "Nieuwe beschrijving."
    energy.save()
    new = StandardPageFactory(parent=about.get_parent(), title="Nieuw")
    publish(new)

    behind = report_rows(admin_client, "&state=behind")
    themes = report_rows(admin_client, "&type=portal.theme")
    missing_pages = report_rows(admin_client, "&state=missing&type=home.standardpage")

    assert {row["Title"] for row in behind} == {about.title, energy.name}
    assert [row["Title"] for row in themes] == [energy.name]
    assert [row["Title"] for row in missing_pages] == [new.title]
    html = admin_client.get(f"{REPORT}?state=missing").text
    assert new.title in html and about.title not in html
    assert admin_client.get(f"{REPORT}?state=nonsense").status_code == 200


def test_the_report_exports_xlsx(demo, admin_client):
    response = admin_client.get(f"{REPORT}?export=xlsx")

    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


def test_editors_see_the_report_in_the_reports_menu(home_nl, editor):
    response = editor.get(REPORT)

    assert response.status_code == 200
    assert REPORT in editor.get("/admin/").text  # the menu item under Reports


def test_the_report_is_refused_to_anonymous_visitors(client, home_nl):
    response = client.get(REPORT)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_report_is_refused_to_users_who_may_not_translate(client, home_nl):
    user = User.objects.create_user("beoordelaar", "b@example.org", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    # Wagtail turns a refusal in the admin into a redirect to the dashboard with a message.
    for url in (REPORT, f"{REPORT}?export=csv"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert REPORT not in client.get("/admin/").text


def test_the_report_needs_a_constant_number_of_queries(home_nl, home_en, admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    english = Locale.objects.get(language_code="en")

    def add(translated_pages, untranslated_pages):
        pages = StandardPageFactory.create_batch(translated_pages, parent=home_nl)
        for page in pages:
            with TestCase.captureOnCommitCallbacks(execute=True):
                translate_instance(page, english, to_english)
        StandardPageFactory.create_batch(untranslated_pages, parent=home_nl)
        pages[0].intro = "Gewijzigd."
        publish(pages[0])

    def measure():
        admin_client.get(REPORT)
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(REPORT).status_code == 200
        return len(queries)

    add(2, 1)
    few = measure()
    add(10, 5)
    assert measure() == few


def test_the_demo_tree_keeps_count_of_the_translated_pages(demo, admin_client):
    """wagtail-localize publishes a translated page on commit from a stale object; the demo
    loader publishes itself, so an editor can translate a new page under English parents."""
    assert all(not problems for problems in Page.find_problems())
    english = Locale.objects.get(language_code="en")
    home = Page.objects.get(locale__language_code="nl", depth=2)
    page = StandardPageFactory(parent=home, title="Nieuw onder de home")
    publish(page)

    english_page = translate_through_admin(admin_client, page)

    assert english_page.get_parent().locale == english
    assert all(not problems for problems in Page.find_problems())
