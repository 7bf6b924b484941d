"""The words name-finding knows: stop words by section, given names, titles and
honorifics, the tails of organisations' and places' names, and the shapes of words
that are no name ("Stalinist", "Criticism").

Input text is folded (:func:`indexer.folding.fold_in_place`), so these are plain ASCII
where possible.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from wordfreq import zipf_frequency

from indexer.folding import fold_in_place


@cache
def _sections(filename: str) -> dict[str, frozenset[str]]:
    """Word-list sections keyed by the first word of their "# header" line."""
    from indexer.folding import fold_in_place

    text = resources.files("indexer.data").joinpath(filename).read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    current = out.setdefault("", set())
    for line in text.splitlines():
        if line.startswith("# "):
            current = out.setdefault(line[2:].split()[0].strip(":,").lower(), set())
        elif not line.startswith("#"):
            current.update(fold_in_place(w.replace("_", " ")) for w in line.split())
    return {k: frozenset(v) for k, v in out.items()}



@cache
def imaginary_beings() -> frozenset[str]:
    """Words WordNet knows only as gods, beings of myth or characters of fiction
    ("Agamemnon", "Moloch"): see ``data/imaginary_beings.txt``."""
    return frozenset(fields[0] for fields in _imaginary_lines())


@cache
def placeholder_names() -> frozenset[str]:
    """Names that stand for anyone ("John Doe", "Richard Roe", "Joe Bloggs"): the lines of
    ``data/imaginary_beings.txt`` marked "anyone"."""
    return frozenset(fields[0] for fields in _imaginary_lines() if fields[-1] == "anyone")


@cache
def _imaginary_lines() -> tuple[tuple[str, ...], ...]:
    text = resources.files("indexer.data").joinpath("imaginary_beings.txt").read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#"))


STOP_SECTIONS = _sections("stop_words.txt")
STOP = frozenset().union(*STOP_SECTIONS.values())


def _given_names() -> frozenset[str]:
    """Our hand list, and the Census's given names of at least ``CENSUS_GIVEN_SHARE`` per
    cent of residents (:mod:`indexer.census`: "Desmond", "Oksana" are not in our list) that
    are no stop word (a month, a place, a title: "June", "Georgia", "King"), no town of
    GeoNames ("Savannah", "Aurora") and no common surname ("Taylor", "Jefferson", "Young"):
    for those the hand list alone decides."""
    from indexer.census import common_surname, given_name_shares
    from indexer.places import geonames_cities

    towns = {c["name"] for c in geonames_cities().values()}
    census = (n for shares in given_name_shares() for n, share in shares.items()
              if share >= CENSUS_GIVEN_SHARE and n not in STOP and n not in towns
              and not common_surname(n, GIVEN_NOT_SURNAME_RANK))
    return frozenset().union(*_sections("given_names.txt").values()) | frozenset(census)


# Titles that say a man or a woman: "Mrs. Carrasco" is not her son Luis.
TITLE_SEX = {**{t: "m" for t in "Mr Sir Lord King Emperor Prince Duke Count Baron Father Brother Herr Monsieur "
                                   "Senor Congressman Kaiser Tsar Czar Councilman Alderman Assemblyman Frere Abbe Cure Mgr Monseigneur "
                                   "Signor Signore Padre Cavaliere Commendatore".split()},
             **{t: "f" for t in "Mrs Ms Miss Madame Mme Lady Dame Queen Empress Princess Duchess Countess "
                                   "Baroness Sister Mother Matron Deaconess Headmistress Frau Congresswoman Councilwoman Alderwoman Assemblywoman Chairwoman "
                                   "Mlle Vve Soeur Signora Signorina Dottoressa".split()}}
CENSUS_GIVEN_SHARE = 0.005  # per cent of residents: about 1,900 names of each sex
GIVEN_NOT_SURNAME_RANK = 3000


def _given_abbreviations() -> dict[str, str]:
    """The abbreviated given names of old registers and letters ("Wm" -> "William")."""
    text = resources.files("indexer.data").joinpath("given_abbreviations.txt").read_text(encoding="utf-8")
    return dict(line.split() for line in text.splitlines() if line and not line.startswith("#"))


GIVEN_ABBREVIATIONS = _given_abbreviations()
# The abbreviations as a regex alternation, for those a full stop follows ("Sam'l" has none).
GIVEN_ABBREVIATION_PATTERN = "|".join(re.escape(a) for a in GIVEN_ABBREVIATIONS if "'" not in a)
GIVEN = _given_names() | frozenset(GIVEN_ABBREVIATIONS)


@cache
def given_before_initial() -> frozenset[str]:
    """The Census's given names that ``GIVEN`` leaves out for being also a common surname
    or a town ("Lyle", "Dale", "Booker", "Geneva"). Alone they say nothing; before a middle
    initial and a surname ("Lyle E. Gruber") the shape is a person's full name."""
    from indexer.census import given_name_shares

    return frozenset(n for shares in given_name_shares() for n, share in shares.items()
                     if share >= CENSUS_GIVEN_SHARE and n not in GIVEN and n not in STOP)


