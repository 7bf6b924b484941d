"""One run of capitalised words: the names it holds, and what kind of name each is.

A run is what :data:`RUN` finds in folded text: capitalised words, initials and
name particles in a row ("Then Senator Dirksen", "Harry S. Truman", "Nelson
Mandela\\nDesmond Tutu"). :func:`classified` narrows it to the names in it; the
words around the run are :mod:`indexer.names`'s business.

>>> [(c.kind, c.name, c.title) for c in classified("Then Senator Dirksen", True, False)]
[('titled', 'Dirksen', 'Senator')]
>>> [(c.kind, c.name, c.surname) for c in classified("Nelson Mandela Desmond Tutu", False, False)]
[('full', 'Nelson Mandela', 'Mandela'), ('full', 'Desmond Tutu', 'Tutu')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from indexer.census import given_name_sex
from indexer.name_words import (
    ABBREVIATIONS,
    ADDRESSED,
    ADJECTIVE_TITLES,
    FOREIGN_ARTICLES,
    FUNCTION_LOWER,
    GIVEN,
    GIVEN_ABBREVIATIONS,
    GLUED_SHIP_PREFIXES,
    HEADLINE_VERBS,
    HONORIFICS,
    MONARCH_TITLES,
    MONTHS,
    NAMED_THING_ENDS,
    ROMAN,
    SAINT_TITLES,
    SHIP_PREFIXES,
    STREET_ABBREVIATIONS,
    TITLE_ABBREVIATIONS,
    STOP,
    STOP_PHRASES,
    STOP_SECTIONS,
    SURNAME_OK,
    TAILS,
    THING_HEADS,
    TITLES,
    any_surname,
    given_before_initial,
    given_before_surname,
    common_shaped,
    everyday_word,
    personlike,
    past_tense,
)
from indexer.personhood import common_noun
from indexer.places import place_names
from indexer.rulers import numbered

Kind = Literal["full", "titled", "single", "given", "pair"]

# Space within a line: a name never runs on over a line break (a list printed an entry a
# line keeps its breaks, see readers.text).
_SPACE = r"[^\S\n]"

_TOKEN = rf"(?:(?:{ABBREVIATIONS})\.|al-[A-Z][a-z]+|[A-Z]\.(?:{_SPACE}?[A-Z]\.)*|[A-Z]'[A-Z][a-z]+|[A-Z][A-Za-z]*[a-z](?:-[A-Za-z]+|'(?!s\b)[A-Za-z]+)*)"
PARTICLE = r"(?:de|von|van|der|den|du|da|di|del|della|la|le|y|bin|ibn|al-)"
# The Irish particles written apart, as the language writes them and the accents folded
# ("Ruairi O Dalaigh", "Maire Ni Bhriain"): inside a name only, before its surname.
_GAELIC_PARTICLES = ("O", "Ni", "Nic", "Ui", "Mhic")
_GAELIC = "(?:%s)" % "|".join(_GAELIC_PARTICLES)
_GAELIC_PARTICLE = re.compile(_GAELIC)
# ...of which the ones that start a surname of their own; "Ui" and "Mhic" follow a noun too ("Pairc Ui
# Chathasaigh", a park named after a family).
_GAELIC_WORD = re.compile(r"O|Ni|Nic")
# An Irish surname's spelling: a lenited consonant or a pair of vowels of the language's spelling
# ("Dalaigh", "Suilleabhain", "Aodha", "Neill"); "Lantern", "Shanter", "Zion" have none.
_GAELIC_SPELLING = re.compile(r"[bdmgcft]h|ai|ea|ui|ao|ei|ua|oi")
RUN = re.compile(
    rf"(?=[A-Z]|al-)(?<![\w'])(?<![\w']-){_TOKEN}(?:(?:{_SPACE}+|{_SPACE}*,{_SPACE}*(?=Jr\.|Sr\.))(?:(?:{PARTICLE}|{_GAELIC}){_SPACE}+)?(?:{_TOKEN}|[IVX]{{1,5}}\b))*"
)
_PIECE = re.compile(rf"{_TOKEN}|[IVX]{{1,5}}\b|(?:{PARTICLE}|{_GAELIC})(?=\s)")
PARTICLE_WORD = re.compile(rf"^{PARTICLE}$")
# Titles only where written cut short with their stop: "Bro. Quill" of a union's or a burial
# society's minutes is Brother Quill, but "Ysgol Bro Dinefwr" is a Welsh school ("bro": a vale).
_STOPPED_TITLES = {"Bro.": "Brother"}
_DASHED = re.compile(r"(?<=[a-z])-([A-Z][a-z]+)(?=\s)")
_AFTER_DASH = TAILS | TITLES | STOP_SECTIONS["function"]
_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}")
# The particles that begin a surname written with a capital ("Te Rangi", "Van Dyke", "De Luca").
SURNAME_PARTICLES = frozenset("Te Van Von De Du Di Da La Le Del Della Ten Ter".split()) | frozenset(_GAELIC_PARTICLES)
_ELECT = re.compile(r"-(?:elect|designate)$", re.I)
# A given name's initials: "J." or "J. R." (its word "J.R"); a country's or the post's are
# not one ("U.S. Steel", "U.K. Treasury", "P.O. Box 212").
_INITIALS = re.compile(r"[A-Z](?:\.?[A-Z]){0,2}")
_GLUED_INITIAL = re.compile(r"\b([A-Z])\.(?=[A-Z])")
_NO_GIVEN_INITIALS = frozenset({"U.S", "U.S.A", "U.K", "U.N", "E.U", "D.C", "U.S.S.R", "P.O", "R.F.D", "R.R"})


@dataclass(frozen=True)
class Candidate:
    """A name-shaped span: ``name`` without titles, ``surname`` its last proper word.

    ``kind`` is "full" (given name or initials + surname, or a regnal name such
    as "James II"), "titled" ("Senator Dirksen"), "given" (a lone given name,
    which only counts when the document names someone by it), "single" (a
    lone capitalised word: a surname if evidence says so), or "pair" (two
    capitalised words of which the first is no given name we know: a person
    only when the document names someone with the second as surname).
    """

    start: int
    end: int
    kind: Kind
    name: str
    surname: str
    given: str = ""
    initial: bool = False  # starts a sentence: weak evidence
    title: str = ""
    nick: str = ""  # the name the person goes by, given in quotes: 'Michael "Mickey" Doyle'

    def moved(self, offset: int) -> Candidate:
        """The same candidate with its offsets counted from ``offset`` characters earlier."""
        return Candidate(self.start + offset, self.end + offset, self.kind, self.name, self.surname,
                         self.given, self.initial, self.title, self.nick)


# run, sentence-initial, after a number, opens a question -> its candidates, offsets from the run's start.
# Names recur (an archive names the same people on every page), and classifying a
# run was a third of the corpus-wide discovery pass.
_CLASSIFIED: dict[tuple[str, bool, bool, bool], tuple[Candidate, ...]] = {}
_CLASSIFIED_LIMIT = 200_000


def classified(run: str, initial: bool, dated: bool, asked: bool = False) -> tuple[Candidate, ...]:
    """The candidates of ``run``, with offsets from its start. ``initial``: the run starts a
    sentence; ``dated``: a number stands right before it; ``asked``: its first word is the
    auxiliary that opens a question ("Will Ford close the plant?")."""
    key = (run, initial, dated, asked)
    found = _CLASSIFIED.get(key)
    if found is None:
        if len(_CLASSIFIED) >= _CLASSIFIED_LIMIT:
            _CLASSIFIED.clear()
        found = _CLASSIFIED[key] = tuple(_split_classify(run, initial, dated, asked))
    return found


def _pieces(run: str) -> tuple[list[tuple[int, str]], list[str]]:
    """The run's tokens with their offsets, and its words: tokens without an abbreviation's
    dot ("Mr." -> "Mr", "U. S. S." -> "U.S.S")."""
    pieces = [(p.start(), p.group()) for p in _PIECE.finditer(run)]
    return pieces, [_STOPPED_TITLES.get(w) or w.rstrip(".").replace(" ", "") if w.endswith(".") else w
                    for _, w in pieces]


def _split_classify(run: str, initial: bool, dated: bool, asked: bool) -> list[Candidate]:
    """Classify each name glued into one run separately (see :func:`_glued`)."""
    if " " not in run and "\n" not in run and "\t" not in run:
        return _classify(run, initial, dated)  # one word: nothing glued (most runs)
    cut = _dash_cut(run) if "-" in run else None
    if cut is not None:
        return [*_split_classify(run[:cut], initial, dated, asked),
                *(c.moved(cut + 1) for c in _split_classify(run[cut + 1 :], False, False, False))]
    pieces, words = _pieces(run)
    if asked and len(pieces) > 1:
        pieces, words, initial, dated = pieces[1:], words[1:], False, False
    cuts = _glued(run, pieces, words)
    if not cuts and not asked:
        return _classify(run, initial, dated)
    out: list[Candidate] = []
    bounds = [0, *cuts, len(pieces)]
    for a, b in zip(bounds, bounds[1:]):
        if b <= a or words[a] in HEADLINE_VERBS or b == a + 1 and words[a] in _OFFICES_CUT_SHORT:
            continue
        offset = pieces[a][0]
        part = run[offset : pieces[b - 1][0] + len(pieces[b - 1][1])]
        out.extend(c.moved(offset) for c in _classify(part, initial and a == 0, dated and a == 0))
    return out


def _dash_cut(run: str) -> int | None:
    """ "William Quennell-Mount Quennell": where a dash (folded to a hyphen) stands between
    a name and a phrase that starts with a place's or an office's word, not inside a
    double surname; else None."""
    for d in _DASHED.finditer(run):
        if d.group(1) in _AFTER_DASH and d.group(1) not in GIVEN and " " in run[: d.start()]:
            return d.start()
    return None


def _glued(run: str, pieces: list[tuple[int, str]], words: list[str]) -> list[int]:
    """Where one run holds the end of one name and the start of another: a line break
    after a surname ("Mandela\\nTutu"), a headline verb ("Smith Wins Award"), a given
    name after a surname that starts a full name of its own ("Nelson Mandela Nelson
    Mandela", "Nelson Mandela Desmond Tutu"; not "William Jefferson Clinton")."""
    cuts: list[int] = []
    for k in range(1, len(words)):
        cuts += _cuts_at(run, pieces, words, k)
    return sorted(set(c for c in cuts if 0 < c < len(words)))


def _cuts_at(run: str, pieces: list[tuple[int, str]], words: list[str], k: int) -> tuple[int, ...]:
    """The cuts word ``k`` of a run asks for: before it, and after a headline verb."""
    before, word = words[k - 1], words[k]
    if word in HEADLINE_VERBS or word in _OFFICES_CUT_SHORT and before not in TITLES:
        return k, k + 1  # (and "Ann Ames Pres. Joe Pim Sec.": each office ends its name)
    if word in HONORIFICS and word != "M" and before not in TITLES:
        return (k,)  # "Clifford Quennell, Jr. Mr. Quennell has": a second mention
    if (before in ("Jr", "Sr") and pieces[k - 1][1].endswith(".") and not ROMAN.match(word)
            and word not in TAILS and word not in THING_HEADS):
        # "So is Stan Quennell Jr. Both say ...": a generation ends the name (not the name of
        # a thing: "Martin Luther King Jr. Day", "Quennell Jr. High School").
        return (k,)
    settled = before not in GIVEN and before not in TITLES and not pieces[k - 1][1].endswith(".")
    if settled and ("\n" in run[pieces[k - 1][0] + len(pieces[k - 1][1]) : pieces[k][0]]
                    or _starts_full_name(words, k)):
        return (k,)
    return ()


def _starts_full_name(words: list[str], k: int) -> bool:
    """Does a given name at ``k`` start a full name of its own after an earlier name?"""
    return (k >= 2 and words[k] in GIVEN and len(words) - k >= 2 and words[k + 1] not in GIVEN
            and not PARTICLE_WORD.match(words[k - 1]))


@dataclass
class _Run:
    """A run being narrowed to the name in it: its pieces (offset, token) and their
    words, whether what is left starts the sentence (``initial``) and whether a number
    stands before it (``dated``)."""

    pieces: list[tuple[int, str]]
    words: list[str]
    initial: bool
    dated: bool

    def drop_head(self, k: int) -> None:
        """The name starts ``k`` words later, so neither a sentence nor a date starts it."""
        self.pieces, self.words, self.initial, self.dated = self.pieces[k:], self.words[k:], False, False

    def keep_head(self, k: int) -> None:
        """The name ends before word ``k`` (counted from the end when negative)."""
        self.pieces, self.words = self.pieces[:k], self.words[:k]


def _dash_before_words(r: _Run) -> None:
    """ "Celestino Quennell-he said": a dash (folded to a hyphen) before the next words."""
    if len(r.words) > 1 and "-" in r.words[-1]:
        head, _, tail = r.words[-1].rpartition("-")
        if tail in FUNCTION_LOWER:
            r.pieces[-1], r.words[-1] = (r.pieces[-1][0], head), head


def _common_compound(r: _Run) -> bool:
    """ "Louis Quill Fence-viewers", "Ada Quill Vice-president": a word whose last part after a
    hyphen is lower-case, after a full name, is a common noun, a list's next heading (a name's
    parts are capitalised: "Douglas-Home", "Abd-el-Kader"). Alone ("Pound-keeper") it is no name.
    After one word it may be a romanised given name ("Mao Tse-tung", "Leung Wai-man")."""
    k = len(r.words)
    while k and "-" in r.words[k - 1] and r.words[k - 1].rpartition("-")[2][:1].islower():
        k -= 1
    if k == 0:
        return len(r.words) == 1
    if k == len(r.words) or k - _titles(r.words[:k])[1] <= 1:
        return False
    r.keep_head(k)
    return False


def _initial_glued(r: _Run) -> None:
    """ "Robert E.Lee": the initial belongs to the word glued to it, no surname is an initial.
    After a monarch's title and given name the letter is the numeral: "King George V." """
    if len(r.words) > 1 and len(r.words[-1]) == 1 and r.pieces[-1][1].endswith(".") and not _monarch_numeral(r):
        r.keep_head(-1)


def _monarch_numeral(r: _Run) -> bool:
    """Does the run end in a monarch's title, given name and numeral ("Queen Elizabeth I")?"""
    return (len(r.words) > 2 and ROMAN.match(r.words[-1]) is not None and r.words[-3] in MONARCH_TITLES
            and (r.words[-2] in GIVEN or numbered(r.words[-2])))


def _foreign_article(r: _Run) -> bool:
    """ "See Die Philosophie der Arbeit": after a German article, nouns (no name at all
    when the article comes first)."""
    if len(r.words) > 1:
        k = next((j for j, w in enumerate(r.words) if w in FOREIGN_ARTICLES), None)
        if k == 0:
            return True
        if k is not None:
            r.keep_head(k)
    return False


def _stop_phrase(r: _Run) -> bool:
    """Multi-word stop phrases ("New York") and organisation/place tails ("... Street")."""
    words = r.words
    if len(words) < 2:
        return False
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
    return any(p in STOP_PHRASES for p in pairs) or any(
        f"{p} {w}" in STOP_PHRASES for p, w in zip(pairs, words[2:]))


def _office_of_organisation(r: _Run) -> None:
    """An office named after its organisation: "Army Staff Sergeant Christopher Hake",
    "Labor Secretary Robert Reich". The name starts at the rank."""
    k = _rank_start(r.words)
    if k:
        r.drop_head(k)


def _leading_function_words(r: _Run) -> bool:
    """Leading function words are not part of a name: "Then Senator Dirksen"; a
    place's or an organisation's word there makes no name ("County Cork", "Fort Sumter")."""
    while len(r.words) > 1 and r.words[0] in STOP and r.words[0] not in TITLES and r.words[0] not in GIVEN:
        if r.words[0] in TAILS:
            return True
        # "New Zealand", "New Zealand Prime Minister Helen Clark": the function word starts
        # a place's name, which goes with it.
        multiword = place_names().multiword
        k = next((k for k in range(len(r.words), 1, -1) if " ".join(r.words[:k]) in multiword), 1)
        if k == len(r.words):
            return True
        r.drop_head(k)
    return False


# The roles a list writes after a name, as the next entry's heading ("Captain: Mr. Odell Quill
# Asst.: Mr. Curtis Ames"): abbreviated, or a notary's; and a form's labels ("Interviewer: Ann
# Quill Date: May 9"). Never a surname. (A title is one too often to cut there: "Mary Scott King".)
_LIST_ROLES = frozenset("Asst Comm Rec Corr Fin Chm Chmn Notary From".split()) | STOP_SECTIONS["labels"]
# Offices a minute book cuts short after a name ("Mrs. Halloran Sec.", "Mrs. Ames Vice-Pres."): no surname is one
# (before a name, "Pres. Lincoln", they are titles).
_OFFICES_CUT_SHORT = frozenset("Sec Secy Treas Pres Vice-Pres Supt Sec-Treas".split())


def _role_after_name(r: _Run) -> None:
    """ "Odell Quill Asst", "Ann Ames Notary Public", "Ann Ames Date": a list's role or a form's
    label after a name is the next entry's, not the surname (an office cut short, "Mrs. Ames
    Sec.", ends the name where the run is cut: see :func:`_cuts_at`)."""
    k = next((k for k in range(2, len(r.words)) if r.words[k] in _LIST_ROLES), 0)
    if k:
        r.keep_head(k)


def _street_or_saint(r: _Run) -> bool:
    """ "Vivian St", "St John Ambulance": a street, a saint or a thing named after one."""
    words = r.words
    return len(words) > 1 and (words[-1] in STREET_ABBREVIATIONS or words[0] in SAINT_TITLES and words[1] in GIVEN)


def _people_of_a_place(r: _Run) -> bool:
    """ "New Zealander", "New Yorkers": the people of a place whose name starts with a
    function word."""
    words = r.words
    if len(words) < 2 or words[0] not in STOP:
        return False
    multiword = place_names().multiword
    return any(words[1].endswith(end) and f"{words[0]} {words[1][:-len(end)]}" in multiword for end in ("ers", "er"))


def _date_month(r: _Run) -> bool:
    """ "31 August Larkin": a date, a name (a month alone after a number is no name)."""
    if r.words[0] in MONTHS and r.dated:
        if len(r.words) == 1:
            return True
        r.drop_head(1)
    return False


def _pronoun_i(r: _Run) -> None:
    """ "Jim Larkin I do not": a pronoun ("Queen Elizabeth I": a numeral)."""
    if len(r.words) > 2 and r.words[-1] == "I" and not _monarch_numeral(r):
        r.keep_head(-1)


def _ends_in_stop_word(r: _Run) -> bool:
    """A run that ends in a stop word is no name, unless that word is a surname after a
    given name ("George Washington"), a regnal number or the name after an honorific."""
    words = r.words
    honorific = words[0] in HONORIFICS and len(words) == 2
    last = words[-1]
    if len(words) > 1 and last in STOP and last not in GIVEN and not honorific and not ROMAN.match(last):
        return last in TAILS or not ((words[0] in GIVEN or _initialled_census_given(words, r.pieces))
                                     and last in SURNAME_OK
                                     or _given_after_titles(r) and last in TITLES)
    return False


def _initialled_census_given(names: list[str], pieces: list[tuple[int, str]]) -> bool:
    """A Census given name that is also a surname or a town, then middle initials and a
    surname: "Lyle E. Gruber" (``names`` without the initials' stops, ``pieces`` the words as
    written, with them)."""
    return (len(names) >= 3 and names[0] in given_before_initial() and len(names[-1]) > 1
            and all(_INITIALS.fullmatch(n) and t.endswith(".") for n, (_, t) in zip(names[1:-1], pieces[1:-1])))


def _census_given_and_surname(head: str, word: str) -> bool:
    """A Census given name that is also a surname or a town, then a word that can only be a
    surname: "Shirley Quennell", "Gregory Pim" (not "Kent County", "Hope Street": an everyday
    word; not "Young Werther", "Van Gennep": an everyday word or a surname's particle first;
    not "Dale Curtis", whose second word is such a given name too, perhaps two surnames; not
    "Guadalupe Hidalgo", a region's name, nor "Roosevelt Whitewashed", a headline's verb)."""
    return (head in given_before_surname() and personlike(word) and word not in GIVEN
            and word not in given_before_initial() and not everyday_word(word) and not past_tense(word)
            and word not in place_names().regions and word not in place_names().cities)


def _given_after_titles(r: _Run) -> bool:
    """Does a given name, or initials, start the run after its titles? Then a last word that
    is a title too is a surname: "Rufus King", "the Rev. Alfred King", "Mrs. Lula King", "Rev.
    A. D. King" (where "Vice President King" is an office and a name)."""
    _, i = _titles(r.words)
    names = r.words[i:-1]
    return bool(names) and (names[0] in GIVEN or all(
        _INITIALS.fullmatch(w) and token.endswith(".") for w, (_, token) in zip(names, r.pieces[i:-1])))


# The run is narrowed step by step, in this order; a step that returns True says that
# what is left of the run is no name.
_NARROWING: tuple[Callable[[_Run], bool | None], ...] = (
    _dash_before_words,
    _common_compound,
    _initial_glued,
    _foreign_article,
    _stop_phrase,
    _street_or_saint,
    _people_of_a_place,
    _office_of_organisation,
    _leading_function_words,
    _role_after_name,
    _date_month,
    _pronoun_i,
    _ends_in_stop_word,
)


def _classify(run: str, initial: bool, dated: bool) -> list[Candidate]:
    """The candidates of one run, with offsets from its start. ``initial``: the run
    starts a sentence; ``dated``: a number stands right before it."""
    r = _Run(*_pieces(run), initial, dated)
    if any(step(r) for step in _NARROWING):
        return []
    title, i = _titles(r.words)
    if i and r.words[i] in TITLES and title not in HONORIFICS:
        return []  # only titles: "Lord Lieutenant", "Vice President"
    return _named(r.pieces[i:], r.words[i:], title, r.initial and not title)


_GRADES = ("First", "Second", "Third")


def _titles(words: list[str]) -> tuple[str, int]:
    """The title before the name, and where the name starts: "Majority Leader Albert" ->
    ("Leader", 2); "Earl Browder" keeps "Earl" (a given name); an honorific is the last
    title ("Mr. King"); "President-elect" is "President".

    >>> _titles(["Mayor-elect", "Lorena", "Quill"]), _titles(["Earl", "Browder"])
    (('Mayor', 1), ('', 0))
    >>> _titles(["Sergeant", "First", "Class", "Amos", "Quill"])
    ('Sergeant', 3)
    """
    title = ""
    i = 0
    while i < len(words) - 1 and (words[i] in TITLES or _ELECT.sub("", words[i]) in TITLES):
        if words[i] in GIVEN and i == 0 and len(words) == 2 and words[1] not in GIVEN:
            break
        title = _ELECT.sub("", words[i])  # "Mayor-elect Lorena Castillo": the office she was elected to
        i += 1
        if i < len(words) - 2 and words[i] in _GRADES and words[i + 1] == "Class":
            i += 2  # "Sergeant First Class Townsend Williams": the rank's grade
        if title in HONORIFICS:
            break
    return title, i


def _named(rest: list[tuple[int, str]], names: list[str], title: str, initial: bool) -> list[Candidate]:
    """The candidates of a run's words after its titles."""
    if not names or names[0] in SHIP_PREFIXES or (names[0] in GLUED_SHIP_PREFIXES and " " not in rest[0][1]
                                                   and not ROMAN.match(names[-1])):  # (not "S.S. Pie XI", the Pope)
        return []  # "Officer U. S. S. Nashville": a ship
    if (len(names) > 1 or title) and common_shaped(names[-1]) or len(names) > 1 and names[-1] in NAMED_THING_ENDS:
        # "B. Criticism has been made", "at 270 C. Exactly the same": a label's letter and
        # the next sentence's first word; "Lafayette Monument", "the Cora Lee Quill Award": a
        # thing named after someone.
        return []
    # A stop word inside the name splits it; only a clean run is a name.
    given = names[0] in GIVEN or _initialled_census_given(names, rest)
    if any(_blocks(names, j, title, rest[j][1], given) for j in range(len(names))):
        if len(names) == 1 or title:
            return []
        return [c for j, (s, w) in enumerate(rest) if names[j] not in STOP
                for c in _single(s, names[j], initial and j == 0, "")]
    if len(names) == 1:
        return _single(rest[0][0], names[0], initial, title)
    return _several(rest, names, title, initial)


def _several(rest: list[tuple[int, str]], names: list[str], title: str, initial: bool) -> list[Candidate]:
    """A name of two or more words: a regnal name, a given name or initials and a
    surname, or a name after a title."""
    surname = next((w for k, w in reversed(list(enumerate(names))) if not ROMAN.match(w) and w not in ("Jr", "Sr")
                    and not _generation_word(names, k)), names[0])
    full = Candidate(rest[0][0], rest[-1][0] + len(rest[-1][1]), "full",
                     " ".join(w for _, w in rest).replace(" ,", ","), surname, "", initial, title)
    head = names[0]
    if ROMAN.match(names[-1]) and len(names) == 2 and head in GIVEN:
        # "James II"; "King George V." ends a sentence.
        return [replace(full, end=rest[-1][0] + len(names[-1]), name=f"{head} {names[-1]}", surname=head, given=head)]
    if len(names) == 2 and _SYLLABLE.fullmatch(head) and _ROMANISED_GIVEN.fullmatch(names[1]) and not common_noun(head):
        # "Leung Wai-man", "Kim Dae-jung": a Chinese or Korean name, the family name first and
        # the given name's romanised syllables joined by a hyphen; "Mr. Leung" is the same man.
        # (Not after an everyday noun: "Tonic Sol-fa" is a way of teaching singing.)
        return [replace(full, surname=head, given=names[1])]
    if _initialled_census_given(names, rest) or len(names) == 2 and _census_given_and_surname(head, names[1]):
        return [replace(full, given=head)]  # "Lyle E. Gruber", "Booker T. Washington", "Shirley Quill"
    if len(names) == 3 and _GAELIC_PARTICLE.fullmatch(rest[1][1]) and not _GAELIC_SPELLING.search(names[2]):
        return []  # "Jack O Lantern", "Tam O Shanter", "Arise O Zion": no Irish surname after the particle
    if head in GIVEN or _INITIALS.fullmatch(head) and rest[0][1].endswith(".") and head not in _NO_GIVEN_INITIALS:
        if "." in head:  # "A.W. Pettibone" is the "A. W. Pettibone" of other pages
            full = replace(full, name=_GLUED_INITIAL.sub(r"\1. ", full.name))
        if head in GIVEN_ABBREVIATIONS:
            # "Wm. Quennell" is the "William Quennell" of other pages: one name, one value.
            head = GIVEN_ABBREVIATIONS[head]
            full = replace(full, name=" ".join([head, *full.name.split()[1:]]))
            names = [head, *names[1:]]
        return _given_and_surname(full, names)
    if (len(names) == 3 and _GAELIC_WORD.fullmatch(rest[1][1]) and _NAME_WORD.fullmatch(head) and head not in STOP
            and _NAME_WORD.fullmatch(names[2]) and names[2] not in STOP and _GAELIC_SPELLING.search(names[2])):
        # "Ruairi O Dalaigh", "Nuala Ni Dhomhnaill": a given name no list knows, and an Irish surname
        # with its particle, which only a person's name has.
        return [replace(full, given=head)]
    return _after_title(full, names) if title else []


# A family name of one syllable, and a given name of two romanised syllables, the second in
# lower case ("Wai-man", "Dae-jung"; a European double name capitalises both: "Jean-Paul").
_SYLLABLE = re.compile(r"[A-Z][a-z]{1,4}")
_ROMANISED_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{1,5}")


def _generation_word(names: list[str], k: int) -> bool:
    """ "Alexander Dumas Senior": a generation spelt out after a given name and a surname
    (not "Nassau W. Senior", whose surname it is)."""
    return names[k] in ("Senior", "Junior") and k == len(names) - 1 and k >= 2 and len(names[k - 1]) > 1 and (
        names[0] in GIVEN)


def _given_and_surname(full: Candidate, names: list[str]) -> list[Candidate]:
    head = names[0]
    if full.surname in GIVEN and full.surname != head and len(names) == 2 and not full.title and head not in GIVEN:
        return []
    return [replace(full, given=head if head in GIVEN else "")]


def _after_title(full: Candidate, names: list[str]) -> list[Candidate]:
    head = names[0]
    if full.title in ADJECTIVE_TITLES and not any(w[:1].islower() or any_surname(w) for w in names):
        # "General Revenue Sharing", "Minority Business Enterprise": no word of it is a
        # given name or anybody's surname; "General Colin Powell" has one.
        return []
    if (len(names) == 2 or len(names) == 3 and len(names[1]) == 1) and _NAME_WORD.fullmatch(head) and (
            head not in STOP and full.surname not in STOP):
        # "Dr. Zsuzsa Halmi", "Father Tomasz Wierzba", "Professor Nassau W. Senior": after a
        # title, two name words (with a middle initial or not) are a given name no list knows
        # and a surname.
        return [replace(full, given=head)]
    if (len(names) == 3 and names[1] in SURNAME_PARTICLES and _NAME_WORD.fullmatch(head)
            and _NAME_WORD.fullmatch(names[2]) and head not in STOP and names[2] not in STOP):
        # "Mr Hemi Te Rangi", "Dr. Pieter Van Dyke": a given name no list knows, and a surname
        # that begins with its particle.
        return [replace(full, given=head)]
    if (len(names) == 3 and all(_NAME_WORD.fullmatch(n) and n not in STOP for n in names)
            and names[1] not in GIVEN and not given_name_sex(names[1]) and any_surname(names[1])
            and not everyday_word(names[2])):
        # "President Harjit Singh Bains": a middle word that is a family's name is one more sign
        # of a person's three names, the first one no list knows. (A given name second says the
        # first word is a title of another tongue, "Herr Doktor Conrad Schmidt"; an everyday
        # word last is what the name does, "Mr. Odell Pryor Teacher of Civics".)
        return [replace(full, given=head)]
    return [replace(full, kind="titled", initial=False)]


def _rank_start(words: list[str]) -> int:
    """Where the last title starts inside a run that does not start with a given name,
    when a name follows it ("Army Staff Sergeant Christopher Hake" -> 2); else 0."""
    if words[0] in GIVEN or len(words) < 3:
        return 0
    # After a title, a later title starts the name too: "Chief Petty Officer Kenton Stacy",
    # "Mr. Justice Moody" (the office is "Justice", the person "Moody").
    for k in range(1, len(words) - 1):
        if words[k] in GIVEN:
            return 0
        if words[k] in TITLES and words[k] not in HONORIFICS | {"M"} and words[k + 1] not in TITLES:
            return k
    return 0


def _blocks(names: list[str], j: int, title: str, token: str = "", given: bool | None = None) -> bool:
    """Does word j (written ``token``) stop ``names`` from being one person's name?
    (``given``: the first word is a given name; by default, when ``GIVEN`` has it.)"""
    given = names[0] in GIVEN if given is None else given
    w = names[j]
    if w not in STOP or w in GIVEN or (title in HONORIFICS and j == 0):
        return False
    if ROMAN.match(w) and j > 0:
        return False  # "James I"
    if 0 < j < len(names) - 1 and token.endswith(".") and len(w) == 1 and (names[j - 1] in GIVEN or given and j == 1):
        return False  # "Carl A. Gortz": a middle initial, not the article
    if j == 0 and title and len(names) > 1 and token.endswith(".") and len(w) == 1:
        return False  # "Sister A. Quill", "Rev. A. Quill": an initial after a title, not the article
    last = len(names) - 1
    while last > 1 and names[last] in ("Jr", "Sr"):
        last -= 1  # "Walter King Jr.": the surname is the last word before the generation
    if j == last and j > 0 and w in SURNAME_OK and (
            given or title and all(_INITIALS.fullmatch(n) for n in names[:j])):
        return False  # "George Washington", "Rufus King", "the Rev. A. D. King", "Walter King Jr."
    return True


def _single(start: int, word: str, initial: bool, title: str) -> list[Candidate]:
    if ROMAN.match(word) or len(word) < 2 or title in HONORIFICS and word in ADDRESSED:
        return []
    if word in GIVEN and (not title or title in MONARCH_TITLES) or title in MONARCH_TITLES and numbered(word):
        kind: Kind = "given"  # "Carl", "King William", "Pope Pius": resolved against the document's names
    else:
        kind = "titled" if title else "single"
    if (word in STOP or any(part in STOP for part in word.split("-"))) and title not in HONORIFICS:
        return []
    if not title and (word in HONORIFICS or word in TITLE_ABBREVIATIONS):
        return []  # "Miss E. (Missionary Box)", "Lowe, Capt., R.N.R.": a title alone names no one
    return [Candidate(start, start + len(word), kind, word, word, word if kind == "given" else "", initial, title)]
