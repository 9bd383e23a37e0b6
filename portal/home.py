"""The home page's sections and headline figures come from the apps that own them.

``portal`` imports none of those apps. Each registers Wagtail hooks instead:

- ``portal_home_sections``: ``fn(request, home_page)`` returns a ``HomeSection`` or None;
  sections appear in hook order (``@hooks.register(..., order=n)``).
- ``portal_headline_figures``: ``fn()`` returns a list of ``Figure``, computed from live
  content.

Both are kept in the cache under the content version (portal.content), so the home page
costs no queries for them until something is published.
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail import hooks

from .content import remember


@dataclass
class HomeSection:
    template: str
    context: dict = field(default_factory=dict)


@dataclass
class Figure:
    value: int
    label: str


def home_sections(request, home_page):
    """The sections, rendered; the HTML is cached per language and content version."""

    def build():
        sections = (hook(request, home_page) for hook in hooks.get_hooks("portal_home_sections"))
        return "".join(
            render_to_string(section.template, {"section": section.context}, request=request)
            for section in sections
            if section
        )

    html = remember("home-sections", translation.get_language(), build=build)
    return mark_safe(html)  # noqa: S308 - our own templates' output


def home_figures():
    return remember(
        "figures",
        translation.get_language(),
        build=lambda: [
            Figure(value=figure.value, label=str(figure.label))
            for hook in hooks.get_hooks("portal_headline_figures")
            for figure in hook()
        ],
    )