@cache
def given_before_surname() -> frozenset[str]:
    """Those of :func:`given_before_initial` that before a surname alone still start a full
    name ("Shirley Quennell", "Gregory Pim", "Scott Halloran"): a given name of at least
    ``SHARED_GIVEN_SHARE`` per cent of residents, not a word of every page ("Young", "Hope",
    "Van") and not one of the hundred commonest surnames unless it is a common given name
    too ("Wilson Harris", "Taylor Pim" may be two surnames)."""
    from indexer.census import common_surname, given_name_shares

    shares: dict[str, float] = {}
    for table in given_name_shares():
        for n, share in table.items():
            shares[n] = max(share, shares.get(n, 0.0))
    return frozenset(n for n in given_before_initial() if shares.get(n, 0.0) >= SHARED_GIVEN_SHARE
                     and zipf_frequency(n.lower(), "en") < SHARED_GIVEN_ZIPF
                     and (shares[n] >= COMMON_GIVEN_SHARE or not common_surname(n, 100)))


SHARED_GIVEN_SHARE = 0.02
COMMON_GIVEN_SHARE = 0.1
SHARED_GIVEN_ZIPF = 4.8


STOP_PHRASES = frozenset(w for w in STOP if " " in w)
MONTHS = STOP_SECTIONS["months"]
# Words that end an organisation or a place ("... Street", "... Party"): the run is no name.
SHOP_HEADS = STOP_SECTIONS["shops"]  # "Gallagher's Tavern"
FIRM_TAILS = STOP_SECTIONS["company"] | SHOP_HEADS  # "... Motors", "... Airlines", "... Bakery"
PROGRAMME_TAILS = STOP_SECTIONS["documents"]  # "... Initiative", "... Act", "... Plan"
TAILS = STOP_SECTIONS["institutions"] | STOP_SECTIONS["geography"] | FIRM_TAILS | PROGRAMME_TAILS
# A name before the word that ends a place's or an institution's name is the thing named
# after the person: "Martin Luther King Jr. Boulevard", "the John F. Kennedy Center", "the Amos Quill
# Prize", "the Maddox Memorial Lecture". (Not a day: "Amos Quill Tuesday said".)
THING_HEADS = (STOP_SECTIONS["geography"] - {"Age", "Ages"}) | frozenset(
    "School High Elementary Academy University College Institute Library Hospital Museum Foundation Fund "
    "Prize Award Awards Medal Fellowship Scholarship Lecture Lectures Trophy Cup Act Day Memorial Funeral Post".split())
