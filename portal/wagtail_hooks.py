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


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    from .twofactor import views

    return [
        path("two-factor/", views.manage, name="portal_twofactor_manage"),
        path("two-factor/verify/", views.verify, name="portal_twofactor_verify"),
        path("two-factor/setup/", views.setup, name="portal_twofactor_setup"),
        path(
            "two-factor/recovery-codes/",
            views.recovery_codes,
            name="portal_twofactor_recovery_codes",
        ),
        path("two-factor/reset/<int:user_id>/", views.reset_user, name="portal_twofactor_reset"),
    ]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("portal_twofactor_manage"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Set up an authenticator app, or make new recovery codes."),
    }


@hooks.register("register_user_listing_buttons")
def register_two_factor_reset_button(user, request_user):
    from wagtail.admin.widgets.button import Button

    from .twofactor.views import may_reset

    if may_reset(request_user, user):
        yield Button(
            _("Reset two-factor sign-in"),
            reverse("portal_twofactor_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
        )


@hooks.register("construct_homepage_panels")
def add_work_queues_panel(request, panels):
    from .dashboard import WorkQueuesPanel, work_queues

    if queues := work_queues(request):
        panels.append(WorkQueuesPanel(queues))


@hooks.register("portal_work_queues")
def translations_to_do(request):
    """Pages and snippets whose translation needs work (portal.freshness)."""
    from .dashboard import Queue
    from .freshness import stale_translations
    from .reports import PERMISSION

    if not request.user.has_perm(PERMISSION):
        return None
    rows = stale_translations()
    changed = [row.source_changed_at for row in rows if row.source_changed_at]
    return Queue(
        str(_("Translations to do")),
        len(rows),
        min(changed, default=None),
        reverse("portal_stale_translations"),
        order=90,
    )
