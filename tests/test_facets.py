"""Facet counts (multi-select) checked against counts computed here from the fixture."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from svc_corpus import paragraphs

from searchsvc.facets import FacetField, multiselect_counts


def values_of(p, facet):
    return {
        "person": [r.name for r in p.persons],
        "year": [str(y) for y in p.years],
        "decade": [str(d) for d in p.decades],
        "published": [str(p.published_year)] if p.published_year else [],
    }[facet]


def passes(p, filters, skip):
    """Does paragraph p pass every filter except facet `skip`'s own (OR within, AND across)?"""
    for facet, wanted in filters.items():
        if facet != skip and not set(values_of(p, facet)) & set(wanted):
            return False
    return True


def expected_counts(filters, q_words=None, by_document=False):
    out = {}
    for facet in ("person", "year", "decade", "published"):
        counter: Counter = Counter()
        seen = set()
        for p in paragraphs():
            if q_words and not any(w in p.text.lower() for w in q_words):
                continue
            if not passes(p, filters, facet):
                continue
            for v in values_of(p, facet):
                key = (p.doc_id, v) if by_document else (p.id, v)
                if key not in seen:
                    seen.add(key)
                    counter[v] += 1
        out[facet] = dict(counter)
    return out


def got_counts(body):
    return {f: {v["value"]: v["count"] for v in vals if v["count"]}
            for f, vals in body["facets"].items()}


CASES = [
    {},
    {"person": ["Rosa Luxemburg"]},
    {"person": ["Rosa Luxemburg", "Karl Liebknecht"]},
    {"year": ["1905", "1914"]},
    {"person": ["Karl Liebknecht"], "year": ["1914"]},
    {"decade": ["1910"], "published": ["1914"]},
]


@pytest.mark.parametrize("filters", CASES)
@pytest.mark.parametrize("group", ["paragraph", "document"])
def test_multiselect_counts_match_independent_count(client, filters, group):
    body = client.get("/api/search", params={**filters, "group": group, "size": 1}).json()
    assert got_counts(body) == expected_counts(filters, by_document=group == "document")


@pytest.mark.parametrize("filters", CASES[:4])
def test_counts_under_a_query(client, filters):
    body = client.get("/api/search", params={**filters, "q": "strike", "size": 1,
                                                  "group": "paragraph"}).json()
    assert got_counts(body) == expected_counts(filters, q_words=["strike"])


def test_selected_flags_and_zero_count_selected_values(client):
    body = client.get("/api/search", params={"q": "asylum", "year": "1905"}).json()
    years = {v["value"]: v for v in body["facets"]["year"]}
    assert years["1905"]["selected"] is True and years["1905"]["count"] == 0
    assert years["1936"]["selected"] is False and years["1936"]["count"] == 1
    # year-like facets read in numeric order, the zero-count selected value in its place
    plain = client.get("/api/search").json()
    for facets in (body["facets"], plain["facets"]):
        for name in ("year", "decade", "published"):
            shown = [int(v["value"]) for v in facets[name]]
            assert shown == sorted(shown), name
        assert len(facets["year"]) >= 3


def test_person_facet_value_is_the_canonical_name_and_usable_as_filter(client):
    body = client.get("/api/search").json()
    value = body["facets"]["person"][0]["value"]
    assert value in {p["name"] for p in __import__("svc_corpus").PERSONS.values()}
    again = client.get("/api/search", params={"person": value}).json()
    assert again["total"] == body["facets"]["person"][0]["count"]


def test_facetfield_count_unit():
    f = FacetField.from_postings("year", ["a", "b", "c"],
                                 [np.array([0, 1]), np.array([1, 2]), np.array([3])], 4)
    assert f.count(np.array([1, 3])).tolist() == [1, 1, 1]
    assert f.count(np.array([], dtype=np.int32)).tolist() == [0, 0, 0]
    # documents: docnums 0 and 1 belong to the same document -> "a" counts once
    assert f.count(np.array([0, 1]), doc_ord=np.array([0, 0, 1, 2])).tolist() == [1, 1, 0]
    assert f.mask([0], 4).tolist() == [True, True, False, False]


def test_multiselect_unit_excludes_own_filter():
    f = FacetField.from_postings("year", ["a", "b"], [np.array([0]), np.array([1])], 2)
    g = FacetField.from_postings("person", ["x"], [np.array([0, 1])], 2)
    masks = {"year": f.mask([0], 2)}
    counts = multiselect_counts({"year": f, "person": g}, np.array([0, 1]), masks)
    assert counts["year"].tolist() == [1, 1]  # own filter ignored: "b" still offered
    assert counts["person"].tolist() == [1]  # filtered by year=a


@pytest.mark.parametrize("n_matched", [0, 5, 100, 260, 900, 1000])
@pytest.mark.parametrize("sparse", [False, True])
def test_count_paths_agree_with_brute_force(n_matched, sparse):
    # small match sets gather per document, large ones scan per value: same answers;
    # sparse: most documents have no value (as with persons), dropped before the gather
    rng = np.random.default_rng(n_matched)
    n_docs, n_values = 1000, 30
    postings = [np.unique(rng.integers(0, n_docs, rng.integers(0, 12 if sparse else 80))).astype(np.int32)
                for _ in range(n_values)]
    f = FacetField.from_postings("year", [str(v) for v in range(n_values)], postings, n_docs)
    assert (f._sparse_docs() is not None) == sparse
    ids = np.sort(rng.choice(n_docs, n_matched, replace=False)).astype(np.int32)
    chosen = set(ids.tolist())
    expected = [sum(1 for d in p.tolist() if d in chosen) for p in postings]
    assert f.count(ids).tolist() == expected
    doc_ord = (np.arange(n_docs) // 3).astype(np.int32)  # three paragraphs per document
    expected_docs = [len({d // 3 for d in p.tolist() if d in chosen}) for p in postings]
    assert f.count(ids, doc_ord).tolist() == expected_docs


@pytest.mark.parametrize("selected", [[], ["Lázaro Cárdenas"], ["Emma Goldman"], ["Rosa Luxemburg"]])
def test_short_person_list_is_the_head_of_the_full_one(index_root, selected):
    """With room for two persons the list is the full list's first two, ties broken
    the same way, and a selected person below them keeps its true count."""
    from starlette.testclient import TestClient

    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    def persons(size):
        with TestClient(create_app(Settings(index_root=index_root, facet_size=size))) as c:
            body = c.get("/api/search", params={"person": selected, "size": 1,
                                                        "group": "paragraph"}).json()
        return [(v["value"], v["count"], v["selected"]) for v in body["facets"]["person"]]

    full, short = persons(1000), persons(2)
    assert len(full) > 3
    extra = [row for row in full[2:] if row[2]]
    assert short == full[:2] + extra
    if selected:
        assert any(row[0] == selected[0] and row[2] and row[1] > 0 for row in short)
    if selected == ["Lázaro Cárdenas"]:  # counted once: below the two-person cut
        assert extra and short[-1][:2] == ("Lázaro Cárdenas", 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-5, 2**40), max_size=300), st.sampled_from([np.int32, np.int64, np.uint32]))
def test_distinct_is_np_unique(values, dtype):
    from indexer.engine.docsets import distinct

    a = np.array([v % 2**31 if dtype != np.int64 else v for v in values], dtype=dtype)
    got = distinct(a)
    assert got.dtype == a.dtype
    assert got.tolist() == np.unique(a).tolist()
