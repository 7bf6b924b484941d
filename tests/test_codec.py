"""ArrayCodec: the same postings as Whoosh's codec, read back by Whoosh and by numpy."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import fields
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh_view import all_postings

from indexer.engine.codec import ArrayCodec, ArrayLeafMatcher
from indexer.engine.matchset import phrase_ids
from indexer.engine.postings import frequency, postings_arrays, term_postings
from indexer.engine.segments import BulkSegmentWriter

WORDS = ["red", "green", "blue", "party", "state", "people"]  # no stop words: all indexed


def _schema():
    return fields.Schema(
        body=fields.TEXT(phrase=True),
        tags=fields.KEYWORD(scorable=True),
        year=fields.NUMERIC(stored=True),
        freq=fields.TEXT(phrase=False),
    )


def _documents(seed: int = 1, n: int = 700) -> list[dict]:
    rnd = random.Random(seed)
    docs = []
    for i in range(n):
        words = rnd.choices(WORDS, weights=[5, 3, 1, 8, 9, 2], k=rnd.randint(1, 40))
        docs.append({"body": " ".join(words), "tags": " ".join(rnd.sample(WORDS, 2)), "year": 1900 + i % 97,
                     "freq": " ".join(words[:5])})
    # Positions beyond 16 bits, a posting with more than 255 positions, and a
    # docnum gap beyond 16 bits within one block (the wide layouts).
    docs[3]["body"] = " ".join(["people"] * 300 + ["blue"] * 66000 + ["party", "state", "people"])
    return docs


def _index(path, docs, writer: str, gaps: bool = False):
    path.mkdir()
    ix = whoosh_index.create_in(str(path), _schema())
    if writer == "whoosh":
        w = ix.writer(compound=False)
    elif writer == "array":
        # Whoosh's own pool, our blocks; small ones, so that terms span many.
        w = ix.writer(compound=False, codec=ArrayCodec(blocklimit=64))
    else:
        w = BulkSegmentWriter(ix, compound=False)
    for i, d in enumerate(docs):
        w.add_document(**d)
        if gaps and i == 10:
            for _ in range(70_000):  # empty documents: the next docnums jump by 70,000
                w.add_document()
    w.commit()
    return whoosh_index.open_dir(str(path))


@pytest.fixture(scope="module")
def indexes(tmp_path_factory):
    root = tmp_path_factory.mktemp("codec")
    docs = _documents()
    ixs = {kind: _index(root / kind, docs, kind, gaps=True) for kind in ("whoosh", "array", "bulk")}
    yield ixs
    for ix in ixs.values():
        ix.close()


def test_array_segments_hold_whooshs_postings(indexes):
    with indexes["whoosh"].reader() as a, indexes["array"].reader() as b, indexes["bulk"].reader() as c:
        assert isinstance(b.postings("body", "people"), ArrayLeafMatcher)
        assert isinstance(c.postings("body", "people"), ArrayLeafMatcher)
        assert not isinstance(a.postings("body", "people"), ArrayLeafMatcher)
        expected = all_postings(a)
        assert len(expected) > 100
        assert all_postings(b) == expected
        assert all_postings(c) == expected


def test_blocks_are_smaller_to_decode_and_not_compressed(indexes):
    # The wide layouts were really exercised: a 70,000 docnum jump and 66,000 positions.
    with indexes["bulk"].reader() as r:
        p = postings_arrays(r.postings("body", "blue"), weights=True, values=True)
        assert p.positions.max() >= 65536
        row = int(np.flatnonzero(p.ids == 3)[0])
        assert p.counts[row] == 66000
        assert p.ids.max() - p.ids.min() > 65536


def _numpy_vs_protocol(reader):
    for field, text in reader.all_terms():
        fmt = reader.schema[field].format
        positional = type(fmt).__name__ == "Positions"
        fast = postings_arrays(reader.postings(field, text), weights=True, values=positional)
        m = reader.postings(field, text)
        ids, weights, positions = [], [], []
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            if positional:
                positions.append(m.value_as("positions"))
            m.next()
        assert fast.ids.tolist() == ids, (field, text)
        assert fast.weights.tolist() == pytest.approx(weights), (field, text)
        if positional:
            got = [fast.positions[s:s + c].tolist() for s, c in zip(fast.starts, fast.counts)]
            assert got == positions, (field, text)


@pytest.mark.parametrize("kind", ["whoosh", "array", "bulk"])
def test_numpy_reading_equals_whooshs_protocol(indexes, kind):
    with indexes[kind].reader() as r:
        _numpy_vs_protocol(r)


def test_only_skips_blocks_but_keeps_every_wanted_docnum(indexes):
    with indexes["array"].reader() as r:
        every = postings_arrays(r.postings("body", "state")).ids
        assert len(every) > 3 * 64  # several blocks
        wanted = np.sort(np.random.default_rng(0).choice(every, 5, replace=False)).astype(np.int32)
        some = postings_arrays(r.postings("body", "state"), only=wanted, weights=True, values=True)
        assert set(wanted.tolist()) <= set(some.ids.tolist())
        assert len(some.ids) < len(every)
        row = np.searchsorted(every, some.ids)
        assert (every[row] == some.ids).all()


@pytest.mark.parametrize("kind", ["array", "bulk"])
@pytest.mark.parametrize("share", [0.01, 0.1, 0.2])
def test_only_with_positions_keeps_exactly_the_wanted_postings(indexes, kind, share):
    # Few wanted documents (under a quarter of the term's): only theirs are kept,
    # each with its own weight and positions, whatever the blocks' widths.
    rng = np.random.default_rng(int(share * 100))
    with indexes[kind].reader() as r:
        checked = 0
        common = sorted((r.doc_frequency("body", t), t) for t in r.field_terms("body"))[-6:]
        for _, text in common:
            every = postings_arrays(r.postings("body", text), weights=True, values=True)
            if len(every.ids) < 40:
                continue
            n_docs = r.doc_count_all()
            # Wanted: some of the term's documents and some without it.
            wanted = np.unique(np.concatenate([
                rng.choice(every.ids, max(1, int(len(every.ids) * share)), replace=False),
                rng.integers(0, n_docs, 5)])).astype(np.int32)
            some = postings_arrays(r.postings("body", text), only=wanted, weights=True, values=True)
            rows = np.flatnonzero(np.isin(every.ids, wanted))
            assert some.ids.tolist() == every.ids[rows].tolist(), text
            assert some.weights.tolist() == every.weights[rows].tolist(), text
            got = [some.positions[s:s + c].tolist() for s, c in zip(some.starts, some.counts)]
            expected = [every.positions[every.starts[i]:every.starts[i] + every.counts[i]].tolist()
                        for i in rows]
            assert got == expected, text
            checked += 1
        assert checked >= 2


def test_merged_segments_keep_the_postings(tmp_path, indexes):
    docs = _documents(seed=2, n=400)
    ix = whoosh_index.create_in(str(tmp_path), _schema())
    for part in (docs[:150], docs[150:300], docs[300:]):
        w = BulkSegmentWriter(ix, compound=False, merge=False)
        for d in part:
            w.add_document(**d)
        w.commit()
    assert len(ix._segments()) == 3
    with ix.reader() as before:
        expected = all_postings(before)
    # Whoosh merges the three segments through its pool into one, written by our codec.
    BulkSegmentWriter(ix, compound=False).commit(optimize=True)
    assert len(ix._segments()) == 1
    with ix.reader() as after:
        assert isinstance(after.postings("body", "people"), ArrayLeafMatcher)
        assert all_postings(after) == expected
        _numpy_vs_protocol(after)
    ix.optimize()  # Whoosh's own writer reads our segment back into its codec
    with ix.reader() as whooshs:
        assert not isinstance(whooshs.postings("body", "people"), ArrayLeafMatcher)
        assert all_postings(whooshs) == expected
    ix.close()


def test_whoosh_segments_still_read_beside_array_segments(tmp_path):
    """An index written by an older build (Whoosh's codec) gains new segments in ours."""
    docs = _documents(seed=3, n=300)
    ix = whoosh_index.create_in(str(tmp_path), _schema())
    w = ix.writer(compound=False)
    for d in docs[:150]:
        w.add_document(**d)
    w.commit()
    w = BulkSegmentWriter(ix, compound=False, merge=False)
    for d in docs[150:]:
        w.add_document(**d)
    w.commit()
    with ix.searcher() as s:
        kinds = {type(m).__name__ for m in s.reader().postings("body", "state").matchers}
        assert kinds == {W3LeafMatcher.__name__, ArrayLeafMatcher.__name__}
        _numpy_vs_protocol(s.reader())
        q = wq.Phrase("body", ["party", "state", "people"])
        assert phrase_ids(q, s).tolist() == sorted(s.docs_for_query(q))
    ix.close()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS[:4]), min_size=0, max_size=12), min_size=1, max_size=40),
       st.lists(st.sampled_from(WORDS[:4]), min_size=2, max_size=4))
