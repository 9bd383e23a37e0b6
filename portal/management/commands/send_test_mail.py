from django.core.management.base import BaseCommand
from django.db import transaction

from portal.mail import queue_mail


class Command(BaseCommand):
    help = "Queues a test message to ADDRESS through the same path as every portal mail."

    def add_arguments(self, parser):
        parser.add_argument("address")
        parser.add_argument("--language", default="nl", choices=["nl", "en"])

    def handle(self, *args, **options):
        with transaction.atomic():
            queue_mail(
                to=options["address"],
                template="portal/mail/test",
                context={"name": options["address"]},
                language=options["language"],
            )
        self.stdout.write(f"Queued a test message to {options['address']}.")
