"""A corpus large enough to make hostile queries expensive (our own words, no shared text).

Words follow a Zipf distribution over a made-up vocabulary, so a few dozen words
occur in most paragraphs (the "common words" an attacker strings together) and
the long tail gives wildcards something to expand. Deterministic for a seed.

>>> ps = list(paragraphs(3, seed=1))
>>> len(ps), ps[0].doc_id == ps[1].doc_id
(3, True)
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from indexer.build import write_paragraphs
from indexer.models import Paragraph

# Real words for the head of the distribution (a visitor's common words), syllables
# for the tail (thousands of rare words that share prefixes, as a lexicon does).
HEAD = ("strike union party workers committee meeting letter congress exile vote war "
        "peace press printers harbour railway station factory wages hours leaflet motion "
        "delegates assembly branch secretary member minutes speech hall library winter "
        "spring journey border passport ship crossing asylum reading room lecture").split()
SYLLABLES = "ka lo mi ru te sa no vi da pe bo gu ri fa ze".split()
PER_DOCUMENT = 40


def vocabulary(size: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    words = list(HEAD)
    seen = set(words)
    while len(words) < size:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def paragraphs(n: int, seed: int = 0, vocab_size: int = 20_000) -> Iterator[Paragraph]:
    words = vocabulary(vocab_size, seed)
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, len(words) + 1) ** 1.05
    weights /= weights.sum()
    for i in range(n):
        doc = i // PER_DOCUMENT
        length = int(rng.integers(30, 90))
        text = " ".join(words[j] for j in rng.choice(len(words), size=length, p=weights))
        year = 1890 + (i * 7919) % 60
        yield Paragraph(
            id=f"attack/doc{doc}.md#p{i % PER_DOCUMENT}", doc_id=f"attack/doc{doc}.md",
            title=f"Record {doc}", position=i % PER_DOCUMENT,
            text=f"{text.capitalize()} in {year}.", section="", author=None,
            published=f"{year}-01-01", years=(year,), decades=(), persons=(),
        )


def build(root: Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` paragraphs as an index generation under ``root``; returns ``root``."""
    write_paragraphs(paragraphs(n, seed), root)
    return root


def common_words(k: int) -> list[str]:
    """The ``k`` most frequent words of the corpus (the costliest to combine)."""
    return HEAD[:k]


# Enough for costly queries to take seconds; the build takes seconds too, so conftest.py's
# ``attack_index`` builds it once per session.
PARAGRAPHS = 8000
