from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import routing, selfservice, signin, views

handler500 = "portal.views.server_error"

wagtail_util_urls = [
    pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"
]

urlpatterns = [
    # Before Wagtail's own, which signs out on a GET too (portal.signin).
    path("admin/logout/", signin.LogoutView.as_view(), name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    # The open-data API (portal.api): one address per language, no language prefix.
    path("", include("portal.api")),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg")),
]

if settings.SERVE_MEDIA:
    # Only image renditions are public media; documents go through Wagtail's checked view.
    urlpatterns += [
        path("media/images/<path:name>", views.public_image, name="public_image"),
    ]

urlpatterns += i18n_patterns(
    path(_("search/"), views.search, name="search"),
    path(_("your-data/done/"), selfservice.done, name="privacy_done"),
    path(_("your-data/<str:token>/"), selfservice.self_service, name="privacy_self_service"),
    # Wagtail's own front-end routes (the login for pages and documents restricted to
    # logged-in users, the password form of a password-protected page) come before the
    # catch-all page route, which would take ``_util/login/`` for a page path; Wagtail's
    # serve route is left out, ours replaces it.
    path("", include(wagtail_util_urls)),
    re_path(r"^((?:[\w\-]+/)*)$", routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
