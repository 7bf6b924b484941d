"""Names as print cased them, read in the case of ordinary text.

Lists, rolls and family pages set surnames in capitals ("Violet ASHWORTH", "John Michael
HENNESSY 1925-2003", "Capt. D. McCALLUM"), and old type set "Mc" apart ("G. Mc Callum"). Names
are looked for in title case, so these are read as "Violet Ashworth", "John Michael
Hennessy", "D. McCallum", "G. McCallum". The length of the text is kept, and where a name
ends, so that offsets stay offsets (a name set apart as "Mc Callum" starts one letter late):
the archive's own text is left as it is.

>>> printed_names("Carl SCHMIDT (Charles SMITH) = Johanna MULLER; Capt. D. McCALLUM; G. Mc Callum")
'Carl Schmidt (Charles Smith) = Johanna Muller; Capt. D. McCallum; G.  McCallum'
>>> printed_names("King Henry VIII; the USA; Mark UP; MacDONALD, J.")
'King Henry VIII; the USA; Mark UP; MacDONALD, J.'
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from indexer.name_words import GIVEN, HEADLINE_VERBS, ROMAN, any_surname

# A surname in capitals after a given name ("Violet ASHWORTH"; not "Henry VIII", a numeral).
_SURNAME_IN_CAPITALS = re.compile(r"\b([A-Z][a-z]+) ([A-Z])([A-Z]{2,})\b(?![.'’-]?[A-Za-z])")
_CAPITALS = re.compile(r"[a-z] [A-Z]{3}")
# "Capt. D. McCALLUM", "Angus MacDONALD" after a given name, an initial or a title (a surname
# first, "McILROY, Dora", is read as the capitals of a notice are); "Mc Callum".
_MC_CAPITALS = re.compile(r"\b((?:[A-Z]\.|[A-Z][A-Za-z]+\.?) Ma?c)([A-Z]{2,})\b")
_MC_SPACED = re.compile(r"\bMc ([A-Z][a-z]+)")


def printed_names(text: str) -> str:
    """``text`` with the names print cased otherwise in title case, length kept."""
    if "Mc" in text or "Mac" in text:
        text = _MC_CAPITALS.sub(lambda m: m.group(1) + m.group(2).title(), text)
        text = _MC_SPACED.sub(lambda m: f" Mc{m.group(1)}", text)
    if _CAPITALS.search(text):
        text = _SURNAME_IN_CAPITALS.sub(_title_cased, text)
    return text


def _title_cased(m: re.Match[str]) -> str:
    given, first, rest = m.groups()
    word = first + rest.lower()
    if given not in GIVEN or ROMAN.match(first + rest) or word in HEADLINE_VERBS or not (
            any_surname(word) or len(word) >= _NAME_LENGTH and zipf_frequency(word.lower(), "en") < _NAME_ZIPF):
        return m.group()  # "Henry VIII"; a headline's "Bill PASSES"; a party's "Richard DFL"
    return f"{given} {word}"


# A word no surname table lists may still be a surname ("Quennell") if it is written less
# often than this in English (its Zipf frequency; "PASSES" is commoner) and is no shorter
# than this (an acronym: "Richard DFL", of a table of governors and their parties).
_NAME_ZIPF = 4.0
_NAME_LENGTH = 5
