from django.core.management.base import BaseCommand
from wagtail import hooks

from portal.demo import DemoBuilder


class Command(BaseCommand):
    help = (
        "Builds the bilingual demo site: Dutch pages and their English translations. "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options):
        demo = DemoBuilder(self.stdout)
        for loader in hooks.get_hooks("portal_load_demo"):
            loader(demo)
        if demo.created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {demo.created} pages."))
        else:
            self.stdout.write("Demo content was already there; nothing changed.")
