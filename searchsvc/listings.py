"""Listings (contents pages, indexes) are kept out of search results by default.

The indexer marks pages that are mostly links with ``kind = "listing"``
(indexer/listings.py); the service turns them into one docnum mask per
generation, applied like any other filter.
"""

from __future__ import annotations

import numpy as np
from whoosh.reading import TermNotFound

from indexer.schema import KIND, LISTING


def articles_mask(reader, n_docs: int) -> np.ndarray | None:
    """True for every docnum that is not a listing; None when the index has no listing."""
    if KIND not in reader.schema:
        return None  # an index built before listings were recognised
    try:
        ids = np.fromiter(reader.postings(KIND, LISTING).all_ids(), dtype=np.int64)
    except TermNotFound:
        return None
    if not ids.size:
        return None
    mask = np.ones(n_docs, dtype=bool)
    mask[ids[ids < n_docs]] = False
    return mask
