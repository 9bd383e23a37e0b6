"""Erase the personal data of offers of help and decided registrations past retention.

    python manage.py erase_member_submissions            # older than a year
    python manage.py erase_member_submissions --days 90

Run it daily (cron or a systemd timer). Records stay, with their reference, dates and what
they were about; names, addresses and messages go. Registrations still waiting for a
moderator are left alone; a profile's own contact fields are the initiative's to change.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from members.models import HelpOffer, Registration


class Command(BaseCommand):
    help = "Erases personal data of old offers of help and decided registrations."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=365, help="keep personal data this many days (365)"
        )

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - timedelta(days=days)
        offers = HelpOffer.objects.filter(erased_at=None, created_at__lt=cutoff)
        registrations = Registration.objects.filter(erased_at=None, created_at__lt=cutoff).exclude(
            status=Registration.Status.PENDING
        )
        counts = []
        for queryset in (offers, registrations):
            count = 0
            for submission in queryset.iterator():
                submission.erase_personal_data()
                count += 1
            counts.append(count)
        self.stdout.write(
            f"Erased the personal data of {counts[0]} offers of help and "
            f"{counts[1]} registrations older than {days} days."
        )
