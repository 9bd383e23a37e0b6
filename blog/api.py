"""The stories in the open-data API (portal.api): title, date, themes and link.

No authors (people are not open data here) and no reactions. A page is two queries
whatever its size: the stories (plain values) and their themes.
"""

from collections import defaultdict

from django import forms
from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from portal.api import (
    ERRORS,
    CodeName,
    OpenDataList,
    filter_parameter,
    language_parameter,
    page_url,
    themes_of,
)
from portal.i18n import active_locale, themes_of_locale

from .models import BlogPage

FIELDS = ("id", "title", "url_path", "date", "intro")


class StorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    date = serializers.DateField()
    summary = serializers.CharField()
    themes = CodeName(many=True)
    url = serializers.URLField(help_text="The story on the site.")


class StoryFilterForm(forms.Form):
    """The story index's theme filter: a theme's code in the active language's list."""

    theme = forms.ChoiceField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "")] + [
            (theme.slug, theme.name) for theme in themes_of_locale().values()
        ]


@extend_schema(
    summary="Stories",
    parameters=[language_parameter(), filter_parameter("theme", "A theme's code.")],
    responses={200: StorySerializer(many=True), **ERRORS},
)
class StoryList(OpenDataList):
    serializer_class = StorySerializer
    filter_form = StoryFilterForm

    def rows(self, language, filters):
        stories = BlogPage.objects.visible().filter(locale=active_locale())
        if theme := filters.get("theme"):
            # By slug: synchronised themes point at the source language's rows.
            stories = stories.filter(
                pk__in=BlogPage.themes.through.objects.filter(theme__slug=theme).values(
                    "blogpage_id"
                )
            )
        return stories.values(*FIELDS)

    def present(self, rows, language):
        ids = [row["id"] for row in rows]
        theme_rows = defaultdict(list)
        for page_id, *theme in BlogPage.themes.through.objects.filter(
            blogpage_id__in=ids
        ).values_list(
            "blogpage_id", "theme__translation_key", "theme__name", "theme__slug",
            "theme__sort_order",
        ):  # fmt: skip
            theme_rows[page_id].append(theme)
        themes = themes_of_locale()
        return [
            {
                "id": row["id"],
                "title": row["title"],
                "date": row["date"].isoformat(),
                "summary": row["intro"],
                "themes": themes_of(theme_rows.get(row["id"], ()), themes),
                "url": page_url(row["url_path"], language),
            }
            for row in rows
        ]


def routes():
    return [("stories/", StoryList)]
