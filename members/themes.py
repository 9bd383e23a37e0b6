from portal.i18n import themes_of_locale


class ThemeMap:
    """The themes of the visitor's language, read from the cache once for a whole list.

    ``portal.i18n.localize_themes`` reads the cache on every call; a listing of many
    initiatives maps all their themes with this one read instead.
    """

    def __init__(self, locale=None):
        self.themes = themes_of_locale(locale)

    def localize(self, themes):
        localized = [self.themes.get(theme.translation_key, theme) for theme in themes]
        return sorted(localized, key=lambda theme: (theme.sort_order, theme.name))
