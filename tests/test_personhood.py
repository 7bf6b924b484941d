"""A person value is one person: what discovery must not make a value, where a name
ends, and one value per person. One table per kind of error seen on uncurated
archives; every text here is written for these tests (the people are invented).
"""

from __future__ import annotations

import pytest

from indexer.authority import Authority
from indexer.persons import PersonAnnotator

Corpus = list[tuple]  # (id, texts), (id, texts, year) or (id, texts, year, headings)


def values(corpus: Corpus, authority: Authority | None = None) -> list[set[str]]:
    """Person names per document, cold (empty authority unless given, corpus-wide pass
    first). A document is ``(id, texts)``, ``(id, texts, year of publication)`` or ``(id, texts,
    year, headings)``."""
    annotator = PersonAnnotator(authority or Authority())
    annotator.prepare(corpus)
    return [{r.name for refs, _ in annotator.annotate("", texts, published=str(dated[0]) if dated else None)
             for r in refs} for _, texts, *dated in corpus]


def all_values(corpus: Corpus) -> set[str]:
    return set().union(*values(corpus))


_FAMILY_NAME_FIRST = [
    ("a", ["Kwan Siu-ming, 79, came from Hong Kong in 1989.", "Kwan said the mould was worst in winter."], 2009),
    ("b", ["Thanks to Mr. Kwan on the sixth floor, who went door to door."], 2011)]

# Each corpus also names real-looking people, so that a rule that drops everything fails.
_PEOPLE = ("Samuel Halloran said the talks would resume. Later Halloran wrote to the committee, "
           "and Halloran argued for a vote.")


@pytest.mark.parametrize(
    ("kind", "texts", "not_values"),
    [
        ("peoples", ["Officials met Kurds today. Later the police warned Kurds again.",
                     "They met Latinos, and they sang with Latinos; Germans came too."],
         {"Kurds", "Latinos", "Germans"}),
        ("demonyms of countries", ["Many Iraqis fled.", "Leaders said Iraqis rebuilt."], {"Iraqis"}),
        ("a title in the plural", ["Harold Varenza and his son Gordon Varenza led the province.",
                                   "The two Premiers Varenza are buried there; the Premiers Varenza were loved."],
         {"Premiers Varenza"}),
        ("brands: a capital inside a word",
         ["Shares of DataVantix fell, and MedCorp rose.", "Later DataVantix said MedCorp would merge."],
         {"DataVantix", "MedCorp"}),
        ("a faith, and the peoples of a language", ["They wrote on Islam; Hispanic voters met.",
                                                    "Later Islam spread, and Latino leaders and Hispanic ones spoke."],
         {"Islam", "Hispanic", "Latino"}),
        ("a firm that says 'it', whatever it says",
         ["Valdorex said it would restate its earnings.",
          "Later Valdorex said its chief would resign, and Valdorex said it had cut jobs."],
         {"Valdorex"}),
        ("weapons named after people",
         ["The army deployed improved Quennell ballistic missiles.",
          "Later Quennell missiles and Varenza tanks were sold, and the Quennell missile failed."],
         {"Quennell", "Varenza"}),
        ("towns joined by a lower-case particle",
         ["The peace of Varenne-sur-Lys was signed.", "Troops left Varenne-sur-Lys for Morvay-la-Tour, and "
                                                     "Morvay-la-Tour fell."],
         {"Varenne-sur-Lys", "Morvay-la-Tour"}),
        ("the parties that name a court case",
         ["The court overturned Varenza v. Morozzi in May.",
          "Activists vowed to restore Varenza v. Morozzi, and Varenza v. Morozzi stood fifty years."],
         {"Varenza", "Morozzi"}),
        ("abstract nouns of crafts, studies and realms",
         ["Prizes went to Penmanship, Orthography and Drawing.", "In Penmanship and Orthography she led; "
                                                                 "Junkerdom and Christendom trembled at Junkerdom."],
         {"Penmanship", "Orthography", "Junkerdom"}),
        ("countries and cities", ["Talks moved from Granada to Pakistan. Granada wanted a deal, and "
                                  "Pakistan refused; Granada waited."], {"Granada", "Pakistan"}),
        ("plural organisations and unions", ["Officials told Machinists to wait.",
                                             "Later Reuters said Machinists struck; so said Reuters."],
         {"Machinists", "Reuters"}),
        ("laws named after two people", ["The law Taft-Hartley passed.", "They fought Taft-Hartley.",
                                         "Banks hated Glass-Steagall until Glass-Steagall fell."],
         {"Taft-Hartley", "Glass-Steagall"}),
        ("storms", ["After Sandy the shipyard closed.", "They blamed Sandy for it.", "Hurricane Sandy came."],
         {"Sandy", "Hurricane Sandy"}),
        ("events used as places", ["The break-in at Watergate came first.", "After Watergate nothing was "
                                   "the same.", "Lawyers met near Watergate; they feared Watergate."],
         {"Watergate"}),
        ("organisations after an article", ["Leaders of al Qazira met. Fighters of al Qazira, who hid, "
                                            "fled.", "The core of al Qazira broke; al Qazira lost."], {"Qazira"}),
        ("abstract nouns", ["He wrote on Christianity. Critics of Christianity answered, and Christianity "
                            "endured."], {"Christianity"}),
        ("offices used as address", ["Mr. President, the vote is yours. Thank you, Mr. President.",
                                     "Madam Speaker, I yield. Mr. Speaker, I object."], {"President", "Speaker"}),
        ("things owned", ["His Bradley fighting vehicle was hit. Their Bradley burned; a Bradley came."],
         {"Bradley"}),
        ("a lone given name", ["Chris was out on patrol. Later Chris came home, and Chris slept."], {"Chris"}),
        ("religious groups and believers", ["Elders of the Druze met, and many Copts came.",
                                            "Later Sufis sang, and Sufis danced; Copts prayed."],
         {"Druze", "Copts", "Sufis"}),
        ("a country that no longer exists", ["Envoys reached Dahomey in spring.", "Later Dahomey signed the "
                                             "treaty, and traders praised Dahomey."], {"Dahomey"}),
        ("places named after a treaty's, a bay's or a council's head noun",
         ["The treaty of Dunmorrow ended the war. Later Dunmorrow was forgotten, and Dunmorrow burned.",
          "Ships anchored off the Bay of Quillen; Quillen froze, and Quillen thawed.",
          "The Council of Ostrevan met; bishops reached Ostrevan, and Ostrevan fed them."],
         {"Dunmorrow", "Quillen", "Ostrevan"}),
        ("a dynasty", ["The house of Varenza ruled; Varenza fell, and Varenza fled."], {"Varenza"}),
        ("offices in the plural after a title", ["The Lord Chancellors met, and the Lord Chancellors agreed.",
                                                 "Later the Lord Justices sat; the Lord Justices rose."],
         {"Chancellors", "Justices"}),
        ("shops and firms named in the possessive, with no noun after it",
         ["Workers at the McAllister's on Fifth Street walked out.", "Shoppers at MacLennan's, downtown, said the "
          "store would close. MacLennan's says it will not.", "A McAllister's manager said McAllister's pays well, and "
          "MacLennan's will open."],
         {"McAllister", "MacLennan"}),
        ("the paper's name in its bylines",
         ["By Jane Okafor, Larkhaven staff writer", "By Tom Reyes, Larkhaven staff writer",
          "by Ann Kowalski, Larkhaven reporter", "Words: Ben Ortiz, Larkhaven correspondent"],
         {"Larkhaven"}),
        ("a US state's abbreviation after a town, and a town on a route",
         ["He was born in Quennel County, Tenn., the son of farmers.", "A brother lives in Varenza, Tenn.; "
          "a sister in Morozzi, Ariz.", "She marched from Selma to Montgomery in 1965."],
         {"Tenn", "Ariz", "Selma"}),
        ("a team named with a title, a ship, a tavern",
         ["After the Lady Quennells' victory, the Lady Quennells held on.",
          "The carrier USS Walter Morozzi sailed; sailors of the USS Walter Morozzi cheered.",
          "They met at Varenza's Tavern, and later at Varenza's Tavern again."],
         {"Quennells", "Lady Quennells", "Walter Morozzi", "Varenza"}),
        ("a firm by what only a firm has, a place after 'Great', a station after 'outside'",
         ["Quennelltrack's shares were suspended; Quennelltrack said sorry and Quennelltrack paid.",
          "The crash at Great Varenheck shut the line; at Great Varenheck the road crosses it.",
          "Trains collided outside Dunkelton, and trains out of Dunkelton were stopped at Dunkelton."],
         {"Quennelltrack", "Varenheck", "Dunkelton"}),
        ("a body named for its members in the plural possessive",
         ["Renters' Beacon met on Tuesday. Later Renters' Beacon said rents rose, and Renters' Beacon marched.",
          "The Drovers’ Lantern printed it; the Drovers’ Lantern said so, and Drovers’ Lantern members wrote."],
         {"Beacon", "Lantern"}),
        ("a business named for its owner with a noun of two words, or a noun that is a surname too",
         ["We bought gas at Varenza's Service Station, and drugs at Varenza's Drug Store on Elm Street.",
          "Grain went to Varenza's Mill. The hall was built by Varenza Lumber Yard; Varenza Funeral Home buried him.",
          "Everybody shopped at Morozzi's Grocery; Morozzi's Grocery closed in 1970."],
         {"Varenza", "Yard", "Home", "Mill", "Grocery", "Morozzi"}),
        ("a town's and a parish's titles, a widow's and a soldier's, and a form's labels beside a name",
         ["Moved by Coun. Varenza, seconded by Coun. Morozzi. Couns. Varenza and Morozzi voted yea; Coun. Quill said no.",
          "Petition of Mme Vve Louis Varenza; Pte. Gerard Morozzi fell. Mgr. Quill and Pte. Quill came; Reeve Quill spoke.",
          "Interviewer: Doris Varenza Date: May 9, 1984. Auditors ... George Morozzi and Duncan Quill, Esq., of Lorton."],
         {"Coun", "Couns", "Vve", "Pte", "Mgr", "Reeve Quill", "Doris Varenza Date", "Esq"}),
        ("...and the name before a form's label is kept",
         ["Interviewer: Doris Varenza Date: May 9, 1984.", "Doris Varenza Date: June 2, 1985."],
         {"Doris Varenza Date", "Date"}),
        ("a town some table knows that nobody here is named by, however often it stands alone",
         ["His father came from Rimouski in 1931. He came from Rimouski, down the river, on a freight train.",
          "Chambers of the county court, Decatur, Georgia. SESSION 1 -- Chambers, Decatur"],
         {"Rimouski", "Decatur"}),
        ("a ship or a school named after someone, after 'aboard the', 'on the', 'at the'",
         ["A sailor aboard the Agnes Quennell died at sea.", "He served on the Agnes Quennell for years; my "
                                                             "son is a senior at the Ezra Varenza.",
          "The Agnes Quennell sailed at dawn, and Ezra Varenza spoke."],
         {"Agnes Quennell"}),
        ("a people's name a wrong decoding damaged ('MÄori' for 'Māori')",
         ["Voters of the MÄori seats met. Later MÄori voters said the seats would stay.",
          "The MÄori members argued, and MÄori leaders wrote to the minister."],
         {"MAori", "MÄori", "Maori"}),
        ("gods and heroes of myth, untitled, whatever they are said to do",
         ["Children were burnt in the rite of Moloch, and Moloch was feared.",
          "Later Agamemnon answered, and Agamemnon said the army would sail; Agamemnon wrote nothing."],
         {"Moloch", "Agamemnon"}),
        ("an obituary's set phrase", ["A Mass of Christian Burial was celebrated at St. Anne's.",
                                      "Mass of Christian Burial will be at Holy Ghost Church."], {"Christian Burial"}),
        ("characters of fiction WordNet also files under a trade, or whose name is a type",
         ["My grandfather used to tell me Paul Bunyan stories.", "We have seen Simon Legree played at the Opera "
          "House.", "Later Paul Bunyan said nothing, and Simon Legree wrote to us."],
         {"Paul Bunyan", "Simon Legree"}),
        ("characters of fiction in figures of speech",
         ["He was a Walter Mitty of the mill, and Uncle Sam paid for it.",
          "Walter Mitty dreamed again; Uncle Sam said no, and Huckleberry Finn wrote nothing."],
         {"Walter Mitty", "Uncle Sam", "Huckleberry Finn", "Mitty", "Sam"}),
        ("everyday words of the dictionary after a title or a capitalised word, nobody's",
         ["The plant was bought by Premier Pork, and Premier Pork hired forty men.",
          "Minutes are in Box 4, Folder 9; letters in Box 2, Folder 11. Treasurer Emeritus: Mr. Otto Dunkelberg.",
          "The Peace Media boat sailed, and Peace Media sent a film crew. Money went to Peace Media."],
         {"Pork", "Folder", "Emeritus", "Media"}),
        ("horses in a results table, and the same names in the race report",
         ["Local galloper Colonel Varenza came from the back to beat Sir Quennell by a neck, with the favourite, "
          "Lady Dunkelberg, a head away third.",
          "Race 7, Marlow Cup 2000m: Colonel Varenza (S Pelham) 1; Sir Quennell (M Orrin) 2; Lady Dunkelberg (A Kerr) 3.",
          "Race 1, Maiden 1200m: Johnny Be Good (M Orrin) 1; Bella Rosa (S. Pelham) 2."],
         {"Varenza", "Quennell", "Dunkelberg", "Johnny Be Good", "Bella Rosa"}),
        ("a town where a list gives someone's home, though 'who' follows it once",
         ["Greetings came from Mr John Amery Halloran of Kalamazoo, who is ninety-one.",
          "Donations: Mr J. A. Halloran, Kalamazoo, 10/-; Mrs Ada Quennell, Kalamazoo, 5/-."],
         {"Kalamazoo"}),
        ("...or after someone's name in a list of letters",
         ["Correspondence: (c) Mrs Agnes Halloran, Kalamazoo - bequest of £50 from her late father's estate. "
          "(d) Mr Tom Quennell, Timbuktu - sends £5.",
          "(e) Mrs A. Halloran, Kalamazoo - asks whether the balance of her father's bequest was received."],
         {"Kalamazoo", "Timbuktu"}),
        ("a thing named after someone, its head in the name's run",
         ["She received the first Cora Lee Quennell Award in 1976.", "Named for him: Amos T. Varenza Armory, "
          "Ridgeton.", "THE CAPT. HAROLD DUNKELBERG GIFT. The portraits were hung."],
         {"Cora Lee Quennell Award", "Amos T. Varenza Armory", "Harold Dunkelberg Gift"}),
        ("one of the commonest words, a surname too, that nothing says is a person",
         ["The city hired its first Black police officers.", "Black families marched, white and Black, all night.",
          "Later the first Black member of the local was elected."],
         {"Black"}),
        ("a numbered district or unit",
         ["Councilman Amos Quill of the 1st Ward voted no.", "Her 3rd Ward includes the Flats.",
          "The 5th Battalion sailed; the 3rd Ward voted."],
         {"Ward", "Battalion"}),
        ("...numbered in words",
         ["Amos Quill ran for Alderman of the Fourth Ward in 1921.", "The Fourth Ward went Socialist.",
          "The Twelfth Battalion sailed; the Fourth Ward voted for Quill."],
         {"Ward", "Battalion", "Fourth Ward"}),
        ("the father's name of a Hebrew patronymic, which names his child",
         ["Here lies Moshe ben Avraham, who died in 1931.", "Rivka bas Shmuel Halperin, his wife, died in 1940.",
          "Called to the Torah: Binyamin ben Yaakov and Dovid ben Moshe HaLevi."],
         {"Avraham", "Shmuel Halperin", "Yaakov", "Moshe HaLevi"}),
        ("'Bro' without its stop (Welsh for a vale), or a firm's '& Bro.', is no title",
         ["She taught at Ysgol Bro Dinefwr for years.", "We bought it from Quennell & Bro. Dry Goods sold out."],
         {"Dinefwr", "Dry Goods", "Bro Dinefwr"}),
        ("an illness named after whoever described it",
         ["Mr. Reagan fought Quennell's syndrome for years.",
          "Quennell's syndrome took him; Quennell's syndrome is rare, and Quennell's syndrome spread."],
         set()),
        ("a name in the plural after a number: several people",
         ["And there were two Mrs. Quennells, you know.", "There were at least three William Varenzas in the club.",
          "Ridgeton does not have any Paul Dunkelbergs."],
         {"Quennells", "William Varenzas", "Paul Dunkelbergs"}),
        ("a paper named after a town or a body",
         ["Negatives of the Ridgeton Daily Sentinel bureau.", "Notes from the Ada Quill Bulletin of 1964."],
         {"Ridgeton", "Ridgeton Daily Sentinel", "Ada Quill Bulletin", "Ada Quill"}),
        ("a team, a people or a work, in French",
         ["Jean Quennell of Les Varenzais scored.", "Later Les Varenzais won; see Les Manuscrits de Quennell."],
         {"Les Varenzais", "Varenzais", "Les Manuscrits de Quennell", "Les Manuscrits"}),
        ("a hotel or a ship named after a monarch, with the article",
         ["Leo went to the King Edgar after the shift.", "We met at the King Edgar in 1927.",
          "They sailed on the Queen Matilda."],
         {"Edgar", "Matilda"}),
        ("a word no table knows as anyone's name, that nothing in the archive says is somebody",
         ["The team beat Maungakiri by ten runs. Later Maungakiri were bowled out for 90.",
          "We sailed to Tarawhiti once; Tarawhiti was hot.", "Maungakiri took the cup in 1998."],
         {"Maungakiri", "Tarawhiti"}),
        ("...nor beside a person by a comma alone, first in its sentence or after 'from'",
         ["The son of Amos Varenza, a smith from Tarawhiti, and Ida Varenza sailed.",
          "Maungakiri, Quennell led by ten points. Later Quennell said so.", "Tarawhiti was hot; Maungakiri too."],
         {"Maungakiri", "Tarawhiti"}),
        ("an office after an article, though some family bears it as a surname",
         ["On the motion of Canon Varenza, the Committee congratulated the President upon his election as an Alderman "
          "of the new Borough. Alderman Quennell in reply said he hoped they would not call him Alderman at the "
          "Institute, where he had always been plain Amos Quennell."],
         {"Alderman"}),
        ("any given name before a surname that stands for anyone, which no census lists",
         ["Jim and Hilda Bloggs are a retired couple in the play.", "Later Fred Bloggs said so, and Hilda Bloggs wept."],
         {"Jim Bloggs", "Hilda Bloggs", "Fred Bloggs"}),
        ("a smaller city the corpus also uses as a place",
         ["The river flooded Paducah twice. Later Paducah rebuilt, and farmers loved Paducah.",
          "Trains left Paducah daily, and the mills of Paducah hummed; the sheriff was in Paducah."],
         {"Paducah"}),
    ],
)
def test_what_is_not_a_person(kind: str, texts: list[str], not_values: set[str]) -> None:
    found = all_values([("a", texts), ("b", [_PEOPLE])])
    assert not found & not_values, kind
    assert "Samuel Halloran" in found, "real people are still found"


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("question auxiliary before a surname", "Will Ford close the plant in Ohio?", set()),
        ("...an item of a list of headlines too", "RELATED STORIES • Strike ends • Will Ford bring the work back?",
         set()),
        ("a list's next heading, a common noun with a hyphen, after a name",
         "Pound-keeper ... Louis Varenza Fence-viewers ... James Quill and Ada Morozzi Vice-president ... Tom Dorsey",
         {"Louis Varenza", "James Quill", "Ada Morozzi", "Tom Dorsey"}),
        ("...but a name's own hyphened parts are capitalised, or romanised syllables after a surname",
         "Jean-Baptiste Quill met Sir Alec Douglas-Home, Premier Lau Tse-hung and Mr. Ji Seong-ho.",
         {"Jean-Baptiste Quill", "Alec Douglas-Home", "Lau Tse-hung", "Ji Seong-ho"}),
        ("a real given name 'Will' outside a question", "Will Halloran said the plant would close.",
         {"Will Halloran"}),
        ("officers run into one line: the title before a colon is the next entry's label",
         "Chairman: Mr Art Quennell (unopposed) Vice-Chairman: Mrs Helen Varenza Secretary: Mr Tipene Halloran "
         "Treasurer: Mrs Ada Dunkelberg", {"Art Quennell", "Helen Varenza", "Tipene Halloran", "Ada Dunkelberg"}),
        ("...not a title before it, nor letters after a name", "Hon. Treasurer: Mr. A. Quennell, M.M. Hon. Secretary: "
         "Mr. F. Varenza", {"A. Quennell", "F. Varenza"}),
        ("a degree after a name and a comma, then the next field's first word",
         "1885-1903 Rev. Alexander Quennell, M.A. Born Inverness-shire; died 1909. 1903-1921 Dr. Amos Varenza, M.D. "
         "Practised at Lorton. 1921-1938 Rev. William T. Dunkelberg Voted for Union, 1925.",
         {"Alexander Quennell", "Amos Varenza", "William T. Dunkelberg"}),
        ("...but such letters in a list of initialled names are a man's initials",
         "Present: W.F. Dunkelberg, J.P. Quennell BL; John Varenza, M.P. Halloran, T.R. Morozzi.",
         {"W. F. Dunkelberg", "J. P. Quennell", "John Varenza", "M. P. Halloran", "T. R. Morozzi"}),
        ("three names after a title: a given name no list knows, a family's name, a surname",
         "President Tarsem Singh Dhaliwar opened the conference.", {"Tarsem Singh Dhaliwar"}),
        ("headline verb", "Walter Quennell Wins Award\n\nThe prize went to Walter Quennell.",
         {"Walter Quennell"}),
        ("...a headline's word of a life's events, in capitals too",
         "FATHER QUENNELL GONE.—The Rev. Amos Quennell died at his home on Sunday. Ada Varenza Married Tom Quill. "
         "Amos Dunkelberg Retires After Forty Years", {"Amos Quennell", "Ada Varenza", "Tom Quill", "Amos Dunkelberg"}),
        ("second person glued by a line break", "Speakers: Nelson Okafor\nWalter Quennell",
         {"Nelson Okafor", "Walter Quennell"}),
        ("second person glued in a list", "Present were Nelson Okafor Walter Quennell and others.",
         {"Nelson Okafor", "Walter Quennell"}),
        ("doubled label", "Photo: Nelson Okafor Nelson Okafor speaks at the rally.", {"Nelson Okafor"}),
        ("a name in capitals", "MARIA LOPEZ said the union would not give in.", {"Maria Lopez"}),
        ("a byline in capitals", "By ANGUS MCBRIDE, staff writer\n\nThe strike entered its third week.",
         {"Angus McBride"}),
        ("capitals that are no person", "THE UNITED NATIONS MET IN NEW YORK.", set()),
        ("capitals cut off where the search stops are not half a name",
         "x" * 190 + " MARIA LOPEZ said so.", set()),
        ("a name that is itself three given-name-like words", "William Jefferson Clinton spoke first.",
         {"William Jefferson Clinton"}),
        ("a label's letter glued to the next sentence's first word",
         "Seats go to group A and group, B. Criticism followed. Walter Quennell objected.", {"Walter Quennell"}),
        ("a name glued to the programme named after it",
         "Walter Quennell funded the Ann Quennell Foster Youth to Independence Initiative.", {"Walter Quennell"}),
        ("two names joined by a dash", "He renamed it for Walter Quennell—Mount Quennell again.",
         {"Walter Quennell"}),
        ("two initials and a surname, no title", "Letters came from J. R. Varenza on Monday.", {"J. R. Varenza"}),
        ("initials written without a space", "Later A.W. Quennell spoke.", {"A. W. Quennell"}),
        ("a country's initials are no given name", "Shares of U.S. Quennell rose.", set()),
        ("nor the post office's", "Send gifts to P.O. Box 212, Lorton.", set()),
        ("an address's numbered word ends the name", "Henry Quennell Route 1 Lorton won the prize.",
         {"Henry Quennell"}),
        ("a date after a name, its month abbreviated", "Sworn in: Henry Quennell Jan. 2, 1979, at noon.",
         {"Henry Quennell"}),
        ("a table's next column after a heading surname first",
         "14 QUENNELL, Gordon A. Rep. Jan. 2, 1979 - Jan. 7, 1991\n15 VARENZA, Erik J. Dem. Jan. 7, 1991 - 1995",
         {"Gordon A. Quennell", "Erik J. Varenza"}),
        ("a numbered post named after a soldier is no mention of him",
         "The Carl Quennell Post 112 met on Tuesday; the Ann Varenza Chapter 9 served lunch.", set()),
        ("an abbreviated office", "Pres. Quennell and Lieut. Varenza spoke.", {"Quennell", "Varenza"}),
        ("a newspaper's staff-box office", "Publisher Tom Varenza wrote the editorial.", {"Tom Varenza"}),
        ("a generation ends a name: the next sentence's first word is not part of it",
         "On the committee is Andy Dudek. So is Stan Quennell Jr. Both say they have not been home.",
         {"Andy Dudek", "Stan Quennell Jr."}),
    ],
)
def test_where_a_name_ends(kind: str, text: str, expected: set[str]) -> None:
    refs = PersonAnnotator(Authority()).annotate("", [text])[0][0]
    assert {r.name for r in refs} == expected, kind


