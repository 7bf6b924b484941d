"""Site furniture found by repetition: lines a site prints on many of its pages.

A website's banner, menus, "Back to the top" links and copyright lines are
the same on page after page, whatever words they use. So instead of a list of
phrases, a build counts each short block's fingerprint (case, punctuation and
digits folded) over the corpus, and a block is furniture when it appears on
at least ``SHARE`` of the documents of the whole corpus, or of its top-level
folder (one site of several), and on at least ``MIN_DOCS`` documents.

Tidy archives have no such lines: on the shared corpora the most repeated
block ("To the Senate and House of Representatives:") is on 8% of one
collection's documents, so nothing is dropped there.

The set found by a full build is saved in the generation and reused by
``update``, so a changed page is read the way the build read its neighbours.

>>> from indexer.models import Block, Document
>>> docs = [Document(f"s/{n}.html", "html", f"Story {n}", blocks=(
...     Block("paragraph", f"Text of story {n}, which is different on every page."),
...     Block("paragraph", "Back to the top"))) for n in range(6)]
>>> furniture = Furniture.learn(docs)
>>> [b.text for b in furniture.strip(docs[0]).blocks]
['Text of story 0, which is different on every page.']
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from indexer import listings
from indexer.models import Document
from indexer.settings import at_start

# A block on this share of a site's pages is furniture ...
SHARE = at_start().boilerplate_share
# ... if that is at least this many pages: a few chapters of one book share headings.
MIN_DOCS = at_start().boilerplate_min_docs
# Longer blocks are writing even when repeated (a quoted passage, a twin file).
MAX_WORDS = 40
MAX_CHARS = 400

_NOT_WORD = re.compile(r"[^\w\s]+")
_DIGITS = re.compile(r"\d+")


# Numbers are folded in short lines only ("Page 9", "Copyright 2003 The Worker"):
# in a sentence they are what tells one minute or report from the next.
FOLD_NUMBERS_WORDS = 8


def fingerprint(text: str) -> str:
    """A block as its repetition is counted: case and punctuation folded, and the
    numbers of a short line.

    >>> fingerprint("Copyright 2003 The Worker. All rights reserved.")
    'copyright 0 the worker all rights reserved'
    >>> fingerprint("Meeting 12 of the branch discussed the rent strike of 1912 at length.")
    'meeting 12 of the branch discussed the rent strike of 1912 at length'
    """
    words = _NOT_WORD.sub(" ", text.casefold()).split()
    if len(words) <= FOLD_NUMBERS_WORDS:
        return " ".join(_DIGITS.sub("0", w) for w in words)
    return " ".join(words)


def _short(text: str) -> bool:
    # Most paragraphs are far longer than any furniture: the length in characters
    # settles them without splitting the text into words.
    return len(text) <= MAX_CHARS and len(text.split()) <= MAX_WORDS


def _site(doc_id: str) -> str:
    return doc_id.split("/", 1)[0] if "/" in doc_id else ""


@dataclass
class FurnitureCounts:
    """How many documents show each short block, over the corpus and per top-level folder.

    A build counts its parts separately (one per shard of a build on a cluster) and
    :meth:`Furniture.combine` adds them up: the sums are what one pass over the
    whole corpus counts, so the furniture found is the same.
    """

    documents: int = 0
    corpus: Counter[str] = field(default_factory=Counter)
    sites: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    site_docs: Counter[str] = field(default_factory=Counter)

    def add(self, doc: Document) -> None:
        """Count each short block of ``doc`` once."""
        texts = [b.text for b in doc.blocks] + list(doc.dropped)
        seen = {fingerprint(t) for t in texts if _short(t)}
        seen.add(fingerprint(doc.title))
        seen.discard("")
        self.documents += 1
        self.corpus.update(seen)
        site = _site(doc.doc_id)
        self.site_docs[site] += 1
        self.sites[site].update(seen)

    def merge(self, other: FurnitureCounts) -> None:
        self.documents += other.documents
        self.corpus.update(other.corpus)
        self.site_docs.update(other.site_docs)
        for site, counts in other.sites.items():
            self.sites[site].update(counts)


@dataclass(frozen=True)
class Furniture:
    """The fingerprints of the blocks a corpus repeats as furniture."""

    fingerprints: frozenset[str] = frozenset()

    @classmethod
    def learn(cls, docs: Sequence[Document]) -> Furniture:
        """Count each short block once per document, per corpus and per top-level folder."""
        return cls.combine([cls.count(docs)])

    @staticmethod
    def count(docs: Iterable[Document]) -> FurnitureCounts:
        """The counts of part of a corpus, for :meth:`combine`."""
        counts = FurnitureCounts()
        for doc in docs:
            counts.add(doc)
        return counts

    @classmethod
    def combine(cls, parts: Iterable[FurnitureCounts]) -> Furniture:
        """The furniture of a corpus counted in parts: a block on ``SHARE`` of the documents
        of the corpus, or of its top-level folder when it has several, and on ``MIN_DOCS``."""
        total = FurnitureCounts()
        for part in parts:
            total.merge(part)
        found = {fp for fp, n in total.corpus.items() if n >= max(MIN_DOCS, SHARE * total.documents)}
        if len(total.sites) > 1:
            for site, counts in total.sites.items():
                need = max(MIN_DOCS, SHARE * total.site_docs[site])
                found.update(fp for fp, n in counts.items() if n >= need)
        return cls(frozenset(found))

    def is_furniture(self, text: str) -> bool:
        return _short(text) and fingerprint(text) in self.fingerprints

    def strip(self, doc: Document) -> Document:
        """``doc`` without its furniture blocks; a banner taken for its title gives way
        to its first heading that is not furniture. Its kind is decided again."""
        if not self.fingerprints:
            return doc
        blocks = [b for b in doc.blocks if not self.is_furniture(b.text)]
        title = doc.title
        if self.is_furniture(title):
            heading = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
            if heading is not None:
                title = blocks.pop(heading).text
        if len(blocks) == len(doc.blocks) and title == doc.title:
            return doc
        return replace(doc, title=title, blocks=tuple(blocks), kind=listings.kind_of(blocks))

    def to_json(self) -> dict:
        return {"fingerprints": sorted(self.fingerprints), "share": SHARE, "min_docs": MIN_DOCS}

    @classmethod
    def from_json(cls, data: dict | None) -> Furniture:
        return cls(frozenset((data or {}).get("fingerprints", ())))


def strip_all(docs: Iterable[Document], furniture: Furniture) -> list[Document]:
    return [furniture.strip(d) for d in docs]
