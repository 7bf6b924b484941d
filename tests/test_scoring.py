"""The numpy scorer ranks exactly as Whoosh's collector does, on realistic queries.

The index is the project's sample corpus built in two shards (two segments)
and then updated (so some documents are deleted): every reader path is used.
"""

from __future__ import annotations

import random
import shutil

import numpy as np
import pytest
from whoosh import query as wq

from indexer.build import PROJECT_CORPUS, build_corpus
from indexer.engine.scoring import FieldLengths, Scorer, Unsupported, top
from indexer.update import update_corpus
from searchsvc.index_state import IndexState


@pytest.fixture(scope="module")
def generation(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scoring")
    corpus, root = tmp / "corpus", tmp / "index"
    shutil.copytree(PROJECT_CORPUS, corpus)
    build_corpus(corpus, root, progress=False, workers=2)
    # Change one document and delete another: the index then has deletions.
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt"))
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n\nA closing line added later.\n",
                        encoding="utf-8")
    files[1].unlink()
    update_corpus(corpus, root, progress=False)
    state = IndexState(root, cache_size=0)
    state.refresh()
    gen = state.current
    assert gen.searcher().reader().has_deletions()
    assert len(gen.searcher().reader().leaf_readers()) >= 2
    yield gen
    state.close()


def _queries(gen) -> list[str]:
    rng = random.Random(3)
    words = sorted(w for w, n in gen.vocab.df.items() if w.isalpha() and len(w) > 3 and n >= 2)
    common = sorted(words, key=lambda w: -gen.vocab.df[w])[:30]
    out = []
    out += rng.sample(common, 10)  # many matches: ranking among thousands of ties and near-ties
    out += rng.sample(words, 25)
    out += [f"{a} {b}" for a, b in zip(rng.sample(common, 10), rng.sample(words, 10))]
    out += [f'"{a} {b}"' for a, b in zip(rng.sample(common, 5), rng.sample(common, 5))]
    out += [w[:2] + w[3] + w[2] + w[4:] for w in rng.sample(words, 10)]  # misspelt
    out += ["trotsky", "title:strike", "luxemburg OR goldman", "strike -union", "harbour*"]
    # Words that stand next to each other somewhere: the phrase bonus decides the order.
    reader = gen.searcher().reader()
    texts = [f["text"] for f in reader.all_stored_fields()]
    for text in rng.sample(texts, 15):
        tokens = [t for t in text.split() if t.isalpha() and len(t) > 3]
        pairs = [(a, b) for a, b in zip(text.split(), text.split()[1:]) if a in tokens and b in tokens]
        if pairs:
            out.append(" ".join(rng.choice(pairs)))
    return out


def test_scores_and_order_match_whoosh(generation):
    gen = generation
    s = gen.searcher()
    compared = 0
    for text in _queries(gen):
        pq = gen.builder.build(text, s.reader())
        if pq.rank is None:
            continue
        try:
            ids, scores = Scorer(s, gen.lengths).score(pq.rank)
        except Unsupported:
            continue  # the caller falls back to Whoosh; nothing to compare
        ours = top(ids, scores, 20)
        theirs = [(d, sc) for sc, d in s.search(pq.rank, limit=20).top_n]
        assert len(ours) == len(theirs), text
        for (d1, s1), (d2, s2) in zip(ours, theirs):
            assert s1 == pytest.approx(s2, rel=1e-9), text
            if d1 != d2:  # only documents with the same score may swap
                assert dict(theirs).get(d1) == pytest.approx(s1, rel=1e-9), text
        # The whole match set, not just the top, is the one Whoosh matches.
        assert set(ids.tolist()) == set(s.search(pq.rank, limit=None).docs()), text
        compared += 1
    assert compared >= 50


def test_negations_are_scored_as_whoosh_scores_their_positive_part(generation):
    """"a -b" (AndNot): a's matches without b's, each with a's score (Whoosh's AndNotMatcher
    scores ``a`` alone). Whoosh's own AndNot walk is the oracle for neither side: on
    this index it kept a paragraph that b matches (its matcher skips past it), so
    each side is asked of Whoosh separately."""
    gen = generation
    s = gen.searcher()
    rng = random.Random(21)
    common = sorted((w for w, n in gen.vocab.df.items() if w.isalpha() and len(w) > 3),
                    key=lambda w: -gen.vocab.df[w])[:30]
    texts = [f"{a} {b} -{c}" for a, b, c in zip(*(rng.sample(common, 6) for _ in range(3)))]
    texts += [f"{a} OR {b} -{c} -{d}" for a, b, c, d in zip(*(rng.sample(common, 4) for _ in range(4)))]
    texts += [f'"{a} {b}" -{c}' for a, b, c in zip(*(rng.sample(common, 3) for _ in range(3)))]
    texts += ["stalin only -trotsky", "strike -union -war"]
    compared = 0
    for text in texts:
        q = gen.builder.build(text, s.reader()).match
        if not isinstance(q, wq.AndNot):
            continue
        ids, scores = Scorer(s, gen.lengths).score(q)
        positive = dict(s.search(q.a, limit=None).items())
        removed = set(s.search(q.b, limit=None).docs())
        expected = {d: sc for d, sc in positive.items() if d not in removed}
        assert dict(zip(ids.tolist(), scores.tolist())) == pytest.approx(expected, rel=1e-9), text
        compared += bool(expected) and bool(removed & set(positive))
    assert compared >= 5


