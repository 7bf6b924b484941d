"""Bylines: the line that says who wrote a piece, and often when.

Newspaper sites print it in many shapes: "By Ann Calloway", "Review by Helen
Marsh", "BY NINA PARK AND OWEN HUGHES", "By Tomás Reyes | March 4, 2004 |
Page 9". A byline names people only: "By two in the morning the fire was
out" starts a sentence, and a headline or a site name is never an author.

>>> read_byline("By Tomás Reyes | March 4, 2004 | Page 9")
Byline(authors=('Tomás Reyes',), date='2004-03-04')
>>> read_byline("Reviewed by Aileen MacRae Published 10 November 2006")
Byline(authors=('Aileen MacRae',), date='2006-11-10')
>>> read_byline("BY NINA PARK AND OWEN HUGHES").authors
('Nina Park', 'Owen Hughes')
>>> read_byline("By two in the morning the brazier had burned out.") is None
True
>>> read_byline("Published: 13/05/1999 \xa0|\xa0 By Catriona Quill"), read_byline("Sport | by Ann Pim | 02/09/2004")
(Byline(authors=('Catriona Quill',), date='1999-05-13'), Byline(authors=('Ann Pim',), date='2004-09-02'))
>>> read_byline("The county final was won \u2014 by Kevin Quill \u2014 in the last minute.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.readers.datelines import BARS, FURNITURE_WORDS, dateline

_LEAD = re.compile(
    r"^\s*(?:(?:written|words|text|story|report(?:ed)?|review(?:ed)?|interview|compiled|edited"
    r"|photos?|pictures?)\s+)?by\s*:?\s+",
    re.I,
)
_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+[—–]\s+")
_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", re.I)
# Lower-case words that belong inside a name: "Ludwig van Beethoven", "Rosa de la Cruz".
_PARTICLES = frozenset("de da del della der di du la le van von y ten ter bin ibn al el st.".split())
_MAX_CHARS = 120


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    date: str | None = None


def display_name(name: str) -> str:
    """A name as it is shown: names printed in capitals get title case.

    >>> display_name("MARGARET O'HARA"), display_name("JEAN-PAUL MACDONALD"), display_name("Ann de Vries")
    ("Margaret O'Hara", 'Jean-Paul Macdonald', 'Ann de Vries')
    """
    if not name.isupper():
        return name

    def word(w: str) -> str:
        if w.lower() in _PARTICLES:
            return w.lower()
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1] + m.group(0)[1:].lower(), w)

    return " ".join(word(w) for w in name.split())


def _is_name(text: str) -> bool:
    """Two to five words that are each capitalised, an initial, or a name particle.

    >>> _is_name("A. Writer"), _is_name("Ann Calloway"), _is_name("two in the morning")
    (True, True, False)
    """
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    for w in words:
        if w.lower() in _PARTICLES:
            continue
        core = w.strip(".,'’")
        if not core or not core[0].isupper() or not all(ch.isalpha() or ch in ".'’-" for ch in core):
            return False
    return words[0].lower() not in _PARTICLES and words[-1].lower() not in _PARTICLES


# Nouns that end the name of a publication, a collection or a section, never a
# person's: "Selected Works", "Marx-Engels Correspondence", "News Stories".
_COLLECTION_NOUNS = frozenset(
    "works writings correspondence letters speeches essays articles stories news archive archives "
    "collection collections gallery address addresses edition editions volume volumes index contents "
    "review journal magazine bulletin newsletter digest supplement anthology reader papers day".split()
)


def looks_like_person(name: str) -> bool:
    """Whether a name found in a page's header can be a person's, not a work's or a section's.

    Words that are never part of a person's name (months, institutions,
    "Volume") may not come before the surname, and the name may not end with
    a collection noun.

    >>> [looks_like_person(n) for n in ("Grover Cleveland", "Raya Dunayevskaya", "V. I. Lenin")]
    [True, True, True]
    >>> [looks_like_person(n) for n in ("Selected Works", "Karl Marx Capital Volume One",
    ...                                  "Marx-Engels Correspondence", "II. Dialectics")]
    [False, False, False, False]
    """
    from indexer.name_words import GIVEN, ROMAN, STOP

    words = [w.strip(".,;:'’") for w in name.split()]
    if not words or not all(words):
        return False
    # "II. Dialectics" is a chapter; "V. I. Lenin" starts with initials.
    if words[-1].casefold() in _COLLECTION_NOUNS or (len(words[0]) > 1 and ROMAN.match(words[0])):
        return False
    return not any(len(w) > 1 and w in STOP and w not in GIVEN for w in words[:-1])


def names_of(text: str) -> tuple[str, ...] | None:
    """The people a byline's name part lists, or None when it is not only names.

    A role after a comma ("Ann Calloway, Labour Correspondent") is dropped.

    >>> names_of("Joe Barker and Lena Sokolova")
    ('Joe Barker', 'Lena Sokolova')
    >>> names_of("Ann Calloway, Labour Correspondent")
    ('Ann Calloway',)
    >>> names_of("the committee") is None
    True
    """
    text = text.strip().rstrip(".,;:")
    if not re.search(r"\s(?:and|&)\s", text, re.I):
        # Without "and", a comma separates the name from a role or a place.
        text = text.split(",")[0]
    names: list[str] = []
    for part in _JOIN.split(text):
        if not part:
            continue
        if not _is_name(part):
            return None
        names.append(display_name(part))
    return tuple(names) or None


def read_byline(line: str) -> Byline | None:
    """The authors (and a date beside them) a byline line gives, or None (see the module doc)."""
    if len(line) > _MAX_CHARS:
        return None
    m = _LEAD.match(line)
    if not m:
        # "Published: 13/05/1999 | By Ann Quill", "Sport » Shinty | by Ann Quill | 02/09/2004": the
        # byline set among a dateline's furniture (see indexer.readers.datelines).
        parts = BARS.split(line)
        lead = [part for part in parts if _LEAD.match(part)]
        if (len(parts) < 2 or len(lead) != 1 or any(len(part.split()) > FURNITURE_WORDS for part in parts)
                or not (found := read_byline(lead[0]))):
            return None  # (not "The final was won -- by Kevin Quill -- in the last minute")
        return Byline(found.authors, found.date or next(filter(None, map(dateline, parts)), None))
    segments = _SEPARATOR.split(line[m.end() :])
    who = segments[0]
    date = None
    # "By Grace Lin, March 4, 2004": the date may also follow the names after a comma.
    head, comma, tail = who.partition(",")
    if comma and dateline(tail.strip()):
        who, date = head, dateline(tail.strip())
    if not date and re.search(r"\d{4}", who):
        # "Reviewed by Aileen MacRae Published 10 November 2006": a date printed after the name.
        words = who.split()
        for k in range(2, len(words)):
            if found := dateline(" ".join(words[k:])):
                who, date = " ".join(words[:k]), found
                break
    if capitals := _CAPITALS_THEN_ROLE.match(who.strip()):
        who = capitals.group(1)  # "By KEVIN O'ROURKE Ledger Sports Writer"
    else:
        who = _without_role(who)  # "By Daniel Szymanski Ledger staff writer", "By Ann Lee Staff Writer"
    authors = names_of(who)
    if not authors:
        return None
    for seg in segments[1:]:
        date = date or dateline(seg)
    return Byline(authors, date)


# "Words: Tom Byrne", "Text: Ann Lee": a credit's lead without "by".
_CREDIT = re.compile(r"^\s*(?:words|text|story|report|interview)\s*:\s+", re.I)
# "KEVIN O'ROURKE Ledger Sports Writer": a name in capitals, then the writer's role.
_ROLES = ("writer", "reporter", "correspondent", "editor", "columnist", "critic", "photographer")
_CAPITALS_THEN_ROLE = re.compile(
    r"^((?:[A-Z][A-Z'’.-]+\s+){1,3}[A-Z][A-Z'’.-]+)\s+(?:[A-Z][a-z]+\s+){0,3}"
    r"(?:%s)$" % "|".join(f"[{r[0].upper()}{r[0]}]{r[1:]}s?" for r in _ROLES))


# "Ledger staff writers", "Courier business writer": the paper's name and the role after the names.
_ROLE_TAIL = re.compile(r"(?:[A-Z][a-z]+\s+)?(?:[A-Za-z][a-z]+\s+)?(?i:%s)\s*$" % "|".join(f"{r}s?" for r in _ROLES))


def _without_role(who: str) -> str:
    """The names of a byline without the role after them: the shortest tail of at most three
    words that ends in a writer's role, after at least two words of names.

    >>> _without_role("Mary Ann Smith Ledger staff writer"), _without_role("Ann Lee Staff Writer")
    ('Mary Ann Smith', 'Ann Lee')
    """
    words = who.split()
    for k in range(2, len(words)):
        if _ROLE_TAIL.fullmatch(" ".join(words[k:])):
            return " ".join(words[:k])
    return who


def credited(text: str) -> tuple[str, ...] | None:
    """The people a page's byline element credits, whatever its shape: "By Hector Villanueva |
    Staff Writer", "Reviewed by Aileen MacRae", "Words: Tom Byrne", "Sarah Holt, Industrial
    Correspondent", "By KEVIN O'ROURKE Ledger Sports Writer"; None when it names nobody.

    >>> [credited(t) for t in ("By Hector Villanueva | Staff Writer", "Words: Tom Byrne",
    ...                        "Sarah Holt, Industrial Correspondent", "By KEVIN O'ROURKE Ledger Sports Writer")]
    [('Hector Villanueva',), ('Tom Byrne',), ('Sarah Holt',), ("Kevin O'Rourke",)]
    >>> credited("Most read") is None
    True
    """
    text = text.strip()
    if (byline := read_byline(text)) is not None:
        return byline.authors
    if credit := _CREDIT.match(text):
        text = text[credit.end() :]
    elif lead := _LEAD.match(text):
        text = text[lead.end() :]
    if capitals := _CAPITALS_THEN_ROLE.match(text):
        text = capitals.group(1)
    if len(text) > _MAX_CHARS:
        return None
    authors = names_of(_SEPARATOR.split(text)[0])
    return authors if authors and all(" " in a for a in authors) else None


def join_authors(authors: tuple[str, ...] | list[str]) -> str:
    """The authors as prose, as the index stores them.

    >>> join_authors(["A. B."]), join_authors(["Ann", "Bo"]), join_authors(["Ann", "Bo", "Cy"])
    ('A. B.', 'Ann and Bo', 'Ann, Bo and Cy')
    """
    if len(authors) <= 1:
        return "".join(authors)
    return ", ".join(authors[:-1]) + " and " + authors[-1]
