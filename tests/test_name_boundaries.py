"""Where a name starts and ends, and names that stand for a thing: one table per kind of
error seen on uncurated archives. Every text here is written for these tests; the people,
firms and programmes are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.authority import Authority
from indexer.folding import fold_in_place
from indexer.name_words import common_shaped
from indexer.names import candidates
from indexer.persons import PersonAnnotator

Corpus = list[tuple[str, list[str]]]

# Named in full twice, so that a bare "Quennell" or "Halloran" elsewhere would be theirs.
_OWNERS = ("o", ["Samuel Quennell spoke to the committee.", "Later Samuel Quennell wrote a letter.",
                 "Walter Halloran met Samuel Quennell.", "Walter Halloran agreed."])


def values(corpus: Corpus) -> list[set[str]]:
    """Discovered person names per document, cold (empty authority, corpus-wide pass first)."""
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    return [{r.name for refs, _ in annotator.annotate("", texts) for r in refs} for _, texts in corpus]


def names_in(text: str) -> set[str]:
    return {c.name for c in candidates(fold_in_place(text))}


@pytest.mark.parametrize(
    ("kind", "text", "not_names", "names"),
    [
        ("a label's letter before the next sentence's first word",
         "Seats go to group A and to group, B. Criticism of this has been loud.", {"B. Criticism"}, set()),
        ("a unit before the next sentence's first word",
         "The brine boils at 104 C. Exactly the same holds for sea water.", {"C. Exactly"}, set()),
        ("a question's label in a transcript", "Q. Obviously you knew of the memo?", {"Q. Obviously"}, set()),
        ("a numbered heading", "D. Prolongation of the Working Week", {"D. Prolongation"}, set()),
        ("a number word after a label", "Q. Two questions, Mr. Chairman.", {"Q. Two"}, set()),
        ("an initial and a surname stay", "The report of J. Quennell was read aloud.", set(), {"J. Quennell"}),
        ("a surname of a common word's shape stays (census surname)", "A letter from H. Sessions came.",
         set(), {"H. Sessions"}),
        ("a middle initial 'A.' is no article", "The firm of Carl A. Quennell was sold in May.",
         {"Carl", "Quennell"}, {"Carl A. Quennell"}),
        ("nor after a woman's given name", "Letters of Edith A. Halloran were found.", {"Edith"},
         {"Edith A. Halloran"}),
        ("nor after a title", "The chair was taken by the Rev. A. Halloran; Sister A. Quennell nursed.",
         set(), {"A. Halloran", "A. Quennell"}),
        ("a surname that is a title, after a title and a given name", "The Rev. Alfred Bishop and Mrs. Lula King, 44, spoke.",
         set(), {"Alfred Bishop", "Lula King"}),
        ("...after a title and initials", "Then the Rev. A. D. Deacon prayed.", set(), {"A. D. Deacon"}),
        ("...before a generation", "Then Walter Judge Jr. and the Rev. Dr. Amos Lee King, Jr. spoke.", set(),
         {"Walter Judge Jr.", "Amos Lee King Jr."}),
        ("...but an office and a title are no name", "Then Vice President King spoke.", {"King"}, set()),
    ],
)
def test_an_initial_or_a_sentence_end(kind: str, text: str, not_names: set[str], names: set[str]) -> None:
    found = names_in(text)
    assert not found & not_names, kind
    assert names <= found, kind


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("a programme named after a person, its name going on after 'to'",
         "Funds went to the Ann Quennell Foster Youth to Independence Initiative last year.", set()),
        ("a memorial named after a person", "The crowd gathered at the Walter Quennell Memorial at noon.", set()),
        ("a thing of a common word's shape after a name", "The Louis Quennell Exposition opened in May.", set()),
        ("a dash (folded to a hyphen) glues a name to a place",
         "I renamed it, for a great governor, Walter Quennell—Mount Quennell again.", {"Walter Quennell"}),
        ("a dash of two hyphens before a name", "The man who made that trip was the President--Harry S. Truman.",
         {"Harry S. Truman"}),
        ("an office named in full is no person", "The report of the Chief Signal Officer was printed.", set()),
        ("an office after a title, before a name", "He served with Chief Petty Officer Walter Quennell there.",
         {"Walter Quennell"}),
        ("an honorific before an office", "The opinion was delivered by Mr. Justice Quennell, who wrote it.",
         {"Quennell"}),
        ("a dash (folded to a hyphen) before a lowercase word",
         "Here tonight is our guest--Walter Quennell-he served two tours.", {"Walter Quennell"}),
        ("an initial glued to the next word is no surname", "He quoted--Robert E.Quennell wrote it--twice.",
         set()),
        ("an honorific inside a run starts a second mention",
         "It went to Mr. Walter Quennell, Jr. Mr. Quennell has served.", {"Walter Quennell Jr."}),
        ("a ship's prefix", "Officers of the USS Quennell and of the U. S. S. Halloran met.", set()),
        ("an office after a title", "Gifts were sent in the name of the Empress Dowager at once.", set()),
        ("an adjective title before words that are nobody's name",
         "Towns were paid under General Revenue Sharing last year.", set()),
        ("an adjective title before a surname", "They thanked General Pablo Quennell for it.", {"Pablo Quennell"}),
        ("a national personification", "He appealed to Brother Jonathan, and Uncle Sam paid.", set()),
        ("a personification of a people", "John Bull and Johnny Reb were drawn in the cartoon.", set()),
        ("a set phrase shaped like a name", "They fought the Jim Crow laws in the courts.", set()),
        ("an office of a department, then its holder", "The Secretary of State Walter Quennell is here.",
         {"Walter Quennell"}),
        ("an office of the department, then its holder", "The Secretary of the Interior Rex Quennell spoke.",
         {"Rex Quennell"}),
        ("an office of a department, a holder with an initial", "Then the Secretary of War Walter P. Quennell rose.",
         {"Walter P. Quennell"}),
        ("a fort named after a person is no person", "The garrison of Fort Walter Quennell held.", set()),
        ("a rank's grade between the rank and the name",
         "Her husband, Sergeant First Class Townsend Quennell, is on his fourth deployment.", {"Townsend Quennell"}),
    ],
)
def test_where_a_name_ends_and_things(kind: str, text: str, expected: set[str]) -> None:
    refs = PersonAnnotator(Authority()).annotate("", [text])[0][0]
    assert {r.name for r in refs} == expected, kind


@pytest.mark.parametrize(
    ("kind", "texts"),
    [
        ("a bill named after a man", ["Congress passed the Quennell bill in March.",
                                      "The Quennell bill stopped many sales."]),
        ("a plan named after a man", ["Europe was rebuilt under the Halloran plan.",
                                      "The Halloran plan cost billions."]),
        ("a business named in the possessive, its noun in lower case",
         ["The first members signed up in the hall over Quennell's tavern on Front Street.",
          "Later Quennell's tavern closed, and Halloran's store burned."]),
        ("a committee, a commission and a doctrine named after their chairs",
         ["Much of this comes out of the Halloran committee hearings.",
          "The Quennell commission reported in May; the Dorsey doctrine held for a decade."]),
        ("a line named after two men", ["North of Dorsey and Quennell's line the vote went the other way.",
                                        "They crossed Dorsey and Quennell's line at dawn."]),
        ("a ship named after a woman, quoted after 'the'",
         ['The crew of the "Edith Quennell" sent a guinea.',
          "Her owner launched the “Edith Quennell” in 1889."]),
        ("a tug and a steamer named after people, after the vessel's noun",
         ["The company tug Edith Quennell brought the booms down the river.",
          "He shipped as a deckhand on the steamer Walter Halloran in 1912."]),
        ("a truck named after a firm's founder", ["He drove a Halloran truck to the fair.",
                                                  "The Halloran trucks broke down."]),
        ("firms listed beside a firm", ["Since then Quennell, Voss-Benning, General Motors, Halloran and "
                                        "Lockmoor have hired."]),
        ("a treaty named after two men, without a possessive",
         ["Both governments read the Dorsey and Quennell treaty differently.",
          "Disputes over the Dorsey and Quennell treaty went on."]),
        ("a plan named after a man in full", ["I urge you to adopt the Walter Halloran plan at once."]),
        ("a type named after a man in full", ["Every town wants a Samuel Quennell of its own.",
                                              "He was an Edith Dorsey in a hurry."]),
        ("partners of a firm joined by an ampersand", ["The opinion of Quennell, Halloran & Voss was read aloud.",
                                                       "Quennell & Quennell made the vaccine."]),
        ("a storm and an operation named like people", ["We honour the men of Operation Desert Quennell.",
                                                        "Then Hurricane Halloran struck the coast."]),
        ("a river named after a saint", ["The canal ran from the mouth of the St. Samuel to the coast.",
                                         "Boats on the Santa Walter were few."]),
        ("a firm of a man and his sons or partners", ["The hall was built by Messrs. Quennell and Son.",
                                                      "Tenders came from Halloran Bros. and Samuel Quennell & Sons."]),
        ("a firm of a man's full name and company", ["They sat in at the lunch counter of S. H. Quennell & Co.",
                                                    "Samuel Quennell & Co., of Broad Street, closed it."]),
        ("a garden named after a woman in full", ["They met in the Rosa Quennell Garden at noon.",
                                                 "Tea was served in the Mary Lockmoor Room."]),
    ],
)
def test_a_name_used_for_a_thing(kind: str, texts: list[str]) -> None:
    found = values([_OWNERS, ("t", texts)])
    assert not found[1], kind
    assert {"Samuel Quennell", "Walter Halloran"} <= found[0], "the owners themselves are still found"


@pytest.mark.parametrize(
    ("kind", "text", "not_names", "names"),
    [
        ("German nouns after an article-preposition", "Take his book Zum sozialen Wohlstand and read it.",
         {"Wohlstand", "Zum"}, set()),
        ("kin words that transcripts capitalise", "Maman never admitted it, and Baba kept the garden with Dido.",
         {"Maman", "Baba", "Dido"}, set()),
        ("German nouns after an article", "Prices fell nach dem Kriege von 1871 in Verbindung mit Zoellen.",
         {"Kriege"}, set()),
        ("a German title", "See Die Philosophie der Arbeit, p. 12.", {"Philosophie"}, set()),
        ("French nouns after an article", "He wrote to Messieurs les Jures at once.", {"Jures"}, set()),
        ("a name after a preposition is still a name", "See the Briefe an Quennell and the reply.",
         set(), {"Quennell"}),
        ("a name after a particle is still a name", "The theory of Jan van der Quennell held.",
         set(), {"Quennell"}),
        ("a name after 'de' in a French title", "He quoted the Oeuvres des oeuvres de Quennell.",
         set(), {"Quennell"}),
        ("the services of a church", "The funeral Mass was held. After Mass the cortege left. Vespers were sung "
         "and Benediction followed.", {"Mass", "Vespers", "Benediction"}, set()),
        ("the Irish state's institutions", "The Garda Siochana told the Dail Eireann of it.",
         {"Siochana", "Dail", "Eireann", "Garda"}, set()),
        ("a hymn's or a tale's 'O' is no Irish particle", "Arise O Zion, the choir sang. Tam O Shanter rode home.",
         {"Zion", "Arise O Zion", "Tam O Shanter", "Shanter"}, set()),
        ("the Irish police's bodies after its title", "The Garda Ombudsman said so. He joined the Garda Reserve.",
         {"Ombudsman", "Reserve"}, set()),
        ("a shop's trade under its name in an advertisement", "D. J. Quill & Son\nGeneral Merchants\nStewart Street",
         {"Merchants"}, set()),
    ],
)
def test_foreign_titles(kind: str, text: str, not_names: set[str], names: set[str]) -> None:
    found = names_in(text)
    assert not found & not_names, kind
    assert names <= found, kind


@pytest.mark.parametrize(
    ("kind", "texts", "expected"),
    [
        ("a person named beside a thing named after another", ["Samuel Quennell backed the Halloran plan."],
         {"Samuel Quennell"}),
        ("an administration is still its man's", ["The Quennell administration has failed, said Dorsey."],
         {"Samuel Quennell"}),
        ("a general after a possessive is a man", ["He thanked our General Quennell for the victory."],
         {"Samuel Quennell"}),
        ("a full name after 'the late' is a man", ["They mourned the late Samuel Quennell in May."],
         {"Samuel Quennell"}),
        ("a full name after 'the' and a title is a man", ["They thanked the Reverend Walter Halloran."],
         {"Walter Halloran"}),
        ("'and Co.' after surnames: the men and their friends",
         ["The proposals of Messrs. Halloran, Quennell and Co. were rejected."],
         {"Samuel Quennell", "Walter Halloran"}),
        ("a man before 'and' and a given name that begins like a firm's 'Son'",
         ["Representatives Walter Halloran and Sonny Dorsey spoke."], {"Walter Halloran"}),
        ("a list of people with a firm's name in it stops at a full name",
         ["Translated by Walter Halloran, Voss Publishers, Boston."], {"Walter Halloran"}),
    ],
)
def test_people_near_things_stay(kind: str, texts: list[str], expected: set[str]) -> None:
    assert expected <= values([_OWNERS, ("t", texts)])[1], kind


@pytest.mark.parametrize(
    ("word", "shaped"),
    [("Criticism", True), ("Exactly", True), ("Prolongation", True), ("Political", True),
     ("Equality", True), ("Hegel", False), ("Sessions", False), ("Verity", False), ("Blankenship", False),
     ("Lindquist", False), ("Clement", False)],
)
def test_common_shaped(word: str, shaped: bool) -> None:
    assert common_shaped(word) is shaped


# Named in full twice: "Toledo" is also a city of more than 100,000 people, "Marsh" an everyday word.
_NAMESAKES = ("n", ["Rafael Toledo opened the congress.", "Rafael Toledo spoke for the miners.",
                    "Edith Marsh chaired the meeting.", "Edith Marsh read the report."])


@pytest.mark.parametrize(
    ("kind", "texts", "not_values"),
    [
        ("a city's name alone is the city, whoever in the archive bears it",
         ["The strike spread from Detroit to Toledo within a week.",
          "In Toledo the plants stayed shut.", "Toledo voted for the union."], {"Toledo", "Rafael Toledo"}),
        ("a city or a province the data writes with an Arabic article is a place without it too",
         ["Fallujah was quiet on Monday, and Samarra waited.",
          "Fallujah, Ramadi and Samarra are in Anbar, officials said.", "Samarra said nothing."],
         {"Fallujah", "Samarra", "Anbar"}),
        ("an everyday word after Mr. names nobody the archive can tell",
         ["The road ran through the marsh to the river.", "A marsh is no place for a camp.",
          "The marsh flooded each spring, and the marsh birds left.",
          "Mr. Marsh, it was said, had voted against it.", "Later Mr. Marsh changed sides."],
         {"Marsh", "Edith Marsh"}),
        ("an estate the court reports give as people's address is a place, even listed beside a name",
         ["QUENNELL, Kevin, Glenmorrow, Carrigbeg - drink driving, fined 750.",
          "Kevin Quennell (41), of Glenmorrow, who has lived in Carrigbeg for six years, was fined.",
          "Dara Pim (27), of 22 Glenmorrow, was fined for failing to display a tax disc.",
          "Three trees fell on the road through Glenmorrow last night."], {"Glenmorrow"}),
    ],
)
def test_a_bare_word_the_data_or_the_archive_reads_otherwise(kind: str, texts: list[str],
                                                             not_values: set[str]) -> None:
    found = values([_NAMESAKES, ("t", texts)])
    assert not (found[1] & not_values), kind
    assert {"Rafael Toledo", "Edith Marsh"} <= found[0], "the people named in full are still found"


def paragraph_values(corpus: Corpus) -> list[list[set[str]]]:
    """Discovered person names per paragraph of each document, cold (see :func:`values`)."""
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    return [[{r.name for r in refs} for refs, _ in annotator.annotate("", texts)] for _, texts in corpus]


@pytest.mark.parametrize(
    ("kind", "texts", "expected"),
    [
        ("a numbered ruler named here does not take the bare name of several rulers",
         ["Otto III of Varnia lost the war of the duchies.", "Otto had once ruled the whole coast."],
         [{"Otto III"}, set()]),
        ("a titled bare name still goes to the ruler named here",
         ["Otto III of Varnia lost the war of the duchies.", "King Otto had once ruled the whole coast."],
         [{"Otto III"}, {"Otto III"}]),
    ],
)
def test_a_regnal_name_named_here(kind: str, texts: list[str], expected: list[set[str]]) -> None:
    assert paragraph_values([("a", texts)])[0] == expected, kind


@pytest.mark.parametrize(
    ("kind", "texts", "expected"),
    [
        ("a role in the apposition says a person, whatever the given name",
         ["Zenkwe Dalmoro, the union's general secretary, spoke first.", "Dalmoro said the strike would go on."],
         [{"Zenkwe Dalmoro"}, {"Zenkwe Dalmoro"}]),
        ("a capitalised role too, when no name follows it",
         ["We met Zenkwe Dalmoro, the U.N. Secretary-General, in May."], [{"Zenkwe Dalmoro"}]),
        ("so does an age", ["We saw that Tavio Mennick, 34, a welder from Carrow, was hurt."], [{"Tavio Mennick"}]),
        ("a short given name with a role is the one named in full with the long one",
         ["Desmond Quennabe led the dockers.", "Desmond Quennabe spoke.",
          "Des Quennabe, the dockers' president, gave him his card."],
         [{"Desmond Quennabe"}, {"Desmond Quennabe"}, {"Desmond Quennabe"}]),
        ("an apposition without a role says nothing", ["Halvorn Brinsey, the investment bank, said profits rose."],
         [set()]),
        ("nor a role named after the head of the apposition",
         ["Funds poured in thanks to Harbour Zones, a plan spearheaded by Senator Edith Marsh."], [{"Edith Marsh"}]),
        ("nor a number in a table", ["Rates: Lower Quennen, 16, Upper Brinsey, 17, Aube Quarries, 16."], [set()]),
        ("nor does a verb of speech alone, for firms speak too", ["We heard that Tavio Mennick said the plant would close."],
         [set()]),
    ],
)
def test_an_unknown_given_name_with_a_persons_apposition(kind: str, texts: list[str], expected: list) -> None:
    assert paragraph_values([("t", texts)])[0] == expected, kind


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("an index's entries run together on one line", "Index: Quennell, Loretta; Varenza, Willie Mae; Halloran, Amos T.",
         {"Loretta Quennell", "Willie Mae Varenza", "Amos T. Halloran"}),
        ("an arrest list's rows, a generation after the given name and an age after the entry",
         "ARRESTED 5/11: Quennell, Wendell Jr. 18; Varenza, Otis Jr. 20; Halloran, Amos M., Jr. 21",
         {"Wendell Quennell Jr.", "Otis Varenza Jr.", "Amos M. Halloran Jr."}),
        ("a table's rows, with a given name the census lists though it is a surname too",
         "3 Quennell, Curtis L. 18 Ashford bond $200 -- 4 Varenza, Cleveland 19 Ashford bond",
         {"Curtis L. Quennell", "Cleveland Varenza"}),
        ("...but a dateline is no entry", "QUENNELL, Jan 27 (NZPA) - VARENZA, May 12, 2015 - Lorton, June 3.", set()),
        ("a results table's entry with a given name no list knows, its everyday name in brackets",
         "QUENNELL, Wiremu (Bill) (inc)* 2,345\nVARENZA, Mere 1,201", {"Wiremu Quennell"}),
        ("a ballot's and a roll's entries of a surname and initials, a generation after them",
         "TRUSTEES; Quennell, O.; Varenza, J., Jr.; HALLORAN, S.J.: 1,487", {"O. Quennell", "J. Varenza Jr.", "S. J. Halloran"}),
        ("...not a place and an initial in a sentence", "He went to Lorton, F. Quennell said; he went home.",
         {"F. Quennell"}),
        ("a list's role after a name is the next entry's", "Captain: Mr. Odell Quennell Asst.: Mr. Amos Varenza; "
         "Treasurer: Mr. L. C. Halloran Comm.: Mr. T. M. Dorsey; Witness: Edith Lockmoor Notary Public.",
         {"Odell Quennell", "Amos Varenza", "L. C. Halloran", "T. M. Dorsey", "Edith Lockmoor"}),
        ("an office cut short after a name is the office", "Mrs. Ada Quennell was elected President, Mrs. Edna "
         "Varenza Vice-Pres., and Mrs. Ruth Halloran Sec. The Pres. thanked Mr. Amos Dorsey Treas. for the books.",
         {"Ada Quennell", "Edna Varenza", "Ruth Halloran", "Amos Dorsey"}),
        ("...and each office ends its own name in a list", "Officers: Ann Quennell Pres. Joe Varenza Sec. Amos "
         "Halloran Treas.", {"Ann Quennell", "Joe Varenza", "Amos Halloran"}),
        ("a form's field after a name is the next field's label",
         "Name: Mary Quennell-Pim From: Lorton Date: 02/10/2002 Email: none", {"Mary Quennell-Pim"}),
        ("an honour roll's headings in capitals, its lines run together after each entry's full stop",
         "QUENNELL, Albert Edward. Sgt., 9th Bn. Returned 1919. VARENZA, Thomas James. Pte. Son of Amos "
         "Varenza, carter. Wounded 1918. Returned. HALLORAN, Cyril Arthur. Lt. (Brother of the above.) "
         "DORSEY, Patrick ('Paddy'). Pte.",
         {"Albert Edward Quennell", "Thomas James Varenza", "Amos Varenza", "Cyril Arthur Halloran",
          "Patrick Dorsey"}),
        ("...not a title's or an abbreviation's full stop, nor a heading not in capitals",
         "He called on Mr. QUENNELL, Anna Street. The boat put in at St. LORTON, New Varenza. "
         "She went home. Halloran, Ada said nothing.", set()),
    ],
)
def test_lists_and_indexes_surname_first(kind: str, text: str, expected: set[str]) -> None:
    assert {c.name for c in candidates(text) if c.kind == "full"} == expected, kind


def test_an_entry_surname_first_is_no_bare_surname_of_the_file_and_a_street_no_man() -> None:
    """ "Hawes, Cleveland 19" is Cleveland Hawes, not President Cleveland; "Martin Luther King, Jr.
    Drive" is a street."""
    annotator = PersonAnnotator(Authority.load(Path(__file__).parents[1] / "corpus" / "persons.toml"))
    texts = ["ARRESTED 5/11: Quennell, Cleveland 19; Varenza, Amos 20.",
             "The banquet was held at 1100 Martin Luther King, Jr. Drive.", "Dr. Martin Luther King, Jr. spoke."]
    found = [{r.name for r in refs} for refs, _ in annotator.annotate("", texts, published="1976")]
    assert found == [{"Cleveland Quennell", "Amos Varenza"}, set(), {"Martin Luther King Jr."}]


