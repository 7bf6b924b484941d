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
        (["Hale signed the act."], "1977", [["hale-walter-jr"]], "the son's second span"),
        (["Orme wrote."], "1830", [["orme-silas"]], "no active years: the only namesake alive"),
        (["Orme wrote."], "1900", [["orme-jonas"]], "no active years: the only namesake alive"),
        (["Orme wrote."], "1869", [["orme-jonas"]], "the other died before the date"),
        (["Orme wrote."], None, [[]], "undated and nobody named: left out (flagged)"),
        # A year the sentence itself gives outweighs the document's date.
        (["Hale vetoed the bill in 1940, and the son still cites it."], "1966", [["hale-walter"]],
         "the father's year, said in the sentence"),
        (["In 1938 Governor Hale built the road.", "Hale now wants it widened."], "1966",
         [["hale-walter"], ["hale-walter-jr"]], "a year of another sentence decides nothing there"),
        (["Hale vetoed the bill in 1970."], "1977", [["hale-walter-jr"]],
         "a year neither was active: the date decides, as before"),
        (["Hale promised to finish the road by 1990."], "1977", [["hale-walter-jr"]],
         "a year after the document is no past time"),
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
     ("The vote on Capitol Hill was close.", "1995"),  # a place, not Joe Hill
     ("The allies deployed new Pershing missiles that winter.", "1983")],  # a weapon named after him
)
def test_namesakes_nobody_names_are_left_out_not_guessed(text: str, published: str) -> None:
    assert ids(SHIPPED, [text], published) == [[]]


# Our own family of office holders: a father and a son both president, the son a governor
# first; a daughter-in-law who held nothing the file lists; a namesake the file knows by
# his offices alone.
OFFICE_HOLDERS = Authority.from_dict({"person": [
    {"id": "varenza-amos", "name": "Amos Varenza", "born": 1924, "active": [1981, 1993],
     "offices": {"Vice President": [1981, 1989], "President": [1989, 1993], "Ambassador": [1971, 1973]}},
    {"id": "varenza-bo", "name": "Bo Varenza", "born": 1946, "active": [1995, 2009],
     "offices": {"Governor": [1995, 2000], "President": [2001, 2009]}},
    {"id": "varenza-cora", "name": "Cora Varenza", "born": 1950, "surnames": ["Varenza"]},
    {"id": "dorsey-wade", "name": "Wade Dorsey", "born": 1856, "died": 1924, "active": [1911, 1921],
     "offices": {"Professor": [1890, 1910], "Governor": [1911, 1913], "President": [1913, 1921]}},
]})


@pytest.mark.parametrize(
    ("texts", "published", "expected", "why"),
    [
        (["President Varenza spoke of the recession."], "1996", [["varenza-amos"]],
         "a president three years out of office, not the governor of the day"),
        (["Governor Varenza signed the budget."], "1996", [["varenza-bo"]], "the one governor then"),
        (["President Varenza spoke."], "2003", [["varenza-bo"]], "the one in office"),
        (["We thank former President Varenza."], "2003", [["varenza-amos"]], "'former': the one who left it"),
        (["We thank former Presidents Varenza and Quennell."], "2003", [["varenza-amos", "x-quennell"]],
         "...in the plural too"),
        (["Vice President Varenza spoke."], "1985", [["varenza-amos"]], "the vice presidency is an office of its own"),
        (["Ambassador Dorsey reported from Mexico."], "1911", [[]],
         "an office the file's Dorsey never held: someone else, left out"),
        (["Governor Dorsey spoke at Trenton."], "1911", [["dorsey-wade"]], "an office he held"),
        (["I met Mr. Dorsey, the ambassador of the United States to Mexico."], "1911", [[]],
         "...an office in apposition says as much"),
        (["Mr. Varenza, the former president, spoke."], "2003", [["varenza-amos"]], "...and 'former' there too"),
        (["Mr. Dorsey, the governor, spoke at Trenton."], "1911", [["dorsey-wade"]], "...as it says an office he held"),
        (["Present: Speaker Ezra Dorsey.", "Speaker Dorsey called the House to order."], "2024",
         [["x-ezra-dorsey"], ["x-ezra-dorsey"]], "an office he never held: the namesake the document names"),
        (["Mr. Dorsey spoke at Trenton."], "1911", [["dorsey-wade"]], "a form of address says no office"),
        (["Senator Varenza spoke."], "2003", [["varenza-cora"]],
         "none of those whose offices the file gives held it: the one whose offices it does not give"),
        (["Governor Dorsey spoke at Trenton."], "1916", [[]],
         "an office he had left for another: someone else's title then"),
        (["Governor Varenza signed the budget."], "2005", [[]],
         "...of a family too: the governor of 1995-2000 was president by then"),
        (["President Dorsey spoke."], "1916", [["dorsey-wade"]], "...but the office he then held"),
        (["We thank former Governor Dorsey."], "1916", [["dorsey-wade"]], "...or 'former' of the one he left"),
    ],
)
def test_an_office_says_which_holder(texts: list[str], published: str, expected: list, why: str) -> None:
    assert ids(OFFICE_HOLDERS, texts, published) == expected, why


def test_the_files_office_holder_outranks_a_namesake_the_corpus_writes_with_the_title() -> None:
    """A school board's "President Gordon Varenza" is no reason to give him the wire copy's
    "President Varenza" of the years the file says Bo Varenza was president."""
    corpus = [("a", ["School board President Gordon Varenza said the levy failed.",
                     "Board President Gordon Varenza will try again."], 2002),
              ("b", ["President Varenza spoke of the war."], 2003),
              ("c", ["President Varenza signed the bill."], 2004)]
    annotator = PersonAnnotator(OFFICE_HOLDERS)
    annotator.prepare([(doc, texts) for doc, texts, _ in corpus])
    found = [[r.id for refs, _ in annotator.annotate("", texts, published=str(year)) for r in refs]
             for _, texts, year in corpus]
    assert found == [["x-gordon-varenza", "x-gordon-varenza"], ["varenza-bo"], ["varenza-bo"]]


