"""Copy an existing site's local files into the storages that STORAGES now names (buckets).

    python manage.py copy_media_to_storage --dry-run
    python manage.py copy_media_to_storage

MEDIA_ROOT goes to the ``default`` storage (the public bucket) and PRIVATE_MEDIA_ROOT to
``private`` (the private bucket), each file under the name it has locally, which is the name
the database holds: no row changes. A file already in the bucket with the same size is
skipped, so the command can be run again at any time: after an interruption it goes on where
it stopped, and a last run just before switching the hosts over copies only what was added
meanwhile. It never deletes anything; remove the local folders once the site runs on the
buckets. ``--media-root`` and ``--private-root`` name other folders (a copy of a backup).
"""

from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from portal.storage import is_bucket


class Command(BaseCommand):
    help = "Copy MEDIA_ROOT and PRIVATE_MEDIA_ROOT into the configured buckets (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--media-root", default=None)
        parser.add_argument("--private-root", default=None)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, media_root=None, private_root=None, dry_run=False, **options):
        plan = [
            ("default", Path(media_root or settings.MEDIA_ROOT)),
            ("private", Path(private_root or settings.PRIVATE_MEDIA_ROOT)),
        ]
        for alias, _folder in plan:
            if not is_bucket(storages[alias]):
                raise CommandError(
                    f"STORAGES[{alias!r}] is not a bucket: set the S3_* variables first "
                    "(README, Object storage)."
                )
        for alias, folder in plan:
            copied, skipped = self.copy(folder, storages[alias], dry_run)
            verb = "would copy" if dry_run else "copied"
            self.stdout.write(f"{alias} ({folder}): {verb} {copied}, already there {skipped}")

    def copy(self, folder, storage, dry_run):
        if not folder.is_dir():
            return 0, 0
        location = storage.location.strip("/")
        # One listing instead of a request per file.
        present = {
            item.key[len(location) :].lstrip("/") if location else item.key: item.size
            for item in storage.bucket.objects.filter(Prefix=location)
        }
        copied = skipped = 0
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.name.startswith("."):
                continue
            name = path.relative_to(folder).as_posix()
            if present.get(name) == path.stat().st_size:
                skipped += 1
                continue
            if not dry_run:
                with path.open("rb") as handle:
                    # _save keeps the name exactly (save() would pick another when taken).
                    storage._save(name, File(handle, name=name))
                self.stdout.write(f"  {name}", self.style.SUCCESS)
            copied += 1
        return copied, skipped