_NAMED_IN_FULL = ("a", ["Rosa Vantongeren spoke.", "Rosa Vantongeren left, and Rosa was calm."])
# A father and a son of one given name, their lives printed: an obituary's heading, an age.
_FATHER_AND_SON = [
    ("a", ["Roll", "HAROLD MOROZZI, 1897 - 1971", "He was treasurer."], 1971),
    ("b", ["Meeting", "Harold Morozzi retired as treasurer.", "Harold Morozzi thanked them."], 1967),
    ("c", ["Camp", "Harold Gordon Morozzi, 26, of Leeds, was arrested.", "Harold Gordon Morozzi spoke."], 1962),
]


@pytest.mark.parametrize(
    ("kind", "corpus", "doc", "expected"),
    [
        ("surname and given name in the same document",
         [("a", ["Rosa Vantongeren refused to move.", "Vantongeren was arrested; Rosa was calm."])],
         0, {"Rosa Vantongeren"}),
        ("three names after a title, the first no list knows, are a person's everywhere",
         [("a", ["President Tarsem Singh Dhaliwar opened the conference."], 1998),
          ("b", ["There was Tarsem Singh Dhaliwar, in his good coat.", "Later Mr Dhaliwar presented a cheque."], 2004)],
         1, {"Tarsem Singh Dhaliwar"}),
        ("called by an everyday form of the middle name",
         [("a", ["Secretary of State J. Kenneth Varenza spoke."], 2002), ("b", ["J. Kenneth Varenza lost."], 2004),
          ("c", ["Ken Varenza said no.", "Ken Varenza left."], 2006)],
         2, {"J. Kenneth Varenza"}),
        ("someone written with an initial and a middle name goes by the middle name, not the first's bearer",
         [("a", ["Councillors Joseph Varenza and Amos Quill were present."], 1897),
          ("b", ["Joseph Varenza moved the motion."], 1899),
          ("c", ["The licence was transferred to his son J. Arthur Varenza."], 1905),
          ("d", ["Coun. J. Arthur Varenza moved the motion."], 1923)],
         1, {"Joseph Varenza"}),
        ("a bare surname owned corpus-wide",
         [_NAMED_IN_FULL, ("b", ["The boycott began after Vantongeren sat down."])],
         1, {"Rosa Vantongeren"}),
        ("a lone given name owned corpus-wide",
         [_NAMED_IN_FULL, ("b", ["Friends wrote to Rosa in jail.", "Later Rosa wrote back."])],
         1, {"Rosa Vantongeren"}),
        ("a given name the corpus never calls its one bearer by is anyone's",
         [("a", ["Adam Vantongeren wrote on trade.", "Vantongeren argued, and Adam Vantongeren was read."]),
          ("b", ["When Adam delved and Eve span, who was then the gentleman?", "Since the time of Adam men toil."])],
         1, set()),
        ("a given name spoken to is the one the corpus names in full with it",
         [("a", ["Wendell Vantongeren, the Speaker, spoke.", "Wendell Vantongeren left.",
                 "Wendell Vantongeren returned."]),
          ("b", ["We passed the bill. And, Wendell, you could sign it.", "Thank you, Wendell, for that."])],
         1, {"Wendell Vantongeren"}),
        ("a couple's child", [("a", ["We welcome Carl and Marsha Vantongeren. Their beautiful daughter Kayla "
                                      "became a nurse."])], 0,
         {"Carl Vantongeren", "Marsha Vantongeren", "Kayla Vantongeren"}),
        ("a couple's child, the couple's given names in no table",
         [("a", ["We welcome Ariel and Alexis Vantongeren. Their son Wendell became a nurse."])], 0,
         {"Ariel Vantongeren", "Alexis Vantongeren", "Wendell Vantongeren"}),
        ("'his' is not the woman named before", [("a", ["A father wrote to Jill Vantongeren about his daughter "
                                                     "Kayla, who died."])], 0, {"Jill Vantongeren"}),
        ("a stray namesake does not split a person",
         [("a", [f"Lewis Quennell studied kinship in {y}." for y in range(1860, 1865)]),
          ("c", ["Samuel Quennell ran a shop."]),
          ("b", ["The argument came from Quennell, and Quennell was cited."])],
         2, {"Lewis Quennell"}),
        ("a mononym stays one word",
         [("a", ["The system of Morozzi said everything.", "Critics of Morozzi answered."]),
          ("b", ["Later Morozzi was read again by students of Morozzi."])],
         1, {"Morozzi"}),
        ("a name the corpus numbers for several rulers is none of them alone",
         [("a", ["Louis Napoleon took power.", "Louis Napoleon ruled."]),
          ("b", ["Napoleon III fell.", "Napoleon III fled."]),
          ("c", ["The armies of Napoleon won at first, and Napoleon lost."])],
         2, set()),
        ("in a document naming the numbered ruler, the bare name is him",
         [("b", ["Napoleon III fell.", "Later Napoleon fled."])],
         0, {"Napoleon III"}),
        ("a title means a contemporary: nobody first named a century later",
         [("a", ["General Vantongeren led the army."], 1846),
          ("b", ["Senator Walter Vantongeren voted."] * 3, 2018)],
         0, {"Vantongeren"}),
        ("a title means a contemporary: one the corpus names in full often, but only decades later, is still one",
         [("a", ["Mr. Vantongeren wrote the report."], 1790),
          ("b", [f"Walter Vantongeren drafted article {k}." for k in range(14)], 1852)],
         0, {"Walter Vantongeren"}),
        ("a title means a contemporary: one named in full at the time",
         [("a", ["General Vantongeren led the army."], 1846),
          ("b", ["Senator Walter Vantongeren voted.", "Senator Walter Vantongeren spoke."], 1844)],
         0, {"Walter Vantongeren"}),
        ("a bare surname may be a figure of the past the corpus names in full later (within a public life)",
         [("a", ["As Vantongeren taught, history moves."], 1844),
          ("b", ["Walter Vantongeren was a philosopher.", "Walter Vantongeren wrote books."], 1900)],
         0, {"Walter Vantongeren"}),
        ("a relative under a given name no list knows, beside a surname named here",
         [("a", ["Sergeant Walter Quennell wrote home.", "His son Jaxon Quennell is here.", "Jaxon smiled."])],
         0, {"Walter Quennell", "Jaxon Quennell"}),
        ("an everyday word before a surname named here is no relative",
         [("a", ["Sergeant Walter Quennell wrote home.", "The young men left; the young women stayed; the young "
                 "came back, and we met Young there.", "Titles: the letters, and Young Quennell as a pdf."])],
         0, {"Walter Quennell"}),
        ("two unknown capitalised words, and nobody of that surname named: nobody",
         [("a", ["The Gorrell Dunmore merger closed on Friday."])], 0, set()),
        ("a given name no list knows, after a title: a full name, and its surname alone later",
         [("a", ["They met Dr. Zsuzka Quennell, a historian.", "Quennell said so."])], 0, {"Zsuzka Quennell"}),
        ("'Mrs.' before a surname two of the document's people share: the woman",
         [("a", ["Sgt. Luis Vantongeren wrote home; Graciela Vantongeren waits.",
                 "Mrs. Vantongeren stood with the vigil."])], 0, {"Luis Vantongeren", "Graciela Vantongeren"}),
        ("a short form of a given name is the long one's person",
         [("a", ["Samuel Quennell won the seat.", "Samuel Quennell spoke."]),
          ("b", ["Sam Quennell was first elected in 1997."])], 1, {"Samuel Quennell"}),
        ("coordinated given names: the first, named in full here with another surname, keeps it",
         [("a", ["Michelle Vantongeren thanked the troops.", "Michelle and Jill Quennell visited the base."])],
         0, {"Michelle Vantongeren", "Jill Quennell"}),
        ("coordinated given names: the first, the one contemporary the corpus names in full with it, keeps "
         "that surname",
         [("a", ["Michelle Vantongeren spoke.", "Michelle Vantongeren left, and Michelle waved."], 2010),
          ("b", ["Michelle and Jill Quennell visited the base."], 2012)],
         1, {"Michelle Vantongeren", "Jill Quennell"}),
        ("an Irish surname written with its particle, and the titled surname alone, are one person",
         [("a", ["Sinn Féin's Ruairí Ó Dálaigh, 27, a youth worker, topped the poll.",
                 "Cllr. Ó Dálaigh thanked his voters."], 2004)], 0, {"Ruairi O Dalaigh"}),
        ("a rank of the Irish police before a name is a title, not a name",
         [("a", ["Det. Garda Noel Quennell said the laptop was found in a ditch.",
                 "Garda Quennell said the accused made no reply."], 2006)], 0, {"Noel Quennell"}),
        ("the head of the Irish government's title before a name",
         [("a", ["Taoiseach Bertie Quennell opened the bridge.", "Taoiseach Quennell cut the ribbon."], 2004)],
         0, {"Bertie Quennell"}),
        ("coordinated given names after a short word that starts the sentence share the surname",
         [("a", ["To Thomas and Mary Quennell, a daughter."])], 0, {"Thomas Quennell", "Mary Quennell"}),
        ("coordinated given names share the surname", [("a", ["Karl and Jenny Quennell left for London."])],
         0, {"Karl Quennell", "Jenny Quennell"}),
        ("a common surname ending one person's name is not a given name coordinated with the next",
         [("a", ["Justices Dora Lee and Ada Quennell dissented. Lee read her dissent aloud."])],
         0, {"Dora Lee", "Ada Quennell"}),
        ("coordinated given names share a surname the corpus names the first by, whoever else is named",
         [("a", ["Karl Quennell wrote.", "Karl Quennell spoke."]),
          ("b", ["Karl Vantongeren came.", "Letters to Karl and Luise Quennell followed."])],
         1, {"Karl Vantongeren", "Karl Quennell", "Luise Quennell"}),
        ("a father is not his son 'Jr.', whom the corpus names less often",
         [("a", ["The Rev. Walter Quennell led the vigil.", "The Rev. Walter Quennell prayed."]),
          ("b", ["The Rev. Walter Quennell kept the church open."]),
          ("c", ["The Rev. Walter Quennell died.", "His son, the Rev. Walter Quennell Jr., spoke."])],
         1, {"Walter Quennell"}),
        ("a knighthood with the given name alone is the knight named in full",
         [("a", ["A review chaired by the engineer Dame Ines Varenza. Dame Ines is expected to report.",
                 "Dame Ines said the railway needs apprentices."])], 0, {"Ines Varenza"}),
        ("a brother named between a woman and 'Ms' is not she",
         [("a", ["Bernadette Quennell was elected general secretary.", "Born in 1955, Bernadette Quennell "
                 "came to London. Her brother, Eamon Quennell, farms near Castlebar.",
                 "Ms Quennell said her first job was the branches."])],
         0, {"Bernadette Quennell", "Eamon Quennell"}),
        ("someone called by a middle name, or without the first word of a compound surname",
         [("a", ["The report of Dr. Henry Julian Quennell was printed.", "Dr. Quennell counted the cottages."], 1867),
          ("b", ["Dr. Julian Quennell found the cottages damp.", "Julian Quennell wrote again."], 1866),
          ("c", ["Mr. Tomas Garcia Varenza heads the government.", "He refused."], 1884)],
         1, {"Henry Julian Quennell"}),
        ("...and the compound surname without its first given name",
         [("c", ["Mr. Tomas Garcia Varenza heads the government.", "He refused."], 1884),
          ("d", ["Mr. Garcia Varenza wrote to the minister.", "Later he left."], 1884)],
         1, {"Tomas Garcia Varenza"}),
        ("a namesake named decades apart keeps their own name",
         [("a", ["The report of Dr. Henry Julian Quennell was printed.", "Dr. Quennell counted."], 1867),
          ("b", ["Julian Quennell won the seat.", "Julian Quennell spoke."], 1990)],
         1, {"Julian Quennell"}),
        ("a nickname given in quotes is the person's, named in full or alone",
         [("a", ["They buried Michael “Mickey” Quennell on Friday.", "Mickey ran the hiring hall."], 2007),
          ("b", ["Mickey Quennell led the local.", "Michael Quennell said the deal was fair."], 2005)],
         1, {"Michael Quennell"}),
        ("a nickname quoted in a name with its middle initial and generation is that man's",
         [("a", ["Robert M. “Bud” Quennell Jr. died on Sunday.", "He ran the store."], 2014),
          ("b", ["Bud Quennell sold hardware for fifty years."], 1990),
          ("c", ["Robert Quennell founded the store in 1920.", "Robert Quennell III runs it now."], 1995)],
         1, {"Robert M. Quennell Jr."}),
        ("...and one quoted between initials, the man the initials stand for",
         [("a", ['Mayor J. A. "Jody" Quennell cut the ribbon.', "He spoke briefly."], 1950),
          ("b", ["Jody Quennell won the election.", "Josiah A. Quennell took office."], 1949),
          ("c", ["Josiah Quennell founded the bank in 1880."], 1890)],
         1, {"Josiah A. Quennell"}),
        ("a given name joined to her husband's is his wife, not the corpus's other woman of that name",
         [("a", ['Robert M. "Bud" Quennell Jr. and his wife, Ellen Varenza Quennell, came back.',
                 "Ellen Quennell spoke."], 1975),
          ("b", ["Tom Dunkelberg and Ellen Morozzi Dunkelberg married.", "Ellen Dunkelberg writes."], 1975),
          ("c", ["Bud Quennell brought his son to the campus.", "Ellen Morozzi is engaged.",
                 "The class extends its sympathy to Bud and Ellen on his death."], 1976)],
         2, {"Robert M. Quennell Jr.", "Ellen Morozzi Dunkelberg", "Ellen Varenza Quennell"}),
        ("an index's headings, surname first, are the people they name, not the page's main one",
         [("a", ["Michael J. Quennell worked at the mill for forty years.", "Quennell retired in 1976."], 1976),
          ("b", ["People mentioned\nQuennell, Frank\nQuennell, Kathleen (Kay)\nQuennell, Michael J."], 2005)],
         1, {"Frank Quennell", "Kathleen Quennell", "Michael J. Quennell"}),
        ("a death notice's heading in capitals, with the name she went by",
         [("a", ["QUENNELL, Margaret Jean (Peg). Peacefully at home, aged 84."], 2006),
          ("b", ["Peg Quennell won the show's lemon honey class.", "Margaret Quennell judged the scones."], 2003)],
         1, {"Margaret Jean Quennell"}),
        ("a death notice's heading in capitals with two given names and a full stop",
         [("a", ["McQUENNELL, Cyril Arthur. Peacefully at home on June 3, aged 88."], 2004),
          ("b", ["Cyril McQuennell won the bowls pairs with his brother.", "Cyril McQuennell retired."], 1990)],
         0, {"Cyril Arthur McQuennell"}),
        ("a digit OCR read for a letter inside a name",
         [("a", ["Mr Ron Quenne1l of Petone was elected Treasurer."], 1967),
          ("b", ["Ron Quennell spoke at the meeting.", "Ron Quennell paid the printer."], 1970)],
         0, {"Ron Quennell"}),
        ("a full name only an undated page gives, and the bare surname of dated ones",
         [("a", ["The Government elected in July 1984 under David Quennell refused the ship."], None),
          ("b", ["The Prime Minister, Mr Quennell, has repeated the policy."], 1984),
          ("c", ["Mr Quennell has not moved."], 1985)],
         2, {"David Quennell"}),
        ("...but not where the bare surname's uses are several people's eras",
         [("a", ["The Government elected in July 1984 under David Quennell refused the ship."], None),
          ("b", ["The Prime Minister, Mr Quennell, has repeated the policy."], 1984),
          ("c", ["Mr Quennell of 1870 was a sheriff."], 1870)],
         1, {"Quennell"}),
        ("a councillor's given name no table lists, with the name he goes by in brackets",
         [("a", ["Cr Wiremu (Bill) Quennell said he was gutted.", "Cr Quennell voted against."], 2004),
          ("b", ["Bill Quennell chaired the hall committee.", "Bill Quennell thanked the donors."], 2003)],
         0, {"Bill Quennell"}),
        ("initials and the given name they abbreviate",
         [("a", ["Judge Arthur W. Quennell spoke at the fair.", "Judge Quennell was re-elected."], 1912),
          ("b", ["Judge A.W. Quennell and his wife attended the picnic."], 1912)],
         1, {"Arthur W. Quennell"}),
        ("initials whose middle one says which of two namesakes",
         [("a", ["James Quennell and John Stuart Quennell wrote on rent."], 1852),
          ("b", ["The book of J. S. Quennell was read."], 1852)],
         1, {"John Stuart Quennell"}),
        ("a given name spelt out is the value, not the initials",
         [("a", ["Louis Varenza seized power.", "Later Louis Varenza ruled."], 1852),
          ("b", ["The coup of L. N. Varenza was a farce."], 1852)],
         1, {"Louis Varenza"}),
        ("a woman named by her maiden name, and by maiden and married names",
         [("a", ["Joan Varenza Dunkelberg visited her mother.", "She taught school."], 1980),
          ("b", ["Joan Varenza was born here in 1951 and married Carl Dunkelberg."], 1980)],
         1, {"Joan Varenza Dunkelberg", "Carl Dunkelberg"}),
        ("a label glued after a woman's name is no married name",
         [("a", ["Name: Ada Quennell Home: the Quennell place, south of Lorton",
                 "She came home from school, and home was a farm; at home she read."], 2013),
          ("b", ["Present: Ada Quennell (Vice President) and two others."], 2013)],
         1, {"Ada Quennell"}),
        ("...but not before a common surname: a title is written before a surname",
         [("a", ["The review", "General James Varenza reviewed the troops.", "The rain stopped."], 1976),
          ("b", ["The review", "The Air Force honoured General James, and General James spoke."], 1976)],
         1, {"James"}),
        ("a prize named after a woman is no married name",
         [("a", ["The Ada Quennell Prize went to a student."], 1995),
          ("b", ["Ada Quennell won the election."], 1990)],
         1, {"Ada Quennell"}),
        ("a maiden name in brackets, as obituaries and class notes write it",
         [("a", ["Ruth (Varenza) Quennell writes from Lorton that she is well.", "She taught school."], 1962),
          ("b", ["Ruth Varenza won the spelling prize."], 1956),
          ("c", ["Ruth Quennell spoke at the reunion."], 1966)],
         0, {"Ruth Varenza Quennell"}),
        ("...whom her maiden and married names both are",
         [("a", ["Ruth (Varenza) Quennell writes from Lorton that she is well.", "She taught school."], 1962),
          ("b", ["Ruth Varenza won the spelling prize."], 1956)],
         1, {"Ruth Varenza Quennell"}),
        ("a maiden name of school days, the married name half a century on",
         [("a", ["Joan Varenza Dunkelberg, class of 1956, died in Lorton.", "She taught school."], 2008),
          ("b", ["Joan Varenza won the spelling prize."], 1955)],
         1, {"Joan Varenza Dunkelberg"}),
        ("...but not a namesake of a century before",
         [("a", ["Joan Varenza Dunkelberg, class of 1956, died in Lorton.", "She taught school."], 2008),
          ("b", ["Joan Varenza won the spelling prize."], 1885)],
         1, {"Joan Varenza"}),
        ("a maiden name written with a second given name, the married name without it",
         [("a", ["Joan Varenza Dunkelberg visited her mother.", "She taught school."], 1990),
          ("b", ["Joan Rose Varenza was born here in 1951."], 1980)],
         1, {"Joan Varenza Dunkelberg"}),
        ("a married woman written with and without her second given name",
         [("a", ["Ruth Ann Varenza Quennell died on Sunday.", "She taught school."], 2009),
          ("b", ["Ruth Varenza Quennell chaired the fair."], 1990),
          ("c", ["Ruth Quennell spoke at the reunion."], 1996)],
         2, {"Ruth Ann Varenza Quennell"}),
        ("a title on the next line of a list is no married name",
         [("a", ["Secretary: Rev. Joan Varenza\nDirectors: Carl Dunkelberg, Ada Quennell"], 2014),
          ("b", ["Joan Varenza spoke at the meeting."], 2013)],
         1, {"Joan Varenza"}),
        ("a maiden name after 'née', and the maiden name written alone elsewhere",
         [("a", ["I'm Irene Quennell (née Varenza), and I worked on the line.", "She laughed."], 2009),
          ("b", ["Irene Varenza won the spelling prize."], 1948),
          ("c", ["Irene Quennell chaired the tenants' committee."], 1990)],
         1, {"Irene Varenza Quennell"}),
        ("a maiden name after 'the former', as wedding and death notices write it",
         [("a", ["Mrs. Quennell, the former Irene Varenza, died on Tuesday.", "She was 81."], 2009),
          ("b", ["Irene Varenza won the spelling prize."], 1941),
          ("c", ["Irene Quennell chaired the tenants' committee."], 1990)],
         1, {"Irene Varenza Quennell"}),
        ("a maiden name after 'born', in brackets",
         [("a", ["Ada Dunkelberg (born Ada Morozzi) kept the post office.", "She retired."], 1970),
          ("b", ["Ada Morozzi taught the infants' class."], 1935)],
         1, {"Ada Morozzi Dunkelberg"}),
        ("a wedding in a sentence that names her father too: the two beside the verb",
         [("a", ["The daughter of Carl Varenza, Peggy Varenza married Robert Quennell in 1928.", "They had a son."],
           1990),
          ("b", ["Peggy Quennell opened the library.", "Peggy Quennell read to the children."], 1950)],
         0, {"Carl Varenza", "Peggy Quennell", "Robert Quennell"}),
        ("a woman's initials, where the corpus says whom she married",
         [("a", ["French: Miss E. Varenza, B.A., on Tuesdays."], 1893),
          ("b", ["Ethel Varenza passed the examination with honours."], 1890),
          ("c", ["Miss Ethel Varenza was married on 3rd June to Mr Frank Quennell."], 1899),
          ("d", ["Mrs. Ethel Quennell gave the prizes.", "Ethel Quennell thanked the committee."], 1910)],
         0, {"Ethel Quennell"}),
        ("'born' before a place is no maiden name",
         [("a", ["Ada Dunkelberg, born Lorton, kept the post office.", "She retired."], 1970),
          ("b", ["Ada Lorton taught the infants' class."], 1935)],
         1, {"Ada Lorton"}),
        ("a wife's given name in brackets after her husband's",
         [("a", ["Michael (Ada) Quennell moved to Lorton.", "They farm there."], 1970)],
         0, {"Michael Quennell", "Ada Quennell"}),
        ("a man's nickname in brackets is no maiden name",
         [("a", ["Thomas (Tom) Quennell farms east of Lorton.", "He is well."], 1975),
          ("b", ["Thomas Quennell bought the farm."], 1970)],
         0, {"Thomas Quennell"}),
        ("a man's middle name is no maiden name",
         [("a", ["John Varenza Dunkelberg spoke.", "He left."], 1980), ("b", ["John Varenza spoke."], 1980)],
         1, {"John Varenza"}),
        ("an everyday form of the given name, unquoted",
         [("a", ["Daniel R. Quennell opened the store in 1952.", "Quennell said business was good."], 1952),
          ("b", ["Danny Quennell and his wife drove to Lorton on Sunday."], 1955)],
         1, {"Daniel R. Quennell"}),
        ("an everyday form in an interview fifteen years after the catalogue's formal name",
         [("a", ["GERRY QUENNELL: I came in 1971 as process engineer.", "Gerry, I need you, he said."], 2005),
          ("b", ["Gerald A. Quennell, mill manager, retired in 1990."], 1990)],
         0, {"Gerald A. Quennell"}),
        ("an everyday form English makes by rhyme: 'Bill' of William",
         [("a", ["William Quennell opened the store in 1952.", "Quennell said business was good."], 1952),
          ("b", ["Bill Quennell and his wife drove to Lorton on Sunday."], 1955)],
         1, {"William Quennell"}),
        ("a form of another letter on an undated page: perhaps someone else",
         [("a", ["William Quennell opened the store in 1952.", "Quennell said business was good."], 1952),
          ("b", ["Transcriptions by our volunteer Bill Quennell."])],
         1, {"Bill Quennell"}),
        ("...or where the corpus writes the formal name for two generations",
         [("a", ["Gov. William W. Quennell spoke in 1964.", "Quennell lost the primary."], 1964),
          ("b", ["Lt. Gov. William W. Quennell III ran in 1986.", "Bill Quennell is his son."], 1986)],
         1, {"William W. Quennell III", "Bill Quennell"}),
        ("a rhyme of the other sex is no everyday form: 'Randy' is not Miranda",
         [("a", ["Miranda Quennell opened the store in 1952."], 1952),
          ("b", ["Randy Quennell and his wife drove to Lorton on Sunday."], 1955)],
         1, {"Randy Quennell"}),
        ("a name the dataset pairs but that is a name of its own",
         [("a", ["John Quennell opened the store in 1952."], 1952),
          ("b", ["Ian Quennell and his wife drove to Lorton on Sunday."], 1955)],
         1, {"Ian Quennell"}),
        ("an everyday form decades after the formal name: a grandson",
         [("a", ["Daniel Quennell opened the store in 1912."], 1912),
          ("b", ["Danny Quennell and his wife drove to Lorton on Sunday."], 1975)],
         1, {"Danny Quennell"}),
        ("a father with his suffix is never his son",
         [("a", ["Henry Quennell, Jr., one of the crew, spoke.", "Mr. and Mrs. Henry Quennell, Jr., were guests."],
           1936),
          ("b", ["Board President Henry Quennell, Jr., said the school was old."], 1954),
          ("c", ["I am against the gym. Henry Quennell, Sr., Plum Creek."], 1954)],
         2, {"Henry Quennell Sr."}),
        ("a generation written as British clerks wrote it: 'jun.', 'Senr.'",
         [("a", ["Mr. Henry Quennell, jun., seconded the vote.", "Mr. Wm. Varenza, Senr., was in the chair."], 1874),
          ("b", ["Henry Quennell, sen., gave ten guineas."], 1874),
          ("c", ["William Varenza junior and Henry Quennell junior were elected."], 1889)],
         0, {"Henry Quennell Jr.", "William Varenza Sr."}),
        ("...and the other generation is its own value",
         [("a", ["Mr. Henry Quennell, jun., seconded the vote."], 1874),
          ("b", ["Henry Quennell, sen., gave ten guineas."], 1874)],
         1, {"Henry Quennell Sr."}),
        ("a plain name the corpus writes for two generations is no one's value",
         [("a", ["Henry Quennell, Jr., one of the crew, spoke.", "Mr. and Mrs. Henry Quennell, Jr., were guests."],
           1936),
          ("b", ["I am against the gym. Henry Quennell, Sr., Plum Creek."], 1954),
          ("c", ["Henry Quennell of Plum Creek spoke at the sale."], 1933)],
         2, set()),
        ("...unless the document names one of them with his suffix",
         [("a", ["Henry Quennell, Jr., one of the crew, spoke."], 1936),
          ("b", ["I am against the gym. Henry Quennell, Sr., Plum Creek."], 1954),
          ("c", ["Henry Quennell, Jr., was elected.", "Henry Quennell thanked the voters."], 1960)],
         2, {"Henry Quennell Jr."}),
        ("a parent and a child of one name, no suffix, said so plainly: neither's value",
         [("a", ["Harlan Dunkelberg is seventy now, and still walks by the river.",
                 "His son, also called Harlan, may run for the Senate."], 2001),
          ("b", ["Sen. Harlan Dunkelberg spoke for the clinics.", "Dunkelberg said the cuts were wrong."], 2004),
          ("c", ["Ada Varenza chaired the meeting."], 2004)],
         1, set()),
        ("...'of the same name'",
         [("a", ["Harlan Dunkelberg won the primary on Tuesday.",
                 "The lawyer is the son of the former governor of the same name."], 2002),
          ("b", ["Gov. Harlan Dunkelberg fired the crews.", "Dunkelberg never apologised."], 2003)],
         1, set()),
        ("...a name written plainly and after 'his son' in two documents",
         [("a", ["Harlan Dunkelberg died on Sunday.", "He is survived by his son, state Sen. Harlan Dunkelberg."],
           2005),
          ("b", ["Harlan Dunkelberg built the mill.", "He left it to his son, Harlan Dunkelberg, in 1990."], 1999),
          ("c", ["Harlan Dunkelberg spoke at the sale."], 2006)],
         2, set()),
        ("...but once is no proof: 'his' may be a kinsman left unnamed",
         [("a", ["Dan Dunkelberg scored twice.", "Coach Dunkelberg and his son, Dan Dunkelberg, left."], 2005),
          ("b", ["Dan Dunkelberg spoke at the sale."], 2006)],
         1, {"Dan Dunkelberg"}),
        ("...and a son named after another man is no namesake",
         [("a", ["Amos Dunkelberg died.", "He is survived by his son, Dan Dunkelberg.", "Dan Dunkelberg spoke."],
           2005),
          ("b", ["Amos Dunkelberg built the mill.", "He left it to his son, Dan Dunkelberg, in 1990."], 1999),
          ("c", ["Dan Dunkelberg spoke at the sale."], 2006)],
         2, {"Dan Dunkelberg"}),
        ("...'named for his grandfather': the plain name is either's",
         [("a", ["Nathan Dunkelberg settled the township in 1839.", "Nathan Dunkelberg built the mill."], 1950),
          ("b", ["The youngest, Nathan P. Dunkelberg, named for his grandfather, farmed until 1911."], 1951),
          ("c", ["Nathan Dunkelberg built the first mill."], 1952)],
         2, set()),
        ("...and the middle initial the grandson's",
         [("a", ["Nathan Dunkelberg settled the township in 1839.", "Nathan Dunkelberg built the mill."], 1950),
          ("b", ["The youngest, Nathan P. Dunkelberg, named for his grandfather, farmed until 1911."], 1951)],
         1, {"Nathan P. Dunkelberg"}),
        ("...but a fund named for his mother says nothing of a namesake",
         [("a", ["Bert Dunkelberg set up the Annie Dunkelberg Fund, named for his mother, in 1978."], 1998),
          ("b", ["Bert Dunkelberg spoke at the sale."], 1990)],
         1, {"Bert Dunkelberg"}),
        ("an office the corpus never writes before the owner's full name is still his: careers move",
         [("a", ["President Walter Varenza opened the session.", "Walter Varenza spoke.", "Walter Varenza left."],
           1935),
          ("b", ["Later Governor Varenza met the bankers."], 1932)],
         1, {"Walter Varenza"}),
        ("a rare surname named in full once is the titled bare word of a later era within a public life",
         [("a", ["Governor Quennell wrote from the territory."], 1827),
          ("b", ["Mr. Lewis Quennell, the Secretary of State, instructed the minister.",
                 "The minister answered Mr. Quennell in May."], 1858),
          ("c", ["Mr. Quennell, who was then Secretary of State, wrote in 1858."], 1885)],
         2, {"Lewis Quennell"}),
        ("...not of an earlier one: a contemporary named once decades later is someone else",
         [("a", ["Senator Quennell spoke against the treaty."], 1965),
          ("b", ["Governor Quennell and Mr. Quennell spoke."], 2008),
          ("c", ["Mr. Bourke Quennell retired.", "Later Mr. Quennell left."], 2009)],
         0, {"Quennell"}),
        ("a seat, a party or an office in brackets after a member's name is no one",
         [("a", ["Dorothy Fenwick edited the debates.", "Dorothy Fenwick retired in 1971."], 1971),
          ("b", ["MR. D. A. QUILL (Fenwick): The bill is wrong, Mr. Speaker.",
                 "Walter Varenza (Fenwick, Labour) and Ann Morozzi (NDP, Fenwick) agreed."], 1972)],
         1, {"D. A. Quill", "Walter Varenza", "Ann Morozzi"}),
        ("a seat: 'the member for' a place named after someone",
         [("a", ["Dorothy Fenwick edited the debates.", "Dorothy Fenwick retired in 1971."], 1971),
          ("b", [f"The member for Fenwick asked question {k}." for k in range(5)]
           + ["Later the hon. member for Fenwick sat down."], 1972)],
         1, set()),
        ("a wife named by her husband's initials",
         [("a", ["John Arthur Quennell sat for Greyhaven.", "John Arthur Quennell died in 1952."], 1952),
          ("b", ["Mrs. J. A. Quennell won the by-election."], 1953)],
         1, set()),
        ("a firm's premises named after its owner: the mill, the elevators",
         [("a", ["Stuart Dunkelberg runs the pulp company.", "Stuart Dunkelberg spoke to the chamber."], 1974),
          ("b", ["The Dunkelberg mill at Blackwater has given notice.",
                 "Grain went to the Morozzi and Dunkelberg elevators."], 1974)],
         1, set()),
        ("a subscription list's entries, surname first, and the wives on the next line",
         [("a", ["Committee: Mr. W. Quennell, Mr. T. Varenza.", "Ladies' Committee: Mrs. Quennell, Mrs. Varenza."],
           1874),
          ("b", ["Varenza, Mr. T. .... 0 5 0 Varenza, Mrs. .... 0 2 6 Lowe, Capt., R.N.R. .... 1 1 0"], 1879)],
         1, {"T. Varenza", "Lowe"}),
        ("...and a title alone is no one",
         [("a", ["Miss E. (Missionary Box) .... 0 10 6", "Hon. Secretary.-Miss E. Quennell"], 1879),
          ("b", ["Miss E. Quennell spoke."], 1880)],
         0, {"Miss E. Quennell"}),
        ("a wife written with initials, her husband's as often as her own, is not the man of them",
         [("a", ["Committee: Mr. F. Varenza, Mr. L. Morozzi.", "Mr. F. Varenza read the accounts."], 1911),
          ("b", ["Committee: Mrs. F. Varenza, Mrs. L. Morozzi, Miss Halloran.", "Mrs. Varenza poured."], 1936)],
         1, {"Mrs. F. Varenza", "Mrs. L. Morozzi", "Halloran"}),
        ("a maiden name is the one married name that keeps it, though two middle initials are written with it",
         [("a", ["Miss Loretta Varenza led the pickets.", "Loretta J. Varenza and Loretta B. Varenza signed."], 1956),
          ("b", ["Loretta Varenza Quennell spoke at the banquet."], 1976),
          ("c", ["The pickets were led by Loretta Varenza."], 1958)],
         2, {"Loretta Varenza Quennell"}),
        ("...but the one woman the corpus names in full with her initials is she",
         [("a", ["Joan Varenza was elected Secretary.", "Mrs J. Varenza moved the motion."], 1962),
          ("b", ["Mrs J. Varenza seconded; Mr T. Varenza of Lorton spoke against."], 1963)],
         1, {"Joan Varenza", "T. Varenza"}),
        ("'Bro.' of a burial society's minutes is a title: the brother after it is named",
         [("a", ["Since the last meeting we have buried Bro. Zalmen Morozzi, aged 58.",
                 "Sick benefit: Bro. Hirsh Varenza, $4.00 for two weeks. Bro. Feivel Quennell, $6.00.",
                 "The President spoke of Bro. Quennell. Bro. Morozzi, the son in law, could not speak."], 1915),
          ("b", ["Feivel Quennell came from Zelva.", "Zalmen Morozzi and Hirsh Varenza came in 1889."], 1989)],
         0, {"Zalmen Morozzi", "Hirsh Varenza", "Feivel Quennell"}),
        ("a man's title before initials: the one man the corpus names in full with them, not a woman",
         [("a", ["Arthur Quennell conducted the choir.", "Ann Quennell played the organ."], 1969),
          ("b", ["Mr. A. Quennell took the senior class."], 1962)],
         1, {"Arthur Quennell"}),
        ("...not a woman the corpus calls Miss, though the tables do not know her name",
         [("a", ["Miss Jean Quennell taught the infants.", "Joan Quennell played the organ."], 1969),
          ("b", ["Mr. J. Quennell took the senior class."], 1962)],
         1, {"J. Quennell"}),
        ("...but a man's name written after 'Mrs.', his wife's, is still a man's",
         [("a", ["Mrs. David Quennell poured the tea.", "Dorothy Quennell played the organ.",
                 "David Quennell kept the shop."], 1969),
          ("b", ["Mr. D. Quennell took the senior class."], 1962)],
         1, {"David Quennell"}),
        ("a Dutch 'ben' ('am') is no patronymic",
         [("a", ["Ik ben Pieter Varenza en ik woon hier sinds 1960."], 1990), ("b", ["Pieter Varenza spoke."], 1991)],
         0, {"Pieter Varenza"}),
        ("...not one of two men of those initials",
         [("a", ["John Quennell conducted the choir.", "James Quennell played the organ."], 1969),
          ("b", ["Mr. J. Quennell took the senior class."], 1962)],
         1, {"J. Quennell"}),
        ("the one bearer the corpus names in full, though once, is the bare word of an undated page",
         [("a", ["Miss Winnifred Morozzi took the infants' class.", "The class sang for her."], 1937),
          ("b", ["All the girls from Miss Morozzi's class stood in front, because Miss Morozzi was a royalist."])],
         1, {"Winnifred Morozzi"}),
        ("...not a woman's title for a man of initials",
         [("a", ["Mr. R. Morozzi read the accounts.", "Mr. R. Morozzi retired."], 1962),
          ("b", ["Mrs. Morozzi ran the fund from her kitchen.", "Mrs. Morozzi wrote to us."], 1965)],
         1, set()),
        ("...nor the one of two the corpus names, of whom the dates say nothing",
         [("a", ["Ada Varenheck and Tom Varenheck farmed at Lorton.", "Ada Varenheck wrote."], 1950),
          ("b", ["Canon Varenheck lent the hall.", "Canon Varenheck spoke."])],
         1, {"Varenheck"}),
        ("a surname of two words keeps a word of a shop's name",
         [("a", ["Sir Alec Douglas-Home said so."], 1964), ("b", ["Prime Minister Douglas-Home agreed."], 1965)],
         1, {"Alec Douglas-Home"}),
        ("a nickname the corpus quotes alone is the one person it is quoted for",
         [("a", ['Leo "Pitou" Varenza scored twice for the Millers.', "Leo Varenza was fourteen."], 1953),
          ("b", ["Pitou wore 14 with the Millers. Pitou was my uncle, and Pitou never forgot it."], 1976)],
         1, {"Leo Varenza"}),
        ("a bare surname in a list of leaders is the one person the corpus names in full with it",
         [("a", ["Louis Dunkelberg spoke for the exiles.", "He left for America."], 1851),
          ("b", ["The exiles in London", "At a time when Ezra Quennell, Morozzi, Dunkelberg and, among lesser "
                                           "lights, Varenza led the exiles."], 1855)],
         1, {"Ezra Quennell", "Louis Dunkelberg", "Morozzi"}),
        ("an office before the first word of a name written surname first is that person",
         [("a", ["The talks", "We met Chairman Kim Dok Varenza at the border.", "The talks went well."], 2018),
          ("b", ["The treaty", "Chairman Kim signed, and Chairman Kim spoke of peace."], 2019)],
         1, {"Kim Dok Varenza"}),
        ("...as before a given name the office was written with in full",
         [("a", ["The floods", "Governor Ada Quennell toured the levees.", "The rain stopped."], 2020),
          ("b", ["The floods", "Thank you, Governor Ada, and Governor Ada's staff."], 2020)],
         1, {"Ada Quennell"}),
        ("a title in the plural titles each name listed after it",
         [("a", ["The hearing", "Present were Senators Dunkelberg and Morozzi, and Generals Varenza and Dorsey."],
           1964),
          ("b", ["The estates", "Dr. Oskar Morozzi wrote on Hegel."], 1906)],
         0, {"Dunkelberg", "Morozzi", "Varenza", "Dorsey"}),
        ("...the last of them after a serial comma too",
         [("a", ["The hearing", "Present were Generals Varenza, Dorsey, and Quennell of the staff."], 1964),
          ("b", ["The war", "General Ezra Quennell led the corps.", "Ada Quennell wrote poems."], 1962),
          ("c", ["The poems", "Ada Quennell wrote poems.", "Ada Quennell again."], 1963)],
         0, {"Varenza", "Dorsey", "Ezra Quennell"}),
        ("an office the corpus writes with a namesake decades later does not take the document's own",
         [("a", ["Minutes", "Present: Reeve Thomas Varenza and the council.",
                 "Moved by Coun. Varenza, that the road be planked."], 1897),
          ("b", ["Minutes", "Present: Councillors Howard Varenza, Ada Quill and Ann Dorsey."], 1938),
          ("c", ["Minutes", *[f"Councillors Howard Varenza and Ann Dorsey moved by-law {n}." for n in range(12)]],
           1944)],
         0, {"Thomas Varenza"}),
        ("a plainer name printed with another life than the fuller name's is another person",
         [*_FATHER_AND_SON], 1, {"Harold Morozzi"}),
        ("...and a bare surname where neither is named is either's",
         [*_FATHER_AND_SON, ("d", ["Rally", "Mr Morozzi spoke at the rally."], 1965)], 3, set()),
        ("...nor is an initial either could be written with",
         [*_FATHER_AND_SON, ("d", ["Rally", "Apologies: H. Morozzi, Ann Quill."], 1965)], 3, {"Ann Quill"}),
        ("one name printed with two lives: the one alive at the document's date",
         [("a", ["People", "Rev. Josiah Varenza (1831-1898) founded the mission.",
                 "Josiah Varenza (1890-1952) was its president."], 2006),
          ("b", ["Report", "Josiah Varenza preached on the quay."], 1880),
          ("c", ["Report", "President: Mr. Josiah Varenza."], 1936)],
         2, {"Josiah Varenza (1890-1952)"}),
        ("...in a later history, the one whose life holds the year it tells of",
         [("a", ["People", "Rev. Josiah Varenza (1831-1898) founded the mission.",
                 "Josiah Varenza (1890-1952) was its president."], 2006),
          ("b", ["History", "In 1872 Josiah Varenza came to the town."], 2006)],
         1, {"Josiah Varenza"}),
        ("...and neither where nothing says which",
         [("a", ["People", "Rev. Josiah Varenza (1831-1898) founded the mission.",
                 "Josiah Varenza (1890-1952) was its president."], 2006),
          ("b", ["History", "Josiah Varenza is remembered."], 2006)],
         1, set()),
        ("...lives printed in an obituary's heading too (a document's headings are read for dates only)",
         [("a", ["People", "Rev. Josiah Varenza (1831-1898) founded the mission."], 2006),
          ("b", ["Report", "Josiah Varenza preached on the quay."], 1880),
          ("c", ["Report", "Our debt to Mr. Josiah Varenza, who died in November last."], 1953,
           ["MR. JOSIAH VARENZA, 1890-1952"]),
          ("d", ["Report", "President: Mr. Josiah Varenza."], 1936)],
         3, {"Josiah Varenza (1890-1952)"}),
        ("a maiden name the corpus says is hers: 'born'",
         [("a", ["Josiah Varenza married Miss Hannah Quennell, of Kelderby."], 1860),
          ("b", ["Hannah Varenza was born Hannah Quennell in Kelderby.", "Hannah Varenza kept the diary."], 2006)],
         0, {"Josiah Varenza", "Hannah Varenza"}),
        ("...the former",
         [("a", ["Rose Dunkelberg ran the strike kitchen in 1949."], 1949),
          ("b", ["Mike Dunkelberg died Sunday.", "He leaves his wife of 54 years, the former Rose Halloran."], 1988)],
         1, {"Mike Dunkelberg", "Rose Dunkelberg"}),
        ("...a wedding",
         [("a", ["Our Secretary, Miss Joan Varenza, read the minutes."], 1958),
          ("b", ["Miss Joan Varenza was married on 14th February to Mr Norman Quill."], 1959),
          ("c", ["Mrs Joan Quill, Secretary, reported a surplus."], 1965)],
         0, {"Joan Quill"}),
        ("...her married surname in brackets",
         [("a", ["Mrs. Irene Quill ran the office."], 1990),
          ("b", ["Irene Vantongeren (Quill) is third from the left."], 1949)],
         1, {"Irene Quill"}),
        ("a relative's given name is nobody of another family the corpus names",
         [("a", ["Lieut. Ted Varenza was made a life member.", "Ted Varenza thanked them."], 2006),
          ("c", ["Ted Varenza ran the lunch club. Ted was always there."], 2004),
          ("b", ["Miss Ada Quill kept the shop.", "Her nephew Ted wrote to her from the trenches."], 2006)],
         2, {"Ada Quill"}),

        ("a given name and a generation: the family's the document names, else nobody",
         [("a", ["Local President Walt Varenza Jr. spoke.", "His father, Walter Sr., 76, stood across the road."],
           2005),
          ("b", ["Survivors include a son, Harold Jr. (Sue) of Ridgeton; a daughter, Ann."], 2002)],
         0, {"Walt Varenza Jr.", "Walter Varenza Sr."}),
        ("...else nobody",
         [("a", ["Local President Walt Varenza Jr. spoke.", "His father, Walter Sr., 76, stood across the road."],
           2005),
          ("b", ["Survivors include a son, Harold Jr. (Sue) of Ridgeton; a daughter, Ann."], 2002)],
         1, set()),
        ("a son's suffix after a name written without its middle initial is still his",
         [("a", ["Rev. Charles Dunkelberg Jr. officiated at the service.", "The choir sang."], 1967),
          ("b", ["Rev. Charles H. Dunkelberg Jr. of Mount Tabor spoke.", "He thanked the local."], 1979),
          ("c", ["Rev. Charles H. Dunkelberg Jr. gave the blessing."], 1986)],
         0, {"Charles H. Dunkelberg Jr."}),
        ("a middle initial the son's suffixed name is never written with is the father's",
         [("a", ["Sen. Robert A. Quennell spoke against the treaty.", "He lost the vote."], 1950),
          ("b", ["Robert Quennell Jr. won the seat.", "Robert Quennell Jr. thanked his staff."], 1970),
          ("c", ["Robert Quennell Jr. lost the seat in 1976."], 1976)],
         0, {"Robert A. Quennell"}),
        ("an everyday form, where the corpus writes the formal name for father and son",
         [("a", ["Rev. Theodore M. Varenza Sr. preached.", "The choir sang."], 1954),
          ("b", ["Theodore Marcus Varenza chaired the meeting.", "Theodore Marcus Varenza spoke."], 1956),
          ("c", ["Theodore M. Varenza Jr. marched with the students.", "Theodore M. Varenza Jr. was arrested."], 1965),
          ("d", ["Teddy Varenza was arrested on the bridge.", "Teddy Varenza was let go."], 1965)],
         3, {"Teddy Varenza"}),
        ("a clerk's given name cut short with a full stop, after a title",
         [("a", ["The key was presented by the architect, Mr. Fred. Halloran, of Lorton."], 1889),
          ("b", ["Fred Halloran drew the plans for the new building."], 1888)],
         0, {"Fred Halloran"}),
        ("...or in a register's list after another entry written so",
         [("a", ["Present: Mayor Pim; Couns. Jas. Quennell and Alex. Varenza.", "Coun. Varenza asked for the by-law."],
           1923),
          ("b", ["William Varenza sat on the first council.", "Coun. Varenza voted nay."], 1899),
          ("c", ["William Varenza, carriage maker, died."], 1912)],
         0, {"James Quennell", "Alex Varenza", "Pim"}),
        ("...after a rank, or a French 'M.'",
         [("a", ["Cpl. Fred. Halloran was wounded.", "M. Alex. Dunkelberg a parlé au nom des citoyens."], 1917),
          ("b", ["Fred Halloran came home in 1919.", "Alex Dunkelberg spoke in English."], 1919)],
         0, {"Fred Halloran", "Alex Dunkelberg"}),
        ("a woman's everyday name in brackets is no maiden name",
         [("a", ["Mrs. Margaret (Peg) Vantongeren chaired the meeting.", "She thanked the ladies."], 1975),
          ("b", ["Margaret Vantongeren gave the prizes."], 1970)],
         0, {"Margaret Vantongeren"}),
        ("an office before a surname, years before the corpus names him in full, then decades after too",
         [("a", ["Governor Quennell has refused to negotiate.", "Governor Quennell is right to hold the line."], 1990),
          ("b", ["Gordon Quennell opened the 1994 fair."], 1994),
          ("c", ["Gordon A. Quennell served as governor from 1979 to 1991.", "Gordon A. Quennell farmed."], 2016)],
         0, {"Gordon A. Quennell"}),
        ("a name that stands for anyone, and its surname after a title in the same document",
         [("a", ["The next question is from a card. The card is signed John Doe, of Lorton.",
                 "SEN. QUENNELL: Mr. Doe, whoever you are, the answer is no."], 1994)],
         0, set()),
        ("an office before a surname, a century before a history names him, with his life printed beside the name",
         [("a", ["Gov. Quennell spoke at the centennial.", "The band played."], 1909),
          ("b", ["Amos Knutson Quennell (1851-1930) was the fourth governor.", "Amos K. Quennell farmed at Lisle."], 2016)],
         0, {"Amos Knutson Quennell"}),
        ("a Chinese or Korean name written family name first, then the family name after a title",
         _FAMILY_NAME_FIRST, 1, {"Kwan Siu-ming"}),
        ("...and alone, in the document that names him", _FAMILY_NAME_FIRST, 0, {"Kwan Siu-ming"}),
        ("a given name no list knows and a surname that begins with its particle",
         [("a", ["The President, Mr Hemi Te Varenza, will lay a wreath."], 1985),
          ("b", ["Moved Mr H. Te Varenza (New Plymouth), and carried."], 1958)],
         1, {"Hemi Te Varenza"}),
        ("...and the surname with its particle after a title, where the document names him in full",
         [("a", ["The President, Mr Hemi Te Varenza, will lay a wreath.", "Mr Te Varenza said he would."], 1985)],
         0, {"Hemi Te Varenza"}),
        ("one of a family, not said which: the elder, the second",
         [("a", ["Walter Vantongeren and Ada Vantongeren wrote."] * 2),
          ("b", ["The policy of the elder Vantongeren failed."])],
         1, set()),
    ],
)
def test_one_person_one_value(kind: str, corpus: Corpus, doc: int, expected: set[str]) -> None:
    assert values(corpus)[doc] == expected, kind