# German and French articles ("dem", "Zum"): the capitalised words after them are nouns.
FOREIGN_ARTICLES = STOP_SECTIONS["foreign"]
# Words before a name that say "a person": honorifics, offices, ranks, nobility.
TITLES = frozenset(
    """Mr Mrs Ms Miss Dr Sir Dame Lord Lady King Queen Emperor Empress Tsar Czar Kaiser Pope
    Prince Princess Duke Duchess Count Countess Baron Baroness Marquis Marquess Viscount
    President Vice Senator Sen Congressman Congresswoman Representative Rep Governor Gov
    General Gen Colonel Col Captain Capt Lieutenant Lt Admiral Marshal Sergeant Sgt Major
    Judge Justice Chief Secretary Speaker Chairman Minister Premier Chancellor Ambassador
    Bishop Archbishop Cardinal Father Rev Reverend Rabbi Professor Prof Comrade Citizen
    Monsieur Mme Madame Herr Frau Senor Don Leader Majority Minority Deputy Prime Attorney
    Postmaster Commissioner Mayor Consul Commander Corporal Brother Sister Mother
    M Hon Honorable Apostle Prophet Officer Agent Inspector Detective Engineer Superintendent Sheriff
    Dowager Councillor Cllr Councilman Councilwoman Councilmember Alderman Alderwoman Ald
    Assemblyman Assemblywoman Chairwoman Chairperson Comptroller Magistrate Coach Pastor Imam Deacon
    Msgr Fr Maj Adm Cmdr Cpl Pvt Det Insp Supt Pres Lieut Atty Secy Treas Principal Provost
    Chaplain Coroner Constable Trustee Treasurer Canon Warden Garda Gda Taoiseach Tanaiste
    Nurse Matron Deaconess Archdeacon Vicar Curate Rector Headmaster Headmistress Revd Cr Elder Evangelist
    Coun Couns Reeve Pte Worship Mgr Monseigneur Mlle Vve Abbe Cure Frere Soeur
    Sig Signor Signore Signora Signorina Cav Cavaliere Commendatore Dott Dottore Dottoressa Avv Avvocato
    Segr Segretario Presidente Maestro Padre Monsignore Direttore Tesoriere Consigliere""".split()
)
# A grandparent named by the family's word for them ("Grandfather Quill", "Granny Pim"): the
# speaker's relative, not a person whose given name is "Grandfather".
KIN_TITLES = frozenset("Grandfather Grandpa Grandad Granddad Grandmother Grandma Granny".split())
# Titles after which a lone given name is still a person ("King William").
MONARCH_TITLES = frozenset(
    "King Queen Emperor Empress Tsar Czar Kaiser Pope Prince Princess Apostle Prophet".split()
)
# Stop words that are still fine as a surname after a given name ("George Washington",
# "William Few"), and titles, which make the next word a name even when it is a title
# itself ("Mr. King").
SURNAME_OK = STOP_SECTIONS["places"] | STOP_SECTIONS["function"] | TITLES
# Offices a speaker addresses someone by ("Mr. President", "Madam Speaker"): after an
# honorific they are no name. ("Mr. King", "Mr. Bishop" are: those titles are surnames too.)
ADDRESSED = frozenset(
    """President Vice Senator Sen Speaker Chairman Chairwoman Secretary Minister Premier Chancellor
    Ambassador Governor Gov Mayor Commissioner Justice Attorney Leader Deputy Prime Representative
    Rep Congressman Congresswoman Postmaster Consul Chief Commander Citizen Comrade Officer Agent Inspector
    Detective Engineer Superintendent Sheriff""".split()
)
# The full word of an abbreviated title: "Sen. Hillary Rodham Clinton" and "Senator Clinton"
# hold one office.
_TITLE_WORDS = {
    "Sen": "Senator", "Gov": "Governor", "Rep": "Representative", "Gen": "General", "Col": "Colonel",
    "Capt": "Captain", "Lt": "Lieutenant", "Prof": "Professor", "Rev": "Reverend", "Sgt": "Sergeant",
    "Cllr": "Councillor", "Ald": "Alderman", "Maj": "Major", "Adm": "Admiral", "Cmdr": "Commander",
    "Cpl": "Corporal", "Pvt": "Private", "Det": "Detective", "Insp": "Inspector", "Supt": "Superintendent",
    "Fr": "Father", "Msgr": "Monsignor", "Hon": "Honorable", "Pres": "President", "Lieut": "Lieutenant",
    "Atty": "Attorney", "Secy": "Secretary", "Treas": "Treasurer", "Revd": "Reverend", "Cr": "Councillor",
    "Coun": "Councillor", "Couns": "Councillor", "Pte": "Private", "Mgr": "Monsignor", "Gda": "Garda",
    # Italian, as the records of Italian societies abroad write them ("Cav. Russo", "Segr. Vella")
    "Sig": "Signor", "Cav": "Cavaliere", "Dott": "Dottore", "Avv": "Avvocato",
    "Segr": "Segretario",
}


