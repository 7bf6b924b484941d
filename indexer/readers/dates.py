"""Publication dates from bylines, metadata and file names, as ISO 8601 prefixes.

A date is only as precise as its source: ``"July 1913"`` gives ``"1913-07"``,
never a made-up day. Nothing here ever falls back to "today" or the current
year -- general-purpose date libraries do, which is why none is used.

>>> parse_date("Submitted by AWL on 12 September, 2006 - 12:42")
'2006-09-12'
>>> date_from_filename("archive/connolly/1913/07/july12.md")
'1913-07'
"""

from __future__ import annotations

import calendar
import re
from pathlib import PurePosixPath

# Years outside this window are page numbers, amounts or post boxes, not dates.
MIN_YEAR = 1400
MAX_YEAR = 2100

MONTHS: dict[str, int] = {}
for _n, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _n
        MONTHS[_name[:3].lower()] = _n
MONTHS["sept"] = 9
# French, as the archives of Canada, Belgium and France print them ("le 24 juin 1934", "6 déc. 1955").
for _n, _names in enumerate(("janvier janv", "février fevrier févr fevr fév fev", "mars", "avril avr", "mai",
                             "juin", "juillet juil", "août aout", "septembre", "octobre", "novembre",
                             "décembre decembre déc"), 1):
    MONTHS.update(dict.fromkeys(_names.split(), _n))

# The names of MONTHS, written out factored: an alternation of the 40 words is a third slower
# (tests/test_dates.py checks that the two agree).
_MONTH = (r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
          r"|janv(?:ier)?|f[ée]v(?:r(?:ier)?)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|septembre|octobre"
          r"|novembre|d[ée]c(?:embre)?)\.?(?!\w)")
_YEAR = r"(?P<year>\d{4})(?!\d)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

