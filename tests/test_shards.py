"""The fast build path gives the same index as Whoosh's own writer, on any number of shards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh.query import Term
from whoosh_view import all_postings

from indexer import schema as S
from indexer.build import PROJECT_CORPUS
from indexer.discovery import Discovery
from indexer.engine.generations import current
from indexer.engine.segments import BulkSegmentWriter
from indexer.engine.terms import TermCache
from indexer.models import Document, published_year
from indexer.readers import read_corpus


def _fields(root: Path) -> list[dict]:
    """The documents of the index under ``root`` as Whoosh documents."""
    ix = whoosh_index.open_dir(str(current(root).path))
    with ix.searcher() as s:
        return [S.to_fields(S.from_stored(f)) for f in s.all_stored_fields()]


def _written_by_both(tmp: Path, docs: list[dict]) -> dict:
    """Readers of the same documents written by Whoosh's writer ("whoosh") and ours ("bulk")."""
    readers = {}
    for kind in ("whoosh", "bulk"):
        d = tmp / kind
        d.mkdir()
        ix = whoosh_index.create_in(str(d), S.build_schema())
        w = ix.writer(compound=False) if kind == "whoosh" else BulkSegmentWriter(ix, compound=False)
        for f in docs:
            w.add_document(**f)
        w.commit()
        readers[kind] = whoosh_index.open_dir(str(d)).reader()
    return readers


