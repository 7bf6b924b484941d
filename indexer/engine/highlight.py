"""Snippets and highlighted paragraphs: HTML-escaped text, matches in <mark>.

A token matches when its stemmed form is one of the query's stemmed terms
(text/title/section fields) or its folded unstemmed form is one of the
query's exact terms (person names, words); a phrase's tokens match only where
they stand in a row, and are marked as one span. Everything outside the <mark>
tags is escaped here, so templates may mark the result safe.

>>> t = Terms.of(stems={"deport"})
>>> highlight("They were <deported> in 1929.", t)
'They were &lt;<mark>deported</mark>&gt; in 1929.'
>>> snippet("A short text about nothing.", Terms.of(), width=12)
'A short text…'
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from indexer.engine.terms import TermCache
from indexer.schema import FOLDER, STEMMER

# Bounded: a server process sees an open-ended stream of texts.
_STEM_CACHE = TermCache.for_analyzer(STEMMER, limit=200_000)
_FOLDED_CACHE = TermCache.for_analyzer(FOLDER, limit=200_000)
# folded word -> stem, as the build found them (stems.json): stemming is the
# dear part of a snippet, and a fresh worker would otherwise stem every word of
# the first thousand hits it shows. Stemmed text = folded text + a stemmer, so a
# word's stem is the stem of each of its spellings.
_WORD_STEMS: dict[bytes, bytes] = {}
_WORD_STEMS_LIMIT = 2_000_000


def learn_stems(path: Path) -> int:
    """Add the stems a build saved (a missing or broken file teaches nothing)."""
    try:
        pairs = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    if not isinstance(pairs, dict) or len(_WORD_STEMS) + len(pairs) > _WORD_STEMS_LIMIT:
        return 0
    before = len(_WORD_STEMS)
    _WORD_STEMS.update((w.encode("utf-8"), s.encode("utf-8")) for w, s in pairs.items()
                       if isinstance(w, str) and isinstance(s, str))
    return len(_WORD_STEMS) - before


@dataclass(frozen=True)
class Terms:
    stems: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    phrases: frozenset[tuple[str, ...]] = frozenset()  # stems that match only in a row

    @classmethod
    def of(cls, stems: Iterable[str] = (), words: Iterable[str] = (),
           phrases: Iterable[tuple[str, ...]] = ()) -> Terms:
        return cls(frozenset(stems), frozenset(words), frozenset(map(tuple, phrases)))

    def __bool__(self) -> bool:
        return bool(self.stems or self.words or self.phrases)


def spans(text: str, terms: Terms) -> list[tuple[int, int]]:
    """Character spans of matching tokens (and phrases), in order.

    >>> spans("Deported, deportation; exile", Terms.of(stems={"deport"}))
    [(0, 8), (10, 21)]
    >>> spans("Anti-Semites opposed the anti-war march", Terms.of(phrases=[("anti", "war")]))
    [(25, 33)]
    """
    if not terms or not text:
        return []
    # Fast path: one dict lookup per token for its folded word and stem.
    stems = {s.encode("utf-8") for s in terms.stems}
    words = {w.encode("utf-8") for w in terms.words}
    out = []
    tokens: list[tuple[tuple[int, int], bytes]] = []
    known = _FORMS.get
    for m in _STEM_CACHE.expression.finditer(text):
        tok = m.group(0)
        forms = known(tok) or _forms(tok)
        if forms is None:
            return _spans_by_analyzer(text, terms)
        if forms[1] in stems or forms[0] in words:
            out.append(m.span())
        if terms.phrases:
            tokens.append((m.span(), forms[1]))
    if terms.phrases:
        out = _with_phrases(out, tokens, terms.phrases)
    return out


def _with_phrases(found: list[tuple[int, int]], tokens: list[tuple[tuple[int, int], bytes]],
                  phrases: frozenset[tuple[str, ...]]) -> list[tuple[int, int]]:
    """``found`` plus a span for each place a phrase's stems stand in a row, merged so
    that a phrase is one span even where its words also matched alone."""
    wanted = [tuple(s.encode("utf-8") for s in p) for p in phrases if p]
    stems = [s for _, s in tokens]
    for i in range(len(tokens)):
        for p in wanted:
            if tuple(stems[i:i + len(p)]) == p:
                found.append((tokens[i][0][0], tokens[i + len(p) - 1][0][1]))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(found):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


# token -> (folded word, stem), across requests: every token of every shown text
# is looked up, and the texts of an archive share their words.
_FORMS: dict[str, tuple[bytes, bytes]] = {}
_FORMS_LIMIT = 500_000


def _forms(tok: str) -> tuple[bytes, bytes] | None:
    """A token's folded word and stem (None: the analyzers do not make one term of it)."""
    word = _FOLDED_CACHE.term(tok)
    stem = _WORD_STEMS.get(word) or _STEM_CACHE.term(tok)
    if stem is None or word is None:
        return None
    if len(_FORMS) >= _FORMS_LIMIT:
        _FORMS.clear()
    forms = _FORMS[tok] = (word, stem)
    return forms