def test_bad_offices_are_reported_not_fatal() -> None:
    a = Authority.from_dict({"person": [{"id": "x", "name": "X Y", "offices": {"President": [1993, 1989]}},
                                        {"id": "z", "name": "Z Y", "offices": ["President"]},
                                        {"id": "y", "name": "Y Z"}]})
    assert set(a.persons) == {"y"}
    assert "offices" in a.problems[0] and "offices" in a.problems[1]


def test_a_titled_surname_the_corpus_owns_by_a_file_name_without_bare_surnames_is_that_person() -> None:
    """The file gives Jeb Bush no bare surname (his father and brother have it); where the corpus
    writes "Gov. Jeb Bush", a later "Gov. Bush" of the same years is his, not a second value."""
    corpus = [("a", ["Gov. Jeb Bush declared an emergency.", "Gov. Jeb Bush toured the coast."], 2004),
              ("b", ["In Florida, Gov. Jeb Bush spoke, and Gov. Bush urged residents to stay home."], 2004)]
    annotator = PersonAnnotator(SHIPPED)
    annotator.prepare([(doc, texts, year) for doc, texts, year in corpus])
    found = [{r.id for refs, _ in annotator.annotate("", texts, published=str(year)) for r in refs}
             for _, texts, year in corpus]
    assert found == [{"bush-jeb"}, {"bush-jeb"}]


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


# Our own public figures: a man the file knows by his surname, and one whose given name the
# census tables give to women, whom the file's form of address says is a man.
FIGURES = Authority.from_dict({"person": [
    {"id": "quill-amos", "name": "Amos Quill", "born": 1900, "died": 1970, "active": [1940, 1960]},
    {"id": "voronov-sasha", "name": "Sasha Voronov", "born": 1900, "died": 1975, "aliases": ["Mr. Voronov"]},
]})


@pytest.mark.parametrize(
    ("texts", "published", "expected", "why"),
    [
        (["Amos Quill spoke.", "Mrs. Quill opened the fair."], "1950", [["quill-amos"], []],
         "a woman's title: not the file's man, though he is named here"),
        (["Mrs. Quill opened the fair."], "1950", [[]], "a woman's title: not the only man the file knows"),
        (["President and Mrs. Quill arrived."], "1950", [["quill-amos"]], "a couple's title is his too"),
        (["Mrs. Amos Quill opened the fair."], "1950", [[]], "his wife, by his name"),
        (["Herr Voronov spoke."], "1950", [["voronov-sasha"]], "the file's 'Mr. Voronov' says he is a man"),
        (["Amos Quill spoke. His brother Robert Quill replied, and Quill said no."], "1950",
         [["quill-amos", "x-robert-quill"]], "a namesake named just before in the paragraph takes the surname"),
        (["Amos Quill spoke.", "His brother Robert Quill came. Then Quill left."], "1950",
         [["quill-amos"], ["x-robert-quill"]], "the file's man named earlier does not take it"),
        (["Amos Quill spoke.", "His wife Ruth Quill spoke, and Governor Quill replied."], "1950",
         [["quill-amos"], ["x-ruth-quill", "quill-amos"]], "an office is the file's holder's, not the namesake's"),
        (["Robert Quill came.", "Amos Quill spoke.", "Quill left."], "1950",
         [["x-robert-quill"], ["quill-amos"], ["quill-amos"]], "in another paragraph the file's man still does"),
    ],
)
def test_title_sex_and_namesakes_named_here(texts: list[str], published: str, expected: list, why: str) -> None:
    assert ids(FIGURES, texts, published) == expected, why


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("Hon. Melvin W. Quill, of Ohio, presided.", ["x-melvin-w-quill"], "a middle initial: another Quill's name"),
        ("A letter from W. Quill came.", ["x-w-quill"], "an initial that is not the file's man's"),
        ("A letter from A. Quill came.", ["quill-amos"], "an initial that is his"),
    ],
)
def test_a_surname_after_an_initial_is_part_of_that_name(text: str, expected: list[str], why: str) -> None:
    assert ids(FIGURES, [text], "1950") == [expected], why


LEADER = Authority.from_dict({"person": [
    {"id": "quennell-walter-t", "name": "Walter T. Quennell", "born": 1880, "died": 1950}]})


@pytest.mark.parametrize(
    ("named_in", "published", "expected", "why"),
    [
        ([1940, 1945], "1942", ["quennell-walter-t"], "named so in his lifetime: the file's man"),
        ([1940, 1945, 1990], "1990", ["quennell-walter-t"], "named so in his lifetime, recalled later"),
        ([1850, 1851], "1851", ["x-walter-quennell"], "named before he was born: a namesake"),
        ([2015, 2016], "2016", ["quennell-walter-t"], "named so only long after his death, a rare name: still he"),
    ],
)
def test_a_name_like_the_files_is_another_person_outside_his_life(
        named_in: list[int], published: str, expected: list[str], why: str) -> None:
    annotator = PersonAnnotator(LEADER)
    annotator.prepare([(f"d{y}", ["Walter Quennell spoke at the hall.", "Walter Quennell left."], y) for y in named_in])
    found = [[r.id for r in refs] for refs, _ in annotator.annotate("", ["Walter Quennell spoke."], published=published)]
    assert found == [expected], why