@pytest.mark.parametrize(
    ("kind", "corpus", "expected"),
    [
        ("a given name no table lists, the corpus wrote after a title, is his without it",
         [("a", ["Dr. Zenkwe Dalmoro came to town in 1903."]),
          ("b", ["Zenkwe Dalmoro, who set the fracture, was thanked.", "Then Zenkwe Dalmoro retired."])],
         [{"Zenkwe Dalmoro"}, {"Zenkwe Dalmoro"}]),
        ("a quoted nickname is his given name", [("a", ['Commissioner Eugene "Bull" Mennick ordered the hoses.',
                                                        "Bull Mennick said no."])],
         [{"Eugene Mennick"}, {"Eugene Mennick"}]),
        ("only with that surname, and not where it names a building",
         [("a", ["Dr. Zenkwe Dalmoro came in 1903."]),
          ("b", ["Zenkwe Quennabe sold the mill.", "The Zenkwe Dalmoro Hall was opened."])],
         [set(), set()]),
    ],
)
def test_a_given_name_the_corpus_wrote_after_a_title(kind: str, corpus: list, expected: list) -> None:
    assert paragraph_values(corpus)[-1] == expected, kind


def test_a_function_word_that_starts_a_places_name_goes_with_the_place() -> None:
    """ "New" is a function word at the start of a run ("New evidence"), but "New Zealand" is a
    place: neither "Zealand" nor the place's name before an office is a name."""
    text = "Ships sailed for New Zealand, and New Zealand Prime Minister Helen Quennell met them."
    found = [(c.kind, c.name) for c in candidates(text)]
    assert ("full", "Helen Quennell") in found
    assert not [name for _, name in found if "Zealand" in name]


