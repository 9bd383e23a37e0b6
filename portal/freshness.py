"""How fresh each translation is: the note on translated pages and the editors' report.

wagtail-localize keeps, per source object, a ``TranslationSource`` (the source's content as
last extracted, ``last_updated_at``) and a ``TranslationLog`` row each time it writes a
translation from it (with the revision it made, for pages). A page's translation is *behind*
when its source was published after the moment the translation's live version reflects:
the earlier of the last extraction and the write that made that version.
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from .content import remember

LANGUAGE_NAMES = {"nl": _("Dutch"), "en": _("English")}


def is_behind(source_published_at, source_updated_at, synced_at):
    """Whether the source was published after the content its translation shows.

    ``synced_at`` is when the translation's live version was written, from the source as
    extracted at ``source_updated_at``; whichever is earlier is the moment the translation
    reflects (a source extracted again but not yet applied changes nothing, and a source
    published between extraction and writing is not in the translation)."""
    reflects = min(source_updated_at, synced_at) if synced_at else source_updated_at
    return bool(source_published_at and source_published_at > reflects)


def translation_note(page):
    """What a translated page tells its readers: from which language, when, and whether the
    source changed since. None for a page that is no translation (written in its own
    language first, or copied without wagtail-localize). One query, then cached until
    anything is published."""
    return remember("translation-note", page.pk, build=lambda: _translation_note(page))


def _translation_note(page):
    logs = TranslationLog.objects.filter(
        source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
    ).order_by("-created_at")
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source__locale")
        .annotate(
            # The write that made the live version; else the latest one (published by hand).
            live_synced_at=Subquery(
                logs.filter(revision_id=page.live_revision_id).values("created_at")[:1]
            ),
            last_synced_at=Subquery(logs.values("created_at")[:1]),
            untranslated=Exists(
                StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(
                    Exists(
                        StringTranslation.objects.filter(
                            translation_of_id=OuterRef("string_id"),
                            context_id=OuterRef("context_id"),
                            locale_id=OuterRef(OuterRef("target_locale_id")),
                        )
                    )
                )
            ),
            source_published_at=Subquery(
                Page.objects.filter(
                    translation_key=OuterRef("source__object_id"),
                    locale_id=OuterRef("source__locale_id"),
                ).values("last_published_at")[:1]
            ),
        )
        .first()
    )
    if translation is None:
        return None
    source = translation.source
    synced_at = translation.live_synced_at or translation.last_synced_at or source.last_updated_at
    return {
        "language": source.locale.language_code,
        "synced_at": synced_at,
        "behind": is_behind(translation.source_published_at, source.last_updated_at, synced_at),
        "incomplete": bool(translation.untranslated),
    }


# The editors' report ----------------------------------------------------------------------


class State:
    MISSING = "missing"
    DRAFT = "draft"
    BEHIND = "behind"
    INCOMPLETE = "incomplete"

    choices = [
        (MISSING, _("Not translated")),
        (DRAFT, _("Translation not published")),
        (BEHIND, _("Behind its source")),
        (INCOMPLETE, _("Partly untranslated")),
    ]
    labels = dict(choices)


@dataclass
class Row:
    """One page or snippet whose translation into one language needs work."""

    instance: object
    title: str
    type_key: str
    type_label: str
    locale: Locale
    state: str
    source_changed_at: datetime | None = None
    synced_at: datetime | None = None
    action_url: str = ""
    action_label: str = ""
    edit_url: str = ""
    admin_url: str = ""

    @property
    def state_label(self):
        return State.labels[self.state]

    @property
    def language(self):
        return LANGUAGE_NAMES.get(self.locale.language_code, self.locale.language_code)


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def type_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def type_label(model):
    name = str(model._meta.verbose_name).capitalize()
    if issubclass(model, Page):
        return name
    return "{} ({})".format(name, _("snippet"))


def type_choices():
    """(key, label) for every page type and translatable snippet, pages first."""
    from wagtail.models import get_page_models

    pages = [model for model in get_page_models() if model is not Page]
    snippets = translatable_snippet_models()
    return [
        (type_key(model), type_label(model))
        for group in (pages, snippets)
        for model in sorted(group, key=lambda model: str(model._meta.verbose_name))
    ]


def _sources_and_logs(keys, source):
    """{translation key: TranslationSource} of ``source``'s language, with the enabled
    target locales on each, and {(source id, locale id): [(created_at, revision id)]}."""
    sources = {
        item.object_id: item
        for item in TranslationSource.objects.filter(locale=source, object_id__in=keys)
    }
    targets = {}
    for source_id, locale_id in Translation.objects.filter(
        source__in=sources.values(), enabled=True
    ).values_list("source_id", "target_locale_id"):
        targets.setdefault(source_id, set()).add(locale_id)
    logs = {}
    for source_id, locale_id, created_at, revision_id in (
        TranslationLog.objects.filter(source__in=sources.values())
        .order_by("-created_at")
        .values_list("source_id", "locale_id", "created_at", "revision_id")
    ):
        logs.setdefault((source_id, locale_id), []).append((created_at, revision_id))
    return sources, targets, logs


def _synced_at(logs, live_revision_id=None):
    if not logs:
        return None
    for created_at, revision_id in logs:
        if live_revision_id and revision_id == live_revision_id:
            return created_at
    return logs[0][0]


def untranslated_segments(sources, locales):
    """{(source id, locale id): number of text segments with no translation into that
    locale}, one query per locale. wagtail-localize's sync and "publish" copy the source
    text into such segments, so a translation can be live, synced and still partly in the
    source language: it is never up to date while any are left."""
    counts = {}
    for locale in locales:
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
        )
        rows = (
            StringSegment.objects.filter(source__in=sources)
            .exclude(Exists(translated))
            .order_by()
            .values("source_id")
            .annotate(count=Count("pk"))
            .values_list("source_id", "count")
        )
        counts.update({(source_id, locale.pk): count for source_id, count in rows})
    return counts


def stale_page_rows(source, targets):
    """Live pages in ``source``'s language whose translation is missing, unpublished or
    behind, in tree order. A constant number of queries, however many pages."""
    from django.contrib.contenttypes.models import ContentType

    originals = list(
        Page.objects.filter(locale=source, depth__gt=1)
        .live()
        .order_by("path")
        .only("id", "title", "translation_key", "content_type_id", "last_published_at", "locale")
    )
    keys = [page.translation_key for page in originals]
    copies = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in=keys, locale__in=targets, alias_of__isnull=True
        ).only("id", "translation_key", "locale_id", "live", "live_revision_id")
    }
    sources, enabled, logs = _sources_and_logs(keys, source)
    untranslated = untranslated_segments(sources.values(), targets)
    finder = AdminURLFinder()
    rows = []
    for page in originals:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        if model is None:
            continue
        base = {
            "instance": page,
            "title": page.title,
            "type_key": type_key(model),
            "type_label": type_label(model),
            "source_changed_at": page.last_published_at,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.id]),
        }
        for locale in targets:
            copy = copies.get((page.translation_key, locale.id))
            if copy is None:
                rows.append(
                    Row(
                        **base,
                        locale=locale,
                        state=State.MISSING,
                        action_url=reverse(
                            "wagtail_localize:submit_page_translation", args=[page.id]
                        ),
                        action_label=_("Translate"),
                    )
                )
                continue
            if not copy.live:
                rows.append(
                    Row(
                        **base,
                        locale=locale,
                        state=State.DRAFT,
                        action_url=finder.get_edit_url(copy) or "",
                        action_label=_("Finish the translation"),
                    )
                )
                continue
            item = sources.get(page.translation_key)
            if item is None or locale.id not in enabled.get(item.id, ()):
                continue  # not translated through wagtail-localize: nothing to compare
            synced_at = _synced_at(logs.get((item.id, locale.id)), copy.live_revision_id)
            if is_behind(page.last_published_at, item.last_updated_at, synced_at):
                rows.append(
                    Row(
                        **base,
                        locale=locale,
                        state=State.BEHIND,
                        synced_at=synced_at,
                        action_url=reverse("wagtail_localize:update_translations", args=[item.id]),
                        action_label=_("Sync"),
                    )
                )
            elif untranslated.get((item.id, locale.id)):
                rows.append(
                    Row(
                        **base,
                        locale=locale,
                        state=State.INCOMPLETE,
                        synced_at=synced_at,
                        action_url=finder.get_edit_url(copy) or "",
                        action_label=_("Translate the rest"),
                    )
                )
    return rows


def _serialised(instance):
    """The snippet's content as wagtail-localize stores it in ``content_json``."""
    if isinstance(instance, ClusterableModel):
        return _comparable(json.loads(instance.to_json()))
    return _comparable(
        json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))
    )


