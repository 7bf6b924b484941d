"""What a format parser hands to assembly: rough blocks and metadata hints.

Each format (:mod:`.text`, :mod:`.markdown`, :mod:`.html`) turns a file into a
:class:`Parsed`; :mod:`.assembly` applies the rules every format shares and
builds the Document. A parser that finds the file unreadable raises
:class:`Unusable`, whose message is the reason the build reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# (kind, level, text): see Parsed.blocks.
ParsedBlock = tuple[str, int, str]


class Unusable(Exception):
    """A file that is not a readable document; the message is the skip reason."""


@dataclass
class Parsed:
    """What a format parser found, before the shared rules are applied.

    ``blocks`` holds ``(kind, level, text)`` with kind ``heading``,
    ``paragraph``, ``links`` (a row of links only), ``rule`` or ``info``
    (metadata lines such as "Written: ...").
    """

    blocks: list[ParsedBlock] = field(default_factory=list)
    title: str | None = None  # a title the format states outright
    page_title: str | None = None  # <title> or a leading title line: a fallback
    author: str | None = None
    author_fallback: str | None = None
    dates: list[tuple[str, str]] = field(default_factory=list)  # (iso, source) in trust order
    # Characters of link text in a paragraph, by its normalised text: listings are
    # told from articles by it (indexer/listings.py).
    link_chars: dict[str, int] = field(default_factory=dict)

