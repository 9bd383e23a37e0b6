"""Files in a storage (a bucket or a folder) that no row of the database refers to.

    python manage.py storage_orphans                 # report, per storage
    python manage.py storage_orphans --delete        # and delete them
    python manage.py storage_orphans --storage private --older-than 0

Every FileField of every model counts (original images, renditions, documents, attachments),
so a file is an orphan when the row that named it is gone: a crash between writing the file
and committing its row, a restore of an older database, a purge that could not reach the
store. Files younger than ``--older-than`` hours (default 24) are left out: their row may not
be committed yet. The ``exports`` storage holds built files that no row names, and a storage
nested inside another (exports under the private bucket) is left to itself.
"""

import datetime

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from portal.storage import file_fields, orphans


class Command(BaseCommand):
    help = "Report (and with --delete remove) stored files that no database row refers to."

    def add_arguments(self, parser):
        parser.add_argument(
            "--storage",
            action="append",
            dest="aliases",
            help="a STORAGES alias (repeatable); default: every storage a model field uses",
        )
        parser.add_argument("--older-than", type=float, default=24.0, metavar="HOURS")
        parser.add_argument("--delete", action="store_true")

    def handle(self, *args, aliases=None, older_than=24.0, delete=False, **options):
        aliases = aliases or sorted(file_fields())
        unknown = [alias for alias in aliases if alias not in settings.STORAGES]
        if unknown:
            raise CommandError(f"Unknown storage: {', '.join(unknown)}")
        total = 0
        for alias in aliases:
            found = orphans(alias, older_than=datetime.timedelta(hours=older_than))
            for name in found:
                self.stdout.write(f"  {alias}: {name}", self.style.WARNING)
                if delete:
                    storages[alias].delete(name)
            verb = "deleted" if delete else "found"
            self.stdout.write(f"{alias}: {len(found)} orphaned files {verb}")
            total += len(found)
        self.stdout.write(f"Orphaned files: {total}")
