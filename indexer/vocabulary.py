"""The archive's vocabulary: each folded, unstemmed word and how many paragraphs use it.

"Did you mean" needs real words ("slavery", not the stem "slaveri") with their
frequencies. An unstemmed copy of the text in the index gave them, but doubled
the postings a build writes. This count, kept beside the index as
``vocabulary.json``, costs a set of words per paragraph.

>>> v = WordCounter()
>>> v.add("The strike, the STRIKE and Cárdenas.")
>>> sorted(v.counts.items())
[('and', 1), ('cardenas', 1), ('strike', 1), ('the', 1)]
>>> v.remove("the strike"); sorted(v.counts)
['and', 'cardenas']
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from indexer.engine.generations import write_atomic
from indexer.engine.terms import TermCache
from indexer.schema import exact_analyzer


class WordCounter:
    """Paragraph frequencies of folded words, kept up to date by builds and updates."""

    def __init__(self, counts: Mapping[str, int] | None = None) -> None:
        self.counts: Counter[str] = Counter(counts or {})
        cache = TermCache.for_analyzer(exact_analyzer())
        assert cache is not None
        self._terms = cache
        # token -> folded word, so a paragraph's words are one set comprehension
        # (a build's writer counts most paragraphs' words itself: see ShardSink).
        self._words: dict[str, str] = {}
        self._ascii: set[str] = set()  # ASCII tokens seen (their words: lower case)

    def words(self, text: str) -> set[str]:
        """The text's folded words."""
        unique = set(self._terms.tokens(text))
        if text.isascii():
            # An ASCII token's folded word is its lower case (the accent map only
            # lower-cases ASCII): no Python runs per token, on most paragraphs.
            self._ascii |= unique
            return set(map(str.lower, unique))
        known = self._words.get
        out = {known(tok) for tok in unique}
        if None not in out:
            return out
        out.discard(None)
        words = self._words
        for tok in unique:
            if tok in words:
                continue
            term = self._terms.term(tok)
            if term is None:  # a token the analyzer splits: take the slow, exact path
                return {t.text for t in exact_analyzer()(text)}
            if len(words) >= self._terms.limit:
                words.clear()
            word = words[tok] = term.decode("utf-8")
            out.add(word)
        return out

    def add(self, text: str) -> None:
        self.counts.update(self.words(text))

    def remove(self, text: str) -> None:
        counts = self.counts
        for w in self.words(text):
            n = counts.get(w, 0) - 1
            if n > 0:
                counts[w] = n
            else:
                counts.pop(w, None)

    def merge(self, other: Mapping[str, int]) -> None:
        self.counts.update(other)

    def save(self, path: Path) -> None:
        # Atomic: an update's new generation starts as hard links to the served
        # one's files, so writing in place would change the served copy too.
        write_atomic(path, json.dumps(dict(sorted(self.counts.items())), ensure_ascii=False,
                                      separators=(",", ":")))

    def stems(self, text_terms: TermCache | None) -> dict[str, str]:
        """{folded word: stem} for every token both this counter and ``text_terms``
        (the writer's cache for the stemmed text field) have seen. The text
        analyzer is the folding analyzer plus a stemmer, so a word's stem does not
        depend on which of its spellings was met."""
        if text_terms is None:
            return {}
        words, ascii_seen = self._terms._cache, self._ascii
        out = {}
        for tok, s in text_terms._cache.items():
            w = words.get(tok)
            if w is not None:
                out[w.decode("utf-8")] = s.decode("utf-8")
            elif tok in ascii_seen:
                out[tok.lower()] = s.decode("utf-8")
        return out

    @classmethod
    def load(cls, path: Path) -> WordCounter | None:
        """The saved counts, or None when the file is missing or unreadable."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return cls(data) if isinstance(data, dict) else None
