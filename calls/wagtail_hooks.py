from django.utils import timezone
from wagtail import hooks

from portal.home import HomeSection
from portal.i18n import active_locale

from .models import OpenCallPage


@hooks.register("portal_home_sections", order=5)
def open_call(request, home_page):
    call = (
        OpenCallPage.objects.visible()
        .filter(locale=active_locale(), closes_at__gt=timezone.now())
        .order_by("closes_at")
        .first()
    )
    if not call:
        return None
    return HomeSection("calls/includes/home_section.html", {"call": call})


@hooks.register("portal_load_demo", order=50)
def load_calls_demo(demo):
    from .demo import load_calls

    load_calls(demo)
