"""Life dates a corpus prints beside a name, and what they say of who is who.

Histories, obituaries, rolls and "people" pages date their subjects: "Rev. Ada
Quennell (1831-1898)", "Tom Varenza (b. 1940)", "Eli Dorsey (d. 1968)", a
heading "HAROLD MOROZZI, 1897 - 1971", a news story's "Dan Quill, 26, of
Leeds" or a court report's "Ted Varenza (26), labourer". One person is born once and dies once, so two forms of a name dated
with different births or deaths are two people, however alike the names: a
grandfather and the grandson named after him, a father "Arthur Penrose" and
his son "Arthur G. Penrose". (A span shorter than :data:`SHORTEST_LIFE` is read
as a term of office, not a life.)

>>> from indexer.names import candidates
>>> t = "Rev. Ada Quennell (1831-98) and Tom Varenza (b. 1940) met Eli Dorsey (d. 1968)."
>>> life_dates(t, candidates(t), None)
[('Ada Quennell', 1831, 1898), ('Tom Varenza', 1940, None), ('Eli Dorsey', None, 1968)]
>>> t = "Dan Quill, 26, of Leeds, Ted Varenza (31), Ann Dorsey (1974-1991) and Amy Pim (12) spoke."
>>> life_dates(t, candidates(t), 2001)
[('Dan Quill', 1975, None), ('Ted Varenza', 1970, None)]
>>> apart((1831, 1898), (1890, 1952)), apart((1831, None), (None, 1898)), apart((1975, None), (1974, 2040))
(True, False, False)
"""

from __future__ import annotations

import re

from indexer.name_runs import Candidate

SHORTEST_LIFE = 20
LONGEST_LIFE = 110
# Years a printed birth (or an age's) may be off by: an age is given on a day of the
# year, and sources disagree by a year.
SLACK = 1

_SPAN = re.compile(r",? ?\((1[5-9]\d\d|20\d\d) ?[-–—] ?(\d{2,4})\)|, (1[5-9]\d\d|20\d\d) ?[-–—] ?(1[5-9]\d\d|20\d\d)\b")
_ONE = re.compile(r",? ?\((b|born|d|died)\.? (1[5-9]\d\d|20\d\d)\)")
# An age: a birth by the document's date. (Not under 16 in brackets, where a count or a
# note number is as likely: "Quill (3)", "Marx (12)" of a reference.)
_AGE = re.compile(r", ([1-9]\d), | \(([1-9]\d)\)")


def life_dates(text: str, cands: list[Candidate], year: int | None) -> list[tuple[str, int | None, int | None]]:
    """(full name, born, died) for each full name of ``text`` dated right after it; an
    age after the name dates a birth by the document's ``year``."""
    out: list[tuple[str, int | None, int | None]] = []
    for c in cands:
        if c.kind != "full" or c.end >= len(text) or text[c.end] not in ",( ":
            continue
        if m := _SPAN.match(text, c.end):
            first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            born = int(first)
            died = int(first[: 4 - len(last)] + last)
            if SHORTEST_LIFE <= died - born <= LONGEST_LIFE:
                out.append((c.name, born, died))
        elif m := _ONE.match(text, c.end):
            when = int(m.group(2))
            out.append((c.name, when, None) if m.group(1).startswith("b") else (c.name, None, when))
        elif year is not None and (m := _AGE.match(text, c.end)):
            age = int(m.group(1) or m.group(2))
            if m.group(1) or age >= 16:
                out.append((c.name, year - age, None))
    return out


def apart(one: tuple[int | None, int | None], other: tuple[int | None, int | None]) -> bool:
    """Do two (born, died) lives belong to two people: a birth or a death that differ?"""
    return any(a is not None and b is not None and abs(a - b) > SLACK for a, b in zip(one, other))