def test_a_common_name_like_the_files_named_only_long_after_his_death_is_a_namesake() -> None:
    authority = Authority.from_dict({"person": [
        {"id": "miller-walter-t", "name": "Walter T. Miller", "born": 1880, "died": 1950}]})
    annotator = PersonAnnotator(authority)
    annotator.prepare([(f"d{y}", ["Walter Miller spoke at the hall.", "Walter Miller left."], y) for y in (2015, 2016)])
    found = [[r.id for r in refs] for refs, _ in annotator.annotate("", ["Walter Miller spoke."], published="2016")]
    assert found == [["x-walter-miller"]]


def test_a_bare_surname_the_corpus_owns_by_the_files_name_is_not_him_before_his_time() -> None:
    annotator = PersonAnnotator(LEADER)
    annotator.prepare([(f"d{y}", [f"Walter Quennell spoke at the hall in {y}.", f"Walter Quennell left in {y}."], y)
                       for y in (1925, 1930)])
    texts = ["The works of Quennell were read.", "Quennell wrote them."]
    assert [[r.id for r in refs] for refs, _ in annotator.annotate("", texts, published="1990")] == [
        ["quennell-walter-t"], ["quennell-walter-t"]]
    # Within a public life of the corpus naming him, but before he was ten.
    assert [[r.id for r in refs] for refs, _ in annotator.annotate("", texts, published="1885")] == [[], []]


def _prepared(corpus: list[tuple[str, list[str], int | None]]) -> PersonAnnotator:
    annotator = PersonAnnotator(FIGURES)
    annotator.prepare(corpus)
    return annotator


@pytest.mark.parametrize(
    ("corpus", "text", "published", "expected", "why"),
    [
        ([("a", ["Jonas Quill ran the mill.", "Jonas Quill sold it."], 1890)], "Quill spoke.", "1925", [],
         "before his public life, while the corpus names another Quill in full"),
        ([("a", ["Jonas Quill ran the mill.", "Jonas Quill sold it."], 1890)], "Quill spoke.", "1950",
         ["quill-amos"], "in his public life"),
        ([], "General Quill spoke.", "1925", [], "an office before his public life is another's"),
        ([("a", ["Jonas Quill ran the mill.", "Jonas Quill sold it.", "Jonas Quill left."], None),
          ("b", ["Amos Quill spoke."], 1950)], "Quill spoke.", None, [],
         "undated, and the corpus names another Quill as often"),
        ([("a", ["Jonas Quill ran the mill.", "Jonas Quill sold it."], None),
          ("b", [f"Amos Quill spoke on day {n}." for n in range(1, 13)], 1950)],
         "Quill spoke.", None, ["quill-amos"], "undated, and the corpus names him far more often"),
    ],
)
def test_a_bare_surname_before_the_files_persons_public_life(
        corpus: list, text: str, published: str | None, expected: list[str], why: str) -> None:
    found = _prepared(corpus).annotate("", [text], published=published)
    assert [[r.id for r in refs] for refs, _ in found] == [expected], why


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army deployed Quill II missiles.", []),  # a thing named after him
        ("Crews trained on the Quill IV until spring.", []),
        ("As Quill said, I think the bill will pass.", ["quill-amos"]),
    ],
)
def test_a_surname_with_a_numeral_is_a_thing_named_after_the_person(text: str, expected: list[str]) -> None:
    assert ids(FIGURES, [text], "1950") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The march went down Amos Quill Boulevard to the river.", []),  # a street named after him
        ("Pupils of Amos Quill High School sang.", []),
        ("She won the Amos Quill Prize in May.", []),
        ("Amos Quill spoke at Quill Hall.", ["quill-amos"]),
        ("Amos Quill Tuesday said no.", ["quill-amos"]),  # a day is no head of a thing's name
        ("Sailors of the USS Amos Quill came home.", []),  # a ship
        ("Amos Quill coach Ann Lee called a timeout.", ["x-ann-lee"]),  # a school's team
    ],
)
def test_a_full_name_before_a_places_or_institutions_word_is_a_thing_named_after_the_person(
        text: str, expected: list[str]) -> None:
    assert ids(FIGURES, [text], "1950") == [expected]


_PEOPLE_LINE = "Samuel Halloran said the talks would resume, and Halloran wrote again."


def test_a_school_or_team_named_after_the_person_is_no_mention_of_them() -> None:
    """A story that calls a school by the surname of the file's person ("Quill coach Reggie
    Townsend", "Quill pupils") means the school by it throughout; another story still means him.
    ("Robeson fans" and "Reagan alumni" are the man's.)"""
    story = ["Quill rallies in the Thanksgiving game.", "The Crusaders stopped Quill at the 9-yard line.",
             '"We hadn\'t," Quill coach Reggie Townsend said.']
    assert not any("quill-amos" in found for found in ids(FIGURES, story, "2001"))
    assert ids(FIGURES, ["Many former Quill pupils met.", "Quill wrote in 1950 that the port should grow."],
               "2001") == [[], []]
    assert ids(FIGURES, ["Quill wrote in 1950 that the port should grow."], "2001") == [["quill-amos"]]
    game = ["Amos Quill coach Ann Lee called a timeout.", "Quill forced four turnovers."]
    assert not any("quill-amos" in found for found in ids(FIGURES, game, "2007"))
    founder = [("a", ["The bakery was founded by Walter Dunkelberg in 1911.", "Former Dunkelberg workers said they "
                      "would apply.", "Dunkelberg said he was sorry."], 2003), ("b", [_PEOPLE_LINE], 2003)]
    annotator = PersonAnnotator(Authority())
    annotator.prepare(founder)
    found = [{r.name for r in refs} for refs, _ in annotator.annotate("", founder[0][1], published="2003")]
    assert found == [{"Walter Dunkelberg"}, set(), {"Walter Dunkelberg"}]  # the firm's workers; then he


@pytest.mark.parametrize("text", ["Jane Vantongeren-Quill said no.", "Rita Quill-Morozzi said no.",
                                  "Dr. Maria Quill-Vantongeren spoke.", "Aud, Wenceslava Morozzi-Quill, spoke.",
                                  "The wake is at the Quill-Varenza Funeral Home.",
                                  "Dr. Maria Voronov-Quill spoke."])  # the other half a surname of the file too
