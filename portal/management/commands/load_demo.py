"""Builds the demo site. Wagtail indexes references on every save, through a task per row;
the demo replaces rows as it goes (wagtail-localize copies a story's authors for the
translation, and publishing the translation's revision writes them anew), so a worker that
runs those tasks afterwards finds rows that are gone (``BlogPageAuthor.DoesNotExist``). The
build therefore saves without indexing and indexes the finished site once at the end."""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail import hooks
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.demo import DemoBuilder


class Command(BaseCommand):
    help = (
        "Builds the bilingual demo site: Dutch pages and their English translations. "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options):
        demo = DemoBuilder(self.stdout)
        with disable_reference_index_auto_update():
            for loader in hooks.get_hooks("portal_load_demo"):
                loader(demo)
        if demo.created:
            call_command("rebuild_references_index", stdout=StringIO())
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {demo.created} pages."))
        else:
            self.stdout.write("Demo content was already there; nothing changed.")
