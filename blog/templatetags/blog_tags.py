import json

from django import template
from django.utils.html import Urlizer as DjangoUrlizer
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

register = template.Library()

# What json_script escapes, so that a text cannot close the script element.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class ReactionUrlizer(DjangoUrlizer):
    """Links in visitors' reactions: marked as user content that search engines do not
    follow, and no mailto links for addresses typed in the text."""

    url_template = '<a href="{href}" rel="nofollow ugc">{url}</a>'

    def is_email_simple(self, value):
        return False


urlize_reaction = ReactionUrlizer()


@register.filter
def reaction_text(text):
    """A reaction as paragraphs: everything escaped, web addresses as nofollow links."""
    html = urlize_reaction(text, trim_url_limit=60, autoescape=True)
    return mark_safe(linebreaks(html))  # noqa: S308 - escaped by the urlizer above


@register.simple_tag
def json_ld(data):
    """A ``<script type="application/ld+json">`` element for structured data."""
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{encoded}</script>')  # noqa: S308
