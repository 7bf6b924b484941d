"""When a bare surname in the authority file does not mean the person the file knows.

The dead are still spoken of by surname, so death alone decides nothing; but
where the corpus names someone else with the surname, a bare surname long after
the death is not known to be the file's person. Places, forms of address and family qualifiers say the same
without any date. Names and sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from indexer.authority import Authority
from indexer.persons import PersonAnnotator

# Walter Quist (1800-1850) and Walter Denver (1800-1850): "Denver" is also a big city.
AUTHORITY = Authority.from_dict({"person": [
    {"id": "quist-walter", "name": "Walter Quist", "born": 1800, "died": 1850},
    {"id": "denver-walter", "name": "Walter Denver", "born": 1800, "died": 1850},
    {"id": "lopez-walter", "name": "Walter Lopez", "born": 1800, "died": 1850},
]})
_NAMED_IN_HIS_TIME = ("early", ["Walter Quist spoke to the House.", "Walter Quist voted."], 1840)
_NAMED_LONG_AFTER = ("later", ["The reforms of Walter Quist are remembered.", "Walter Quist was right."], 1940)
_ANOTHER_QUIST = ("other", ["Edward Quist ran the union.", "Edward Quist called a strike."], 1948)


@pytest.mark.parametrize(
    ("kind", "corpus", "doc", "expected"),
    [
        ("alive at the date: the bare surname is him",
         [_NAMED_IN_HIS_TIME, ("d", ["Then Quist answered the charge."], 1845)], "d", {"quist-walter"}),
        ("long dead, and the corpus names another Quist in full: not known to be him",
         [_NAMED_IN_HIS_TIME, _ANOTHER_QUIST, ("d", ["Then Quist answered the charge."], 1950)], "d", set()),
        ("long dead, and nobody else of the name: still him",
         [_NAMED_IN_HIS_TIME, ("d", ["As Quist said, reform comes slowly."], 1950)],
         "d", {"quist-walter"}),
        ("another Quist, but in the man's lifetime: the file's man",
         [_NAMED_IN_HIS_TIME, _ANOTHER_QUIST, ("d", ["Then Quist answered the charge."], 1845)],
         "d", {"quist-walter"}),
        ("long dead, named in full in the same document: him",
         [_NAMED_IN_HIS_TIME, ("d", ["Walter Quist was right.", "Quist said so."], 1950)], "d", {"quist-walter"}),
        ("nobody calls the long dead Mister",
         [_NAMED_IN_HIS_TIME, _NAMED_LONG_AFTER, ("d", ["Q. Mr. Quist, will the union strike?"], 1981)],
         "d", set()),
        ("a surname thousands share, long after the man's death, is anybody's",
         [("d", ["Then Lopez answered the charge."], 1950)], "d", set()),
        ("the same common surname in his lifetime is him",
         [("d", ["Then Lopez answered the charge."], 1845)], "d", {"lopez-walter"}),
        ("a big city's name, long after the man's death, is the city",
         [("d", ["Crime rose in Chicago and Denver last year."], 2008)], "d", set()),
        ("the same word in the man's lifetime, with a title, is him",
         [("d", ["Senator Denver spoke for the bill."], 1840)], "d", {"denver-walter"}),
        ("a fort named after him is not him, even in his lifetime",
         [("d", ["Troops were sent from Fort Quist to the city."], 1844)], "d", set()),
        ("one of a family, not said which",
         [("d", ["In the time of the first Quist the country was young."], 1845)], "d", set()),
        ("an undated document decides nothing by date",
         [_NAMED_IN_HIS_TIME, ("d", ["Then Quist answered the charge."], None)], "d", {"quist-walter"}),
    ],
)
def test_a_bare_surname_at_the_document_date(kind: str, corpus: list, doc: str, expected: set[str]) -> None:
    corpus = [(d, t, y) if y is not None else (d, t) for d, t, y in corpus]
    annotator = PersonAnnotator(AUTHORITY)
    annotator.prepare(corpus)
    entry = next(d for d in corpus if d[0] == doc)
    published = str(entry[2]) if len(entry) > 2 else None
    found = {r.id for refs, _ in annotator.annotate("", entry[1], published=published) for r in refs}
    assert found == expected, kind


def test_a_big_citys_name_after_at_is_the_city_even_where_the_man_is_named_in_full() -> None:
    annotator = PersonAnnotator(AUTHORITY)
    named, at_city = annotator.annotate("", ["What would Walter Denver have said?", "I spoke at Denver last week."],
                                        published="1932")
    assert [r.id for r in named[0]] == ["denver-walter"]
    assert at_city[0] == ()
