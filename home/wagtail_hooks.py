from wagtail import hooks


@hooks.register("portal_load_demo", order=10)
def load_home_demo(demo):
    from .demo import load_home

    load_home(demo)