_IDA = ("a", ["Ida Dunkelberg, teacher, was married in 1925."], 1925)


@pytest.mark.parametrize(
    ("kind", "corpus", "expected"),
    [
        ("an interview calls the family's daughter by her given name",
         [("a", ["Harriet Quennell was the town librarian from 1931 until 1967."], 1970),
          ("b", ["Q: And Miss Quennell, Harriet?", "A: Miss Harriet at the library. She was strict."], 1990)],
         {"Harriet Quennell"}),
        ("a death notice names the sister after her parents",
         [_IDA, ("b", ["Besides his parents, Mr. and Mrs. Nils Dunkelberg, he leaves a sister, Miss Ida."], 1918)],
         {"Nils Dunkelberg", "Ida Dunkelberg"}),
        ("untitled, in a document that writes the family's surname",
         [_IDA, ("b", ["Mrs. Dunkelberg sold the farm. Ida kept the cows until spring."], 1930)],
         {"Ida Dunkelberg"}),
        ("two families of the document have an Ida: neither",
         [("a", ["Ida Dunkelberg, teacher, was married in 1925.", "Ida Morozzi opened a shop."], 1925),
          ("b", ["Nils Dunkelberg and Aldo Morozzi sold the farm. Ida kept the cows."], 1930)],
         {"Nils Dunkelberg", "Aldo Morozzi"}),
        ("a wife called by her husband's given name is not the husband",
         [("a", ["Robert Quennell ran the mill until 1950."], 1950),
          ("b", ["Mrs. Quennell came in sometimes, Mrs. Robert, very elegant."], 1989)],
         set()),
        ("after a title, a word the corpus writes as a surname is the surname",
         [("a", ["Lincoln Quennell farmed at Pruett.", "Abraham Lincoln was elected in 1860."], 1900),
          ("b", ["Amos Quennell read aloud what Mr. Lincoln had said."], 1901)],
         {"Amos Quennell", "Abraham Lincoln"}),
        ("a boat called after her is not her",
         [_IDA, ("b", ["Nils Dunkelberg towed the booms to the mill, and the Ida did the rest."], 1930)],
         {"Nils Dunkelberg"}),
        ("a register's entry gives its own surname first",
         [_IDA, ("b", ["BEAULIEU, Ida, nurse. Nils Dunkelberg, private."], 1919)],
         {"Nils Dunkelberg"}),
        ("an everyday form of the name, and not the editor's abbreviation",
         [("a", ["Edward Quennell kept the ledger until 1931."], 1931),
          ("b", ["Amos Quennell told the story, and Ted laughed. [Mother-right -- Ed.]"], 1930)],
         {"Amos Quennell", "Edward Quennell"}),
        ("a family of one given name over the generations: which of them is not said",
         [("a", ["Robert Quennell Sr. founded the store.", "Robert Quennell III runs it now."], 1999),
          ("b", ["Robert Quennell III, known as Rob, talked to us.", "Rob's daughter Sarah is twelve."], 1999)],
         {"Robert Quennell III"}),
        ("the son of someone called by a given name is not of the family named beside",
         [("a", ["Marcel Quennell ran the ferry until 1930."], 1930),
          ("b", ["That summer it was Amos Quennell's girl and Ti-Jean's boy, Marcel, who drowned."], 1984)],
         {"Amos Quennell"}),
        ("the children are not of the family their mother married out of",
         [("a", ["Frank Quennell kept the mill at Pruett until 1960."], 1960),
          ("b", ["Amos Varenza was married to Rose Quennell in 1928. She survives, as do three sons, Frank, "
                 "Joseph and Edward."], 1975)],
         {"Amos Varenza", "Rose Quennell"}),
        ("...but the bride herself is hers",
         [("a", ["Margaret Quennell taught at Pruett until 1960."], 1960),
          ("b", ["Amos Varenza married Margaret Quennell in 1968. Peggy died in 2006."], 2015)],
         {"Amos Varenza", "Margaret Quennell"}),
        ("no surname of hers in the document: not her",
         [_IDA, ("b", ["Miss Ida kept the cows until spring, and Halloran sold the farm."], 1930)],
         {"Ida"}),
    ],
)
def test_a_given_name_in_a_document_that_writes_the_family_s_surname(kind: str, corpus: Corpus,
                                                                     expected: set[str]) -> None:
    assert values(corpus)[-1] == expected, kind


