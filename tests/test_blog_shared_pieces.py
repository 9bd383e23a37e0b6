"""Fixes the blog needed in the shared core (portal/), tested where they were found."""

import polib
from django.core.management import call_command
from django.test import override_settings

FUZZY_CATALOGUE = """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#, fuzzy
#| msgid "Themes"
msgid "Theme"
msgstr "Themes"

#, fuzzy
msgid "%(counter)s story"
msgid_plural "%(counter)s stories"
msgstr[0] "%(counter)s result"
msgstr[1] "%(counter)s results"

msgid "Stories"
msgstr ""
"""


def test_filling_english_replaces_msgmerges_fuzzy_guesses_with_the_source(tmp_path):
    catalogue = tmp_path / "en" / "LC_MESSAGES" / "django.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text(FUZZY_CATALOGUE)

    with override_settings(LOCALE_PATHS=[tmp_path]):
        call_command("compile_catalogues", "--fill-english", stdout=open("/dev/null", "w"))  # noqa: SIM115

    po = polib.pofile(str(catalogue))
    assert po.find("Theme").msgstr == "Theme"
    assert po.find("%(counter)s story").msgstr_plural == {
        0: "%(counter)s story",
        1: "%(counter)s stories",
    }
    assert po.find("Stories").msgstr == "Stories"
    assert po.fuzzy_entries() == []
    assert catalogue.with_suffix(".mo").exists()
