"""searchsvc.docrank: words of a plain query, postings with weights, document scoring."""

from __future__ import annotations

import numpy as np
import pytest

from searchsvc.compounds import query_words
from searchsvc.docstats import doc_stats
from svc_corpus import paragraphs

from indexer import schema as S
from indexer.engine.generations import read_pointer
from searchsvc import docrank as D
from searchsvc.index_state import LoadedIndex
from searchsvc.suggest import Vocabulary


@pytest.mark.parametrize("q, words", [
    ("tear down this wall", ["tear", "down", "this", "wall"]),
    ("Kollontai 1920 women's day", ["kollontai", "1920", "women", "day"]),  # "s" dropped
    ("military-industrial complex", ["military", "industrial", "complex"]),
    ("CÁRDENAS", ["cardenas"]),
    ("December 7 1941", ["december", "7", "1941"]),
    ("", []),
])
def test_query_words_are_folded_unstemmed_and_lone_letters_dropped(q, words):
    assert [t for w in query_words(q, lambda _: 0) for t in w.tokens] == words


def test_close_forms_only_for_rare_words():
    v = Vocabulary({"eisenhower": 30, "complex": 50, "complx": 1})
    assert D.close_forms(v, ["eisenhauer", "complex", "complx"]) == {
        "eisenhauer": ["eisenhower"], "complx": ["complex"]}


@pytest.fixture(scope="module")
def gen(index_root):
    g = LoadedIndex(index_root, read_pointer(index_root))
    yield g
    g.close()


@pytest.mark.parametrize("field, term", [(S.TEXT, "strike"), (S.TEXT, "asylum"),
                                         (S.PERSON, "rosa-luxemburg"), (S.TEXT, "nothing")])
def test_postings_agree_with_whoosh_matcher(gen, field, term):
    reader = gen.searcher().reader()
    ids, weights = D._Postings(reader)(field, term)
    expected = []
    if (field, term) in reader:
        m = reader.postings(field, term)
        while m.is_active():
            expected.append((m.id(), m.weight()))
            m.next()
    assert list(zip(ids.tolist(), weights.tolist())) == expected


def test_document_length_is_the_sum_of_its_paragraphs(gen):
    stats = doc_stats(gen, gen.searcher().reader())
    by_doc: dict[str, int] = {}
    for p in paragraphs():
        by_doc[p.doc_id] = by_doc.get(p.doc_id, 0) + len(list(S.text_analyzer()(p.text)))
    got = dict(zip(gen.columns.doc_ids, stats.length.tolist()))
    # Whoosh stores each field length in one byte, so lengths are close, not exact.
    assert got == pytest.approx(by_doc, rel=0.1)
    assert stats.average == pytest.approx(sum(by_doc.values()) / len(by_doc), rel=0.1)


def test_every_word_must_be_in_the_document(gen):
    r = D.rank_documents(gen, gen.searcher(), ["liebknecht", "credits"], {})
    assert [gen.columns.doc_ids[o] for o in r.docs] == ["essays/peace-1914.md"] and r.complete
    # No document has both: the documents with the most of them, marked incomplete.
    r = D.rank_documents(gen, gen.searcher(), ["asylum", "zanzibar"], {})
    assert [gen.columns.doc_ids[o] for o in r.docs] == ["speeches/asylum.html"]
    assert not r.complete


def test_matching_paragraphs_are_those_with_a_query_word(gen):
    r = D.rank_documents(gen, gen.searcher(), ["deported"], {})
    got = {gen.searcher().stored_fields(int(d))["id"] for d in r.paragraphs}
    assert got == {p.id for p in paragraphs() if "deport" in p.text.lower()}
    assert np.all(np.diff(r.paragraphs) > 0)  # sorted, unique


def test_no_match_is_empty(gen):
    r = D.rank_documents(gen, gen.searcher(), ["zanzibar"], {})
    assert r.docs.size == 0 and r.paragraphs.size == 0


def test_very_common_words_neither_narrow_nor_score(gen, monkeypatch):
    monkeypatch.setattr(D, "COMMON_MIN", 0)
    monkeypatch.setattr(D, "COMMON_SHARE", 0.25)  # "the" is in more than a quarter
    share = sum("the" in p.text.lower().split() for p in paragraphs()) / len(paragraphs())
    assert share > 0.25
    with_the = D.rank_documents(gen, gen.searcher(), ["the", "asylum"], {})
    alone = D.rank_documents(gen, gen.searcher(), ["asylum"], {})
    assert with_the.docs.tolist() == alone.docs.tolist() and with_the.complete
    assert with_the.scores.tolist() == pytest.approx(alone.scores.tolist())
    # Only common words: they are all there is to go by.
    assert D.rank_documents(gen, gen.searcher(), ["the"], {}).docs.size > 0


def test_phrase_paragraphs_within_candidates(gen):
    reader = gen.searcher().reader()
    every = np.flatnonzero(gen.columns.doc_ord >= 0).astype(np.int32)
    got = D.phrase_paragraphs(reader, ["general", "strike"], every)
    ids = {gen.searcher().stored_fields(int(d))["id"] for d in got}
    assert ids == {p.id for p in paragraphs() if "general strike" in p.text.lower()}
    assert D.phrase_paragraphs(reader, ["strike", "general"], every).size == 0
    assert D.phrase_paragraphs(reader, ["general", "strike"], every[:0]).size == 0
