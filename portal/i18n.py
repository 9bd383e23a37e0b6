"""Language helpers that keep a page's query count flat however many items it lists."""

from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

_locales = {}


def active_locale():
    """The Locale of the active language; Locale rows are read once per process."""
    code = get_supported_content_language_variant(get_language())
    # One read: another thread of this worker (gthread) may forget the locales meanwhile.
    locale = _locales.get(code)
    if locale is None:
        locale = _locales[code] = Locale.objects.get(language_code=code)
    return locale


def forget_locales(**kwargs):
    _locales.clear()


def localize_pages(pages, locale=None):
    """Each page replaced by its live translation in ``locale`` where one exists: one query."""
    locale = locale or active_locale()
    pages = list(pages)
    keys = {page.translation_key for page in pages if page and page.locale_id != locale.id}
    if not keys:
        return pages
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(locale=locale, translation_key__in=keys)
    }
    return [
        translations.get(page.translation_key, page)
        if page and page.locale_id != locale.id
        else page
        for page in pages
    ]


def themes_of_locale(locale=None):
    """All themes of a language, by translation key; kept in the cache until a theme changes."""
    from .content import remember
    from .models import Theme

    locale = locale or active_locale()
    return remember(
        "themes",
        locale.language_code,
        build=lambda: {
            theme.translation_key: theme for theme in Theme.objects.filter(locale=locale)
        },
    )


def localize_themes(themes, locale=None):
    """Themes (of any language) as their translations in ``locale``, in theme order.

    Synchronised theme relations point at the source language's rows (wagtail-localize);
    this maps them without a query per theme. A theme not yet translated keeps its name.
    """
    translated = themes_of_locale(locale)
    localized = [translated.get(theme.translation_key, theme) for theme in themes]
    return sorted(localized, key=lambda theme: (theme.sort_order, theme.name))


def pages_in_streams(instance):
    """Every page chosen anywhere in ``instance``'s StreamFields."""
    from wagtail.blocks.list_block import ListValue
    from wagtail.blocks.stream_block import StreamValue
    from wagtail.blocks.struct_block import StructValue
    from wagtail.fields import StreamField

    found = []

    def walk(value):
        if isinstance(value, Page):
            found.append(value)
        elif isinstance(value, StreamValue):
            for child in value:
                walk(child.value)
        elif isinstance(value, StructValue):
            for child in value.values():
                walk(child)
        elif isinstance(value, ListValue | list):
            for child in value:
                walk(child)

    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            walk(getattr(instance, field.name))
    return found


def localized_page_map(instance, locale=None):
    """{page id: the page in the visitor's language} for the pages ``instance``'s streams
    link to; templates use it through ``{% localized_page %}``, so links in a translated
    page lead to translated pages without a query per link."""
    pages = pages_in_streams(instance)
    return {
        page.pk: localized
        for page, localized in zip(pages, localize_pages(pages, locale), strict=True)
    }
