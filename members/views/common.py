"""What the addresses of the directory and the profiles share.

Public forms here act for nobody (see portal/routing.py): no session, no ``request.user``.
"""

import json
from http import HTTPMethod

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.safestring import mark_safe

READ_METHODS = (HTTPMethod.GET, HTTPMethod.HEAD)
# What json_script escapes: inside a <script> element these could end it or open a comment.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def read_only(request):
    if request.method not in READ_METHODS:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return None


def subpage_url(page, request, name):
    # A page being previewed before its first save has no address yet.
    return (page.get_url(request) or "") + page.reverse_subpage(name).lstrip("/")


def see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def ld_json(data):
    """JSON for a <script type="application/ld+json"> block: a data block, not a script,
    so a Content Security Policy without 'unsafe-inline' allows it."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))  # noqa: S308


def subpage_context(page, request, route):
    """Canonical address and language links of a sub-address (see portal_tags)."""
    return {
        "subpage_route": route,
        "canonical_url": subpage_url(page, request, route),
    }


def base_context(page, request):
    """The context every page gets (BasePage), without the directory's own listing."""
    from portal.models import BasePage

    return BasePage.get_context(page, request)
