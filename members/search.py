"""Text search in the directory: one normalised column, matched as a substring.

Dutch writes compounds as one word ("energiecoöperatie", "buurtmoestuin"), so a search for
"cooperatie" or "moestuin" must find a part of a word; a full-text index does not, a
substring match does. Both the stored text and the query are lower-cased and stripped of
accents, so "cooperatie" also finds "coöperatie". At 10,000 initiatives one LIKE over this
column stays well within a request's budget (see members/management/commands/bench_members.py).
"""

import re
import unicodedata

WHITESPACE = re.compile(r"\s+")


def normalise(text):
    """Lower case, without accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return WHITESPACE.sub(" ", plain.casefold()).strip()
