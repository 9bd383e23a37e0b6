"""``make bench``: see portal/bench.py. Prints a markdown table and writes var/bench.md."""

import os

from django.core.management.base import BaseCommand, CommandError

from portal.bench import Bench


class Command(BaseCommand):
    help = "Measures every public page type per database and size; writes var/bench.md."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            default=os.environ.get("BENCH_SIZES", "demo scale"),
            help="demo, scale or both (BENCH_SIZES)",
        )
        parser.add_argument(
            "--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "3"))
        )
        parser.add_argument(
            "--requests", type=int, default=int(os.environ.get("BENCH_REQUESTS", "20"))
        )
        parser.add_argument(
            "--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1"))
        )

    def handle(self, *args, **options):
        sizes = tuple(options["sizes"].replace(",", " ").split())
        bench = Bench(
            self.stdout,
            seconds=min(options["seconds"], 10),  # loads stay short and bounded
            requests=options["requests"],
            sizes=sizes,
            scale=options["scale"],
        )
        if not bench.run():
            raise CommandError(f"{len(bench.failures)} rows or checks fail: see var/bench.md")