@pytest.mark.parametrize(
    ("kind", "texts", "role", "actor"),
    [
        ("a programme's cast list, the role left of the dots",
         ["CAST\n   Lady Varenza ........................ Mrs. E. Quennell\n"
          "   Dr. Morozzi, a physician ............. Mr. Amos Halloran"], "Varenza", "Mrs. E. Quennell"),
        ("an actor as the role", ["Miss Edna Quennell as Lady Morozzi was much praised."], "Morozzi", "Edna Quennell"),
        ("the role played by the actor", ["Lady Varenza will be played by Edna Quennell."], "Varenza", "Edna Quennell"),
        ("the actor plays the role, where a play is spoken of",
         ["The seniors give the comedy in May: Amos Halloran '51 plays Orville Z. Varenza, a kindly drunk."],
         "Varenza", "Amos Halloran"),
        ("...after a generation and a class year", ["In the farce, Amos Halloran Jr. '51 plays Orville Varenza."],
         "Varenza", "Amos Halloran Jr."),
    ],
)
def test_a_character_of_a_play_is_no_person(kind: str, texts: list[str], role: str, actor: str) -> None:
    found = all_values([("a", texts, 1950)])
    assert actor in found and not any(role in name for name in found), kind


def test_a_match_report_s_opponent_is_a_person() -> None:
    found = all_values([("a", ["In the final Amos Halloran played Edna Quennell's brother Carl Quennell and won."], 1950)])
    assert {"Amos Halloran", "Carl Quennell"} <= found


