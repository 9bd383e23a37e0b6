"""generate_scale_data: many pages straight into the tree, in both languages, still a valid
tree that the site serves."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from blog.models import BlogPage, Reaction
from calls.models import Application
from members.models import MemberPage

from .utils import count_queries

pytestmark = pytest.mark.django_db


def test_scale_data_makes_a_valid_bilingual_tree_the_site_serves(client, demo):
    members_before = MemberPage.objects.count()
    directory_queries = count_queries(client, "/nl/initiatieven/")

    call_command("generate_scale_data", "--scale", "0.003", stdout=StringIO())

    # 30 initiatives, 6 stories, 15 applications, 60 reactions; all translated.
    assert MemberPage.objects.count() == members_before + 2 * 30
    assert BlogPage.objects.filter(slug__startswith="schaal-verhaal-").count() == 2 * 6
    assert Application.objects.filter(reference__startswith="AV-SCALE-").count() == 15
    assert Reaction.objects.filter(reference__startswith="RE-SCALE-").count() == 60
    assert Page.find_problems() == ([], [], [], [], [])
    dutch = MemberPage.objects.get(slug="schaal-0", locale__language_code="nl")
    english = dutch.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.url_path.endswith("/initiatives/schaal-0/")
    assert client.get(dutch.url).status_code == 200
    response = client.get(english.url)
    assert response.status_code == 200
    assert f'hreflang="nl" href="http://testserver{dutch.url}"' in response.text
    assert count_queries(client, "/nl/initiatieven/") == directory_queries
    assert client.get("/nl/initiatieven/?page=3").status_code == 200