def _spans_by_analyzer(text: str, terms: Terms) -> list[tuple[int, int]]:
    out = []
    # Both analyzers use the same tokenizer, so their tokens line up one to one.
    stemmed = ((t.text, t.startchar, t.endchar) for t in STEMMER(text, chars=True))
    exact = (t.text for t in FOLDER(text, chars=False))
    tokens = []
    for (stem, start, end), word in zip(stemmed, exact):
        if stem in terms.stems or word in terms.words:
            out.append((start, end))
        tokens.append(((start, end), stem.encode("utf-8")))
    return _with_phrases(out, tokens, terms.phrases) if terms.phrases else out


def _mark(text: str, found: list[tuple[int, int]], start: int, end: int) -> str:
    parts, at = [], start
    for s, e in found:
        if s < start or e > end:
            continue
        parts.append(html.escape(text[at:s]))
        parts.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        at = e
    parts.append(html.escape(text[at:end]))
    return "".join(parts)


def highlight(text: str, terms: Terms) -> str:
    """The whole text, escaped, with every match marked."""
    return _mark(text, spans(text, terms), 0, len(text))


WORD_REACH = 40  # characters a snippet may extend to finish a word; a longer "word"
# (a URL, an encoded blob in a scraped page) is cut, or one paragraph made of a
# 50 KB token would be a 50 KB snippet, a hundred times over in a page of hits.


def _word_start(text: str, i: int) -> int:
    """Move back to the start of the word containing i (never split a word of normal length)."""
    stop = max(0, i - WORD_REACH)
    while i > stop and not text[i - 1].isspace():
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    stop = min(len(text), i + WORD_REACH)
    while i < stop and not text[i].isspace():
        i += 1
    return i


def snippet(text: str, terms: Terms, width: int = 260) -> str:
    """The window of about ``width`` characters holding the most matches, escaped and marked.

    >>> snippet("aa bb cc dd ee ff gg deport hh", Terms.of(stems={"deport"}), width=12)
    '…gg <mark>deport</mark> hh'
    """
    found = spans(text, terms)
    if len(text) <= width:
        return _mark(text, found, 0, len(text))
    best_start, best_count = 0, 0
    j = 0
    for i, (s, _) in enumerate(found):
        # Two-pointer sweep: how many matches fit in a window starting at match i.
        j = max(j, i)
        while j + 1 < len(found) and found[j + 1][1] <= s + width:
            j += 1
        if j - i + 1 > best_count:
            best_start, best_count = s, j - i + 1
    if best_count:
        # Some context before the first match, but keep it inside the window.
        start = _word_start(text, max(0, best_start - width // 5))
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text) and not text[end].isspace():
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else _word_end(text, end)
    body = _mark(text, found, start, end).strip()
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
