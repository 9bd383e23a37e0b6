"""One version number for all published content, and the page filters built on it.

Whatever an editor publishes, unpublishes, moves or deletes, and any change to themes,
navigation or site settings, bumps the version. Cached fragments (menus, home sections,
figures, theme names) carry the version in their key, so they are never stale and never
need to be found and deleted one by one; on a cluster the version lives in the shared cache.
"""

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models import Q
from wagtail.models import PageViewRestriction

from .cache import on_recovery

VERSION_KEY = "portal:content-version"
RESTRICTED_KEY = "portal:restricted-paths:{version}"


# Within a request the version is read once: a page asks for it a dozen times (menus,
# sections, themes, figures), and each read is a round trip to Redis. Outside requests
# (commands, the task worker) every call reads the cache.
_request = Local()


def _start_request(**kwargs):
    _request.version = None
    _request.active = True


def _end_request(**kwargs):
    _request.version = None
    _request.active = False


request_started.connect(_start_request, dispatch_uid="portal-content-version-start")
request_finished.connect(_end_request, dispatch_uid="portal-content-version-end")


def content_version():
    version = getattr(_request, "version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = 1
            cache.add(VERSION_KEY, version, timeout=None)
        if getattr(_request, "active", False):
            _request.version = version
    return version


def bump_content_version(**kwargs):
    _request.version = None
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


# A publish during a Redis outage could not bump the version (portal.cache).
on_recovery.append(bump_content_version)


def versioned_key(name, *parts):
    return ":".join(["portal", name, str(content_version()), *map(str, parts)])


def restricted_paths():
    """Tree paths of pages under a view restriction, kept in the cache."""
    key = RESTRICTED_KEY.format(version=content_version())
    paths = cache.get(key)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(key, paths, timeout=None)
    return paths


def public(queryset):
    """``queryset.public()`` without its query per call: restrictions come from the cache."""
    paths = restricted_paths()
    if not paths:
        return queryset
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return queryset.exclude(condition)
