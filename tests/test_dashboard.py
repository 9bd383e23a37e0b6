"""The admin's home page for the day: each queue with its count and its oldest item, for
the people who may act on it, in a fixed number of queries (portal.dashboard)."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.users.models import UserProfile

from calls.models import CallReviewer
from calls.permissions import REVIEWER_GROUP

from .factories import (
    ApplicationFactory,
    BlogIndexPageFactory,
    BlogPageFactory,
    OpenCallPageFactory,
    ReactionFactory,
)
from .utils import count_queries

pytestmark = pytest.mark.django_db


def user_in(group, username, language="en"):
    user = get_user_model().objects.create_user(username, f"{username}@wijkkracht.example", "x")
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def queues(home_nl):
    """Two pending reactions (one a week old), three submitted applications to one call,
    one to another call, one draft."""
    story = BlogPageFactory(parent=BlogIndexPageFactory(parent=home_nl))
    week_ago = timezone.now() - datetime.timedelta(days=7)
    ReactionFactory(page=story, status="pending", created_at=week_ago)
    ReactionFactory(page=story, status="pending")
    ReactionFactory(page=story, status="approved")
    call = OpenCallPageFactory(parent=home_nl, slug="open-oproep")
    other = OpenCallPageFactory(parent=home_nl, slug="andere-oproep")
    ApplicationFactory.create_batch(3, call=call)
    ApplicationFactory(call=other)
    ApplicationFactory(call=call, status="draft")
    return {"call": call, "other": other, "story": story, "oldest": week_ago}


def panel(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.text
    start = html.find('<section class="w-panel work-queues"')
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def rows(html):
    return {
        label: int(count)
        for label, count in re.findall(r'<a href="[^"]*">([^<]+)</a></th>\s*<td>(\d+)</td>', html)
    }


def test_a_moderator_sees_the_reactions_and_registrations_waiting(client, queues):
    client.force_login(user_in("Moderators", "mo"))

    html = panel(client)

    assert "Waiting for you" in html
    assert rows(html)["Reactions to moderate"] == 2
    assert "Registrations to moderate" in rows(html)
    assert "Applications to review" not in html
    assert '/admin/snippets/blog/reaction/?status=pending"' in html
    oldest = timezone.localtime(queues["oldest"])
    assert f'<time datetime="{oldest:%Y-%m-%dT%H:%M}' in html
    assert "7\xa0days ago" in html or "1\xa0week ago" in html


def test_a_reviewer_sees_only_the_applications_of_their_call(client, queues):
    reviewer = user_in(REVIEWER_GROUP, "beoordelaar")
    CallReviewer.objects.create(call=queues["call"], user=reviewer)
    client.force_login(reviewer)

    html = panel(client)

    assert rows(html) == {"Applications to review": 3}
    assert "/admin/applications/?status=submitted" in html


def test_the_panel_is_in_the_admins_language(client, queues):
    client.force_login(user_in("Moderators", "mo", language="nl"))

    html = panel(client)

    assert "Wacht op jou" in html
    assert rows(html)["Reacties om te modereren"] == 2
    assert "Waiting" not in html


def test_someone_who_may_act_on_no_queue_gets_no_panel(client, queues):
    user = get_user_model().objects.create_user("leesrecht", "l@wijkkracht.example", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert panel(client) == ""


def test_the_panel_costs_the_same_queries_however_long_the_queues(client, queues):
    client.force_login(user_in("Moderators", "mo"))
    few = count_queries(client, "/admin/")
    ReactionFactory.create_batch(30, page=queues["story"], status="pending")
    ApplicationFactory.create_batch(30, call=queues["call"])

    assert count_queries(client, "/admin/") == few
    assert rows(panel(client))["Reactions to moderate"] == 32
