"""Year and decade extraction: one table row per rule, texts written for these tests."""

from __future__ import annotations

import pytest

from indexer.years import YearMentions, mentions


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # full dates and bare years
        ("The congress opened on 3 March 1921 in the capital.", (1921,)),
        ("It was signed on April 9, 1865, at noon.", (1865,)),
        ("Posted on 4 October, 2011 - 09:15", (2011,)),
        ("The record is dated 1953-07-27.", (1953,)),
        ("In 1905 the sailors mutinied.", (1905,)),
        ("in 1968 students occupied the hall", (1968,)),
        # mid-, pre-, post-
        ("the situation as it stood [mid-1952] was unchanged", (1952,)),
        ("the pre-1914 map of Europe", (1914,)),
        # ranges give both ends only
        ("the famine of 1932-33", (1932, 1933)),
        ("the war years 1861-65 were hard", (1861, 1865)),
        ("the reign lasted 1702–1714", (1702, 1714)),
        ("from 1919 to 1923 he lived abroad", (1919, 1923)),
        ("the session of 1887 to 1889", (1887, 1889)),
        # early years need a word that introduces a year
        ("the castle was built in 1190", (1190,)),
        ("a charter of 1215 survives", (1215,)),
        ("crowned in the year 1066 A.D.", (1066,)),
    ],
)
def test_years_found(text: str, years: tuple[int, ...]) -> None:
    assert mentions(text).years == years


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("She paid 12,000 francs for the press.", "amount with thousands separator"),
        ("a grant of $1,800 was voted", "money with separator"),
        ("a grant of $1800 was voted", "money"),
        ("they spent 1750 pesos on ink", "amount with currency word"),
        ("1,400 men marched", "count with separator"),
        ("some 1400 men marched", "count"),
        ("he had 1200 delegates behind him", "count below the weak limit"),
        ("see p. 1876 of the report", "page number"),
        ("quoted on pp. 1801-1810", "page range"),
        ("reprinted as No. 1917 of the series", "issue number"),
        ("the meeting ended at 18:45", "time"),
        ("they met at 1910 Harbor Street", "address"),
        ("the office at 1600 Pennsylvania Avenue", "address (avenue)"),
        ("a march of 1500 miles", "number with unit"),
        ("a 1200-year-old tree", "age"),
        ("prices rose 1980 percent", "percentage"),
        ("a population of 19450 souls", "five-digit number"),
        ("the value was 1847.5 units", "decimal"),
        ("ISBN 0-1933-1", "identifier"),
        ("he held 2000 votes", "count of votes"),
    ],
)
def test_no_false_years(text: str, kind: str) -> None:
    assert mentions(text).years == (), kind


@pytest.mark.parametrize(
    ("text", "context_year", "decades", "years"),
    [
        ("jazz of the 1920s", None, (1920,), ()),
        ("the 1890's saw strikes", None, (1890,), ()),
        ("music of the '60s", 1985, (1960,), ()),
        ("in the thirties, about 1834", None, (1830,), (1834,)),
        ("as we said in the 'forties", 1895, (1840,), ()),
        ("from the early seventies", 1990, (1970,), ()),
        ("in the nineties of last century", 1905, (1890,), ()),
        ("in his forties he retired", 1950, (), ()),
        ("the twenties", None, (), ()),  # no century to place it in: left out
    ],
)
def test_decades(
    text: str, context_year: int | None, decades: tuple[int, ...], years: tuple[int, ...]
) -> None:
    found = mentions(text, context_year=context_year)
    assert (found.decades, found.years) == (decades, years)


def test_result_is_sorted_and_unique() -> None:
    found = mentions("In 1917, after 1905 and before 1917 again, and 1905.")
    assert found == YearMentions(years=(1905, 1917), decades=())
