"""Settings → Personal data: a row per kind (filled by the demo), and the table of periods
for the privacy statement follows what the editors set."""

import pytest
from django.template import Context, Template
from django.utils import translation

from portal.demo_content import load_retention_periods
from portal.models import RetentionPeriod

pytestmark = pytest.mark.django_db


def render_table(language):
    with translation.override(language):
        return Template('{% include "includes/retention_periods.html" %}').render(Context({}))


def test_the_settings_list_every_kind_and_the_table_follows_them(admin_client, home_nl):
    load_retention_periods()
    load_retention_periods()  # once

    assert set(RetentionPeriod.objects.values_list("kind", flat=True)) == {
        "blog.reaction",
        "calls.application",
        "calls.question",
        "members.helpoffer",
        "members.registration",
    }
    response = admin_client.get("/admin/settings/portal/privacysettings/", follow=True)
    assert response.status_code == 200
    assert "Hulpaanbod" in response.text and "bewaartermijn" in response.text.lower()

    RetentionPeriod.objects.filter(kind="members.helpoffer").update(days=90)
    dutch, english = render_table("nl"), render_table("en")
    assert '<th scope="row">Hulpaanbod</th>' in dutch and "90 dagen" in dutch
    assert '<th scope="row">Offers of help</th>' in english and "90 days" in english
    assert "730 days" in english
