"""One version number for all published content, and the page filters built on it.

Whatever an editor publishes, unpublishes, moves or deletes, and any change to themes,
navigation or site settings, bumps the version. Cached fragments (menus, home sections,
figures, theme names) carry the version in their key, so they are never stale and never
need to be found and deleted one by one; on a cluster the version lives in the shared cache.

``remember`` keeps such a value in this process's memory as well: a value under a version
never changes, so only the version itself is read from Redis on each request. A version
starts from the clock, not from 1, so that a Redis restart (which forgets the version) can
never bring back an old version and with it what a process still remembers of it.
"""

import hashlib
import time

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import Q
from wagtail.models import PageViewRestriction

from .cache import on_recovery

VERSION_KEY = "portal:content-version"


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


def new_version():
    return time.time_ns() // 1000


# A worker trusts the version it last read for ``CONTENT_VERSION_TRUST`` seconds (one in
# production): a publish in another process reaches it within that time, and meanwhile its
# requests need not ask Redis at all when what they show is in its memory. A publish in this
# process is seen at once. Only requests trust it; commands and the worker always ask.
_trusted = {"version": None, "until": 0.0}


def trusted_version():
    """The version this worker read less than ``CONTENT_VERSION_TRUST`` seconds ago, in a
    request; else None."""
    trusted = (
        _trusted["version"] is not None
        and settings.CONTENT_VERSION_TRUST
        and getattr(_request, "active", False)
        and time.monotonic() < _trusted["until"]
    )
    return _trusted["version"] if trusted else None


def note_version(version):
    """The version just read from the cache: used for the rest of this request."""
    if getattr(_request, "active", False):
        _request.version = version
        trust = settings.CONTENT_VERSION_TRUST
        if trust and version is not None:
            _trusted.update(version=version, until=time.monotonic() + trust)


def content_version():
    version = getattr(_request, "version", None)
    if version is None:
        version = trusted_version()
        if version is not None:
            _request.version = version
            return version
        version = cache.get(VERSION_KEY)
        if version is None:
            version = new_version()
            if not cache.add(VERSION_KEY, version, timeout=None):
                version = cache.get(VERSION_KEY) or version
        note_version(version)
    return version


# Called after each bump: what is built from the content outside the cache (the stored
# open-data files, portal.exports) is scheduled to be built again there.
after_bump = []


def bump_content_version(**kwargs):
    _request.version = None
    _trusted["version"] = None
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, new_version(), timeout=None)
    for callback in after_bump:
        callback()


def bump_after_commit():
    """Bump once the transaction commits (at once outside one): a request between a bump
    and the commit would keep what it read of the old rows under the new version. Each
    change asks; a second bump in the same commit costs one ``incr`` and changes nothing."""
    transaction.on_commit(bump_content_version, robust=True)


# A publish during a Redis outage could not bump the version (portal.cache).
on_recovery.append(bump_content_version)


def versioned_key(name, *parts):
    return ":".join(["portal", name, str(content_version()), *map(str, parts)])


MISSING = object()
MEMORY_SIZE = 4000
# A bump makes every remembered value unreachable, not gone: what the shared cache holds under
# an old version (an erased question's text among it) expires after REMEMBERED_TIMEOUT.
_memory = {"version": None, "values": {}}


def _memory_of(version):
    if _memory["version"] != version:
        _memory.update(version=version, values={})
    memory = _memory["values"]
    if len(memory) >= MEMORY_SIZE:
        memory.clear()
    return memory


def remember_many(name, ids, *parts, build):
    """``{id: value}`` for each of ``ids``, as ``remember`` keeps them, under
    ``name:version:id:parts``; ``build(missing_ids)`` returns ``{id: value}`` for those found
    neither in memory nor in the shared cache (one ``get_many`` for all of them)."""
    version = content_version()
    suffix = ":".join(map(str, parts))
    keys = {pk: f"portal:{name}:{version}:{pk}:{suffix}" for pk in ids}
    memory = _memory_of(version)
    # One read per key: another thread of this worker (gthread) may clear the memory between
    # a membership test and a read.
    found = {
        pk: value for pk, key in keys.items() if (value := memory.get(key, MISSING)) is not MISSING
    }
    if missing := [pk for pk in ids if pk not in found]:
        shared = cache.get_many([keys[pk] for pk in missing])
        for pk in missing:
            if keys[pk] in shared:
                found[pk] = memory[keys[pk]] = shared[keys[pk]]
        if missing := [pk for pk in missing if pk not in found]:
            built = build(missing)
            cache.set_many(
                {keys[pk]: built[pk] for pk in missing if pk in built},
                timeout=settings.REMEMBERED_TIMEOUT,
            )
            for pk in missing:
                if pk in built:
                    found[pk] = memory[keys[pk]] = built[pk]
    return found


def remember(name, *parts, build, timeout=MISSING, fresh=False):
    """What ``build()`` returns, for the current content version: from this process's memory,
    else from the shared cache, else built (and kept in both). ``fresh`` builds it anyway
    (previews). The value is shared by every request of this process: never change it."""
    version = content_version()
    key = ":".join(["portal", name, str(version), *map(str, parts)])
    if len(key) > 200:  # parts may hold what a visitor typed
        key = f"portal:{name}:{version}:{hashlib.sha256(key.encode()).hexdigest()}"
    if fresh:
        return build()
    memory = _memory_of(version)
    value = memory.get(key, MISSING)
    if value is MISSING:
        value = cache.get(key, MISSING)
        if value is MISSING:
            value = build()
            cache.set(
                key, value, timeout=settings.REMEMBERED_TIMEOUT if timeout is MISSING else timeout
            )
        memory[key] = value
    return value


def restricted_paths():
    """Tree paths of pages under a view restriction, kept in the cache."""
    return remember(
        "restricted-paths",
        build=lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def public(queryset):
    """``queryset.public()`` without its query per call: restrictions come from the cache."""
    paths = restricted_paths()
    if not paths:
        return queryset
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return queryset.exclude(condition)
