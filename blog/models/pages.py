from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.models import BasePage
from portal.pagination import paginate


class BlogIndexPage(BasePage):
    """The stories of one language, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("story index")

    def get_summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posts = (
            BlogPage.objects.child_of(self)
            .visible()
            .select_related("listing_image")
            .prefetch_related("themes", "listing_image__renditions")
            .order_by("-date", "-pk")
        )
        context["posts"] = paginate(request, posts, 12)
        return context


class BlogPage(BasePage):
    """A story from the network."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), help_text=_("Shown on cards and in search."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    themes = ParentalManyToManyField("portal.Theme", blank=True, related_name="blog_pages")

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("themes"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # wagtail-localize leaves M2M fields out unless told (wagtail-localize #820).
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("themes"),
        SynchronizedField("date"),
    ]

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def get_summary(self):
        return self.intro
