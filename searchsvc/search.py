"""Run a search request against a generation: the match set, filters and the page shown.

Work is split so that cost follows what is shown, not what matches:

* the full match set comes from :mod:`indexer.engine.matchset` as a numpy array
  (cached per generation), filters are numpy masks, totals and facet counts
  are numpy operations over it;
* only the top ``page * size`` paragraphs are scored by Whoosh (BM25F);
* stored fields are loaded and snippets highlighted only for the hits shown
  (:mod:`searchsvc.results`).

A request is parsed by :mod:`searchsvc.search_request`; its names are exported
here too, so that ``parse_request`` then ``search`` is the whole of a search.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.collectors import TimeLimit, TimeLimitCollector
from whoosh.idsets import DocIdSet

from indexer.engine import deadline
from indexer.engine.deadline import QueryTimeout
from indexer.engine.docsets import distinct
from indexer.engine.matchset import query_ids
from indexer.engine.postings import PostingsCache
from indexer.engine.scoring import Scorer, Unsupported, top
from indexer.schema import from_stored
from searchsvc.compounds import query_words
from searchsvc.docrank import DocRanking, close_forms, rank_documents
from searchsvc.errors import Unavailable
from searchsvc.facets import FACET_FIELDS, combine, multiselect_counts
from searchsvc.index_state import LoadedIndex
from searchsvc.query import ParsedQuery, positive_terms
from searchsvc.results import document_links, echo, facet_values, paragraph_hit
from searchsvc.search_request import SEARCH_PARAMS, SearchRequest, parse_request
from searchsvc.settings import Settings

Page = list[tuple[int, float | None]]  # (docnum, score) of each hit shown


class MaskSet(DocIdSet):
    """A numpy boolean mask seen by Whoosh's FilterCollector as a set of docnums."""

    def __init__(self, mask: np.ndarray) -> None:
        self.mask = mask

    def __contains__(self, docnum: object) -> bool:
        return bool(self.mask[docnum])  # type: ignore[index]

    def __len__(self) -> int:
        return int(self.mask.sum())

    def __bool__(self) -> bool:
        return True

    def __iter__(self):
        return iter(np.flatnonzero(self.mask).tolist())


@dataclass(frozen=True)
class Found:
    """What a request matched: the query as run, the document ranking (plain words
    grouped by document), the matching paragraphs, and whether some lack a word."""

    pq: ParsedQuery
    ranking: DocRanking | None
    ids: np.ndarray
    partial: bool


@contextlib.contextmanager
def in_time() -> Iterator[None]:
    """A search that runs out of time ends as a 503 asking for a narrower one."""
    try:
        yield
    except QueryTimeout:
        raise Unavailable("the search took too long; add words or filters") from None


