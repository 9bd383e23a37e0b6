from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .viewsets import SiteContentViewSetGroup

register_snippet(SiteContentViewSetGroup)


@hooks.register("portal_load_demo", order=0)
def load_shared_demo(demo):
    from .demo_content import load_settings, load_themes

    load_settings(demo)
    load_themes(demo)


@hooks.register("portal_load_demo", order=100)
def load_navigation_demo(demo):
    from .demo_content import load_navigation

    load_navigation(demo)


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    from .admin_privacy import person

    return [path("personal-data/", person, name="portal_personal_data")]


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    class PersonalDataMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm("portal.manage_personal_data")

    return PersonalDataMenuItem(
        _("Personal data of a person"),
        reverse("portal_personal_data"),
        icon_name="user",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_stale_translations_report():
    from .reports import StaleTranslationsView

    return [
        path(
            "reports/translations-to-do/",
            StaleTranslationsView.as_view(),
            name="portal_stale_translations",
        ),
        path(
            "reports/translations-to-do/results/",
            StaleTranslationsView.as_view(results_only=True),
            name="portal_stale_translations_results",
        ),
    ]


class StaleTranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        from .reports import PERMISSION

        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_stale_translations_menu_item():
    return StaleTranslationsMenuItem(
        _("Translations to do"),
        reverse("portal_stale_translations"),
        name="translations-to-do",
        icon_name="wagtail-localize-language",
        order=8900,
    )
