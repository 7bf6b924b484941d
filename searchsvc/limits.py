"""Limits checked on the raw query before any parsing: the number of words.

The parser also bounds what a query expands to (wildcards, close forms); this
check is what a visitor reads: "at most N words". Operators (AND, OR, NOT),
field names ("title:") and punctuation are not words.

>>> count_words('title:exile AND "in mexico" -strike OR trot*')
5
>>> count_words("")
0
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from searchsvc.errors import BadRequest
from searchsvc.settings import Settings

OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_FIELD = re.compile(r"\b\w+:")
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")


def count_words(q: str) -> int:
    return sum(1 for w in _WORD.findall(_FIELD.sub(" ", q)) if w not in OPERATORS)


def check_query(values: Iterable[str], settings: Settings) -> None:
    """BadRequest when a ``q`` value has more than ``settings.max_terms`` words.

    Only values within the length limit are counted (a longer one is refused
    for its length by the request parser), so the work here stays bounded.
    """
    for q in values:
        if len(q) > settings.max_query_length:
            continue
        n = count_words(q)
        if n > settings.max_terms:
            raise BadRequest([("q", f"has {n} words; at most {settings.max_terms} are allowed")])
