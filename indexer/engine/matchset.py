"""The full set of paragraphs a query matches, as a sorted numpy array of docnums.

Whoosh's ``Matcher.all_ids()`` walks postings one document at a time through
the matcher protocol; for totals and facets we need every match, so leaf
postings are read block by block (:mod:`indexer.engine.postings`) and boolean
structure is evaluated with numpy set operations (:mod:`indexer.engine.docsets`).
Only nodes numpy cannot evaluate go through Whoosh's own matcher. Phrases are
checked here, once, from positions in the decoded blocks.
"""

from __future__ import annotations

import time

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher

from indexer.engine.deadline import QueryTimeout
from indexer.engine.docsets import EMPTY, contained, distinct, intersect, union
from indexer.engine.postings import (
    Postings,
    PostingsCache,
    all_docs,
    frequency,
    matcher_ids,
)


def cost(q: wq.Query, reader) -> int:
    """Postings a query reads, roughly: the sum of its terms' document frequencies."""
    if isinstance(q, wq.Term):
        return frequency(reader, q.fieldname, q.text)
    if isinstance(q, wq.Phrase):
        return min((cost(wq.Term(q.fieldname, w), reader) for w in q.words), default=0)
    if q.is_leaf():
        return reader.doc_count_all()
    return sum(cost(c, reader) for c in q.children())


def query_ids(q: wq.Query | None, searcher, deadline: float = float("inf"),
              only: np.ndarray | None = None, cache: PostingsCache | None = None) -> np.ndarray:
    """Sorted docnums matching ``q`` (None matches everything).

    With ``only`` (sorted docnums) the result holds every match among them and
    possibly some others: enough for callers that intersect with ``only``, and
    it lets postings skip whole blocks.
    """
    reader = searcher.reader()
    return _Matches(searcher, deadline, cache or PostingsCache(reader, deadline)).ids(q, only)


class _Matches:
    """One query's match set, node by node: numpy set operations over postings."""

    def __init__(self, searcher, deadline: float, cache: PostingsCache) -> None:
        self.searcher, self.reader = searcher, searcher.reader()
        self.deadline, self.cache = deadline, cache

    def ids(self, q: wq.Query | None, only: np.ndarray | None) -> np.ndarray:
        if time.monotonic() > self.deadline:  # checked per node: many small postings add up too
            raise QueryTimeout()
        if q is None or isinstance(q, wq.Every):
            return all_docs(self.reader)
        for kind, method in self.BY_KIND:
            if isinstance(q, kind):
                return method(self, q, only)
        return self._by_whoosh(q)

    def _null(self, q, only) -> np.ndarray:
        return EMPTY

    def _term(self, q: wq.Term, only) -> np.ndarray:
        if not frequency(self.reader, q.fieldname, q.text):
            return EMPTY
        return self.cache.get(q.fieldname, q.text, only, positions=False).ids

    def _any(self, q, only) -> np.ndarray:
        return union([self.ids(c, only) for c in q.subqueries])

    def _all(self, q: wq.And, only) -> np.ndarray:
        pos = [c for c in q.subqueries if not isinstance(c, wq.Not)]
        neg = [c.query for c in q.subqueries if isinstance(c, wq.Not)]
        if pos:
            # Cheapest first; each further part only reads where the others matched.
            base = only
            for c in sorted(pos, key=lambda c: cost(c, self.reader)):
                ids = self.ids(c, base)
                base = ids if base is None else intersect([base, ids])
                if not base.size:
                    return EMPTY
        else:
            base = all_docs(self.reader) if only is None else only
        for n in neg:
            base = base[~np.isin(base, self.ids(n, base), assume_unique=True)]
        return base

    def _not(self, q: wq.Not, only) -> np.ndarray:
        everything = all_docs(self.reader) if only is None else only
        return everything[~np.isin(everything, self.ids(q.query, everything))]

    def _and_maybe(self, q: wq.AndMaybe, only) -> np.ndarray:
        return self.ids(q.a, only)

    def _and_not(self, q: wq.AndNot, only) -> np.ndarray:
        base = self.ids(q.a, only)
        return base[~np.isin(base, self.ids(q.b, base), assume_unique=True)]

    def _constant(self, q: wq.ConstantScoreQuery, only) -> np.ndarray:
        return self.ids(q.child, only)

    def _phrase(self, q: wq.Phrase, only) -> np.ndarray:
        if q.slop == 1 and q.words:
            return phrase_ids(q, self.searcher, self.deadline, only, self.cache)
        return self._by_whoosh(q)

    def _by_whoosh(self, q: wq.Query) -> np.ndarray:
        """Anything else: Whoosh decides which documents match."""
        m = q.matcher(self.searcher, self.searcher.boolean_context())
        return distinct(matcher_ids(m, self.deadline))

    BY_KIND = (
        (type(wq.NullQuery), _null),
        (wq.Term, _term),
        ((wq.Or, wq.DisjunctionMax), _any),
        (wq.And, _all),
        (wq.Not, _not),
        (wq.AndMaybe, _and_maybe),
        (wq.AndNot, _and_not),
        (wq.ConstantScoreQuery, _constant),
        (wq.Phrase, _phrase),
    )


