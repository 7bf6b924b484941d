"""Facet counting with numpy, built once per index generation.

For each facet field (person, year, decade, pub_year) the lexicon and postings
are read once into two layouts:

* value-major: ``postings[v]`` = docnums having value v (builds filter masks);
* doc-major (CSR): ``indptr``/``doc_vals`` = values of each docnum (counts).

Counting a match set then costs O(matches), never a re-scan of the index
(Whoosh's ``FieldFacet`` re-reads every document on every query).

Multi-select semantics: the counts shown for facet F use every active filter
except F's own, so choosing 1940 still shows how many match 1941 (OR within a
facet, AND across facets).

>>> f = FacetField.from_postings("year", ["1940", "1941"], [np.array([0, 2]), np.array([2])], 3)
>>> f.count(np.array([0, 1, 2])).tolist()
[2, 1]
>>> f.count(np.array([2]), doc_ord=np.array([0, 0, 0])).tolist()
[1, 1]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from indexer import schema as S
from indexer.engine.docsets import distinct
from indexer.engine.postings import matcher_ids

# API facet name -> index field. "published" is the publication year.
FACET_FIELDS = {"person": S.PERSON, "year": S.YEAR, "decade": S.DECADE, "published": S.PUB_YEAR}


@dataclass(frozen=True)
class FacetField:
    name: str
    values: list[str]
    postings: list[np.ndarray]
    indptr: np.ndarray  # len n_docs + 1
    doc_vals: np.ndarray  # value index per (doc, value) entry, grouped by doc

    @classmethod
    def from_postings(cls, name: str, values: list[str], postings: list[np.ndarray],
                      n_docs: int) -> FacetField:
        lengths = np.fromiter((len(p) for p in postings), dtype=np.int64, count=len(postings))
        entry_doc = np.concatenate(postings) if postings else np.zeros(0, np.int32)
        entry_val = np.repeat(np.arange(len(values), dtype=np.int32), lengths)
        order = np.argsort(entry_doc, kind="stable")
        indptr = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum(np.bincount(entry_doc, minlength=n_docs)[:n_docs], out=indptr[1:])
        return cls(name, values, postings, indptr, entry_val[order])

    @classmethod
    def from_reader(cls, name: str, reader, fieldname: str) -> FacetField:
        values, postings = [], []
        for text in reader.field_terms(fieldname):
            ids = matcher_ids(reader.postings(fieldname, text))
            if ids.size:
                values.append(text)
                postings.append(ids)
        return cls.from_postings(name, values, postings, reader.doc_count_all())

    def index_of(self, value: str) -> int | None:
        """Position of a value in ``values``, or None when no document has it."""
        lookup = self.__dict__.get("_lookup")
        if lookup is None:  # built on first use; the dataclass is frozen, the cache is not
            lookup = {v: i for i, v in enumerate(self.values)}
            object.__setattr__(self, "_lookup", lookup)
        return lookup.get(value)

    def numeric_order(self) -> np.ndarray:
        """Value indices in the order a year-like facet is shown: by number, values
        that are not numbers first (in stored order)."""
        cached = self.__dict__.get("_numeric_order")
        if cached is None:
            cached = np.asarray(sorted(range(len(self.values)),
                                       key=lambda i: int(self.values[i]) if self.values[i].isdigit() else 0),
                                dtype=np.int64)
            object.__setattr__(self, "_numeric_order", cached)
        return cached

    def _single_values(self) -> np.ndarray | None:
        """Each document's one value (-1: none) when no document has two, else None."""
        cached = self.__dict__.get("_single", False)
        if cached is False:
            lens = np.diff(self.indptr)
            cached = None
            if not lens.size or lens.max() <= 1:
                # 32-bit: gathering a match set's values reads a quarter of the memory.
                cached = np.full(len(lens), -1, dtype=np.int32)
                cached[lens == 1] = self.doc_vals
            object.__setattr__(self, "_single", cached)
        return cached

    def _sparse_docs(self) -> np.ndarray | None:
        """Which documents have a value, when fewer than half do (else None).

        Most paragraphs name no person and no year: dropping the matches without
        one first makes the gather below work on a sixth of them."""
        cached = self.__dict__.get("_has", False)
        if cached is False:
            has = np.diff(self.indptr) > 0
            cached = has if has.sum() * 2 < len(has) else None
            object.__setattr__(self, "_has", cached)
        return cached

    def _value_starts(self) -> tuple[np.ndarray, np.ndarray]:
        """Where each value's entries start in :meth:`_entry_doc`, and which values have any."""
        cached = self.__dict__.get("_starts")
        if cached is None:
            lengths = np.fromiter((len(p) for p in self.postings), dtype=np.int64,
                                  count=len(self.postings))
            cached = (np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths > 0)
            object.__setattr__(self, "_starts", cached)
        return cached

    def _entry_doc(self) -> np.ndarray:
        cached = self.__dict__.get("_entries")
        if cached is None:
            cached = np.concatenate(self.postings)
            object.__setattr__(self, "_entries", cached)
        return cached

    def mask(self, value_indices: Iterable[int], n_docs: int) -> np.ndarray:
        """Boolean docnum mask: documents having any of the values (OR within a facet)."""
        m = np.zeros(n_docs, dtype=bool)
        for v in value_indices:
            m[self.postings[v]] = True
        return m

    def count(self, ids: np.ndarray, doc_ord: np.ndarray | None = None) -> np.ndarray:
        """Count per value over the matched docnums ``ids``.

        With ``doc_ord`` (docnum -> document ordinal) a document counts once
        per value however many of its paragraphs match.
        """
        n_docs = len(self.indptr) - 1
        if not self.values:
            return np.zeros(0, dtype=np.int64)
        single = self._single_values()
        if single is not None:
            # At most one value per document (the publication year): no CSR gather.
            vals = single[ids]
            if doc_ord is None:
                return np.bincount(vals[vals >= 0], minlength=len(self.values))
            has = vals >= 0
            keys = distinct(doc_ord[ids[has]].astype(np.int64) * len(self.values) + vals[has])
            return np.bincount(keys % len(self.values), minlength=len(self.values))
        has = self._sparse_docs()
        if has is not None:
            ids = ids[has[ids]]
        if doc_ord is None and len(ids) * 4 > n_docs and self.postings:
            # A large match set: one pass over the value-major entries is cheaper
            # than gathering each matched document's values.
            matched = np.zeros(n_docs, dtype=bool)
            matched[ids] = True
            hits = matched[self._entry_doc()].astype(np.int64)
            if not hits.size:
                return np.zeros(len(self.values), dtype=np.int64)
            starts, nonempty = self._value_starts()
            return np.add.reduceat(hits, starts) * nonempty
        starts = self.indptr[ids]
        lens = self.indptr[ids + 1] - starts
        total = int(lens.sum())
        if total == 0:
            return np.zeros(len(self.values), dtype=np.int64)
        # Flattened positions of every entry of every matched doc (CSR gather).
        offsets = np.repeat(starts - (np.cumsum(lens) - lens), lens) + np.arange(total)
        vals = self.doc_vals[offsets]
        if doc_ord is None:
            return np.bincount(vals, minlength=len(self.values))
        docs = np.repeat(ids, lens)
        keys = distinct(doc_ord[docs].astype(np.int64) * len(self.values) + vals)
        return np.bincount(keys % len(self.values), minlength=len(self.values))


def build_facets(reader) -> dict[str, FacetField]:
    return {name: FacetField.from_reader(name, reader, field) for name, field in FACET_FIELDS.items()}


def combine(masks: Sequence[np.ndarray]) -> np.ndarray | None:
    """AND of filter masks (None when there is no filter)."""
    out = None
    for m in masks:
        out = m.copy() if out is None else (out & m)
    return out


def multiselect_counts(
    facets: dict[str, FacetField],
    ids: np.ndarray,
    masks: dict[str, np.ndarray],
    doc_ord: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Counts per facet, each computed with every filter except its own.

    ``ids`` are the query's matches before filtering; ``masks`` the active
    filters by facet name (a range filter on years is keyed "year" too).
    """
    out: dict[str, np.ndarray] = {}
    by_mask: dict[tuple[str, ...], np.ndarray] = {}
    for name, facet in facets.items():
        others = tuple(sorted(k for k in masks if k != name))
        subset = by_mask.get(others)
        if subset is None:
            m = combine([masks[k] for k in others])
            subset = ids if m is None else ids[m[ids]]
            by_mask[others] = subset
        out[name] = facet.count(subset, doc_ord)
    return out