def test_a_generation_spelt_out_is_no_surname() -> None:
    """ "Senior" after a given name and a surname says which of two namesakes; after an
    initial it is the surname."""
    found = {c.name: c.surname for c in candidates(
        "Prizes went to Alexander Quennell Senior and to Professor Walter P. Senior in May.")}
    assert found["Alexander Quennell Senior"] == "Quennell"
    assert found["Walter P. Senior"] == "Senior"


def test_after_a_title_an_unlisted_given_name_and_an_initial_make_a_full_name() -> None:
    """ "Professor Nassau W. Senior": a given name no list knows, a middle initial and a surname."""
    found = [(c.kind, c.name, c.given, c.surname) for c in candidates("Later Professor Zorvan W. Quennell wrote.")]
    assert ("full", "Zorvan W. Quennell", "Zorvan", "Quennell") in found


@pytest.mark.parametrize(
    ("kind", "text", "expected", "not_names"),
    [
        ("a given name that is also a surname", "The coach, Lyle E. Quennell, retired in May.",
         {"Lyle E. Quennell"}, {"Lyle", "Quennell"}),
        ("...and a surname that is also a place", "A school named for Booker T. Varenza and Dale W. Washington opened.",
         {"Booker T. Varenza", "Dale W. Washington"}, {"Booker", "Dale"}),
        ("two initials", "Then Wade H. L. Morozzi spoke.", {"Wade H. L. Morozzi"}, {"Wade"}),
        ("a place before initials is no given name", "Mail reached Washington D. C. Halloran later.", set(),
         {"Washington D. C. Halloran"}),
        ("nor a month", "In May J. Halloran wrote.", {"J. Halloran"}, {"May J. Halloran"}),
    ],
)
def test_a_census_given_name_before_a_middle_initial_starts_a_full_name(kind: str, text: str, expected: set[str],
                                                                         not_names: set[str]) -> None:
    """A name the Census gives to many men but that many families bear as a surname
    ("Lyle", "Dale", "Wade") is no given name alone; before a middle initial it is."""
    found = names_in(text)
    assert expected <= found, (kind, found)
    assert not found & not_names, (kind, found)