# The abbreviated titles ("Capt", "Supt", "Lieut"): alone, never a name.
TITLE_ABBREVIATIONS = frozenset(_TITLE_WORDS)


def office_title(title: str) -> str:
    """A title's full word: "Sen." and "Senator" are one office.

    >>> office_title("Sen."), office_title("Senator"), office_title("Mr.")
    ('Senator', 'Senator', 'Mr')
    """
    word = title.rstrip(".")
    return _TITLE_WORDS.get(word, word)


def office_key(title: str) -> str:
    """An office as the words before a surname write it: the last word's full form, with
    a "Vice" before it kept ("Vice-President" and "Vice Pres." are one office, and no
    President's).

    >>> office_key("Vice-President"), office_key("Pres."), office_key("Secretary")
    ('Vice President', 'President', 'Secretary')
    """
    words = title.replace("-", " ").split()
    last = office_title(words[-1]) if words else ""
    return f"Vice {last}" if len(words) > 1 and words[-2] == "Vice" else last


# Public offices and ranks: a surname after one is of someone who held it (see
# :meth:`indexer.authority.Authority.office_holders`). Not forms of address, kinship or
# fellowship ("Comrade", "Brother"), nor church titles, which the file does not list.
OFFICES = frozenset(
    """President Senator Congressman Congresswoman Representative Governor General Colonel Captain
    Lieutenant Admiral Commodore Marshal Major Sergeant Judge Justice Secretary Speaker Chairman
    Chairwoman Minister Premier Chancellor Ambassador Mayor Consul Commander Commissioner Attorney
    Postmaster Sheriff Councillor Alderman Assemblyman Assemblywoman Professor Director""".split())


HONORIFICS = frozenset("Mr Mrs Ms Miss Dr M Mme Monsieur Herr Frau Senor".split())
# Words written with a full stop that ends no sentence: titles, and abbreviated given names
# ("Wm. Quennell" is one name).
ABBREVIATIONS = "|".join(
    ["Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Rev", "Col", "Capt", "Lt", "Gov", "Prof", "Jr", "Sr",
     "Mme", "Hon", "Sgt", "Cllr", "Ald", "Msgr", "Fr", "Maj", "Adm", "Cmdr", "Cpl", "Pvt", "Det", "Insp", "Supt",
     "Pres", "Lieut", "Atty", "Secy", "Treas", "Revd", "Cr", "Coun", "Couns", "Pte", "Mgr", "Mlle", "Vve",
     "Sig", "Cav", "Dott", "Avv", "Segr", "Gda",
     "Bro",  # "Bro. Quill" of a union's minutes (see name_runs._STOPPED_TITLES)
     GIVEN_ABBREVIATION_PATTERN])
_ABBREVIATION = re.compile(f"(?:{ABBREVIATIONS})")


def is_abbreviation(word: str) -> bool:
    """Is this word, its full stop taken off, one written abbreviated ("Revd", "Wm")?"""
    return _ABBREVIATION.fullmatch(word) is not None


