"""Famous people (WordNet's) as evidence of whom a bare surname means, with cases we write."""

from __future__ import annotations

import pytest

from indexer.authority import Authority
from indexer.notables import famous_bearer, known_alone, notables
from indexer.persons import PersonAnnotator


def values_of(corpus: list[tuple[str, list[str], int]], doc_id: str) -> list[set[str]]:
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    (texts, year), = [(texts, year) for d, texts, year in corpus if d == doc_id]
    return [{r.name for r in refs} for refs, _ in annotator.annotate(doc_id, texts, published=str(year))]


@pytest.mark.parametrize(
    ("kind", "corpus", "doc_id", "expected"),
    [
        ("of two bearers named once each, the famous one is quoted",
         [("a", ["Edmund Burke wrote on the sublime, and Edmund Burke spoke in Parliament."], 1961),
          ("b", ["Jim Burke ran the county fair, and Jim Burke judged the pies."], 1992),
          ("c", ["As Burke said, liberty must be restrained by manners."], 1995)],
         "c", [{"Edmund Burke"}]),
        ("an office is held by the living: not a statesman dead for a century",
         [("a", ["Edmund Burke wrote on the sublime, and Edmund Burke spoke in Parliament."], 1961),
          ("b", ["Jim Burke ran the county fair, and Jim Burke judged the pies."], 1992),
          ("d", ["Admiral Burke commanded the fleet in Korea."], 1961)],
         "d", [set()]),
        ("fame breaks a tie, not a count",
         [("a", ["Edmund Burke wrote on the sublime."], 1961),
          ("b", ["Jim Burke ran the county fair.", "Jim Burke judged the pies.", "Jim Burke won."], 1992),
          ("e", ["Jim Burke sold the farm in 1990.", "Jim Burke moved to town."], 1990),
          ("c", ["As Burke said, liberty must be restrained by manners."], 1995)],
         "c", [{"Jim Burke"}]),
        ("a word that is a famous person's whole name is not the corpus's full name ending in it",
         [("a", ["Philip Augustus fought Richard the Lionheart.", "Philip Augustus won Normandy."], 1893),
          ("b", ["In the age of Augustus the Roman state was remade, and Augustus ruled alone."], 1884)],
         "b", [set()]),
        ("a word before a particle heads a longer name: a count's title, not the philosopher",
         [("a", ["Auguste Comte founded positivism.", "Auguste Comte wrote on sociology."], 1900),
          ("b", ["Tom Comte farmed near Lyon.", "Tom Comte sold wheat."], 1890),
          ("c", ["The Comte d'Esterno says the loans ran at a hundred per cent."], 1884)],
         "c", [set()]),
        ("the document that names him still says so",
         [("a", ["Philip Augustus fought Richard the Lionheart.", "Then Augustus won Normandy."], 1893)],
         "a", [{"Philip Augustus"}, {"Philip Augustus"}]),
    ],
)
def test_a_famous_bearer_decides_what_counts_leave_open(kind, corpus, doc_id, expected) -> None:
    found = values_of(corpus, doc_id)
    assert [names - {"Augustus", "Burke", "Richard the Lionheart", "Richard"} for names in found] == expected, kind


def test_the_dictionary_reads_names_and_lives() -> None:
    (jjr,) = [n for n in notables("Rousseau") if "Jean-Jacques Rousseau" in n.names]
    assert (jjr.born, jjr.died) == (1712, 1778)
    assert known_alone("Augustus") and not known_alone("Rousseau")
    # Two famous bearers named: neither is the likelier.
    assert famous_bearer("Hoover", ["Herbert Hoover", "J. Edgar Hoover"]) is None
    assert famous_bearer("Hoover", ["Herbert Hoover", "Tom Hoover"]) == "Herbert Hoover"
    assert famous_bearer("Hoover", ["Herbert Hoover"], 1850) is None  # before his birth


def test_a_famous_person_named_in_two_languages_is_one_value() -> None:
    """ "Jan Huss" and "John Huss": the dictionary gives both as the reformer's names."""
    corpus = [("n", ["Jan Huss was the literary defender of the new ideas.", "The burning of John Huss began the war.",
                     "Jan Huss wrote in Czech."], 1850)]
    found = values_of(corpus, "n")
    assert len(set().union(*found)) == 1 and all(found), found


def test_a_title_says_a_contemporary_not_a_famous_man_dead_long_before() -> None:
    """ "Canon Fielding" of the minutes, 1870-1898, where one lecture of 1899 names the novelist
    Henry Fielding (1707-1754): the one naming does not make the canon the novelist."""
    corpus = [("l", ["The lecturer claimed Henry Fielding as an ancestor."], 1899),
              *[(f"m{k}", [f"Canon Fielding took the chair in 18{70 + 4 * k}."], 1870 + 4 * k) for k in range(8)]]
    assert not any("Henry Fielding" in names for names in values_of(corpus, "m3"))
    assert values_of(corpus, "l") == [{"Henry Fielding"}]