def test_the_initialled_and_plain_forms_are_one_value() -> None:
    corpus = [("a", ["HARWICK - Lyle E. Quennell, 80, who coached for 33 years, died Sunday."]),
              ("b", ["Coach Lyle Quennell said the team would be ready.", "Lyle Quennell won again in 1961."])]
    found = values(corpus)
    assert found[0] == {"Lyle E. Quennell"}
    assert "Lyle E. Quennell" in found[1] and "Lyle Quennell" not in found[1]


@pytest.mark.parametrize(
    ("kind", "text", "not_names", "names"),
    [
        ("a fishing boat's port letters and number", "CG 21 Edna Morozzi, fifie, owner Amos Morozzi.",
         {"Edna Morozzi"}, {"Amos Morozzi"}),
        ("a boat's noun a fishing port uses", "The steam drifter Lydia Quennell was lost with all hands.",
         {"Lydia Quennell"}, set()),
        ("...capitalised, the name quoted and in capitals", 'Life-boat "HANNAH AND WALTER VARENZA", capsized 1899.',
         {"Hannah", "Walter Varenza", "Hannah And"}, set()),
        ("a merchant ship's prefix as one word", "The S.S. Orville Halloran stranded; the M.V. Edith Quennell sank.",
         {"Orville Halloran", "Edith Quennell"}, set()),
        ("...and after the quoted name in a register", '"EDITH QUENNELL" (S.S.). Steel screw steamer.',
         {"Edith Quennell"}, set()),
        ("spaced, the same letters are a man's initials", "A letter from S. S. Quennell came.", set(),
         {"S. S. Quennell"}),
        ("'the' before a title of rank", "The trawler, the Lady Edwina, went ashore; Sir Amos Quennell paid.",
         {"Edwina"}, {"Amos Quennell"}),
        ("...a room or a pub", "They met in the Sir Orville Halloran Chamber, then in the Lord Varenza.",
         {"Orville Halloran", "Varenza"}, set()),
        ("'the' before a given name alone", 'A pint in the Grace, and then the "Agnes" came in; Ethel waved.',
         {"Grace", "Agnes"}, {"Ethel"}),
        ("a doctor's degree before the next field", "Hon. Surgeon: J. Halloran, M.D. Coxswain: A. Quennell.",
         {"M. D. Coxswain", "M.D. Coxswain"}, {"J. Halloran"}),
    ],
)
def test_a_boat_named_for_someone_is_no_person(kind: str, text: str, not_names: set[str], names: set[str]) -> None:
    found = names_in(text)
    assert not found & not_names, (kind, found)
    assert names <= found, (kind, found)


