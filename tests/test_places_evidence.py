"""Negative evidence from data: a lone capitalised word that names a place, a people or
a religious group is no person's value; a surname that is also a town stays a person
where the corpus uses it as one. Every text here is written for these tests (the
people are invented; the places are real, since the evidence comes from GeoNames and
pycountry).
"""

from __future__ import annotations

import pytest

from indexer.authority import Authority
from indexer.persons import PersonAnnotator
from indexer.personhood import mononym_doubt, town
from indexer.places import other_spelling, place_names, subdivision_head

# Each corpus also names a real-looking person, so that a rule that drops everything fails.
_PEOPLE = ("b", ["Samuel Halloran said the talks would resume. Later Halloran wrote to the committee, "
                 "and Halloran argued for a vote."])


def values(texts: list[str]) -> set[str]:
    corpus = [("a", texts), _PEOPLE]
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    found = {r.name for _, ts in corpus for refs, _ in annotator.annotate("", ts) for r in refs}
    assert "Samuel Halloran" in found, "real people are still found"
    return found


def used_as_a_place_once(word: str) -> list[str]:
    """A word capitalised mid-sentence eight times, after "in" once: too rarely a place
    for the corpus alone to say so."""
    return [f"The river flooded {word} twice.",
            f"Later {word} rebuilt the levee, and farmers loved {word}.",
            f"Reporters from {word} waited; the mayor of {word} wept.",
            f"Trains left {word} daily, and the mills of {word} hummed.",
            f"The sheriff was in {word} that night."]


@pytest.mark.parametrize(
    ("kind", "texts", "word"),
    [
        ("a smaller city the corpus also uses as a place", used_as_a_place_once("Paducah"), "Paducah"),
        ("another spelling of a big city's name", used_as_a_place_once("Strasburg"), "Strasburg"),
        ("a big city's other name", used_as_a_place_once("Leghorn"), "Leghorn"),
        ("a country's name in another language", used_as_a_place_once("Allemagne"), "Allemagne"),
        ("a region's name that two languages share", used_as_a_place_once("Tyrol"), "Tyrol"),
        ("a region's English name", ["Reindeer herders crossed Lapland in winter.",
                                     "Later Lapland froze, and herders left Lapland."], "Lapland"),
        ("a subdivision known by the first word of its name",
         ["Rebels held Michoacan for a year.", "Later Michoacan rose again, and troops left Michoacan."],
         "Michoacan"),
        ("a country that no longer exists",
         ["Envoys reached Dahomey in spring.",
          "Later Dahomey signed the treaty, and traders praised Dahomey."],
         "Dahomey"),
        ("a branch of a religion",
         ["Elders of the Druze met, and many Sufis came.",
          "Later Druze elders said they would vote; Sufis sang."],
         "Druze"),
        ("believers, plural",
         ["Elders of the Druze met, and many Sufis came.", "Later Sufis sang, and Sufis danced."], "Sufis"),
    ],
)
def test_a_place_or_a_people_is_not_a_person(kind: str, texts: list[str], word: str) -> None:
    assert word not in values(texts), kind


@pytest.mark.parametrize(
    ("kind", "texts", "name"),
    [
        ("a surname that is also a town, used as a person",
         ["Yesterday Dalton said the mill would close. Later Dalton argued for a vote, and then Dalton "
          "wrote to the board.", "The mill at Dalton closed."], "Dalton"),
        ("a town's name that the corpus never uses as a place",
         ["Critics answered Dalton at length.", "Later Dalton replied to the students of Dalton."],
         "Dalton"),
        ("a title before a town's name",
         ["Yesterday General Muncie led the column. Later General Muncie wrote home.",
          "The scouts said Muncie was late, and Muncie wept."], "Muncie"),
    ],
)
def test_a_person_named_like_a_town_stays(kind: str, texts: list[str], name: str) -> None:
    assert name in values(texts), kind


@pytest.mark.parametrize(
    ("word", "place_uses", "human", "expected"),
    [
        ("Paducah", 1, 0, True),  # a smaller city, once "in Paducah"
        ("Paducah", 0, 0, False),  # never used as a place here: no evidence either way
        ("Dalton", 1, 3, False),  # "Dalton said", "Dalton argued", "Dalton wrote": a person acts
        ("Strasburg", 2, 2, True),  # as often a place as followed by "was"
        ("Halloran", 5, 0, False),  # no place anywhere is called so
    ],
)
def test_town(word: str, place_uses: int, human: int, expected: bool) -> None:
    assert town(word, place_uses, human) is expected


@pytest.mark.parametrize(
    ("name", "code", "head"),
    [
        ("Michoacan de Ocampo", "MX-MIC", "Michoacan"),
        ("Zamboanga del Norte", "PH-ZAN", None),  # the code abbreviates the whole name
        ("Ciudad de Mexico", "MX-CMX", None),  # a generic first word ("city")
        ("Territoire de Belfort", "FR-90", None),  # a numeric code says nothing
        ("Jalisco", "MX-JAL", None),  # one word: the name itself
    ],
)
def test_subdivision_head(name: str, code: str, head: str | None) -> None:
    assert subdivision_head(name, code) == head


@pytest.mark.parametrize(
    ("alternate", "name", "expected"),
    [("Strasburg", "Strasbourg", True), ("Lyons", "Lyon", True), ("Leghorn", "Livorno", False)],
)
def test_other_spelling(alternate: str, name: str, expected: bool) -> None:
    assert other_spelling(alternate, name) is expected


@pytest.mark.parametrize(
    ("word", "where"),
    [
        ("Michoacan", "regions"),
        ("Dahomey", "regions"),  # ISO 3166-3: withdrawn
        ("Strasburg", "spellings"),
        ("Leghorn", "towns"),
        ("Paducah", "towns"),
        ("Allemagne", "towns"),
        ("Tyrol", "towns"),  # pycountry: "Tirol"; Dutch, Romanian...: "Tyrol"
        ("Lapland", "regions"),  # pycountry's English translation of "Lappi"
    ],
)
def test_where_the_data_puts_a_word(word: str, where: str) -> None:
    places = place_names()
    assert [k for k in ("regions", "cities", "spellings", "towns") if word in getattr(places, k)] == [where]


def test_a_given_name_is_no_other_spelling_of_a_city() -> None:
    # GeoNames lists given names among some cities' other names ("Victor"); never taken as such.
    from indexer.name_words import GIVEN

    assert not place_names().spellings & GIVEN


def test_without_a_discovery_word_nothing_is_a_town() -> None:
    from indexer.discovery import Discovery

    # (Nothing says it is anybody's name either: that doubt is another, see "no name".)
    assert mononym_doubt(Discovery(), "Paducah") not in ("place", "town")
