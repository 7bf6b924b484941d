"""The evaluation command: name matching, scoring, and the seed gold score itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.authority import Authority
from indexer.evaluate import Score, normalise, same_person, score_persons, score_set
from indexer.persons import PersonAnnotator

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Leon Trotsky", "Leon Trotsky", True),
        ("Trotsky", "Leon Trotsky", True),  # surname only: compatible
        ("L. Trotsky", "Leon Trotsky", True),  # initial
        ("Natalia Sedova", "Leon Trotsky", False),
        ("Harry Truman", "Harry S. Truman", True),
        ("Dwight David Eisenhower", "Dwight D. Eisenhower", True),
        ("Henry Ford", "Gerald R. Ford", False),
        ("Henry Ford", "Henry Ford II", True),  # prediction lacks the numeral: compatible
        ("James II", "James I of England", False),
        ("William", "William III of England", True),
        ("Frederick Engels", "Friedrich Engels", True),  # same name in two languages
        ("Lazaro Cardenas", "Lázaro Cárdenas", True),
        ("William F. Buckley, Jr.", "William F. Buckley Jr.", True),
        ("Karl Marx", "Eleanor Marx", False),
        ("Landreau", "John Celestine Landreau", True),
    ],
)
def test_same_person(predicted: str, gold: str, same: bool) -> None:
    assert same_person(predicted, gold) is same


def test_normalise() -> None:
    assert normalise("a *Te\n  Deum* and _this_") == "a Te Deum and this"


def test_score_persons_counts_each_gold_once_and_ignores_optional() -> None:
    score, fps, fns = score_persons(
        ["Leon Trotsky", "Trotsky", "Brutus", "Paris"],
        gold=["Leon Trotsky", "Joseph Stalin"],
        optional=["Brutus"],
    )
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert fps == ["Paris"] and fns == ["Joseph Stalin"]


def test_score_arithmetic() -> None:
    s = score_set({1940, 1947, 2006}, {1940, 1947})
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    assert s.precision == pytest.approx(2 / 3) and s.recall == 1.0
    assert Score().f1 == 1.0  # nothing expected, nothing found


@pytest.mark.shared
def test_seed_gold_targets(shared_dir: Path) -> None:
    from indexer.evaluate import evaluate_file

    annotator = PersonAnnotator(Authority.load(ROOT / "corpus" / "persons.toml"))
    result = evaluate_file(shared_dir / "eval" / "seed_gold.json", shared_dir / "corpus", annotator)
    assert result.missing_paragraphs == []
    assert result.persons.f1 >= 0.97, result.misses
    assert result.years.f1 >= 0.98, result.misses
