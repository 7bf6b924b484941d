"""The info block at the top of archive pages, and the date it gives.

Pages converted from the archives open with the author, the title, a rule,
lines on source and transcription ("Written: 1920", "Source: Works, Moscow
1965"), a rule, then the text. Those lines date the text; they are not part
of it.
"""

from __future__ import annotations

import re

from indexer.readers.dates import parse_date
from indexer.readers.parsed import ParsedBlock

# The page's header (title, author, info block) lies within this many blocks from the top.
HEADER_WINDOW = 14

_INFO_SKIP = re.compile(
    r"^(?:transcri|translat|copyleft|copyright|html|mark|proofread|online|republished|reprinted"
    r"|public domain|scanned|source of|converted|note)",
    re.I,
)
_INFO_FIRST = re.compile(r"^(?:written|first published|published|delivered|dated|date)\b", re.I)
_INFO_LABEL = re.compile(r"^[A-Z][\w /]{2,30}:")


def info_date(lines: list[str]) -> str | None:
    """The publication date an info block gives, preferring "Written:"/"Published:" lines.

    >>> info_date(["Source: Works, Moscow 1965", "Written: 5 June, 1920"])
    '1920-06-05'
    >>> info_date(["Source: Works, Moscow 1965"]) is None
    True
    >>> info_date(["The Weekly Lamp, 3 September 1898.", "Republished 1997."])
    '1898-09-03'
    """
    # "Source:" lines are left out: they mostly date a modern edition.
    # Long unlabelled lines are editors' notes that tell a story full of dates.
    ranked = [ln for ln in lines if _INFO_FIRST.match(ln)] + [
        ln for ln in lines if len(ln) <= 200 and not _INFO_LABEL.match(ln) and not _INFO_SKIP.match(ln)
    ]
    for line in ranked:
        iso = parse_date(line)
        if iso:
            return iso
    return None


_INFO_START = re.compile(
    r"^(?:Written|First Published|Published|Source|Translated|Translation|Translator|Transcri\w*"
    r"|Transcription Markup|HTML Mark-?up|Mark-?up|Proofread\w*|Copyleft|Public Domain|Online Version"
    r"|Delivered|Dated|Original(?: Source)?|Editor|Written and Published)\b[^:]{0,24}:"
)


_INFO_WORDS = re.compile(
    r"\b(?:Republished|Reprinted|Transcribed|Marked up|Mark-up|Internet Archive|Copyleft|Proofread)\b", re.I
)


def mark_info_zone(blocks: list[ParsedBlock]) -> list[ParsedBlock]:
    """Find the info block near the top: labelled lines, or text between two rules.

    Pages converted from the archives open with: author, title, date, a rule,
    lines on source and transcription ("Written: ...", "Source: ..."), a rule,
    then the text.
    """
    return _mark_between_rules(_mark_source_note(_mark_labelled_lines(blocks)))


def _mark_labelled_lines(blocks: list[ParsedBlock]) -> list[ParsedBlock]:
    return [
        ("info", 0, b[2]) if i < HEADER_WINDOW and b[0] == "paragraph" and _INFO_START.match(b[2]) else b
        for i, b in enumerate(blocks)
    ]


def _mark_source_note(blocks: list[ParsedBlock]) -> list[ParsedBlock]:
    """A source note right under the header's rule, even when no second rule closes it."""
    first_rule = next((i for i, b in enumerate(blocks[:HEADER_WINDOW]) if b[0] == "rule"), None)
    if first_rule is None or first_rule + 1 >= len(blocks):
        return blocks
    kind, _level, text = blocks[first_rule + 1]
    if kind != "paragraph" or len(text) >= 1000 or not _INFO_WORDS.search(text):
        return blocks
    marked = list(blocks)
    marked[first_rule + 1] = ("info", 0, text)
    return marked


def _mark_between_rules(blocks: list[ParsedBlock]) -> list[ParsedBlock]:
    """Short text between the header's first two rules."""
    # Adjacent rules ("-----" then "* * *") count as one.
    rules = [
        i for i, b in enumerate(blocks[:HEADER_WINDOW]) if b[0] == "rule" and (i == 0 or blocks[i - 1][0] != "rule")
    ]
    if len(rules) < 2:
        return blocks
    start, end = rules[0], rules[1]
    while blocks[start + 1][0] == "rule":
        start += 1
    zone = blocks[start + 1 : end]
    if not zone or sum(len(b[2]) for b in zone) > 1500 or not any(b[0] == "paragraph" for b in zone):
        return blocks
    marked = [("info", 0, b[2]) if b[0] == "paragraph" else b for b in zone]
    return blocks[: start + 1] + marked + blocks[end:]