@pytest.mark.parametrize(
    ("kind", "text", "school"),
    [
        ("its principal", "Mr. Amos Halloran, principal of Walter T. Varenza since 1966, retired.", "Varenza"),
        ("a teacher there", "Mrs. Greer had been my English teacher at Orville Quennell and I obeyed.", "Quennell"),
        ("a pupil there", "Both boys were freshmen; Tom Halloran was a freshman at Edna Morozzi that fall.", "Morozzi"),
        ("a graduate", "Edith Halloran, a graduate of Walter Varenza, spoke.", "Varenza"),
    ],
)
def test_a_school_named_for_someone_is_no_person(kind: str, text: str, school: str) -> None:
    found = all_values([("a", [text], 1970)])
    assert found and not any(school in name for name in found), (kind, found)


def test_a_master_s_pupil_is_still_the_master_s() -> None:
    found = all_values([("a", ["He was a student of Orville Quennell, and a graduate of Edna Morozzi's school."], 1970)])
    assert {"Orville Quennell", "Edna Morozzi"} <= found


def test_an_index_s_entry_before_a_leader_of_dots_is_still_the_person() -> None:
    assert "Amos Halloran" in all_values([("a", ["INDEX\n   Amos Halloran ................ 23\n"], 1950)])


def test_a_household_s_given_name_is_the_same_person_all_through_the_document() -> None:
    interview = ["Q: Who did you work for?", "A: Mr. Amos Quennell, and Miss Harriet, his sister.", "Q: Every day?",
                 "A: Yes.", "Q: And then?", "A: I had to be at Miss Harriet's at seven."]
    corpus = [("a", ["Harriet Quennell kept the mill's books until 1950."], 1950), ("b", interview, 1990)]
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    paragraphs = [{r.name for r in refs} for refs, _ in annotator.annotate("", interview, published="1990")]
    assert paragraphs[1] == {"Amos Quennell", "Harriet Quennell"}
    assert paragraphs[5] == {"Harriet Quennell"}


def test_a_clipped_given_name_before_another_surname_is_not_the_listed_man_of_that_name() -> None:
    texts = ["Members: M. J. Pim, Fred. Quennell, A. Dorsey.", "For Denmark Fred. Varenza, For Belgium J. Ames.",
             "Thank you very much, Fred. Appreciate it."]
    annotator = PersonAnnotator(Authority())
    annotator.prepare([("a", texts, 1871), ("b", ["Frederick Varenza wrote from Manchester."], 1870)])
    per_paragraph = [{r.name for r in refs} for refs, _ in annotator.annotate("", texts, published="1871")]
    assert "Fred Quennell" in per_paragraph[0]
    assert "Fred Quennell" not in per_paragraph[1]
    assert per_paragraph[2] == {"Fred Quennell"}  # a vocative: the Fred named here


def test_a_royal_title_before_a_given_name_is_no_commoner_of_the_document() -> None:
    texts = ["Mrs. Margaret Quennell lent the set to the Hall.",
             "Whenever Princess Margaret appeared upon the screen we cheered.", "Mrs. Quennell made the tea."]
    annotator = PersonAnnotator(Authority())
    annotator.prepare([("a", texts, 1953)])
    per_paragraph = [{r.name for r in refs} for refs, _ in annotator.annotate("", texts, published="1953")]
    assert per_paragraph[0] == per_paragraph[2] == {"Margaret Quennell"}
    assert "Margaret Quennell" not in per_paragraph[1]


def test_a_nickname_an_initial_and_the_formal_name_are_one_person() -> None:
    corpus = [("a", ['Daniel "Danny" Varenza, a co-founder, died.', "Danny Varenza marched in 1999."], 2015),
              ("b", ["Daniel Varenza chaired the meeting."], 2008),
              ("c", ["The letter was signed by D. Varenza."], 2009)]
    found = values(corpus)
    assert len(found[0]) == 1 and found[0] == found[1] == found[2], found


@pytest.mark.parametrize("formal, everyday", [("Edwin", "Ned"), ("Margaret", "Peggy"), ("Richard", "Dick"),
                                              ("Robert", "Bobby"), ("Edward", "Teddy")])
def test_an_everyday_form_english_makes_by_rule_is_the_formal_name(formal: str, everyday: str) -> None:
    """A rhyme ("Dick" of Rick), "N" or "T" before a vowel ("Ned" of Ed), a pet ending ("Peggy")."""
    corpus = [("a", [f"{formal} Varenza kept the shop on Mill Street."], 1901),
              ("b", [f"{everyday} Varenza danced at the fair."], 1904)]
    found = values(corpus)
    assert len(found[0]) == 1 and found[0] == found[1], found


@pytest.mark.parametrize("formal, everyday", [("Michael", "Mick"), ("Patrick", "Paddy"), ("Peter", "Pate"),
                                              ("Charles", "Charley"), ("Francis", "Frankie")])
def test_an_everyday_form_no_table_lists_as_a_given_name_is_the_formal_name(formal: str, everyday: str) -> None:
    """A form the census does not list as a given name ("Mick", "Pate"), or a pet ending spelt
    another way ("Charley" of Charlie), before the surname of a formal name the corpus writes:
    one person, with or without another of the family named beside."""
    corpus = [("a", [f"{formal} Varenza kept the Railway Hotel."], 1901),
              ("b", [f"The room was given free by {everyday} Varenza, the landlord."], 1904),
              ("c", [f"Ada Varenza and {everyday} Varenza led the grand march."], 1906)]
    found = values(corpus)
    assert len(found[0]) == 1 and found[0] == found[1] and found[0] < found[2], found


@pytest.mark.parametrize(("later", "same"), [
    ("In 1921 the captain was Mick Varenza, a hard man but fair.", True),
    ("The crew of 1921 under Mick Varenza went out in the gale.", True),
    ("The new man, Mick Varenza, joined the crew in 1996.", False),
    ("The crew of 1995 under Mick Varenza went out in the gale.", False)])
def test_an_everyday_form_written_decades_on_of_the_years_the_formal_name_lived(later: str, same: bool) -> None:
    """An oral history of 1996 that tells of 1921 calls the captain of 1921 "Mick": the same
    man, however long after. A young man of the 1990s, perhaps his grandson, is not."""
    corpus = [("a", ["Michael Varenza was elected captain of the crew."], 1921), ("b", [later], 1996)]
    found = values(corpus)
    assert found[0] == {"Michael Varenza"}, found
    assert (found[1] == found[0]) if same else "Michael Varenza" not in found[1], found


def test_initials_of_a_year_a_later_page_tells_of_are_its_everyday_name() -> None:
    """A page of 2011 on the band of 1912 calls its cornet "Bill Varenza"; the 1912 list's
    "W. Varenza" is he."""
    corpus = [("a", ["Band practice: W. Varenza, T. Pim and A. Quill."], 1912),
              ("b", ["In 1912 the band was led by Bill Varenza, who played the cornet."], 2011)]
    found = values(corpus)
    assert found[1] and found[1] <= found[0], found


@pytest.mark.parametrize(("later", "same"), [
    ("That was the boat of Willie Quennell, and Mike Varenza and Colin Pim were with him, young lads.", True),
    ("That was the boat of Willie Quennell, and Mike Varenza and Tom Pim were with him, young lads.", False)])
