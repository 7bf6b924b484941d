"""The fixed query mix, drawn (seeded) from the same text the corpus is generated from.

Nine kinds, each a list of requests ``{"q", "person", "year_from", "year_to"}``,
sent with the service's defaults (documents, ``match=most``):

common     one frequent word ("government")
rare       one word seen a handful of times in the training text
two        two words that occur near each other
phrase     two or three consecutive words, quoted
person     a frequent word, filtered to one person (a facet click)
years      a frequent word, filtered to a year range
misspelt   a mid-frequency word with two letters swapped (a "did you mean" case)
commons    four frequent words and nothing rarer (every document holds some of them)
partial    three words that occur near each other and one the archive never uses
           (a visitor's imprecise memory: partial matches, never a dead end)

>>> swap_letters("government", 3)
'govrenment'
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from bench.corpus_gen import MarkovModel

KINDS = ("common", "rare", "two", "phrase", "person", "years", "misspelt", "commons", "partial")
_ALPHA = re.compile(r"^[a-z]{4,}$")


def _norm(token: str) -> str:
    return re.sub(r"^\W+|\W+$", "", token).lower()


def swap_letters(word: str, i: int) -> str:
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def make_queries(model: MarkovModel, n: int = 200, seed: int = 0) -> dict[str, list[dict]]:
    rng = np.random.default_rng([seed, 7])
    freq: Counter[str] = Counter()
    tok_count = np.bincount(model.stream, minlength=model.V)
    for tid in np.nonzero(tok_count)[0]:
        w = _norm(model.vocab[tid])
        if _ALPHA.match(w):
            freq[w] += int(tok_count[tid])
    ranked = [w for w, _ in freq.most_common()]
    common = ranked[60:600]  # the top ranks are function words nobody searches for
    mid = [w for w in ranked[300:4000] if len(w) >= 6]
    rare = sorted(w for w, c in freq.items() if 3 <= c <= 8 and len(w) >= 5)
    content = set(ranked[60:20000])

    def pick(words: list[str]) -> str:
        return words[int(rng.integers(0, len(words)))]

    def window(k: int) -> list[str]:
        i = int(rng.integers(0, len(model.stream) - k))
        return [model.vocab[t] for t in model.stream[i:i + k]]

    def phrase() -> str:
        while True:
            k = int(rng.integers(2, 4))
            toks = window(k)
            # No punctuation inside: a phrase across a comma reads oddly.
            if all(re.fullmatch(r"[A-Za-z]+", t) for t in toks[:-1]) and _ALPHA.match(_norm(toks[-1]) or "-"):
                words = [t.lower() for t in toks[:-1]] + [_norm(toks[-1])]
                if any(w in content for w in words):
                    return '"' + " ".join(words) + '"'

    def near(k: int) -> list[str]:
        while True:
            words = [w for w in (_norm(t) for t in window(12)) if w in content and len(w) >= 4]
            words = list(dict.fromkeys(words))
            if len(words) >= k:
                return [words[i] for i in rng.choice(len(words), k, replace=False)]

    def two() -> str:
        return " ".join(near(2))

    def partial() -> str:
        absent = swap_letters(pick(mid), 2) + "x"  # never a word of the archive
        return " ".join([*near(3), absent])

    def misspelt() -> str:
        while True:
            w = pick(mid)
            bad = swap_letters(w, int(rng.integers(1, len(w) - 2)))
            if bad not in freq:
                return bad

    weights = np.bincount(model.name_person, minlength=len(model.persons)).astype(float) + 1
    top_people = np.argsort(-weights)[:30]  # facet clicks go to the people shown first
    years = model.year_values[model.year_values >= 1500]

    def req(q: str, **kw) -> dict:
        return {"q": q, "person": kw.get("person"), "year_from": kw.get("year_from"),
                "year_to": kw.get("year_to")}

    out: dict[str, list[dict]] = {k: [] for k in KINDS}
    for _ in range(n):
        out["common"].append(req(pick(common)))
        out["rare"].append(req(pick(rare)))
        out["two"].append(req(two()))
        out["phrase"].append(req(phrase()))
        who = model.persons[int(top_people[int(rng.integers(0, len(top_people)))])] if model.persons else None
        out["person"].append(req(pick(common), person=who.id if who else None))
        y = int(years[int(rng.integers(0, len(years)))])
        out["years"].append(req(pick(common), year_from=y, year_to=y + int(rng.integers(5, 26))))
        out["misspelt"].append(req(misspelt()))
        out["commons"].append(req(" ".join(pick(common) for _ in range(4))))
        out["partial"].append(req(partial()))
    return out
