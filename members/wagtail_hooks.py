"""The directory's part of the home page and the admin.

Hook for other apps: ``members_profile_sections`` — ``fn(request, member_page)`` returns a
``portal.home.HomeSection`` (template and context; the template gets ``section`` and
``page``) or None. Profiles show them below the story, in hook order. The living labs use it
to list the labs an initiative takes part in (apps may import ``members``, not the reverse).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.home import Figure, HomeSection
from portal.i18n import active_locale

from .figures import network_figures
from .models import MemberIndexPage, MemberPage


@hooks.register("portal_home_sections", order=20)
def featured_initiatives(request, home_page):
    members = list(
        MemberPage.objects.visible()
        .filter(locale=active_locale())
        .select_related("listing_image")
        .prefetch_related("listing_image__renditions")
        .order_by("-first_published_at")[:4]
    )
    if not members:
        return None
    index = MemberIndexPage.objects.live().filter(locale=active_locale()).first()
    return HomeSection("members/includes/home_section.html", {"members": members, "index": index})


@hooks.register("portal_headline_figures", order=10)
def member_figures():
    total = network_figures()["total"]
    if not total.initiatives:
        return []
    return [
        Figure(total.initiatives, _("initiatives in the network")),
        Figure(total.people_reached, _("people reached")),
        Figure(total.volunteer_hours_per_week, _("volunteer hours a week")),
    ]


@hooks.register("portal_load_demo", order=30)
def load_members_demo(demo):
    from .demo import load_members

    load_members(demo)


@hooks.register("register_admin_viewset")
def register_members_admin():
    from .viewsets import MembersViewSetGroup

    return MembersViewSetGroup()


@hooks.register("portal_generate_scale_data", order=30)
def generate_members_scale_data(scale):
    from .scale import generate_initiatives

    generate_initiatives(scale)


@hooks.register("portal_open_data_exports")
def open_data_exports():
    from .exports import stored_exports

    return stored_exports()


@hooks.register("portal_open_data_api")
def open_data_api():
    from .api import routes

    return routes()