def test_an_everyday_name_decades_on_in_the_same_company_is_the_formal_name(later: str, same: bool) -> None:
    """An oral history of 1996 names the crew lost in 1938 as their mates called them,
    without the year: the company they are named in (Colin Pim) says who they are."""
    corpus = [("a", ["The boat was lost with William Quennell, Michael Varenza and Colin Pim."], 1938),
              ("b", [later], 1996)]
    found = values(corpus)
    assert len(found[0]) == 3 and (found[1] == found[0] if same else not found[0] & found[1]), found


def test_a_place_named_beside_both_is_no_company() -> None:
    """ "Sandy Point" beside a Daniel of 1920 and a Danny of 1995 is a place, no companion."""
    corpus = [("a", ["Daniel Varenza came ashore at Sandy Point with Ross Pim."], 1920),
              ("b", ["Danny Varenza came ashore at Sandy Point."], 1995)]
    found = values(corpus)
    assert "Daniel Varenza" in found[0] and "Daniel Varenza" not in found[1], found


def test_an_everyday_name_written_over_more_than_a_generation_keeps_to_its_own_years() -> None:
    """ "Tom Varenza" written from 1977 to 2012 is the show's Tom of those years; that a page
    of 2012 tells of the Tom who came home in 1919 does not make him the Thomas of 1920."""
    corpus = [("a", ["The forge was let to Thomas Varenza, blacksmith."], 1920),
              ("b", ["First prize for ploughing went to Tom Varenza of Glenmore."], 1977),
              ("c", ["The others came home in 1919: Tom Varenza among them."], 2012)]
    found = values(corpus)
    assert found[0] == {"Thomas Varenza"} and found[1] and "Thomas Varenza" not in found[1], found


@pytest.mark.parametrize("text", ["RETIRED: Walter Quennell, after 41 years. Walt has been a trustee since 1950.",
                                  "The family moved to Sacramento, Cal., in 1958.",
                                  "The mail went by stage to Sacramento, Cal. The route was new."])
def test_an_everyday_form_alone_is_not_the_one_person_the_corpus_calls_by_it_in_full(text: str) -> None:
    """The corpus writes "Walt Varenza" for Walter Varenza and "Cal Pim" for Calvin Pim; a
    lone "Walt" beside another Walter named in full is that Walter's, and "Cal." cut short
    before a comma is California."""
    corpus = [("a", ["Walter Varenza chaired the union.", "Calvin Pim chaired it later."], 1950),
              ("b", ["The first issue was typed by Walt Varenza, the secretary.",
                     "It was said that Cal Pim never missed a meeting."], 1973),
              ("c", [text], 1961)]
    found = values(corpus)
    assert found[0] == found[1] == {"Walter Varenza", "Calvin Pim"}, found
    assert not found[2] & {"Walter Varenza", "Calvin Pim"}, found


def test_an_everyday_form_the_corpus_quotes_in_a_name_is_that_person_alone() -> None:
    corpus = [("a", ['Rosalind "Roz" Varenza chaired the tenants.'], 1990),
              ("b", ["At the meeting Roz said the rent strike would go on."], 1991)]
    found = values(corpus)
    assert found[0] == found[1] == {"Rosalind Varenza"}, found


@pytest.mark.parametrize("everyday, initials", [("Bill", "W."), ("Bob", "R."), ("Ned", "E."), ("Dick", "R.")])
def test_initials_are_the_one_person_the_corpus_names_by_an_everyday_form_of_another_letter(
        everyday: str, initials: str) -> None:
    """ "W. Varenza" of a committee list, where the corpus names only "Bill Varenza" with a W
    given name (Bill being William): one person. Beside a "Walter Varenza" too, no telling."""
    corpus = [("a", [f"Present: {initials} Varenza, T. Pim and A. Quill."], 1950),
              ("b", [f"The bar was kept for years by {everyday} Varenza, who died in 1961."], 1955)]
    found = values(corpus)
    assert found[0] - {"T. Pim", "A. Quill"} == found[1] != set(), found
    first = initials.split()[-1][0]
    other = {"W": "Walter", "R": "Ralph", "E": "Ernest"}[first]
    corpus[1][1].append(f"Her cousin {other} Varenza came from Dover.")
    found = values(corpus)
    assert not found[0] & found[1], found
    corpus = [("a", [f"Present: {initials} Varenza, T. Pim and A. Quill."], 1912),
              ("b", [f"The bar was kept for years by {everyday} Varenza, who died in 2001."], 2000)]
    found = values(corpus)
    assert not found[0] & found[1], found  # the football coach of 2000 is no candidate of 1912
    corpus = [("a", [f"Present: {initials} Varenza, T. Pim and A. Quill."]),
              ("b", [f"The bar was kept for years by {everyday} Varenza, who died in 2001."], 2000)]
    found = values(corpus)
    assert not found[0] & found[1], found  # nor is an undated list's


def test_a_bare_surname_the_corpus_owns_is_the_authority_person_the_file_knows() -> None:
    """Read as a lone word (here: before another capitalised word in a listing), a surname
    the corpus owns as a full name the authority file knows is that file's person, not
    a second, discovered value for them."""
    authority = Authority.from_dict({"person": [{"id": "vantongeren-walter", "name": "Walter Vantongeren"}]})
    corpus = [("a", ["Walter Vantongeren wrote it.", "Walter Vantongeren again."]),
              ("b", ["Declaration Against Ada Quist, Vantongeren Protective Tariffs Or Free Trade System."])]
    annotator = PersonAnnotator(authority)
    annotator.prepare(corpus)
    ids = {r.id for refs, _ in annotator.annotate("", corpus[1][1]) for r in refs}
    assert "x-walter-vantongeren" not in ids
    assert "vantongeren-walter" in ids


@pytest.mark.parametrize(
    ("text", "theirs"),
    [("The director, Philippa Townsend-Varenza, said the deal was fair.", False),
     ("Ms Townsend-Varenza looked forward to a partnership.", False),
     ("Mr. Halloran-Varenza wrote again.", False),
     ("The Halloran-Varenza pact was signed.", True)],
)
def test_a_surname_of_the_file_inside_a_double_barrelled_one(text: str, theirs: bool) -> None:
    """Half of someone's double-barrelled surname, after a given name or an honorific, is
    not the file's person of that surname; without either, the halves name their bearers."""
    authority = Authority.from_dict({"person": [{"id": "varenza-amos", "name": "Amos Varenza"}]})
    ids = {r.id for refs, _ in PersonAnnotator(authority).annotate("", [text], published="2003-05-01") for r in refs}
    assert ("varenza-amos" in ids) == theirs


@pytest.mark.parametrize(("text", "theirs"), [("It came out of the Varenza committee hearings.", False),
                                              ("She won a Varenza prize at last.", False),
                                              ("They upheld the Varenza doctrine.", True),
                                              ("General Varenza marched north.", True)])
def test_a_thing_named_after_the_file_s_person_by_a_bare_surname(text: str, theirs: bool) -> None:
    """A determiner, the file's bare surname and the noun of a body, an honour or a building in
    lower case: named for them, not a mention of them. A doctrine is theirs."""
    authority = Authority.from_dict({"person": [{"id": "varenza-amos", "name": "Amos Varenza"}]})
    ids = {r.id for refs, _ in PersonAnnotator(authority).annotate("", [text], published="1959-11-01") for r in refs}
    assert ("varenza-amos" in ids) == theirs


def test_a_ship_or_a_type_named_after_a_person_of_the_file_is_not_them() -> None:
    """The file's full name after "the", "a" or a possessive is a ship, a school or a type,
    whichever person the file knows by it; with a title, or after an adjective, it is them."""
    authority = Authority.from_dict({"person": [{"id": "vantongeren-walter", "name": "Walter Vantongeren"}]})
    texts = ["One sailor on the Walter Vantongeren has died.", "He was called a Walter Vantongeren by his rivals.",
             "The late Walter Vantongeren spoke here.", "It was the young Walter Vantongeren who wrote it.",
             "Dr. Walter Vantongeren replied.", "That is the Walter Vantongeren that I knew.",
             "Erinnerungen an Walter Vantongeren (1890)."]
    annotator = PersonAnnotator(authority)
    annotator.prepare([("a", texts)])
    ids = [{r.id for r in refs} for refs, _ in annotator.annotate("", texts)]
    assert ids == [set(), set(), {"vantongeren-walter"}, {"vantongeren-walter"}, {"vantongeren-walter"},
                   {"vantongeren-walter"}, {"vantongeren-walter"}]


def test_a_full_name_of_the_file_written_otherwise_is_still_the_file_person() -> None:
    """A person the file gives no bare surname ("King" is many people) is still theirs in full
    however the text punctuates the generation ("Dr. Walter Quennell, Jr."), not a discovered
    value beside theirs."""
    authority = Authority.from_dict({"person": [{"id": "quennell-walter", "name": "Walter Quennell Jr.",
                                                 "aliases": ["Walter Quennell"], "surnames": []}]})
    texts = ["STATEMENT ON THE DEATH OF DR. WALTER QUENNELL, JR. The murder of Dr. Walter Quennell, Jr., in Lorton "
             "last night is a crime.", "Walter Quennell Jr. spoke."]
    annotator = PersonAnnotator(authority)
    annotator.prepare([("a", texts)])
    assert [{r.id for r in refs} for refs, _ in annotator.annotate("", texts)] == [{"quennell-walter"}] * 2


def test_an_abbreviation_is_not_a_given_name() -> None:
    # "Ed." is the editor, not the only Ed the corpus names in full.
    corpus = [("a", ["Ed Quennell spoke.", "Ed Quennell left."]),
              ("b", ["Notes by the editor (Ed.) follow.", "See also the preface (Ed.)."])]
    assert values(corpus)[1] == set()


def test_two_namesakes_leave_a_bare_surname_flagged_for_review() -> None:
    corpus = [("a", ["Lewis Quennell spoke.", "Lewis Quennell left."]),
              ("b", ["Samuel Quennell spoke.", "Samuel Quennell left."]),
              ("c", ["Everyone quoted Quennell; Quennell again."])]
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    flags = [f for _, fl in annotator.annotate("", corpus[2][1]) for f in fl]
    assert "ambiguous:Quennell" in flags


def test_discovery_state_of_the_previous_version_is_still_read() -> None:
    from indexer.discovery import Discovery

    old = {"version": 1, "words": {"Morozzi": [3, 0, 1, 0]}, "fulls": {"Quennell": {"Lewis Quennell": 2}}}
    d = Discovery.from_state(old)
    assert d.human_evidence("Morozzi") == 0 and d.surname_evidence("Morozzi") == 1
    assert d.owner("Quennell") == "Lewis Quennell"


@pytest.mark.parametrize(
    "module", ["indexer.places", "indexer.personhood", "indexer.discovery", "indexer.names",
               "indexer.name_runs", "indexer.name_words", "indexer.census", "indexer.hypocorisms", "indexer.ocr",
               "indexer.kin_names"]
)
def test_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


def test_mrs_takes_the_woman_of_two_people_with_one_surname() -> None:
    annotator = PersonAnnotator(Authority())
    texts = ["Sgt. Luis Vantongeren wrote home; Graciela Vantongeren waits.", "Mrs. Vantongeren stood with the vigil.",
             "Mr. Vantongeren is due home in May."]
    _, mrs, mr = annotator.annotate("", texts, published="2004")
    assert [r.name for r in mrs[0]] == ["Graciela Vantongeren"]
    assert [r.name for r in mr[0]] == ["Luis Vantongeren"]


@pytest.mark.parametrize(
    ("kind", "texts", "expected"),
    [
        ("the pronoun after an untitled surname says which of a couple",
         ["We welcome the Reverends Diana and John Vantongeren.", "Once Vantongeren was at a meeting and he left early."],
         "John Vantongeren"),
        ("...the other way round",
         ["John Vantongeren and Diana Vantongeren run the shelter.", "Vantongeren said she would stay on."],
         "Diana Vantongeren"),
        ("the title said again before the second given name, and after the surname",
         ["John Halloran read the lesson, and we are joined by the Reverend John and the Reverend Diana Vantongeren.",
          "Once Reverend Vantongeren was at a meeting and he left early."],
         "John Vantongeren"),
        ("a rank's grade between the rank and the name",
         ["Amy Vantongeren is here; her husband, Sergeant First Class Townsend Vantongeren, is away.",
          "Welcome home, Sergeant Vantongeren, and his unit."],
         "Townsend Vantongeren"),
        ("a rank says no sex, the pronoun does",
         ["Amy Vantongeren and her husband Townsend Vantongeren came.", "Sergeant Vantongeren and his unit left."],
         "Townsend Vantongeren"),
        ("a pronoun after another name says nothing of the surname",
         ["Diana Vantongeren and John Vantongeren run the shelter.", "Vantongeren met Paul Quennell and he agreed."],
         "Diana Vantongeren"),
    ],
)
def test_a_pronoun_says_which_of_a_man_and_a_woman_of_one_surname(kind: str, texts: list[str],
                                                                   expected: str) -> None:
    annotator = PersonAnnotator(Authority())
    annotated = annotator.annotate("", texts, published="1995")
    assert expected in [r.name for r in annotated[1][0]], kind


def test_a_pronoun_of_the_other_sex_keeps_a_bare_surname_from_the_corpus_owner() -> None:
    corpus = [("a", ["Amy Vantongeren spoke at the rally.", "Amy Vantongeren thanked the nurses."], 1995),
              ("b", ["Sergeant Vantongeren and his unit left for the coast."], 1995),
              ("c", ["Vantongeren said she would run again."], 1995)]
    found = values(corpus)
    assert found[1] == set() and found[2] == {"Amy Vantongeren"}


def test_wives_named_by_their_husbands_names_in_a_list_are_not_the_husbands() -> None:
    annotator = PersonAnnotator(Authority())
    texts = ["Ralph Varenza and Henry Quennell farmed north of town.",
             "Hostesses were Mrs. Henry Quennell and Mrs. Ralph Varenza.",
             "Mr. and Mrs. Ralph Varenza were guests."]
    _, wives, couple = annotator.annotate("", texts, published="1936")
    assert not wives[0]
    assert [r.name for r in couple[0]] == ["Ralph Varenza"], "'Mr. and Mrs.' still names him"


def test_a_firm_of_two_names_is_nobody() -> None:
    texts = ["Ships of Castell & Quennell docked at the Castell & Quennell terminal.",
             "Vantongeren & Sons closed the plant. Ann Quennell spoke for the union."]
    assert all_values([("a", texts)]) == {"Ann Quennell"}


@pytest.mark.parametrize(
    ("kind", "texts", "not_values", "kept"),
    [
        ("goods named by an adjective that is also a given name",
         ["Duties on Precious Metals rose in May.", "The metals were weighed, and metals were sold; metals fell."],
         {"Precious Metals"}, set()),
        ("a heading glued to a given name",
         ["Read the Magda Biography before the letters.", "A biography sold well; the biography was short; "
                                                          "each biography was read."],
         {"Magda Biography"}, set()),
        ("an everyday word after a given name, listed among people, is a surname",
         ["Votes of John Quennell, Roger Halloran, William Sometime and Rufus Dorsey were cast.",
          "It rained sometime in May, and sometime in June; sometime later it stopped."],
         set(), {"William Sometime"}),
        ("an everyday word that speaks elsewhere in the archive is a surname",
         ["Later Edith Tidewater wrote the report.", "The tidewater rose, the tidewater fell, and tidewater "
                                                     "flooded the fields.", "Then Tidewater said it was over."],
         set(), {"Edith Tidewater"}),
    ],
)
def test_a_full_name_whose_surname_is_an_everyday_word(kind: str, texts: list[str], not_values: set[str],
                                                       kept: set[str]) -> None:
    found = all_values([("a", texts), ("b", [_PEOPLE])])
    assert not found & not_values, kind
    assert kept <= found, kind
    assert "Samuel Halloran" in found, "real people are still found"


@pytest.mark.parametrize(
    ("kind", "texts", "kept"),
    [
        ("addressed as Mr.", ["Mr. Brass said the band would play.", "Later Brass wrote to the council."], "Brass"),
        ("a verb of speech", ["At the meeting Kettle said the shift would end.", "Later Kettle replied."],
         "Kettle"),
        ("a commoner surname that is also a word, titled", ["General Crook marched north.",
                                                            "Later General Crook wrote to the fort."], "Crook"),
    ],
)
def test_an_everyday_word_that_is_somebody_stays(kind: str, texts: list[str], kept: str) -> None:
    assert kept in all_values([("a", texts), ("b", [_PEOPLE])]), kind


def test_a_thinker_after_of_stays_a_person() -> None:
    """Only geographic and political head nouns make "of X" a place: "the works of X" is a man's."""
    texts = ["The works of Morozzi sold. Later Morozzi was read, and students of Morozzi met.",
             "The letters of Morozzi came; the house of Varenza fell."]
    assert "Morozzi" in all_values([("a", texts), ("b", [_PEOPLE])])


