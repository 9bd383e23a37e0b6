"""StreamField blocks that every page type may use."""

import re

from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

YOUTUBE = re.compile(
    r"^https://(?:www\.)?(?:youtube\.com/watch\?v=|youtu\.be/|youtube\.com/embed/)"
    r"(?P<id>[\w-]{6,20})"
)
VIMEO = re.compile(r"^https://(?:www\.)?vimeo\.com/(?P<id>\d{5,12})")


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to another site, with an optional label."""

    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or web address"), required=False)
    label = blocks.CharBlock(
        label=_("label"), required=False, help_text=_("Empty: the page's title.")
    )

    class Meta:
        icon = "link"
        label = _("link")
        template = "blocks/link_block.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("page") and not value.get("url"):
            errors["page"] = ErrorList([_("Choose a page or fill in a web address.")])
        if value.get("url") and not value.get("page") and not value.get("label"):
            errors["label"] = ErrorList([_("A link to another site needs a label.")])
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)
    credit = blocks.CharBlock(label=_("credit"), required=False, help_text=_("Photographer"))

    class Meta:
        icon = "image"
        label = _("image")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("quote")
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(label=_("text"), required=False)
    link = LinkBlock(label=_("button"))

    class Meta:
        icon = "pick"
        label = _("call to action")
        template = "blocks/call_to_action_block.html"


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads nothing from them until the visitor asks."""

    url = blocks.URLBlock(label=_("video address"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("title"))
    transcript = blocks.TextBlock(label=_("transcript or summary"), required=False)

    class Meta:
        icon = "media"
        label = _("video")
        template = "blocks/video_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not embed_url(value["url"]):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ErrorList([_("Use a YouTube or Vimeo address.")])}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = embed_url(value["url"])
        context["provider"] = "YouTube" if YOUTUBE.match(value["url"]) else "Vimeo"
        return context


def embed_url(url):
    """The privacy-friendly player address for a YouTube or Vimeo link, or None."""
    if match := YOUTUBE.match(url or ""):
        return f"https://www.youtube-nocookie.com/embed/{match['id']}"
    if match := VIMEO.match(url or ""):
        return f"https://player.vimeo.com/video/{match['id']}?dnt=1"
    return None


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(label=_("label"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("document")
        template = "blocks/document_block.html"


class RelatedLinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    links = blocks.ListBlock(LinkBlock(), label=_("links"))

    class Meta:
        icon = "list-ul"
        label = _("related links")
        template = "blocks/related_links_block.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("heading")
        template = "blocks/heading_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of standard pages and stories."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("text"), features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    document = DocumentBlock()
    related_links = RelatedLinksBlock()
