"""A field's postings for a whole segment, inverted with numpy.

Positional fields keep one token kind and one position per token while
documents are added; one stable sort per field at the end turns them into
every term's postings, frequencies and positions. The segment writer
(:mod:`indexer.engine.segments`) writes them block by block.
"""

from __future__ import annotations

from array import array
from pickle import dumps

import numpy as np
from whoosh import formats
from whoosh.system import pack_uint

from indexer.engine.terms import TermCache

# Tokens per step when counting each word's documents: the sort stays in cache.
WORD_COUNT_CHUNK = 1 << 20


_POSITIONS = formats.Positions()
_ONE_POSITION: dict[int, bytes] = {}
# Most postings hold one position: one shared tuple per position instead of a
# list per posting keeps a shard's postings at about half the memory.
ONE_POSITION_RAW: dict[int, tuple[int]] = {}


def positions_value(poslist: list[int]) -> bytes:
    """``formats.Positions.encode``, with the common single-position values shared."""
    if len(poslist) == 1:
        pos = poslist[0]
        v = _ONE_POSITION.get(pos)
        if v is None:
            v = _ONE_POSITION[pos] = pack_uint(1) + dumps([pos], 2)
        return v
    deltas = [poslist[0]] + [b - a for a, b in zip(poslist, poslist[1:])]
    return pack_uint(len(deltas)) + dumps(deltas, 2)


class TermPostings:
    """One term's postings in one field: document numbers, weights, values
    (position lists for :class:`~indexer.engine.codec.ArrayCodec`, else encoded bytes)."""

    __slots__ = ("docs", "weights", "values")

    def __init__(self) -> None:
        self.docs = array("I")
        self.weights = array("f")
        self.values: list = []


