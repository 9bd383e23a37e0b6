"""The snippet choosers of every app follow the permissions of their listings, for each
group the project creates (portal/choosers.py).

Found in an attack on a production-like instance: a reviewer without any moderation
permission read every reaction, pending and spam ones too, through the snippet chooser.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from blog.models import Person, Reaction
from calls.permissions import REVIEWER_GROUP
from members.models import OrganisationKind
from portal.models import Navigation, Theme

from .factories import BlogIndexPageFactory, BlogPageFactory, PersonFactory, ReactionFactory

pytestmark = pytest.mark.django_db

SECRET_NAME = "Geheime Afzender"
SECRET_TEXT = "spam-tekst-die-niemand-mag-lezen"


@pytest.fixture
def rows(home_nl, theme):
    story = BlogPageFactory(parent=BlogIndexPageFactory(parent=home_nl))
    reaction = ReactionFactory(
        page=story, name=SECRET_NAME, text=SECRET_TEXT, status=Reaction.Status.SPAM
    )
    return {
        Reaction: reaction,
        Person: PersonFactory(name="Auteur Eén"),
        OrganisationKind: OrganisationKind.objects.filter(locale__language_code="nl").first(),
        Theme: theme,
        Navigation: Navigation.objects.first() or Navigation.objects.create(locale=home_nl.locale),
    }


def user_in(group_name):
    user = get_user_model().objects.create_user(username=group_name.lower(), password="x" * 12)
    if group_name == "admin access only":
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    else:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def chooser_urls(model, row):
    base = f"/admin/snippets/choose/{model._meta.app_label}/{model._meta.model_name}/"
    return [
        base,
        f"{base}results/",
        f"{base}results/?q=a",
        f"{base}chosen/{row.pk}/",
        f"{base}chosen-multiple/?id={row.pk}",
    ]


# Who may choose what: the listing's permissions, and for shared content that pages point
# at, anyone who may edit pages.
MAY_CHOOSE = {
    REVIEWER_GROUP: set(),
    "admin access only": set(),
    "Moderators": {Reaction, Person, OrganisationKind, Theme},
    "Editors": {Reaction, Person, OrganisationKind, Theme},
}


@pytest.mark.parametrize("group_name", list(MAY_CHOOSE))
@pytest.mark.parametrize("model", [Reaction, Person, OrganisationKind, Theme, Navigation])
def test_each_role_reaches_a_chooser_exactly_when_it_may_see_its_listing(
    client, rows, group_name, model
):
    client.force_login(user_in(group_name))
    allowed = model in MAY_CHOOSE[group_name]

    for url in chooser_urls(model, rows[model]):
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, url
        else:
            assert response.status_code in (302, 403), url
            assert SECRET_NAME not in response.text
            assert SECRET_TEXT not in response.text


def test_the_roles_without_moderation_rights_never_read_a_reaction(client, rows):
    for group_name in (REVIEWER_GROUP, "admin access only"):
        client.force_login(user_in(group_name))
        for url in chooser_urls(Reaction, rows[Reaction]):
            response = client.get(url)
            assert SECRET_NAME not in response.text, (group_name, url)
            assert SECRET_TEXT not in response.text, (group_name, url)


def test_a_moderator_still_finds_reactions_in_the_chooser(client, rows):
    client.force_login(user_in("Moderators"))

    response = client.get("/admin/snippets/choose/blog/reaction/results/")

    assert response.status_code == 200
    assert SECRET_NAME in response.text


def test_an_editor_still_chooses_a_storys_author_in_the_page_editor(client, rows):
    client.force_login(user_in("Editors"))

    response = client.get("/admin/snippets/choose/blog/person/results/?q=Auteur")

    assert response.status_code == 200
    assert "Auteur Eén" in response.text