def test_a_surname_of_the_file_inside_a_double_barrelled_name_is_another_persons(text: str) -> None:
    assert "quill-amos" not in ids(FIGURES, [text], "1950")[0]


def test_a_surname_of_the_file_joined_to_nobody_s_name_is_a_firm_s_half() -> None:
    # "the Dunkelberg-Quill sit-down": nobody here is a Dunkelberg, so the pair names a firm; two
    # people the corpus knows joined name both ("the Voronov-Quill accord").
    assert ids(FIGURES, ["He was in the Dunkelberg-Quill sit-down of 1937."], "1950") == [[]]
    assert "quill-amos" in ids(FIGURES, ["Sasha Voronov came.", "The Voronov-Quill accord held."], "1950")[1]
    # ... but a body named after the two is neither ("the Voronov-Quill Commission Report of 1949").
    assert ids(FIGURES, ["Sasha Voronov came.", "The Voronov-Quill Commission held hearings."], "1950")[1] == []


def test_a_dash_after_a_full_name_of_the_file_is_no_double_barrelled_surname() -> None:
    assert ids(FIGURES, ["It was signed by Sasha Voronov—Quill had insisted on it."], "1950") == [
        ["voronov-sasha", "quill-amos"]]


# A father who died in office and his son in office after him.
DYNASTY = Authority.from_dict({"person": [
    {"id": "marsh-elias", "name": "Elias Marsh", "born": 1880, "died": 1940, "active": [1920, 1940]},
    {"id": "marsh-elias-jr", "name": "Elias Marsh Jr.", "born": 1910, "active": [1942, 1970],
     "surnames": ["Marsh"]},
]})


@pytest.mark.parametrize(
    ("text", "published", "expected", "why"),
    [
        ("Marsh built the dam.", "1945", [], "the father died five years before: the date alone does not say"),
        ("Governor Marsh built the dam.", "1945", ["marsh-elias-jr"], "a title says a contemporary"),
        ("Marsh built the dam.", "1955", ["marsh-elias-jr"], "fifteen years on: the son"),
    ],
)
def test_the_date_does_not_decide_just_after_a_relatives_death(
        text: str, published: str, expected: list[str], why: str) -> None:
    assert ids(DYNASTY, [text], published) == [expected], why


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


def _cited(name: str, title: str = "") -> Dated:
    """A name the corpus writes in full in each of ten years, 1860-69 (with ``title`` before it)."""
    return [(f"w{k}", [f"{title}{name} wrote in {1860 + k}.", f"{name} is quoted."], 1860 + k) for k in range(10)]


# A speech the corpus holds in five copies names its guest once.
_COPIES = [(f"copy-{k}", ["We welcome Ferdinand Quennimore of the harbour board."], 1900) for k in range(5)]
# Named in full in two paragraphs, each once.
_TWICE = [("w", ["William Vantorre crossed the river.", "William Vantorre reported to the War Office."], 1899)]


@pytest.mark.parametrize(
    ("why", "corpus", "doc", "expected"),
    [
        ("five copies of one sentence are one sighting, no more than another bearer's one",
         [*_COPIES, ("c", ["Agnes Quennimore sang at the fair."], 1901),
          ("b", ["Judge Quennimore ruled on the harbour."], 1902)], 6, {"Quennimore"}),
        ("the one person ever named in full with a rare surname, once, owns it in that era",
         [_COPIES[0], ("b", ["Judge Quennimore ruled on the harbour."], 1902)], 1, {"Ferdinand Quennimore"}),
        ("... but not a century later", [_COPIES[0], ("b", ["Judge Quennimore ruled on the harbour."], 2002)], 1,
         {"Quennimore"}),
        ("the one naming of a rare surname, years after the titled uses of its era, still names them",
         [("a", ["President Tavrelis signed the accord.", "President Tavrelis flew home."], 1978),
          ("c", ["President Tavrelis spoke again."], 1981),
          ("d", ["We remember Edgar Tavrelis, who made peace."], 1993)], 0, {"Edgar Tavrelis"}),
        ("... and so does one person named in full in two forms, a middle initial in one",
         [("a", ["Senator Morozzi backed the tax credit.", "Senator Morozzi spoke of work."], 2014),
          ("c", ["Secretary Dario Morozzi is here tonight."], 2025),
          ("d", ["Dario L. Morozzi flew to the summit.", "Dario Morozzi spoke there."], 2026)], 0,
         {"Dario L. Morozzi"}),
        ("an untitled recall decades after the one naming is the one named",
         [("a", ["Martin Gelbhauser nailed his theses."], 1850),
          ("b", ["Gelbhauser broke with the church, and Gelbhauser won."], 1851),
          ("c", ["Here I stand, Gelbhauser said; and Gelbhauser stood."], 1885),
          ("d", ["The critics of Gelbhauser were many."], 1890)], 2, {"Martin Gelbhauser"}),
        ("... not when the one naming's own era titles the word: the later one is another",
         [("a", ["We heard Edouard Quessard in the chamber.", "M. Quessard replied.", "M. Quessard sat down."], 1871),
          ("c", ["The Quessard resolution divided them, and Quessard walked out.", "Quessard spoke."], 1908)], 1,
         {"Quessard"}),
        ("... nor when the one naming falls in no era of the word's uses",
         [("a", ["We met Edgar Tolberg in Paris."], 1852),
          ("c", ["Among the sergeants were Tolberg and Murat, and Tolberg rose.", "Tolberg led them."], 1898)], 1,
         {"Tolberg", "Murat"}),
        ("... but a titled use of a later era is a contemporary, perhaps another",
         [("a", ["Martin Gelbhauser nailed his theses."], 1850),
          ("c", ["Secretary Gelbhauser met the envoy.", "Secretary Gelbhauser agreed."], 1940)], 1, {"Gelbhauser"}),
        ("... and so is an untitled use of an era in which somebody is titled",
         [("a", ["Martin Gelbhauser nailed his theses."], 1850),
          ("c", ["Secretary Gelbhauser met the envoy.", "Gelbhauser agreed to the terms."], 1940)], 1,
         {"Gelbhauser"}),
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
        ("an honorific and a surname thousands bear, nobody here of that name: not the corpus's most cited",
         [*_cited("Adam Walker"), ("e", ["The report of Edward Walker was printed."], 1867),
          ("b", ["Dr. Walker was charged with the inquiry.", "Dr. Walker reported in May."], 1867)], 11, set()),
        ("... while an office the corpus wrote with the full name still names him",
         [*_cited("Adam Walker", "Senator "), ("e", ["The report of Edward Walker was printed."], 1867),
          ("b", ["Senator Walker was charged with the inquiry.", "Senator Walker reported in May."], 1867)], 11,
         {"Adam Walker"}),
        ("... nor the one bearer named in full in the document's years",
         [*_cited("Adam Walker"), ("e", ["The report of Edward Walker was printed."], 1800),
          ("b", ["Mr. Walker was charged with the inquiry.", "Mr. Walker reported in May."], 1867)], 11,
         {"Adam Walker"}),
        ("... and an honorific with a rare surname still does",
         [*_cited("Adam Quelloway"),
          ("b", ["Dr. Quelloway was charged with the inquiry.", "Dr. Quelloway reported in May."], 1867)], 10,
         {"Adam Quelloway"}),
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
         [("a", ["Herman Zatlock wrote the report.", "Herman Zatlock filed it, and Herman left."], 2019),
          ("b", ["Herman asked the first question.", "Herman smiled."], 2021)], 1, {"Herman Zatlock"}),
        ("a lone surname whose titled uses are of one era keeps its value",
         [("a", ["Professor Dalgrove lectured.", "Professor Dalgrove wrote."], 1840),
          ("b", ["The argument of Dalgrove held, and Dalgrove was cited."], 1846)], 1, {"Dalgrove"}),
    ],
)
def test_owners_that_stay(why: str, corpus: Dated, doc: int, expected: set[str]) -> None:
    assert cold_names(corpus, doc) == expected, why


