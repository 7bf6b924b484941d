"""The headline at the top of a web page, and the furniture above it.

A news page repeats its headline at the top of the body, often under a
kicker ("ON THE WATERFRONT") and below the site's banner and navigation. The
headline is the document's title; neither it nor what stands above it is a
paragraph of the text. The page's ``<title>`` tells which line is the
headline; it often carries the site's name too ("Site: Headline"), so its
parts are tried as well.

>>> blocks = [("paragraph", 0, "THE WEEKLY The paper of the towns"),
...           ("paragraph", 0, "ON THE WATERFRONT Dockers vote to strike"),
...           ("paragraph", 0, "Crane drivers voted on Tuesday to stop work.")]
>>> rest, headline = take_headline(blocks, "The Weekly: Dockers vote to strike")
>>> headline, [b[2] for b in rest]
('Dockers vote to strike', ['Crane drivers voted on Tuesday to stop work.'])
"""

from __future__ import annotations

import re

from indexer import cleaning
from indexer.readers.parsed import ParsedBlock

# The headline is looked for this far down the page: banners and menus come first.
WINDOW = 12
# Blocks above the headline longer than this are text, not furniture: they stay.
FURNITURE_WORDS = 30
# A kicker glued to the headline ("ON THE WATERFRONT Dockers vote") has at most these words.
KICKER_WORDS = 6

_TITLE_SEPARATORS = re.compile(r"\s+[|:–—-]{1,2}\s+|:\s+")


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def title_candidates(page_title: str | None) -> list[str]:
    """The page title, then its runs of parts between separators, longest first: a headline
    may hold a separator itself ("Site - Section - A lamp in the yard: a life").

    >>> title_candidates("The Weekly: Dockers vote to strike")
    ['The Weekly: Dockers vote to strike', 'Dockers vote to strike', 'The Weekly']
    >>> title_candidates("RTWU - The Signal - A lamp: a life")[1]
    'The Signal - A lamp: a life'
    """
    if not page_title:
        return []
    cuts = [(m.start(), m.end()) for m in _TITLE_SEPARATORS.finditer(page_title)]
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(page_title)]
    runs = {page_title[a:b].strip() for i, a in enumerate(starts) for b in ends[i:]}
    parts = [r for r in runs if r != page_title and cleaning.has_words(r, 2)]
    return [page_title] + sorted(parts, key=lambda r: (-len(r), r))


def _match(text: str, candidates: list[str]) -> str | None:
    key = _key(text)
    for cand in candidates:
        ck = _key(cand)
        if not ck:
            continue
        if key == ck:
            return cand
        if key.endswith(" " + ck) and len(key[: -len(ck)].split()) <= KICKER_WORDS:
            return cand
    return None


def take_headline(
    blocks: list[ParsedBlock], page_title: str | None, dropped: list[str] | None = None
) -> tuple[list[ParsedBlock], str | None]:
    """The blocks without the headline and the furniture above it, and the headline.

    The furniture's texts are added to ``dropped`` when it is given.

    Without a ``<title>`` the first heading that follows furniture is the
    headline. A name heading above it ("Karl Marx") stays: it is the author.
    """
    candidates = title_candidates(page_title)
    if candidates:
        at, headline = _headline_by_title(blocks, candidates)
    else:
        at, headline = _headline_after_furniture(blocks)
    if at is None or not any(b[0] == "paragraph" for b in blocks[at + 1 :]):
        return blocks, None  # a "headline" with no text below it is the text's last line
    above = blocks[:at]
    kept = _kept_above(above)
    if dropped is not None:
        dropped.extend(b[2] for b in above if b not in kept)
    return kept + blocks[at + 1 :], headline


def _headline_by_title(blocks: list[ParsedBlock], candidates: list[str]) -> tuple[int | None, str | None]:
    """Where the page title (or a part of it) stands near the top, and the headline it gives."""
    # The whole title first: a part of it ("The Weekly") may be the site's banner.
    for cand in candidates:
        for i, (kind, _level, text) in enumerate(blocks[:WINDOW]):
            if kind in {"heading", "paragraph", "links"} and _match(text, [cand]):
                return i, cleaning.normalize(text if _key(text) == _key(cand) else cand)
    return None, None


def _headline_after_furniture(blocks: list[ParsedBlock]) -> tuple[int | None, str | None]:
    """The first heading near the top, when it follows furniture."""
    first_para = next((i for i, b in enumerate(blocks) if b[0] == "paragraph"), len(blocks))
    first_head = next((i for i, b in enumerate(blocks[:WINDOW]) if b[0] == "heading"), None)
    # Only when a heading follows furniture: otherwise the header rules choose the title.
    if first_head is not None and first_para < first_head:
        return first_head, blocks[first_head][2]
    return None, None


def _kept_above(above: list[ParsedBlock]) -> list[ParsedBlock]:
    """What stays of the blocks above the headline: text, or the author's name and the info block."""
    if any(len(b[2].split()) > FURNITURE_WORDS for b in above if b[0] != "info"):
        # Text above the headline: only the headings right above it (kickers) go.
        kept = list(above)
        while kept and kept[-1][0] == "heading" and len(kept[-1][2].split()) <= KICKER_WORDS:
            kept.pop()
        return kept
    return [b for b in above if b[0] == "info" or (b[0] == "heading" and cleaning.as_author_line(b[2]))]
