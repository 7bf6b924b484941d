"""Sets of documents as sorted numpy arrays of docnums, and their algebra.

>>> union([np.array([1, 3]), np.array([2, 3])]).tolist()
[1, 2, 3]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

EMPTY = np.zeros(0, dtype=np.int32)


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of ``values``: ``np.unique(values)`` by a sort and a
    neighbour comparison. Since numpy 2.3 ``np.unique`` hashes first, and for the
    integer arrays a search makes that is 10 to 50 times slower here (1.2 ms against
    0.02 ms for 1,000 values; 680 ms against 17 ms for a million). With
    ``return_index`` or ``return_counts`` it still sorts.

    >>> distinct(np.array([5, 1, 5, 3, 1])).tolist()
    [1, 3, 5]
    """
    out = np.sort(values, axis=None)
    if out.size < 2:
        return out
    keep = np.empty(out.size, dtype=bool)
    keep[0] = True
    np.not_equal(out[1:], out[:-1], out=keep[1:])
    return out[keep]


def union(parts: Sequence[np.ndarray]) -> np.ndarray:
    """Sorted docnums in any of ``parts`` (each sorted and distinct)."""
    parts = [p for p in parts if p.size]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    return distinct(np.concatenate(parts))


def contained(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Mask of the elements of ``a`` found in ``b``; both sorted.

    A binary search of ``b`` per element of ``a``: when ``a`` is the smaller, far
    cheaper than ``np.isin``, which sorts (or hashes) both together.

    >>> contained(np.array([1, 4, 9]), np.array([0, 4, 5, 9])).tolist()
    [False, True, True]
    """
    if not b.size:
        return np.zeros(a.shape, dtype=bool)
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    return b[at] == a


def intersect(parts: Sequence[np.ndarray]) -> np.ndarray:
    """Intersect sorted arrays starting from the smallest: cheap when one operand is rare."""
    if not parts:
        return EMPTY
    ordered = sorted(parts, key=len)
    out = ordered[0]
    for p in ordered[1:]:
        if not out.size:
            break
        out = out[contained(out, p)]
    return out
