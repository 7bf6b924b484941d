"""Parse a search request, run it against a generation, and build the response.

Work is split so that cost follows what is shown, not what matches:

* the full match set comes from :mod:`indexer.engine.matchset` as a numpy array
  (cached per generation), filters are numpy masks, totals and facet counts
  are numpy operations over it;
* only the top ``page * size`` paragraphs are scored by Whoosh (BM25F);
* stored fields are loaded and snippets highlighted only for the hits shown.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import quote, urlencode

import numpy as np
from whoosh import query as wq
from whoosh.idsets import DocIdSet

from indexer.engine import deadline
from indexer.engine.highlight import highlight, snippet, spans
from indexer.engine.matchset import PostingsCache, QueryTimeout, distinct, query_ids
from indexer.engine.scoring import Scorer, Unsupported, top
from indexer.schema import from_stored
from searchsvc.compounds import query_words
from searchsvc.docrank import MATCH_MODES, DocRanking, close_forms, rank_documents
from searchsvc.errors import BadRequest, Unavailable
from searchsvc.facets import FACET_FIELDS, combine, multiselect_counts
from searchsvc.index_state import LoadedIndex
from searchsvc.links import link_query
from searchsvc.params import whole_number
from searchsvc.query import ParsedQuery, _positive_terms
from searchsvc.settings import Settings

SORTS = ("relevance", "date_asc", "date_desc")
GROUPS = ("paragraph", "document")
FILTERS = ("person", "year", "decade", "published")
SEARCH_PARAMS = ("q", *FILTERS, "year_from", "year_to", "published_from", "published_to",
                 "page", "size", "sort", "group", "match")
LINKS_PER_DOCUMENT = 20  # matching paragraphs linked from one grouped result


@dataclass(frozen=True)
class SearchRequest:
    """A validated request; person holds ids, the echo shows canonical names.

    >>> SearchRequest(q="exile").key()[0]
    'exile'
    """

    q: str = ""
    person: tuple[str, ...] = ()
    year: tuple[int, ...] = ()
    decade: tuple[int, ...] = ()
    published: tuple[int, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    published_from: int | None = None
    published_to: int | None = None
    page: int = 1
    size: int = 10
    sort: str = "relevance"
    # A visitor looks for documents: words anywhere in one document, its best passages
    # shown; the paragraph list is one parameter away.
    group: str = "document"
    match: str = "most"

    def key(self) -> tuple:
        """Normalised: filter order and duplicates don't make a new cache entry."""
        d = asdict(self)
        for f in FILTERS:
            d[f] = tuple(sorted(set(d[f])))
        return tuple(d.values())

    @property
    def filter_count(self) -> int:
        return sum(len(getattr(self, f)) for f in FILTERS)


def _int(name: str, raw: str, errors: list, lo: int | None = None, hi: int | None = None,
         hint: str = "") -> int | None:
    """Parse one integer parameter, recording a helpful error instead of raising."""
    value = whole_number(raw)
    if value is None:
        errors.append((name, f"must be a whole number (digits 0-9), not {raw[:40]!r}"))
        return None
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        bounds = f"between {lo} and {hi}" if hi is not None else f"at least {lo}"
        errors.append((name, f"must be {bounds}{hint}, not {value}"))
        return None
    return value


def _range(name: str, single: dict[str, str], errors: list) -> tuple[int | None, int | None]:
    """``<name>_from`` and ``<name>_to``: years, either may be left open."""
    lo_name, hi_name = f"{name}_from", f"{name}_to"
    lo = _int(lo_name, single[lo_name], errors, 0, 9999) if single.get(lo_name, "").strip() else None
    hi = _int(hi_name, single[hi_name], errors, 0, 9999) if single.get(hi_name, "").strip() else None
    if lo is not None and hi is not None and lo > hi:
        errors.append((hi_name, f"must not be before {lo_name} ({lo})"))
    return lo, hi


