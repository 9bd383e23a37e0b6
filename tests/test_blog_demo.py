"""The demo stories: enough of them, complete, in both languages (one test: loading the
demo takes seconds)."""

import pytest

from blog.models import BlogPage, Person, Reaction

pytestmark = pytest.mark.django_db


def test_demo_has_six_complete_stories_with_translated_authors(demo, client, locale_en):
    dutch = BlogPage.objects.live().filter(locale__language_code="nl")

    assert dutch.count() >= 6
    for story in dutch:
        english = story.get_translation(locale_en)
        for page in (story, english):
            assert page.live, page
            assert page.themes.exists(), page
            assert page.tags.exists(), page
            assert page.authors.exists(), page
            assert page.listing_image_id, page
            assert client.get(page.url).status_code == 200, page.url
        assert english.title != story.title
        assert english.date == story.date
    for language in ("nl", "en"):
        approved = Reaction.objects.filter(
            page__locale__language_code=language, status=Reaction.Status.APPROVED
        )
        assert approved.count() >= 5
        assert approved.values("page").distinct().count() >= 5
    english = Person.objects.filter(locale__language_code="en")

    assert english.count() == Person.objects.filter(locale__language_code="nl").count() >= 3
    assert english.filter(role="editor").exists()
    response = client.get("/en/stories/the-all-inclusive-neighbourhood/")
    assert "network coordinator" in response.text
    assert "netwerkcoördinator" not in response.text
