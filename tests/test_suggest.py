"""'Did you mean': our own edit distance over the unstemmed vocabulary."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searchsvc.suggest import Vocabulary, max_distance

VOCAB = Vocabulary({"slavery": 40, "slave": 90, "salary": 3, "trotsky": 55, "trotter": 2,
                    "deportation": 12, "deported": 20, "marx": 30, "mary": 4, "1940": 9})


@pytest.mark.parametrize("typo, best", [
    ("slavry", "slavery"),  # actual distance 1 beats the more frequent "slave" (2)
    ("trotksy", "trotsky"),  # a swapped pair costs 1 (optimal string alignment)
    ("deportaton", "deportation"),
    ("marz", "marx"),  # ties on distance go to the more frequent word ("mary": 4)
])
def test_best_correction(typo, best):
    assert VOCAB.correction(typo)[0][0] == best


@pytest.mark.parametrize("word", ["slavery", "trotsky", "xq", "1941", "zzzzzzzz"])
def test_no_correction(word):
    assert VOCAB.correction(word) == []


def test_rare_word_gets_a_correction_only_when_a_neighbour_is_much_more_common():
    v = Vocabulary({"trotsky": 50, "trotksy": 1, "lenin": 3, "lenim": 1})
    assert v.correction("trotksy")[0][0] == "trotsky"
    assert v.correction("lenim") == []  # 3 is not 10x as common as 1


def test_distance_bound_depends_on_length():
    assert max_distance("marx") == 1 and max_distance("slavery") == 2
    assert Vocabulary({"mars": 5}).close_forms("mxrz") == []  # 2 edits: too far for 4 letters


def test_vocabulary_from_index_includes_person_names(tmp_path):
    from svc_corpus import build

    from searchsvc.index_state import LoadedIndex

    gen = build(tmp_path)
    loaded = LoadedIndex(tmp_path, gen.name)
    try:
        assert loaded.vocab.frequency("deported") > 0  # unstemmed text word
        assert loaded.vocab.frequency("liebknecht") > 0
        assert loaded.vocab.frequency("red") >= 1  # alias words via person_names
        assert loaded.vocab.correction("liebknekht")[0][0] == "liebknecht"
    finally:
        loaded.close()


_WORDS = st.text(st.sampled_from("abcdeéz?1"), min_size=3, max_size=9)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_WORDS, st.integers(1, 50), min_size=1, max_size=60), _WORDS)
def test_letter_count_filter_loses_no_close_form(vocabulary, word):
    """The same forms as rapidfuzz over every word of the right lengths."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from searchsvc.suggest import MIN_LENGTH, max_distance

    v = Vocabulary(vocabulary)
    d = max_distance(word)
    every = [w for w in vocabulary if len(w) >= MIN_LENGTH and not w.isdigit()
             and abs(len(w) - len(word)) <= d]
    expected = sorted(((f, int(dist), vocabulary[f]) for f, dist, _ in process.extract(
        word, every, scorer=OSA.distance, score_cutoff=d, limit=None) if f != word),
        key=lambda t: (t[1], -t[2], t[0]))[:5]
    if word.isdigit():  # numbers are never corrected
        expected = []
    assert v.close_forms(word) == expected