def parse_request(params: Sequence[tuple[str, str]], settings: Settings, persons,
                  extra: Iterable[str] = (), strict: bool = True) -> SearchRequest:
    """Validate query parameters (a multi-dict's items) into a SearchRequest.

    Every problem is collected, then reported together as one 400.
    """
    errors: list[tuple[str | None, str]] = []
    allowed = set(SEARCH_PARAMS) | set(extra)
    single: dict[str, str] = {}
    multi: dict[str, list[str]] = {f: [] for f in FILTERS}
    for name, value in params:
        if name in multi:
            if value.strip():
                multi[name].append(value.strip())
        elif name in allowed:
            if name in single and name in SEARCH_PARAMS:
                errors.append((name, "may be given only once"))
            single[name] = value
        elif strict:
            errors.append((name, "unknown parameter; valid: " + ", ".join(sorted(allowed))))
    q = single.get("q", "")
    if len(q) > settings.max_query_length:
        errors.append(("q", f"is {len(q)} characters long; at most "
                       f"{settings.max_query_length} are allowed"))
    if "\0" in q:
        errors.append(("q", "must not contain NUL characters"))
    person_ids = []
    for raw in multi["person"]:
        pid = persons.resolve(raw)
        if pid is None:
            errors.append(("person", f"unknown person {raw[:60]!r}: use a name or id "
                           "listed by /api/facets/person"))
        else:
            person_ids.append(pid)
    years = [_int("year", v, errors, 0, 9999) for v in multi["year"]]
    decades = [_int("decade", v, errors, 0, 9990) for v in multi["decade"]]
    for d in decades:
        if d is not None and d % 10:
            errors.append(("decade", f"must be a multiple of 10 such as 1930, not {d}"))
    published = [_int("published", v, errors, 0, 9999, " (a publication year)")
                 for v in multi["published"]]
    year_from, year_to = _range("year", single, errors)
    published_from, published_to = _range("published", single, errors)
    page = _int("page", single.get("page", "1") or "1", errors, 1) or 1
    size = _int("size", single.get("size", str(settings.default_page_size))
                or str(settings.default_page_size), errors, 1, settings.max_page_size)
    size = size or settings.default_page_size
    if page * size > settings.max_depth:
        errors.append(("page", f"page × size may be at most {settings.max_depth}; "
                       "narrow the search with filters instead"))
    sort = single.get("sort", "relevance") or "relevance"
    if sort not in SORTS:
        errors.append(("sort", f"unknown sort {sort[:40]!r}; valid: {', '.join(SORTS)}"))
    group = single.get("group", "document") or "document"
    if group not in GROUPS:
        errors.append(("group", f"unknown grouping {group[:40]!r}; valid: {', '.join(GROUPS)}"))
    match = single.get("match", "most") or "most"
    if match not in MATCH_MODES:
        errors.append(("match", f"unknown match {match[:40]!r}; valid: {', '.join(MATCH_MODES)}"))
    n_filters = sum(len(v) for v in multi.values())
    if n_filters > settings.max_filters:
        errors.append((None, f"{n_filters} filter values given; at most "
                       f"{settings.max_filters} are allowed"))
    if errors:
        raise BadRequest(errors)
    return SearchRequest(
        q=" ".join(q.split()),
        person=tuple(dict.fromkeys(person_ids)),
        year=tuple(dict.fromkeys(y for y in years if y is not None)),
        decade=tuple(dict.fromkeys(d for d in decades if d is not None)),
        published=tuple(dict.fromkeys(p for p in published if p is not None)),
        year_from=year_from, year_to=year_to, published_from=published_from,
        published_to=published_to, page=page, size=size, sort=sort, group=group, match=match,
    )


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
        if ids is None and not filtered and self._scores_give_matches(pq):
            # Relevance order needs every match's score anyway: one read of the
            # postings gives both the match set and the scores.
            try:
                self._all_scores = Scorer(self.searcher, self.gen.lengths, self.deadline,
                                          self.postings).score(pq.rank)
            except Unsupported:
                pass
            except QueryTimeout:
                raise Unavailable("the search took too long; add words or filters") from None
            else:
                ids = self._all_scores[0].astype(np.int32)
                self.gen.matches.put(key, ids)
                return ids
        if ids is None:
            try:
                ids = query_ids(pq.match, self.searcher, self.deadline, cache=self.postings)
            except QueryTimeout:
                raise Unavailable("the search took too long; add words or filters") from None
            self.gen.matches.put(key, ids)
        return ids

    def masks(self) -> dict[str, np.ndarray]:
        """Active filters as docnum masks, keyed by facet name (the range: "year_range")."""
        n = self.gen.columns.n_docs
        facets, out = self.gen.facets, {}
        wanted = {"person": list(self.req.person), "year": [str(y) for y in self.req.year],
                  "decade": [str(d) for d in self.req.decade],
                  "published": [str(p) for p in self.req.published]}
        for name, values in wanted.items():
            if values:
                idx = [facets[name].index_of(v) for v in values]
                out[name] = facets[name].mask((i for i in idx if i is not None), n)
        if self.gen.articles is not None:
            out["listing"] = self.gen.articles  # contents and index pages are not results
        for name, lo, hi in (("year", self.req.year_from, self.req.year_to),
                             ("published", self.req.published_from, self.req.published_to)):
            if lo is not None or hi is not None:
                f = facets[name]
                lo, hi = lo if lo is not None else 0, hi if hi is not None else 9999
                idx = [i for i, v in enumerate(f.values) if v.isdigit() and lo <= int(v) <= hi]
                out[f"{name}_range"] = f.mask(idx, n)
        return out

    def doc_ranking(self, pq: ParsedQuery) -> DocRanking:
        """Documents for a plain query, matched and scored as wholes (see docrank.py)."""
        words = query_words(pq.text, self.gen.vocab.frequency)
        key = ("documents", tuple(words), self.req.match)
        ranking = self.gen.matches.get(key)
        if ranking is None:
            single = [w.label for w in words if len(w.forms) == 1 and len(w.tokens) == 1]
            try:
                ranking = rank_documents(self.gen, self.searcher, words,
                                         close_forms(self.gen.vocab, single), self.deadline,
                                         self.req.match)
            except QueryTimeout:
                raise Unavailable("the search took too long; add words or filters") from None
            self.gen.matches.put(key, ranking)
        return ranking

    def ranked_documents(self, ranking: DocRanking, final: np.ndarray
                         ) -> list[tuple[int, float | None]]:
        """This page of documents in score order, each shown by its best paragraph."""
        start, end = (self.req.page - 1) * self.req.size, self.req.page * self.req.size
        doc_ord = self.gen.columns.doc_ord
        alive = np.isin(ranking.docs, doc_ord[final])  # filters may have removed some
        docs, scores = ranking.docs[alive][start:end], ranking.scores[alive][start:end]
        best = ranking.best_paragraphs(final[np.isin(doc_ord[final], docs)], doc_ord)
        return [(best[int(o)], float(s)) for o, s in zip(docs.tolist(), scores.tolist())]

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
        try:
            titled = query_ids(title_phrase, self.searcher, self.deadline, cache=self.postings)
        except QueryTimeout:
            raise Unavailable("the search took too long; add words or filters") from None
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
                final: np.ndarray | None = None):
        if self._all_scores is not None:
            ids, scores = self._all_scores
            if mask is not None:
                keep = mask[ids]
                ids, scores = ids[keep], scores[keep]
            return top(ids, scores, limit)
        rank = pq.rank
        if final is not None and _has_phrase(pq.match):
            # The match set already verified the phrases; scoring their words with a
            # plain AND (restricted to that set) avoids Whoosh checking positions twice.
            rank = _phrases_as_and(rank)
            mask = np.zeros(self.gen.columns.n_docs, dtype=bool)
            mask[final] = True
        if mask is None:
            only = None
        elif final is not None:
            only = final.astype(np.int32)  # the filtered matches: all that can be shown
        else:
            only = np.flatnonzero(mask).astype(np.int32)
        try:
            ids, scores = Scorer(self.searcher, self.gen.lengths, self.deadline, self.postings).score(
                rank, only)
        except Unsupported:
            # A query shape the numpy scorer does not know: Whoosh's collector scores it,
            # its posting reads checking the deadline (see deadline.py).
            try:
                with deadline.until(self.deadline):
                    results = self.searcher.search(rank, limit=limit,
                                                   filter=MaskSet(mask) if mask is not None else None)
            except QueryTimeout:
                raise Unavailable("the search took too long; add words or filters") from None
            return [(docnum, score) for score, docnum in results.top_n]
        except QueryTimeout:
            raise Unavailable("the search took too long; add words or filters") from None
        if mask is not None:
            keep = mask[ids]
            ids, scores = ids[keep], scores[keep]
        return top(ids, scores, limit)

    def _has_scores(self, pq: ParsedQuery) -> bool:
        return pq.rank is not None and any(True for _ in _positive_terms(pq.rank))

    def paragraph_page(self, pq, final, mask) -> list[tuple[int, float | None]]:
        start, end = (self.req.page - 1) * self.req.size, self.req.page * self.req.size
        if self.req.sort == "relevance" and self._has_scores(pq):
            return self._scored(pq, mask, end, final)[start:end]
        order = "reading" if self.req.sort == "relevance" else self.req.sort
        return [(int(d), None) for d in self.gen.columns.top(final, order, end)[start:end]]

    def document_page(self, pq, final, mask) -> list[tuple[int, float | None]]:
        """Best paragraph of each document on this page, documents ranked by it."""
        start, end = (self.req.page - 1) * self.req.size, self.req.page * self.req.size
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

    # -- output --------------------------------------------------------------------------
    def hit(self, docnum: int, score: float | None, pq: ParsedQuery) -> dict[str, Any]:
        p = from_stored(self.searcher.stored_fields(docnum))
        persons = self.gen.persons
        anchor = p.id.rsplit("#", 1)[1] if "#" in p.id else f"p{p.position}"
        return {
            "id": p.id,
            "doc_id": p.doc_id,
            "title": p.title,
            "section": p.section,
            "position": p.position,
            "snippet": hit_snippet(p, pq.terms),
            "years": list(p.years),
            "decades": list(p.decades),
            "persons": [persons.name(r.id, r.name) for r in p.persons],
            "person_ids": [r.id for r in p.persons],
            "author": p.author,
            "published": p.published,
            "published_source": p.published_source,
            "url": doc_url(p.doc_id, anchor, self.req.q),
            "score": None if score is None else round(float(score), 4),
        }

    def document_links(self, docnum: int, final: np.ndarray) -> tuple[int, list[dict]]:
        cols = self.gen.columns
        same = final[cols.doc_ord[final] == cols.doc_ord[docnum]]
        same = same[np.argsort(cols.position[same], kind="stable")]
        links = []
        for d in same[:LINKS_PER_DOCUMENT]:
            stored = self.searcher.stored_fields(int(d))
            pid = stored.get("id", "")
            anchor = pid.rsplit("#", 1)[1] if "#" in pid else f"p{stored.get('position', 0)}"
            links.append({"id": pid, "position": int(stored.get("position", 0)),
                          "url": doc_url(stored.get("doc_id", ""), anchor, self.req.q)})
        return int(len(same)), links

    def facet_values(self, counts: dict[str, np.ndarray]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        persons = self.gen.persons
        selected = {"person": set(self.req.person), "year": {str(y) for y in self.req.year},
                    "decade": {str(d) for d in self.req.decade},
                    "published": {str(p) for p in self.req.published}}
        for name, facet in self.gen.facets.items():
            c = counts[name]
            if name != "person":
                out[name] = self._ordered_values(name, facet, c, selected[name])
                continue
            nonzero = np.flatnonzero(c)
            if len(nonzero) > self.settings.facet_size:
                # Only the persons that can make the list are sorted by name: those
                # counted at least as often as the facet_size-th (ties kept whole).
                # Selected persons stay, whatever their count.
                cut = np.partition(c[nonzero], len(nonzero) - self.settings.facet_size)[
                    len(nonzero) - self.settings.facet_size]
                chosen = [i for i in map(facet.index_of, selected[name]) if i is not None]
                keep = c[nonzero] >= cut
                keep[np.isin(nonzero, chosen)] = True
                nonzero = nonzero[keep]
            rows = [(facet.values[i], int(n)) for i, n in zip(nonzero.tolist(), c[nonzero].tolist())]
            present = {v for v, _ in rows}
            rows += [(v, 0) for v in selected[name] if v not in present]
            rows.sort(key=lambda r: (-r[1], persons.sort_key(r[0])))
            top = rows[: self.settings.facet_size]
            top += [r for r in rows[self.settings.facet_size:] if r[0] in selected[name]]
            out[name] = [{"value": persons.name(v), "label": persons.name(v), "id": v,
                          "count": n, "selected": v in selected[name]} for v, n in top]
        return out

    @staticmethod
    def _ordered_values(name: str, facet, counts: np.ndarray, selected: set[str]) -> list[dict]:
        """Every counted value of a year-like facet in numeric order, selected ones
        kept with a zero count. The order is the facet's, worked out once: a
        common word counts some 300 years, and sorting them per request showed."""
        order = facet.numeric_order()
        shown = order[counts[order] > 0]
        values = facet.values
        rows = [(values[i], n) for i, n in zip(shown.tolist(), counts[shown].tolist())]
        missing = selected - {v for v, _ in rows} if selected else ()
        if missing:
            rows += [(v, 0) for v in missing]
            rows.sort(key=lambda r: int(r[0]) if r[0].isdigit() else 0)
        suffix = "s" if name == "decade" else ""
        return [{"value": v, "label": v + suffix, "count": n, "selected": v in selected}
                for v, n in rows]

    def echo(self) -> dict[str, Any]:
        d = asdict(self.req)
        d["person"] = [self.gen.persons.name(p) for p in self.req.person]
        for f in ("year", "decade", "published"):
            d[f] = list(d[f])
        return d

    def run(self) -> dict[str, Any]:
        pq = self.parsed()
        grouped = self.req.group == "document"
        # A known document is looked for with words spread over it: plain queries
        # grouped by document are matched and scored per document.
        masks = self.masks()
        mask = combine(list(masks.values()))
        found = self.matches(pq, mask)
        pq, ranking, ids, partial = found.pq, found.ranking, found.ids, found.partial
        final = ids if mask is None else ids[mask[ids]]
        doc_ord = self.gen.columns.doc_ord if grouped else None
        if grouped:
            total = int(distinct(doc_ord[final]).size) if final.size else 0
            if ranking is not None and self.req.sort == "relevance":
                page = self.ranked_documents(ranking, final)
            else:
                page = self.document_page(pq, final, mask)
        else:
            total = int(final.size)
            page = self.paragraph_page(pq, final, mask)
        hits = []
        for docnum, score in page:
            h = self.hit(docnum, score, pq)
            h["missing"] = ranking.missing(int(self.gen.columns.doc_ord[docnum])) \
                if ranking is not None else []
            if grouped:
                h["matches"], h["paragraphs"] = self.document_links(docnum, final)
            hits.append(h)
        counts = multiselect_counts(self.gen.facets, ids, masks, doc_ord)
        return {
            "ok": True,
            "query": self.echo(),
            "total": total,
            "page": self.req.page,
            "size": self.req.size,
            "pages": max(1, -(-min(total, self.settings.max_depth) // self.req.size)),
            "partial": bool(partial and total),
            "hits": hits,
            "facets": self.facet_values(counts),
            "suggestion": pq.suggestion,
            "expanded": list(pq.expanded),
            "generation": self.gen.name,
        }


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


def hit_snippet(p, terms) -> str:
    """The paragraph's best window; when only the heading or title matched, that
    heading leads the snippet so the visitor sees why the paragraph was found.

    >>> from indexer.models import Paragraph
    >>> from indexer.engine.highlight import Terms
    >>> hit_snippet(Paragraph("d#p0", "d", "On Strikes", 0, "Text."), Terms.of(stems={"strike"}))
    'On <mark>Strikes</mark> — Text.'
    """
    text = snippet(p.text, terms)
    if not terms or "<mark>" in text:
        return text
    for heading in (p.section, p.title):
        if heading and spans(heading, terms):
            return highlight(heading, terms) + " — " + text
    return text


def doc_url(doc_id: str, anchor: str, q: str = "") -> str:
    """Permalink to a paragraph, carrying the query so the page can highlight it.

    >>> doc_url("mia/exile 1.md", "p3", "tear down")
    '/doc/mia/exile%201.md?q=tear+down#p3'
    """
    q = link_query(q)  # bounded: a page prints thousands of links
    query = "?" + urlencode({"q": q}) if q else ""
    return f"/doc/{quote(doc_id, safe='/')}{query}#{anchor}"


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
    ex = Execution(gen, req, settings)
    ids = ex.matches(ex.parsed(), None).ids
    masks = ex.masks()
    masks.pop("person", None)
    mask = combine(list(masks.values()))
    subset = ids if mask is None else ids[mask[ids]]
    facet = gen.facets["person"]
    doc_ord = gen.columns.doc_ord if req.group == "document" else None
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
           "doc_url", "SEARCH_PARAMS"]