class InvertedField:
    """A positional field's tokens for the whole segment, inverted with numpy at the end.

    Per document it keeps only token kinds and positions (one dict lookup per
    token); a kind is a distinct token string, and knows its term id (and, when
    the field's words are counted, its unstemmed word). Sorting all tokens by
    term at flush time gives every term's postings, frequencies and positions at
    once, instead of Python appending to a term's lists once per posting.
    """

    def __init__(self, cache: TermCache, field_boost: float, words: TermCache | None = None) -> None:
        self.cache = cache
        self.field_boost = field_boost
        self.term_ids: dict[bytes, int] = {}
        self._kinds: dict[str, int] = {}  # token -> kind
        self.kind_terms = array("I")  # kind -> term id
        self.tokens = array("I")  # kind of each token, document after document
        self.positions = array("I")
        self.docs = array("I")  # documents with this field, in order
        self.starts = array("Q")  # where each document's tokens begin
        self.boosts = array("d")
        # Counting words: each kind's word id (-1: not counted, e.g. a value
        # that went through add_analysed, whose words the caller counts itself).
        self.words = words
        self.word_ids: dict[bytes, int] = {}
        self.kind_words = array("i")
        self._analysed_kinds: dict[int, int] = {}  # term id -> its kind without a word
        self.counted = False  # whether the last value's words are in word_counts()

    def _kind(self, tok: str) -> int | None:
        term = self.cache.term(tok)
        if term is None:
            return None
        word = -1
        if self.words is not None:
            w = self.words.term(tok)
            if w is None:
                return None
            word = self.word_ids.setdefault(w, len(self.word_ids))
        kind = len(self.kind_terms)
        self.kind_terms.append(self.term_ids.setdefault(term, len(self.term_ids)))
        self.kind_words.append(word)
        # Forgetting tokens bounds the dict; kinds already used stay valid.
        if len(self._kinds) >= self.cache.limit:
            self._kinds.clear()
        self._kinds[tok] = kind
        return kind

    def add(self, docnum: int, value: str, boost: float) -> int | None:
        """Add one value; its length in tokens, or None when a token does not make
        exactly one term (the caller then uses :meth:`add_analysed`)."""
        self.counted = False
        toks = self.cache.tokens(value)
        get = self._kinds.get
        ids = [get(t) for t in toks]
        if None in ids:
            for i, tok in enumerate(toks):
                if ids[i] is None:
                    # (looked up again: the token may have come earlier in this value)
                    kind = get(tok)
                    if kind is None:
                        kind = self._kind(tok)
                        if kind is None:
                            return None
                    ids[i] = kind
        self._start(docnum, boost)
        self.tokens.extend(ids)
        self.positions.extend(range(len(ids)))
        self.counted = self.words is not None
        return len(ids)

    def add_analysed(self, docnum: int, items, boost: float) -> int:
        """Add what ``field.index`` made of a value; its length (sum of frequencies)."""
        self.counted = False
        pairs = []
        length = 0
        for btext, freq, _, vbytes in items:
            tid = self.term_ids.setdefault(btext, len(self.term_ids))
            kind = self._analysed_kinds.get(tid)
            if kind is None:
                kind = self._analysed_kinds[tid] = len(self.kind_terms)
                self.kind_terms.append(tid)
                self.kind_words.append(-1)
            pairs.extend((pos, kind) for pos in _POSITIONS.decode_positions(vbytes))
            length += freq
        pairs.sort()
        self._start(docnum, boost)
        self.tokens.extend(t for _, t in pairs)
        self.positions.extend(p for p, _ in pairs)
        return length

    def _start(self, docnum: int, boost: float) -> None:
        self.docs.append(docnum)
        self.starts.append(len(self.tokens))
        self.boosts.append(boost)

    def _ends(self) -> np.ndarray:
        """Where each document's tokens begin, and then the total."""
        return np.append(np.frombuffer(self.starts, dtype=np.uint64).astype(np.int64), len(self.tokens))

    def postings(self):
        """(term ids, docnums, weights, frequencies, position starts) of every
        posting, in term id then document order, and all positions in that order."""
        t = np.frombuffer(self.kind_terms, dtype=np.uint32)[np.frombuffer(self.tokens, dtype=np.uint32)]
        docs = np.frombuffer(self.docs, dtype=np.uint32)
        # A stable sort by term keeps each term's tokens in document, then position, order.
        order = np.argsort(t, kind="stable")
        t = t[order]
        d = np.repeat(np.arange(len(docs), dtype=np.uint32), np.diff(self._ends()))[order]
        pos = np.frombuffer(self.positions, dtype=np.uint32)[order]
        new = np.ones(len(t), dtype=bool)
        new[1:] = (t[1:] != t[:-1]) | (d[1:] != d[:-1])
        first = np.flatnonzero(new)
        freq = np.diff(np.append(first, len(t)))
        row = d[first]
        weights = (freq * self.field_boost * np.frombuffer(self.boosts, dtype=np.float64)[row]).astype(np.float32)
        return t[first], docs[row], weights, freq, first, pos

    def word_counts(self, chunk: int | None = None) -> dict[str, int]:
        """{word: how many documents use it} over the values whose words were counted.

        Documents are taken about ``chunk`` tokens at a time, so the sort that
        finds each document's distinct words stays small.
        """
        if self.words is None or not self.word_ids:
            return {}
        chunk = chunk or WORD_COUNT_CHUNK
        nwords = len(self.word_ids)
        kind_words = np.frombuffer(self.kind_words, dtype=np.int32)
        tokens = np.frombuffer(self.tokens, dtype=np.uint32)
        ends = self._ends()
        per_doc = np.diff(ends)
        counts = np.zeros(nwords, dtype=np.int64)
        first, n_docs = 0, len(self.starts)
        while first < n_docs:
            # Whole documents only: a word counts once per document.
            last = max(first + 1, int(np.searchsorted(ends, ends[first] + chunk, side="right")) - 1)
            last = min(last, n_docs)
            a, b = int(ends[first]), int(ends[last])
            w = kind_words[tokens[a:b]].astype(np.int64)
            doc = np.repeat(np.arange(last - first, dtype=np.int64), per_doc[first:last])
            kept = w >= 0
            pairs = doc[kept] * nwords + w[kept]
            pairs.sort()  # (np.unique hashes: ten times slower here)
            distinct = np.ones(len(pairs), dtype=bool)
            distinct[1:] = pairs[1:] != pairs[:-1]
            counts += np.bincount(pairs[distinct] % nwords, minlength=nwords)
            first = last
        words = [w.decode("utf-8") for w in self.word_ids]
        return {words[i]: int(counts[i]) for i in np.flatnonzero(counts).tolist()}

    def word_stems(self) -> dict[str, str]:
        """{word: its term} for every counted word this field has seen."""
        if self.words is None:
            return {}
        words = list(self.word_ids)
        terms = list(self.term_ids)  # in term id order: ids are handed out in insertion order
        out = {}
        for tid, wid in zip(self.kind_terms, self.kind_words):
            if wid >= 0:
                out[words[wid].decode("utf-8")] = terms[tid].decode("utf-8")
        return out
