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
