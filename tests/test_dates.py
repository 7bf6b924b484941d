"""Dates are only as precise as the text, and never invented."""

from __future__ import annotations

import pytest

from indexer.readers.dates import date_from_filename, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Submitted by someone on 12 September, 2006 - 12:42", "2006-09-12"),
        ("September 12, 2006", "2006-09-12"),
        ("Sept. 6, 1905", "1905-09-06"),
        ("2006-09-12", "2006-09-12"),
        ("1790-01-08T00:00:00+00:00", "1790-01-08"),
        ("1947-05", "1947-05"),
        ("July 1913", "1913-07"),
        ("From The Gazette, April, 1910.", "1910-04"),
        ("(1913)", "1913"),
        ("Written in the 3rd of March 1871 at night", "1871-03-03"),
        ("Nov 12-26, 1885", "1885-11"),  # a span of days keeps only the month
        ("March-May, 1884;", "1884"),  # a span of months keeps only the year
        ("Last updated on 29.7.2007", "2007-07-29"),
        ("31 February 1900", "1900-02"),  # impossible day: no day, not a guess
        ("The Weekly Lamp, 3 October 1899. Reprinted 1988.", "1899-10-03"),  # the first date wins
        ("PO Box 6587, 12,000 copies", None),  # numbers that cannot be years
        ("10 June", None),  # no year given: none invented
        ("today, in October", None),
        ("", None),
        ("Mardi, 3 mars 1953", "1953-03-03"),  # French, as Canadian and European archives print it
        ("le 24 juin 1934", "1934-06-24"),
        ("Ottawa, 6 déc. 1955", "1955-12-06"),
        ("en août 1944", "1944-08"),
        ("The Marxist 1913", "1913"),  # a word that begins like a month is none
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("1860-02-27-cooper-union.txt", "1860-02-27"),
        ("miller/2020-08-08-press-conference", "2020-08-08"),
        ("1790-Washington-1.txt", "1790"),
        ("connolly/1913/07/july12.md", "1913-07"),
        ("archive/connolly/1913/xx/linslavs.md", "1913"),
        ("lenin/works/1920/jun/05.md", "1920-06-05"),
        ("marx/works/1852/letters/52_03_05.md", "1852-03-05"),
        ("deleon/works/1905/050906.md", "1905-09-06"),
        ("deleon/works/1905/990906.md", "1905"),  # digits that do not repeat the year are not a date
        ("marx/works/1848/manifesto/ch01.md", "1848"),
        ("a/1913/13/x.md", "1913"),  # no month 13
        ("scans/mss0214_b01_f01_1954-07-06_petition.txt", "1954-07-06"),  # a library's scan: box, folder, date
        ("oral/lmoh_007_quennell_ada_1996_10_05.txt", "1996-10-05"),
        ("scans/mss0214_b01_f01_petition.txt", None),  # an accession number is no year
        ("courier/1920s/article.php_id=1928-04-28.php", "1928-04-28"),  # a legacy site's query string, saved
        ("notes/chapter-one.md", None),
        ("12345/x.md", None),
        ("typed/QJ 1953-10 Hall Dedicated.txt", "1953-10"),  # a monthly's issues, filed by year and month
        ("ocr_batch1/qj_1971_03_p4.txt", "1971-03"),
        ("ocr/qj-1962-05-p1.txt", "1962-05"),
        ("scans/box_0214_1957.txt", None),  # a year alone in a name may be a box's
        ("scans/roll_1957_13.txt", None),  # no month 13
    ],
)
def test_date_from_filename(name: str, expected: str | None) -> None:
    assert date_from_filename(name) == expected


@pytest.mark.parametrize(
    ("name", "header", "expected"),
    [
        # An accession number looks like a year and a month; the header's date field says when.
        ("OH-1998-04_Quennell.TXT", "Date : 26 février 1998, chez le témoin", "1998-02-26"),
        ("OH-1995-02-varenza.txt", "Recorded: Feb. 4th 1995, at the shop (after closing)", "1995-02-04"),
        # With no date field, the year and month of the name.
        ("QJ_1971_03_p4.txt", "Page 4      THE QUILL JOURNAL", "1971-03"),
    ],
)
def test_a_header_date_field_outranks_a_year_and_month_in_the_name(tmp_path, name: str, header: str,
                                                                  expected: str) -> None:
    from indexer.readers import read_file

    page = tmp_path / name
    page.write_text(f"QUILL FALLS HISTORICAL SOCIETY -- ORAL HISTORY\n{name.split('_')[0]}\n"
                    f"Narrator: Paul Varenza, b. 1921\n{header}\nInterviewer: Ada Morozzi\n\n"
                    "Q: Tell me about the mill. A: We started there in the spring, my brother and I, and "
                    "stayed forty years, until the furnaces went cold.\n", encoding="utf-8")
    assert read_file(page, tmp_path).published == expected


def test_a_legacy_page_dated_only_in_its_title(tmp_path) -> None:
    from indexer.readers import read_file

    page = tmp_path / "parc_1923.shtml"
    page.write_text("<html><head><title>The Beacon - July 7, 1923 - Quennell Park Opened</title></head>"
                    "<body><h1>Quennell Park Opened</h1><p>The park was opened on Saturday by the Mayor, "
                    "before a crowd of some four hundred townspeople and their children.</p></body></html>")
    doc = read_file(page, tmp_path)
    assert (doc.published, doc.published_source) == ("1923-07-07", "title")


def test_the_month_pattern_reads_every_month_name_and_no_other() -> None:
    import re

    from indexer.readers import dates

    month = re.compile(r"(?:" + dates._MONTH.format(g="m") + r")\Z", re.I)
    names = [*dates.MONTHS, "février", "décembre", "août"]
    prefixes = {n[:i] for n in names for i in range(1, len(n) + 1)}
    assert {p for p in prefixes if month.match(p)} == set(dates.MONTHS)
