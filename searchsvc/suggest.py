"""'Did you mean': close forms of a rare word from the unstemmed vocabulary.

Whoosh's ``ReaderCorrector`` scores every candidate with the maximum edit
distance and reads frequencies from the stemmed field, so "slavry" became
"slave". Here candidates are ranked by their *actual* distance (optimal string
alignment: a swapped pair of letters costs 1, as in "Trotksy"), then by how
many paragraphs use them.

>>> v = Vocabulary({"slavery": 40, "slave": 90, "salary": 3})
>>> v.close_forms("slavry")
[('slavery', 1, 40), ('slave', 2, 90), ('salary', 2, 3)]
>>> v.correction("slavery")  # known and common: nothing to suggest
[]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from indexer import schema as S
from indexer.vocabulary import WordCounter

MIN_LENGTH = 3  # shorter words have too many neighbours to guess from
EXPANSIONS = 3  # close forms searched for one misspelt word, by paragraphs and by documents


def max_distance(word: str) -> int:
    """Edits allowed for a word of this length.

    >>> max_distance("marx"), max_distance("trotksy")
    (1, 2)
    """
    return 1 if len(word) <= 4 else 2


_LETTERS = 27  # a..z, and one count for every other character


def letter_counts(words: list[str], length: int) -> np.ndarray:
    """How often each of a..z (and anything else) occurs in each word of ``length`` characters.

    >>> letter_counts(["abba", "ab?é"], 4)[:, [0, 1, 26]].tolist()
    [[2, 2, 0], [1, 1, 2]]
    """
    # "replace" turns each non-ASCII character into one byte, so every word
    # keeps ``length`` bytes.
    codes = np.frombuffer("".join(words).encode("ascii", "replace"), dtype=np.uint8)
    index = codes.astype(np.int64) - ord("a")
    index[(index < 0) | (index >= 26)] = 26
    rows = np.repeat(np.arange(len(words), dtype=np.int64), length)
    return np.bincount(rows * _LETTERS + index, minlength=len(words) * _LETTERS).reshape(
        len(words), _LETTERS).astype(np.int16)


class Vocabulary:
    """Words with their document frequency, bucketed by length for speed.

    Within a bucket, a word's letter counts rule most words out before any edit
    distance is computed: each edit changes at most two counts by one, so a
    word within ``d`` edits differs from the query's counts by at most ``2d``
    in total. The filter is exact; it only saves rapidfuzz most of its calls.
    """

    def __init__(self, frequencies: Mapping[str, int]) -> None:
        self.df = dict(frequencies)
        buckets: dict[int, list[str]] = defaultdict(list)
        for word in self.df:
            if len(word) >= MIN_LENGTH and not word.isdigit():
                buckets[len(word)].append(word)
        self._buckets = dict(buckets)
        self._counts = {n: letter_counts(words, n) for n, words in self._buckets.items()}

    @classmethod
    def for_generation(cls, path: Path, reader) -> Vocabulary:
        """The text's words (the generation's vocabulary.json) and the person_names field's."""
        df: dict[str, int] = defaultdict(int)
        saved = WordCounter.load(path / S.VOCABULARY_FILE)
        # Generations written before vocabulary.json kept the words in a "words" field.
        fields = [S.PERSON_NAMES] if saved is not None else ["words", S.PERSON_NAMES]
        if saved is not None:
            df.update(saved.counts)
        for field in fields:
            if field not in reader.schema:
                continue
            for btext, info in reader.iter_field(field):
                df[btext.decode("utf-8")] += info.doc_frequency()
        return cls(df)

    def frequency(self, word: str) -> int:
        return self.df.get(word, 0)

    def close_forms(self, word: str, limit: int = 5) -> list[tuple[str, int, int]]:
        """(form, distance, document frequency) for known words near ``word``, best first."""
        if len(word) < MIN_LENGTH or word.isdigit():
            return []
        d = max_distance(word)
        found: list[tuple[str, int, int]] = []
        own = letter_counts([word], len(word))[0]
        for length in range(len(word) - d, len(word) + d + 1):
            choices = self._buckets.get(length)
            if not choices:
                continue
            near = np.flatnonzero(np.abs(self._counts[length] - own).sum(axis=1) <= 2 * d)
            choices = [choices[i] for i in near.tolist()]
            for form, dist, _ in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=d, limit=None
            ):
                if form != word:
                    found.append((form, int(dist), self.df[form]))
        found.sort(key=lambda t: (t[1], -t[2], t[0]))
        return found[:limit]

    def correction(self, word: str, rare: int = 2, ratio: int = 10) -> list[tuple[str, int, int]]:
        """Close forms worth offering for ``word``: it is unknown, or rare while a close form
        is at least ``ratio`` times as common. Empty when the word looks fine.

        >>> Vocabulary({"trotsky": 50, "trotksy": 1}).correction("trotksy")
        [('trotsky', 1, 50)]
        """
        own = self.frequency(word)
        if own > rare:
            return []
        forms = self.close_forms(word)
        if own:
            forms = [f for f in forms if f[2] >= ratio * own]
        return forms