def test_a_boat_s_name_is_the_boat_throughout_its_document() -> None:
    corpus = [("a", ["The collier Janet Quennell ran onto the Skerries in a snowstorm.",
                     "Janet Quennell broke up by morning; Amos Halloran saved nine men."]),
              ("b", ["Mrs. Janet Quennell opened the bazaar.", "Janet Quennell thanked the crew."])]
    found = values(corpus)
    assert found[0] == {"Amos Halloran"}
    assert "Janet Quennell" in found[1]


def test_a_page_on_how_a_boat_got_its_name_still_names_the_person() -> None:
    corpus = [("a", ["The foundation stone was laid by Lydia Quennell; the barque Lydia Quennell was named after her.",
                     "Lydia Quennell died in 1901."]),
              ("b", ["Mrs. Lydia Quennell opened the bazaar."])]
    assert values(corpus)[0] == {"Lydia Quennell"}


@pytest.mark.parametrize(
    ("title", "sex_word"),
    [("Cllr", "her"), ("Councillor", "her"), ("Councilwoman", "her"), ("Councilman", "his"), ("Alderman", "his"),
     ("Assemblywoman", "her"), ("Pastor", "his"), ("Coach", "his"), ("Maj.", "his"),
     ("Det.", "her"), ("Insp.", "his"), ("Supt.", "her"), ("Cpl.", "his"), ("Chairwoman", "her"),
     ("Cr", "her"), ("Nurse", "her"), ("Matron", "her"), ("Vicar", "his"), ("Rector", "his"), ("Revd", "his"),
     ("Elder", "his"), ("Evangelist", "her")],
)
def test_local_offices_ranks_and_callings_are_titles(title: str, sex_word: str) -> None:
    """A paper's local offices, ranks and callings say "a person" before a surname alone, as "Mr." does."""
    corpus = [("a", [f"{title} Vantongeren said the depot would stay open, and {sex_word} members agreed.",
                     f"Later {title} Vantongeren told the meeting the vote was close."]),
              ("b", ["Samuel Halloran said the talks would resume."])]
    assert "Vantongeren" in values(corpus)[0], title


@pytest.mark.parametrize(
    ("kind", "text", "expected", "not_names"),
    [
        ("an abbreviated given name with its full stop", "Received of Wm. Quennell the sum of four pounds.",
         {"William Quennell"}, {"Wm", "Quennell"}),
        ("several in a list of subscribers", "Jno. Varenza, Thos. Halloran and Saml. Morozzi subscribed.",
         {"John Varenza", "Thomas Halloran", "Samuel Morozzi"}, {"Jno", "Thos", "Saml"}),
        ("without the full stop, as British clerks wrote them", "Chas Dunkelberg and Robt Quennell, carters.",
         {"Charles Dunkelberg", "Robert Quennell"}, {"Chas", "Robt"}),
        ("with a middle initial", "The deed of Edwd. H. Varenza, 1852.", {"Edward H. Varenza"}, set()),
        ("after a title", "The Rev. Geo. Halloran preached.", {"George Halloran"}, {"Geo"}),
    ],
)
def test_an_abbreviated_given_name_is_the_given_name(kind: str, text: str, expected: set[str],
                                                      not_names: set[str]) -> None:
    found = names_in(text)
    assert expected <= found, kind
    assert not found & not_names, kind


def test_an_abbreviated_given_name_and_the_full_one_are_one_value() -> None:
    corpus = [("a", ["Wm. Quennell, of the Lower Mill, paid his rent in arrears.",
                     "Quennell said the river had risen again."]),
              ("b", ["William Quennell was elected to the vestry in 1861."]),
              ("c", ["A note from Jno. Varenza.", "Jno. was the elder brother."])]
    found = values(corpus)
    assert found[0] == found[1] == {"William Quennell"}
    assert "Jno" not in found[2]


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("a family", "The letters of the Quennell family came to us in 2004."),
        ("its gathering, after an adjective", "Plans for the first Quennell reunion were made."),
        ("its land", "He sold the Quennell quarter to a neighbour."),
        ("its kitchen", "Coffee was served from the Quennell kitchen."),
        ("its old place", "The old Quennell place burned down in the spring."),
        ("a funeral home named after its founder", "Quennell Funeral Home is in charge of arrangements."),
        ("a veterans' post named after a son of the family", "The Carl Quennell Post No. 112 met on Monday."),
        ("a school named after him, in lower case, after an adjective", "The library fund of the new Quennell school grew."),
        ("a camp named after him", "Most of the winter he cooked at the Quennell camp."),
        ("housing named after him", "Forty families moved into the Quennell homes that spring."),
        ("a boat named after his wife, by her given name after the boat's noun", "The tug Edith came alongside."),
        ("the town named after him, by a town's own noun", "Lots 4 and 5, original town of Quennell, were sold."),
        ("...and a city's", "The city of Quennell voted the bonds."),
    ],
)
def test_a_surname_for_a_family_or_what_it_holds_is_no_one_of_them(kind: str, text: str) -> None:
    annotator = PersonAnnotator(Authority())
    texts = ["William Quennell and his wife Edith Quennell kept the store for thirty years.", text,
             "Quennell retired in 1990."]
    annotated = annotator.annotate("", texts, published="1990")
    assert not annotated[1][0], kind
    assert [r.name for r in annotated[2][0]] == ["William Quennell"], "the man himself is still found"


