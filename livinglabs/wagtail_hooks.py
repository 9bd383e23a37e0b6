from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.home import Figure, HomeSection
from portal.i18n import active_locale

from .models import LivingLabIndexPage, LivingLabPage


@hooks.register("portal_home_sections", order=30)
def living_labs(request, home_page):
    labs = list(
        LivingLabPage.objects.visible()
        .filter(locale=active_locale())
        .exclude(phase=LivingLabPage.Phase.STOPPED)
        .select_related("listing_image")
        .prefetch_related("listing_image__renditions")
        .order_by("-start_date")[:3]
    )
    if not labs:
        return None
    index = LivingLabIndexPage.objects.live().filter(locale=active_locale()).first()
    return HomeSection("livinglabs/includes/home_section.html", {"labs": labs, "index": index})


@hooks.register("portal_headline_figures", order=20)
def lab_figures():
    count = LivingLabPage.objects.live().filter(locale__language_code="nl").count()
    return [Figure(count, _("living labs"))] if count else []


@hooks.register("portal_load_demo", order=40)
def load_living_labs_demo(demo):
    from .demo import load_living_labs

    load_living_labs(demo)


@hooks.register("portal_generate_scale_data", order=40)
def generate_livinglabs_scale_data(scale):
    from .scale import generate_labs

    generate_labs(scale)
