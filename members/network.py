"""What counts as an initiative in the network: one definition for the directory in each
language, its exports and the figures.

An initiative is one live, public profile per translation key: its Dutch page and its
English translation are one initiative. A directory in one language lists each initiative
once, in that language where it has a page there, else in the source language (a profile an
editor has not translated yet is still in the network, and shown as it was written). The
figures count the same set, so that the home page, the figures page, both directories and
both CSV files agree.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from wagtail.models import Page

from portal.content import public

from .models import MemberPage


def one_per_initiative(locale_id=None):
    """Every initiative's profile once: in the locale ``locale_id`` where there is one,
    else in the source language, else its only page. Built without a query of its own."""
    live = public(MemberPage.objects.live())

    def has_page(**where):
        return Exists(live.filter(translation_key=OuterRef("translation_key"), **where))

    in_default = Q(locale__language_code=settings.LANGUAGE_CODE)
    source = in_default | ~has_page(locale__language_code=settings.LANGUAGE_CODE)
    if locale_id is None:
        return live.filter(source)
    return live.filter(Q(locale_id=locale_id) | (~has_page(locale_id=locale_id) & source))


def directory_members(index):
    """The initiatives the directory ``index`` lists: those under it or under any of its
    translations, once each, in the index's language where possible. One lazy queryset:
    a parent's path is the first ``depth`` steps of its child's."""
    parent_path = Substr(OuterRef("path"), 1, index.depth * Page.steplen)
    under_a_translation = Exists(
        Page.objects.filter(translation_key=index.translation_key, path=parent_path)
    )
    return one_per_initiative(index.locale_id).filter(under_a_translation, depth=index.depth + 1)
