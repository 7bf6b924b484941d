"""Write ``rulers.txt`` from Princeton WordNet 3.0: the numbered rulers a dictionary knows.

WordNet files kings, queens, emperors, czars and popes as people under ``person.n.01``,
named with their numeral ("Edward_VII", "Pius_XII"), filed under the office
("king_of_england.n.01", "pope.n.01"), and glossed mostly with the reign ("King of England
from 1901 to 1910") and the life ("(1841-1910)"). Read by :mod:`indexer.rulers`.

Not run by the build; the list it writes is committed. To regenerate (see
``make_imaginary_beings.py`` for the files)::

    python indexer/data/make_rulers.py /usr/share/wordnet > indexer/data/rulers.txt
"""

from __future__ import annotations

import re
import sys

from make_imaginary_beings import _reader
from make_notables import life

HEADER = """\
# Numbered rulers Princeton WordNet 3.0 knows, one line each: the name with its numeral, a
# tab, the office ("king", "queen", "emperor", "empress", "czar", "kaiser", "pope"), a tab,
# the first and the last year of the reign as the gloss gives them (blank where it gives
# none; the last blank too for a reign still running in 2006), a tab, the years of birth
# and of death, a tab, the WordNet synset.
# Written by indexer/data/make_rulers.py; do not edit by hand.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University or
# Princeton may not be used in advertising or publicity pertaining to distribution of the
# software and/or database. (Licence: https://wordnet.princeton.edu/license-and-commercial-use)
"""

_NUMBERED = re.compile(r"[A-Z][a-z]+(?:_[A-Z][a-z]+)?_[IVX]{1,5}")
_TITLES = frozenset("King Queen Czar Tsar Emperor Empress Kaiser Pope Saint".split())  # "Czar_Nicholas_I"
# The office a synset is filed under, by the word its name ends in ("king_of_france",
# "holy_roman_emperor"); the first that matches.
_OFFICES = ("kaiser", "czar", "pope", "empress", "emperor", "queen", "king")
# "from 1901 to 1910", "from 1327-1377"; "became king of Prussia in 1713" (to the death);
# "King of England and Ireland in 1936" (that year only).
_FROM_TO = re.compile(r"\bfrom (\d{3,4}) ?(?:to|-) ?(\d{3,4})\b")
_BECAME = re.compile(r"\bbecame\b[^;(]*? in (\d{3,4})\b")
_IN_OFFICE = re.compile(r"\b(?i:king|queen|emperor|empress|czar|kaiser|pope) of [A-Z]\w*(?: (?:and )?[A-Z]\w*)* in (\d{3,4})\b")
_BORN_ONLY = re.compile(r"\((\d{3,4})-\)")


def office(synset) -> str:
    for hypernym in synset.instance_hypernyms():
        word = hypernym.name().split(".")[0]
        for name in _OFFICES:
            if word == name or word.startswith(name + "_") or word.endswith("_" + name):
                return name
    return ""


def reign(gloss: str, died: str) -> tuple[str, str]:
    if spans := _FROM_TO.findall(gloss):  # "from 1461 to 1470 and from 1471 to 1483"
        return min(a for a, _ in spans), max(b for _, b in spans)
    if m := _BECAME.search(gloss):
        return m.group(1), died
    if m := _IN_OFFICE.search(gloss):
        return m.group(1), m.group(1)
    return "", ""


def rulers(wordnet_dir: str) -> list[tuple[str, ...]]:
    wn = _reader(wordnet_dir)
    rows = []
    for synset in wn.all_synsets("n"):
        if synset.lexname() != "noun.person" or not synset.instance_hypernyms():
            continue
        title = office(synset)
        if not title:
            continue  # "Henry Ford II" is no ruler
        gloss = synset.definition()
        born, died = life(gloss)
        if not born and (m := _BORN_ONLY.search(gloss)):
            born = m.group(1)
        first, last = reign(gloss, died)
        for lemma in synset.lemma_names():
            if _NUMBERED.fullmatch(lemma) and lemma.split("_")[0] not in _TITLES:
                rows.append((lemma.replace("_", " "), title, first, last, born, died, synset.name()))
    return sorted(set(rows))


def main(argv: list[str]) -> None:
    sys.stdout.write(HEADER)
    for row in rulers(argv[1] if len(argv) > 1 else "/usr/share/wordnet"):
        sys.stdout.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(sys.argv)