@pytest.mark.parametrize(
    ("kind", "text", "not_names", "names"),
    [
        ("a street's abbreviated word after a given name", "Write to the office, 126 Vivian St, Lorton.",
         {"Vivian St"}, set()),
        ("a saint's title before a given name", "First aid: Dr A. Quennell (St John Ambulance).",
         {"John Ambulance"}, {"A. Quennell"}),
        ("the people of a place whose name starts with a function word",
         "We shall not win the ordinary New Zealander or the New Yorkers by it.", {"Zealander", "Yorkers"}, set()),
        ("a religious order named after a virtue", "Sister Ada Quennell, of the Sisters of Mercy, spoke.",
         {"Mercy"}, {"Ada Quennell"}),
        ("a web page's label after a heading's name", "Obituary: Mavis Quennell Posted 8/10/1996",
         {"Mavis Quennell Posted", "Posted"}, {"Mavis Quennell"}),
        ("...and alone", "Posted 8/10/1996 by the webmaster. Updated 9/10/1996.", {"Posted", "Updated"}, set()),
        ("a boat quoted in a list, its kind in brackets",
         '4. "Agnes Quennell" (sloop, 22 ft) - Peter Varenza (skipper).', {"Agnes Quennell"}, {"Peter Varenza"}),
    ],
)
def test_addresses_saints_peoples_orders_labels_and_boats(kind: str, text: str, not_names: set[str],
                                                           names: set[str]) -> None:
    found = names_in(text)
    assert not found & not_names, kind
    assert names <= found, kind


@pytest.mark.parametrize("kind, lines, expected", [
    ("a syllabus set with leaders of dots",
     ["CLASSES", "Mathematics ............ Mr. S. Quennell, jun.", "Cotton Spinning ........ Mr. T. Varenza",
      "Ambulance (St. John) ... Dr. S. Dunkelberg", "Shorthand .............. Mr. F. Halloran"],
     {"S. Quennell Jr.", "T. Varenza", "S. Dunkelberg", "F. Halloran"}),
    ("a programme, the dots spaced, a wrapped line led in",
     ["The order of service, printed for the", "congregation, was as follows:",
      "Prayer . . . . . . . . . . Dea. Amos Varenza", "Solo . . . . . . . . . . . Mrs. Ida Quennell",
      "Address . . . . . . . . . Rev. Walter Halloran"],
     {"Amos Varenza", "Ida Quennell", "Walter Halloran"}),
])
def test_a_list_set_with_leaders_is_read_item_by_item(kind: str, lines: list[str], expected: set[str]) -> None:
    """A printed list's lines are not one sentence: the name at one line's end does not run into
    the next line's heading ("Mr. T. Varenza Ambulance")."""
    from indexer.readers.text import parse_text

    paragraphs = [text for _, _, text in parse_text("\n".join(lines) + "\n", has_title=False).blocks]
    assert values([("a", paragraphs)])[0] == expected, kind


def test_a_name_does_not_run_over_a_line_break() -> None:
    """A list printed an entry a line keeps its breaks: "Mr. T. Varenza" ends its line, and
    the next line's heading is no part of his name."""
    found = names_in("Cotton Spinning: Mr. T. Varenza\nAmbulance (St. John): Dr. S. Dunkelberg\nQUENNELL, J.\nGate 2")
    assert {"T. Varenza", "S. Dunkelberg"} <= found and not any(
        " " in n and n.endswith(("Ambulance", "Gate")) for n in found), found


@pytest.mark.parametrize(
    ("kind", "text", "not_names", "names"),
    [
        ("an institution called after its founder, in the possessive",
         "A pupil of Dame Edith Quennell's School and of Varenza's College, then at Halloran's Hospital.",
         {"Edith Quennell", "Varenza", "Halloran"}, set()),
        ("...not a law its sponsor brought in, nor a founder before another name",
         "Mr. Amos Quennell's Bill, Varenza's Act, and Ada Halloran's Pim Institute.", set(),
         {"Amos Quennell", "Varenza", "Ada Halloran"}),
        ("a word after a saint's name in the possessive", "She sat for St. Hilda's Ward, he for St Olave's Quennell.",
         {"Ward", "Quennell"}, set()),
        ("a house's name after the person living there", "Treasurer, Mrs. A. Halloran, Wesley Manse; Miss Pim, Rose Cottage.",
         {"Wesley Manse", "Rose Cottage"}, {"A. Halloran"}),
        ("a generation after a comma, capitalised as a clerk wrote it", "Present: Mr. T. Quennell, Jun. in the chair.",
         {"T. Quennell"}, {"T. Quennell Jr."}),
        ("...spelt out, before the dates of a life", "Thomas Quennell, junior (1861-1934), sat from 1910.",
         {"Thomas Quennell"}, {"Thomas Quennell Jr."}),
        ("...a month's name is no generation", "Mr. Quennell, Jun. 5, 1912, and Mr. Varenza, Jun. Pim",
         {"Quennell Jr.", "Varenza Jr."}, set()),
    ],
)
def test_institutions_houses_and_generations_as_old_papers_write_them(kind: str, text: str, not_names: set[str],
                                                                      names: set[str]) -> None:
    found = names_in(text)
    assert not found & not_names, (kind, found)
    assert names <= found, (kind, found)


_QUENNELL_WOMEN = [("daughter", ["Miss Edith Quennell read the report.", "Miss E. M. Quennell seconded it."]),
                   ("mother", ["Mrs. Harriet Quennell presided.", "Mrs. Harriet Quennell thanked the meeting."])]


@pytest.mark.parametrize(
    ("kind", "texts", "absent", "present"),
    [
        ("a 'Mrs.' is not the daughter named here, whom the corpus calls 'Miss'",
         ["Miss Edith Quennell spoke.", "Mrs. Quennell thanked the meeting."], {"Edith Quennell"}, set()),
        ("...nor, named nowhere here, the corpus's daughter", ["Mrs. Quennell thanked the meeting."],
         {"Edith Quennell"}, set()),
        ("a 'Miss' is not the mother named here, whom the corpus calls 'Mrs.'",
         ["Mrs. Harriet Quennell spoke.", "Miss Quennell thanked the meeting."], {"Harriet Quennell"}, set()),
        ("a 'Miss' is still the daughter", ["Miss Edith Quennell spoke.", "Miss Quennell thanked the meeting."],
         set(), {"Edith Quennell"}),
    ],
)
def test_miss_and_mrs_of_one_surname_are_not_one_woman(kind: str, texts: list[str], absent: set[str],
                                                       present: set[str]) -> None:
    annotator = PersonAnnotator(Authority())
    annotator.prepare([*_QUENNELL_WOMEN, ("d", texts)])
    last = {r.name for r in annotator.annotate("", texts)[-1][0]}
    assert not last & absent, (kind, last)
    assert present <= last, (kind, last)


def test_a_knight_s_name_after_the_is_a_pub() -> None:
    annotator = PersonAnnotator(Authority.from_dict({"person": [
        {"id": "quennell-robert", "name": "Robert Quennell", "aliases": ["Sir Robert Quennell"]}]}))
    texts = ["Fish-heads were thrown outside the Sir Robert Quennell, a public house.", "Sir Robert Quennell spoke."]
    annotator.prepare([("d", texts)])
    assert [{r.id for r in refs} for refs, _ in annotator.annotate("", texts)] == [set(), {"quennell-robert"}]


