"""Open-data files built once and served as files: the full exports of each language.

An app registers its exports with the ``portal_open_data_exports`` hook (``Export``: how to
write the whole file in the active language, and where its data comes from). Building one
writes the file and a gzipped copy to the ``exports`` storage (STORAGES; a Django storage,
so it can move to object storage) and a small manifest (content version, moment, ETag,
names) to the cache and beside the files.

When the content changes (``portal.content.after_bump``, after the commit) a build of every
export is queued with django-tasks, ``OPEN_DATA_BUILD_DELAY`` seconds later: a burst of
publishes marks the exports dirty once and builds once. Until the worker has built them,
requests get the previous file (for at most the delay plus ``OPEN_DATA_STALE_GRACE``);
then, or when there is no file yet, or the task backend runs tasks at once (development,
tests), the request builds the file on the spot. Builds of one export take a lock in the
cache: a second request waits for the first one's file instead of building it again.

Files are answered with ETag and Last-Modified (304 for a conditional request), gzipped
when the client takes it (the stored copy, never compressed again), licence and source in
the headers (portal.provenance).
"""

import contextlib
import gzip
import hashlib
import json
import logging
import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.http import FileResponse, Http404
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django_tasks import task
from wagtail import hooks

from .content import after_bump, content_version
from .provenance import add_headers, provenance

logger = logging.getLogger(__name__)

SCHEDULED_KEY = "portal:open-data:scheduled"
PENDING_KEY = "portal:open-data:pending"
LOCK_TIMEOUT = 10 * 60
POLL = 0.1
MAX_AGE = 60


class NothingToExport(Exception):
    """The language has no source for this export (no directory in that language)."""


@dataclass(frozen=True)
class Export:
    name: str
    extension: str
    content_type: str
    # The file name a download gets, in the active language (without extension).
    filename: Callable[[], str]
    # (source URL, URL of the page explaining the fields) in the active language; raises
    # NothingToExport when the language has none.
    source: Callable[[], tuple[str, str]]
    # Writes the whole file (bytes) to ``out`` in the active language; ``meta`` is what
    # portal.provenance says (licence, source, moment).
    write: Callable[[object, dict], None]

    @property
    def key(self):
        return f"{self.name}.{self.extension}"


def registered():
    found = {}
    for hook in hooks.get_hooks("portal_open_data_exports"):
        for export in hook():
            found[export.key] = export
    return found


def languages():
    return [code for code, _name in settings.LANGUAGES]


def storage():
    return storages["exports"]


def _manifest_key(export, language):
    return f"portal:open-data:{export.key}:{language}"


def _manifest_name(export, language):
    return f"{export.name}-{language}.{export.extension}.json"


def read_manifest(export, language):
    """The manifest of the stored file: from the cache, else from the storage; or None."""
    manifest = cache.get(_manifest_key(export, language))
    if manifest is None:
        try:
            with storage().open(_manifest_name(export, language), "rb") as stored:
                manifest = json.loads(stored.read())
        except (OSError, ValueError):
            return None
        cache.set(_manifest_key(export, language), manifest, timeout=None)
    return manifest


def is_current(manifest):
    return manifest is not None and manifest["version"] == content_version()


class _Sink:
    """Where an export writes: the plain file, the gzipped copy and the ETag at once."""

    def __init__(self, plain, packed):
        self.plain = plain
        self.packed = gzip.GzipFile(fileobj=packed, mode="wb", compresslevel=6, mtime=0)
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data):
        self.plain.write(data)
        self.packed.write(data)
        self.digest.update(data)
        self.size += len(data)

    def close(self):
        self.packed.close()


def build(export, language):
    """Write the export of ``language`` to the storage now; its manifest."""
    with translation.override(language):
        version = content_version()
        source_url, about_url = export.source()
        built_at = timezone.now().replace(microsecond=0)
        meta = provenance(source_url, built_at, about_url)
        stem = f"{export.name}-{language}-{version}-{secrets.token_hex(4)}.{export.extension}"
        with tempfile.TemporaryFile() as plain, tempfile.TemporaryFile() as packed:
            sink = _Sink(plain, packed)
            export.write(sink, meta)
            sink.close()
            plain.seek(0)
            packed.seek(0)
            files = storage()
            name = files.save(stem, File(plain))
            packed_name = files.save(f"{stem}.gz", File(packed))
    previous = read_manifest(export, language)
    manifest = {
        "version": version,
        "built_at": meta["built_at"],
        "file": name,
        "gzip": packed_name,
        "etag": sink.digest.hexdigest()[:32],
        "size": sink.size,
        "meta": meta,
        # A request that read the previous manifest may still be opening its file: the
        # files of the one before that are removed.
        "previous": [previous["file"], previous["gzip"]] if previous else [],
    }
    _store_manifest(export, language, manifest)
    for old in (previous or {}).get("previous", []):
        with contextlib.suppress(OSError):
            files.delete(old)
    logger.info("Built %s (%s): %s bytes", export.key, language, sink.size)
    return manifest


