"""Markup and boilerplate removal, one rule per row."""

from __future__ import annotations

import pytest

from indexer import cleaning


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("a [link text](http://example.org/x) here", "a link text here"),
        ("![a picture](p.jpg){width=3} caption", "caption"),
        ("[MIA](../index.htm){#top} start", "MIA start"),
        ("[Written:]{.info} 5 June, 1920", "Written: 5 June, 1920"),
        ("word{#anchor .cr} next", "word next"),
        ("note^[\\[12\\]](notes.htm#n12)^ after", "note after"),
        ("heading[^\\[1\\]^](#fw01){#bk01} end", "heading end"),
        ("a claim[^3] made", "a claim made"),
        ("**bold** and *soft* and __under__ and _low_", "bold and soft and under and low"),
        ("*a phrase that\nwraps a line*", "a phrase that wraps a line"),
        ("first line\\\nsecond line", "first line second line"),
        ("<span class='x'>tagged</span> text", "tagged text"),
        ("quote \\\"escaped\\\" marks", 'quote "escaped" marks'),
        ("snake_case_word stays", "snake_case_word stays"),
        ("2 * 3 * 4 stays", "2 * 3 * 4 stays"),
        ("Fish &amp; chips", "Fish & chips"),
        ("[[1]](#note1) The note text", "The note text"),
    ],
)
def test_strip_markdown(markdown: str, plain: str) -> None:
    assert cleaning.strip_markdown(markdown) == plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cafe\u0301", "Café"),  # decomposed accent becomes one character, and stays
        ("  many\u00a0 kinds\tof\n space ", "many kinds of space"),
        ("zero\u200bwidth", "zero width"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert cleaning.normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "trailer", "boilerplate"),
    [
        ("Add new comment", True, True),
        ("This website uses cookies so that it can remember your choices.", True, True),
        ("By continuing to use this website, you agree to our terms.", True, True),
        ("* This article can be found at:", True, True),
        ("Privacy Policy", False, True),
        ("Top of the page", False, True),
        ("Last updated on 3.4.2005", False, True),
        ("Chapter One | Chapter Three", False, True),
        ("Our comment on the budget was short.", False, False),
        ("The mill owners had a privacy policy of their own, which was silence.", False, False),
        ("Cookies were sold at the fair for a penny.", False, False),
    ],
)
def test_trailer_and_boilerplate(text: str, trailer: bool, boilerplate: bool) -> None:
    assert cleaning.is_trailer(text) is trailer
    assert cleaning.is_boilerplate(text) is boilerplate


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The flight to the coast", True),
        ("Part Two", True),
        ("A Short History Of The Harbour Workers And Their Union", True),
        ("We walked to the coast.", False),
        ("Gentlemen of the assembly:", False),
        ("Q: Mr. Mayor —", False),
        ("and then we left without a word", False),
        ("* * *", False),
        ("this line is far too long to be any kind of heading at all because it rambles on and on", False),
    ],
)
def test_looks_like_heading(line: str, expected: bool) -> None:
    assert cleaning.looks_like_heading(line) is expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Mary Ann Evans", "Mary Ann Evans"),
        ("by Thomas O. Reilly", "Thomas O. Reilly"),
        ("V. I. Ulyanov", "V. I. Ulyanov"),
        ("Daniel De Leon", "Daniel De Leon"),
        ("Draft Theses on", None),
        ("The Harbour Strike", None),
        ("MORGAN AND THE PRESS", None),
        ("Plekhanov", None),  # one word is too little to tell
    ],
)
def test_as_author_line(line: str, author: str | None) -> None:
    assert cleaning.as_author_line(line) == author


@pytest.mark.parametrize(
    ("line", "expected"),
    [("(1898)", True), ("(30 September 1899)", True), ("1913", True), ("The Year 1848 in Germany", False)],
)
def test_looks_like_date_line(line: str, expected: bool) -> None:
    assert cleaning.looks_like_date_line(line) is expected
