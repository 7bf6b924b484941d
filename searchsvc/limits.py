"""Limits on a query, checked before any of it is expanded or run: the one place for them.

The number of words is counted on the raw query: it is what a visitor reads
("at most N words"); operators (AND, OR, NOT), field names ("title:") and
punctuation are not words. The query's tokens, split where the query parser
splits them, give its :class:`Shape` before anything is parsed, looked up or
expanded: wildcards are counted there, so 32 one-letter wildcards are refused
in microseconds instead of after seconds of expanding them, and admission.py
estimates the query's cost from the same shape.

>>> count_words('title:exile AND "in mexico" -strike OR trot*')
5
>>> count_words("")
0
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from searchsvc.errors import BadRequest
from searchsvc.persons import fold
from searchsvc.settings import Settings

OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_FIELD = re.compile(r"\b\w+:")
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")
_WILD = re.compile(r"\S*[*?]\S*")


def count_words(q: str) -> int:
    return sum(1 for w in _WORD.findall(_FIELD.sub(" ", q)) if w not in OPERATORS)


@dataclass(frozen=True)
class Shape:
    """What a query asks for, read from its tokens before anything is parsed or expanded.

    >>> s = shape('strike "general strike" tre* NOT war -a? x*y')
    >>> s.words, s.wildcards, s.short_wildcards, s.longest_phrase, s.negations, s.mixed_negation
    (('strike', 'general', 'war'), 3, 2, 2, 2, False)
    >>> shape("strike OR NOT war").mixed_negation
    True
    """

    words: tuple[str, ...] = ()  # distinct folded words, phrase words included, wildcards not
    wildcards: int = 0  # distinct words with * or ?
    short_wildcards: int = 0  # ...of them with fewer than 3 characters before the first * or ?
    longest_phrase: int = 0
    negations: int = 0  # NOT / -word
    mixed_negation: bool = False  # NOT within OR: Whoosh's collector scores that


# The query parser's own token boundaries: whitespace, quotes and parentheses.
_TOKEN = re.compile(r'[^\s"()]+')
_PHRASE = re.compile(r'"([^"]*)"')


def shape(q: str) -> Shape:
    """The shape of ``q``, in microseconds: it runs for every request, refused ones
    included. (Whoosh's parser takes some 17 ms for a 500-character query.)"""
    text = _FIELD.sub(" ", q)
    wild: dict[str, bool] = {}
    words: dict[str, None] = {}
    negations = 0
    for token in _TOKEN.findall(text):
        if token == "NOT" or (token.startswith("-") and len(token) > 1):
            negations += 1
        if "*" in token or "?" in token:
            pattern = token.lstrip("+-").lower()
            if any(c.isalnum() for c in pattern):
                literal = re.split(r"[*?]", pattern, maxsplit=1)[0]
                wild[pattern] = len(literal) < 3
            continue
        for w in _WORD.findall(token):
            if w not in OPERATORS and not w.isdigit():
                words[fold(w)] = None
    longest = max((len(_WORD.findall(p)) for p in _PHRASE.findall(q)), default=0)
    operators = set(text.split()) & OPERATORS
    mixed = {"NOT", "OR"} <= operators
    return Shape(tuple(words), len(wild), sum(wild.values()), longest, negations, mixed)


def check_query(values: Iterable[str], settings: Settings) -> list[Shape]:
    """The shape of each ``q`` value; BadRequest when one breaks a limit.

    Every route that takes ``q`` calls this before any work (app.py's request
    wrapper), so nothing is parsed, looked up or expanded for a refused query.
    """
    shapes = []
    for q in values:
        if len(q) > settings.max_query_length:
            raise BadRequest([("q", f"is {len(q)} characters long; at most "
                              f"{settings.max_query_length} are allowed")])
        n = count_words(q)
        if n > settings.max_terms:
            raise BadRequest([("q", f"has {n} words; at most {settings.max_terms} are allowed")])
        s = shape(q)
        if s.wildcards > settings.max_wildcards:
            raise BadRequest([("q", f"has {s.wildcards} words with * or ?; at most "
                              f"{settings.max_wildcards} are allowed")])
        shapes.append(s)
    return shapes
