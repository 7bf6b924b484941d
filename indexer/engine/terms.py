"""A token's index term, remembered: analysing each distinct token once per field.

A field's analyzer makes a generator chain of Token objects per value; a build
sees the same tokens millions of times. For analyzers whose filters map one
token to one term without looking at its neighbours, :class:`TermCache` runs
the analyzer on a token the first time it is seen and remembers the term, so
every term is exactly Whoosh's. The segment writer, the vocabulary and the
highlighter share it.
"""

from __future__ import annotations

from whoosh.analysis import (
    CharsetFilter,
    CompositeAnalyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
)

# Filters that map one token to one token without looking at its neighbours:
# the only ones for which a token's term can be cached on its own.
_TOKEN_LOCAL_FILTERS = (LowercaseFilter, CharsetFilter, StemFilter)
CACHE_LIMIT = 1_000_000  # distinct tokens per field before the cache starts over


def _lowercases_ascii(filters) -> bool:
    """True when ``filters`` turn any ASCII text into its lowercase, character by character.

    >>> from indexer.schema import exact_analyzer, text_analyzer
    >>> _lowercases_ascii(exact_analyzer().items[1:]), _lowercases_ascii(text_analyzer().items[1:])
    (True, False)
    """
    every = "".join(map(chr, range(128)))
    text = every
    for f in filters:
        if type(f) is LowercaseFilter:
            text = text.lower()
        elif type(f) is CharsetFilter:
            text = text.translate(f.charmap)
        else:
            return False
    return text == every.lower()


class TermCache:
    """token -> term bytes for one field, through the field's own analyzer.

    >>> from indexer.schema import text_analyzer
    >>> TermCache.for_analyzer(text_analyzer()).terms("Deported to Cárdenas, deported.")
    [b'deport', b'to', b'cardena', b'deport']
    """

    def __init__(self, analyzer, expression, limit: int = CACHE_LIMIT, ascii_lowercase: bool = False) -> None:
        self.analyzer = analyzer
        self.expression = expression
        self.limit = limit
        self._split = expression.findall if expression.groups == 0 else None
        self._cache: dict[str, bytes] = {}
        # The analyzer makes an ASCII token's lowercase of it (no stemmer): a new
        # ASCII token's term is then computed without running the analyzer.
        self._ascii_lowercase = ascii_lowercase

    @classmethod
    def for_analyzer(cls, analyzer, limit: int = CACHE_LIMIT) -> TermCache | None:
        """A cache for analyzers made of a regex tokenizer and token-local filters, else None."""
        if not isinstance(analyzer, CompositeAnalyzer) or not analyzer.items:
            return None
        tokenizer, *filters = analyzer.items
        if type(tokenizer) is not RegexTokenizer or tokenizer.gaps:
            return None
        if not all(type(f) in _TOKEN_LOCAL_FILTERS for f in filters):
            return None
        return cls(analyzer, tokenizer.expression, limit, _lowercases_ascii(filters))

    def tokens(self, value: str) -> list[str]:
        if self._split is not None:
            return self._split(value)
        return [m.group(0) for m in self.expression.finditer(value)]

    def term(self, tok: str) -> bytes | None:
        """One token's term, or None if the analyzer does not make exactly one term of it."""
        term = self._cache.get(tok)
        if term is None and self._ascii_lowercase and tok.isascii() and self.expression.fullmatch(tok):
            if len(self._cache) >= self.limit:
                self._cache.clear()
            term = self._cache[tok] = tok.lower().encode("ascii")
        if term is None:
            analysed = [t.text for t in self.analyzer(tok, mode="index")]
            if len(analysed) != 1:
                return None
            if len(self._cache) >= self.limit:
                self._cache.clear()
            term = self._cache[tok] = analysed[0].encode("utf-8")
        return term

    def terms(self, value: str) -> list[bytes] | None:
        """The value's terms in order, or None if a token does not map to exactly one term."""
        get = self._cache.get
        out = []
        append = out.append
        for tok in self.tokens(value):
            term = get(tok) or self.term(tok)
            if term is None:
                return None
            append(term)
        return out
