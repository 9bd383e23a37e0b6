"""RSS 2.0 and Atom feeds of one story index (one language), whole or per theme.

The feed's language is the active one, which the URL prefix of the index sets.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

from portal.i18n import localize_themes
from portal.models import SiteSettings

from .models import with_author_names

FEED_LENGTH = 20


class StoryFeed(Feed):
    """Built per request for an index page, a kind (``rss`` or ``atom``) and maybe a theme."""

    def __init__(self, index, kind, theme=None):
        super().__init__()
        self.index = index
        self.theme = theme
        self.feed_type = Atom1Feed if kind == "atom" else Rss201rev2Feed
        self.kind = kind

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.organisation = SiteSettings.load(request_or_site=request).organisation_name
        return self.index

    def title(self, index):
        if self.theme:
            return f"{index.title}: {self.theme.name} | {self.organisation}"
        return f"{index.title} | {self.organisation}"

    def link(self, index):
        url = index.get_full_url(self.request)
        return f"{url}?theme={self.theme.slug}" if self.theme else url

    def feed_url(self, index):
        return self.request.build_absolute_uri(self.request.path)

    def description(self, index):
        if self.theme:
            return gettext("Stories about %(theme)s from %(organisation)s.") % {
                "theme": self.theme.name,
                "organisation": self.organisation,
            }
        return index.intro or gettext("Stories from %(organisation)s.") % {
            "organisation": self.organisation
        }

    # Atom wants a subtitle where RSS has a description.
    subtitle = description

    def items(self, index):
        return with_author_names(index.stories(theme=self.theme)[:FEED_LENGTH])

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.intro

    def item_link(self, post):
        return post.get_full_url(self.request)

    def item_guid(self, post):
        return self.item_link(post)

    def item_pubdate(self, post):
        # The story's date at nine in the morning, Dutch time: stable across republishing.
        return timezone.make_aware(datetime.datetime.combine(post.date, datetime.time(9)))

    def item_updateddate(self, post):
        return post.last_published_at or self.item_pubdate(post)

    def item_author_name(self, post):
        return ", ".join(post.author_names) or self.organisation

    def item_categories(self, post):
        return [theme.name for theme in localize_themes(post.themes.all())]