def _store_manifest(export, language, manifest):
    files = storage()
    name = _manifest_name(export, language)
    with contextlib.suppress(OSError):
        files.delete(name)
    files.save(name, ContentFile(json.dumps(manifest).encode()))
    cache.set(_manifest_key(export, language), manifest, timeout=None)


def build_once(export, language, wait=True):
    """The current manifest, built here under the export's lock or by whoever holds it.

    With ``wait`` a request waits up to ``OPEN_DATA_BUILD_WAIT`` seconds for another build
    of the same export, then serves the previous file (or, when there is none, builds it
    too: an answer beats an error). Without, it returns None when another build runs.
    """
    lock = f"portal:open-data-lock:{export.key}:{language}"
    token = secrets.token_hex(8)
    deadline = time.monotonic() + (settings.OPEN_DATA_BUILD_WAIT if wait else 0)
    refused = 0
    while True:
        if cache.add(lock, token, timeout=LOCK_TIMEOUT):
            try:
                manifest = read_manifest(export, language)
                if is_current(manifest):  # built by another while this one waited
                    return manifest
                return build(export, language)
            finally:
                if cache.get(lock) == token:
                    cache.delete(lock)
        manifest = read_manifest(export, language)
        if is_current(manifest):
            return manifest
        if not wait:
            return None
        if cache.get(lock) is None:
            refused += 1
            if refused > 1:
                # Neither taken nor free, twice: the cache is down (portal.cache), so no lock
                # can be had; build without one rather than fail.
                return build(export, language)
            continue  # released a moment ago: try to take it
        refused = 0
        if time.monotonic() > deadline:
            return manifest or build(export, language)
        time.sleep(POLL)


def pending():
    """Whether the worker is due to build the exports (see the module's docstring)."""
    until = cache.get(PENDING_KEY)
    return until is not None and until > time.time()


def current(export, language):
    """The manifest to serve: the current file, the previous one while the worker is due to
    build it, or one built now."""
    manifest = read_manifest(export, language)
    if is_current(manifest) or (manifest is not None and pending()):
        return manifest
    return build_once(export, language)


def accepts_gzip(request):
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def serve(request, export, language):
    """The stored export as a file answer (see the module's docstring)."""
    try:
        manifest = current(export, language)
    except NothingToExport:
        raise Http404 from None
    packed = accepts_gzip(request)
    etag = f'"{manifest["etag"]}{"-gzip" if packed else ""}"'
    last_modified = datetime.fromisoformat(manifest["built_at"]).timestamp()
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        try:
            stored = storage().open(manifest["gzip"] if packed else manifest["file"], "rb")
        except FileNotFoundError:  # removed by a newer build on another host meanwhile
            stored = storage().open(build_once(export, language)["file"], "rb")
            packed = False
        with translation.override(language):
            filename = f"{export.filename()}.{export.extension}"
        response = FileResponse(
            stored, content_type=export.content_type, as_attachment=True, filename=filename
        )
        if packed:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    patch_vary_headers(response, ("Accept-Encoding",))
    return add_headers(response, manifest["meta"])


# -- building after changes ----------------------------------------------------------------


def schedule_builds():
    """After a content change: queue one build of every export, once the commit is done."""
    transaction.on_commit(enqueue_build)


def enqueue_build():
    delay = settings.OPEN_DATA_BUILD_DELAY
    try:
        if not cache.add(SCHEDULED_KEY, 1, timeout=max(1, delay)):
            return  # already queued for this burst of changes
        if build_open_data.get_backend().supports_defer and delay:
            grace = delay + settings.OPEN_DATA_STALE_GRACE
            cache.set(PENDING_KEY, time.time() + grace, timeout=grace)
            build_open_data.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue()
        else:
            build_open_data.enqueue()
    except Exception:
        # The publish stands; the next request builds the file on the spot.
        logger.exception("Could not queue the open-data build")


after_bump.append(schedule_builds)


@task()
def build_open_data():
    """Build every export of every language whose file is older than the content."""
    built = []
    for export in registered().values():
        for language in languages():
            try:
                if is_current(read_manifest(export, language)):
                    continue
                if build_once(export, language, wait=False):
                    built.append(f"{export.key}:{language}")
            except NothingToExport:
                continue
            except Exception:
                logger.exception("Building %s (%s) failed", export.key, language)
    return built
