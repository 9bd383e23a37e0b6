"""Stories related to any page, from whichever app writes the stories.

``portal`` and the apps that ask (the living labs) import no story app. The app that has
stories registers the Wagtail hook ``portal_related_stories``:
``fn(locale, theme_slugs, names, limit)`` returns up to ``limit`` live, public pages of
``locale``: those that name one of ``names`` first, then those sharing most themes.
"""

from wagtail import hooks


def related_stories(locale, theme_slugs, names, limit=3):
    found = []
    for hook in hooks.get_hooks("portal_related_stories"):
        found += hook(locale, set(theme_slugs), [name for name in names if name], limit)
        if len(found) >= limit:
            break
    return found[:limit]
