"""Datelines: a line of a page that only says when it was published.

Newspaper and weblog pages print their date on a line of its own, often with
a label, a weekday, an issue or a page number beside it. Such a line gives a
publication date and is no part of the text. A line that says more than a
date (a sentence that happens to hold one) is not a dateline.

>>> dateline("Posted on 2003-02-21")
'2003-02-21'
>>> dateline("Friday, October 1, 2004")
'2004-10-01'
>>> dateline("August 15, 2003 | Issue 88 | Page 2")
'2003-08-15'
>>> dateline("Published: 21/02/2003")
'2003-02-21'
>>> dateline("Tue, 06/02/2009 - 10:45")
'2009-06-02'
>>> dateline("This page last updated: 9 August 1996."), dateline("Page last modified 14 March 1997")
('1996-08-09', '1997-03-14')
>>> dateline("The strike began on March 4, 2004 at the mill.") is None
True

A site's furniture may share the line, set apart by bars: the section's path, the byline,
the picture credit; and a reporter's role may stand before the date:

>>> dateline("Published: 13/05/1999 \xa0|\xa0 By Catriona Quill \xa0|\xa0 Pictures: Sandy Pim")
'1999-05-13'
>>> dateline("Sport » Shinty | by Kenny Quill | 02/09/2004"), dateline("Churches | 30 August 2007 | by Ann Pim")
('2004-09-02', '2007-08-30')
>>> dateline("By our Court Reporter \xa0 Thursday 29 June 2000"), dateline("By Staff Reporter, 4 March 2004")
('2000-06-29', '2004-03-04')
>>> dateline("Published 4 March 2004 | Updated 5 March 2004")
'2004-03-04'
>>> dateline("Quill, Kevin | Ashgrove | 12/03/1999 | Dangerous driving | Fined") is None
True
>>> dateline("Strike: 4 March 2004 | the mill closed and the men went home to wait for news") is None
True
"""

from __future__ import annotations

import datetime
import re

from indexer.readers.dates import MONTHS, _iso, parse_date
from indexer.settings import at_start

# Day-first (21/02/2003) or month-first (02/21/2003) when a numeric date could be
# either; a day above 12 decides by itself. Set per archive: British and European
# sites write day first, American ones month first.
NUMERIC_ORDER = at_start().numeric_dates

_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?![\d/.-])")
_LABEL = re.compile(
    r"^\s*(?:(?:this\s+page\s+(?:was\s+)?|page\s+)?(?:first\s+)?(?:posted|published|printed|updated|last\s+updated"
    r"|last\s+modified|modified|filed|issued|dated?)"
    r"(?:\s+(?:on|in))?\s*:?|date\s*:)\s*",
    re.I,
)
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?", re.I)
# What may stand beside a date on its line: "Issue 88", "Page 9", "Vol. 3, No. 12", a time.
_BESIDE = re.compile(
    r"\b(?:issue|page|pages|p|pp|vol|volume|no|number|edition|section|sec)(?:\.\s*|\s+)(?:\d+[a-z]?|[IVXLC]+)\b"
    r"|\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b(?:am|pm|gmt|utc|bst|est|edt|pst)\b",
    re.I,
)
_MAX_CHARS = 80
_WEEKDAY_NAME = re.compile(
    r"\b(?=(mon|tue|wed|thu|fri|sat|sun))(?:mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\b\.?,?\s*$", re.I)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday_fits(weekday: str, year: int, month: int, day: int) -> bool:
    try:
        return _WEEKDAYS[datetime.date(year, month, day).weekday()] == weekday.lower()
    except ValueError:
        return False


