"""Positions of the most frequent words, decoded once per generation.

A phrase with a common word ("to resist", "the working class") is checked by
reading the common word's positions around every candidate. At 1M paragraphs
that meant decoding a few thousand of its posting blocks (zlib + pickle, about
0.1 ms each) in every such request. Here a word found in at least
``min_share`` of the paragraphs is decoded whole on first use and kept in
three arrays (docnums, offsets, positions: a few MB even for "the"), so later
phrases look its positions up instead. Memory is bounded by ``budget_mb`` per
process; the least recently used words go first.

>>> tp = TermPositions.of(np.array([3, 7], dtype=np.int32), [[0, 4], [2]])
>>> sorted(tp.at(0)), sorted(tp.at(1)), tp.nbytes
([0, 4], [2], 44)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import NamedTuple

import numpy as np

from searchsvc.matchset import postings_arrays, position_set


class TermPositions(NamedTuple):
    """Every posting of one term: docnums and their positions, in CSR layout."""

    ids: np.ndarray  # int32, sorted
    offsets: np.ndarray  # int64, len(ids) + 1
    flat: np.ndarray  # int32 positions, grouped by posting

    @classmethod
    def of(cls, ids: np.ndarray, positions: list) -> TermPositions:
        lengths = np.fromiter((len(p) for p in positions), dtype=np.int64, count=len(positions))
        offsets = np.zeros(len(positions) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        flat = np.fromiter((x for p in positions for x in p), dtype=np.int32, count=int(offsets[-1]))
        return cls(ids, offsets, flat)

    def at(self, row: int) -> frozenset[int]:
        return frozenset(self.flat[self.offsets[row]:self.offsets[row + 1]].tolist())

    @property
    def nbytes(self) -> int:
        return self.ids.nbytes + self.offsets.nbytes + self.flat.nbytes


class FrequentTerms:
    """Per generation: whole-term positions for words in at least ``min_share`` of paragraphs."""

    def __init__(self, n_docs: int, budget_mb: float = 256, min_share: float = 0.02) -> None:
        self.min_df = max(1, int(n_docs * min_share))
        self.budget = int(budget_mb * 2**20)
        self._kept: OrderedDict[tuple[str, bytes], TermPositions] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, reader, field: str, btext: bytes, deadline: float = float("inf")) -> TermPositions | None:
        """The term's positions when it is frequent enough to keep, else None."""
        if self.budget <= 0 or reader.doc_frequency(field, btext) < self.min_df:
            return None
        key = (field, btext)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                return kept
        found = postings_arrays(reader.postings(field, btext), deadline, values=True)
        kept = TermPositions.of(found.ids, [position_set(v) for v in found.values])
        if kept.nbytes > self.budget:
            return kept  # used for this request, not kept
        with self._lock:
            if key not in self._kept:
                self._kept[key] = kept
                self._bytes += kept.nbytes
                while self._bytes > self.budget:
                    _, old = self._kept.popitem(last=False)
                    self._bytes -= old.nbytes
        return kept