def phrase_ids(q: wq.Phrase, searcher, deadline: float = float("inf"),
               only: np.ndarray | None = None, cache: PostingsCache | None = None) -> np.ndarray:
    """Documents containing the phrase's words next to each other, in order."""
    reader = searcher.reader()
    if not all(frequency(reader, q.fieldname, w) for w in q.words):
        return EMPTY
    return phrase_positions(reader, q.fieldname, list(q.words), only, deadline, cache)


def phrase_positions(reader, field: str, words: list, candidates: np.ndarray | None = None,
                     deadline: float = float("inf"), cache: PostingsCache | None = None) -> np.ndarray:
    """The documents (among ``candidates``, sorted docnums, if given) where ``words``
    stand next to each other, in order: the one phrase check of the engine.

    Candidates come from a numpy intersection of the words' postings, rarest word
    first; each further word is read only in the blocks that can hold a candidate,
    so "the" in "of the people" costs a few blocks, and positions come from the
    same decoded blocks (Whoosh would step through every posting of a common word
    one call at a time).
    """
    fmt = reader.schema[field].format
    if fmt is None or not fmt.supports("positions"):
        return EMPTY  # no positions kept for this field: no phrase can be found in it
    cache = cache or PostingsCache(reader, deadline)
    read = {}
    for w in sorted(set(words), key=lambda w: frequency(reader, field, w)):
        read[w] = cache.get(field, w, candidates)
        if read[w].positions is None:  # not a block format we read: Whoosh checks the phrase
            m = wq.Phrase(field, words).matcher(Searcher(reader, closereader=False), None)
            found = distinct(matcher_ids(m, deadline))
            return found if candidates is None else intersect([candidates, found])
        candidates = read[w].ids if candidates is None else intersect([candidates, read[w].ids])
        if not candidates.size:
            return EMPTY
    if len(words) == 1:
        return candidates
    return _adjacent(candidates, [read[w] for w in words], deadline)


def _adjacent(candidates: np.ndarray, per_word: list[Postings],
              deadline: float = float("inf")) -> np.ndarray:
    """The candidates where the words' positions follow one another (each word holds them all).

    Each word's positions in the candidates become keys (candidate, position -
    offset in the phrase); the phrase is where every word has the same key. The
    keys come out sorted (candidates in order, positions in order within each),
    so the words' keys are intersected by binary search, fewest keys first.
    """
    if time.monotonic() > deadline:
        raise QueryTimeout()
    every = []
    shift = len(per_word)  # keeps position - offset above zero
    for k, p in enumerate(per_word):
        rows = np.searchsorted(p.ids, candidates)
        counts = p.counts[rows]
        total = int(counts.sum())
        # Every candidate's slice of the flat positions, end to end.
        ends = np.cumsum(counts)
        index = np.arange(total, dtype=np.int64) + np.repeat(p.starts[rows] - (ends - counts), counts)
        owner = np.repeat(np.arange(len(candidates), dtype=np.int64), counts)
        every.append((owner << 32) | (p.positions[index].astype(np.int64) + (shift - k)))
    every.sort(key=len)
    keys = every[0]
    for word_keys in every[1:]:
        keys = keys[contained(keys, word_keys)]
        if not keys.size:
            return EMPTY
    owners = keys >> 32  # sorted, so repeats are neighbours
    first = np.ones(len(owners), dtype=bool)
    first[1:] = owners[1:] != owners[:-1]
    return candidates[owners[first]]