def test_and_not_is_scored_as_whoosh_scores_it(generation):
    """"a AND NOT b", "a b NOT c": Whoosh's intersection with an InverseMatcher, which adds
    a constant 1.0 per NOT to each match's score."""
    gen = generation
    s = gen.searcher()
    rng = random.Random(7)
    common = sorted((w for w, n in gen.vocab.df.items() if w.isalpha() and len(w) > 3),
                    key=lambda w: -gen.vocab.df[w])[:30]
    texts = [f"{a} AND NOT {b}" for a, b in zip(*(rng.sample(common, 6) for _ in range(2)))]
    texts += [f"{a} {b} NOT {c}" for a, b, c in zip(*(rng.sample(common, 4) for _ in range(3)))]
    texts += [f"NOT {a} {b} NOT {c}" for a, b, c in zip(*(rng.sample(common, 3) for _ in range(3)))]
    compared = 0
    for text in texts:
        q = gen.builder.build(text, s.reader()).match
        if not (isinstance(q, wq.And) and any(isinstance(c, wq.Not) for c in q.subqueries)):
            continue
        ids, scores = Scorer(s, gen.lengths).score(q)
        theirs = dict(s.search(q, limit=None).items())
        assert dict(zip(ids.tolist(), scores.tolist())) == pytest.approx(theirs, rel=1e-9), text
        compared += bool(theirs)
    assert compared >= 8


def test_unknown_query_shapes_are_left_to_whoosh(generation):
    s = generation.searcher()
    with pytest.raises(Unsupported):
        Scorer(s, generation.lengths).score(wq.Wildcard("text", "stri*"))
    with pytest.raises(Unsupported):
        Scorer(s, generation.lengths).score(wq.Or([wq.Term("text", "strike")], minmatch=2))


def test_field_lengths_are_whooshs(generation):
    reader = generation.searcher().reader()
    lengths = FieldLengths(reader, ["text", "title"])
    for field in ("text", "title"):
        expected = [reader.doc_field_length(d, field) or 0 for d in range(reader.doc_count_all())]
        assert lengths.arrays[field].tolist() == expected
        assert np.count_nonzero(lengths.arrays[field]) > 100


def test_top_breaks_ties_by_lower_docnum():
    ids = np.array([1, 2, 3, 4, 5])
    scores = np.array([1.0, 2.0, 2.0, 0.5, 2.0])
    assert top(ids, scores, 2) == [(2, 2.0), (3, 2.0)]
    assert top(ids, scores, 10)[-1] == (4, 0.5)


def test_match_sets_and_narrowed_reads_agree_with_whoosh(generation):
    """query_ids (with and without ``only``) and the scorer under ``only`` keep exactly Whoosh's
    matches among the documents asked for, although they skip blocks of postings."""
    from indexer.engine.matchset import query_ids

    gen = generation
    s = gen.searcher()
    rng = np.random.default_rng(5)
    n = s.reader().doc_count_all()
    checked = 0
    for text in _queries(gen):
        pq = gen.builder.build(text, s.reader())
        if pq.match is None:
            continue
        expected = set(s.search(pq.match, limit=None).docs())
        assert set(query_ids(pq.match, s).tolist()) == expected, text
        only = np.sort(rng.choice(n, size=n // 7, replace=False)).astype(np.int32)
        wanted = set(only.tolist())
        assert set(query_ids(pq.match, s, only=only).tolist()) & wanted == expected & wanted, text
        try:
            full = dict(zip(*(a.tolist() for a in Scorer(s, gen.lengths).score(pq.rank))))
            narrowed = dict(zip(*(a.tolist() for a in Scorer(s, gen.lengths).score(pq.rank, only))))
        except Unsupported:
            continue
        assert {d: narrowed[d] for d in narrowed if d in wanted} == \
            {d: full[d] for d in full if d in wanted}, text
        checked += 1
    assert checked >= 50


def test_one_read_for_matches_and_scores_gives_the_same_responses(generation, monkeypatch):
    """Plain relevance queries take their match set from the scorer; the response must be the
    one the separate match-set path gives."""
    from searchsvc import search as S
    from searchsvc.sized_cache import SizedLRU
    from searchsvc.settings import Settings

    gen = generation
    settings = Settings.from_env({"ARCHIVE_CACHE_SIZE": "0"})
    texts = _queries(gen)
    used = 0

    def run(text: str, combined: bool) -> dict:
        gen.matches = SizedLRU(0, 0)
        monkeypatch.setattr(S.Execution, "_scores_give_matches",
                            original if combined else (lambda self, pq: False))
        req = S.parse_request([("q", text), ("size", "20"), ("group", "paragraph")], settings,
                              gen.persons)
        body = S.search(gen, req, settings)
        return {k: body[k] for k in ("total", "hits", "facets", "suggestion")}

    original = S.Execution._scores_give_matches
    from indexer.engine.postings import PostingsCache

    reuse = PostingsCache.get
    for text in texts:
        pq = gen.builder.build(text, gen.searcher().reader())
        ex = S.Execution(gen, S.parse_request([("q", text), ("group", "paragraph")], settings,
                                              gen.persons), settings)
        used += bool(pq.rank is not None and original(ex, pq))
        combined = run(text, True)
        assert combined == run(text, False), text
        # And the same again when nothing decoded earlier in the request is reused.
        monkeypatch.setattr(PostingsCache, "get", lambda self, field, text, only=None, positions=True:
                            reuse(PostingsCache(self.reader, self.deadline), field, text, only, positions))
        assert combined == run(text, False) == run(text, True), text
        monkeypatch.setattr(PostingsCache, "get", reuse)
    assert used >= 40