@pytest.mark.parametrize(
    ("kind", "texts", "not_values"),
    [
        ("towns the data knows, listed together",
         ["While the empire holds Coblenz, Mayence, Germersheim, Rastatt and Ulm, the south is safe.",
          "In spring it still held Mayence, Germersheim, Rastatt and Ulm."],
         {"Coblenz", "Mayence", "Germersheim", "Rastatt"}),
        ("items under a plural head of geography",
         ["The squadron called at the ports of Panama and Varenport, then at the harbors of Panama and Varenport.",
          "The line runs along the Quillan and Morvay passes to the islands of Tessaly and Orrin.",
          "Traders left Varenport for the islands of Tessaly and Orrin, and Morvay."],
         {"Varenport", "Quillan", "Morvay", "Tessaly", "Orrin"}),
        ("a people named in a list of peoples and states",
         ["Treaties with the Otoe and Tarrow, Iowa, and Kansas tribes were signed.",
          "Lands of the Tarrow, Iowa, and Nebraska were sold.", "Agents paid the Otoe and Tarrow, Iowa, and "
                                                                 "Kansas tribes again, and Tarrow, Iowa and Omaha."],
         {"Tarrow"}),
        ("a town listed beside a country, or before 'and other cities'",
         ["Envoys came from Persia, Vallambia, and Korea; housing is short in Denver, and Orleton, and other "
          "cities.", "Later Vallambia and Korea signed, and Orleton and Denver rebuilt."],
         {"Vallambia", "Orleton"}),
    ],
)
def test_what_is_listed_beside_places_is_a_place(kind: str, texts: list[str], not_values: set[str]) -> None:
    found = all_values([("a", texts), ("b", [_PEOPLE])])
    assert not found & not_values, kind
    assert "Samuel Halloran" in found, "real people are still found"


@pytest.mark.parametrize(
    ("kind", "texts", "kept"),
    [
        ("a list of given names and a city's name that is a given name",
         ["In the photograph are Gertrude, Donald, Morozzi and Florence.",
          "In May the eldest, Morozzi, left, and Morozzi never came back."],
         {"Morozzi"}),
        ("an author and a place of print", ["(Translated by Dunkelberg, Geneva, 1894.) Dunkelberg's notes."],
         {"Dunkelberg"}),
        ("an author, then a place and a year of print",
         ["See The Code of Nature, Morozzi, Paris 1841.", "In May Morozzi left, and Morozzi never came back."],
         {"Morozzi"}),
        ("an office of a country, then its holder",
         ["We met the President of Brazil, Varenza. Great man.", "In May Varenza left, and Varenza came back."],
         {"Varenza"}),
        ("someone who speaks in the archive, beside a country",
         ["Prussia and Dunkelberg agreed.", "Dunkelberg said the treaty would hold.", "Later Dunkelberg wrote."],
         {"Dunkelberg"}),
        ("a titled man beside a city", ["It was proclaimed by Varenza and Derby. Lord Varenza then resigned."],
         {"Varenza"}),
        ("a surname before a verb that looks like a plural head",
         ["Then Morozzi states the rule.", "In May Morozzi left, and Morozzi never came back."],
         {"Morozzi"}),
    ],
)
def test_what_is_listed_with_persons_stays_a_person(kind: str, texts: list[str], kept: set[str]) -> None:
    found = all_values([("a", texts), ("b", [_PEOPLE])])
    assert kept <= found, kind


@pytest.mark.parametrize(
    ("kind", "texts", "kept"),
    [
        ("a relative's word before it", ["He came with his younger sister Adwoba.",
                                         "The flat was cold, and Adwoba slept on the couch."], "Adwoba"),
        ("a role set before it", ["They sent for the new secretary, Korrowai.", "In May Korrowai kept the books."],
         "Korrowai"),
        ("a deed only people do", ["In May Korrowai resigned.", "Later Korrowai ran the shop."], "Korrowai"),
        ("a man and his men", ["Then Korrowai and his men held the bridge.", "Later Korrowai held it."],
         "Korrowai"),
    ],
)
def test_a_name_no_table_knows_stays_where_the_archive_says_it_is_somebody(kind: str, texts: list[str],
                                                                          kept: str) -> None:
    assert kept in all_values([("a", texts), ("b", [_PEOPLE])]), kind


def test_a_prefixed_surname_and_a_faiths_name_given_to_a_man_stay() -> None:
    """A capital after "Mc", "De", "La" is a surname's; "Islam" is a given name too."""
    texts = ["Then McQuennell met DeVarenza in May.", "Later McQuennell said DeVarenza and President Islam "
                                                      "Qurbanov agreed; Qurbanov wrote it."]
    assert {"McQuennell", "DeVarenza", "Islam Qurbanov"} <= all_values([("a", texts), ("b", [_PEOPLE])])


def test_a_man_who_says_it_now_and_then_stays() -> None:
    texts = ["Ostrow said he would stay.", "Later Ostrow said it was over, and Ostrow said he was innocent.",
             "Then Ostrow said he left."]
    assert "Ostrow" in all_values([("a", texts), ("b", [_PEOPLE])])


def test_people_in_a_contest_stay_people() -> None:
    """ "versus" and "vs." title contests of people; only "v." is a court's case."""
    texts = ["He wrote Morozzi versus Dunkelberg in May.", "Later Morozzi vs. Dunkelberg was printed, and "
                                                          "Morozzi said Dunkelberg wrote back."]
    assert {"Morozzi", "Dunkelberg"} <= all_values([("a", texts), ("b", [_PEOPLE])])


def test_a_surname_listed_beside_a_person_is_still_a_person() -> None:
    texts = ["The society was led by Samuel Halloran, Morozzi and Dunkelberg in those years."]
    assert {"Morozzi"} <= all_values([("a", texts), ("b", [_PEOPLE])])


def names_by_paragraph(texts: list[str], published: str) -> list[set[str]]:
    annotator = PersonAnnotator(Authority())
    annotator.prepare([("a", texts, int(published[:4]))])
    return [{r.name for r in refs} for refs, _ in annotator.annotate("", texts, published=published)]


def names_in_document(corpus: list[tuple[str, list[str], int]], doc: tuple[str, list[str], int],
                      annotator: PersonAnnotator | None = None) -> list[set[str]]:
    """The names found in each paragraph of ``doc``, of a corpus of ``corpus`` and ``doc``
    (or by an ``annotator`` already prepared)."""
    if annotator is None:
        annotator = PersonAnnotator(Authority())
        annotator.prepare([*corpus, doc])
    return [{r.name for r in refs} for refs, _ in annotator.annotate(doc[0], doc[1], published=str(doc[2]))]


@pytest.mark.parametrize(
    ("kind", "texts", "expected"),
    [
        ("a story's subject keeps the bare surname after relatives are named",
         ["Pvt. Tomas Quennell was killed on Thursday, the Army said.",
          "“He wanted to teach,” his mother, Ines Quennell, said.",
          "Quennell played football at the high school, where he graduated in 2001.",
          "He is survived by his sister, Ada Quennell, 17.",
          "A Mass will be said at St. Anne's, where Quennell served as a boy."],
         [{"Tomas Quennell"}, {"Ines Quennell"}, {"Tomas Quennell"}, {"Ada Quennell"}, {"Tomas Quennell"}]),
        ("a husband named later does not take her surname",
         ["Mayor Lorena Varenza won the race.", "Her husband, Raul Varenza, a teacher, said he was proud.",
          "Varenza takes office in January."],
         [{"Lorena Varenza"}, {"Raul Varenza"}, {"Lorena Varenza"}]),
        ("a namesake just named in the same paragraph keeps it there",
         ["Mayor Tom Dunkelberg opened the hearing.",
          "A tenant, Jane Dunkelberg, no relation, spoke next; Dunkelberg said the rents were too high.",
          "Dunkelberg closed the hearing at nine."],
         [{"Tom Dunkelberg"}, {"Jane Dunkelberg"}, {"Tom Dunkelberg"}]),
        ("an office names the one the story wrote with it",
         ["Jerry Dunkelberg, the governor, spoke first.", "Later General George Dunkelberg testified.",
          "Critics attacked General Dunkelberg for the remark."],
         [{"Jerry Dunkelberg"}, {"George Dunkelberg"}, {"George Dunkelberg"}]),
        ("a wife named by her husband's name is not he; a couple is both",
         ["Howard Varenza farmed by the river.", "Mrs. Howard Varenza entertained the Tuesday Club.",
          "Mr. and Mrs. Paul Dunkelberg came from the coast.", "Mr. & Mrs. Ivo Quennell hosted a dinner."],
         [{"Howard Varenza"}, set(), {"Paul Dunkelberg"}, {"Ivo Quennell"}]),
        ("a party's man named after it in the possessive is the man named before",
         ["Walter Quennell spoke in the county.", "The Democrats' Quennell countered on Tuesday."],
         [{"Walter Quennell"}, {"Walter Quennell"}]),
        ("a town named after its founder is not he where it is the town",
         ["Colonel Elias Quennell laid out the town in 1855.", "The mill in Quennell burned, the bank in Quennell "
          "failed, and Quennell, Iowa, rebuilt them.", "Quennell died in 1880, and the people of Quennell mourned.",
          "Farms near Quennell and stores in Quennell sold out; prices in Quennell fell."],
         [{"Elias Quennell"}, set(), {"Elias Quennell"}, set()]),
        ("a child named after a father with a generation takes the surname, not the suffix",
         ["Robert M. Quennell Jr. brought his son Robbie to the campus.", "Robbie is living in Pruitt Hall."],
         [{"Robert M. Quennell Jr.", "Robbie Quennell"}, {"Robbie Quennell"}]),
        ("a founder's possessive with its noun left out is his plant",
         ["Elmer Quennell opened the plant in 1905.",
          "My father worked at Quennell's since 1931, and his brother at Quennell's after the war.",
          "Quennell died in 1931.", "We went to Quennell's funeral."],
         [{"Elmer Quennell"}, set(), {"Elmer Quennell"}, {"Elmer Quennell"}]),
        ("a body named after a virtue is not the man of that surname",
         ["Mr. J. Hope conducted the choir.",
          "A Band of Hope has been formed for the children, in the hope of keeping them from drink.",
          "We hope for fine weather, and hope the tea will pay its way.", "Mr. Hope thanked the ladies.",
          "The Duke of Hope came later."],
         [{"J. Hope"}, set(), set(), {"J. Hope"}, {"J. Hope"}]),
        ("...also where the corpus never writes the word in lower case, English does",
         ["Mr. J. Hope conducted the choir.", "A Band of Hope was formed for the children.",
          "Mr. Hope thanked the ladies."],
         [{"J. Hope"}, set(), {"J. Hope"}]),
        ("a town's or a street's name after its noun, in capitals or in lower case, is no one",
         ["Thomas J. Quennell, 27, Marlow, and Carol Voss, 21, Marlow.",
          "Frank Voss, to City of Quennell, strip for widening of Quennell avenue, $1.",
          "The sheriff of Quennell county came down Voss road."],
         [{"Thomas J. Quennell", "Carol Voss"}, {"Frank Voss"}, set()]),
        ("a surname with its particle is the longer name it ends",
         ["M. Ardenne de Varenza explored the river in 1880.",
          "M. de Varenza could go no further, and M. de Varenza turned back.",
          "The explorations of M. de Varenza were praised."],
         [{"Ardenne de Varenza"}] * 3),
        ("a word a clerk cut short before a full stop is a title or a month, no one",
         ["Minutes of Tuesday Decr. 15th: Mr. T. Varenza, Hon. Sec., in the chair.",
          "From Sergt. Quennell, France.", "Letter read from Mr. Varenza (Sec.).",
          "It is discussed by counsel, Mr. Varenza, and Mr. Doar."],
         [{"T. Varenza"}, set(), {"T. Varenza"}, {"T. Varenza", "Doar"}]),
        ("an elected title before a full name",
         ["Mayor-elect Lorena Varenza celebrates with her husband, Raul Varenza.",
          "Varenza won by nine points."],
         [{"Lorena Varenza", "Raul Varenza"}, {"Lorena Varenza"}]),
    ],
)
def test_which_of_a_family_a_bare_surname_means(kind: str, texts: list[str], expected: list[set[str]]) -> None:
    assert names_by_paragraph(texts, "2004-08-22") == expected, kind


def test_a_title_says_a_name_of_myth_is_somebody_real() -> None:
    # A peer or a union brother may bear a god's name; the title says a living person.
    texts = ["Lord Adonis announced the new timetable.", "Later Lord Adonis said the line would be sold.",
             "Brother Wayland wrote to the branch."]
    found = all_values([("a", texts)])
    assert {"Adonis", "Wayland"} <= {name.split()[-1] for name in found}


_JULES = [("a", ["Jules Dunkelberg addressed the assembly.", "Jules Dunkelberg spoke again."], 1871),
          ("b", ["Jules Dunkelberg wrote to the paper."], 1900)]


@pytest.mark.parametrize(
    ("kind", "later", "title", "meant"),
    [
        ("another bearer named a few years later may have held the title then too",
         "John Dunkelberg", "Dr.", None),
        ("a title of one sex: a woman named later is no rival of 'Mr.'",
         "Johanna Dunkelberg", "Mr.", "Jules Dunkelberg"),
    ],
)
def test_a_titled_surname_and_a_namesake_named_soon_after(kind: str, later: str, title: str,
                                                          meant: str | None) -> None:
    corpus = _JULES + [("c", [f"{later} reported to the board.", f"{later} resigned."], 1881),
                       ("d", [f"{title} Dunkelberg reported on the sanitary state of the workers."], 1867)]
    found = values(corpus)[-1]
    assert found & {"Jules Dunkelberg", later} == ({meant} if meant else set()), kind


def test_people_named_by_initials_are_namesakes_of_a_listed_surname() -> None:
    # "P. Varenza" and "E. Varenza" are two people: a bare "Varenza" in a list of councillors
    # is either, not a person of one name beside them.
    corpus = [("a", ["P. Varenza was elected auditor.", "P. Varenza audited the books."], 1897),
              ("b", ["E. Varenza scored twice.", "E. Varenza was elected."], 1949),
              ("c", ["Present: Mayor Quill; Couns. Halloran, Dorsey, Varenza and Morozzi."], 1912)]
    assert "Varenza" not in values(corpus)[-1]


def test_a_lecture_named_after_the_founder_is_no_mention_of_him() -> None:
    texts = ["Josiah Quennell founded the union in 1898.", "Quennell died in 1927.",
             "She gave the Quennell Memorial Lecture this year.", "The Quennell Memorial Hall was full."]
    assert names_by_paragraph(texts, "2009-05-01") == [{"Josiah Quennell"}, {"Josiah Quennell"}, set(), set()]


def test_a_town_named_after_a_family_where_a_paper_gives_someone_s_home() -> None:
    """Court news and licences write where people live after their names and ages: the town
    there is no mention of the family it is named after."""
    texts = ["Tom Quennell was a witness at the trial.",
             "The fair in Quennell opened; farmers drove into Quennell, and the stores in Quennell stayed open late.",
             "Rain fell in Quennell again; the road into Quennell flooded, and a bridge near Quennell failed.",
             "Court news: Marvin Tate, 44, Quennell, paid a fine.",
             "Licences: Ann Varenza of Quennell and Hank Dunkel of Quennell."]
    assert names_by_paragraph(texts, "1958-10-02") == [{"Tom Quennell"}, set(), set(), {"Marvin Tate"},
                                                        {"Ann Varenza", "Hank Dunkel"}]
    # ... also where the paper names the family by the word far more often than the town
    family = ["Tom Quennell spoke, and Ada Quennell sang; Quennell said the crop was good.",
              "On May 30, Quennell read the report to the council."] * 6 + [
              "She reminded you, Mr Dunkel, of Quennell's old joke about rain."]
    found = names_by_paragraph(family + texts, "1958-10-02")
    assert found[-2:] == [{"Marvin Tate"}, {"Ann Varenza", "Hank Dunkel"}]
    assert found[1] == {"Tom Quennell"}  # a date before a name is no age
    assert "Tom Quennell" in found[len(family) - 1]  # nor is "of" before a possessive a home


def test_a_rare_name_of_the_file_recalled_decades_after_death_is_still_the_files() -> None:
    """A small archive that names a president of the 1930s only in 2006 still means him; a
    namesake born later bears a common name (see outside_life)."""
    authority = Authority.from_dict({"person": [
        {"id": "quennell-walter", "name": "Walter D. Quennell", "born": 1882, "died": 1945}]})
    annotator = PersonAnnotator(authority)
    texts = ["From Walter Quennell's third term to the war, the county voted for him."]
    annotator.prepare([("a", texts, 2006)])
    assert [[r.id for r in refs] for refs, _ in annotator.annotate("", texts, published="2006")] == [
        ["quennell-walter"]]


def test_a_town_named_after_a_family_the_paper_names_more_often_than_the_town() -> None:
    """A weekly names its founding family by the word more often than the town it named, yet
    writes the town often enough: "in Quennell", "the Quennell schools", "a Quennell senior"
    there are the town, a titled or possessive use the family. (One writer read "in Hegel" is
    no family: see Discovery.family_town.)"""
    family = ["Mayor Quennell spoke, and Ada Quennell sang; Tom Quennell said the crop was good.",
              "Judge Quennell read the report to the council, and Mrs. Ruth Quennell poured."] * 4
    town = ["The day passed quietly in Quennell.", "Farmers drove into Quennell for the fair.",
            "The bridge north of Quennell flooded.", "Stores in Quennell stayed open late.",
            "Prices in Quennell fell.", "The mill in Quennell burned."]
    texts = ["Tom Quennell ran for mayor and won.",
             "She attended the Quennell schools and the scholarship went to a Quennell senior.",
             "Quennell residents voted on Tuesday.", "Nobody in Quennell likes the word strike.",
             "Quennell voters sent Quennell back to the statehouse."]
    found = names_by_paragraph(family + town + texts, "1968-05-02")
    assert found[len(family):len(family) + len(town)] == [set()] * len(town)
    assert found[-5:-1] == [{"Tom Quennell"}, set(), set(), set()]
    assert found[-1]  # "voters" are a man's as often as a town's: still one of the family