@pytest.mark.slow
def test_bulk_writer_writes_whooshs_postings(tmp_path, sample_build):
    docs = _fields(sample_build(1)[0])  # the sample corpus, through the real pipeline
    assert len(docs) > 100
    readers = _written_by_both(tmp_path, docs)
    try:
        a, b = all_postings(readers["whoosh"]), all_postings(readers["bulk"])
        assert len(a) > 1000
        assert a == b
        assert list(readers["whoosh"].all_stored_fields()) == list(readers["bulk"].all_stored_fields())
        for field in (S.TEXT, S.TITLE, S.PERSON_NAMES):
            assert [readers["whoosh"].doc_field_length(n, field) for n in range(len(docs))] == \
                [readers["bulk"].doc_field_length(n, field) for n in range(len(docs))]
    finally:
        for r in readers.values():
            r.close()


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80) | st.lists(
    st.sampled_from(["Trotsky", "TROTSKY", "Cárdenas", "deported", "1940", "U.S.A.", "*Te", "Deum*",
                     "ǅemal", "İstanbul", "ﬁre", "Straße", "e.g.", "mid-1947", "x_y"]), max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_term_cache_matches_the_analyzer(text):
    for analyzer in (S.text_analyzer(), S.exact_analyzer()):
        cache = TermCache.for_analyzer(analyzer)
        terms = cache.terms(text)
        expected = [t.text.encode("utf-8") for t in analyzer(text, mode="index")]
        # None means "take Whoosh's path for this value": always allowed, never wrong.
        assert terms is None or terms == expected


def test_discovery_counted_in_parts_equals_one_pass():
    docs = [d for d in read_corpus(PROJECT_CORPUS) if isinstance(d, Document)]
    items = [(d.doc_id, [b.text for b in d.blocks if b.kind == "paragraph"]) for d in docs]
    whole = Discovery.build(items).state()
    assert whole["words"]
    for n in (2, 3):
        assert Discovery.combine([Discovery.count(items[k::n]) for k in range(n)]).state() == whole


def _snapshot(root: Path) -> dict:
    gen = current(root)
    ix = whoosh_index.open_dir(str(gen.path))
    with ix.searcher() as s:
        stored = {f[S.ID]: f for f in s.all_stored_fields()}
        found = {w: sorted(s.stored_fields(n)[S.ID] for n in s.docs_for_query(Term(S.TEXT, w)))
                 for w in ("strike", "union", "deport", "1940")}
        segments = len(ix._segments())
    files = {name: json.loads((gen.path / name).read_text(encoding="utf-8"))
             for name in (S.VOCABULARY_FILE, S.PERSONS_FILE)}
    manifest = json.loads((gen.path / S.MANIFEST_FILE).read_text(encoding="utf-8"))
    return {"stored": stored, "found": found, "files": files, "segments": segments,
            "manifest": {k: v["hash"] for k, v in manifest.items()}}


@pytest.mark.slow
@pytest.mark.parametrize("workers", [2, 3])
def test_a_sharded_build_indexes_exactly_what_one_process_does(sample_build, workers):
    (one_root, one), (many_root, many) = sample_build(1), sample_build(workers)
    a, b = _snapshot(one_root), _snapshot(many_root)
    assert (a["segments"], b["segments"]) == (1, workers)
    assert a["stored"] == b["stored"] and len(a["stored"]) == one.paragraphs == many.paragraphs
    assert a["found"] == b["found"] and a["found"]["strike"]
    assert a["files"] == b["files"] and a["files"][S.VOCABULARY_FILE]["the"] > 10
    assert a["manifest"] == b["manifest"]
    assert (one.documents, one.persons, one.years) == (many.documents, many.persons, many.years)
    # The discovery pass, counted inside the shards and summed, is the one-pass count.
    docs = [d for d in read_corpus(PROJECT_CORPUS) if isinstance(d, Document)]
    whole = Discovery.build((d.doc_id, [b.text for b in d.blocks if b.kind == "paragraph"],
                             published_year(d.published)) for d in docs).state()
    for root in (one_root, many_root):
        saved = json.loads((current(root).path / "discovery.json").read_text(encoding="utf-8"))
        assert saved["state"] == json.loads(json.dumps(whole))


@pytest.mark.slow
def test_annotation_reusing_discovery_candidates_equals_a_fresh_annotator(sample_build):
    # The build keeps the name candidates its discovery count found and annotates
    # with them; an annotator that finds every candidate afresh must agree.
    from indexer.authority_layers import load_authority
    from indexer.persons import PersonAnnotator
    from indexer.pipeline import annotate

    root, _ = sample_build(2)
    ix = whoosh_index.open_dir(str(current(root).path))
    with ix.searcher() as s:
        built = {f[S.ID]: S.from_stored(f) for f in s.all_stored_fields()}
    docs = [d for d in read_corpus(PROJECT_CORPUS) if isinstance(d, Document)]
    fresh = PersonAnnotator(load_authority(PROJECT_CORPUS))
    # Prepared as the build prepares it: with each document's year, which dates the names.
    fresh.prepare((d.doc_id, [b.text for b in d.blocks if b.kind == "paragraph"], published_year(d.published))
                  for d in docs)
    assert not fresh.found  # prepare keeps nothing: every candidate below is found again
    expected = {p.id: p for d in docs for p in annotate(d, fresh)}
    assert set(expected) == set(built)
    assert sum(len(p.persons) for p in expected.values()) > 20
    for pid, p in expected.items():
        assert built[pid].persons == p.persons, pid
        assert built[pid].flags == p.flags, pid


def test_shards_exchange_parts_through_the_parent():
    from indexer.engine.shards import ShardFailed, map_forked

    # Each child gives k + 1 and gets the sum of all parts back.
    assert map_forked(lambda k, tick, exchange: (k, exchange(k + 1)), 3, combine=sum) == [
        (0, 6), (1, 6), (2, 6)]
    with pytest.raises(ShardFailed, match="nothing combines"):
        map_forked(lambda k, tick, exchange: exchange(k), 2)
    # A shard that never gives its part fails the build instead of leaving the others waiting.
    with pytest.raises(ShardFailed, match="without giving its part"):
        map_forked(lambda k, tick, exchange: exchange(k) if k else "done", 2, combine=sum)


@pytest.mark.slow
def test_build_saves_each_words_stem_for_snippets(sample_build):
    from indexer.engine import highlight
    from indexer.schema import STEMS_FILE, VOCABULARY_FILE, text_analyzer

    gen = current(sample_build(2)[0]).path
    stems = json.loads((gen / STEMS_FILE).read_text(encoding="utf-8"))
    vocabulary = json.loads((gen / VOCABULARY_FILE).read_text(encoding="utf-8"))
    assert len(stems) > 500
    assert set(stems) <= set(vocabulary)
    analyzer = text_analyzer()
    for word, stem in stems.items():
        assert [t.text for t in analyzer(word)] == [stem], word
    assert stems.get("deported") == "deport"
    # Learnt stems give the same marks as the analyzer itself.
    text = "Deported twice, the deportees wrote of their deportation."
    terms = highlight.Terms.of(stems={"deport", "deporte"})
    before = highlight._spans_by_analyzer(text, terms)
    highlight.learn_stems(gen / STEMS_FILE)
    assert highlight.spans(text, terms) == before


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=10), st.sampled_from([1, 5, 1 << 20]),
       st.sampled_from([2, 1_000_000]))