def test_phrases_match_whooshs_phrase_query(tmp_path_factory, texts, phrase):
    path = tmp_path_factory.mktemp("phrase")
    ix = whoosh_index.create_in(str(path), _schema())
    w = BulkSegmentWriter(ix, compound=False)
    for t in texts:
        w.add_document(body=" ".join(t))
    w.commit()
    with ix.searcher() as s:
        q = wq.Phrase("body", phrase)
        assert phrase_ids(q, s).tolist() == sorted(s.docs_for_query(q))
    ix.close()


def test_compound_segments_are_read_without_a_memory_map(tmp_path):
    """A compound segment's postings live inside one bigger file: no map of the
    postings file can be taken, and the blocks are read through Whoosh's file."""
    ix = whoosh_index.create_in(str(tmp_path), _schema())
    w = BulkSegmentWriter(ix, compound=True)
    for d in _documents(seed=4, n=200):
        w.add_document(**d)
    w.commit()
    assert any(p.suffix == ".seg" for p in tmp_path.iterdir())
    with ix.reader() as r:
        assert isinstance(r.postings("body", "people"), ArrayLeafMatcher)
        _numpy_vs_protocol(r)
    ix.close()


def test_remembered_term_infos_give_whooshs_postings_and_frequencies(tmp_path):
    # Two segments (one written by Whoosh's own codec) and deleted documents:
    # the postings built from the remembered term infos are the reader's own.
    docs = _documents(seed=5, n=300)
    ix = _index(tmp_path / "ix", docs, "bulk")
    w = ix.writer(codec=ArrayCodec(blocklimit=64))
    for d in _documents(seed=6, n=200):
        w.add_document(**d)
    w.commit(merge=False)
    w = ix.writer()
    w.add_document(body="lonely unique words")
    w.commit(merge=False)
    w = ix.writer()
    w.delete_by_query(wq.Term("tags", "red"))
    w.commit(merge=False)
    with ix.reader() as r:
        assert len(list(r.leaf_readers())) == 3 and r.has_deletions()
        for field, text in r.all_terms():
            assert frequency(r, field, text) == r.doc_frequency(field, text), (field, text)
            ours = postings_arrays(term_postings(r, field, text)).ids
            assert ours.tolist() == postings_arrays(r.postings(field, text)).ids.tolist(), (field, text)
        assert frequency(r, "body", "absent") == 0
        assert frequency(r, "year", "not a number") == 0
