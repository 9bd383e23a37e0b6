"""A story: its authors and tags, the page with share links and structured data."""

import copy
import math
import re
from http import HTTPMethod
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.audiences import AudiencesField
from portal.blocks import BodyBlock
from portal.content import remember
from portal.i18n import localize_themes
from portal.models import BasePage, SiteSettings

from .people import localize_people

FEED_KINDS = ("rss", "atom")
RELATED_COUNT = 3
WORDS_PER_MINUTE = 200
WORD = re.compile(r"\w+")


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.BlogPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogPageAuthor(Orderable):
    page = ParentalKey("blog.BlogPage", related_name="authors", on_delete=models.CASCADE)
    person = models.ForeignKey(
        "blog.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class BlogPage(BasePage):
    """A story from the network, with its authors, tags and moderated reactions."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), help_text=_("Shown on cards and in search."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    themes = ParentalManyToManyField(
        "portal.Theme", verbose_name=_("themes"), blank=True, related_name="blog_pages"
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=BlogPageTag,
        blank=True,
        help_text=_("Keywords shared by both languages, such as places and projects."),
    )
    audiences = AudiencesField(
        _("audiences"),
        help_text=_(
            "Who this story matters to: it appears on the page of each audience ticked, in "
            "both languages."
        ),
    )
    reactions_open = models.BooleanField(
        _("open for reactions"),
        default=True,
        help_text=_("Untick to close reactions; approved ones stay visible."),
    )

    # Reactions are posted to the story itself (portal.routing explains the CSRF exemption).
    allowed_http_methods = BasePage.allowed_http_methods + [HTTPMethod.POST]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        InlinePanel("authors", label=_("Authors"), min_num=1),
        FieldPanel("intro"),
        FieldPanel("listing_image", heading=_("Main image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("tags"), FieldPanel("audiences")],
            heading=_("Themes, tags and audiences"),
        ),
        FieldPanel("reactions_open"),
    ]
    # The main image sits with the content here, not on the promote tab.
    promote_panels = Page.promote_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # wagtail-localize leaves M2M fields out unless told (wagtail-localize #820); authors
    # and tags are child relations that follow the source as they are.
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("themes"),
        SynchronizedField("date"),
        SynchronizedField("reactions_open"),
        SynchronizedField("audiences"),
    ]

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def get_summary(self):
        return self.intro

    @property
    def reading_minutes(self):
        """Minutes to read intro and body at an ordinary pace, from the stored text."""
        texts = [self.intro]

        def walk(value):
            if isinstance(value, str):
                texts.append(strip_tags(value))
            elif isinstance(value, dict):
                for key, item in value.items():
                    if key not in ("url", "page", "image", "document", "type", "id"):
                        walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(list(self.body.raw_data))
        words = sum(len(WORD.findall(text)) for text in texts)
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def index_url(self):
        """The story index's URL, derived from this page's own: no query for the parent."""
        url = self.url
        if not url:
            return None
        return url[: url.rstrip("/").rfind("/") + 1]

    def clean(self):
        super().clean()
        if self.slug in FEED_KINDS:
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is the address of a feed; choose another.")
                    % {"slug": self.slug}
                }
            )

    def serve(self, request, *args, **kwargs):
        from blog import views  # views import the models

        if request.method == HTTPMethod.POST:
            return views.post_reaction(request, self)
        response = super().serve(request, *args, **kwargs)
        if views.THANKS_PARAM in request.GET:
            # The thank-you view shows a reaction that is not public yet: never cached,
            # never indexed.
            patch_cache_control(response, private=True, no_store=True)
            response["X-Robots-Tag"] = "noindex"
        return response

    def get_context(self, request, *args, **kwargs):
        from blog.views import reaction_context  # views import the models

        context = super().get_context(request, *args, **kwargs)
        if not self.pk or getattr(request, "is_preview", False):
            context.update(self.story_context(request))  # the draft's own
        else:
            context.update(
                remember(
                    "story-context",
                    self.pk,
                    get_language(),
                    request.get_host(),
                    build=lambda: without_prefetched_renditions(self.story_context(request)),
                )
            )
        context.update(reaction_context(request, self, kwargs.get("reaction_form")))
        return context

    def story_context(self, request):
        """Authors, themes, tags and related stories in the visitor's language, feeds, share
        links and image, and the JSON-LD: built in a few queries, then remembered under the
        content version, which every publish and every change to a theme, person or image
        bumps (portal.content)."""
        from .index import feed_links  # the index imports this module

        themes = localize_themes(self.themes.all())
        authors = self.authors.select_related("person__photo").prefetch_related(
            "person__photo__renditions"
        )
        extras = {
            "authors": localize_people(author.person for author in authors),
            "themes": themes,
            "tags": list(self.tags.all()),
            "related_posts": self.related_posts(themes),
        }
        url = self.get_full_url(request)
        share_image = self.share_image(request)
        return {
            **extras,
            "feeds": feed_links(self.index_url),
            "share_url": url,
            "share_links": share_links(url, self.title),
            "share_image": share_image,
            "structured_data": self.structured_data(
                url, extras["authors"], extras["themes"], extras["tags"], share_image
            ),
        }

    def share_image(self, request):
        """The listing image as shared on social media: 1200×630 JPEG, absolute URL."""
        if not self.listing_image_id:
            return None

        def build():
            rendition = self.listing_image.get_rendition("fill-1200x630|format-jpeg")
            return {"url": rendition.url, "width": rendition.width, "height": rendition.height}

        # Remembered per image: an image's change bumps the content version.
        rendition = remember("share-image", self.listing_image_id, build=build)
        return {
            **rendition,
            "url": request.build_absolute_uri(rendition["url"]),
            "alt": self.listing_image.description,
        }

    def structured_data(self, url, authors, themes, tags, share_image):
        """schema.org BlogPosting for search engines (JSON-LD)."""
        organisation = SiteSettings.load().organisation_name
        data = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": self.title,
            "description": self.intro,
            "datePublished": self.date.isoformat(),
            # Pages are served in their own language (the URL prefix), so no locale query.
            "inLanguage": get_language(),
            "mainEntityOfPage": url,
            "url": url,
            "author": [person_data(person) for person in authors]
            or [{"@type": "Organization", "name": organisation}],
            "publisher": {"@type": "Organization", "name": organisation},
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if share_image:
            data["image"] = share_image["url"]
        if themes:
            data["about"] = [theme.name for theme in themes]
        if tags:
            data["keywords"] = ", ".join(tag.name for tag in tags)
        return data

    def related_posts(self, themes):
        """Up to three live stories of the same language that share most themes with this one."""
        slugs = {theme.slug for theme in themes}
        if not slugs or not self.pk:
            return []
        return list(
            BlogPage.objects.visible()
            .filter(locale_id=self.locale_id, themes__slug__in=slugs)
            .exclude(pk=self.pk)
            .annotate(shared_themes=Count("themes", distinct=True))
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("-shared_themes", "-date", "-pk")[:RELATED_COUNT]
        )


def without_prefetched_renditions(extras):
    """A copy to remember, without the renditions prefetched for this request.

    Renditions made while the page renders are not in a list prefetched before it, and
    Wagtail trusts such a list; cached pages find renditions in Wagtail's rendition cache.
    """
    extras = copy.deepcopy(extras)
    images = [person.photo for person in extras["authors"] if person.photo_id]
    images += [post.listing_image for post in extras["related_posts"] if post.listing_image_id]
    for image in images:
        getattr(image, "_prefetched_objects_cache", {}).pop("renditions", None)
    return extras


def person_data(person):
    data = {"@type": "Person", "name": person.name}
    if person.role:
        data["jobTitle"] = person.role
    return data


def share_links(url, title):
    """Plain links to share a story: nothing from the networks is loaded until clicked."""
    if not url:
        return []
    text = f"{title} {url}"
    return [
        (
            "email",
            gettext("E-mail"),
            f"mailto:?subject={quote(title)}&body={quote(text)}",
        ),
        (
            "linkedin",
            "LinkedIn",
            f"https://www.linkedin.com/sharing/share-offsite/?url={quote(url, safe='')}",
        ),
        ("whatsapp", "WhatsApp", f"https://wa.me/?text={quote(text, safe='')}"),
        # Mastodon's own share page lets the reader pick a server; the text travels in the
        # fragment, so it never reaches a server before the reader chooses one.
        ("mastodon", "Mastodon", f"https://share.joinmastodon.org/#text={quote(text, safe='')}"),
    ]