def test_a_shard_counts_each_words_paragraphs_as_a_word_counter_does(texts, chunk, limit):
    import tempfile

    from indexer.engine import inversion
    from indexer.engine.shards import ShardSink
    from indexer.models import Paragraph
    from indexer.vocabulary import WordCounter

    expected = WordCounter()
    for text in texts:
        expected.add(text)
    with tempfile.TemporaryDirectory() as d:
        ix = whoosh_index.create_in(d, S.build_schema())
        sink = ShardSink(BulkSegmentWriter(ix, compound=False), {})
        # A token whose word the writer cannot keep: its paragraphs are counted the slow way.
        inverted = sink.writer._fields[S.TEXT]
        # A small limit makes the token caches start over mid-build.
        inverted.cache.limit = inverted.words.limit = limit
        words = inverted.words
        term = words.term
        words.term = lambda tok: None if tok == "TROTSKY" else term(tok)
        original, inversion.WORD_COUNT_CHUNK = inversion.WORD_COUNT_CHUNK, chunk
        try:
            for n, text in enumerate(texts):
                sink.add(Paragraph(f"d#p{n}", "d", "A title", n, text))
            result = sink.finish(None)
        finally:
            inversion.WORD_COUNT_CHUNK = original
    assert dict(result.vocabulary) == dict(expected.counts)
    # Each stem is what the text analyzer makes of a token that folds to the word...
    pairs = set()
    for text in texts:
        for tok in TermCache.for_analyzer(S.exact_analyzer()).tokens(text):
            pairs.add(tuple(t.text for a in (S.exact_analyzer(), S.text_analyzer()) for t in a(tok)))
    assert set(result.stems.items()) <= pairs
    # ...and every word of a paragraph the writer counted has one.
    counted = WordCounter()
    for text in texts:
        if "TROTSKY" not in text:
            counted.add(text)
    assert set(counted.counts) <= set(result.stems)


def test_bulk_writer_honours_boosts_stored_overrides_and_missing_fields(tmp_path):
    docs = [
        {S.ID: "a#p0", S.DOC_ID: "a", S.TITLE: "Deported", S.TEXT: "Trotsky was deported in 1929."},
        {S.ID: "a#p1", S.DOC_ID: "a", S.TEXT: "No title here, a deported text.", "_boost": 2.0},
        {S.ID: "b#p0", S.DOC_ID: "b", S.TITLE: "Exile", S.TEXT: "Exile and exile again.",
         "_text_boost": 3.0, "_stored_title": "Exile (stored form)"},
        {S.ID: "b#p1", S.DOC_ID: "b", S.TITLE: "Exile in Mexico", S.TEXT: "The last one, deported."},
    ]
    readers = _written_by_both(tmp_path, docs)
    try:
        assert all_postings(readers["whoosh"]) == all_postings(readers["bulk"])
        stored = list(readers["bulk"].all_stored_fields())
        assert stored == list(readers["whoosh"].all_stored_fields())
        assert stored[2][S.TITLE] == "Exile (stored form)"
        for field in (S.TEXT, S.TITLE):
            assert [readers["bulk"].doc_field_length(n, field) for n in range(len(docs))] == \
                [readers["whoosh"].doc_field_length(n, field) for n in range(len(docs))]
    finally:
        for r in readers.values():
            r.close()


def test_a_shard_whose_writer_cannot_count_words_counts_them_itself(tmp_path):
    from whoosh.codec.whoosh3 import W3Codec

    from indexer.engine.shards import ShardSink
    from indexer.models import Paragraph
    from indexer.vocabulary import WordCounter

    texts = ["Trotsky was deported.", "Deported again, to Cárdenas's Mexico.", ""]
    ix = whoosh_index.create_in(str(tmp_path), S.build_schema())
    # Whoosh's own codec: no numpy-inverted fields, so the writer keeps no words.
    sink = ShardSink(BulkSegmentWriter(ix, compound=False, codec=W3Codec()), {})
    for n, text in enumerate(texts):
        sink.add(Paragraph(f"d#p{n}", "d", "A title", n, text))
    result = sink.finish(None)
    expected = WordCounter()
    for text in texts:
        expected.add(text)
    assert dict(result.vocabulary) == dict(expected.counts) != {}
