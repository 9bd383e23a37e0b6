from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compiles locale/*/LC_MESSAGES/django.po into .mo files with polib, so that setting up "
        "the project needs no GNU gettext. With --fill-english, first makes every English "
        "msgstr its msgid: English is the source language of the interface."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fill-english", action="store_true")

    def handle(self, *args, **options):
        for directory in settings.LOCALE_PATHS:
            for po_path in sorted(Path(directory).glob("*/LC_MESSAGES/django.po")):
                po = polib.pofile(str(po_path))
                if options["fill_english"] and po_path.parts[-3] == "en":
                    for entry in po:
                        # Always the source text: a fuzzy guess from msgmerge or a merge
                        # would otherwise put another string's text on screen.
                        if "fuzzy" in entry.flags:
                            entry.flags.remove("fuzzy")
                        entry.previous_msgid = entry.previous_msgid_plural = None
                        if entry.msgid_plural:
                            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                        else:
                            entry.msgstr = entry.msgid
                    po.save()
                po.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"{po_path}: {po.percent_translated()}% translated")