ROMAN = re.compile(r"^(?:[IVX]{1,5})$")
DERIVED = re.compile(r"(?<=[a-z]{3})(?:ism|isms|ist|ists|ian|ians|ites|ese)$")
# English derivational endings of abstract nouns, adverbs and adjectives: "Criticism",
# "Exactly", "Obviously", "Prolongation", "Monument", "Political", "Equality". A capitalised
# word of this shape that is no surname (see :func:`common_shaped`) starts a sentence or
# ends the name of a thing; it never ends a person's name.
COMMON_SHAPE = re.compile(
    r"(?<=[A-Za-z][a-z]{2})(?:isms?|ians|ities|ity|tions?|sions?|ments?|ships?|ical|ously|ively|ently"
    r"|antly|ctly|ably|ibly|ially|edly|fully|ful)$"
)
# A surname table that covers every surname of this shape somebody carries ("Sessions",
# "Verity", "Loveless", "Blankenship"): the US Census's, from indexer.census.
ANY_SURNAME_RANK = 100_000


def any_surname(word: str) -> bool:
    """Is ``word`` a surname of the US Census table (its 88,799 names)?"""
    from indexer.census import common_surname

    return common_surname(word, ANY_SURNAME_RANK)


@cache
def world_given_names() -> frozenset[str]:
    """Given names of some eighty countries' people, accents folded ("Aili", "Wojciech",
    "Philomene"), from Faker's person tables (MIT): evidence that a lone word can be
    somebody's name, too wide to find full names by ("Will", "Grant" and "Hope" are in it).

    >>> "Wojciech" in world_given_names(), "Tahiti" in world_given_names()
    (True, False)
    """
    import importlib
    import pkgutil

    import faker.providers.person as tables

    names: set[str] = set()
    for module in pkgutil.iter_modules(tables.__path__):
        provider = importlib.import_module(f"{tables.__name__}.{module.name}").Provider
        for table in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            found = provider.__dict__.get(table)  # (a locale may build its table in a property)
            if isinstance(found, (dict, list, tuple, set, frozenset)):
                names.update(fold_in_place(n) for n in found)
    return frozenset(names)


def known_given_name(word: str) -> bool:
    """Is ``word`` a given name in any table we read: our list, the US Census's, Faker's?"""
    from indexer.census import given_name_shares

    return word in GIVEN or any(word in shares for shares in given_name_shares()) or word in world_given_names()


def _plural(title: str) -> str:
    if title.endswith("man"):
        return title[:-3] + "men"
    if title.endswith("y") and title[-2:-1] not in "aeiou":
        return title[:-1] + "ies"
    return title + "es" if title.endswith(("s", "sh", "ch", "x")) else title + "s"


# "the two Premiers Voss", "Senators Quill and Varenza": a title in the plural is no one's
# name, nor part of one (unless the census knows it as a surname: "Majors", "Counts").
PLURAL_TITLES = frozenset(p for p in (_plural(t) for t in TITLES
                                          if len(t) > 3 and t.isalpha() and t[0].isupper() and t not in _TITLE_WORDS)
                          if not any_surname(p))
STOP = STOP | PLURAL_TITLES


def common_shaped(word: str) -> bool:
    """Is ``word`` shaped like a common English word and no known surname?

    >>> common_shaped("Criticism"), common_shaped("Exactly"), common_shaped("Sessions"), common_shaped("Hegel")
    (True, True, False, False)
    """
    return bool(COMMON_SHAPE.search(word)) and word not in GIVEN and not any_surname(word)


def personlike(word: str) -> bool:
    """Could this lone word be a surname at all? Not a stop word, not a derived word.

    >>> personlike("Robespierre"), personlike("Stalinist"), personlike("Paris")
    (True, False, False)
    """
    return (
        len(word) > 2
        and word not in STOP
        and not DERIVED.search(word)
        and not word.isupper()
    )


