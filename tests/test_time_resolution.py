"""Time-aware resolution: of relatives or namesakes, a dated mention goes to the one active then."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.authority import Authority
from indexer.persons import PersonAnnotator

ROOT = Path(__file__).resolve().parents[1]

# Our own family of namesakes: a father and a son who both held the same office.
FAMILY = Authority.from_dict({"person": [
    {"id": "hale-walter", "name": "Walter Hale", "born": 1901, "died": 1980, "active": [1935, 1952],
     "aliases": ["Walter Hale Sr.", "Governor Hale"]},
    {"id": "hale-walter-jr", "name": "Walter Hale Jr.", "born": 1930, "active": [[1961, 1969], [1975, 1979]],
     "aliases": ["Governor Hale"], "surnames": ["Hale"]},
    {"id": "hale-ruth", "name": "Ruth Hale", "born": 1905, "died": 1990, "surnames": []},
    # Two namesakes without active years: only their lifespans can tell them apart.
    {"id": "orme-silas", "name": "Silas Orme", "born": 1790, "died": 1850},
    {"id": "orme-jonas", "name": "Jonas Orme", "born": 1850, "died": 1920},
]})


def ids(authority: Authority, texts: list[str], published: str | None) -> list[list[str]]:
    annotator = PersonAnnotator(authority)
    return [[r.id for r in refs] for refs, _ in annotator.annotate("", texts, published=published)]


@pytest.mark.parametrize(
    ("texts", "published", "expected", "why"),
    [
        (["Hale vetoed the bill."], "1940", [["hale-walter"]], "the father's term"),
        (["Hale vetoed the bill."], "1965", [["hale-walter-jr"]], "the son's first term"),
        (["Hale vetoed the bill."], "1977", [["hale-walter-jr"]], "the son's second span"),
        (["Governor Hale spoke."], "1940", [["hale-walter"]], "a full form both share, by date"),
        (["Governor Hale spoke."], "1966", [["hale-walter-jr"]], "a full form both share, by date"),
        (["His father Walter Hale Sr. had held the post.", "Hale said the state would pay."], "1966",
         [["hale-walter"], ["hale-walter-jr"]], "the father named in full does not take the son's mention"),
        (["Walter Hale Jr. was a boy then.", "Hale signed the act."], "1945",
         [["hale-walter-jr"], ["hale-walter"]], "nor does the son take the father's"),
        (["Hale spoke."], "1970", [[]], "nobody active and both alive: left out (flagged)"),
        (["Hale spoke."], "1985", [["hale-walter-jr"]], "nobody active: the only one still alive"),
        (["Orme wrote."], "1830", [["orme-silas"]], "no active years: the only namesake alive"),
        (["Orme wrote."], "1900", [["orme-jonas"]], "no active years: the only namesake alive"),
        (["Orme wrote."], "1869", [["orme-jonas"]], "the other died before the date"),
        (["Orme wrote."], None, [[]], "undated and nobody named: left out (flagged)"),
    ],
)
def test_time_aware_resolution(texts: list[str], published: str | None, expected: list, why: str) -> None:
    assert ids(FAMILY, texts, published) == expected, why


SHIPPED = Authority.load(ROOT / "corpus" / "persons.toml")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Bush ordered the invasion of Iraq.", "2003-03-20", "bush-george-w"),
        ("George Bush addressed the nation.", "2002", "bush-george-w"),
        ("President George Bush addressed the nation.", "2001-09-20", "bush-george-w"),
        ("Bush ordered troops to the Gulf.", "1991-01-16", "bush-george-h-w"),
        ("George Bush addressed the nation.", "1990", "bush-george-h-w"),
        ("Roosevelt wanted a canal.", "1903", "roosevelt-theodore"),
        ("Roosevelt closed the banks.", "1933", "roosevelt-franklin-d"),
        ("President Roosevelt spoke.", "1905", "roosevelt-theodore"),
        ("Adams signed the treaty.", "1798", "adams-john"),
        ("Adams argued against the gag rule.", "1840", "adams-john-quincy"),
        ("Johnson vetoed the Reconstruction bill.", "1867", "johnson-andrew"),
        ("Johnson signed the voting rights bill.", "1965", "johnson-lyndon-b"),
        ("Cárdenas nationalised the oil.", "1938", "cardenas-lazaro"),
        ("Cárdenas ran for president.", "1988", "cardenas-cuauhtemoc"),
        ("Admiral Dewey sank the Spanish squadron.", "1898", "dewey-george"),
        ("Governor Dewey conceded.", "1948", "dewey-thomas-e"),
        ("Secretary Stanton held the War Department.", "1868", "stanton-edwin-m"),
        ("Stanton spoke at Seneca Falls.", "1890", "stanton-elizabeth-cady"),
    ],
)
def test_shipped_relatives_never_take_each_others_mentions(text: str, published: str, expected: str) -> None:
    assert ids(SHIPPED, [text], published) == [[expected]]


@pytest.mark.parametrize(
    ("text", "published"),
    [("Dewey spoke.", "1948"),  # the philosopher and the governor: both active, neither named
     ("The vote on Capitol Hill was close.", "1995")],  # a place, not Joe Hill
)
def test_namesakes_nobody_names_are_left_out_not_guessed(text: str, published: str) -> None:
    assert ids(SHIPPED, [text], published) == [[]]


def test_a_son_named_in_full_in_his_fathers_years_keeps_his_name() -> None:
    text = ["George W. Bush, the President's son, campaigned in Texas.", "Bush vetoed the bill."]
    assert ids(SHIPPED, text, "1990") == [["bush-george-w"], ["bush-george-h-w"]]


@pytest.mark.parametrize(
    ("active", "problem"),
    [([1989], "active"), ([1993, 1989], "active"), (["1989", "1993"], "active"), ([[1989, 1993], 5], "active")],
)
def test_bad_active_years_are_reported_not_fatal(active: object, problem: str) -> None:
    a = Authority.from_dict({"person": [{"id": "x", "name": "X Y", "active": active},
                                        {"id": "y", "name": "Y Z"}]})
    assert set(a.persons) == {"y"}
    assert problem in a.problems[0]


# -- who owns a bare word, cold (empty authority, corpus-wide pass first) ---------------------------

Dated = list[tuple[str, list[str], int | None]]


def cold(corpus: Dated, doc: int) -> set[tuple[str, str]]:
    """(id, name) of every person found in document ``doc`` of a corpus nobody curated."""
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    _, texts, year = corpus[doc]
    return {(r.id, r.name) for refs, _ in annotator.annotate("", texts, published=str(year) if year else None)
            for r in refs}


def cold_names(corpus: Dated, doc: int) -> set[str]:
    return {name for _, name in cold(corpus, doc)}


# A speech the corpus holds in three copies names its guest once.
_COPIES = [(f"copy-{k}", ["We welcome Ferdinand Quennimore of the harbour board."], 1900) for k in range(3)]
# Named in full in two paragraphs, each once.
_TWICE = [("w", ["William Vantorre crossed the river.", "William Vantorre reported to the War Office."], 1899)]


@pytest.mark.parametrize(
    ("why", "corpus", "doc", "expected"),
    [
        ("three copies of one sentence are one sighting, too few to own the surname",
         [*_COPIES, ("b", ["Judge Quennimore ruled on the harbour."], 1902)], 3, {"Quennimore"}),
        ("a title is said of the living: not of one last named in full a century before",
         [*_TWICE, ("b", ["Captain Vantorre lost his command.", "Captain Vantorre spoke."], 2020)], 1,
         {"Vantorre"}),
        ("a name written in full twice has not earned a public life of slack before it",
         [("w", ["Ferdinand W. Peckford chaired the fair.", "Ferdinand W. Peckford thanked the city."], 1898),
          ("b", ["Judge Peckford heard the case.", "Judge Peckford adjourned."], 1860)], 1, {"Peckford"}),
        ("the title says which bearer: the one the corpus wrote with that office",
         [("a", ["Vice President Jorvan Quillby arrived.", "Jorvan Quillby waved.", "Jorvan Quillby left."], 2010),
          ("c", ["Maren Quillby opened the garden.", "Maren Quillby thanked the children."], 2010),
          ("b", ["Vice President Quillby spoke on trade."], 2011)], 2, {"Jorvan Quillby"}),
        ("a title several held in the document's time says nobody",
         [("a", ["Senator Aldo Brennick voted.", "Senator Aldo Brennick spoke."], 1950),
          ("c", ["Senator Cyrus Brennick objected.", "Senator Cyrus Brennick wrote."], 1952),
          ("b", ["Senator Brennick voted no.", "Senator Brennick left early."], 1951)], 2, set()),
        ("a bare surname of several people named in full, none named here: nobody",
         [("a", ["Aldo Brennick farmed.", "Aldo Brennick sold grain."], 1950),
          ("c", ["Cyrus Brennick painted.", "Cyrus Brennick travelled."], 1952),
          ("b", ["Later Brennick argued for the plan, and Brennick won."], 1951)], 2, set()),
        ("a surname thousands bear, several of them named in full however rarely: nobody",
         [("a", ["Henry Walker farmed the valley."], 1950), ("c", ["Michael Walker coached the team."], 1960),
          ("b", ["Ambassador Walker met the envoy.", "Ambassador Walker flew home."], 1965)], 2, set()),
        ("'Mrs.' never joins a value whose titled uses are male",
         [("a", ["Mr. Hallowell spoke.", "Mr. Hallowell voted.", "Mr. Hallowell left."], 1990),
          ("b", ["Mrs. Hallowell opened the library."], 1991)], 1, set()),
        ("'Mrs.' never joins the value of a surname the corpus names a man by",
         [("a", ["Albert Quorrington chaired the board."], 1990),
          ("b", ["Senator Quorrington voted.", "Senator Quorrington spoke."], 1991),
          ("c", ["Mrs. Quorrington opened the library."], 1991)], 2, set()),
        ("a given name belongs to someone of its own time, once introduced",
         [("a", ["Herman Zatlock wrote the report.", "Herman Zatlock filed it."], 2019),
          ("b", ["Herman asked the first question.", "Herman smiled."], 2009)], 1, set()),
        ("a given name long after its only bearer was named is somebody else",
         [("a", ["Moses Quarrington edited the paper.", "Moses Quarrington retired."], 1898),
          ("b", ["Moses led the people.", "Moses came down the mountain."], 1952)], 1, set()),
    ],
)
def test_who_owns_a_bare_word(why: str, corpus: Dated, doc: int, expected: set[str]) -> None:
    assert cold_names(corpus, doc) == expected, why


@pytest.mark.parametrize(
    ("why", "corpus", "doc", "expected"),
    [
        ("a given name within its bearer's years is the bearer's",
         [("a", ["Herman Zatlock wrote the report.", "Herman Zatlock filed it."], 2019),
          ("b", ["Herman asked the first question.", "Herman smiled."], 2021)], 1, {"Herman Zatlock"}),
        ("a lone surname whose titled uses are of one era keeps its value",
         [("a", ["Professor Dalgrove lectured.", "Professor Dalgrove wrote."], 1840),
          ("b", ["The argument of Dalgrove held, and Dalgrove was cited."], 1846)], 1, {"Dalgrove"}),
    ],
)
def test_owners_that_stay(why: str, corpus: Dated, doc: int, expected: set[str]) -> None:
    assert cold_names(corpus, doc) == expected, why


def test_a_titled_word_of_two_eras_is_two_people() -> None:
    corpus: Dated = [
        ("a", ["Captain Orrisford took the frigate.", "Captain Orrisford sailed home."], 1812),
        ("b", ["Secretary Orrisford met the envoy.", "Secretary Orrisford signed."], 1940),
        ("c", ["Secretary Orrisford flew to Lima.", "Secretary Orrisford returned."], 1942),
    ]
    first, second, third = (cold(corpus, k) for k in range(3))
    assert {name for _, name in first} == {name for _, name in second} == {"Orrisford"}
    assert first != second and second == third
    # The facet shows them apart: each value's label says the decade its era begins in.
    from indexer.authority import Authority
    from indexer.build import person_registry

    registry = person_registry(dict(first | second), Authority())
    assert sorted(v["name"] for v in registry.values()) == ["Orrisford (1810s)", "Orrisford (1940s)"]


def test_a_writer_discussed_without_a_break_stays_one_person() -> None:
    corpus: Dated = [
        ("a", ["Citizen Vellacourt spoke.", "Citizen Vellacourt wrote."], 1847),
        *[(f"m{y}", [f"The system of Vellacourt was read in {y}.", "Critics of Vellacourt answered."], y)
          for y in range(1855, 1895, 10)],
        ("b", ["M. Vellacourt was quoted again.", "M. Vellacourt was cited."], 1892),
    ]
    assert {pid for k in (0, len(corpus) - 1) for pid, _ in cold(corpus, k)} == {"x-vellacourt"}


def test_a_titled_given_name_of_two_eras_is_two_people() -> None:
    corpus: Dated = [
        ("a", ["Emperor Alexander signed the treaty.", "Emperor Alexander left Vienna."], 1815),
        ("b", ["General Alexander took the town.", "General Alexander advanced north."], 1943),
    ]
    first, second = cold(corpus, 0), cold(corpus, 1)
    assert {name for _, name in first} == {name for _, name in second} == {"Alexander"}
    assert first != second


def test_one_officer_recalled_now_and_then_stays_one_person() -> None:
    corpus: Dated = [
        ("a", ["Governor Penwarden reported on the territory."], 1827),
        ("b", ["Secretary Penwarden answered the envoy."], 1858),
        ("c", ["Mr. Penwarden, while Secretary, declared the rule."], 1885),
    ]
    assert {pid for k in range(3) for pid, _ in cold(corpus, k)} == {"x-penwarden"}
