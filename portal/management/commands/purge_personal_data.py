"""Remove or anonymise the personal data that is past its retention period.

    python manage.py purge_personal_data            # do it, and say what was done per kind
    python manage.py purge_personal_data --dry-run  # only say what would be done

Run it daily (cron or a systemd timer). Every kind of submission (every subclass of
portal.models.BaseSubmission) is covered: its personal fields are blanked, its files
deleted, and the row stays with its reference, dates, status and themes for the figures.
Unsent application drafts and spam reactions are deleted instead. Running it twice in a row
changes nothing the second time. The periods are set in the admin (Settings → Personal
data; applications also per call).
"""

from django.core.management.base import BaseCommand

from portal.privacy import purge


class Command(BaseCommand):
    help = "Removes or anonymises personal data past its retention period, per kind."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would be done, change nothing"
        )

    def handle(self, *args, dry_run=False, **options):
        verb = ("would erase", "would delete") if dry_run else ("erased", "deleted")
        total = 0
        for model, days, erased, deleted in purge(dry_run=dry_run):
            total += erased + deleted
            self.stdout.write(
                f"{model._meta.label} ({model._meta.verbose_name_plural}), kept {days} days: "
                f"{verb[0]} {erased}, {verb[1]} {deleted}"
            )
        self.stdout.write(f"Total: {total}{' (dry run, nothing changed)' if dry_run else ''}")
