from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .choosers import CheckedChooserViewSet, SharedContentChooserViewSet
from .models import Navigation, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    chooser_viewset_class = SharedContentChooserViewSet
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "colour", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class NavigationViewSet(SnippetViewSet):
    model = Navigation
    chooser_viewset_class = CheckedChooserViewSet
    icon = "list-ul"
    menu_label = _("Navigation")
    list_display = ["name", "locale"]


class SiteContentViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, NavigationViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Site content")
    menu_name = "site-content"
