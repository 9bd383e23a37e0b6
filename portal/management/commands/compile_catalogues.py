from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compiles locale/*/LC_MESSAGES/django.po into .mo files with polib, so that setting up "
        "the project needs no GNU gettext. With --fill-english, first copies each English "
        "msgid into its empty msgstr (English is the source language of the interface)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fill-english", action="store_true")

    def handle(self, *args, **options):
        for directory in settings.LOCALE_PATHS:
            for po_path in sorted(Path(directory).glob("*/LC_MESSAGES/django.po")):
                po = polib.pofile(str(po_path))
                if options["fill_english"] and po_path.parts[-3] == "en":
                    for entry in po:
                        if "fuzzy" in entry.flags:
                            # msgmerge's fuzzy guess is the text of another string ("Theme"
                            # became "Themes"); English is the source, so start afresh.
                            entry.flags.remove("fuzzy")
                            entry.previous_msgid = entry.previous_msgid_plural = None
                            entry.msgstr = ""
                            entry.msgstr_plural = {}
                        if entry.msgid_plural and not any(entry.msgstr_plural.values()):
                            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                        elif not entry.msgid_plural and not entry.msgstr:
                            entry.msgstr = entry.msgid
                    po.save()
                po.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"{po_path}: {po.percent_translated()}% translated")