_FATHER_AND_SON = ("lives", ["Amos Quennell (1832-1909) founded the rope works.",
                             "Amos Quennell, junior (1861-1934), sat for the borough from 1910."], 2018)


@pytest.mark.parametrize(("year", "expected"), [
    ("1874", {"Amos Quennell"}),  # the son was thirteen
    ("1890", set()),  # both grown men: either
    ("1920", {"Amos Quennell Jr."}),  # the father dead
])
def test_a_bare_surname_is_the_one_namesake_grown_and_alive_then(year: str, expected: set[str]) -> None:
    texts = ["Mr. Quennell was returned for the borough."]
    annotator = PersonAnnotator(Authority())
    named = [("1872", ["Amos Quennell spoke at the hustings.", "Amos Quennell won the seat."], 1872),
             ("1912", ["Amos Quennell spoke at the hustings.", "Amos Quennell won the seat."], 1912)]
    annotator.prepare([_FATHER_AND_SON, *named, ("d", texts, int(year))])
    assert {r.name for r in annotator.annotate("", texts, year)[0][0]} == expected


@pytest.mark.parametrize(("year", "text", "expected"), [
    ("1885", "Amos Quennell spoke at the hustings.", {"Amos Quennell"}),  # the son is "jun." while his father lives
    ("1920", "Amos Quennell spoke at the hustings.", {"Amos Quennell Jr."}),  # and plain after
    ("2004", "In 1874 Amos Quennell spoke at the hustings.", {"Amos Quennell"}),  # a history, by the year it tells
    ("2004", "Amos Quennell spoke at the hustings in 1874 and in 1920.", set()),  # of both: neither's
    ("2004", "Amos Quennell (1832-1909) spoke at the hustings in 1920.", {"Amos Quennell"}),  # by the dates printed
])
def test_a_plain_full_name_is_the_father_or_the_son_by_date(year: str, text: str, expected: set[str]) -> None:
    annotator = PersonAnnotator(Authority())
    annotator.prepare([_FATHER_AND_SON, ("d", [text], int(year))])
    assert {r.name for r in annotator.annotate("", [text], year)[0][0]} == expected


def test_a_grandparent_by_the_family_s_word_is_no_value_of_its_own() -> None:
    texts = ["Samuel Quennell built the hall.", "Grandfather Quennell said thee to the end, and Granny Quennell laughed."]
    found = values([("d", texts)])[0]
    assert found == {"Samuel Quennell"}, found


@pytest.mark.parametrize(
    ("kind", "text", "not_names", "names"),
    [
        ("an Italian society's titles, written out and cut short",
         "Il Presidente Cav. Varenza and Segr. Quennell; Sig. G. Morozzi, Dott. Pim and Maestro Halloran.",
         {"Presidente", "Cav", "Segr", "Sig", "Dott", "Maestro Halloran"},
         {"Varenza", "Quennell", "G. Morozzi", "Pim", "Halloran"}),
        ("...an honorary office", "Presidente Onorario, Cav. Varenza.", {"Onorario"}, {"Varenza"}),
        ("Italian months", "Adunanza del 15 Agosto 1923; festa di Maggio.", {"Agosto", "Maggio"}, set()),
        ("given names cut short in Italian registers", "Giov. Varenza e Gius. Quennell", set(),
         {"Giovanni Varenza", "Giuseppe Quennell"}),
        ("the hour before a programme's next item", "7 P. M. Opening of the fair; 9.30 P.M. Fireworks; 8 A. M. Mass.",
         {"P. M. Opening", "P.M. Fireworks", "A. M. Mass"}, set()),
        ("a band or a choir named after someone", "The Amos Quennell Band and the Ada Pim Choir played.",
         {"Amos Quennell Band", "Ada Pim Choir"}, set()),
    ],
)
def test_the_records_of_an_italian_society_abroad(kind: str, text: str, not_names: set[str], names: set[str]) -> None:
    found = names_in(text)
    assert not found & not_names, (kind, found)
    assert names <= found, (kind, found)


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("a numeral closing a sentence is no initial", "Sir Amos Quennell was knighted by King George V.", {"George V"}),
        ("...nor before a lower-case word", "His Majesty King George V. in the Birthday Honours.", {"George V"}),
        ("a numeral written as a word", "A portrait of King George the Fifth hung over the door.", {"George V"}),
        ("...without a title", "The grammar school of Edward the Sixth was refounded.", {"Edward VI"}),
        ("but no ordinal in lower case", "Mary the first to arrive, Peter the Great after.", {"Mary", "Peter"}),
    ],
)
def test_numbered_rulers_as_loyal_addresses_write_them(kind: str, text: str, expected: set[str]) -> None:
    found = {c.name for c in candidates(text)}
    assert expected <= found and not found & {"George", "Edward", "Fifth", "Sixth"}, (kind, found)


@pytest.mark.parametrize(("year", "text", "expected"), [
    (1911, "The committee mourned the late King Edward.", {"Edward VII"}),  # dead a year: still the one meant
    (1936, "A loyal address was sent to King Edward.", {"Edward VIII"}),
    (1905, "Prayers were said for Tsar Nicholas.", {"Nicholas II"}),
    (1950, "The pilgrims were received by Pope Pius.", {"Pius XII"}),
    (1935, "The pilgrims were received by Pope Pius.", set()),  # Pius XI or XII? the dictionary gives no reigns
    (1976, "The speaker told of King George and the tea.", set()),  # a history: George III, not the last George
    (1976, "In 1773 King George taxed the tea.", {"George III"}),  # ... as the year it tells says
    # A year no ruler of the name fits (a later treaty's) says nothing; the year the deed was done does.
    (1828, "The award of 1822, made by the late Emperor Alexander, was paid under a treaty of 1826 and 1827.",
     {"Alexander I"}),
])
def test_a_monarch_by_title_and_given_name_is_the_one_reigning_then(year: int, text: str,
                                                                     expected: set[str]) -> None:
    annotator = PersonAnnotator(Authority())
    annotator.prepare([("d", [text], year)])
    found = {r.name for r in annotator.annotate("", [text], str(year))[0][0]}
    assert {n for n in found if " " in n} == expected, found


@pytest.mark.parametrize(("texts", "expected"), [
    # An interview of 1976 about the royal tour: the paragraph tells no year, the document does.
    (["Q: Do you remember the royal tour of 1939?", "A: The whole town went down. King George and the Queen waved."],
     {"George VI"}),
    # ...but not where the document tells of two reigns
    (["Q: Your father came in 1912, and you in 1939?", "A: Yes. King George was on the stamps."], set()),
    # ...and a year the paragraph tells still goes first
    (["Q: Do you remember the royal tour of 1939?", "A: My grandfather saw King George crowned in 1911."],
     {"George V"}),
])
def test_a_monarch_in_a_paragraph_that_tells_no_year_is_of_the_document_s_years(texts: list[str],
                                                                                  expected: set[str]) -> None:
    annotator = PersonAnnotator(Authority())
    annotator.prepare([("d", texts, 1976)])
    found = {r.name for refs, _ in annotator.annotate("", texts, "1976") for r in refs}
    assert {n for n in found if " " in n} == expected, found


