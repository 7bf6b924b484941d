"""Compound words: "anti-war", "antiwar" and "anti war" are one word to a visitor.

Archives write a compound three ways, often in one document. A query word is
therefore a :class:`QueryWord`: a label (what the visitor typed, shown when a
result lacks it) and the token sequences any of which counts as that word:

* a hyphenated word ("anti-war") is its parts in a row or joined ("antiwar");
* two adjacent words ("anti war") whose joining is a word of the archive are one
  word, found in either form;
* a word that begins with one of English's living prefixes ("antiwar",
  "cooperation", "reelection") is also found as the prefix and the rest in a row,
  when both are words of the archive. Only prefixes: "something" is not "some thing".

A sequence of several tokens matches only where they stand in a row (a phrase),
so "anti war" never finds "Anti-Semites ... war".

>>> v = {"antiwar": 3, "anti": 20, "war": 900, "march": 40}
>>> [(w.label, w.forms) for w in query_words("anti-war march", v.get)]
[('anti-war', (('anti', 'war'), ('antiwar',))), ('march', (('march',),))]
>>> [w.forms for w in query_words("anti war", v.get)]
[(('anti', 'war'), ('antiwar',))]
>>> [w.forms for w in query_words("antiwar", v.get)]
[(('antiwar',), ('anti', 'war'))]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from indexer.schema import FOLDER

MIN_PART = 3  # "a way" is not "away": parts of a spaced or split compound are real words
MIN_JOINED = 6
# Prefixes that English writes joined, hyphenated or apart ("co-operation", "anti war").
PREFIXES = ("anti", "co", "counter", "cross", "ex", "extra", "inter", "intra", "mid", "multi",
            "neo", "non", "over", "pan", "post", "pre", "pro", "pseudo", "quasi", "re", "self",
            "semi", "socio", "sub", "super", "trans", "ultra", "un", "under", "vice")

_HYPHENATED = re.compile(r"[^\W\d_]+(?:[-‐‑][^\W\d_]+)+")

Frequency = Callable[[str], "int | None"]  # folded word -> paragraphs using it (0/None: unknown)


@dataclass(frozen=True)
class QueryWord:
    label: str
    forms: tuple[tuple[str, ...], ...]  # folded token sequences; the first is as typed

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.forms[0]


def _tokens(text: str) -> list[str]:
    return [t.text for t in FOLDER(text)]


def _split(word: str, frequency: Frequency) -> tuple[str, str] | None:
    """A prefixed word read as its prefix and the rest, when both are archive words.

    >>> _split("cooperation", {"co": 9, "operation": 40}.get), _split("something", {"some": 9}.get)
    (('co', 'operation'), None)
    """
    if len(word) < MIN_JOINED or word.isdigit():
        return None
    for prefix in sorted((p for p in PREFIXES if word.startswith(p)), key=len, reverse=True):
        rest = word[len(prefix):]
        if len(rest) >= MIN_PART and frequency(prefix) and frequency(rest):
            return prefix, rest
    return None


def query_words(text: str, frequency: Frequency) -> list[QueryWord]:
    """The words of a plain query with their compound forms (see the module docstring)."""
    raw: list[tuple[str, list[str]]] = []
    for chunk in text.split():
        toks = _tokens(chunk)
        if _HYPHENATED.fullmatch(chunk) and len(toks) > 1:
            raw.append((chunk.lower(), toks))
            continue
        # "women's" is "women": a lone letter carries nothing (a lone digit does).
        kept = [t for t in toks if len(t) > 1 or t.isdigit() or len(toks) == 1]
        raw.extend((t, [t]) for t in kept)
    out: list[QueryWord] = []
    i = 0
    while i < len(raw):
        label, toks = raw[i]
        if len(toks) > 1:
            out.append(QueryWord(label, (tuple(toks), ("".join(toks),))))
            i += 1
            continue
        word = toks[0]
        if i + 1 < len(raw) and len(raw[i + 1][1]) == 1:
            nxt = raw[i + 1][1][0]
            joined = word + nxt
            if (min(len(word), len(nxt)) >= MIN_PART and not (word + nxt).isdigit()
                    and len(joined) >= MIN_JOINED and frequency(joined)):
                out.append(QueryWord(f"{label} {raw[i + 1][0]}", ((word, nxt), (joined,))))
                i += 2
                continue
        halves = _split(word, frequency)
        out.append(QueryWord(label, ((word,), halves) if halves else ((word,),)))
        i += 1
    return out


def query_string(words: Iterable[QueryWord]) -> str:
    """The words for Whoosh's parser: each compound an OR of its forms, phrases quoted.

    >>> query_string([QueryWord("anti-war", (("anti", "war"), ("antiwar",))),
    ...               QueryWord("march", (("march",),))])
    '("anti war" OR antiwar) march'
    """
    parts = []
    for w in words:
        forms = [f'"{" ".join(f)}"' if len(f) > 1 else f[0] for f in w.forms]
        parts.append(forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")")
    return " ".join(parts)
