"""Write ``notables.txt`` from Princeton WordNet 3.0: the real people a dictionary knows.

WordNet files some three thousand famous people as instances under ``person.n.01``, each
with the names it is known by ("Burke", "Edmund Burke") and a gloss that mostly ends with
the years of the life ("(1729-1797)", "(born in 1927)"). Read by :mod:`indexer.notables`.

Not run by the build; the list it writes is committed. To regenerate (see
``make_imaginary_beings.py`` for the files)::

    python indexer/data/make_notables.py /usr/share/wordnet > indexer/data/notables.txt
"""

from __future__ import annotations

import re
import sys

from make_imaginary_beings import _reader

HEADER = """\
# People Princeton WordNet 3.0 knows by name, one line per name a bare word may mean: the
# word, a tab, "surname" or "alone" (a person known by the word alone: "Augustus",
# "Voltaire"), a tab, the full names ending in the word, then the person's other full names
# ("John Huss|Jan Hus"; of one known alone, the names he is known by instead, "Francois-Marie
# Arouet"), "|" between them, a tab, the years of birth and of death its gloss gives (blank
# where none), a tab, the WordNet synset.
# Written by indexer/data/make_notables.py; do not edit by hand.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University or
# Princeton may not be used in advertising or publicity pertaining to distribution of the
# software and/or database. (Licence: https://wordnet.princeton.edu/license-and-commercial-use)
"""

# "(1729-1797)", "(1852-1931)", "(born in 1927)", "(born 1946)"; a life in BC is left out.
_LIFE = re.compile(r"\((\d{3,4})\s*-\s*(\d{2,4})\)|\(born (?:in )?(\d{3,4})\)")
_NAME = re.compile(r"[A-Z][\w'.-]*")
_PARTICLE = frozenset("de da di du del della der des la le van von y".split())


_AFTER_NAME = re.compile(r" (?:[IVX]+|Jr\.?|Sr\.?)$")


def _surname(name: str) -> str:
    """The last word before a numeral or a generation ("Ford" of "Henry Ford II"); "" for a
    ruler's name ("Napoleon I"), whose first word is the name."""
    words = _AFTER_NAME.sub("", name).split()
    return words[-1] if len(words) > 1 else ""


def life(gloss: str) -> tuple[str, str]:
    m = _LIFE.search(gloss)
    if not m:
        return "", ""
    if m.group(3):
        return m.group(3), ""
    born, died = m.group(1), m.group(2)
    if len(died) < len(born):
        died = born[: len(born) - len(died)] + died  # "(1848-55)"
    return born, died


def notables(wordnet_dir: str) -> list[tuple[str, str, str, str, str]]:
    wn = _reader(wordnet_dir)
    human = wn.synset("person.n.01")
    rows = []
    for synset in wn.all_synsets("n"):
        if synset.lexname() != "noun.person" or not synset.instance_hypernyms():
            continue
        if human not in set(synset.closure(lambda s: s.hypernyms() + s.instance_hypernyms())):
            continue  # gods and characters of fiction: see make_imaginary_beings.py
        names = [n.replace("_", " ") for n in synset.lemma_names()]
        names = [n for n in names if _NAME.fullmatch(n.split()[0]) and _NAME.fullmatch(n.split()[-1])
                 and all(_NAME.fullmatch(w) or w in _PARTICLE for w in n.split())]
        born, died = life(synset.definition())
        words = {n for n in names if " " not in n} | {_surname(n) for n in names if " " in n}
        for word in sorted(words - {""}):
            if len(word) < 3 or word.endswith("."):
                continue
            fulls = [n for n in names if " " in n and _surname(n) == word]
            # Known by the word alone ("Voltaire"): the full names it stands for instead
            # ("Francois-Marie Arouet"), so that a corpus naming him so is still he.
            kind = "surname" if fulls else "alone"
            others = [n for n in names if _surname(n) and n not in fulls]  # "Jan Hus" of John Huss
            rows.append((word, kind, "|".join(fulls + others), born, died, synset.name()))
    return sorted(set(rows))


def main(argv: list[str]) -> None:
    sys.stdout.write(HEADER)
    for row in notables(argv[1] if len(argv) > 1 else "/usr/share/wordnet"):
        sys.stdout.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(sys.argv)