def test_a_queen_of_years_no_queen_of_the_name_reigned_is_a_king_s_wife() -> None:
    """An undated page on the royal tour of 1939 that mentions the coronation of 1953: its list's
    "Queen Elizabeth" beside King George VI is his wife, not the queen crowned in 1953."""
    texts = ["The royal tour of 1939, and the coronation of 1953.", "Guests: King George VI and Queen Elizabeth."]
    annotator = PersonAnnotator(Authority())
    annotator.prepare([("d", texts)])
    found = {r.name for refs, _ in annotator.annotate("", texts) for r in refs}
    assert {n for n in found if " " in n} == {"George VI"}, found


def test_a_monarch_the_dictionary_does_not_number_is_the_corpus_s_one_numbered_ruler() -> None:
    corpus = [("a", ["The society mourned King Amadeo II of Varnia.", "Amadeo II was shot at the fair."], 1900),
              ("b", ["A century ago the members mourned King Amadeo."], 2002)]
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    assert {r.name for r in annotator.annotate("", corpus[1][1], "2002")[0][0]} == {"Amadeo II"}
    prince = ["The Prince Amadeo visited the hall."]  # a prince is not the corpus's king
    assert "Amadeo II" not in {r.name for r in annotator.annotate("", prince, "2002")[0][0]}


def test_an_ordinal_before_a_capitalised_word_is_no_numeral() -> None:
    assert {c.name for c in candidates("Laura the First Lady spoke, and Edward the Second Lieutenant.")} & {
        "Laura I", "Edward II"} == set()


@pytest.mark.parametrize(
    ("kind", "text", "not_names", "names"),
    [
        ("a given name that is also a town, at a sentence's start", "Shirley Quennell chaired the meeting.", set(),
         {"Shirley Quennell"}),
        ("...and inside a sentence", "The treasurer thanked Regina Dunkelberg for the tea.", set(),
         {"Regina Dunkelberg"}),
        ("a given name that is also a common surname", "Gregory Pim seconded, and Kay Halloran agreed.", set(),
         {"Gregory Pim", "Kay Halloran"}),
        ("but not before an everyday word", "We walked by Grant Park and Hope Street to Kent County.",
         {"Grant Park", "Hope Street", "Kent County"}, set()),
        ("nor two such words, perhaps two surnames", "Dale Curtis", {"Dale Curtis"}, set()),
        ("nor a town's name before a region's", "The treaty signed at Guadalupe Hidalgo.", {"Guadalupe Hidalgo"},
         set()),
        ("nor a headline's verb", "ROOSEVELT PLAN\nRoosevelt Whitewashed by Committee", {"Roosevelt Whitewashed"},
         set()),
        ("nor an everyday word first", "The Young Hegelians met the Van Tromps.", {"Young Hegelians"}, set()),
    ],
)
def test_a_census_given_name_also_a_town_or_a_surname_before_a_surname(kind: str, text: str, not_names: set[str],
                                                                         names: set[str]) -> None:
    # (A "pair" is a person only where the document names that surname in full otherwise.)
    found = {c.name for c in candidates(fold_in_place(text)) if c.kind == "full"}
    assert not found & not_names, (kind, found)
    assert names <= found, (kind, found)


@pytest.mark.parametrize(("named", "other", "same"), [
    ("Rudolf Quennell", "Rudolph Quennell", True),
    ("Frederic Quennell", "Frederick Quennell", True),
    ("Phillip Quennell", "Philip Quennell", True),
    ("Tom Quennell", "Mr. Torn Quennell", True),  # a scanner's "rn" for "m"
    ("Louis Quennell", "Louise Quennell", False),  # a man and a woman
    ("Carl Quennell", "Carla Quennell", False),
])
def test_a_given_name_spelt_two_ways_is_one_person(named: str, other: str, same: bool) -> None:
    corpus = [("a", [f"{named} wrote the book.", f"{named} replied to the review."], 1900),
              ("b", [f"{other} answered the critics."], 1901)]
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    found = {r.name for r in annotator.annotate("", corpus[1][1], "1901")[0][0]}
    assert (found == {named}) is same, found


@pytest.mark.parametrize(("named", "page", "expected"), [
    ("Angus Dunkelberg", "Secretary: R. PIM.     Medical Officer: Dr. Angus Dunkel-\nberg.     Band: the Lorton Band.",
     "Angus Dunkelberg"),  # a list set in columns
    ("Angus McQuennell", "Patron: Mr. Angus McQUENNELL.\n\nJudge: Mr. Angus Mc Quennell.", "Angus McQuennell"),
    ("Johann Friedrich Kruger", "It was led by Johann Friedrich Kriiger and his sons.", "Johann Friedrich Kruger"),
    ("Amos Dunkelberg", "Amos DUNKELBERG 1861-1930 = Ada PIM 1866-1941", "Amos Dunkelberg"),  # a family page
])
def test_a_name_as_old_print_and_its_scanner_wrote_it_is_the_name(named: str, page: str, expected: str) -> None:
    """A word cut at a line's end in a list set in columns, "Mc" set apart or a surname in
    capitals after it, an umlaut read "ii", a family page's surname in capitals: each is the
    name the archive writes plainly."""
    from indexer.readers.text import _text_paragraphs

    texts = _text_paragraphs(page)
    corpus = [("a", [f"{named} moved the motion.", f"{named} spoke again."], 1920), ("b", texts, 1921)]
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    found = {r.name for refs, _ in annotator.annotate("", texts, "1921") for r in refs}
    assert found and all(name == expected for name in found if "Pim" not in name), found


def test_a_grandparent_called_so_alone_is_nobody_s_value() -> None:
    """ "Grandpa said ..." in an interview is the speaker's grandfather, whom the page may never
    name: no value "Grandpa" gathering everyone's."""
    texts = ["Grandpa said the frost would come early that year.", "His brother kept the farm and Grandpa took "
             "the name.", "Then Grandpa wrote to the co-op, and the neighbour, Amos Quennell, signed it too."]
    found = values([("a", texts), ("b", ['Grandpa said, "Ole writes and I plough."', "Grandpa was a hard man."])])
    assert "Grandpa" not in found[0] | found[1] and "Amos Quennell" in found[0], found


@pytest.mark.parametrize(("text", "person"), [
    ("The Chief spoke at Prince Albert, his own seat, the week before.", False),
    ("Name: Ada Quennell From: Prince Albert Date: 02/10/2002", False),
    ("The family moved to a farm near Prince George in 1931.", False),
    ("Prince Albert opened the Exhibition of 1851.", True),
    ("The Society had a letter from Prince Albert, thanking it.", True),
    ("The crowd at Prince George's christening cheered.", True),
])
def test_a_city_named_after_a_royal_is_the_city_after_a_preposition_of_place(text: str, person: bool) -> None:
    """ "at Prince Albert", "near Prince George": the cities of those names (GeoNames), not the
    princes, who are named so before a verb or a possessive."""
    found = values([("a", [text])])[0]
    assert bool(found - {"Ada Quennell"}) == person, found

