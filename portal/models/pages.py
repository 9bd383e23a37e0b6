from http import HTTPMethod

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail_localize.fields import SynchronizedField

from portal.content import public, remember, restricted_paths
from portal.freshness import translation_note
from portal.i18n import localized_page_map
from portal.page_forms import PortalPageForm
from portal.panels import ProvenancePanel


class PortalPageQuerySet(PageQuerySet):
    def visible(self):
        """Live and public; view restrictions come from the cache, not a query per call."""
        return public(self.live())


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


class BasePage(Page):
    """What every public page shares: a listing image, a meta description, its summary."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards, in search results and when the page is shared."),
    )

    objects = PortalPageManager()
    # Page requests skip the CSRF check (portal.routing); only pages with a public form add
    # POST, and their handlers never act on the session or the user.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    # Snippet choices in the page's own language (portal.page_forms).
    base_form_class = PortalPageForm
    # Where the page came from (an application, for a lab), above its title.
    content_panels = [ProvenancePanel(), *Page.content_panels]
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]
    # wagtail-localize does not copy publishing schedules to translations by default.
    override_translatable_fields = [
        SynchronizedField("go_live_at"),
        SynchronizedField("expire_at"),
    ]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # Wagtail spends two queries per request on this; most sites have no restriction.
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_summary(self):
        """The page's own short text for cards and meta descriptions; subclasses say which."""
        return ""

    def get_meta_description(self):
        return self.search_description or self.get_summary()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Remembered for the live page; a preview shows the links of its draft.
        context["localized_pages"] = remember(
            "localized-pages",
            self.pk,
            translation.get_language(),
            build=lambda: localized_page_map(self),
            fresh=not self.pk or getattr(request, "is_preview", False),
        )
        context["translation_note"] = translation_note(self)
        return context
