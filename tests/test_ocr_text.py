"""Plain text as microfilm OCR and typed letters lay it out: words cut by a hyphen at a
line's end, and a signature set in below a letter. Every text is written for these tests."""

from __future__ import annotations

import pytest

from indexer.readers.text import parse_text

_COLUMN = """THE WAR COMES HOME

The message every family with a boy
over there has dreaded came Monday to
the Quennell farm. Private Carl N. Var-
enza, Company D, was killed in action.
The telegram gave no particu-
lars. He was a well-known young man of a well-
known family, and the Dunkel-
Morozzi families mourn him.
"""

_LETTERS = """LETTERS

To the Editor:
I was on the school board for twelve years
and I know what it costs. Let the students
go to class.
      Henry Quennell
      Route 1, Lorton

To the Editor:
Students have a right to speak.
      Ada Varenza
      Lorton
"""


def _paragraphs(text: str) -> list[str]:
    return [t for kind, _, t in parse_text(text, has_title=False).blocks if kind == "paragraph"]


@pytest.mark.parametrize(
    ("kind", "joined", "not_there"),
    [
        ("a name cut at the line's end is one word again", "Private Carl N. Varenza, Company D", "Var- enza"),
        ("an everyday word too", "gave no particulars.", "particu- lars"),
        ("a compound the text writes whole keeps its hyphen", "of a well-known family", "wellknown"),
        ("a hyphened name going on in capitals keeps its hyphen", "the Dunkel-Morozzi families", "Dunkel- Morozzi"),
    ],
)
def test_a_word_cut_at_a_line_end(kind: str, joined: str, not_there: str) -> None:
    text = " ".join(_paragraphs(_COLUMN))
    assert joined in text and not_there not in text, kind


def test_a_signature_set_in_below_a_letter_does_not_run_into_the_town() -> None:
    paras = _paragraphs(_LETTERS)
    assert any(p.endswith("go to class. Henry Quennell, Route 1, Lorton") for p in paras), paras
    assert any(p.endswith("right to speak. Ada Varenza, Lorton") for p in paras), paras


def test_an_indented_paragraph_opening_is_no_signature() -> None:
    text = "First paragraph ends here.\n    The next paragraph opens indented and goes on for a long line.\nThen more.\n"
    assert _paragraphs(text) == ["First paragraph ends here. The next paragraph opens indented and goes on "
                                 "for a long line. Then more."]


@pytest.mark.parametrize("kind, text, lines", [
    ("an election's results under an office in capitals: kept, its entries whole",
     "OFFICIAL RESULTS\n\nPRESIDENT\n  Quennell, S.J., Jr. ............ 1,487\n  Varenza, J.R. ................   802\n",
     ["PRESIDENT", "Quennell, S.J., Jr.: 1,487", "Varenza, J.R.: 802"]),
    ("an account's amounts, a leader of spaced dots",
     "Accounts passed:\n  Dunkelberg & Sons, lumber . . . . . . . $14.20\n  Mrs. Halloran, scrubbing hall . . . . . . .75\n",
     ["Accounts passed:", "Dunkelberg & Sons, lumber: $14.20", "Mrs. Halloran, scrubbing hall: .75"]),
    ("an ellipsis is no leader",
     "He paused.... Then\nhe went on. . . . slowly.\n", None),
])
def test_a_list_led_with_dots_is_a_paragraph_of_lines(kind: str, text: str, lines: list[str] | None) -> None:
    """A list set with leaders of dots is one paragraph, an entry a line (no heading of the
    list swallows it, no entry runs into the next); a prose ellipsis is left alone."""
    blocks = parse_text(text, has_title=False).blocks
    if lines is None:
        assert all("\n" not in t for _, _, t in blocks), (kind, blocks)
        return
    listed = [t for kind_, _, t in blocks if "\n" in t]
    assert len(listed) == 1 and listed[0].split("\n") == lines, (kind, blocks)
    assert all(k == "paragraph" for k, _, t in blocks if t is listed[0]), kind
