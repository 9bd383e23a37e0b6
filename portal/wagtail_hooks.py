from wagtail import hooks
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
    from django.urls import path

    from .admin_privacy import person

    return [path("personal-data/", person, name="portal_personal_data")]


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    class PersonalDataMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm("portal.manage_personal_data")

    return PersonalDataMenuItem(
        _("Personal data of a person"),
        reverse("portal_personal_data"),
        icon_name="user",
        order=900,
    )
