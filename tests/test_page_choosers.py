"""Choosers that fit: a page's theme and kind-of-organisation choices are those of its own
language, as a checkbox list with a filter box, in a fixed number of queries."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from members.models import MemberPage, OrganisationKind

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    MemberIndexPageFactory,
    MemberPageFactory,
    ThemeFactory,
)
from .utils import translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("kiezer", "k@example.org", "x")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    return user


@pytest.fixture
def themes(locale_nl, locale_en):
    return {
        "nl": [ThemeFactory(name="Voedsel", locale=locale_nl), ThemeFactory(locale=locale_nl)],
        "en": [ThemeFactory(name="Food", locale=locale_en)],
    }


def offered(html, name):
    """The primary keys offered by the checkboxes of field ``name``."""
    return {
        int(value)
        for value in re.findall(rf'<input type="checkbox" name="{name}" value="(\d+)"', html)
    }


def edit(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.text


def test_a_storys_themes_are_those_of_its_language_as_checkboxes_with_a_filter(
    client, editor, home_nl, themes
):
    story = BlogPageFactory(parent=BlogIndexPageFactory(parent=home_nl), themes=themes["nl"][:1])

    html = edit(client, story)

    assert offered(html, "themes") == {theme.pk for theme in themes["nl"]}
    assert "data-checkbox-filter" in html
    assert "js/checkbox-filter.js" in html
    assert re.search(rf'value="{themes["nl"][0].pk}"[^>]*checked', html)


@pytest.mark.parametrize("factory", [MemberPageFactory, LivingLabPageFactory])
def test_members_and_labs_offer_their_own_languages_themes(
    client, editor, home_nl, themes, factory
):
    index = {
        MemberPageFactory: MemberIndexPageFactory,
        LivingLabPageFactory: LivingLabIndexPageFactory,
    }
    page = factory(parent=index[factory](parent=home_nl))

    assert offered(edit(client, page), "themes") == {theme.pk for theme in themes["nl"]}


def test_a_new_page_offers_the_themes_of_its_parents_language(
    client, editor, home_nl, home_en, themes
):
    index = BlogIndexPageFactory(parent=home_en, title="Stories", slug="stories")

    response = client.get(reverse("wagtailadmin_pages:add", args=["blog", "blogpage", index.pk]))

    assert offered(response.text, "themes") == {theme.pk for theme in themes["en"]}


def test_the_kind_of_organisation_is_one_of_the_pages_language(editor, home_nl, locale_en):
    english = OrganisationKind.objects.create(
        name="Foundation", slug="foundation-x", locale=locale_en
    )
    member = MemberPageFactory(parent=MemberIndexPageFactory(parent=home_nl))
    form_class = MemberPage.get_edit_handler().get_form_class()

    kinds = form_class(instance=member, for_user=editor).fields["kind"].queryset

    assert kinds.exists()
    assert english not in kinds
    assert set(kinds.values_list("locale_id", flat=True)) == {home_nl.locale_id}


def test_a_translations_synchronised_themes_show_read_only(client, editor, home_nl, themes):
    story = BlogPageFactory(parent=BlogIndexPageFactory(parent=home_nl), themes=themes["nl"][:1])
    translated(story.get_parent())
    english = translated(story)

    html = edit(client, english)

    assert offered(html, "themes") == {theme.pk for theme in themes["nl"]}
    assert re.search(r'<input type="checkbox" name="themes"[^>]*disabled', html)


def test_the_editors_queries_do_not_grow_with_the_number_of_themes(
    client, editor, home_nl, themes, locale_nl
):
    index = BlogIndexPageFactory(parent=home_nl)
    few = BlogPageFactory(parent=index, themes=themes["nl"])
    more = ThemeFactory.create_batch(10, locale=locale_nl)
    many = BlogPageFactory(parent=index, themes=themes["nl"] + more)

    def queries(page):
        page.save_revision()
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    assert queries(many) == queries(few)
