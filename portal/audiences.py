"""The audience lanes: what a municipality, an organisation or company and a resident each
find on their own page, gathered from the apps that own it.

Editors tag stories, labs and the call's notes with ``AudiencesField`` (stable codes of
``portal.choices.Audience``, synchronised to translations); a ``StandardPage`` with an
``audience`` is that audience's lane. ``portal`` imports none of the apps; each registers
Wagtail hooks instead:

- ``portal_audience_sections``: ``fn(request, audience)`` returns a ``HomeSection`` (the
  template gets ``section`` and ``audience``) or None; in hook order.
- ``portal_audience_ways_in``: ``fn(request, audience)`` returns ``WayIn``s: the ways to act
  (ask, apply, register, offer help); in hook order.

The lane's figures are the network's headline figures (``portal_headline_figures``).

Both lists are remembered per audience, language and content version, like the home
sections (portal.home): a lane costs no query for them until something is published. Only
the ways in carry a clock (a call opens and closes), so they are remembered as data and
their state is read at each request, never from remembered HTML.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.db import models
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from wagtail import hooks

from .choices import Audience
from .content import remember


class AudiencesField(models.JSONField):
    """The audiences a piece of content matters to: a list of ``Audience`` codes, ticked in
    the admin. JSON rather than a relation, so that wagtail-localize copies it to
    translations as a plain value (an emptied list too, which it skips for M2M fields)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return AudiencesFormField(
            label=self.verbose_name, help_text=self.help_text, required=not self.blank
        )

    def pre_save(self, model_instance, add):
        # Stored in the choices' order, known codes only: the same ticks, the same value.
        value = getattr(model_instance, self.attname) or []
        value = [code for code in Audience.values if code in value]
        setattr(model_instance, self.attname, value)
        return value


class AudiencesFormField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", Audience.choices)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value or []


def tagged_for(audience, field="audiences"):
    """A filter for content tagged with ``audience``. Codes are plain lowercase words, so the
    quoted code matches one whole element of the stored JSON list, on SQLite as on
    PostgreSQL (JSON ``contains`` is PostgreSQL's only)."""
    return Q(**{f"{field}__icontains": f'"{Audience(audience).value}"'})


def audience_from(code):
    """The ``Audience`` of a code from an address, or None for anything else."""
    try:
        return Audience(code.strip())
    except ValueError:
        return None


@dataclass
class WayIn:
    """One way for an audience to act: a link, what it leads to, and for a call the moments
    it opens and closes (a closed call is no longer a way in)."""

    url: str
    label: str
    text: str = ""
    opens_at: datetime | None = None
    closes_at: datetime | None = None

    @property
    def state(self):
        now = timezone.now()
        if self.opens_at and now < self.opens_at:
            return "upcoming"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def has_dates(self):
        return bool(self.opens_at or self.closes_at)


def audience_sections(request, audience):
    """The lane's sections, rendered; the HTML is remembered per audience, language and
    content version (nothing in it depends on the clock)."""

    def build():
        sections = (hook(request, audience) for hook in hooks.get_hooks("portal_audience_sections"))
        return "".join(
            render_to_string(
                section.template,
                {"section": section.context, "audience": audience},
                request=request,
            )
            for section in sections
            if section
        )

    html = remember("audience-sections", audience, translation.get_language(), build=build)
    return mark_safe(html)  # noqa: S308 - our own templates' output


def audience_ways_in(request, audience):
    """The ways in that are open now or will open: remembered as data, read at each request."""
    ways = remember(
        "audience-ways-in",
        audience,
        translation.get_language(),
        build=lambda: [
            way
            for hook in hooks.get_hooks("portal_audience_ways_in")
            for way in hook(request, audience) or []
        ],
    )
    return [way for way in ways if way.state != "closed"]


def lane_context(request, audience):
    from .home import home_figures

    audience = Audience(audience)
    return {
        "audience": audience,
        "ways_in": audience_ways_in(request, audience),
        "figures": home_figures(),
        "sections": audience_sections(request, audience),
    }