class Execution:
    """One search against one generation; ``run()`` returns the response body."""

    def __init__(self, gen: LoadedIndex, req: SearchRequest, settings: Settings) -> None:
        self.gen = gen
        self.req = req
        self.settings = settings
        # The request's deadline (set when it arrived) when there is one, else our own.
        self.deadline = min(time.monotonic() + settings.time_limit, deadline.current())
        self.searcher = gen.searcher()
        # (docnums, scores) of every match, when the match set came from scoring.
        self._all_scores: tuple[np.ndarray, np.ndarray] | None = None
        self.postings = PostingsCache(self.searcher.reader(), self.deadline)

    # -- match set and filters ---------------------------------------------------------
    def parsed(self) -> ParsedQuery:
        return self.gen.builder.build(self.req.q, self.searcher.reader())

    def match_ids(self, pq: ParsedQuery, filtered: bool = False) -> np.ndarray:
        """Every match of the query, before filters. With ``filtered`` only the
        filtered matches will be scored, so the match set is read without scores."""
        key = repr(pq.match)
        ids = self.gen.matches.get(key)
        if ids is not None:
            return ids
        if not filtered and self._scores_give_matches(pq):
            ids = self._matches_from_scores(pq)
        if ids is None:
            with in_time():
                ids = query_ids(pq.match, self.searcher, self.deadline, cache=self.postings)
        self.gen.matches.put(key, ids)
        return ids

    def _matches_from_scores(self, pq: ParsedQuery) -> np.ndarray | None:
        """Relevance order needs every match's score anyway: one read of the postings
        gives both the match set and the scores (kept for the page). None when the
        scorer does not know the query's shape."""
        try:
            with in_time():
                self._all_scores = Scorer(self.searcher, self.gen.lengths, self.deadline,
                                          self.postings).score(pq.rank)
        except Unsupported:
            return None
        return self._all_scores[0].astype(np.int32)

    def masks(self) -> dict[str, np.ndarray]:
        """Active filters as docnum masks, keyed by facet name (the range: "year_range")."""
        n = self.gen.columns.n_docs
        out = self._value_masks(n)
        if self.gen.articles is not None:
            out["listing"] = self.gen.articles  # contents and index pages are not results
        out.update(self._range_masks(n))
        return out

    def _value_masks(self, n: int) -> dict[str, np.ndarray]:
        """A mask per filter: the paragraphs with any of its values."""
        facets, out = self.gen.facets, {}
        for name, values in self.req.filter_values().items():
            if values:
                idx = [facets[name].index_of(v) for v in values]
                out[name] = facets[name].mask((i for i in idx if i is not None), n)
        return out

    def _range_masks(self, n: int) -> dict[str, np.ndarray]:
        """A mask per year range: the paragraphs with a value inside it (ends included)."""
        out = {}
        for name, lo, hi in (("year", self.req.year_from, self.req.year_to),
                             ("published", self.req.published_from, self.req.published_to)):
            if lo is None and hi is None:
                continue
            f = self.gen.facets[name]
            lo, hi = lo if lo is not None else 0, hi if hi is not None else 9999
            idx = [i for i, v in enumerate(f.values) if v.isdigit() and lo <= int(v) <= hi]
            out[f"{name}_range"] = f.mask(idx, n)
        return out

    def matches_without(self, own: str) -> tuple[np.ndarray, np.ndarray | None]:
        """The matches under every filter except ``own`` (as a facet counts its own
        values), and the document of each paragraph when results are documents."""
        ids = self.matches(self.parsed(), None).ids
        masks = self.masks()
        masks.pop(own, None)
        mask = combine(list(masks.values()))
        subset = ids if mask is None else ids[mask[ids]]
        return subset, self.gen.columns.doc_ord if self.req.group == "document" else None

    def doc_ranking(self, pq: ParsedQuery) -> DocRanking:
        """Documents for a plain query, matched and scored as wholes (see docrank.py)."""
        words = query_words(pq.text, self.gen.vocab.frequency)
        key = ("documents", tuple(words), self.req.match)
        ranking = self.gen.matches.get(key)
        if ranking is None:
            single = [w.label for w in words if len(w.forms) == 1 and len(w.tokens) == 1]
            with in_time():
                ranking = rank_documents(self.gen, self.searcher, words,
                                         close_forms(self.gen.vocab, single), self.deadline,
                                         self.req.match)
            self.gen.matches.put(key, ranking)
        return ranking

    def matches(self, pq: ParsedQuery, mask: np.ndarray | None) -> Found:
        """Every paragraph that carries a match, however the request matches: per
        document for plain words grouped by document, else per paragraph, loosened
        for ``match=any`` or when ``match=most`` finds nothing."""
        if self.req.group == "document" and pq.plain and pq.text:
            ranking = self.doc_ranking(pq)
            return Found(pq, ranking, ranking.paragraphs, not ranking.complete)
        ids = self.match_ids(pq, filtered=mask is not None)
        if self.req.group == "document" and pq.title_phrase is not None:
            ids = self.with_titled_documents(ids, pq.title_phrase)
        final = ids if mask is None else ids[mask[ids]]
        loose = self.loosened(pq, final)
        if loose is None:
            return Found(pq, None, ids, False)
        return Found(loose, None, self.match_ids(loose, filtered=mask is not None), True)

    def with_titled_documents(self, ids: np.ndarray, title_phrase) -> np.ndarray:
        """``ids`` and the first paragraph of each document whose title alone holds the
        quoted phrase (its paragraphs do not match it, but the document does)."""
        with in_time():
            titled = query_ids(title_phrase, self.searcher, self.deadline, cache=self.postings)
        if not titled.size:
            return ids
        cols = self.gen.columns
        firsts = cols.first_per_document(titled.astype(np.int32), "reading")
        firsts = firsts[~np.isin(cols.doc_ord[firsts], cols.doc_ord[ids])]  # title alone
        return np.union1d(ids, firsts).astype(ids.dtype)

    def loosened(self, pq: ParsedQuery, final: np.ndarray) -> ParsedQuery | None:
        """Paragraph matching for ``match=any``, and for ``match=most`` when no paragraph
        holds every word: any of the words, more of them ranking higher (BM25 sums them)."""
        if self.req.match == "all" or not pq.plain or not isinstance(pq.match, wq.And):
            return None
        if self.req.match == "most" and final.size:
            return None
        either = wq.Or(pq.match.subqueries)
        return dataclasses.replace(pq, match=either, rank=either)

    # -- ordering ------------------------------------------------------------------------
    def _scores_give_matches(self, pq: ParsedQuery) -> bool:
        """True when scoring ``pq.rank`` yields exactly the match set (rank is the match,
        or the match with an optional phrase bonus) and this request ranks by score."""
        if self.req.sort != "relevance" or self.req.group != "paragraph" or not self._has_scores(pq):
            return False
        if _has_phrase(pq.match):
            return False  # phrases have their own, narrower path
        rank = pq.rank
        return rank is pq.match or (isinstance(rank, wq.AndMaybe) and rank.a is pq.match)

    def _scored(self, pq: ParsedQuery, mask: np.ndarray | None, limit: int,
                final: np.ndarray | None = None) -> Page:
        """The ``limit`` best-scored matches inside ``mask``."""
        if self._all_scores is not None:
            return _top_within(*self._all_scores, mask, limit)
        rank = pq.rank
        if final is not None and _has_phrase(pq.match):
            # The match set already verified the phrases; scoring their words with a
            # plain AND (restricted to that set) avoids Whoosh checking positions twice.
            rank = _phrases_as_and(rank)
            mask = np.zeros(self.gen.columns.n_docs, dtype=bool)
            mask[final] = True
        try:
            with in_time():
                ids, scores = Scorer(self.searcher, self.gen.lengths, self.deadline,
                                     self.postings).score(rank, _candidates(mask, final))
        except Unsupported:
            return self._scored_by_whoosh(rank, mask, limit)
        return _top_within(ids, scores, mask, limit)

    def _scored_by_whoosh(self, rank: wq.Query, mask: np.ndarray | None, limit: int) -> Page:
        """A query shape the numpy scorer does not know: Whoosh's collector scores it,
        its posting reads checking the deadline (see deadline.py) and its time-limit
        wrapper checking it between matches: common words align their posting blocks, so
        a disjunction of many scores a whole block of paragraphs between block reads."""
        with in_time(), deadline.until(self.deadline):
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise QueryTimeout()
            collector = TimeLimitCollector(
                self.searcher.collector(limit=limit,
                                        filter=MaskSet(mask) if mask is not None else None),
                remaining, use_alarm=False)  # a signal reaches only the main thread
            try:
                self.searcher.search_with_collector(rank, collector)
            except TimeLimit:
                raise QueryTimeout() from None
            finally:
                if collector.timer is not None:
                    collector.timer.cancel()
        return [(docnum, score) for score, docnum in collector.results().top_n]

    def _has_scores(self, pq: ParsedQuery) -> bool:
        return pq.rank is not None and any(True for _ in positive_terms(pq.rank))

    def paragraph_page(self, pq, final, mask) -> Page:
        start, end = self.req.ranks()
        if self.req.sort == "relevance" and self._has_scores(pq):
            return self._scored(pq, mask, end, final)[start:end]
        order = "reading" if self.req.sort == "relevance" else self.req.sort
        return [(int(d), None) for d in self.gen.columns.top(final, order, end)[start:end]]

    def document_page(self, pq, final, mask) -> Page:
        """Best paragraph of each document on this page, documents ranked by it."""
        start, end = self.req.ranks()
        doc_ord = self.gen.columns.doc_ord
        if self.req.sort == "relevance" and self._has_scores(pq):
            limit = max(end * 4, 50)
            while True:
                scored = self._scored(pq, mask, limit, final)
                seen: dict[int, tuple[int, float]] = {}
                for docnum, score in scored:
                    seen.setdefault(int(doc_ord[docnum]), (docnum, score))
                # Results are in score order, so each document's first paragraph is its
                # best, and once `end` documents are seen they are exactly the top ones.
                if len(seen) >= end or len(scored) < limit:
                    return list(seen.values())[start:end]
                limit *= 4
        order = "reading" if self.req.sort == "relevance" else self.req.sort
        firsts = self.gen.columns.first_per_document(final, order)
        return [(int(d), None) for d in firsts[start:end]]

    def ranked_documents(self, ranking: DocRanking, final: np.ndarray) -> Page:
        """This page of documents in score order, each shown by its best paragraph."""
        start, end = self.req.ranks()
        doc_ord = self.gen.columns.doc_ord
        alive = np.isin(ranking.docs, doc_ord[final])  # filters may have removed some
        docs, scores = ranking.docs[alive][start:end], ranking.scores[alive][start:end]
        best = ranking.best_paragraphs(final[np.isin(doc_ord[final], docs)], doc_ord)
        return [(best[int(o)], float(s)) for o, s in zip(docs.tolist(), scores.tolist())]

    def page(self, found: Found, final: np.ndarray, mask: np.ndarray | None) -> tuple[int, Page]:
        """How many results there are (paragraphs, or documents), and this page of them."""
        if self.req.group != "document":
            return int(final.size), self.paragraph_page(found.pq, final, mask)
        doc_ord = self.gen.columns.doc_ord
        total = int(distinct(doc_ord[final]).size) if final.size else 0
        if found.ranking is not None and self.req.sort == "relevance":
            return total, self.ranked_documents(found.ranking, final)
        return total, self.document_page(found.pq, final, mask)

    # -- output --------------------------------------------------------------------------
    def hit(self, docnum: int, score: float | None, found: Found,
            final: np.ndarray) -> dict[str, Any]:
        """One result; grouped by document, with the words its document lacks and
        links to its other matching paragraphs."""
        p = from_stored(self.searcher.stored_fields(docnum))
        h = paragraph_hit(p, score, found.pq.terms, self.gen.persons, self.req.q)
        h["missing"] = found.ranking.missing(int(self.gen.columns.doc_ord[docnum])) \
            if found.ranking is not None else []
        if self.req.group == "document":
            h["matches"], h["paragraphs"] = document_links(self.searcher, self.gen.columns,
                                                           docnum, final, self.req.q)
        return h

    def run(self) -> dict[str, Any]:
        pq = self.parsed()
        masks = self.masks()
        mask = combine(list(masks.values()))
        found = self.matches(pq, mask)
        final = found.ids if mask is None else found.ids[mask[found.ids]]
        total, page = self.page(found, final, mask)
        hits = [self.hit(docnum, score, found, final) for docnum, score in page]
        doc_ord = self.gen.columns.doc_ord if self.req.group == "document" else None
        counts = multiselect_counts(self.gen.facets, found.ids, masks, doc_ord)
        return {
            "ok": True,
            "query": echo(self.req, self.gen.persons),
            "total": total,
            "page": self.req.page,
            "size": self.req.size,
            "pages": max(1, -(-min(total, self.settings.max_depth) // self.req.size)),
            "partial": bool(found.partial and total),
            "hits": hits,
            "facets": facet_values(self.gen.facets, counts, self.req, self.gen.persons,
                                   self.settings.facet_size),
            "suggestion": found.pq.suggestion,
            "expanded": list(found.pq.expanded),
            "generation": self.gen.name,
        }


def _candidates(mask: np.ndarray | None, final: np.ndarray | None) -> np.ndarray | None:
    """The docnums worth scoring: the filtered matches when known (all that can be
    shown), else every docnum the filters let through; None: no filter."""
    if mask is None:
        return None
    if final is not None:
        return final.astype(np.int32)
    return np.flatnonzero(mask).astype(np.int32)


def _top_within(ids: np.ndarray, scores: np.ndarray, mask: np.ndarray | None,
                limit: int) -> Page:
    if mask is not None:
        keep = mask[ids]
        ids, scores = ids[keep], scores[keep]
    return top(ids, scores, limit)


def _has_phrase(q) -> bool:
    if q is None:
        return False
    if isinstance(q, wq.Phrase):
        return True
    return not q.is_leaf() and any(_has_phrase(c) for c in q.children())


def _phrases_as_and(q):
    """Phrases replaced by an AND of their words (for scoring only).

    >>> _phrases_as_and(wq.Phrase("text", ["tear", "down"]))
    And([Term('text', 'tear'), Term('text', 'down')])
    """
    if isinstance(q, wq.Phrase):
        return wq.And([wq.Term(q.fieldname, w) for w in q.words], boost=q.boost)
    if q is None or q.is_leaf():
        return q
    return q.apply(_phrases_as_and)


def search(gen: LoadedIndex, req: SearchRequest, settings: Settings) -> dict[str, Any]:
    """The response body for ``req``, from the generation's cache when possible."""
    key = ("search", req.key())
    cached = gen.responses.get(key)
    if cached is not None:
        return cached
    body = Execution(gen, req, settings).run()
    gen.responses.put(key, body)
    return body


def person_values(gen: LoadedIndex, req: SearchRequest, settings: Settings, prefix: str,
                  limit: int) -> dict[str, Any]:
    """People whose name starts with ``prefix`` and their counts under the current query
    (every filter except person's own, as in the sidebar)."""
    subset, doc_ord = Execution(gen, req, settings).matches_without("person")
    facet = gen.facets["person"]
    counts = facet.count(subset, doc_ord)
    persons = gen.persons
    rows = [(facet.values[i], int(counts[i])) for i in np.flatnonzero(counts).tolist()
            if persons.matches_prefix(facet.values[i], prefix)]
    rows.sort(key=lambda r: (-r[1], persons.sort_key(r[0])))
    selected = set(req.person)
    return {
        "ok": True,
        "prefix": prefix,
        "total": len(rows),
        "values": [{"value": persons.name(v), "label": persons.name(v), "id": v, "count": n,
                    "selected": v in selected} for v, n in rows[:limit]],
    }


__all__ = ["FACET_FIELDS", "SearchRequest", "parse_request", "search", "person_values",
           "SEARCH_PARAMS"]