def numeric_date(text: str, order: str | None = None) -> str | None:
    """The date a numeric form gives: 21/02/2003, 2003/02/21, 21.02.03.

    ``order`` ("dmy" or "mdy") settles the ambiguous ones; an impossible
    reading (month 21) gives way to the other.

    >>> numeric_date("21/02/2003"), numeric_date("02/21/2003"), numeric_date("2003/02/21")
    ('2003-02-21', '2003-02-21', '2003-02-21')
    >>> numeric_date("04/05/2006"), numeric_date("04/05/2006", "mdy")
    ('2006-05-04', '2006-04-05')
    >>> numeric_date("Tue, 06/02/2009 - 10:45"), numeric_date("Fri, 06/02/2009")
    ('2009-06-02', '2009-02-06')
    """
    m = _NUMERIC.search(text)
    if not m:
        return None
    a, _, b, c = m.groups()
    if len(a) == 4:
        return _iso(int(a), int(b), int(c)) if len(c) <= 2 else None
    if len(c) == 2:
        c = ("20" if int(c) < 50 else "19") + c  # two-digit years: a legacy site's 1950-2049
    elif len(c) != 4:
        return None
    x, y, year = int(a), int(b), int(c)
    day_first = (order or NUMERIC_ORDER) != "mdy"
    if x > 12 >= y:
        day_first = True
    elif y > 12 >= x:
        day_first = False
    elif weekday := _WEEKDAY_NAME.search(text, 0, m.start()):
        # "Tue, 06/02/2009": the weekday tells which reading is the date (2 June was a Tuesday).
        if _weekday_fits(weekday.group(1), year, y, x) != _weekday_fits(weekday.group(1), year, x, y):
            day_first = _weekday_fits(weekday.group(1), year, y, x)
    day, month = (x, y) if day_first else (y, x)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return _iso(year, month, day)


def _date_of(text: str, weekday: str = "") -> tuple[str, str] | None:
    """(iso, what is left of the text) for the first date written in ``text`` (on ``weekday``)."""
    iso = numeric_date(f"{weekday} {text}" if weekday else text)
    if iso:
        return iso, _NUMERIC.sub(" ", text, count=1)
    iso = parse_date(text)
    if not iso or len(iso) < 7:
        return None  # a bare year is a number on a line, not a dateline
    rest = re.sub(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\b\d{4}\b", " ", text)
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if w.lower().rstrip(".") not in MONTHS and w.lower() != "of"]
    return iso, " ".join(words)


# Bars between a dateline and the furniture beside it; a piece of furniture is a few words.
BARS = re.compile(r"\s+[|·•]\s+")
FURNITURE_WORDS = 8
_FURNITURE_PARTS = 3  # (a table's row has more cells: "Quill, Kevin | Ashgrove | 12/03/1999 | Assault | Fined")
# "By our Court Reporter", "By a Staff Reporter": a byline that names a role, not a person.
_BY_ROLE = re.compile(r"^\s*by\s+(?:(?:our|a|the)\s+)?(?:[a-z]+\s+){0,3}?(?:reporter|correspondent|writer|staff)[\s,:]+",
                      re.I)


def dateline(line: str) -> str | None:
    """The date a line gives when the line is a dateline, else None (see the module doc)."""
    if not any(ch.isdigit() for ch in line):
        return None
    if BARS.search(line) and len(line) <= _MAX_CHARS * 3:
        parts = BARS.split(line)
        dates = [dateline(part) for part in parts]
        found = [d for d in dates if d]
        if len(found) == 1 and len(parts) <= _FURNITURE_PARTS and all(
                d or len(part.split()) <= FURNITURE_WORDS for d, part in zip(dates, parts)):
            return found[0]
        # (else read as one line: "Published 4 March 2004 | Updated 5 March 2004" is the first)
    if len(line) > _MAX_CHARS:
        return None
    if role := _BY_ROLE.match(line):
        line = line[role.end() :]
    text = _LABEL.sub("", line)
    text = _BESIDE.sub(" ", text)
    weekday = _WEEKDAY_NAME.search(text, 0, m.start()) if (m := _NUMERIC.search(text)) else None
    text = _WEEKDAY.sub(" ", text)
    found = _date_of(text, weekday.group(1) if weekday else "")
    if found is None:
        return None
    iso, rest = found
    # Only separators and a place name or two may remain ("LONDON, March 4, 2004").
    leftover = [w for w in re.findall(r"[^\W\d_]+", rest)]
    return iso if len(leftover) <= 2 else None