# A titled word of two eras (see test_a_titled_word_of_two_eras_is_two_people), and later pages about it.
_QUENNELLS: Dated = [
    ("a", ["Mr. Quennell moved the resolution.", "Mr. Quennell seconded it."], 1878),
    ("b", ["A letter was sent to Mr. Quennell."], 1885),
    ("c", ["Councillor Quennell opened the baths.", "Councillor Quennell spoke."], 1950),
    ("d", ["Councillor Quennell cut the ribbon."], 1953),
]


@pytest.mark.parametrize(
    ("why", "later", "same_as"),
    [
        ("a history telling the year it speaks of names the man of that era",
         ("h", ["In 1885 the members sent their thanks to Mr. Quennell."], 2002), 0),
        ("... and the later man, of his",
         ("h", ["When the baths opened in 1951, Councillor Quennell gave the first prize."], 2002), 2),
        ("a chronology: the middle of the years it tells",
         ("h", ["Founded in 1862, the club met Mr. Quennell in 1880 and moved in 1999."], 2002), 0),
        ("a page of a later era's own time that tells an older year keeps its era",
         ("h", ["Councillor Quennell opened the hall built in 1880."], 1951), 2),
        ("a page that tells no year speaks of its own time: a later one's, as before",
         ("h", ["Mr. Quennell spoke at the dinner.", "Mr. Quennell sat down."], 2002), None),
    ],
)
def test_a_later_page_names_the_era_it_tells_of(why: str, later: tuple, same_as: int | None) -> None:
    corpus = [*_QUENNELLS, later]
    found = cold(corpus, len(corpus) - 1)
    assert {name for _, name in found} == {"Quennell"}, why
    first, second = cold(corpus, 0), cold(corpus, 2)
    assert len(first) == len(second) == 1 and first != second, why  # the two eras stay two people
    eras = {pid for pid, _ in first | second}
    if same_as is None:
        assert next(iter(found))[0] not in eras, why
    else:
        assert found == cold(corpus, same_as), why


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
    assert {name for _, name in first} == {"Alexander I"}  # the czar reigning then
    assert {name for _, name in second} == {"Alexander"}


def test_one_officer_recalled_now_and_then_stays_one_person() -> None:
    corpus: Dated = [
        ("a", ["Governor Penwarden reported on the territory."], 1827),
        ("b", ["Secretary Penwarden answered the envoy."], 1858),
        ("c", ["Mr. Penwarden, while Secretary, declared the rule."], 1885),
    ]
    assert {pid for k in range(3) for pid, _ in cold(corpus, k)} == {"x-penwarden"}


# Our own corpus of a service and its people: one surname, several bearers.
_OFFICE = [
    ("a", ["General Walter Quennimore inspected the army.", "General Walter Quennimore reported."], 1967),
    ("b", ["President Quennimore signed the bill.", "Ruth Quennimore, the President's wife, spoke."], 1966),
]


