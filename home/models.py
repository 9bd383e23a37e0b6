from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.audiences import lane_context
from portal.blocks import BodyBlock, LinkBlock
from portal.choices import Audience
from portal.home import home_figures, home_sections
from portal.models import BasePage


class WayInBlock(blocks.StructBlock):
    """One of the ways in: a municipality, an organisation or company, a resident."""

    audience = blocks.ChoiceBlock(
        label=_("audience"),
        choices=Audience.choices,
    )
    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(label=_("text"))
    page = blocks.PageChooserBlock(label=_("page"), page_type="home.StandardPage")

    class Meta:
        icon = "user"
        label = _("way in")


class HomePage(BasePage):
    """The front door: who we are, the three ways in, and what is happening now."""

    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_intro = models.TextField(_("hero introduction"))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_links = StreamField(
        [("link", LinkBlock())], verbose_name=_("hero buttons"), blank=True, max_num=2
    )
    ways_in_title = models.CharField(
        _("title above the ways in"), max_length=120, default="Bepaal je positie"
    )
    ways_in_intro = models.TextField(_("introduction to the ways in"), blank=True)
    ways_in = StreamField(
        [("way_in", WayInBlock())], verbose_name=_("ways in"), blank=True, max_num=3
    )
    body = StreamField(BodyBlock(), verbose_name=_("more on the home page"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "blog.BlogIndexPage",
        "members.MemberIndexPage",
        "livinglabs.LivingLabIndexPage",
        "calls.OpenCallPage",
        "calls.QuestionPage",
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_links"),
            ],
            heading=_("Hero"),
        ),
        MultiFieldPanel(
            [FieldPanel("ways_in_title"), FieldPanel("ways_in_intro"), FieldPanel("ways_in")],
            heading=_("Ways in"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_intro")]

    class Meta:
        verbose_name = _("home page")

    def get_summary(self):
        return self.hero_intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = home_figures()
        context["sections"] = home_sections(request, self)
        return context


class StandardPage(BasePage):
    """About the network, a page per audience, privacy and accessibility statements.

    A page with an ``audience`` is that audience's lane: below its text it gathers the ways
    in, the figures and the stories, labs, call and questions tagged for it (portal.audiences).
    """

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    audience = models.CharField(
        _("lane of"),
        max_length=20,
        choices=Audience,
        blank=True,
        help_text=_(
            "Makes this the page of one audience: below the text it shows the ways in and "
            "the stories, living labs, call and questions tagged for that audience."
        ),
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("audience"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("audience"),
    ]

    class Meta:
        verbose_name = _("standard page")

    def get_summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.audience:
            context["lane"] = lane_context(request, self.audience)
        return context
