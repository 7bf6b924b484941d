"""Suggestions as the visitor types: people and frequent words starting with a prefix.

Serves ``GET /api/suggest?prefix=&limit=``. Both lists are looked up by
binary search in sorted keys built once per index generation, so a request
costs O(log n + matches in the prefix range), not a scan of the vocabulary.

People match on any word of their canonical name or an alias ("lux" finds
Rosa Luxemburg), ranked by how many paragraphs name them; words are ranked by
how many paragraphs use them, leaving out function words that would crowd
out everything else ("the" -> "their", "there", "these").

>>> t = PrefixTable.build([("strike", 9), ("stride", 2), ("street", 5)])
>>> t.lookup("str", 2)
[('strike', 9), ('street', 5)]
"""

from __future__ import annotations

import bisect
import threading
import weakref
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

import numpy as np

from searchsvc.errors import BadRequest
from searchsvc.index_state import LoadedIndex
from searchsvc.params import whole_number
from searchsvc.persons import fold

MAX_PREFIX = 100
MIN_WORD = 3  # shorter completions are never what someone is typing towards
MAX_LIMIT = 20
# Frequent English function words: without them a prefix such as "th" or
# "whe" offers only grammar.
FUNCTION_WORDS = frozenset("""
    about above after again against also among another because been before being below
    between both could does doing down during each even every from further have having
    here hers herself himself into itself just many more most much must myself never
    once only other ours ourselves over same should some such than that their theirs
    them themselves then there these they this those through under until upon very
    were what when where which while whom whose will with would your yours yourself
    the and for are was his her him not but had has its who all any our out can one
    """.split())


class PrefixTable:
    """Sorted (key, value) pairs with a weight; prefix lookups by bisection."""

    def __init__(self, keys: list[str], values: list[str], weights: np.ndarray) -> None:
        self.keys, self.values, self.weights = keys, values, weights

    @classmethod
    def build(cls, rows: Iterable[tuple[str, int]],
              key_of=lambda v: [v]) -> PrefixTable:
        """``rows`` are (value, weight); ``key_of(value)`` gives the keys it is found by."""
        entries = sorted((key, value, weight) for value, weight in rows for key in key_of(value))
        return cls([e[0] for e in entries], [e[1] for e in entries],
                   np.array([e[2] for e in entries], dtype=np.int64))

    def lookup(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        """Values with a key starting with ``prefix``, heaviest first, each value once."""
        lo = bisect.bisect_left(self.keys, prefix)
        hi = bisect.bisect_left(self.keys, prefix + "\U0010ffff")
        if lo >= hi:
            return []
        order = lo + np.argsort(-self.weights[lo:hi], kind="stable")
        out: dict[str, int] = {}
        for i in order.tolist():
            out.setdefault(self.values[i], int(self.weights[i]))
            if len(out) >= limit:
                break
        return sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))


class Suggester:
    """The two tables of one generation."""

    def __init__(self, gen: LoadedIndex) -> None:
        facet = gen.facets["person"]
        registry = gen.persons
        counts = [(pid, len(p)) for pid, p in zip(facet.values, facet.postings)]

        def person_keys(pid: str) -> list[str]:
            keys = set()
            for form in [registry.name(pid), *registry.forms(pid)]:
                words = fold(form).replace("-", " ").split()
                keys.update(" ".join(words[i:]) for i in range(len(words)))
            return sorted(keys)

        self.gen = gen
        self.people = PrefixTable.build(counts, person_keys)
        self.words = PrefixTable.build(
            (w, n) for w, n in gen.vocab.df.items()
            if len(w) >= MIN_WORD and w.isalpha() and w not in FUNCTION_WORDS)

    def suggest(self, prefix: str, limit: int) -> list[dict[str, Any]]:
        key = fold(prefix)
        if not key:
            return []
        persons = self.gen.persons
        out = [{"kind": "person", "value": persons.name(pid), "label": persons.name(pid),
                "count": n, "url": "/?" + urlencode({"person": persons.name(pid)})}
               for pid, n in self.people.lookup(key, limit)]
        # the last word being typed is what a word suggestion completes
        last = key.split()[-1] if not prefix.endswith(" ") else ""
        if len(last) >= 2:
            out += [{"kind": "term", "value": w, "label": w, "count": n,
                     "url": "/?" + urlencode({"q": w})}
                    for w, n in self.words.lookup(last, limit) if w != last]
        return out[: 2 * limit]


# For /openapi.json (searchsvc.openapi adds both).
OPENAPI_SCHEMA = {
    "type": "object",
    "required": ["ok", "prefix", "suggestions", "generation"],
    "properties": {
        "ok": {"const": True}, "prefix": {"type": "string"}, "generation": {"type": "string"},
        "suggestions": {"type": "array", "items": {
            "type": "object", "required": ["kind", "value", "label", "count", "url"],
            "properties": {"kind": {"enum": ["person", "term"]}, "value": {"type": "string"},
                           "label": {"type": "string"}, "count": {"type": "integer"},
                           "url": {"type": "string"}}}},
    },
}
OPENAPI_PATH = {"get": {
    "operationId": "suggest",
    "summary": "People and frequent words starting with a prefix (search-as-you-type)",
    "parameters": [
        {"name": "prefix", "in": "query", "required": False,
         "schema": {"type": "string", "maxLength": MAX_PREFIX},
         "description": "what the visitor has typed; words complete its last word"},
        {"name": "limit", "in": "query", "required": False,
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 8},
         "description": "at most this many people and this many words"},
    ],
    "responses": {"200": {"description": "suggestions, people first", "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/Suggestions"}}}},
        "400": {"description": "invalid parameters (every problem listed)", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
}}

_suggesters: weakref.WeakKeyDictionary[LoadedIndex, Suggester] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def suggester(gen: LoadedIndex) -> Suggester:
    """The generation's Suggester, built on first use (once per generation)."""
    with _lock:
        s = _suggesters.get(gen)
        if s is None:
            s = _suggesters[gen] = Suggester(gen)
        return s


def suggestions(gen: LoadedIndex, params: dict[str, str]) -> dict[str, Any]:
    """The /api/suggest response body for query parameters ``prefix`` and ``limit``."""
    prefix = params.get("prefix", "")
    errors: list[tuple[str | None, str]] = []
    if len(prefix) > MAX_PREFIX:
        errors.append(("prefix", f"at most {MAX_PREFIX} characters"))
    limit = whole_number(params.get("limit", "8"))
    if limit is None or not 1 <= limit <= MAX_LIMIT:
        errors.append(("limit", f"must be a whole number between 1 and {MAX_LIMIT}"))
    unknown = sorted(set(params) - {"prefix", "limit"})
    errors += [(name, "unknown parameter; valid: limit, prefix") for name in unknown]
    if errors:
        raise BadRequest(errors)
    return {"ok": True, "prefix": prefix,
            "suggestions": suggester(gen).suggest(prefix, limit),
            "generation": gen.name}
