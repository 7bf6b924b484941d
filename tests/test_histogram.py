"""The search page's decade histogram (searchsvc/histogram.py), checked against brute force."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from searchsvc.facets import FacetField
from searchsvc.histogram import bars, decade_counts

YEARS = ["1890", "1905", "1906", "1913", "1930", "1939", "1941", "c.1900"]


@settings(max_examples=200, deadline=None)
@given(docs=st.lists(st.sets(st.sampled_from(YEARS), max_size=4), min_size=1, max_size=12),
       data=st.data())
def test_decade_counts_match_brute_force(docs, data):
    n = len(docs)
    values = sorted({y for d in docs for y in d})
    postings = [np.array([i for i, d in enumerate(docs) if v in d]) for v in values]
    facet = FacetField.from_postings("year", values, postings, n)
    ids = np.array(sorted(data.draw(st.sets(st.integers(0, n - 1)))), dtype=np.int64)
    doc_ord = np.array([i // 2 for i in range(n)])  # two paragraphs per document
    expected: dict[int, set] = {}
    expected_docs: dict[int, set] = {}
    for i in ids.tolist():
        for y in docs[i]:
            if y.isdigit():
                expected.setdefault(int(y) // 10 * 10, set()).add(i)
                expected_docs.setdefault(int(y) // 10 * 10, set()).add(i // 2)
    assert decade_counts(facet, ids) == {d: len(s) for d, s in expected.items()}
    assert decade_counts(facet, ids, doc_ord) == {d: len(s) for d, s in expected_docs.items()}


def test_bars_fill_gaps_and_mark_the_selected_decade():
    rows = bars({1900: 2, 1930: 8}, (1930, 1939))
    assert [(b["label"], b["count"], b["height"], b["selected"]) for b in rows] == [
        ("1900s", 2, 2, False), ("1910s", 0, 0, False), ("1920s", 0, 0, False),
        ("1930s", 8, 10, True)]


def test_bars_over_a_long_span_show_only_decades_with_results():
    rows = bars({1200: 1, 1990: 3}, (None, None))
    assert [b["decade"] for b in rows] == [1200, 1990]
    assert bars({}, (None, None)) == []
