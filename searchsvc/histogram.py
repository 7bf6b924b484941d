"""The search page's decade histogram of the years mentioned.

A bar counts the paragraphs (or documents, when grouped) that mention at
least one year of that decade, so a paragraph naming 1936 and 1937 counts
once for the 1930s. Counts use every active filter except the year range the
bars set (multi-select semantics, as in :mod:`searchsvc.facets`).

>>> from searchsvc.facets import FacetField
>>> years = FacetField.from_postings("year", ["1936", "1937", "1941"],
...     [np.array([0, 1]), np.array([0]), np.array([1])], 2)
>>> decade_counts(years, np.array([0, 1]))
{1930: 2, 1940: 1}
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

import numpy as np

from indexer.engine.docsets import distinct
from searchsvc.facets import FacetField

MAX_EMPTY_FILL = 30  # decades; wider spans show only decades that have results

_decades: weakref.WeakKeyDictionary[Any, np.ndarray] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def decade_of_values(facet: FacetField, owner: Any | None = None) -> np.ndarray:
    """Decade (as a year, e.g. 1930) of each facet value; -1 for a value that is no year.

    ``owner`` (the generation) keys a cache, so this runs once per generation.
    """
    if owner is not None:
        with _lock:
            cached = _decades.get(owner)
        if cached is not None:
            return cached
    out = np.array([int(v) // 10 * 10 if v.isdigit() else -1 for v in facet.values],
                   dtype=np.int64)
    if owner is not None:
        with _lock:
            _decades[owner] = out
    return out


def decade_counts(facet: FacetField, ids: np.ndarray, doc_ord: np.ndarray | None = None,
                  owner: Any | None = None) -> dict[int, int]:
    """{decade: paragraphs (or documents, with ``doc_ord``) of ``ids`` mentioning it}."""
    ids = np.asarray(ids, dtype=np.int64)
    starts = facet.indptr[ids]
    lens = facet.indptr[ids + 1] - starts
    total = int(lens.sum())
    if total == 0:
        return {}
    # every (paragraph, value) entry of the matched paragraphs, as in FacetField.count
    offsets = np.repeat(starts - (np.cumsum(lens) - lens), lens) + np.arange(total)
    decades = decade_of_values(facet, owner)[facet.doc_vals[offsets]]
    owners = np.repeat(ids if doc_ord is None else doc_ord[ids].astype(np.int64), lens)
    keep = decades >= 0
    # one count per (owner, decade): the decade index fits below 1000
    keys = distinct(owners[keep] * 1000 + decades[keep] // 10)
    values, counts = np.unique(keys % 1000, return_counts=True)
    return {int(v) * 10: int(c) for v, c in zip(values.tolist(), counts.tolist())}


def bars(counts: dict[int, int], selected: tuple[int | None, int | None]) -> list[dict]:
    """Histogram rows, oldest first, with empty decades filled in when the span is small.

    >>> [(b["decade"], b["count"], b["height"]) for b in bars({1930: 4, 1950: 2}, (None, None))]
    [(1930, 4, 10), (1940, 0, 0), (1950, 2, 5)]
    """
    if not counts:
        return []
    lo, hi = min(counts), max(counts)
    decades = (range(lo, hi + 10, 10) if (hi - lo) // 10 < MAX_EMPTY_FILL
               else sorted(counts))
    top = max(counts.values())
    return [{"decade": d, "label": f"{d}s", "count": counts.get(d, 0),
             "height": round(10 * counts.get(d, 0) / top),
             "selected": selected == (d, d + 9)} for d in decades]