# Each pattern names the groups it found; precision follows from which are set.
_PATTERNS = [
    # 2006-09-12, 1790-01-08T00:00:00+00:00, 2006-09
    re.compile(r"(?<!\d)" + _YEAR + r"-(?P<month_num>\d{2})(?:-(?P<day>\d{2}))?(?!\d)"),
    # 12 September, 2006 / 3rd of July 1913
    re.compile(r"(?<!\d)" + _DAY + r"\s+(?:of\s+)?" + _MONTH.format(g="month") + r",?\s+" + _YEAR, re.I),
    # 14-Mar-2005, 14/Mar/2005 (ColdFusion's and Apache's habit)
    re.compile(r"(?<![\d-])(?P<day>\d{1,2})([-/])" + _MONTH.format(g="month") + r"\2" + _YEAR, re.I),
    # September 12, 2006 / Sept. 6, 1905 / Nov 12-26, 1885 (a day range keeps only the month)
    re.compile(
        r"\b" + _MONTH.format(g="month") + r"\s+" + _DAY + r"(?P<range>\s*[-–]\s*\d{1,2})?(?:st|nd|rd|th)?,?\s+" + _YEAR,
        re.I,
    ),
    # 29.7.2007 (day.month.year, the European habit of the archives)
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month_num>\d{1,2})\.(?P<year>\d{4})(?!\d)"),
    # July 1913 / July, 1913 (but not "March-May, 1884": that is only a year)
    re.compile(r"(?<![-–])\b" + _MONTH.format(g="month") + r",?\s+" + _YEAR, re.I),
    # a bare year: (1913), 1913
    re.compile(r"(?<![\d.,/])" + _YEAR + r"(?![.,]\d)"),
]


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """Validated ISO prefix, or None when the parts cannot be a real date."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _from_match(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"])
    month: int | None = None
    if groups.get("month"):
        month = MONTHS[groups["month"].lower().rstrip(".")]
    elif groups.get("month_num"):
        month = int(groups["month_num"])
    day = groups.get("day")
    if groups.get("range"):
        day = None
    return _iso(year, month, int(day) if day else None)


def parse_date(text: str) -> str | None:
    """The first date written in ``text``, as precise as the text is.

    >>> parse_date("September 12, 2006")
    '2006-09-12'
    >>> parse_date("From The Harp, April, 1910.")
    '1910-04'
    >>> parse_date("(1913)")
    '1913'
    >>> parse_date("10 June") is None
    True
    >>> parse_date("Posted 14-Mar-2005"), parse_date("14/Mar/2005:10:02")
    ('2005-03-14', '2005-03-14')
    >>> parse_date("Mardi, 3 mars 1953"), parse_date("le 14 juillet 1991"), parse_date("6 déc. 1955")
    ('1953-03-03', '1991-07-14', '1955-12-06')
    """
    best: tuple[int, int, str] | None = None  # (start, -length, iso)
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            iso = _from_match(m)
            if iso is None:
                continue
            key = (m.start(), -len(m.group(0)), iso)
            if best is None or key[:2] < best[:2]:
                best = key
            break  # later matches of the same pattern start further right
    return best[2] if best else None


_NAME_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?![\d])")
# A whole date inside a name, between its other parts: "mss0214_b01_f01_1954-07-06_petition",
# "lmoh_007_hollis_1996-10-05" (a year alone there may be a box or an accession number).
_DATE_IN_NAME = re.compile(r"(?<![\d])(?P<year>\d{4})([-_])(?P<month>\d{2})\2(?P<day>\d{2})(?![\d])")
# A year and a month inside a name, the way issues of a monthly are filed: "KUJ 1953-10 Murray
# Hall.txt", "kuj_1971_03_p4.txt" (the month two digits, one separator throughout).
_MONTH_IN_NAME = re.compile(r"(?<![\d])(?P<year>\d{4})([-_])(?P<month>0[1-9]|1[0-2])(?![\d])")
_YEAR_DIR = re.compile(r"^\d{4}$")
_YEAR_NAMED_DIR = re.compile(r"^(\d{4})[-_](?=[a-z])", re.I)
_COMPACT = re.compile(r"^(?P<yy>\d{2})[_-]?(?P<mm>\d{2})[_-]?(?P<dd>\d{2})(?!\d)")
_MONTH_WORD = re.compile(r"^[a-z]{3,9}$", re.I)


def _month_part(part: str) -> int | None:
    if part.isdigit() and len(part) <= 2:
        return int(part) if 1 <= int(part) <= 12 else None
    if _MONTH_WORD.match(part):
        return MONTHS.get(part.lower())
    return None


def date_from_filename(name: str) -> str | None:
    """The date a file's name or folders encode, as precise as they are.

    >>> date_from_filename("1860-02-27-cooper-union.txt")
    '1860-02-27'
    >>> date_from_filename("1790-Washington-1.txt")
    '1790'
    >>> date_from_filename("lenin/works/1920/jun/05.md")
    '1920-06-05'
    >>> date_from_filename("marx/works/1852/letters/52_03_05.md")
    '1852-03-05'
    >>> date_from_filename("news/2003/02/21/dockers-vote.html")
    '2003-02-21'
    >>> date_from_filename("issues/2004-issue-112/contents.html")
    '2004'
    >>> date_from_filename("scans/mss0214_b01_f01_1954-07-06_petition.txt")
    '1954-07-06'
    >>> date_from_filename("courier/1920s/article.php_id=1928-04-28.php")
    '1928-04-28'
    >>> date_from_filename("KUJ 1953-10 Murray Hall.txt"), date_from_filename("ocr/kuj_1971_03_p4.txt")
    ('1953-10', '1971-03')
    >>> date_from_filename("notes.txt") is None, date_from_filename("box_0214_1957.txt") is None
    (True, True)
    >>> date_from_filename("scan_1957_13.txt") is None, date_from_filename("f_0412_2009.txt") is None
    (True, True)
    """
    path = PurePosixPath(name.replace("\\", "/"))
    stem = path.name.split(".")[0]
    m = _NAME_DATE.match(stem) or _DATE_IN_NAME.search(path.name)  # "article.php_id=1928-04-28.php" too
    if m:
        return _iso(
            int(m["year"]),
            int(m["month"]) if m["month"] else None,
            int(m["day"]) if m["day"] else None,
        )
    m = _MONTH_IN_NAME.search(stem)
    if m and (iso := _iso(int(m["year"]), int(m["month"]))):
        return iso
    folders = list(path.parts[:-1])
    # The deepest year folder wins: archive/1913/07/x.md, works/1852/letters/x.md.
    for i in range(len(folders) - 1, -1, -1):
        if not _YEAR_DIR.match(folders[i]):
            # An issue or edition folder named after its year: "2004-issue-112", "1867-c1".
            issue = _YEAR_NAMED_DIR.match(folders[i])
            if issue:
                return _iso(int(issue.group(1)))
            continue
        year = int(folders[i])
        rest = folders[i + 1 :]
        month = _month_part(rest[0]) if rest else None
        if month is not None and len(rest) == 1:
            # lenin/works/1920/jun/05.md: the file is named after the day.
            day = int(stem) if stem.isdigit() and len(stem) <= 2 else None
            return _iso(year, month, day)
        if month is not None and len(rest) == 2 and rest[1].isdigit() and len(rest[1]) <= 2:
            # news/2003/02/21/story.html: a folder per day, as web archives file stories.
            return _iso(year, month, int(rest[1]))
        # 52_03_05.md or 050906.md under a 1852/1905 folder: yymmdd of that year.
        c = _COMPACT.match(stem)
        if c and int(c["yy"]) == year % 100:
            return _iso(year, int(c["mm"]), int(c["dd"]))
        return _iso(year)
    return None
