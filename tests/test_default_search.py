"""The search a visitor gets without choosing anything: documents, never a dead end.

Expected results are worked out from the svc_corpus paragraphs themselves (plain
Python over their words), not from the engine.
"""

from __future__ import annotations

import re

import pytest
from svc_corpus import assert_error_shape, paragraphs


def words_of(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def documents_holding(*words: str) -> set[str]:
    """Documents whose paragraphs (text, title, section, author) hold every word."""
    held: dict[str, set[str]] = {}
    for p in paragraphs():
        held.setdefault(p.doc_id, set()).update(
            words_of(" ".join([p.text, p.title, p.section, p.author or ""])))
    return {d for d, ws in held.items() if all(w in ws for w in words)}


def get(client, **params) -> dict:
    r = client.get("/api/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_the_default_groups_by_document(client):
    body = get(client, q="strike")
    assert body["query"]["group"] == "document" and body["query"]["match"] == "most"
    docs = [h["doc_id"] for h in body["hits"]]
    assert len(docs) == len(set(docs)) == body["total"]
    assert set(docs) >= documents_holding("strike")


def test_words_in_different_paragraphs_find_the_document_by_default(client):
    # "printers" and "parade" are in different paragraphs of one document.
    expected = documents_holding("printers", "parade")
    assert expected and not any({"printers", "parade"} <= words_of(p.text) for p in paragraphs())
    body = get(client, q="printers parade")
    assert {h["doc_id"] for h in body["hits"]} == expected
    assert body["partial"] is False and all(h["missing"] == [] for h in body["hits"])


def test_an_absent_word_gives_partial_results_not_a_dead_end(client):
    absent = "zeppelinmooring"
    assert not documents_holding(absent)
    body = get(client, q=f"printers parade {absent}")
    assert body["total"] >= 1 and body["partial"] is True
    first = body["hits"][0]
    assert first["doc_id"] in documents_holding("printers", "parade")
    assert first["missing"] == [absent]
    strict = get(client, q=f"printers parade {absent}", match="all")
    assert strict["total"] == 0 and strict["partial"] is False


def test_complete_matches_rank_before_partial_ones(client):
    body = get(client, q="strike deported workers", size=50)
    complete = documents_holding("strike", "deported", "workers")
    ranks = [not h["missing"] for h in body["hits"]]
    if complete and not all(ranks):
        # Every complete document comes before the first partial one.
        assert ranks.index(False) >= len(complete & {h["doc_id"] for h in body["hits"]})


def test_match_any_finds_documents_with_either_word(client):
    body = get(client, q="printers harbour", match="any", size=50)
    assert {h["doc_id"] for h in body["hits"]} == (
        documents_holding("printers") | documents_holding("harbour"))


def test_paragraph_listing_is_one_parameter_away(client):
    body = get(client, q="strike", group="paragraph", size=50)
    expected = {p.id for p in paragraphs() if "strike" in words_of(p.text + " " + p.title
                                                                     + " " + p.section)}
    assert {h["id"] for h in body["hits"]} <= {p.id for p in paragraphs()}
    assert expected <= {h["id"] for h in body["hits"]}


@pytest.mark.parametrize("bad", ["some", "ALL", "every", "1"])
def test_an_unknown_match_mode_is_a_clear_400(client, bad):
    r = client.get("/api/search", params={"q": "strike", "match": bad})
    assert_error_shape(r, 400)
    assert "all, most, any" in r.text


@pytest.mark.parametrize("lo, hi", [(1906, 1906), (1900, 1913), (1914, None), (None, 1906)])
def test_published_range(client, lo, hi):
    params = {k: v for k, v in (("published_from", lo), ("published_to", hi)) if v is not None}
    body = get(client, size=50, **params)

    def inside(p) -> bool:
        year = int(p.published[:4]) if p.published else None
        return year is not None and (lo is None or year >= lo) and (hi is None or year <= hi)
    assert {h["doc_id"] for h in body["hits"]} == {p.doc_id for p in paragraphs() if inside(p)}


def test_published_range_the_wrong_way_round_is_a_400(client):
    assert_error_shape(client.get("/api/search", params={"published_from": 1910,
                                                          "published_to": 1900}), 400)


def test_newest_first_sorts_by_publication_date_and_puts_undated_last(client):
    body = get(client, sort="date_desc", size=50)
    dates = [h["published"] for h in body["hits"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    if None in dates:
        assert all(d is None for d in dates[dates.index(None):])


def test_the_document_api_carries_its_people_and_years(client):
    doc_id = paragraphs()[0].doc_id
    body = client.get(f"/api/documents/{doc_id}").json()
    mine = [p for p in paragraphs() if p.doc_id == doc_id]
    assert body["years"] == sorted({y for p in mine for y in p.years})
    counts: dict[str, int] = {}
    for p in mine:
        for r in {r.id for r in p.persons}:
            counts[r] = counts.get(r, 0) + 1
    assert {(x["id"], x["paragraphs"]) for x in body["persons"]} == set(counts.items())
    assert [x["paragraphs"] for x in body["persons"]] == sorted(counts.values(), reverse=True)