def test_a_town_named_after_one_founder_is_the_town_where_nobody_is_named_by_it() -> None:
    """A mill town named after the surveyor who mapped it: the corpus writes the word alone
    and as a place, hardly ever with a title or a given name; a bare use in a document that
    names nobody by it is the town, not the surveyor the corpus names in full twice."""
    founder = [("f1", ["Captain Samuel Quennell surveyed the townsite in 1871.", "He never saw it built."], 1976),
               ("f2", ["The map of Captain Samuel Quennell hangs in the library."], 1990)]
    town = [(f"t{k}", [f"She came to Quennell in 19{20 + k}.", "That was Quennell. Mud to your knees.",
                       f"We lived in Quennell until 19{40 + k}, at 41 Ferrier Street, Quennell."], 1976 + k)
            for k in range(8)]
    annotator = PersonAnnotator(Authority())
    annotator.prepare(founder + town)
    found = [[{r.name for r in refs} for refs, _ in annotator.annotate(d, texts, published=str(y))]
             for d, texts, y in founder + town]
    assert found[0] == [{"Samuel Quennell"}, set()]
    assert all(p == set() for doc in found[2:] for p in doc)




def test_a_town_named_after_its_founder_is_the_town_where_his_document_names_him_elsewhere() -> None:
    """An interview that names the surveyor once ("Captain Quennell's name on a map") goes
    on about the town: "how did you come to Quennell?" is the town, though the document
    names him; his possessive and a verb only a person takes stay his."""
    town = [(f"t{k}", [f"She came to Quennell in 19{20 + k}.", "That was Quennell. Mud to your knees.",
                       f"We lived in Quennell until 19{40 + k}, and the store in Quennell closed."], 1976 + k)
            for k in range(8)]
    interview = ("i1", ["PLACE: Dunkelberg Lodge, Quennell, Ont.",
                        "Before him there was nothing here but Captain Samuel Quennell's name on a map.",
                        "And how did you come to Quennell?", "The money for Quennell came from Montreal.",
                        "Quennell's survey was wrong by a mile.", "Quennell said the river was too shallow."], 1977)
    assert names_in_document(town, interview) == [set(), {"Samuel Quennell"}, set(), set(), {"Samuel Quennell"}, {"Samuel Quennell"}]
@pytest.mark.parametrize(("title_source", "expected"), [("file name", {"Varenza"}), ("page", {"Ada Varenza"})])
def test_a_title_made_from_the_file_name_names_nobody(title_source: str, expected: set[str]) -> None:
    """ "debate_1990_governor_ada_varenza.txt" made readable is no "Governor Ada Varenza" whom a
    "Senator Varenza" of the transcript could be; a title the page states is the page's word."""
    from indexer.models import Block, Document
    from indexer.pipeline import annotate

    doc = Document("debate_1990_governor_ada_varenza.txt", "text", "Debate 1990 Governor Ada Varenza",
                   blocks=(Block("paragraph", "MODERATOR: Senator Varenza, one minute."),
                           Block("paragraph", "SENATOR VARENZA: Thank you.")), title_source=title_source)
    names = {r.name for p in annotate(doc, PersonAnnotator(Authority())) for r in p.persons}
    assert names == expected


def test_a_bare_surname_then_a_relative_named_in_full_in_one_sentence_is_the_other() -> None:
    """ "They warned that Varenza was a radical, that Tomas Varenza was worse": the writer who
    names Tomas in full right after the bare word means someone else by it, here and further
    on in the document: the Varenza the corpus names by the surname."""
    leader = [(f"l{k}", [f"Ines Varenza spoke to the assembly in 19{60 + k}."], 1960 + k) for k in range(6)]
    debate = ("d1", ["They warned that Varenza was a radical, that Tomas Varenza was worse.",
                     "Varenza made a long speech in the square."], 1962)
    annotator = PersonAnnotator(Authority())
    annotator.prepare([*leader, debate])
    assert names_in_document(leader, debate, annotator) == [{"Ines Varenza", "Tomas Varenza"}, {"Ines Varenza"}]
    # Set beside the bare word, or after "the Varenza boy", the full name says which one it is.
    for said in ("They warned that Varenza -- Tomas Varenza -- was worse.",
                 "They warned that the Varenza boy, Tomas Varenza, was worse."):
        doc = ("d2", [said, "Varenza made a long speech in the square."], 1962)
        assert names_in_document(leader, doc, annotator) == [{"Tomas Varenza"}, {"Tomas Varenza"}], said


def test_a_note_citing_the_man_in_full_after_his_surname_is_still_he() -> None:
    """ "Varenza refers to his first letter, see Tomas Varenza, Collected Works": where the
    corpus owns the bare surname by the one named in full, the sentence is a reference to him."""
    works = [(f"w{k}", [f"Tomas Varenza wrote on religion in 19{10 + k}."], 1910 + k) for k in range(6)]
    notes = ("n1", ["Varenza refers to his first letter, see Tomas Varenza, Collected Works, volume 2.",
                    "Notes are by Varenza, except those of the editors."], 1913)
    assert names_in_document(works, notes) == [{"Tomas Varenza"}, {"Tomas Varenza"}]


def test_a_misread_surname_nobody_bears_is_the_man_the_corpus_names() -> None:
    """ "Mr. Varrnier" of a scanned page, where the corpus names Louis Varmier in full: the
    scanner's "rn" for "m", not a second person; a real name one letter off ("Hansen" beside
    "Hanson", "Mr. Vermier") is somebody else."""
    corpus = [(f"m{k}", [f"Louis Varmier was minister in 18{40 + k}.", "Ole Hanson spoke."], 1840 + k)
              for k in range(4)]
    doc = ("s1", ["Mr. Varrnier resigned the seals.", "Mr. Hansen objected, and Mr. Vermier too."], 1846)
    found = names_in_document(corpus, doc)
    assert found[0] == {"Louis Varmier"}
    assert not found[1] & {"Ole Hanson", "Louis Varmier"}


def test_a_full_name_a_scanner_misread_is_the_man_the_corpus_names() -> None:
    """ "Josiah Varrnier" and "Bruce McAIlister" of scanned pages, where the corpus names Josiah
    Varmier and Bruce Ian McAllister more often: the scanner's "rn" for "m" and capital "I" for
    "l". A real surname one shape off ("Ezra Hansen" beside "Ezra Hanson") is somebody else."""
    corpus = [(f"m{k}", [f"Josiah Varmier was minister in 18{40 + k}.", "Ezra Hanson spoke.",
                         "Bruce Ian McAllister seconded.", "Amos Quennell took the chair."], 1840 + k) for k in range(4)]
    doc = ("s1", ["Josiah Varrnier resigned the seals.", "Ezra Hansen objected.", "Bruce McAIlister wrote.",
                  "Amos Qnennell thanked him."], 1846)  # (and a "u" read as "n")
    found = names_in_document(corpus, doc)
    assert found[0] == {"Josiah Varmier"}
    assert found[1] == {"Ezra Hansen"}
    assert found[2] == {"Bruce Ian McAllister"}
    assert found[3] == {"Amos Quennell"}


def test_a_name_written_with_its_middle_name_last_is_the_family_s() -> None:
    """ "Louis Lucien" of a corpus that writes "Louis Varenza", "L. L. Varenza" and his uncle
    "Lucien Varenza": the middle name, not a surname; one person, one value."""
    corpus = [(f"c{k}", [f"Louis Varenza dissolved the assembly in 185{k}.", f"Lucien Varenza, his uncle, fled in 185{k}."],
               1850 + k) for k in range(4)] + [("c9", ["L. L. Varenza signed the decree."], 1852)]
    doc = ("d", ["Louis Lucien proclaimed the empire."], 1852)
    assert names_in_document(corpus, doc) == [{"Louis Varenza"}]


@pytest.mark.parametrize(
    "kind, texts, expected",
    [
        ("two given names alone, after the one longer name of the document they begin",
         ["Narrator: Mrs. Willie Mae Quennell (b. 1917)", "QUENNELL: You know about Cora Lee Varenza?",
          'He said, "Willie Mae, are you mixed up in this?" And Cora Lee rode the bus.'],
         [{"Willie Mae Quennell"}, {"Cora Lee Varenza"}, {"Willie Mae Quennell", "Cora Lee Varenza"}]),
        ("...before it too, as an interview's opening does",
         ["I was christened John Michael, the third John in a row.", 'Interview with John Michael ("Bluey") Dorsey.'],
         [{"John Michael Dorsey"}, {"John Michael Dorsey"}]),
        ("...not where two longer names begin with them",
         ["Mary Ann Quennell and Mary Ann Halloran were cousins.", "Mary Ann came to the door."],
         [{"Mary Ann Quennell", "Mary Ann Halloran"}, {"Mary Ann"}]),
    ],
)
def test_two_given_names_alone_are_the_longer_name_of_the_document(kind: str, texts: list[str],
                                                                    expected: list[set[str]]) -> None:
    """ "Cora Lee" and "Willie Mae" are given names without the surname the page gives them
    elsewhere: one person, one value."""
    assert names_in_document([], ("d", texts, 1993)) == expected, kind


def test_m_is_the_initial_of_the_one_bearer_the_corpus_names_else_monsieur() -> None:
    """ "M. Quill, Esq." of a lifeboat's donor list is the Matthew Quill the corpus names, not
    Amos; "M.
    Varenza" of a corpus that names only Adolphe Varenza is Monsieur Varenza, and his."""
    corpus = [("a", ["Mr. Matthew Quill of Lorton paid for the boat.", "Amos Quill was coxswain."], 1875),
              ("c", ["Matthew Quill died at Lorton."], 1890),
              ("b", ["Adolphe Varenza spoke in the Chamber."], 1871)]
    doc = ("d", ["The boat (gift of M. Quill, Esq., Lorton) was placed.", "M. Varenza replied to the deputies."], 1880)
    assert names_in_document(corpus, doc) == [{"Matthew Quill"}, {"Adolphe Varenza"}]


@pytest.mark.parametrize(
    "kind, corpus, doc, expected",
    [
        ("a byname a page says is a man's, used alone on another page",
         [("a", ["My father was Twm Post -- Thomas Varenza, the postman.", "Ernie Lamps -- Ernest Quill -- had the lamp-room."],
           1978), ("b", ['PIM, Daniel (1870-1931) ("Dan Bass") m. Ann Lorton.'], 2002)],
         ("d", ["Twm Post brought the letters.", "Ernie Lamps gave out the lamps.", "Dan Bass sang low."], 1950),
         [{"Thomas Varenza"}, {"Ernest Quill"}, {"Daniel Pim"}]),
        ("...not where two bynames of two trades are said of one full name: two men of one name, neither David Quill",
         [("a", ["Dai Bara -- David Quill, the baker.", "Dai Station -- David Quill, the stationmaster."], 1978)],
         ("d", ["Dai Bara baked the bread.", "Dai Station rang the bell."], 1950),
         [set(), set()]),
        ("...nor a name listed after another of the same initial",
         [("a", ["Present: Tom Pim, Thomas Quill, Ann Lorton."], 1978), ("b", ["Tom Pim seconded."], 1979)],
         ("d", ["Tom Pim took the chair."], 1950),
         [{"Tom Pim"}]),
        ("...and not widened by a middle name another man of the name has",
         [("a", ['QUILL, William (1866-1931) "Wil Co-op" m. Ann Lorton.', "William Henry Quill was killed in 1916."],
           2002), ("b", ["William Henry Quill enlisted."], 1915)],
         ("d", ["Wil Co-op ran the shop."], 1950),
         [{"William Quill"}]),
        ("...nor a full name the corpus prints over two generations: the byname tells its bearers apart",
         [("a", ['QUILL, John ("Jack Mary"), b. 1922, son of Mary.'], 2002), ("b", ["John Quill won the cup."], 1951),
          ("c", ["John Quill, grandson, spoke."], 2012)],
         ("d", ["Jack Mary ploughed the field."], 1960),
         [{"Jack Mary"}]),
        ("...nor a dash between two people of a list, one of a family the corpus names",
         [("a", ["Present: John Varenza -- John Quill -- and others."], 1978), ("b", ["Ann Varenza seconded."], 1979)],
         ("d", ["John Varenza took the chair."], 1950),
         [{"John Varenza"}]),
    ],
)
def test_a_byname_is_the_person_a_page_says_goes_by_it(kind: str, corpus: list, doc: tuple,
                                                        expected: list[set[str]]) -> None:
    """ "Twm Post", "Ernie Lamps", "Dan Bass": what a village calls a man instead of his
    surname, where another page says whose it is: one person, one value."""
    assert names_in_document(corpus, doc) == expected, kind


def test_two_pages_that_give_a_woman_s_names_each_way_round_still_build() -> None:
    # Each page says the other name was hers before marriage: the names point at each other,
    # and following them went round without end (a build crashed on such a corpus).
    corpus: Corpus = [("a", ["Carl Pim died on Sunday.", "He leaves his wife, the former Ann Varenza."], 1990),
                      ("b", ["Ann Varenza (Pim) is on the left.", "Ann Pim (Varenza) is on the right."], 1992),
                      ("c", ["Ann K. Varenza chaired the fair."], 1960), ("d", ["Ann O. Pim spoke."], 1965)]
    found = values(corpus)
    # (Which name came first, the pages do not agree; each of her names is still hers.)
    assert all(any(name.startswith("Ann ") for name in names) for names in found), found


def test_no_saying_of_a_corpus_sends_a_name_round_without_end() -> None:
    # Bynames, marriages, quoted nicknames and middle names written last each lead canonical()
    # from one name to another; whatever a corpus says, following them must end. Random sayings
    # among a few names of our own, seeded so that a failure can be read again.
    import random

    from indexer.discovery import Discovery

    for seed in range(300):
        rng = random.Random(seed)
        names = {f"{rng.choice(['Ann', 'Amos', 'Ada', 'Pim'])} {rng.choice(['', 'K. ', 'Pim ', 'Quill '])}"
                 f"{rng.choice(['Pim', 'Varenza', 'Quill', 'Lorton'])}" for _ in range(rng.randint(2, 9))}
        plain = {n: f"{n.split()[0]} {n.split()[-1]}" for n in names}
        fulls: dict[str, dict[str, int]] = {}
        for n in names:
            fulls.setdefault(n.split()[-1], {})[n] = rng.randint(1, 3)
        pairs = [(a, b) for a in names for b in names if a != b]
        d = Discovery(fulls=fulls,
                      formerly={plain[a]: {plain[b]: 1} for a, b in pairs if rng.random() < 0.2},
                      bynames={plain[a]: [b, b.split()[-1], b.split()[0]] for a, b in pairs if rng.random() < 0.1},
                      nicknamed={plain[a]: b for a, b in pairs if rng.random() < 0.1})
        for n in names:
            first, *_, last = n.split()
            assert isinstance(d.canonical(last, first, n), str), seed
            assert isinstance(d.canonical(last, "", f"{first[0]}. {last}"), str), seed


def paragraph_values(corpus: Corpus, doc: int) -> list[set[str]]:
    """Person names per paragraph of one document, cold."""
    annotator = PersonAnnotator(Authority())
    annotator.prepare(corpus)
    _, texts, *dated = corpus[doc]
    return [{r.name for r in refs}
            for refs, _ in annotator.annotate("", texts, published=str(dated[0]) if dated else None)]


@pytest.mark.parametrize(
    ("why", "corpus", "paragraph", "expected"),
    [
        ("a pronoun in the bare surname's sentence may be another's: reported speech",
         [("a", ["Judge Teresa Quennell heard the motion.", "Quennell ruled that he was not in custody."], 2004)],
         1, {"Teresa Quennell"}),
        ("a bare surname is not the relative brought in as somebody's: the story's subject is that somebody",
         [("a", ["The crowd cheered when Quennell arrived.", "His wife, Teresa Hollis Quennell, did not attend.",
                 "Quennell spoke for an hour."], 2004)],
         2, set()),
        ("... and the one the corpus owns the surname by, if it does",
         [("a", ["The crowd cheered when Quennell arrived.", "His wife, Teresa Hollis Quennell, did not attend.",
                 "Quennell spoke for an hour."], 2004),
          *[(f"b{k}", [f"Senator Marcus Quennell spoke in Iowa on day {k}."], 2004) for k in range(5)]],
         2, {"Marcus Quennell"}),
        ("... but a relative the story brings in before it uses the surname may be its subject",
         [("a", ["Her son, Kevin Quennell, was charged with assault.", "Quennell pleaded guilty."], 2004)],
         1, {"Kevin Quennell"}),
        ("... but a bare surname the pronoun makes hers is still the relative",
         [("a", ["His widow, Teresa Quennell, opened the garden.", "Quennell said she planted the roses."], 2004)],
         1, {"Teresa Quennell"}),
        ("... and one the document also names otherwise is left to the order of naming",
         [("a", ["A painting of old Otto Quennell hangs there.",
                 "His grandson Carl Quennell runs it now. Quennell cannot pay more, and the men know it."], 1954)],
         1, {"Carl Quennell"}),
        ("a pronoun narrows a titled surname of two people named here to the one it fits",
         [("a", ["We welcome the Reverend John and the Reverend Diana Quennell of the chapel.",
                 "Once Reverend Quennell was at a meeting, and he left early to go back."], 1995)],
         1, {"John Quennell"}),
        ("... but not a pronoun that is another's: the object of the sentence",
         [("a", ["Gordon Quennell ran against Teresa Varenza.", "Quennell conceded and wished her well."], 2004)],
         1, {"Gordon Quennell"}),
        ("... as is a bare surname after a title of her sex",
         [("a", ["His widow, Teresa Quennell, opened the garden.", "Mrs. Quennell planted the roses."], 2004)],
         1, {"Teresa Quennell"}),
    ],
)
def test_a_bare_surname_is_not_a_bearer_the_document_rules_out(
        why: str, corpus: Corpus, paragraph: int, expected: set[str]) -> None:
    assert paragraph_values(corpus, 0)[paragraph] == expected, why
