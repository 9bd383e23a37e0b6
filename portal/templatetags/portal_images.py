"""Wagtail's ``image`` and ``picture`` tags, their HTML remembered per image and content version.

Rendering a ``<picture>`` parses its filter specs and looks its renditions up, for every
card of every listing on every request. The HTML depends only on the image (its file and
focal point: saving an image bumps the content version), the specs and the attributes, so
it is kept with ``portal.content.remember``. Load this library instead of
``wagtailimages_tags``; the tags take the same arguments.
"""

import hashlib

from django import template
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

from portal.content import remember
from portal.models import Theme

register = template.Library()


class RememberedImageNode(template.Node):
    def __init__(self, node):
        self.node = node

    def render(self, context):
        node = self.node
        image = node.image_expr.resolve(context)
        if node.output_var_name or not getattr(image, "pk", None):
            return node.render(context)
        attrs = sorted((name, str(value.resolve(context))) for name, value in node.attrs.items())
        shape = hashlib.sha256(repr((type(node).__name__, node.filter_specs, attrs)).encode())
        html = remember(
            "image-html", image.pk, shape.hexdigest()[:32], build=lambda: node.render(context)
        )
        return mark_safe(html)  # noqa: S308 - Wagtail's own tag output


def remembered(parser, token):
    return RememberedImageNode(parse_image_tag(parser, token))


register.tag("image", remembered)
register.tag("picture", remembered)


# A card without an image shows a drawn placeholder: its first theme's motif in that theme's
# colour, or its page type's. Only names with a file in static/img/placeholders/ are used
# (a missing file is an error under hashed static storage).
PLACEHOLDER_ICONS = frozenset(Theme.Icon.values)
PLACEHOLDER_KINDS = ("story", "member", "lab", "page")


@register.simple_tag
def card_placeholder(themes=None, kind=""):
    """``{"url", "modifier"}`` of the decorative placeholder for a card without an image."""
    theme = next(iter(themes or ()), None)
    if theme is not None and theme.icon in PLACEHOLDER_ICONS:
        return {
            "url": static(f"img/placeholders/{theme.icon}.svg"),
            "modifier": f"theme--{theme.colour}",
        }
    kind = kind if kind in PLACEHOLDER_KINDS else "page"
    return {
        "url": static(f"img/placeholders/{kind}.svg"),
        "modifier": f"card__placeholder--{kind}",
    }
