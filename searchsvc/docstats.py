"""What document ranking knows of each document, computed once per generation.

A document's length (its paragraphs' text lengths summed, for BM25's length
normalisation), the words of its file path ("kollonta/1920/womens-day.md"
names an author, a year and a title), and which documents are copies of one
text, with the one to show first.
"""

from __future__ import annotations

import hashlib
import threading
import weakref
from dataclasses import dataclass

import numpy as np

from indexer import schema as S
from indexer.engine.docsets import distinct

COPY_PROBES = 8  # paragraphs compared to confirm two documents are copies


def path_words(doc_id: str) -> list[str]:
    """Folded words of a document's path: archives name files and folders after
    authors, years and titles ("kollonta/1920/womens-day.md").

    >>> path_words("mia/archive/Kollonta/1920/womens-day.md")
    ['mia', 'archive', 'kollonta', '1920', 'womens', 'day']
    """
    stem_part = doc_id.rsplit(".", 1)[0] if "." in doc_id.rsplit("/", 1)[-1] else doc_id
    return [t.text for t in S.FOLDER(stem_part.replace("_", " "))]


@dataclass(frozen=True)
class DocStats:
    """Per-document facts built once per generation: text length, path words, and
    which documents are copies of the same text."""

    length: np.ndarray  # document ordinal -> words of text
    average: float
    paths: dict[str, np.ndarray]  # path word (and its stem) -> document ordinals
    copies: np.ndarray  # document ordinal -> id of its group of identical texts
    preference: np.ndarray  # document ordinal -> rank among copies (shortest path first)

    @classmethod
    def of(cls, gen, reader) -> DocStats:
        cols = gen.columns
        n_docs = len(cols.doc_ids)
        lengths = np.fromiter((reader.doc_field_length(d, S.TEXT, 0) for d in range(cols.n_docs)),
                              dtype=np.float64, count=cols.n_docs)
        valid = cols.doc_ord >= 0
        per_doc = np.bincount(cols.doc_ord[valid], weights=lengths[valid], minlength=n_docs)
        paths: dict[str, set[int]] = {}
        for o, doc_id in enumerate(cols.doc_ids):
            for w in path_words(doc_id):
                paths.setdefault(w, set()).add(o)
                paths.setdefault("~" + S.stem(w), set()).add(o)
        return cls(per_doc, float(per_doc.mean()) if n_docs else 1.0,
                   {w: np.fromiter(sorted(v), dtype=np.int32, count=len(v))
                    for w, v in paths.items()},
                   copies(cols, lengths, reader), preference(cols.doc_ids))

    def path_docs(self, word: str) -> np.ndarray:
        """Documents whose path has ``word``, its stem, or a truncation of it (archive
        folders often cut a name: "kollonta" for "kollontai")."""
        found = [self.paths.get(word), self.paths.get("~" + S.stem(word))]
        found += [self.paths.get(word[:k]) for k in range(max(6, len(word) - 2), len(word))]
        parts = [f for f in found if f is not None]
        return distinct(np.concatenate(parts)) if parts else np.zeros(0, np.int32)


def preference(doc_ids: list[str]) -> np.ndarray:
    """Rank of each document among copies of one text: the shortest path first (the
    plain "speeches/x.txt" before the scraped "raw_html/x-page.html").

    >>> preference(["a/x.html", "b/x.txt", "c.md"]).tolist()
    [2, 1, 0]
    """
    order = sorted(range(len(doc_ids)), key=lambda o: (len(doc_ids[o]), doc_ids[o]))
    out = np.empty(len(doc_ids), dtype=np.int64)
    out[order] = np.arange(len(doc_ids))
    return out


def copies(cols, lengths: np.ndarray, reader) -> np.ndarray:
    """Document ordinal -> id of its group of identical texts (itself when unique).

    Documents are first grouped by the sequence of their paragraph lengths, which
    costs nothing; only those sharing a sequence have the stored text of up to
    ``COPY_PROBES`` paragraphs (first, last and evenly between) compared.
    """
    n_docs = len(cols.doc_ids)
    groups = np.arange(n_docs, dtype=np.int64)
    valid = np.flatnonzero(cols.doc_ord >= 0)
    order = valid[np.lexsort((cols.position[valid], cols.doc_ord[valid]))]
    shapes: dict[tuple, list[np.ndarray]] = {}
    bounds = np.flatnonzero(np.diff(cols.doc_ord[order])) + 1
    for part in np.split(order, bounds):
        if part.size:
            shapes.setdefault(tuple(lengths[part].astype(np.int64).tolist()), []).append(part)
    seen: dict[bytes, int] = {}
    for parts in shapes.values():
        if len(parts) < 2:
            continue
        for part in parts:
            o = int(cols.doc_ord[part[0]])
            h = hashlib.blake2b(digest_size=16)
            # Same length sequence already; a few paragraphs' text settle it cheaply.
            for d in part[np.unique(np.linspace(0, part.size - 1, COPY_PROBES).astype(int))].tolist():
                h.update(reader.stored_fields(d).get(S.TEXT, "").encode("utf-8") + b"\0")
            groups[o] = seen.setdefault(h.digest(), o)
    return groups


_stats: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_stats_lock = threading.Lock()


def doc_stats(gen, reader) -> DocStats:
    with _stats_lock:
        s = _stats.get(gen)
        if s is None:
            s = DocStats.of(gen, reader)
            _stats[gen] = s
        return s
