"""Documents as the unit of a plain-word search (``group=document``).

A visitor looking for a known document types words that are spread over it:
"Kennedy Yale Taft Calhoun" names four people who are never in one paragraph,
and "Lincoln" is the author, not a word of the text. So when results are
grouped by document, a plain query is matched and scored per *document*:

* each query word is a group of index terms: its stem in text/title/section,
  its folded form in person_names and author, a four-digit word also in the
  year and publication-year fields, the words of the file's path, and the
  close forms of a misspelt word;
* a document matches when every word occurs somewhere in it; with ``match=most``
  (the default) a query of three or more words also matches documents holding
  three quarters of its words, and when no document holds every word the
  documents holding the most of them match: a known item remembered with one
  wrong word is still found. Those are *partial* matches, scored down by the
  share of words they hold (Lucene's coordination factor) and labelled;
* the score is BM25 over the whole document (term frequency summed over its
  paragraphs, saturated, normalised by the document's length), plus boosts for
  a word in the title, author or publication year, plus a bonus for each pair
  of adjacent query words found as a phrase, and more for the whole query;
* copies of one text show once: documents whose paragraphs have the same lengths in
  the same order and the same text at sampled places (a page scraped twice, a speech
  in two collections with a few transcription differences).

>>> from searchsvc.compounds import query_words
>>> [t for w in query_words("Kollontai 1920 women's day", lambda word: 0) for t in w.tokens]
['kollontai', '1920', 'women', 'day']
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from indexer import schema as S
from indexer.engine.deadline import QueryTimeout
from indexer.engine.docsets import distinct
from indexer.engine.matchset import phrase_positions
from indexer.engine.postings import PostingsCache
from indexer.engine.scoring import length_norm, robertson_idf, saturation
from searchsvc.compounds import QueryWord
from searchsvc.docstats import DocStats, doc_stats
from searchsvc.suggest import EXPANSIONS

# "Militant" (the newspaper) before "militants" and "militancy": occurrences in paragraphs
# that do not use the very form typed are scored apart (saturated on their own, as BM25F
# does per field) and count this much.
OTHER_FORMS_W = 0.25
# Weight of a word found in these places, relative to one occurrence in the text.
SECTION_W = 2.0  # per paragraph whose heading has it
NAMES_W = 1.5  # per paragraph mentioning a person whose name or alias has it
YEAR_W = 1.0  # per paragraph mentioning the year
TITLE_W = 3.0  # the document's title has it (once per document)
AUTHOR_W = 3.0  # "Nixon ...": a speech *by* Nixon before speeches about him
PUB_YEAR_W = 1.5
PATH_W = 1.0  # a word of the file's path
PHRASE_W = 1.0  # per adjacent pair of query words found together, times their idf
WHOLE_PHRASE_W = 2.0  # the whole query as a phrase
CLOSE_FORM_W = 0.8  # a close form of a misspelt word counts a little less than the word
MAX_PAIRS = 8  # adjacent pairs looked up as phrases, at most
COMMON_SHARE = 0.2  # a word in more paragraphs than this share counts only inside phrases
COMMON_MIN = 5000  # ... and in more than this many: a small archive has no such words
PHRASE_DOCS = 100  # documents whose paragraphs are checked for phrases, at most
MATCH_MODES = ("all", "most", "any")
MOST_SHARE = 0.75  # match=most: share of a long query's words a partial match must hold

_YEAR = re.compile(r"\d{4}")


def close_forms(vocab, words: list[str]) -> dict[str, list[str]]:
    """Close forms searched for each rare or unknown word (as "did you mean" offers).

    >>> from searchsvc.suggest import Vocabulary
    >>> close_forms(Vocabulary({"connolly": 40}), ["conolly", "strike"])
    {'conolly': ['connolly']}
    """
    out = {}
    for w in words:
        forms = [f for f, _, _ in vocab.correction(w)[:EXPANSIONS]]
        if forms:
            out[w] = forms
    return out


@dataclass(frozen=True)
class DocRanking:
    """The outcome for one plain query: matching documents best first, and the
    paragraphs that carry the match (for links, facets and the shown snippet)."""

    docs: np.ndarray  # document ordinals, best first
    scores: np.ndarray  # their scores
    paragraphs: np.ndarray  # sorted docnums: paragraphs of those documents with a query word
    para_score: np.ndarray  # docnum -> how well the paragraph itself matches
    words: tuple[str, ...]
    complete: bool  # every shown document holds every counted word
    present: np.ndarray | None = None  # (word, document ordinal) -> the document has it
    counted: tuple[bool, ...] = ()  # per word: counted for matching (not too common)

    def missing(self, doc: int) -> list[str]:
        """The query words document ``doc`` lacks (a partial match's label).

        >>> r = DocRanking(np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0), ("a", "b"),
        ...                False, np.array([[True], [False]]), (True, True))
        >>> r.missing(0)
        ['b']
        """
        if self.present is None:
            return []
        return [w for i, w in enumerate(self.words)
                if self.counted[i] and not self.present[i, doc]]

    def best_paragraphs(self, final: np.ndarray, doc_ord: np.ndarray) -> dict[int, int]:
        """Document ordinal -> its best paragraph among ``final`` (earliest on ties).

        >>> r = DocRanking(np.zeros(0), np.zeros(0), np.zeros(0), np.array([0.5, 2.0, 1.0]), (), True)
        >>> r.best_paragraphs(np.array([0, 1, 2]), np.array([0, 0, 1]))
        {0: 1, 1: 2}
        """
        if not final.size:
            return {}
        order = final[np.lexsort((final, -self.para_score[final], doc_ord[final]))]
        ords, first = np.unique(doc_ord[order], return_index=True)
        return dict(zip(ords.tolist(), order[first].tolist()))


class _Word:
    """Per-document evidence for one query word (or one of its close forms)."""

    def __init__(self, n_docs: int, n_paras: int) -> None:
        self.tf = np.zeros(n_docs)  # weighted occurrences in the body
        self.tf_other = np.zeros(n_docs)  # ... in paragraphs using only other forms of the word
        self.flag = np.zeros(n_docs)  # title/author/published-year bonus (not saturated)
        # Weighted occurrences per paragraph, kept sparse: a word is in few of an
        # archive's paragraphs, and a dense array per word cost more than its postings.
        self._para_ids: list[np.ndarray] = []
        self._para_w: list[np.ndarray] = []

    def add_para(self, ids: np.ndarray, weights: np.ndarray) -> None:
        self._para_ids.append(ids)
        self._para_w.append(weights)

    def para(self) -> tuple[np.ndarray, np.ndarray]:
        """(paragraph docnums, summed weights), docnums sorted and distinct.

        >>> w = _Word(1, 5)
        >>> w.add_para(np.array([1, 3]), np.array([1.0, 2.0]))
        >>> w.add_para(np.array([3, 4]), np.array([0.5, 1.0]))
        >>> [a.tolist() for a in w.para()]
        [[1, 3, 4], [1.0, 2.5, 1.0]]
        """
        if not self._para_ids:
            return np.zeros(0, np.int32), np.zeros(0)
        if len(self._para_ids) == 1:  # one field's postings: sorted and distinct already
            return self._para_ids[0], self._para_w[0]
        ids, w = np.concatenate(self._para_ids), np.concatenate(self._para_w)
        order = np.argsort(ids, kind="stable")
        ids, w = ids[order], w[order]
        starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
        return ids[starts], np.add.reduceat(w, starts)

    @property
    def present(self) -> np.ndarray:
        return (self.tf > 0) | (self.tf_other > 0) | (self.flag > 0)


class _Postings:
    """Postings remembered for one query (the engine's cache): a word's text
    postings serve both its score and the phrase checks."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self.cache = PostingsCache(reader)

    def __call__(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        return self.cache.weighted(field, text)


def _evidence(read: _Postings, stats: DocStats, doc_ord: np.ndarray, n_docs: int, word: str,
              deadline: float) -> _Word:
    w = _Word(n_docs, len(doc_ord))
    s = S.stem(word)

    def body(field: str, text: str, weight: float, count_tf: bool) -> None:
        ids, tf = read(field, text)
        if not ids.size:
            return
        tf = tf.astype(np.float64) if count_tf else np.ones(ids.size)
        w.tf += np.bincount(doc_ord[ids], weights=tf * weight, minlength=n_docs)
        w.add_para(ids, tf * weight)

    def flag(field: str, text: str, weight: float) -> None:
        ids, _ = read(field, text)
        if ids.size:
            hit = np.zeros(n_docs, dtype=bool)
            hit[doc_ord[ids]] = True
            w.flag += hit * weight

    if S.TEXT_FORMS in read.reader.schema:
        ids, tf = read(S.TEXT, s)
        if ids.size:
            tf = tf.astype(np.float64)
            exact = np.isin(ids, read(S.TEXT_FORMS, word)[0], assume_unique=True)
            w.tf += np.bincount(doc_ord[ids], weights=tf * exact, minlength=n_docs)
            w.tf_other += np.bincount(doc_ord[ids], weights=tf * ~exact, minlength=n_docs)
            w.add_para(ids, tf * np.where(exact, 1.0, OTHER_FORMS_W))
    else:  # a generation written before the forms field
        body(S.TEXT, s, 1.0, True)
    body(S.SECTION, s, SECTION_W, False)
    body(S.PERSON_NAMES, word, NAMES_W, False)
    flag(S.TITLE, s, TITLE_W)
    flag(S.AUTHOR, word, AUTHOR_W)
    if _YEAR.fullmatch(word):
        body(S.YEAR, word, YEAR_W, False)
        flag(S.PUB_YEAR, word, PUB_YEAR_W)
    on_path = stats.path_docs(word)
    if on_path.size:
        w.flag[on_path] += PATH_W
    if time.monotonic() > deadline:
        raise QueryTimeout()
    return w


def _phrase_evidence(read: _Postings, reader, doc_ord: np.ndarray, n_docs: int,
                     tokens: tuple[str, ...], deadline: float) -> _Word:
    """Evidence for a word written as several tokens in a row ("anti war"): the
    paragraphs with the phrase, and a title holding all of its tokens."""
    w = _Word(n_docs, len(doc_ord))
    stems = [S.stem(t) for t in tokens]
    rarest = min(stems, key=lambda s: reader.doc_frequency(S.TEXT, s))
    ids = phrase_paragraphs(reader, stems, read(S.TEXT, rarest)[0], deadline, read)
    if ids.size:
        w.tf += np.bincount(doc_ord[ids], minlength=n_docs)
        w.add_para(ids, np.ones(ids.size))
    titled = None
    for s in dict.fromkeys(stems):
        ids, _ = read(S.TITLE, s)
        docs = distinct(doc_ord[ids]) if ids.size else np.zeros(0, np.int32)
        titled = docs if titled is None else np.intersect1d(titled, docs, assume_unique=True)
    if titled is not None and titled.size:
        w.flag[titled] += TITLE_W
    return w


def _pairs(words: list[QueryWord]) -> Iterator[tuple[int, list[str]]]:
    """Adjacent word pairs worth a phrase lookup (not two short function words)."""
    n = 0
    for i in range(len(words) - 1):
        a, b = words[i].tokens, words[i + 1].tokens
        if len(a[-1]) <= 3 and len(b[0]) <= 3:
            continue
        yield i, [S.stem(t) for t in (*a, *b)]
        n += 1
        if n >= MAX_PAIRS:
            return


def phrase_paragraphs(reader, stems: list[str], within: np.ndarray,
                      deadline: float = float("inf"), read=None) -> np.ndarray:
    """Paragraphs among the sorted docnums ``within`` whose text has ``stems`` in order.

    Positions are read only for paragraphs that have every word, so a pair such as
    "league of" costs what "league" costs, not what "of" does.
    """
    if any((S.TEXT, w) not in reader for w in stems) or not within.size:
        return np.zeros(0, np.int32)
    read = read or _Postings(reader)
    candidates = within
    rare = [w for w in dict.fromkeys(stems) if not _common(reader, w)]
    for w in rare or stems[:1]:
        ids, _ = read(S.TEXT, w)
        candidates = candidates[np.isin(candidates, ids, assume_unique=True)]
        if not candidates.size:
            return candidates
    # A common word's postings are not read whole: its matcher skips to each candidate.
    return phrase_positions(reader, S.TEXT, stems, candidates, deadline)


def _common(reader, stemmed: str) -> bool:
    """Is the word in so many paragraphs that it neither narrows nor ranks ("the", "of")?"""
    df = reader.doc_frequency(S.TEXT, stemmed)
    return df > COMMON_MIN and df > COMMON_SHARE * reader.doc_count()


def least_matched(mode: str, counted: int, best: int) -> int:
    """How many of ``counted`` query words a document must hold, when the best
    document holds ``best`` of them.

    >>> [least_matched("most", n, n) for n in (1, 2, 3, 4, 5, 8)]
    [1, 2, 2, 3, 3, 6]
    >>> least_matched("most", 4, 2), least_matched("all", 4, 2), least_matched("any", 4, 4)
    (2, 4, 1)
    """
    if mode == "all":
        return counted
    if mode == "any":
        return 1
    wanted = counted if counted <= 2 else max(1, math.floor(MOST_SHARE * counted))
    return max(1, min(wanted, best))


def rank_documents(gen, searcher, query: list[QueryWord] | list[str],
                   expansions: dict[str, list[str]], deadline: float = float("inf"),
                   mode: str = "most") -> DocRanking:
    """Score every document for the plain query's words (see the module docstring);
    a word is a QueryWord (with its compound forms) or a plain folded word."""
    qwords = [w if isinstance(w, QueryWord) else QueryWord(w, ((w,),)) for w in query]
    return _Ranking(gen, searcher.reader(), qwords, deadline).rank(expansions, mode)


class _Ranking:
    """The state of one document ranking, built up step by step."""

    def __init__(self, gen, reader, qwords: list[QueryWord], deadline: float) -> None:
        self.reader, self.qwords, self.deadline = reader, qwords, deadline
        self.words = [w.label for w in qwords]
        self.cols = gen.columns
        self.doc_ord = self.cols.doc_ord
        self.n_docs, self.n_paras = len(self.cols.doc_ids), len(self.doc_ord)
        self.stats = doc_stats(gen, reader)
        self.read = _Postings(reader)
        self.norm = length_norm(self.stats.length, max(self.stats.average, 1.0))
        self.score = np.zeros(self.n_docs)
        self.para_ids: list[np.ndarray] = []
        self.para_w: list[np.ndarray] = []
        self.matched = np.zeros(self.n_docs, dtype=np.int32)
        self.idfs: list[float] = []
        self.common = self._common_words()
        self.present_by_word = np.zeros((len(self.words), self.n_docs), dtype=bool)

    def _common_words(self) -> set[str]:
        common = {w.label for w in self.qwords if len(w.forms) == 1 and len(w.tokens) == 1
                  and _common(self.reader, S.stem(w.tokens[0]))}
        return set() if common == set(self.words) else common  # "the of": nothing else to go by

    def rank(self, expansions: dict[str, list[str]], mode: str) -> DocRanking:
        for i, qw in enumerate(self.qwords):
            self._add_word(i, qw, expansions.get(qw.label, []))
        para = (np.bincount(np.concatenate(self.para_ids), weights=np.concatenate(self.para_w),
                            minlength=self.n_paras) if self.para_ids else np.zeros(self.n_paras))
        top = int(self.matched.max()) if self.n_docs and self.words else 0
        counted = len(self.words) - len(self.common)
        if top == 0 or (mode == "all" and top < counted):
            empty = np.zeros(0, np.int32)
            return DocRanking(empty, np.zeros(0), empty, para, tuple(self.words), True)
        keep = np.flatnonzero(self.matched >= least_matched(mode, counted, top))
        if counted:
            # A document holding fewer of the words ranks lower (coordination factor).
            self.score[keep] *= self.matched[keep] / counted
        body = para > 0
        self._add_phrases(keep, body, para)
        order = self._order(keep)
        return DocRanking(order.astype(np.int32), self.score[order], self._shown(order, body),
                          para, tuple(self.words), bool((self.matched[order] == counted).all()),
                          self.present_by_word, tuple(w not in self.common for w in self.words))

    def _add_word(self, i: int, qw: QueryWord, close: list[str]) -> None:
        """One query word's best score per document over its forms and close forms."""
        if qw.label in self.common:
            self.idfs.append(0.0)
            return
        forms = [(f, 1.0) for f in qw.forms] + [((f,), CLOSE_FORM_W) for f in close]
        best = np.zeros(self.n_docs)
        present = np.zeros(self.n_docs, dtype=bool)
        word_idf = 0.0
        for form, weight in forms:
            ev = (_evidence(self.read, self.stats, self.doc_ord, self.n_docs, form[0],
                            self.deadline) if len(form) == 1
                  else _phrase_evidence(self.read, self.reader, self.doc_ord, self.n_docs, form,
                                        self.deadline))
            df = int(ev.present.sum())
            if not df:
                continue
            idf = robertson_idf(self.n_docs, df)
            word_idf = max(word_idf, idf * weight)
            other = OTHER_FORMS_W * saturation(ev.tf_other, self.norm)
            best = np.maximum(best, weight * idf * (saturation(ev.tf, self.norm) + other + ev.flag))
            ids, v = ev.para()
            self.para_ids.append(ids)
            self.para_w.append(weight * idf * v / (v + 1.0))  # saturated within a paragraph
            present |= ev.present
        self.idfs.append(word_idf)
        self.score += best
        self.matched += present
        self.present_by_word[i] = present

    def _paragraphs_of(self, docs: np.ndarray, body: np.ndarray) -> np.ndarray:
        """The paragraphs with text of the documents marked in ``docs`` (a mask)."""
        valid = self.doc_ord >= 0
        return valid & body & docs[np.where(valid, self.doc_ord, 0)]

    def _add_phrases(self, keep: np.ndarray, body: np.ndarray, para: np.ndarray) -> None:
        """Phrases: adjacent pairs, and the whole query, in the text of one paragraph of a
        matching document; for a common query, of the best-scored ones (the rest would
        not reach the first pages however many phrases they held)."""
        if len(self.words) < 2:
            return
        near = np.zeros(self.n_docs, dtype=bool)
        near[keep if keep.size <= PHRASE_DOCS
             else keep[np.argsort(-self.score[keep], kind="stable")[:PHRASE_DOCS]]] = True
        within = np.flatnonzero(self._paragraphs_of(near, body)).astype(np.int32)
        idfs = self.idfs
        lookups = [(idfs[i] + idfs[i + 1], pair, PHRASE_W) for i, pair in _pairs(self.qwords)]
        if len(self.words) > 2:
            lookups.append((sum(idfs), [S.stem(t) for w in self.qwords for t in w.tokens],
                            WHOLE_PHRASE_W))
        for weight_idf, stems, w in lookups:
            ids = phrase_paragraphs(self.reader, stems, within, self.deadline, self.read)
            if ids.size:
                self.score[distinct(self.doc_ord[ids])] += w * weight_idf
                para[ids] += w * weight_idf

    def _order(self, keep: np.ndarray) -> np.ndarray:
        """Best first; copies of one text show once: the best-scored copy, the
        preferred one on ties."""
        order = keep[np.lexsort((self.stats.preference[keep], -self.score[keep]))]
        _, first = np.unique(self.stats.copies[order], return_index=True)
        return order[np.sort(first)]

    def _shown(self, order: np.ndarray, body: np.ndarray) -> np.ndarray:
        """The paragraphs that may stand for each ranked document."""
        in_order = np.zeros(self.n_docs, dtype=bool)
        in_order[order] = True
        chosen = self._paragraphs_of(in_order, body)
        # A document matched only through its title, author or date still needs a
        # paragraph to show: its first one.
        bare = in_order.copy()
        bare[self.doc_ord[chosen]] = False
        if bare.any():
            valid = self.doc_ord >= 0
            cand = np.flatnonzero(valid & bare[np.where(valid, self.doc_ord, 0)]).astype(np.int32)
            chosen[self.cols.first_per_document(cand, "reading")] = True
        return np.flatnonzero(chosen).astype(np.int32)
