"""The full set of paragraphs a query matches, as a sorted numpy array of docnums.

Whoosh's ``Matcher.all_ids()`` walks postings one document at a time through
the matcher protocol; for totals and facets we need every match, so leaf
postings are read block by block and boolean structure is evaluated with numpy
set operations. Only nodes numpy cannot evaluate (phrases, ...) go through
Whoosh's own matcher.

>>> union([np.array([1, 3]), np.array([2, 3])]).tolist()
[1, 2, 3]
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher, MultiMatcher

EMPTY = np.zeros(0, dtype=np.int32)


class QueryTimeout(Exception):
    """Collecting matches took longer than the request time limit."""


def union(parts: Sequence[np.ndarray]) -> np.ndarray:
    parts = [p for p in parts if p.size]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    return np.unique(np.concatenate(parts))


def intersect(parts: Sequence[np.ndarray]) -> np.ndarray:
    """Intersect starting from the smallest set: cheap when one operand is rare."""
    if not parts:
        return EMPTY
    ordered = sorted(parts, key=len)
    out = ordered[0]
    for p in ordered[1:]:
        if not out.size:
            break
        out = out[np.isin(out, p, assume_unique=True)]
    return out


def matcher_ids(m, deadline: float = float("inf")) -> np.ndarray:
    """All docnums of a fresh matcher, fast for plain postings."""
    if isinstance(m, MultiMatcher):
        return np.concatenate(
            [EMPTY] + [matcher_ids(sub, deadline) + off for sub, off in zip(m.matchers, m.offsets)]
        ).astype(np.int32)
    if isinstance(m, FilterMatcher):  # deleted documents are hidden this way
        ids = matcher_ids(m.child, deadline)
        keep = np.isin(ids, np.fromiter(m._ids, dtype=np.int32, count=len(m._ids)))
        return ids[~keep] if m._exclude else ids[keep]
    if isinstance(m, W3LeafMatcher):
        parts = []
        # Block by block: one pickled tuple of ids per block instead of one
        # Python call per posting.
        while m.is_active():
            if m._data is None:
                m._read_data()
            # Ids are stored as deltas: a cumulative sum decodes the block at once
            # (Whoosh's own _read_ids runs a generator over every id).
            parts.append(np.cumsum(np.asarray(m._data[0], dtype=np.int64)).astype(np.int32))
            if m._lastblock:
                break
            m._goto(m._nextoffset)
            if time.monotonic() > deadline:
                raise QueryTimeout()
        return np.concatenate(parts) if parts else EMPTY
    out = []
    for i, docnum in enumerate(m.all_ids()):
        out.append(docnum)
        if not i & 0xFFFF and time.monotonic() > deadline:
            raise QueryTimeout()
    return np.asarray(out, dtype=np.int32)


def all_docs(reader) -> np.ndarray:
    if reader.has_deletions():
        return np.fromiter(reader.all_doc_ids(), dtype=np.int32)
    return np.arange(reader.doc_count_all(), dtype=np.int32)


def query_ids(q: wq.Query | None, searcher, deadline: float = float("inf")) -> np.ndarray:
    """Sorted docnums matching ``q`` (None matches everything)."""
    if time.monotonic() > deadline:  # checked per node: many small postings add up too
        raise QueryTimeout()
    reader = searcher.reader()
    if q is None or isinstance(q, wq.Every):
        return all_docs(reader)
    if isinstance(q, type(wq.NullQuery)):
        return EMPTY
    if isinstance(q, wq.Term):
        if (q.fieldname, q.text) not in reader:
            return EMPTY
        return matcher_ids(reader.postings(q.fieldname, q.text), deadline)
    if isinstance(q, (wq.Or, wq.DisjunctionMax)):
        return union([query_ids(c, searcher, deadline) for c in q.subqueries])
    if isinstance(q, wq.And):
        pos = [c for c in q.subqueries if not isinstance(c, wq.Not)]
        neg = [c.query for c in q.subqueries if isinstance(c, wq.Not)]
        base = (intersect([query_ids(c, searcher, deadline) for c in pos])
                if pos else all_docs(reader))
        for n in neg:
            base = base[~np.isin(base, query_ids(n, searcher, deadline), assume_unique=True)]
        return base
    if isinstance(q, wq.Not):
        everything = all_docs(reader)
        return everything[~np.isin(everything, query_ids(q.query, searcher, deadline))]
    if isinstance(q, wq.AndMaybe):
        return query_ids(q.a, searcher, deadline)
    if isinstance(q, wq.AndNot):
        base = query_ids(q.a, searcher, deadline)
        return base[~np.isin(base, query_ids(q.b, searcher, deadline), assume_unique=True)]
    if isinstance(q, wq.ConstantScoreQuery):
        return query_ids(q.child, searcher, deadline)
    if isinstance(q, wq.Phrase) and q.slop == 1 and q.words:
        return phrase_ids(q, searcher, deadline)
    # Anything else: Whoosh decides which documents match.
    m = q.matcher(searcher, searcher.boolean_context())
    return np.unique(matcher_ids(m, deadline))


def phrase_ids(q: wq.Phrase, searcher, deadline: float = float("inf")) -> np.ndarray:
    """Documents containing the words next to each other, in order.

    Candidates come from a numpy intersection of the words' postings; positions
    are then read only for those candidates (Whoosh would step through every
    posting of a common word such as "to" one call at a time).
    """
    reader = searcher.reader()
    field, words = q.fieldname, list(q.words)
    if any((field, w) not in reader for w in words):
        return EMPTY
    candidates = intersect([matcher_ids(reader.postings(field, w), deadline) for w in words])
    if len(words) == 1 or not candidates.size:
        return candidates
    return phrase_positions(reader, field, words, candidates, deadline)


def phrase_positions(reader, field: str, words: list[str], candidates: np.ndarray,
                     deadline: float = float("inf")) -> np.ndarray:
    """The ``candidates`` (sorted docnums) where ``words`` stand next to each other, in order.

    Each word's matcher skips forward to each candidate, so a common word such as
    "of" costs one skip per candidate, not one step per posting.
    """
    matchers = [reader.postings(field, w) for w in words]
    keep = []
    for i, docnum in enumerate(candidates.tolist()):
        if not i & 0x3FF and time.monotonic() > deadline:
            raise QueryTimeout()
        positions = []
        for m in matchers:
            if m.is_active() and m.id() < docnum:
                m.skip_to(docnum)
            if not m.is_active() or m.id() != docnum:
                break
            positions.append(set(m.value_as("positions")))
        if len(positions) < len(words):
            continue
        if any(all(start + k in positions[k] for k in range(1, len(words)))
               for start in positions[0]):
            keep.append(docnum)
    return np.asarray(keep, dtype=np.int32)
