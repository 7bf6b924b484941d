"""The one data type that flows from the corpus to the index.

A reader turns a file into a :class:`Document` (metadata plus a sequence of
:class:`Block`). Chunking and annotation turn a Document into
:class:`Paragraph` values, which are what the index stores and the service
returns. Every value is frozen: each stage returns a new value
(``dataclasses.replace``) instead of mutating its input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph"]


@dataclass(frozen=True)
class Block:
    """One structural piece of a document's body, in reading order.

    >>> Block("heading", "The armed assault").kind
    'heading'
    """

    kind: BlockKind
    text: str
    # Characters of the text that are link text: pages made mostly of links
    # (contents, indexes) are told apart from articles by it (indexer/listings.py).
    link_chars: int = 0


@dataclass(frozen=True)
class Document:
    """A corpus file after reading and cleaning, before chunking.

    ``doc_id`` is the file's path relative to the corpus root, in POSIX form,
    so it survives rebuilds and moves of the corpus folder itself.
    ``published`` is an ISO 8601 prefix: ``"1947"``, ``"1947-05"`` or
    ``"1947-05-12"``; ``published_source`` says where it came from
    (``catalogue``, ``meta``, ``front-matter``, ``byline``, ``dateline``,
    ``path``, ``updated``: a legacy page's "last updated" footer). ``author`` names every author, joined as prose ("A and B").
    ``kind`` is ``article``, or ``listing`` for a page that is mostly links.
    ``title_source`` says the same of the title (``catalogue``, ``front-matter``,
    ``page``, ``file name``); the build summary counts titles made from file names as missing.
    """

    doc_id: str
    source_format: Literal["text", "html", "markdown"]
    title: str
    author: str | None = None
    published: str | None = None
    published_source: str | None = None
    blocks: tuple[Block, ...] = ()
    content_hash: str = ""
    title_source: str | None = None
    kind: str = "article"
    # Lines the reader left out as page furniture (banner, menu, kicker above the
    # headline): counted with the rest when a build looks for repeated furniture.
    dropped: tuple[str, ...] = ()

    @property
    def stated_title(self) -> str:
        """The title as the archive wrote it, "" when it is only the file name made readable:
        "debate_1990_governor_lane_pell" names no "Governor Lane Pell"."""
        return "" if self.title_source == "file name" else self.title


@dataclass(frozen=True)
class PersonRef:
    """A person as the index knows them: a stable id and a canonical name.

    Ids from the authority file look like ``"trotsky-leon"``; people found by
    discovery on an uncurated corpus get ids prefixed ``"x-"``.
    """

    id: str
    name: str


@dataclass(frozen=True)
class Paragraph:
    """The unit of search: one paragraph with its document's metadata.

    ``id`` is ``"<doc_id>#p<n>"``. For a fresh document n is the position;
    on an incremental update an unchanged paragraph keeps the id it had, so
    n and ``position`` may differ.
    """

    id: str
    doc_id: str
    title: str
    position: int
    text: str
    section: str = ""
    author: str | None = None
    published: str | None = None
    published_source: str | None = None
    kind: str = "article"
    years: tuple[int, ...] = ()
    decades: tuple[int, ...] = ()
    persons: tuple[PersonRef, ...] = ()
    # Review flags raised during annotation, e.g. "typo:Trotksy->trotsky-leon".
    flags: tuple[str, ...] = field(default=())

    @property
    def published_year(self) -> int | None:
        """The year the paragraph's document was published, or None when undated.

        >>> Paragraph("a#p0", "a", "t", 0, "x", published="1947-05").published_year
        1947
        """
        return published_year(self.published)


def published_year(published: str | None) -> int | None:
    """The year of an ISO date prefix ("1947-05"), or None when undated."""
    if published and published[:4].isdigit():
        return int(published[:4])
    return None


@dataclass(frozen=True)
class Skipped:
    """A corpus file the indexer could not use, and why (shown in the build summary)."""

    path: str
    reason: str