@pytest.mark.parametrize(
    ("why", "corpus", "doc", "expected"),
    [
        ("an untitled common given name alone is many people's, no one-word person",
         [("a", ["Come here, Ryan.", "Ryan is a scout from Montana."], 2017),
          ("b", ["Thank you, Ryan.", "Ryan laughed."], 2018)], 0, set()),
        ("a titled given name whose run lost its surname (an initial, a particle) is no one-word person",
         [("a", ["We met Dr. Francisco V. de la Quennimora, the minister."], 1903),
          ("b", ["Dr. Francisco V. de la Quennimora replied."], 1904)], 0, set()),
        ("an untitled common given name is not the corpus's one bearer of it as a surname",
         [("a", ["General Clement Thomas led the guard.", "General Clement Thomas was shot."], 1871),
          ("b", ["The index lists Thomas beside the others, and Thomas again below."], None)], 1, set()),
        ("... while the titled surname still is",
         [("a", ["General Clement Thomas led the guard.", "General Clement Thomas was shot."], 1871),
          ("b", ["They say General Thomas was shot at the wall."], 1872)], 1, {"Clement Thomas"}),
        ("a surname with its particle is the one person named in full with both",
         [("a", ["We honour Martin Van Quorbeek, the eighth to hold the office."], 1838),
          ("b", ["It was recognized by President Van Quorbeek in his message."], 1846)], 1,
         {"Martin Van Quorbeek"}),
        ("... while a given name 'Van' before a surname stays a given name",
         [("a", ["We honour Martin Van Quorbeek, the eighth to hold the office."], 1838),
          ("b", ["Senator Van Jones spoke on the radio.", "Senator Van Jones left."], 2010)], 1, {"Van Jones"}),
        ("an untitled rare surname still makes a one-word person",
         [("a", ["We heard that Quennimore spoke.", "They say Quennimore wrote again."], 1900),
          ("b", ["As Quennimore said, it held.", "Then Quennimore replied."], 1902)], 0, {"Quennimore"}),
    ],
)
def test_one_word_values_are_one_person(why: str, corpus: Dated, doc: int, expected: set[str]) -> None:
    assert cold_names(corpus, doc) == expected, why


def test_an_office_the_file_person_never_held_is_the_corpus_holders() -> None:
    """ "General Johnson" of 1967 is the general the corpus names in full that year, not the
    President the file knows by the surname."""
    shipped_surname = "Johnson"
    corpus = [(d, [t.replace("Quennimore", shipped_surname) for t in texts], y) for d, texts, y in _OFFICE]
    annotator = PersonAnnotator(SHIPPED)
    annotator.prepare(corpus)
    refs = annotator.annotate("", ["General Johnson has just returned from there."], published="1967")[0][0]
    assert [r.name for r in refs] == ["Walter Johnson"]
    refs = annotator.annotate("", ["President Johnson has just returned from there."], published="1967")[0][0]
    assert [r.id for r in refs] == ["johnson-lyndon-b"]


def test_the_corpus_holder_of_an_office_does_not_overrule_the_sentences_year() -> None:
    """The corpus writes "Senator Walter Hale Jr." in the son's years; "Senator Hale ... in 1940"
    said then is still the father, whom the year the sentence gives names."""
    corpus = [(f"s{k}", ["Senator Walter Hale Jr. spoke on the bill.", "Senator Walter Hale Jr. voted."], 1965 + k)
              for k in range(4)]
    annotator = PersonAnnotator(FAMILY)
    annotator.prepare(corpus)
    said = annotator.annotate("", ["Senator Hale voted against the dam in 1940.", "Senator Hale voted."],
                              published="1966")
    assert [[r.id for r in refs] for refs, _ in said] == [["hale-walter"], ["hale-walter-jr"]]


def test_an_abbreviated_office_is_the_same_office() -> None:
    """The corpus writes "Sen. Marta Quennell" once; "Senator Quennell" later is her, not the
    file's ex-president of the name, and so is a bare "Quennell" in the same story."""
    file = Authority.from_dict({"person": [{"id": "quennell-wilbur", "name": "Wilbur Quennell", "born": 1946,
                                            "active": [1979, 2001], "surnames": ["Quennell"]}]})
    annotator = PersonAnnotator(file)
    annotator.prepare([("a", ["Sen. Marta Quennell of New York spoke on the bill."], 2006)])
    said = annotator.annotate("", ["Party veterans are leaning toward Quennell.",
                                   "Senator Quennell has been through fire."], published="2007")
    assert [[r.name for r in refs] for refs, _ in said] == [["Marta Quennell"], ["Marta Quennell"]]


def test_a_namesake_without_an_office_does_not_take_a_retired_file_persons_mentions() -> None:
    file = Authority.from_dict({"person": [{"id": "quennell-wilbur", "name": "Wilbur Quennell", "born": 1946,
                                            "active": [1979, 2001], "surnames": ["Quennell"]}]})
    annotator = PersonAnnotator(file)
    annotator.prepare([("a", ["Chelsea Quennell spoke at the library's opening."], 2010)])
    said = annotator.annotate("", ["Chelsea Quennell spoke at the library's opening.",
                                   "Quennell signed the welfare bill in a garden ceremony."], published="2010")
    assert [r.id for r in said[1][0]] == ["quennell-wilbur"]


def test_a_persons_fans_and_alumni_are_still_the_person() -> None:
    found = ids(FIGURES, ["Quill fans packed the hall.", "Quill sang for two hours."], "1950")
    assert found == [["quill-amos"], ["quill-amos"]]


@pytest.mark.parametrize(
    ("text", "published"),
    [("An American citizen named Wilson was murdered at the port.", "1894"),  # before his public life
     ("The board was led by General Johnson.", "1934")],  # before his public life, the only Johnson alive
)
def test_a_file_person_is_not_meant_before_anyone_names_them(text: str, published: str) -> None:
    annotator = PersonAnnotator(SHIPPED)
    annotator.prepare([("a", [text], int(published))])
    assert ids(SHIPPED, [text], published) == [[]]


