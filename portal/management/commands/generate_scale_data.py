"""Fill the configured database with a large, bilingual data set to measure with.

    python manage.py generate_scale_data               # 10,000 initiatives, 2,000 stories, …
    python manage.py generate_scale_data --scale 0.1   # a tenth of each
    python manage.py generate_scale_data --english 0.5 # translate half of the pages

The demo content comes first (it is loaded when missing): the data hangs under its index
pages and uses its themes, kinds, authors and open call. Each app adds its part through the
hook ``portal_generate_scale_data`` (portal imports no app; see portal/scale.py). Made for a
database to measure with, never production: the rows are made up and stay until the
database is dropped.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks
from wagtail.models import Page, Site

from portal.content import bump_content_version
from portal.scale import ScaleBuilder


class Command(BaseCommand):
    help = "Builds a large bilingual data set (default 10,000 initiatives) to measure with."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="factor on every default number"
        )
        parser.add_argument(
            "--english", type=float, default=1.0, help="share of pages translated to English"
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if (
            site is None
            or not Page.objects.filter(depth=2, live=True).exists()
            or (site.root_page.specific_class.__name__ != "HomePage")
        ):
            self.stdout.write("No demo content yet: loading it first.")
            call_command("load_demo", stdout=self.stdout)
        scale = ScaleBuilder(
            scale=options["scale"],
            english_share=options["english"],
            seed=options["seed"],
            stdout=self.stdout,
        )
        started = time.perf_counter()
        with transaction.atomic():
            for generate in hooks.get_hooks("portal_generate_scale_data"):
                generate(scale)
        bump_content_version()
        elapsed = time.perf_counter() - started
        made = ", ".join(f"{number} {label}" for label, number in scale.made.items())
        self.stdout.write(self.style.SUCCESS(f"Made {made} in {elapsed:.1f} s."))
