"""File storages: local folders by default, S3-compatible buckets for more than one host.

Settings pick the storages by alias (``STORAGES``: ``default`` for public media, ``private``
for personal files, ``exports`` for built exports; portal/settings/objectstorage.py builds
the S3 entries, whose classes are in portal/s3storage.py). Models hold no storage object of
their own: a field names an alias through ``NamedStorage``, so the same code writes to a
folder under ``make run`` and to a bucket in production, and a test that changes
``STORAGES`` is followed at once.

Also here, for every storage alike: walking a storage's files (``walk``) and finding the
objects no row refers to any more (``orphans``; ``manage.py storage_orphans``).
"""

import datetime
import os
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

PRIVATE_URL_REFUSED = "Private files have no public URL; use the admin's attachment view."


@deconstructible
class NamedStorage(Storage):
    """The storage of ``STORAGES[alias]``, looked up on every use (a FileField's storage is
    otherwise fixed when the model class is built, before a test can change STORAGES)."""

    def __init__(self, alias):
        self.alias = alias

    @property
    def target(self):
        return storages[self.alias]

    def __eq__(self, other):
        return isinstance(other, NamedStorage) and other.alias == self.alias

    def __hash__(self):
        return hash(("NamedStorage", self.alias))

    def __getattr__(self, name):
        # Only what Storage does not define (a bucket's ``bucket_name``, ``download_url``).
        if name.startswith("__") or name == "alias":
            raise AttributeError(name)
        return getattr(self.target, name)

    # Storage's own methods would run here, not on the target: hand each one over.
    def open(self, name, mode="rb"):
        return self.target.open(name, mode)

    def save(self, name, content, max_length=None):
        return self.target.save(name, content, max_length=max_length)

    def get_valid_name(self, name):
        return self.target.get_valid_name(name)

    def get_alternative_name(self, file_root, file_ext):
        return self.target.get_alternative_name(file_root, file_ext)

    def get_available_name(self, name, max_length=None):
        return self.target.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.target.generate_filename(filename)

    def path(self, name):
        return self.target.path(name)

    def delete(self, name):
        return self.target.delete(name)

    def exists(self, name):
        return self.target.exists(name)

    def listdir(self, path):
        return self.target.listdir(path)

    def size(self, name):
        return self.target.size(name)

    def url(self, name):
        return self.target.url(name)

    def get_accessed_time(self, name):
        return self.target.get_accessed_time(name)

    def get_created_time(self, name):
        return self.target.get_created_time(name)

    def get_modified_time(self, name):
        return self.target.get_modified_time(name)


@deconstructible
class PrivateFileSystemStorage(FileSystemStorage):
    """PRIVATE_MEDIA_ROOT (or ``location``). It has no URL: ``url()`` refuses rather than
    fall back to MEDIA_URL."""

    def __init__(self, location=None, **kwargs):
        super().__init__(location=location, base_url=None, **kwargs)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError(PRIVATE_URL_REFUSED)

    def download_url(self, name, filename, content_type):
        return None  # streamed by the view


def is_bucket(storage):
    return hasattr(storage, "bucket_name")


# Walking a storage and its orphans -------------------------------------------------------


def _prefix(storage):
    """Where a storage keeps its files: (bucket or folder, location inside it)."""
    if is_bucket(storage):
        return ("s3", storage.endpoint_url, storage.bucket_name), storage.location.strip("/")
    return ("folder",), str(Path(storage.location).resolve())


def nested_locations(alias):
    """Locations of other storages inside this one (exports beside attachments), relative
    to it: their files belong to them, not to this storage's rows."""
    place, own = _prefix(storages[alias])
    nested = []
    for other in settings.STORAGES:
        if other in (alias, "staticfiles"):
            continue
        other_place, location = _prefix(storages[other])
        if other_place != place or location == own:
            continue
        if place[0] == "s3":
            if own == "" or location.startswith(own + "/"):
                nested.append(location[len(own) :].strip("/"))
        elif Path(location).is_relative_to(own):
            nested.append(Path(location).relative_to(own).as_posix())
    return nested


def walk(storage, prefix="", skip=()):
    """(name, modified) of every file in ``storage`` under ``prefix``, minus ``skip``."""
    skip = tuple(part.rstrip("/") + "/" for part in skip if part)
    if is_bucket(storage):
        location = storage.location.strip("/")
        start = "/".join(part for part in (location, prefix) if part)
        for item in storage.bucket.objects.filter(Prefix=start):
            name = item.key[len(location) :].lstrip("/") if location else item.key
            if name and not name.endswith("/") and not name.startswith(skip):
                yield name, item.last_modified
        return
    root = Path(storage.location)
    start = root / prefix if prefix else root
    for folder, _dirs, names in os.walk(start):
        for filename in names:
            path = Path(folder) / filename
            name = path.relative_to(root).as_posix()
            if not name.startswith(skip):
                modified = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC)
                yield name, modified


def file_fields():
    """{alias: [(model, field name)]} for every FileField (ImageField too) of every model."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.FileField):
                continue
            storage = field.storage
            if isinstance(storage, NamedStorage):
                alias = storage.alias
            else:
                alias = next(
                    (name for name in settings.STORAGES if storages[name] is storage), "default"
                )
            found.setdefault(alias, []).append((model, field.name))
    return found


def referenced_names(alias):
    names = set()
    for model, field in file_fields().get(alias, []):
        names.update(
            model._base_manager.exclude(**{field: ""}).values_list(field, flat=True).iterator()
        )
    return names


def orphans(alias, older_than=None, prefix=""):
    """Files of storage ``alias`` that no row refers to, older than ``older_than`` (a
    timedelta: a file written a moment ago may belong to a row not committed yet)."""
    known = referenced_names(alias)
    before = None if older_than is None else datetime.datetime.now(datetime.UTC) - older_than
    storage = storages[alias]
    return [
        name
        for name, modified in walk(storage, prefix, skip=nested_locations(alias))
        if name not in known and (before is None or modified < before)
    ]