@pytest.mark.parametrize(
    ("why", "corpus", "doc", "expected"),
    [
        ("the Arabic article before a noun no census lists as a surname is no given name",
         [("a", ["Cells of Al Quennaida were found.", "Al Quennaida trained them."], 2004),
          ("b", ["They fought Al Quennaida in the hills."], 2006)], 0, set()),
        ("... though now and then someone says 'who' of it",
         [("a", ["We fought Al Quennaida, who attacked us."], 2004),
          *[(f"d{k}", [f"Cells of Al Quennaida were found in {2000 + k}."], 2000 + k) for k in range(24)]], 0, set()),
        ("Al as a given name before a census surname is a man",
         [("a", ["Governor Al Smith spoke.", "Al Smith won the state."], 1928)], 0, {"Al Smith"}),
    ],
)
def test_the_arabic_article_is_no_given_name(why: str, corpus: Dated, doc: int, expected: set[str]) -> None:
    assert cold_names(corpus, doc) == expected, why


@pytest.mark.parametrize(
    ("why", "text", "published", "expected"),
    [
        ("a middle initial M. embeds the surname (not Monsieur)",
         "The board was Hon. Alfred M. Wilson, of Arkansas, and others.", "1889", {"x-alfred-m-wilson"}),
        ("someone introduced by name is nobody the reader knows", "An American citizen named Wilson was killed.",
         "1894", set()),
        ("an appointment is not an introduction", "He named Wilson to head the board.", "1913", {"wilson-woodrow"}),
        ("Monsieur before a surname is still a title", "M. Wilson arrived in Paris.", "1913", {"wilson-woodrow"}),
    ],
)
def test_a_bare_surname_that_is_not_the_file_person(why: str, text: str, published: str, expected: set[str]) -> None:
    assert set(ids(SHIPPED, [text], published)[0]) == expected, why


@pytest.mark.parametrize(
    ("why", "texts", "published", "expected"),
    [
        ("a namesake named just before in the paragraph outweighs the date's choice between relatives",
         ["The board gains Mr. Walter Johnson, of Tacoma. Mr. Johnson ran the mill for years."], "1966",
         [["x-walter-johnson"]]),
        ("a given name that is also a title, after an honorific, starts a name",
         ["Mr. Don Johnson of the veterans' office acted at once."], "1974", [["x-don-johnson"]]),
        ("the file's form of address for a man dead by then is the namesake the document names",
         ["We spoke with J. Edgar Hoover tonight.", "I praise Mr. Hoover and his agents."], "1965",
         [["x-j-edgar-hoover"], ["x-j-edgar-hoover"]]),
        ("... and still the file's man when no namesake is named", ["Mr. Hoover spoke of the depression."], "1965",
         [["hoover-herbert"]]),
    ],
)
def test_namesakes_named_here_against_the_file(why: str, texts: list[str], published: str, expected: list) -> None:
    assert ids(SHIPPED, texts, published) == expected, why


@pytest.mark.parametrize(
    ("why", "texts", "expected"),
    [
        ("a given name after 'his son' is the son of the person just named, and alone later too",
         ["Staff Sergeant Walter Quennell wrote a letter to his 1-year-old son, Brayden: he wrote to Brayden.",
          "Sergeant Quennell rests in Arlington, and his wife Marlee is here tonight. To Marlee and Brayden: thanks."],
         [{"Walter Quennell", "Brayden Quennell"}, {"Walter Quennell", "Marlee Quennell", "Brayden Quennell"}]),
        ("no kin word, no relative", ["Staff Sergeant Walter Quennell wrote to Brayden."], [{"Walter Quennell"}]),
        ("'his' after two people named may be either's",
         ["Walter Quennell beat Governor Ann Halloran in 1994. His brother Jeb ran in Florida."],
         [{"Walter Quennell", "Ann Halloran"}]),
        ("a sister may have married: no surname given her",
         ["Winifred Quennell wrote to her sister Edith from prison."], [{"Winifred Quennell"}]),
    ],
)
def test_kin_named_by_a_given_name(why: str, texts: list[str], expected: list[set[str]]) -> None:
    annotator = PersonAnnotator(Authority())
    got = [{r.name for r in refs} for refs, _ in annotator.annotate("", texts, published="2020")]
    assert got == expected, why


@pytest.mark.parametrize(
    ("why", "texts", "expected"),
    [
        ("a firm named after a surname is not the file's person of that surname, nor one named here",
         ["Governor Walter Hale met the board.", "Hale & Hale, the drug maker, is working on it."],
         [["hale-walter"], []]),
        ("... and a firm of partners neither", ["The opinion of Orme, Dunmore & Pike was read."], [[]]),
        ("... also after a dash", ["Governor Walter Hale met the board.",
                                  "Some of the companies—Hale & Hale is one—are scaling up."],
         [["hale-walter"], []]),
        ("... and two authors after a title, listed", ["Governor Walter Hale met the board.",
                                                      "The Farm Ledger, Hale & Dunmore 1948."],
         [["hale-walter"], ["hale-walter"]]),
        ("two names joined by an ampersand may be the two people",
         ["Governor Walter Hale met the board.", "A letter from Hale & Dunmore to the editor."],
         [["hale-walter"], ["hale-walter"]]),
        ("a saint's name is no person's given name or surname", ["The boats of the St. Orme were few."], [[]]),
    ],
)
def test_firms_and_saints_are_no_file_person(why: str, texts: list[str], expected: list) -> None:
    assert ids(FAMILY, texts, "1950") == expected, why