# A determiner before a lone name and, after it, a lowercase noun naming a thing that is
# named after someone: "the Brady bill", "the Marshall plan", "a Ford truck". (Not every
# noun: "the Ford administration", "the Proudhon school" are about the man.)
EPONYM_HEADS = frozenset(
    """bill bills act acts law laws plan plans amendment amendments tariff tariffs treaty treaties pact line
    rule rules clause compromise agreement accord accords doctrine committee committees commission
    commissions hearings report
    prize prizes award awards medal medals trophy cup fellowship fellowships scholarship scholarships grant
    grants memorial monument statue library museum building bridge dam highway tunnel airport stadium
    truck trucks car cars automobile automobiles tractor tractors plant plants factory rifle rifles gun guns
    carbine pistol revolver engine engines tank tanks vehicle vehicles bomber bombers""".split()
)
# Of those, the bodies, honours and buildings named for someone that are no act or word of
# theirs (a doctrine, a plan, a bill or a report often is).
NAMED_FOR_HEADS = frozenset(
    """committee committees commission commissions hearings prize prizes award awards medal medals trophy
    cup fellowship fellowships scholarship scholarships grant grants memorial monument statue library museum
    building bridge dam highway tunnel airport stadium""".split()
)
# A family, its members together and what it holds: "the Quennell family", "the old Quennell
# kitchen", "the Quennell quarter" are no one of them.
FAMILY_HEADS = frozenset(
    """family families clan household kin children kids boys girls brothers sisters sons daughters cousins
    heirs reunion reunions farm farms farmstead homestead ranch place home house residence kitchen quarter
    land lands property estate plot graves vault orchard barn""".split()
)
# An institution or a place named after someone, its noun in lower case: "the Quennell camp",
# "the Quennell homes" are no one. (In capitals they end a name: see TAILS.) A school only after
# an adjective ("the new Quennell school"): "the Proudhon school" is his followers.
INSTITUTION_HEADS = frozenset(
    """academy college seminary hospital clinic sanatorium infirmary church chapel hall park
    playground pool gym gymnasium camp camps hotel mill mills store company homes project projects courts
    apartments""".split()
)
SCHOOL_HEADS = frozenset({"school", "schools"})
# The last word of a thing named after someone, in one run with the name: "the first Cora Lee
# Quill Award", "Raymond T. Quill Armory", "THE CAPT. HAROLD QUILL GIFT", or of a paper named after
# a town or a body ("the Lia Bulletin", "the Corran Daily Sentinel"). Hardly a family bears these
# words (unlike "Hall", "Park", "High" or "Herald"), so the run names the thing, not the person.
NAMED_THING_ENDS = frozenset(
    """Award Awards Prize Prizes Medal Medals Trophy Trophies Cup Fellowship Fellowships Scholarship
    Scholarships Lecture Lectures Lectureship Professorship Bequest Endowment Gift Armory Armoury Library
    Museum Hospital Infirmary Sanatorium
    Bulletin Gazette Chronicle Tribune Sentinel Newsletter Advertiser Dispatch Clarion Gleaner Intelligencer
    Enquirer Observer Telegraph Argus Beacon Monitor""".split()
)
EPONYM_HEADS |= FAMILY_HEADS | INSTITUTION_HEADS
# Lowercase function words: "Quennell-he" is a name and a dash before "he".
FUNCTION_LOWER = frozenset(w.lower() for w in STOP_SECTIONS["function"])
# A ship's prefix before its name ("U. S. S. Nashville", "H. M. S. Quennell").
SHIP_PREFIXES = frozenset("U.S.S H.M.S USS HMS MV RMS HMCS HMAS HMNZS HMT".split())
# Merchant and fishing prefixes that are also two initials: a ship's only written as one word
# ("S.S. Clydesdale", "M.D. Brighter Dawn"; "S. S. McClure" is a man).
GLUED_SHIP_PREFIXES = frozenset("S.S M.V R.M.S M.D P.S S.Y M.Y S.T T.S F.V".split())
# Titles that are adjectives after a determiner: "the General Revenue Sharing program",
# "the Chief Signal Officer"; a person is "General Hake", not "the General Hake".
ADJECTIVE_TITLES = frozenset("General Chief Major Private Vice Deputy Prime Majority Minority Grand".split())
# Auxiliaries that open a question and are given names too ("Will", "May").
AUXILIARIES = frozenset(
    "Will May Can Could Should Would Must Shall Did Does Do Is Was Has Have Had Are Were".split()
)
# Verbs of headlines and captions glued to a name in title case: "John Smith Wins Award".
HEADLINE_VERBS = frozenset(
    """Says Said Tells Told Wins Won Loses Lost Dies Died Quits Resigns Resigned Visits Visited Meets Met
    Calls Called Urges Urged Warns Warned Vows Vowed Seeks Faces Faced Signs Signed Backs Rejects Rejected
    Denies Denied Admits Admitted Leaves Joins Joined Takes Took Gets Named Elected Killed Arrested Dead
    Sues Sued Slams Blasts Defends Attacks Wants Plans Announces Announced Speaks Spoke Returns Returned
    Honored Honoured Accused Charged Jailed Freed Released Nominated Appointed Fired Ousted Steps Stepped
    Closes Close Opens Buys Sells Cuts Asks Asked Claims Praises Criticizes Condemns Welcomes Ends Begins
    Remembered Recalls Writes Wrote Answers Replies Testifies Testified Confirms Confirmed
    Posted Updated Published Filed Submitted Edited Gone Buried Wed Weds Married Retires Retired Missing Injured
    Wounded Mourned Ordained Knighted Crowned Promoted Voted Served Moved Seconded""".split()
)
# A street's word abbreviated after its name ("126 Vivian St, Wellington", "Cuba Rd"): no surname.
STREET_ABBREVIATIONS = frozenset("St Rd Ave Tce Pde Cres Blvd Hwy Pl Sq".split())
# Before a given name, a saint's title names the saint or a thing named after one ("St John
# Ambulance"), not a person of the archive. (Not "San" and "Santa": "Santa Anna" is a general. A
# lone word after any saint's title, "Santa" too, is told in indexer.names: "the St. John".)
SAINT_TITLES = frozenset("St Ste Saint Sainte".split())


