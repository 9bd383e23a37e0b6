"""The directory's part of the home page and the admin.

Hook for other apps: ``members_profile_sections`` — ``fn(request, member_page)`` returns a
``portal.home.HomeSection`` (template and context; the template gets ``section`` and
``page``) or None. Profiles show them below the story, in hook order. The living labs use it
to list the labs an initiative takes part in (apps may import ``members``, not the reverse).
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.audiences import WayIn
from portal.choices import Audience
from portal.dashboard import queue_of
from portal.home import Figure, HomeSection
from portal.i18n import active_locale

from .figures import network_figures
from .models import HelpOffer, MemberIndexPage, MemberPage, Need, Registration


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


# What each audience can offer first: the directory opens on initiatives looking for it.
HELP_OF_AUDIENCE = {
    Audience.MUNICIPALITY: Need.SPACE,
    Audience.ORGANISATION: Need.EXPERTISE,
    Audience.RESIDENT: Need.VOLUNTEERS,
}
# Who registers an initiative: residents, and organisations or companies with a social aim.
REGISTERING_AUDIENCES = {Audience.RESIDENT, Audience.ORGANISATION}


@hooks.register("portal_audience_ways_in", order=20)
def ways_in_to_register_and_help(request, audience):
    index = MemberIndexPage.objects.live().filter(locale=active_locale()).first()
    if not index:
        return []
    index_url = index.get_url(request)
    ways = []
    if audience in REGISTERING_AUDIENCES:
        ways.append(
            WayIn(
                url=index_url + index.reverse_subpage("register"),
                label=gettext("Register your initiative"),
                text=gettext("Put your initiative on the map, so that others can find you."),
            )
        )
    need = HELP_OF_AUDIENCE[audience]
    ways.append(
        WayIn(
            url=f"{index_url}?{urlencode({'need': need})}",
            label=gettext("Offer help to an initiative"),
            text=gettext("Initiatives in the directory that are looking for %(need)s.")
            % {"need": need.label},
        )
    )
    return ways


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


@hooks.register("portal_work_queues")
def registrations_to_moderate(request):
    if not request.user.has_perm("members.change_registration"):
        return None
    return queue_of(
        Registration.objects.filter(status=Registration.Status.PENDING),
        _("Registrations to moderate"),
        reverse("members_registration:index") + "?status=pending",
        order=30,
    )


@hooks.register("portal_work_queues")
def offers_to_pass_on(request):
    """Offers of help for initiatives without a contact address: the staff passes them on
    while the need is open."""
    if not request.user.has_perm("members.change_helpoffer"):
        return None
    return queue_of(
        HelpOffer.objects.filter(
            relayed_to=HelpOffer.Recipient.STAFF, erased_at=None, need__is_met=False
        ),
        _("Offers of help to pass on"),
        reverse("members_helpoffer:index") + "?relayed_to=staff",
        order=35,
    )


@hooks.register("portal_open_data_exports")
def open_data_exports():
    from .exports import stored_exports

    return stored_exports()


@hooks.register("portal_open_data_api")
def open_data_api():
    from .api import routes

    return routes()
