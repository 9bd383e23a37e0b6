"""Remove files applicants left behind: of forms never sent, and orphaned ones.

Run it daily (cron or a systemd timer), next to the mail worker:

    python manage.py calls_cleanup

- files kept for a form that came back with mistakes, when nobody came back for them
  within ``--stash-hours`` (default 24);
- files under PRIVATE_MEDIA_ROOT/applications/ that no row refers to any more (left by a
  crash between writing a file and committing its row), older than a day.

Old unsent drafts are personal data past their retention: ``purge_personal_data`` deletes
them (``Application.retention_ends_at``).
"""

import datetime
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from calls.models import ApplicationFile


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
        orphans = self.remove_orphans(now - datetime.timedelta(days=1))
        self.stdout.write(f"Removed {removed_files} stashed files, {orphans} orphaned files.")

    def remove_orphans(self, before):
        root = Path(settings.PRIVATE_MEDIA_ROOT) / "applications"
        if not root.exists():
            return 0
        known = set(ApplicationFile.objects.values_list("file", flat=True))
        removed = 0
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                relative = path.relative_to(settings.PRIVATE_MEDIA_ROOT).as_posix()
                modified = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC)
                if relative not in known and modified < before:
                    path.unlink()
                    removed += 1
        return removed