# Everyday means written at least once in a million words of English (a Zipf frequency of 3):
# the dictionary's rarer headwords ("danton", "shafter") are more often somebody's name than
# the word. Two letters are too often a surname written in Latin letters ("Xi", "Hu") for the
# dictionary to say anything.
EVERYDAY_ZIPF = 3.0
# A word written at least thirty times in a million ("black", "young", "ward", "bush") is read as
# the word far more often than as any family's name, whatever the census says of the surname.
PLAIN_WORD_ZIPF = 4.5


def past_tense(word: str) -> bool:
    """Is the word a dictionary verb's past tense ("Whitewashed", "Defeated"; of six letters or
    more): a headline's verb after a name, not a surname?

    >>> past_tense("Whitewashed"), past_tense("Reed"), past_tense("Quennell")
    (True, False, False)
    """
    lower = word.lower()
    return lower.endswith("ed") and len(lower) > 5 and (lower[:-2] in _dictionary_words()
                                                          or lower[:-1] in _dictionary_words())


@cache
def _dictionary_words() -> frozenset[str]:
    # Webster's Second (1934), as the english-words package ships it: the headwords keep their
    # capitals, so "folder" and "strike" are there in lower case and "Eisenhower" is not.
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())


@cache
def everyday_word(word: str) -> bool:
    """Is the word, in lower case, an everyday word of English: a lower-case headword of the
    dictionary written at least once in a million words? "Hope" and "Folder" are; "Danton"
    (a rare headword) and "Eisenhower" are not.

    >>> [everyday_word(w) for w in ("Hope", "Folder", "Danton", "Eisenhower", "Xi")]
    [True, True, False, False, False]
    """
    lower = word.lower()
    return len(word) > 2 and lower in _dictionary_words() and zipf_frequency(lower, "en") >= EVERYDAY_ZIPF


@cache
def plain_word(word: str) -> bool:
    """Is the word, in lower case, one of the commonest words of English (see
    :data:`PLAIN_WORD_ZIPF`), a family's name or not? "Black", "Young" and "Ward" are;
    "Hull", "Crook" and "Eisenhower" are not.

    >>> [plain_word(w) for w in ("Black", "Young", "Ward", "Hull", "Crook", "Eisenhower")]
    [True, True, False, False, False, False]
    """
    return everyday_word(word) and zipf_frequency(word.lower(), "en") >= PLAIN_WORD_ZIPF
