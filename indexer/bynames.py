"""A byname: what a village calls a man instead of his surname, where a page says whose it is.

Where a few surnames are shared by many families, people go by a given name and a word of their
trade, their street or their father: "Ernie Lamps" of the lamp-room, "Dai Bara" the baker, "Wil
Co-op", "Owen y Gof" the smith. A page that introduces one says so: "my father was Twm Post -- Thomas Varenza", an index's
'QUILL, William (1866-1931) "Wil Co-op"', a roll's 'Daniel Pim ("Dan Bass")', "Owen Pim, known as
Owen y Gof". Each pair says that the byname and the full name are one person; the corpus gives
the byname to that person's value (see :meth:`indexer.discovery.Discovery.canonical`).

The byname's given name is the full name's or a form of it ("Ernie" of Ernest, "Twm" of Thomas,
"Dai" of David: the same first letter, as every form of a given name in the valleys has it), and
its last word is no surname of the full name. A comma alone says nothing: a list puts two people
so ("Tom Pim, Thomas Quill", "Mr. Haldeman, John Ehrlichman, John Dean"), and nothing in the two
names tells a byname from a surname there; the corpus checks the rest (see
:func:`indexer.discovery._bynames`).

>>> from indexer.names import candidates
>>> def said(texts): return sorted(b for b, *_ in bynames([(t, candidates(t)) for t in texts]))
>>> said(["I was in the lamp-room with Ernie Lamps -- Ernest Quill -- when I came."])
['Ernie Lamps']
>>> said(["My father was Twm Post -- Thomas Varenza, the postman.", 'QUILL, William (1866-1931) "Wil Co-op" m. Ann'])
['Twm Post', 'Wil Co-op']
>>> said(['Daniel Pim ("Dan Bass") sang.', "Owen Lorton, known as Owen y Gof, shod the horses."])
['Dan Bass', 'Owen y Gof']
>>> said(["Present: Tom Pim, Thomas Quill, Ann Lorton.", 'Evan Pim "Calon Lan" was sung.', "Dai Bara, David Quill.",
...       "Seated: Robert Pim -- Richard Quill -- Ann Lorton.", "Seated: MacDonald Pim -- Donald Quill."])
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.hypocorisms import may_be_called
from indexer.name_runs import Candidate
from indexer.name_words import GIVEN, STOP, TITLES

# A byname: a given name, then a word (or a Welsh or Irish particle and a word) that is its tail.
_BYNAME = r"([A-Z][a-z]+ (?:(?:y|the|o'|na|an) )?[A-Z][\w'’]*(?:-[a-z]+)?)"
# After the full name, the byname in quotes or after "known as" (a life's dates may stand between):
# 'Daniel Pim ("Dan Bass")', 'QUILL, William (1866-1931) "Wil Co-op"', "Owen Pim, known as Owen y Gof".
_AFTER_FULL = re.compile(
    r"(?: \([^()]{1,20}\))?,? (?:\(?[\"“‘']" + _BYNAME + r"[\"”’']\)?|\(?(?:better |also )?(?:known as|called) "
    r"[\"“‘']?" + _BYNAME + r")")
# Before the full name, the byname and a dash ("Twm Post -- Thomas Varenza").
_DASH_BEFORE = re.compile(r" (?:--|—|–) $")
_BYNAME_BEFORE = re.compile(r"(?<![\w'’])" + _BYNAME + r"$")


def bynames(paragraphs: Iterable[tuple[str, list[Candidate]]]) -> set[tuple[str, str, str, str]]:
    """(byname, full name, its surname, its given name) for each byname one document, given as
    its paragraphs' texts and name candidates, says a person named in full goes by."""
    found: set[tuple[str, str, str, str]] = set()
    for text, cs in paragraphs:
        for c in cs:
            if c.kind != "full" or not c.given or c.given.endswith("."):
                continue
            if m := _AFTER_FULL.match(text, c.end):
                byname = m.group(1) or m.group(2)
                if _byname_of(byname, c):
                    found.add((byname, c.name, c.surname, c.given))
            before = text[max(0, c.start - 40):c.start]
            if (dash := _DASH_BEFORE.search(before)) and (m := _BYNAME_BEFORE.search(before, 0, dash.start())):
                if _byname_of(m.group(1), c):
                    found.add((m.group(1), c.name, c.surname, c.given))
    return found


def _byname_of(byname: str, full: Candidate) -> bool:
    """Can ``byname`` be what the person named ``full`` goes by?"""
    words = byname.split()
    first, tail = words[0], words[-1]
    if first in STOP or first in TITLES or tail == full.surname or tail in TITLES or byname == full.name:
        return False
    # The same first letter only for a word no table lists as a given name ("Twm", "Dai"): "Robert
    # Pim -- Richard Quill" of a list are two men. ("Johnny Caffi" of Giovanni is missed: a quoted
    # name of another letter may be a song's.)
    return first == full.given or may_be_called(first, full.given) or first[0] == full.given[0] and first not in GIVEN
