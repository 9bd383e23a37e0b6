"""The living labs' part of the home page, of the initiatives' profiles and of the demo."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.audiences import tagged_for
from portal.content import remember
from portal.home import Figure, HomeSection
from portal.i18n import active_locale

from .models import LivingLabIndexPage, LivingLabPage, LivingLabPartner


@hooks.register("portal_home_sections", order=30)
def living_labs(request, home_page):
    labs = list(
        LivingLabPage.objects.visible()
        .filter(locale=active_locale())
        .exclude(phase=LivingLabPage.Phase.STOPPED)
        .select_related("listing_image")
        .prefetch_related("listing_image__renditions")
        .order_by("-start_date", "pk")[:3]
    )
    if not labs:
        return None
    index = LivingLabIndexPage.objects.live().filter(locale=active_locale()).first()
    return HomeSection("livinglabs/includes/home_section.html", {"labs": labs, "index": index})


@hooks.register("portal_audience_sections", order=20)
def labs_for_audience(request, audience):
    """The labs tagged for an audience, newest first (stopped ones aside), and the programme."""
    tagged = (
        LivingLabPage.objects.visible()
        .filter(tagged_for(audience), locale=active_locale())
        .exclude(phase=LivingLabPage.Phase.STOPPED)
    )
    labs = list(
        tagged.select_related("listing_image")
        .prefetch_related("listing_image__renditions")
        .order_by("-start_date", "pk")[:3]
    )
    if not labs:
        return None
    index = LivingLabIndexPage.objects.live().filter(locale=active_locale()).first()
    return HomeSection(
        "livinglabs/includes/audience_section.html",
        {"labs": labs, "index": index},
    )


@hooks.register("portal_headline_figures", order=20)
def lab_figures():
    count = LivingLabPage.objects.live().filter(locale__language_code="nl").count()
    return [Figure(count, _("living labs"))] if count else []


@hooks.register("members_profile_sections", order=10)
def labs_of_member(request, member_page):
    """The labs an initiative takes part in: the other half of a partner link.

    Partners of every language version of a lab point at one language version of the
    initiative, so the link is found by the initiative's translation key. Kept in the cache
    under the content version: a profile costs no query for it until something is published.
    """
    if member_page.pk is None:
        return None

    def build():
        locale = active_locale()
        partnerships = (
            LivingLabPartner.objects.filter(
                member__translation_key=member_page.translation_key,
                page__in=LivingLabPage.objects.visible().filter(locale=locale),
            )
            .select_related("page")
            .order_by("page__title", "pk")
        )
        labs, seen = [], set()
        for partnership in partnerships:
            lab = partnership.page
            if lab.pk in seen:
                continue
            seen.add(lab.pk)
            labs.append(
                {
                    "title": lab.title,
                    "url": lab.get_url(request),
                    "phase": str(lab.get_phase_display()),
                    "place": lab.place,
                    "role": str(partnership.get_role_display()),
                }
            )
        return labs

    labs = remember(
        "member-labs", member_page.translation_key, translation.get_language(), build=build
    )
    if not labs:
        return None
    return HomeSection("livinglabs/includes/member_labs.html", {"labs": labs})


@hooks.register("portal_load_demo", order=40)
def load_living_labs_demo(demo):
    from .demo import load_living_labs

    load_living_labs(demo)


@hooks.register("portal_generate_scale_data", order=40)
def generate_livinglabs_scale_data(scale):
    from .scale import generate_labs

    generate_labs(scale)


@hooks.register("portal_open_data_api")
def open_data_api():
    from .api import routes

    return routes()