def _comparable(data):
    # A StreamField is serialised as JSON text inside the JSON; PostgreSQL's jsonb returns
    # its keys in another order than they were stored in, so compare it parsed.
    def parse(value):
        if isinstance(value, str) and value[:1] in ("[", "{"):
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value

    return {key: parse(value) for key, value in data.items()}


def stale_snippet_rows(source, targets):
    """Translatable snippets in ``source``'s language whose translation is missing or behind.

    Snippets keep no publishing date, so *behind* compares their content with the content
    last extracted for translation, as wagtail-localize does before it syncs."""
    finder = AdminURLFinder()
    rows = []
    for model in translatable_snippet_models():
        originals = list(model.objects.filter(locale=source).order_by("pk"))
        keys = [item.translation_key for item in originals]
        copies = set(
            model.objects.filter(translation_key__in=keys, locale__in=targets).values_list(
                "translation_key", "locale_id"
            )
        )
        sources, enabled, logs = _sources_and_logs(keys, source)
        untranslated = untranslated_segments(sources.values(), targets)
        for original in originals:
            base = {
                "instance": original,
                "title": str(original),
                "type_key": type_key(model),
                "type_label": type_label(model),
                "edit_url": finder.get_edit_url(original) or "",
            }
            item = sources.get(original.translation_key)
            for locale in targets:
                if (original.translation_key, locale.id) not in copies:
                    rows.append(
                        Row(
                            **base,
                            locale=locale,
                            state=State.MISSING,
                            action_url=reverse(
                                "wagtail_localize:submit_snippet_translation",
                                args=[model._meta.app_label, model._meta.model_name, original.pk],
                            ),
                            action_label=_("Translate"),
                        )
                    )
                    continue
                if item is None or locale.id not in enabled.get(item.id, ()):
                    continue
                synced_at = _synced_at(logs.get((item.id, locale.id)))
                changed = _serialised(original) != _comparable(json.loads(item.content_json))
                if changed or (synced_at and item.last_updated_at > synced_at):
                    rows.append(
                        Row(
                            **base,
                            locale=locale,
                            state=State.BEHIND,
                            synced_at=synced_at,
                            action_url=reverse(
                                "wagtail_localize:update_translations", args=[item.id]
                            ),
                            action_label=_("Sync"),
                        )
                    )
                elif untranslated.get((item.id, locale.id)):
                    rows.append(
                        Row(
                            **base,
                            locale=locale,
                            state=State.INCOMPLETE,
                            synced_at=synced_at,
                            action_url=_translation_editor_url(model, original, locale),
                            action_label=_("Translate the rest"),
                        )
                    )
    return rows


def _translation_editor_url(model, original, locale):
    target = model.objects.filter(translation_key=original.translation_key, locale=locale).first()
    return (AdminURLFinder().get_edit_url(target) or "") if target else ""


def stale_translations():
    """Every page and snippet of the source language whose translation needs work."""
    source = source_locale()
    targets = list(Locale.objects.exclude(pk=source.pk).order_by("language_code"))
    if not targets:
        return []
    return stale_page_rows(source, targets) + stale_snippet_rows(source, targets)
