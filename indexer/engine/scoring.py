"""BM25F for a whole match set with numpy: the scores Whoosh's collector computes.

Whoosh scores one posting at a time through a tree of matchers, a dozen Python
calls per matched paragraph; a common word at 100k paragraphs meant ~4,000
documents walked per request. Here each leaf term's postings are read a block
at a time into arrays (ids, weights), BM25F is one vectorised expression with
the document lengths held in arrays, and boolean structure is numpy set
arithmetic. The formula, idf, average lengths, boosts and the tie order
(equal scores: lower docnum first) are Whoosh's own, so the top hits are the
same (tests/test_scoring.py compares them with Whoosh's on every query kind).

Query nodes this module does not know raise :class:`Unsupported`; the caller
then lets Whoosh score the query as before.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec, _lenfield
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from indexer.engine.deadline import QueryTimeout
from indexer.engine.docsets import contained, intersect
from indexer.engine.matchset import cost, phrase_positions, query_ids
from indexer.engine.postings import PostingsCache, frequency

_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
_EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


# BM25 (Robertson and Zaragoza): the one formula paragraphs (Scorer, below) and
# documents (searchsvc/docrank.py) are ranked by. K1 and B are Whoosh's BM25F defaults.
K1, B = 1.2, 0.75


def length_norm(length, average, k1: float = K1, b: float = B):
    """BM25's K for a field of ``length`` tokens: k1 · ((1 − b) + b · length / average)."""
    return k1 * ((1 - b) + b * length / average)


def saturation(tf, norm, k1: float = K1):
    """BM25's term-frequency part, tf · (k1 + 1) / (tf + K), with K from :func:`length_norm`."""
    return (tf * (k1 + 1)) / (tf + norm)


def whoosh_idf(n_docs: int, df: int) -> float:
    """Whoosh's idf (``WeightingModel.idf``), which paragraph scores keep to match Whoosh's."""
    return math.log(n_docs / (df + 1)) + 1


def robertson_idf(n_docs: int, df: int) -> float:
    """BM25's own idf, never negative (Lucene's): document ranking uses it."""
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


class Unsupported(Exception):
    """A query node this scorer does not evaluate; Whoosh must score the query."""


def _segment_lengths(leaf, field: str) -> np.ndarray:
    """One segment's field lengths (the one-byte column Whoosh keeps per document)."""
    n = leaf.doc_count_all()
    perdoc = getattr(leaf, "_perdoc", None)
    segment = getattr(leaf, "_segment", None)
    if perdoc is not None and segment is not None and not segment.is_compound():
        name = W3Codec.column_filename(segment, _lenfield(field))
        storage = perdoc._storage
        if storage.file_exists(name) and storage.file_length(name) == n:
            f = storage.open_file(name)
            try:
                raw = np.frombuffer(f.read(n), dtype=np.uint8)
            finally:
                f.close()
            return _LENGTH_OF_BYTE[raw]
        if not storage.file_exists(name):
            return np.zeros(n, dtype=np.float64)  # no document has this field
    # Any other layout: ask Whoosh document by document (slow, but always right).
    return np.array([leaf.doc_field_length(d, field) or 0 for d in range(n)], dtype=np.float64)


class FieldLengths:
    """docnum -> field length arrays for the scorable fields, built once per generation."""

    def __init__(self, reader, fields: Iterable[str]) -> None:
        leaves = list(reader.leaf_readers())
        self.arrays: dict[str, np.ndarray] = {}
        for field in fields:
            if field not in reader.schema or not reader.schema[field].scorable:
                continue
            parts = [_segment_lengths(leaf, field) for leaf, _ in leaves]
            self.arrays[field] = np.concatenate(parts) if parts else np.zeros(0)

    def __contains__(self, field: str) -> bool:
        return field in self.arrays


def _at(ids: np.ndarray, scores: np.ndarray, where: np.ndarray) -> np.ndarray:
    """Scores of ``ids`` looked up at the (sorted, contained) docnums ``where``."""
    return scores[np.searchsorted(ids, where)]


