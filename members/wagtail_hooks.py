from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.home import Figure, HomeSection
from portal.i18n import active_locale

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
    totals = (
        MemberPage.objects.live()
        .filter(locale__language_code="nl")
        .aggregate(
            initiatives=Count("pk"),
            people=Sum("people_reached"),
            hours=Sum("volunteer_hours_per_week"),
        )
    )
    if not totals["initiatives"]:
        return []
    return [
        Figure(totals["initiatives"], _("initiatives in the network")),
        Figure(totals["people"] or 0, _("people reached")),
        Figure(totals["hours"] or 0, _("volunteer hours a week")),
    ]


@hooks.register("portal_load_demo", order=30)
def load_members_demo(demo):
    from .demo import load_members

    load_members(demo)