@pytest.mark.parametrize(
    ("why", "corpus", "doc", "expected"),
    [
        ("a middle initial tells two bearers of one given name apart",
         [("a", ["Justice John Paul Quarrell wrote the opinion.", "John Paul Quarrell dissented."], 1976),
          ("b", ["John F. Quarrell was appointed chief engineer.", "Mr. Quarrell resigned."], 1905)], 1,
         {"John F. Quarrell"}),
        ("... and a name without one, in a corpus naming both, is neither",
         [("a", ["Justice John Paul Quarrell wrote the opinion.", "John Paul Quarrell dissented."], 1976),
          ("b", ["John F. Quarrell was appointed chief engineer.", "John F. Quarrell resigned."], 1905),
          ("c", ["We thank John Quarrell for the dinner."], 1990)], 2, {"John Quarrell"}),
        ("... while one bearer's middle name still completes the name",
         [("a", ["Justice John Paul Quarrell wrote the opinion.", "John Paul Quarrell dissented."], 1976),
          ("c", ["We thank John Quarrell for the dinner."], 1990)], 1, {"John Paul Quarrell"}),
    ],
)
def test_middle_initials(why: str, corpus: Dated, doc: int, expected: set[str]) -> None:
    assert cold_names(corpus, doc) == expected, why


# Our own file with one bearer of a surname whom the corpus never names in full.
_MAYOR = {"person": [{"id": "quarrington-edward", "name": "Edward Quarrington", "born": 1825, "died": 1893,
                      "active": [1875, 1893], "surnames": ["Quarrington"]}]}
_PRESIDENTS = [("a", ["Benjamin Quarrington took the oath.", "Benjamin Quarrington spoke."], 1889),
               ("b", ["Benjamin Quarrington signed the act."], 1890)]


@pytest.mark.parametrize(
    ("why", "corpus", "expected"),
    [
        ("the file's only bearer of a surname, never named in full where others are, is not its bare mention",
         [*_PRESIDENTS, ("c", ["President Quarrington in his message of 1889 urged it."], 1891)], []),
        ("... while named in full once, the date still gives him the bare surname",
         [*_PRESIDENTS, ("d", ["The voters chose Edward Quarrington as mayor."], 1879),
          ("c", ["President Quarrington in his message of 1889 urged it."], 1891)], ["quarrington-edward"]),
        ("... nor when the other was named long before",
         [("a", ["Benjamin Quarrington took the oath.", "Benjamin Quarrington spoke."], 1850),
          ("c", ["Mayor Quarrington opened the bridge."], 1885)], ["quarrington-edward"]),
        ("... and with no other bearer named, the file's claim stands",
         [("c", ["Mayor Quarrington opened the bridge.", "Mayor Quarrington spoke."], 1891)], ["quarrington-edward"]),
    ],
)
def test_a_file_person_the_corpus_never_names(why: str, corpus: Dated, expected: list[str]) -> None:
    annotator = PersonAnnotator(Authority.from_dict(_MAYOR))
    annotator.prepare(corpus)
    _, texts, year = corpus[-1]
    found = [r.id for refs, _ in annotator.annotate("", texts, published=str(year)) for r in refs]
    assert sorted(set(found)) == expected, why


def test_a_file_person_named_here_keeps_the_surname_whatever_the_corpus_counts() -> None:
    # A given name no table lists: the corpus-wide count of full names misses him.
    annotator = PersonAnnotator(Authority.from_dict({"person": [
        {"id": "quarrington-tlaloc", "name": "Tlaloc Quarrington", "active": [1875, 1900],
         "surnames": ["Quarrington"]}]}))
    corpus = [*_PRESIDENTS, ("c", ["We met Tlaloc Quarrington at the bridge.", "Quarrington spoke."], 1891)]
    annotator.prepare(corpus)
    found = annotator.annotate("", corpus[-1][1], published="1891")
    assert [[r.id for r in refs] for refs, _ in found] == [["quarrington-tlaloc"], ["quarrington-tlaloc"]]


# The minutes of a club name a famous visitor by his title and surname; the page that names him
# in full was written long after, looking back. A townsman's page is another matter: the years it
# tells may be a building's or a grandfather's.
_VISITS: Dated = [
    ("m1", ["Colonel Lindbergh landed at the fair ground.", "Colonel Lindbergh spoke to the boys."], 1927),
    ("m2", ["A letter from Colonel Lindbergh was read.", "Colonel Lindbergh sent his regards."], 1929),
]
_FIRST_COUNCIL: Dated = [
    ("m1", ["On motion of Couns. Dunkelberg and Lorton the road was let.", "Coun. Dunkelberg dissented."], 1897),
    ("m2", ["Couns. Dunkelberg, Lorton and Pim were present.", "Coun. Dunkelberg moved the by-law."], 1899),
]


@pytest.mark.parametrize(
    ("why", "minutes", "later", "full_name", "joins"),
    [
        ("a later page that names him in full and tells the years of his visit is him",
         _VISITS, ("w", ["Charles Lindbergh landed at the fair ground in 1927 and spoke to the boys."], 2012),
         "Charles Lindbergh", True),
        ("... told in a range of years",
         _VISITS, ("w", ["The aviator Charles Lindbergh (here 1927-1929) is remembered."], 2009),
         "Charles Lindbergh", True),
        ("a later page that tells no year of him is of its own time",
         _VISITS, ("w", ["Charles Lindbergh is remembered in the museum."], 2012), "Charles Lindbergh", False),
        ("a townsman named on a later page beside a building's year is not the councillor of that year",
         _FIRST_COUNCIL, ("w", ["Ambrose Dunkelberg restored the old forge, built in 1897, as a cafe."], 2015),
         "Ambrose Dunkelberg", False),
        ("... nor beside his great-grandfather's",
         _FIRST_COUNCIL, ("w", ["Ambrose Dunkelberg, whose great-grandfather came in 1895, opened a cafe."], 2015),
         "Ambrose Dunkelberg", False),
    ],
)
def test_a_page_looking_back_names_the_famous_man_of_the_era_it_tells(
        why: str, minutes: Dated, later: tuple, full_name: str, joins: bool) -> None:
    corpus = [*minutes, later]
    earlier, page = cold(corpus, 1), cold(corpus, 2)
    full = {pid for pid, name in page if name == full_name}
    assert len(full) == 1, why
    assert (full <= {pid for pid, _ in earlier}) is joins, why
