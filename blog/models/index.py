"""The story index: one language's stories, filters, pages and feeds."""

from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.audiences import audience_from, tagged_for
from portal.choices import Audience
from portal.content import remember, remember_many
from portal.filters import not_for_caches, query_without, unknown_value
from portal.i18n import themes_of_locale
from portal.models import BasePage
from portal.pagination import paginate

from .people import localize_people
from .story import FEED_KINDS, BlogPage, BlogPageAuthor, BlogPageTag

PER_PAGE = 12
# What the index says about a value a filter does not know; the list leaves that filter out.
UNKNOWN = {
    "theme": _("There is no theme “%(value)s”, so the list shows all themes."),
    "tag": _("There is no tag “%(value)s”, so the list shows stories with any tag."),
    "audience": _("There is no audience “%(value)s”, so the list shows stories for everyone."),
}


class BlogIndexPage(RoutablePageMixin, BasePage):
    """The stories of one language, newest first, filterable by theme and tag, with feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("story index")

    def get_summary(self):
        return self.intro

    def stories(self, theme=None, tag=None, audience=None):
        """The live stories of this index, of one theme, one tag and one audience when given,
        ready for cards: images, themes and authors fetched in a fixed number of queries."""
        posts = BlogPage.objects.child_of(self).visible()
        if audience:
            posts = posts.filter(tagged_for(audience))
        if theme:
            # By slug: synchronised themes point at the source language's rows.
            posts = posts.filter(
                pk__in=BlogPage.objects.filter(themes__slug=theme.slug).values("pk")
            )
        if tag:
            posts = posts.filter(
                pk__in=BlogPageTag.objects.filter(tag=tag).values("content_object_id")
            )
        return for_cards(posts).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An unknown theme, tag or audience is left out with a message (portal.filters).
        unknown = []
        theme_slug = request.GET.get("theme", "").strip()
        theme = self.find_theme(theme_slug)
        if theme_slug and theme is None:
            unknown.append(unknown_value("theme", theme_slug, UNKNOWN["theme"]))
        tag_slug = request.GET.get("tag", "").strip()
        tag = self.find_tag(tag_slug)
        if tag_slug and tag is None:
            unknown.append(unknown_value("tag", tag_slug, UNKNOWN["tag"]))
        code = request.GET.get("audience", "").strip()
        audience = audience_from(code) if code else None
        if code and audience is None:
            unknown.append(unknown_value("audience", code, UNKNOWN["audience"]))
        ids = self.stories(theme, tag, audience).prefetch_related(None).values_list("pk", flat=True)
        filters = {
            "theme": theme.slug if theme else "",
            "tag": tag.slug if tag else "",
            "audience": audience or "",
        }
        page = paginate(request, ids, PER_PAGE, remember_as=("stories", self.pk), filters=filters)
        index_url = self.get_url(request)
        context.update(
            unknown_filters=unknown,
            clean_url=(index_url or "") + query_without(request, [item.name for item in unknown]),
            posts=page,
            cards=story_cards(list(page.object_list), request),
            active_theme=theme,
            active_tag=tag,
            active_audience=audience,
            audiences=Audience.choices,
            active_filters=len([item for item in (theme, tag, audience) if item]),
            themes=sorted(
                themes_of_locale().values(), key=lambda item: (item.sort_order, item.name)
            ),
            tags=self.tags(),
            feeds=feed_links(index_url, theme),
            is_filtered=bool(theme or tag or audience),
        )
        return context

    def tags(self):
        """The tags of this index's visible stories, by name: remembered per version."""
        return remember("story-tags", self.pk, build=self.read_tags, fresh=not self.pk)

    def read_tags(self):
        return list(
            Tag.objects.filter(
                pk__in=BlogPageTag.objects.filter(
                    content_object__in=BlogPage.objects.child_of(self).visible().values("pk")
                ).values("tag_id")
            ).order_by("name")
        )

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (getattr(response, "context_data", None) or {}).get("unknown_filters"):
            not_for_caches(response)
        return response

    @staticmethod
    def find_theme(slug):
        """The theme with this slug in the visitor's language, or None."""
        slug = slug.strip()
        if not slug:
            return None
        return next((item for item in themes_of_locale().values() if item.slug == slug), None)

    @classmethod
    def theme_from(cls, slug):
        """The theme with this slug in the visitor's language; a 404 for an unknown one (a
        feed's address)."""
        theme = cls.find_theme(slug)
        if slug.strip() and theme is None:
            raise Http404(gettext("There is no such theme."))
        return theme

    def find_tag(self, slug):
        """One of the tags of this index's stories, or None."""
        slug = slug.strip()
        if not slug:
            return None
        return next((tag for tag in self.tags() if tag.slug == slug), None)

    @path("<str:kind>/", name="feed")
    @path("<str:kind>/<slug:theme>/", name="theme_feed")
    def feed(self, request, kind, theme=None):
        from blog.feeds import StoryFeed

        if kind not in FEED_KINDS:
            raise Http404
        return StoryFeed(self, kind, self.theme_from(theme or ""))(request)


def feed_links(index_url, theme=None):
    """The feeds that go with an index URL, per scope: the theme when given, then all
    stories. Each scope has a label and the URLs of its RSS and Atom feeds."""
    if not index_url:
        return []
    resolver = BlogIndexPage.get_resolver()
    scopes = [{"label": gettext("all stories"), "theme": None, "args": []}]
    if theme:
        scopes.insert(0, {"label": theme.name, "theme": theme, "args": [theme.slug]})
    for scope in scopes:
        name = "theme_feed" if scope["theme"] else "feed"
        for kind in FEED_KINDS:
            scope[kind] = index_url + resolver.reverse(name, kind, *scope["args"])
        del scope["args"]
    return scopes


def for_cards(posts):
    """Stories with what their cards need: images, themes and authors in a fixed number of
    queries."""
    return posts.select_related("listing_image").prefetch_related(
        "themes",
        "listing_image__renditions",
        Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("person")),
    )


def story_cards(ids, request):
    """Each story's card (HTML), in the order of ``ids``: remembered per story, language and
    content version (portal.content), so a page of the index reads only the ids of its
    stories once their cards are known."""

    def build(missing):
        posts = with_author_names(for_cards(BlogPage.objects.filter(pk__in=missing)))
        return {
            post.pk: render_to_string("blog/includes/index_card.html", {"post": post}, request)
            for post in posts
        }

    found = remember_many("story-card", ids, get_language(), build=build)
    return [found[pk] for pk in ids if pk in found]


def with_author_names(posts):
    """Give each post ``author_names`` and ``card_meta`` from prefetched authors: no query
    per post, one for the people's translations."""
    posts = list(posts)
    people = [author.person for post in posts for author in post.authors.all()]
    localized = iter(localize_people(people))
    for post in posts:
        post.author_names = [next(localized).name for _author in post.authors.all()]
        parts = [date_format(post.date, "j F Y")]
        if post.author_names:
            parts.append(get_text_list(post.author_names, gettext("and")))
        post.card_meta = " · ".join(parts)
    return posts
