"""Years and decades a paragraph mentions.

A year counts when the text talks about it: inside a full date, on its own
("in 1848"), or as an end of a range ("1793-95" gives 1793 and 1795; the years
in between are not mentioned). Decades ("the 1920s", "the '30s", "the
thirties") are kept apart from years.

Numbers that merely look like years are left out: amounts and counts
("10,000 pesos", "$1500", "1500 men"), page and issue numbers ("p. 1923",
"No. 1901"), union locals and districts ("Local 1245", "District 1908",
"1245/IBEW"), times, addresses ("1600 Pennsylvania Avenue") and numbers with
units.

>>> mentions("On 20 August 1940, after the war of 1870-71, not p. 1923.")
YearMentions(years=(1870, 1871, 1940), decades=())
>>> mentions("In the 1920s, and again in the thirties of 1930-1945").decades
(1920, 1930)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_YEAR = 1000
MAX_YEAR = 2099
# Below this a bare number is more often a count ("1200 delegates") than a
# year, so it needs a word that introduces a year ("in 1200", "of 1066").
WEAK_BELOW = 1500


@dataclass(frozen=True)
class YearMentions:
    """Sorted, unique years and decades (a decade as its first year: 1920 for "1920s")."""

    years: tuple[int, ...] = ()
    decades: tuple[int, ...] = ()


# A four-digit number that is not part of a larger number ("10,000", "1.500", "19400").
_NUMBER = re.compile(
    r"(?<![\w$£€¥#§.,/:])(?<!\d[-–])"
    r"(?P<y>[12]\d{3})"
    r"(?:(?P<dash>[-–—])(?P<end2>\d{2})(?![\d:]|[.,]\d)"
    r"|\s*(?:[-–—]|\s(?:to|until|till|through|and)\s)\s*(?P<end4>[12]\d{3})(?![\d:]|[,.]\d))?"
    r"(?![\d]|[,.]\d|:\d|%|/\d|/[A-Z]|[-–]\d{2}[-–]\d|['’]?s\b)"
)
_FOUR_DIGITS = re.compile(r"\d{4}")
_EMPTY = YearMentions()
# ISO dates (1947-05-12): the year only.
_ISO = re.compile(r"(?<![\d])([12]\d{3})-[01]\d-[0-3]\d(?![\d])")
_DECADE = re.compile(r"(?<![\d,.$])([12]\d{2}0)(?:'s|’s|s)\b")
_SHORT_DECADE = re.compile(r"(?<![\w])['’]([1-9]0)s\b")
_WORD_DECADE = re.compile(
    r"\b(?:the|The)\s+(?:(?:early|mid|middle|late)[\s-]+)?['’]?"
    r"(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    re.IGNORECASE,
)
_DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip

# Words just before a number that make it a reference, not a year.
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:p|pp|pg|page|pages|vol|vols|volume|no|nos|number|numbers|art|article|sec|"
    r"section|ch|chap|chapter|fig|figure|table|note|room|suite|apt|apartment|route|"
    r"highway|flight|h\.\s?r|res|law|order|code|item|line|lines|verse|col|column|issue|"
    # Union locals, districts, units and lodges are numbered: "Local 1245", "District 1908".
    r"local|locals|district|unit|lodge|division|branch|precinct|box|pier|platform)\.?"
    r"|[$£€¥#§])\s*$",
    re.IGNORECASE,
)
# Units after a number that make it a measure, never a year ("1500 pesos", "1200-year").
_UNIT_AFTER = re.compile(
    r"^(?:-|\s)?"
    r"(?:dollars|pesos|francs|pounds|marks|roubles|rubles|shillings|pence|cents|euros|"
    r"crowns|guineas|lire|yen|acres|miles|kilometers|kilometres|km|feet|foot|ft|"
    r"yards|metres|meters|tons|tonnes|lbs|kg|hours|hrs|minutes|seconds|days|"
    r"weeks|months|years|year|year-old|percent|per\s+cent|pages|million|billion|"
    r"thousand|hundred|strong|hectares|square|cubic|horsepower|hp|volts|degrees|"
    r"calories|barrels|bushels|bales|gallons|am|pm|a\.m|p\.m)\b"
)
# Count nouns after a number: "1500 men" is a count, but "in 1968 students marched" a year.
_COUNT_AFTER = re.compile(
    r"^\s(?:more\s|other\s)?(?:men|women|people|persons|soldiers|troops|workers|members|"
    r"delegates|votes|voters|copies|families|households|children|students|ships|guns|"
    r"cases|times|head|units|officers|prisoners|deaths|lives|signatures|names)\b"
)
_ADDRESS_AFTER = re.compile(
    r"^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|"
    r"Lane|Drive|Place|Square|Terrace|Way|Court|Parkway)\b"
)
# Words that introduce a year, needed for weak (early, count-like) numbers.
_YEAR_BEFORE = re.compile(
    r"(?i)\b(?:in|of|from|to|since|until|till|by|before|after|about|around|circa|c\.|"
    r"year|years|summer|winter|spring|autumn|fall|early|late|mid|during|"
    r"January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|"
    r"Nov\.|Dec\.|\d{1,2}(?:st|nd|rd|th)?,?)\s*$"
)
_ERA_AFTER = re.compile(r"^\s*(?:A\.?\s?D\.?|B\.?\s?C\.?|C\.?\s?E\.?)\b")


def mentions(text: str, context_year: int | None = None) -> YearMentions:
    """The years and decades ``text`` mentions.

    ``context_year`` (e.g. the publication year) places spelled decades
    ("the thirties") in a century when the paragraph itself has no years.

    >>> mentions("From 1845 to 1847, and 1848-49; 1,000 men paid $1,500.").years
    (1845, 1847, 1848, 1849)
    >>> mentions("in the forties", context_year=1895).decades
    (1840,)
    """
    years: set[int] = set()
    if not _FOUR_DIGITS.search(text):
        # Most paragraphs have no year at all; only spelled decades remain possible.
        if "ties" not in text and "TIES" not in text and "0s" not in text:
            return _EMPTY
        return YearMentions((), tuple(sorted(_decades(text, years, context_year))))
    for m in _ISO.finditer(text):
        years.add(int(m.group(1)))
    for m in _NUMBER.finditer(text):
        start = int(m.group("y"))
        if not MIN_YEAR <= start <= MAX_YEAR:
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        if _REFERENCE_BEFORE.search(before):
            continue
        end_text = m.group("end2") or m.group("end4")
        after = text[m.end() : m.end() + 40]
        introduced = bool(_YEAR_BEFORE.search(before))
        if _UNIT_AFTER.match(after) or _ADDRESS_AFTER.match(after):
            continue
        if _COUNT_AFTER.match(after) and not (introduced and start >= WEAK_BELOW):
            continue
        if start < WEAK_BELOW and not (introduced or _ERA_AFTER.match(after)):
            continue
        end = _range_end(start, end_text) if end_text else None
        years.add(start)
        if end is not None:
            years.add(end)
    decades = _decades(text, years, context_year)
    return YearMentions(tuple(sorted(years)), tuple(sorted(decades)))


def told_years(text: str, year: int | None) -> list[int]:
    """The years ``text`` mentions up to ``year``, when it was written (all of them where that
    is unknown): the time a page written later tells of, not a plan for the years ahead.

    >>> told_years("In 1885 he planned the 1990 exhibition.", 1950), told_years("In 1885.", None)
    ([1885], [1885])
    """
    return [y for y in mentions(text).years if year is None or y <= year]


def time_told(text: str, year: int | None) -> int | None:
    """The time a paragraph written in ``year`` tells of: the middle one of the years it
    mentions up to then, else ``year``. A history of 2002 telling how "in 1885 Mr. Pim
    spoke" speaks of the Mr. Pim of 1885; one that names him and no year, of its own time.

    >>> time_told("In 1885 the members thanked Mr. Pim.", 2002), time_told("Mr. Pim spoke.", 2002)
    (1885, 2002)
    >>> time_told("Born in 1841, he came in 1880, left in 1902 and died in 2010.", 2002)
    1880
    """
    told = told_years(text, year)
    return told[(len(told) - 1) // 2] if told else year


def _range_end(start: int, end_text: str) -> int | None:
    """The year a range ends: "1793-95" -> 1795; None when it is not a range.

    >>> _range_end(1999, "01"), _range_end(1848, "1851"), _range_end(1848, "12")
    (None, 1851, None)
    """
    if len(end_text) == 2:
        end = start // 100 * 100 + int(end_text)
    else:
        end = int(end_text)
    if end <= start or end > MAX_YEAR or end - start > 200:
        return None
    return end


def _decades(text: str, years: set[int], context_year: int | None) -> set[int]:
    # Cheap substring tests first: the regexes below are the slow part of this module.
    decades: set[int] = set()
    short: list[int] = []
    if "0s" in text or "0'" in text or "0’" in text:
        decades = {int(m.group(1)) for m in _DECADE.finditer(text)}
        decades = {d for d in decades if MIN_YEAR <= d <= MAX_YEAR}
        short = [int(m.group(1)) for m in _SHORT_DECADE.finditer(text)]
    if "ties" in text or "TIES" in text:
        short += [_DECADE_WORDS[m.group(1).lower()] for m in _WORD_DECADE.finditer(text)]
    if short:
        century = _century(years | decades, context_year)
        if century is not None:
            decades.update(century + d for d in short)
    return decades


def _century(years: set[int], context_year: int | None) -> int | None:
    """The century a two-digit decade belongs to: the paragraph's own, else the writer's.

    >>> _century({1832, 1834}, None), _century(set(), 1895), _century(set(), None)
    (1800, 1800, None)
    """
    if years:
        centuries = [y // 100 * 100 for y in years]
        return max(set(centuries), key=lambda c: (centuries.count(c), c))
    if context_year is not None:
        # Writers mean a decade they have already seen: "the nineties" in 1905 is the 1890s.
        return context_year // 100 * 100 - (100 if context_year % 100 < 10 else 0)
    return None