class Scorer:
    """Scores queries against one searcher; one instance per request."""

    def __init__(self, searcher, lengths: FieldLengths, deadline: float = float("inf"),
                 cache: PostingsCache | None = None) -> None:
        weighting = searcher.weighting
        if type(weighting) is not BM25F or weighting._field_B:
            raise Unsupported("only Whoosh's default BM25F is reproduced")
        self.searcher = searcher
        self.reader = searcher.reader()
        self.lengths = lengths
        self.deadline = deadline
        self.B, self.K1 = weighting.B, weighting.K1
        self.cache = cache or PostingsCache(self.reader, deadline)
        self.doc_count = searcher.get_parent().doc_count_all()

    # -- leaves ------------------------------------------------------------------------
    def term(self, field: str, text, boost: float = 1.0,
             only: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        schema = self.reader.schema
        if field not in schema:
            return _EMPTY
        btext = schema[field].to_bytes(text) if not isinstance(text, bytes) else text
        if not frequency(self.reader, field, btext):
            return _EMPTY
        found = self.cache.get(field, btext, only, positions=False)
        if found.weights is None:
            raise Unsupported(f"no block-level weights for {field}")
        ids, w = found.ids, found.weights
        if only is not None and len(only) < len(ids):
            # The read may cover far more documents than asked for (a whole
            # posting list read earlier in the request): score only those asked.
            at = np.searchsorted(ids, only)
            inside = at < len(ids)
            at = at[inside]
            at = at[ids[at] == only[inside]]
            ids, w = ids[at], w[at]
        ids = ids.astype(np.int64)
        if schema[field].scorable:
            if field not in self.lengths:
                raise Unsupported(f"no lengths for {field}")
            idf = whoosh_idf(self.doc_count, frequency(self.reader, field, btext))
            avgfl = self.searcher.avg_field_length(field) or 1
            fl = self.lengths.arrays[field][ids]
            scores = idf * saturation(w, length_norm(fl, avgfl, self.K1, self.B), self.K1)
        else:
            scores = w  # Whoosh's WeightScorer: the posting weight itself
        return ids, scores * boost if boost != 1.0 else scores

    # -- tree --------------------------------------------------------------------------
    def score(self, q: wq.Query, only: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(sorted docnums, scores) of the documents ``q`` matches.

        With ``only`` (sorted docnums) the result holds every match among them,
        with its exact score, and possibly others: enough for callers that keep
        only those, and it lets postings skip whole blocks.
        """
        if time.monotonic() > self.deadline:
            raise QueryTimeout()
        for kind, method in self.BY_KIND:
            if isinstance(q, kind):
                return method(self, q, only)
        raise Unsupported(type(q).__name__)

    def _term(self, q: wq.Term, only) -> tuple[np.ndarray, np.ndarray]:
        return self.term(q.fieldname, q.text, q.boost, only)

    def _null(self, q, only) -> tuple[np.ndarray, np.ndarray]:
        return _EMPTY

    def _dismax(self, q: wq.DisjunctionMax, only) -> tuple[np.ndarray, np.ndarray]:
        parts = [self.score(c, only) for c in q.subqueries]
        ids, total = self._union(parts, self.reader.doc_count_all())
        best = np.zeros(len(ids))
        for pids, pscores in parts:
            pos = np.searchsorted(ids, pids)
            np.maximum.at(best, pos, pscores)
        return self._boosted((ids, best + q.tiebreak * (total - best)), q.boost)

    def _or(self, q: wq.Or, only) -> tuple[np.ndarray, np.ndarray]:
        if q.minmatch or q.scale:
            raise Unsupported("Or with minmatch or scale")
        return self._boosted(self._union([self.score(c, only) for c in q.subqueries],
                                         self.reader.doc_count_all()), q.boost)

    def _and(self, q: wq.And, only) -> tuple[np.ndarray, np.ndarray]:
        nots = [c for c in q.subqueries if isinstance(c, wq.Not)]
        positive = [c for c in q.subqueries if not isinstance(c, wq.Not)]
        if not positive:
            raise Unsupported("And of negations only")
        # Cheapest part first; each further part only reads where the others matched.
        parts, narrowed = [], only
        for c in sorted(positive, key=lambda c: cost(c, self.reader)):
            part = self.score(c, narrowed)
            parts.append(part)
            narrowed = part[0] if narrowed is None else intersect([narrowed, part[0]])
            if not narrowed.size:
                return _EMPTY
        ids, scores = self._intersection(parts)
        if nots and ids.size:
            # "a AND NOT b": Whoosh intersects a with an InverseMatcher of b, whose
            # score is a constant 1.0 added to each match (whatever the Not's boost).
            drop = [query_ids(n.query, self.searcher, self.deadline, ids.astype(np.int32),
                              self.cache) for n in nots]
            keep = np.ones(len(ids), dtype=bool)
            for d in drop:
                keep &= ~contained(ids, d)
            ids, scores = ids[keep], scores[keep] + float(len(nots))
        return self._boosted((ids, scores), q.boost)

    def _and_maybe(self, q: wq.AndMaybe, only) -> tuple[np.ndarray, np.ndarray]:
        ids, scores = self.score(q.a, only)
        bids, bscores = self.score(q.b, ids)
        both = contained(bids, ids)
        scores = scores.copy()
        scores[np.searchsorted(ids, bids[both])] += bscores[both]
        return self._boosted((ids, scores), q.boost)

    def _and_not(self, q: wq.AndNot, only) -> tuple[np.ndarray, np.ndarray]:
        # "a -b": a's matches and scores (Whoosh's AndNotMatcher scores a alone),
        # less b's matches among them. Left to Whoosh's collector this walked every
        # posting of a one at a time: seconds for a few common words.
        ids, scores = self.score(q.a, only)
        if not ids.size:
            return _EMPTY
        drop = query_ids(q.b, self.searcher, self.deadline, ids.astype(np.int32), self.cache)
        keep = ~contained(ids, drop)
        return ids[keep], scores[keep]

    def _phrase_node(self, q: wq.Phrase, only) -> tuple[np.ndarray, np.ndarray]:
        if q.slop == 1 and q.words:
            return self._phrase(q, only)
        raise Unsupported(type(q).__name__)

    def _phrase(self, q: wq.Phrase, only: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        # Whoosh scores a phrase match as the sum of its words' scores (SpanNear2
        # wraps an intersection of the terms), times the phrase's boost.
        parts, narrowed = [], only
        for w in sorted(q.words, key=lambda w: cost(wq.Term(q.fieldname, w), self.reader)):
            part = self.term(q.fieldname, w, only=narrowed)
            parts.append(part)
            narrowed = part[0] if narrowed is None else intersect([narrowed, part[0]])
        ids, scores = self._intersection(parts)
        if only is not None:
            keep = contained(ids, only)
            ids, scores = ids[keep], scores[keep]
        if len(q.words) > 1 and ids.size:
            field = q.fieldname
            words = [self.reader.schema[field].to_bytes(w) for w in q.words]
            found = phrase_positions(self.reader, field, words, ids.astype(np.int32), self.deadline,
                                     self.cache)
            keep = contained(ids, found)
            ids, scores = ids[keep], scores[keep]
        return self._boosted((ids, scores), q.boost)

    @staticmethod
    def _boosted(result: tuple[np.ndarray, np.ndarray], boost: float) -> tuple[np.ndarray, np.ndarray]:
        return result if boost == 1.0 else (result[0], result[1] * boost)

    @staticmethod
    def _union(parts: list[tuple[np.ndarray, np.ndarray]], n_docs: int) -> tuple[np.ndarray, np.ndarray]:
        parts = [p for p in parts if p[0].size]
        if not parts:
            return _EMPTY
        if len(parts) == 1:
            return parts[0]
        if sum(len(p[0]) for p in parts) * 16 > n_docs:
            # Many matches: add into a score per document (each part's docnums are
            # unique) instead of sorting them all together.
            total = np.zeros(n_docs)
            seen = np.zeros(n_docs, dtype=bool)
            for pids, pscores in parts:
                total[pids] += pscores
                seen[pids] = True
            ids = np.flatnonzero(seen)
            return ids, total[ids]
        # Sorted together (stable: equal docnums keep the parts' order, so each
        # sum is added up in the same order as above), then summed per docnum.
        ids = np.concatenate([p[0] for p in parts])
        order = np.argsort(ids, kind="stable")
        ids, scores = ids[order], np.concatenate([p[1] for p in parts])[order]
        first = np.ones(len(ids), dtype=bool)
        first[1:] = ids[1:] != ids[:-1]
        return ids[first], np.add.reduceat(scores, np.flatnonzero(first))

    @staticmethod
    def _intersection(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
        if not parts or any(not p[0].size for p in parts):
            return _EMPTY
        ids = intersect([p[0] for p in parts])
        total = np.zeros(len(ids))
        for pids, pscores in parts:
            total += _at(pids, pscores, ids)
        return ids, total

    BY_KIND = (
        (wq.Term, _term),
        (type(wq.NullQuery), _null),
        (wq.DisjunctionMax, _dismax),
        (wq.Or, _or),
        (wq.And, _and),
        (wq.AndMaybe, _and_maybe),
        (wq.AndNot, _and_not),
        (wq.Phrase, _phrase_node),
    )


def top(ids: np.ndarray, scores: np.ndarray, limit: int) -> list[tuple[int, float]]:
    """The ``limit`` best (docnum, score): higher score first, then lower docnum, as Whoosh orders."""
    if limit <= 0 or not ids.size:
        return []
    if len(ids) > limit:
        part = np.argpartition(-scores, limit - 1)[:limit]
        keep = np.flatnonzero(scores >= scores[part].min())  # every tie at the boundary
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))[:limit]
    return [(int(d), float(s)) for d, s in zip(ids[order], scores[order])]
