"""Remove files applicants left behind: of forms never sent, and orphaned ones.

Run it daily (cron or a systemd timer), next to the mail worker:

    python manage.py calls_cleanup

- files kept for a form that came back with mistakes, when nobody came back for them
  within ``--stash-hours`` (default 24);
- files under applications/ in the private storage (PRIVATE_MEDIA_ROOT or the private
  bucket) that no row refers to any more (left by a crash between writing a file and
  committing its row), older than a day. ``storage_orphans`` reports those of every storage.

Old unsent drafts are personal data past their retention: ``purge_personal_data`` deletes
them (``Application.retention_ends_at``).
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from calls.models import ApplicationFile
from portal.storage import orphans


class Command(BaseCommand):
    help = "Remove stale stashed files and orphaned application files."

    def add_arguments(self, parser):
        parser.add_argument("--stash-hours", type=int, default=24)

    def handle(self, *args, **options):
        now = timezone.now()
        stashes = ApplicationFile.objects.filter(
            application=None, created_at__lt=now - datetime.timedelta(hours=options["stash_hours"])
        )
        removed_files = 0
        for record in stashes:
            record.delete()  # the file leaves the disk with its row
            removed_files += 1
        lost = self.remove_orphans(datetime.timedelta(days=1))
        self.stdout.write(f"Removed {removed_files} stashed files, {lost} orphaned files.")

    def remove_orphans(self, older_than):
        storage = ApplicationFile.file.field.storage
        lost = orphans("private", older_than=older_than, prefix="applications/")
        for name in lost:
            storage.delete(name)
        return len(lost)
