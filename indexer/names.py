"""Name-shaped spans in text: runs of capitalised words, and what kind of name each is.

This is the cold-start half of person annotation: it knows nothing about any
particular person, only the shape of names. Input text must already be folded
(:func:`indexer.authority.fold`), so letters are plain ASCII where possible.

>>> [(c.kind, c.name) for c in candidates("Then Senator Dirksen met Harry S. Truman in Paris.")]
[('titled', 'Dirksen'), ('full', 'Harry S. Truman')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

Kind = Literal["full", "titled", "single", "given", "pair"]


@cache
def _sections(filename: str) -> dict[str, frozenset[str]]:
    """Word-list sections keyed by the first word of their "# header" line."""
    from indexer.authority import fold

    text = resources.files("indexer.data").joinpath(filename).read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    current = out.setdefault("", set())
    for line in text.splitlines():
        if line.startswith("# "):
            current = out.setdefault(line[2:].split()[0].strip(":,").lower(), set())
        elif not line.startswith("#"):
            current.update(fold(w.replace("_", " ")) for w in line.split())
    return {k: frozenset(v) for k, v in out.items()}


_STOP_SECTIONS = _sections("stop_words.txt")
STOP = frozenset().union(*_STOP_SECTIONS.values())


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
                                   "Senor Congressman Kaiser Tsar Czar".split()},
             **{t: "f" for t in "Mrs Ms Miss Madame Mme Lady Dame Queen Empress Princess Duchess Countess "
                                   "Baroness Sister Mother Frau Congresswoman".split()}}
CENSUS_GIVEN_SHARE = 0.005  # per cent of residents: about 1,900 names of each sex
GIVEN_NOT_SURNAME_RANK = 3000
GIVEN = _given_names()
STOP_PHRASES = frozenset(w for w in STOP if " " in w)
MONTHS = _STOP_SECTIONS["months"]
# Words that end an organisation or a place ("... Street", "... Party"): the run is no name.
FIRM_TAILS = _STOP_SECTIONS["company"]  # "... Motors", "... Airlines"
PROGRAMME_TAILS = _STOP_SECTIONS["documents"]  # "... Initiative", "... Act", "... Plan"
TAILS = _STOP_SECTIONS["institutions"] | _STOP_SECTIONS["geography"] | FIRM_TAILS | PROGRAMME_TAILS
# German and French articles ("dem", "Zum"): the capitalised words after them are nouns.
FOREIGN_ARTICLES = _STOP_SECTIONS["foreign"]
# Stop words that are still fine as a surname after a given name ("George Washington", "William Few").
SURNAME_OK = _STOP_SECTIONS["places"] | _STOP_SECTIONS["function"]
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
    Dowager""".split()
)
# Titles after which a lone given name is still a person ("King William").
MONARCH_TITLES = frozenset(
    "King Queen Emperor Empress Tsar Czar Kaiser Pope Prince Princess Apostle Prophet".split()
)
# Titles that make the next word a name even when it is a title itself ("Mr. King").
SURNAME_OK = SURNAME_OK | TITLES
# Offices a speaker addresses someone by ("Mr. President", "Madam Speaker"): after an
# honorific they are no name. ("Mr. King", "Mr. Bishop" are: those titles are surnames too.)
ADDRESSED = frozenset(
    """President Vice Senator Sen Speaker Chairman Chairwoman Secretary Minister Premier Chancellor
    Ambassador Governor Gov Mayor Commissioner Justice Attorney Leader Deputy Prime Representative
    Rep Congressman Congresswoman Postmaster Consul Chief Commander Citizen Comrade Officer Agent Inspector
    Detective Engineer Superintendent Sheriff""".split()
)
HONORIFICS = frozenset("Mr Mrs Ms Miss Dr M Mme Monsieur Herr Frau Senor".split())
ABBREVIATIONS = "Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Rev|Col|Capt|Lt|Gov|Prof|Jr|Sr|Mme|Hon|Sgt"
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


def _any_surname(word: str) -> bool:
    """Is ``word`` a surname of the US Census table (its 88,799 names)?"""
    from indexer.census import common_surname

    return common_surname(word, ANY_SURNAME_RANK)


def common_shaped(word: str) -> bool:
    """Is ``word`` shaped like a common English word and no known surname?

    >>> common_shaped("Criticism"), common_shaped("Exactly"), common_shaped("Sessions"), common_shaped("Hegel")
    (True, True, False, False)
    """
    return bool(COMMON_SHAPE.search(word)) and word not in GIVEN and not _any_surname(word)


_TOKEN = rf"(?:(?:{ABBREVIATIONS})\.|al-[A-Z][a-z]+|[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z]'[A-Z][a-z]+|[A-Z][A-Za-z]*[a-z](?:-[A-Za-z]+|'(?!s\b)[A-Za-z]+)*)"
_PARTICLE = r"(?:de|von|van|der|den|du|da|di|del|della|la|le|y|bin|ibn|al-)"
RUN = re.compile(
    rf"(?=[A-Z]|al-)(?<![\w'])(?<![\w']-){_TOKEN}(?:(?:\s+|\s*,\s*(?=Jr\.|Sr\.))(?:{_PARTICLE}\s+)?(?:{_TOKEN}|[IVX]{{1,5}}\b))*"
)
_PIECE = re.compile(rf"{_TOKEN}|[IVX]{{1,5}}\b|{_PARTICLE}(?=\s)")
# "Karl and Jenny Marx". Starting at the capital (the boundary checked behind it) lets
# the regex engine skip to capitals: half the time of a leading lookahead, the same matches.
COORDINATED = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+) and ([A-Z][a-z]+) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_SENTENCE_END = frozenset('.!?:;"“”([')


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


def candidates(text: str) -> list[Candidate]:
    """The name-shaped spans of folded ``text``, in order."""
    out: list[Candidate] = []
    # German or French articles ahead: a lowercase one anywhere, or a capitalised one seen as a run.
    foreign = _FOREIGN_HINT.search(text) is not None
    ships = "SS " in text or "MS " in text or "S. " in text  # "USS", "HMS", "U. S. S."
    firms = False  # a run names a firm ("General Motors")
    for m in RUN.finditer(text):
        run = m.group()
        if run in STOP and run not in TITLES:
            if run in FOREIGN_ARTICLES:
                foreign = True  # "Zum sozialen Frieden"
            continue  # the common case: "The", "But", "Paris"
        start = m.start()
        if ships and text.endswith(_SHIP_BEFORE, max(0, start - 9), start):
            continue  # "the USS Quennell": a ship
        if foreign and _FOREIGN_BEFORE.search(text, max(0, start - 30), start) and not (
                " " in run and run.partition(" ")[0] in GIVEN):
            # "nach dem Frieden", "Zum sozialen Frieden": a German noun. ("des Louis
            # Bonaparte": a given name and a surname are still a man.)
            continue
        if " " not in run and (text.startswith(" & ", m.end()) or text.endswith(" & ", 0, start)):
            continue  # "Castell & Rudd", "Marchetti & Sons": a firm's name, not a man's
        initial = _sentence_initial(text, start)
        # "31 August Larkin": a month after a number starts a date, not a name.
        dated = run.partition(" ")[0].rstrip(".") in MONTHS and _DATE_BEFORE.search(text, max(0, start - 4), start)
        # "Will Ford close the plant?": a question's auxiliary is no given name.
        asked = initial and run.partition(" ")[0] in AUXILIARIES and _QUESTION.match(text, m.end())
        found = _classified(run, initial, bool(dated), bool(asked))
        if not found:
            firms = firms or " " in run and run.rpartition(" ")[2] in FIRM_TAILS
            pair = None if initial else _PAIR.fullmatch(run)
            if pair and pair.group(1) not in STOP and pair.group(2) not in STOP:
                # "Gage Hake": an unknown given name, perhaps; a person only where the
                # document names somebody with that surname (see indexer.persons).
                out.append(Candidate(start, m.end(), "pair", run, pair.group(2), pair.group(1)))
            continue
        if text.startswith(_CONNECTIVES, m.end()):
            # "the Ann Quennell Foster Youth to Independence Initiative": the run starts the
            # title-cased name of a programme or a firm, which goes on after "to"/"for"/"on".
            goes_on = _PROGRAMME_AFTER.match(text, m.end())
            if goes_on and goes_on.group(1) in _PROGRAMME_ENDS:
                found = tuple(c for c in found if c.end != len(run))
        out.extend(c if not start else Candidate(c.start + start, c.end + start, c.kind, c.name,
                                                 c.surname, c.given, c.initial, c.title)
                   for c in found)
    if out:
        out = _things(text, out)
    if firms and out:
        out = _firms_listed(text, out)
    window = min(len(text), CAPITALS_WINDOW)
    if _CAPITALS.search(text, 0, window):
        out.extend(_capitalised(text, window))
        out.sort(key=lambda c: c.start)
    if " and " not in text:
        return out
    for m in COORDINATED.finditer(text):
        first, second, surname = m.groups()
        if first in GIVEN and second in GIVEN and surname not in STOP and surname not in GIVEN:
            name = f"{first} {surname}"
            out.append(Candidate(m.start(1), m.end(1), "full", name, surname, first))
    out.sort(key=lambda c: c.start)
    return out


_DATE_BEFORE = re.compile(r"\d\s*$")
_PAIR = re.compile(r"([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})")
# German and French articles (not name particles: "van der Waals", "de la Cruz") and the
# lowercase words (adjectives) between one and a capitalised word: "nach dem Frieden",
# "Zum sozialen Frieden", "les Grands Fleuves". The hint is the cheap test of a paragraph.
_FOREIGN_WORDS = (
    r"(?:[Dd](?:em|as|er|es|ie)|[Zz]u[mr]|[Vv]om|[Bb]eim|[Ii]m|[Ee]in(?:e[mnrs]?)?|[Aa]ux|[Uu]ne|[Ll]es)"
)
# (Lowercase only, and a leading literal: a fast scan of every paragraph.)
_FOREIGN_HINT = re.compile(r" (?:d(?:em|as|er|es|ie)|zu[mr]|vom|beim|im|ein(?:e[mnrs]?)?|aux|une|les) [a-zA-Z]")
_FOREIGN_BEFORE = re.compile(
    rf"(?<![\w'])(?<!van )(?<!von )(?<!de )(?<!ter )(?<!ten )(?<!zu ){_FOREIGN_WORDS}"
    rf"(?: (?!{_PARTICLE}\b|a\b|et\b|und\b|and\b)[a-z]+){{0,2}} $"
)
# A programme's or firm's title-cased name going on after a lowercase connective.
_CONNECTIVES = (" to ", " for ", " on ", " and ")
_PROGRAMME_AFTER = re.compile(r" (?:to|for|on|and) (?:[A-Z][\w'-]* ){1,4}([A-Z][\w'-]*)\b(?! [A-Z])")
_PROGRAMME_ENDS = PROGRAMME_TAILS | FIRM_TAILS
# A determiner before a lone name and, after it, a lowercase noun naming a thing that is
# named after someone: "the Brady bill", "the Marshall plan", "a Ford truck". (Not every
# noun: "the Ford administration", "the Proudhon school" are about the man.)
EPONYM_HEADS = frozenset(
    """bill bills act acts law laws plan plans amendment amendments tariff tariffs treaty treaties pact line
    rule rules clause compromise agreement accord accords
    prize prizes award awards medal medals trophy cup fellowship fellowships scholarship scholarships grant
    grants memorial monument statue library museum building bridge dam highway tunnel airport stadium
    truck trucks car cars automobile automobiles tractor tractors plant plants factory rifle rifles gun guns
    carbine pistol revolver engine engines tank tanks vehicle vehicles bomber bombers""".split()
)
_DETERMINER_BEFORE = re.compile(
    r"(?<![\w'])(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Mm]y|[Yy]our|[Tt]his) $"
)
_ARTICLE_BEFORE = re.compile(r"(?<![\w'])(?:[Tt]he|[Aa]n?) $")
_DETERMINER_ENDS = ("he ", "a ", "n ", "ur ", "ir ", "ts ", "is ", "er ", "y ")
_HEAD_AFTER = re.compile(r" ([a-z]+)(?: ([a-z]+))?\b(?!')")  # "the Bradley fighting vehicle"
# Lowercase function words: "Quennell-he" is a name and a dash before "he".
FUNCTION_LOWER = frozenset(w.lower() for w in _STOP_SECTIONS["function"])
# A ship's prefix before its name ("U. S. S. Nashville", "H. M. S. Quennell").
SHIP_PREFIXES = frozenset("U.S.S H.M.S USS HMS".split())
_SHIP_BEFORE = ("USS ", "HMS ", "U.S.S. ", "H.M.S. ", "U. S. S. ", "H. M. S. ")
# Titles that are adjectives after a determiner: "the General Revenue Sharing program",
# "the Chief Signal Officer"; a person is "General Hake", not "the General Hake".
ADJECTIVE_TITLES = frozenset("General Chief Major Private Vice Deputy Prime Majority Minority Grand".split())
# Two names joined by "and", the second with a possessive, before a thing named after both:
# "Mason and Dixon's line"-like boundaries, laws and expeditions.
_EPONYM_AFTER = re.compile(
    r"'s? (?:line|law|laws|act|bill|plan|amendment|treaty|pact|tariff|rule|compromise|agreement|expedition"
    r"|survey)\b"
)
_LIST_SEPARATOR = re.compile(r",? and |, |,? & ")


def _things(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop names used for things: a lone name between a determiner and a lowercase head
    noun ("the Brady bill"), a title after a determiner ("the General Revenue Sharing
    program"), a pair of names before a possessive eponym ("A and B's line")."""
    out: list[Candidate] = []
    for c in cands:
        if c.kind in ("single", "given") and not c.title:
            before = max(0, c.start - 7)
            if text.endswith(_DETERMINER_ENDS, before, c.start) and _DETERMINER_BEFORE.search(
                    text, before, c.start):
                head = _HEAD_AFTER.match(text, c.end)
                if head and (head.group(1) in EPONYM_HEADS or head.group(2) in EPONYM_HEADS):
                    continue
            if text.startswith("'", c.end) and _EPONYM_AFTER.match(text, c.end):
                if out and out[-1].kind in ("single", "given") and text[out[-1].end : c.start] == " and ":
                    out.pop()
                    continue
        elif c.title in ADJECTIVE_TITLES:
            # (An article, not a possessive: "our General Clark" is a man.)
            at = c.start - len(c.title) - 1
            if text[at : c.start - 1] == c.title and _ARTICLE_BEFORE.search(text, max(0, at - 4), at):
                continue
        out.append(c)
    return out


def _firms_listed(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop lone words listed with firms: in "Ford, Fiat-Chrysler, General Motors, Sprint"
    every item is a firm, as "General Motors" says."""
    # The items of a list of firms: firms' names and lone words ("Smith Inc", "Ford");
    # a full name ("MM Rubinstein, Zveno Publishers, Moscow") ends the list.
    runs = []
    for m in RUN.finditer(text):
        run = m.group()
        firm = " " in run and run.rpartition(" ")[2] in FIRM_TAILS
        if firm or not any(ch in run for ch in " \n\t"):
            runs.append((m.start(), m.end(), firm))
    lone = set()
    for f, (_, _, firm) in enumerate(runs):
        if not firm:
            continue
        lo = hi = f
        while lo > 0 and _LIST_SEPARATOR.fullmatch(text, runs[lo - 1][1], runs[lo][0]):
            lo -= 1
        while hi + 1 < len(runs) and _LIST_SEPARATOR.fullmatch(text, runs[hi][1], runs[hi + 1][0]):
            hi += 1
        if hi - lo >= 2:
            lone.update(runs[k][0] for k in range(lo, hi + 1) if not runs[k][2])
    return [c for c in cands if c.start not in lone or c.kind not in ("single", "given") or c.title]


_QUESTION = re.compile(r"[^.!?\n]*\?")
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
    Remembered Recalls Writes Wrote Answers Replies Testifies Testified Confirms Confirmed""".split()
)
# A run of two or more words in capitals: bylines and lead-ins ("MARIA LOPEZ said"). They
# open a paragraph; looking only at its start keeps the search off the cost of every
# paragraph (a scan of the whole text was a sixth of the time of finding candidates).
CAPITALS_WINDOW = 200
_CAPITALS = re.compile(r"[A-Z](?<![\w'][A-Z])[A-Z'-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][A-Z'-]+))+(?![\w'])")
# run, sentence-initial, after a number, opens a question -> its candidates, offsets from the run's start.
# Names recur (an archive names the same people on every page), and classifying a
# run was a third of the corpus-wide discovery pass.
_CLASSIFIED: dict[tuple[str, bool, bool], tuple[Candidate, ...]] = {}
_CLASSIFIED_LIMIT = 200_000


def _classified(run: str, initial: bool, dated: bool, asked: bool = False) -> tuple[Candidate, ...]:
    key = (run, initial, dated, asked)
    found = _CLASSIFIED.get(key)
    if found is None:
        if len(_CLASSIFIED) >= _CLASSIFIED_LIMIT:
            _CLASSIFIED.clear()
        found = _CLASSIFIED[key] = tuple(_split_classify(run, initial, dated, asked))
    return found


def _split_classify(run: str, initial: bool, dated: bool, asked: bool) -> list[Candidate]:
    """Classify each name glued into one run separately (see :func:`_glued`)."""
    if " " not in run and "\n" not in run and "\t" not in run:
        return _classify(run, initial, dated)  # one word: nothing glued (most runs)
    if "-" in run:
        # "William Quennell-Mount Quennell": a dash (folded to a hyphen) between a name and
        # a phrase that starts with a place's or an office's word, not a double surname.
        for d in _DASHED.finditer(run):
            if d.group(1) in _AFTER_DASH and d.group(1) not in GIVEN and " " in run[: d.start()]:
                cut = d.start()
                rest = _split_classify(run[cut + 1 :], False, False, False)
                return [*_split_classify(run[:cut], initial, dated, asked),
                        *(Candidate(c.start + cut + 1, c.end + cut + 1, c.kind, c.name, c.surname,
                                    c.given, c.initial, c.title) for c in rest)]
    pieces = [(p.start(), p.group()) for p in _PIECE.finditer(run)]
    if asked and len(pieces) > 1:
        pieces, initial, dated = pieces[1:], False, False
    words = [w.rstrip(".").replace(" ", "") if w.endswith(".") else w for _, w in pieces]
    cuts = _glued(run, pieces, words)
    if not cuts and not asked:
        return _classify(run, initial, dated)
    out: list[Candidate] = []
    bounds = [0, *cuts, len(pieces)]
    for a, b in zip(bounds, bounds[1:]):
        if b <= a or words[a] in HEADLINE_VERBS:
            continue
        offset = pieces[a][0]
        part = run[offset : pieces[b - 1][0] + len(pieces[b - 1][1])]
        out.extend(Candidate(c.start + offset, c.end + offset, c.kind, c.name, c.surname, c.given,
                             c.initial, c.title)
                   for c in _classify(part, initial and a == 0, dated and a == 0))
    return out


def _glued(run: str, pieces: list[tuple[int, str]], words: list[str]) -> list[int]:
    """Where one run holds the end of one name and the start of another: a line break
    after a surname ("Mandela\nTutu"), a headline verb ("Smith Wins Award"), a given
    name after a surname that starts a full name of its own ("Nelson Mandela Nelson
    Mandela", "Nelson Mandela Desmond Tutu"; not "William Jefferson Clinton")."""
    cuts = []
    for k in range(1, len(words)):
        before, word = words[k - 1], words[k]
        gap = run[pieces[k - 1][0] + len(pieces[k - 1][1]) : pieces[k][0]]
        settled = before not in GIVEN and before not in TITLES and not pieces[k - 1][1].endswith(".")
        if word in HEADLINE_VERBS:
            cuts += [k, k + 1]
        elif word in HONORIFICS and word != "M" and before not in TITLES:
            cuts.append(k)  # "Clifford Quennell, Jr. Mr. Quennell has": a second mention
        elif "\n" in gap and settled:
            cuts.append(k)
        elif (k >= 2 and word in GIVEN and settled and len(words) - k >= 2 and words[k + 1] not in GIVEN
              and not _PARTICLE_WORD.match(before)):
            cuts.append(k)
    return sorted(set(c for c in cuts if 0 < c < len(words)))


_PARTICLE_WORD = re.compile(rf"^{_PARTICLE}$")
_DASHED = re.compile(r"(?<=[a-z])-([A-Z][a-z]+)(?=\s)")
_AFTER_DASH = TAILS | TITLES | _STOP_SECTIONS["function"]


def _capitalised(text: str, window: int) -> list[Candidate]:
    """Full names written in capitals in the first ``window`` characters, read in title
    case ("MARIA LOPEZ" -> "Maria Lopez"). Only a given name followed by a surname
    counts: "UNITED NATIONS" is no one."""
    out = []
    for m in _CAPITALS.finditer(text, 0, window):
        if m.end() == window < len(text):
            break  # cut off by the window: perhaps half a name
        titled = _title_case(m.group())
        for c in candidates(titled):
            if c.kind == "full" and c.given:
                out.append(Candidate(c.start + m.start(), c.end + m.start(), c.kind, c.name, c.surname,
                                     c.given, c.initial, c.title))
    return out


def _title_case(caps: str) -> str:
    """ "MARIA O'NEILL-MCBRIDE" -> "Maria O'Neill-McBride" (same length, same offsets)."""
    return re.sub(r"\b(Mc)([a-z])", lambda m: m.group(1) + m.group(2).upper(), caps.title())


def _classify(run: str, initial: bool, dated: bool) -> list[Candidate]:
    """The candidates of one run, with offsets from its start. ``initial``: the run
    starts a sentence; ``dated``: a number stands right before it."""
    pieces = [(p.start(), p.group()) for p in _PIECE.finditer(run)]
    words = [w.rstrip(".").replace(" ", "") if w.endswith(".") else w for _, w in pieces]
    if len(words) > 1 and "-" in words[-1]:
        # "Celestino Quennell-he said": a dash (folded to a hyphen) before the next words.
        head, _, tail = words[-1].rpartition("-")
        if tail in FUNCTION_LOWER:
            pieces[-1], words[-1] = (pieces[-1][0], head), head
    if len(words) > 1 and len(words[-1]) == 1 and pieces[-1][1].endswith("."):
        # "Robert E.Lee": the initial belongs to the word glued to it, no surname is an initial.
        pieces, words = pieces[:-1], words[:-1]
    # Multi-word stop phrases ("New York") and organisation/place tails ("... Street").
    if len(words) > 1:
        # "See Die Philosophie der Arbeit": after a German article, nouns.
        k = next((j for j, w in enumerate(words) if w in FOREIGN_ARTICLES), None)
        if k is not None:
            if not k:
                return []
            pieces, words = pieces[:k], words[:k]
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        if any(p in STOP_PHRASES for p in pairs) or any(
            f"{p} {w}" in STOP_PHRASES for p, w in zip(pairs, words[2:])
        ):
            return []
    # An office named after its organisation: "Army Staff Sergeant Christopher Hake",
    # "Labor Secretary Robert Reich". The name starts at the rank.
    k = _rank_start(words)
    if k:
        pieces, words, initial, dated = pieces[k:], words[k:], False, False
    # Leading function words are not part of a name: "Then Senator Dirksen".
    while len(words) > 1 and words[0] in STOP and words[0] not in TITLES and words[0] not in GIVEN:
        if words[0] in TAILS:
            return []  # "County Cork", "Fort Sumter"
        pieces, words, initial, dated = pieces[1:], words[1:], False, False
    if words[0] in MONTHS and dated:
        if len(words) == 1:
            return []
        pieces, words, initial = pieces[1:], words[1:], False  # "31 August Larkin": a date, a name
    if len(words) > 2 and words[-1] == "I":
        pieces, words = pieces[:-1], words[:-1]  # "Jim Larkin I do not": a pronoun
    honorific = words[0] in HONORIFICS and len(words) == 2
    last = words[-1]
    if len(words) > 1 and last in STOP and last not in GIVEN and not honorific and not ROMAN.match(last):
        if last in TAILS or not (words[0] in GIVEN and last in SURNAME_OK):
            return []
    # Titles: "Majority Leader Albert" -> "Albert"; "Earl Browder" keeps "Earl" (a given name).
    title = ""
    i = 0
    while i < len(words) - 1 and words[i] in TITLES:
        if words[i] in GIVEN and i == 0 and len(words) == 2 and words[1] not in GIVEN:
            break
        title = words[i]
        i += 1
        if title in HONORIFICS:
            break
    if i and words[i] in TITLES and title not in HONORIFICS:
        return []  # only titles: "Lord Lieutenant", "Vice President"
    rest = pieces[i:]
    names = words[i:]
    if not names or names[0] in SHIP_PREFIXES:
        return []  # "Officer U. S. S. Nashville": a ship
    if (len(names) > 1 or title) and common_shaped(names[-1]):
        # "B. Criticism has been made", "at 270 C. Exactly the same": a label's letter and
        # the next sentence's first word; "Lafayette Monument": a thing named after someone.
        return []
    if title:
        initial = False
    first_start = rest[0][0]
    end = rest[-1][0] + len(rest[-1][1])
    # A stop word inside the name splits it; only a clean run is a name.
    if any(_blocks(names, j, title) for j in range(len(names))):
        if len(names) == 1 or title:
            return []
        return [c for j, (s, w) in enumerate(rest) if names[j] not in STOP
                for c in _single(s, names[j], initial and j == 0, "")]
    display = " ".join(w for _, w in rest).replace(" ,", ",")
    surname = next((w for w in reversed(names) if not ROMAN.match(w) and w not in ("Jr", "Sr")), names[0])
    if len(names) == 1:
        return _single(first_start, names[0], initial, title)
    if ROMAN.match(names[-1]) and len(names) == 2 and names[0] in GIVEN:
        return [Candidate(first_start, end, "full", display, names[0], names[0], initial, title)]
    head = names[0]
    if head in GIVEN or re.fullmatch(r"[A-Z]+", head) and len(head) <= 3 and rest[0][1].endswith("."):
        if surname in GIVEN and surname != head and len(names) == 2 and not title and head not in GIVEN:
            return []
        return [Candidate(first_start, end, "full", display, surname, head if head in GIVEN else "", initial, title)]
    if title in ADJECTIVE_TITLES and len(names) > 1 and not any(
            w[:1].islower() or _any_surname(w) for w in names):
        # "General Revenue Sharing", "Minority Business Enterprise": no word of it is a
        # given name or anybody's surname; "General Colin Powell" has one.
        return []
    if title and len(names) == 2 and _NAME_WORD.fullmatch(head) and head not in STOP and surname not in STOP:
        # "Dr. Zsuzsa Halmi", "Father Tomasz Wierzba": after a title, two name words are a
        # given name no list knows and a surname.
        return [Candidate(first_start, end, "full", display, surname, head, initial, title)]
    if title:
        return [Candidate(first_start, end, "titled", display, surname, "", False, title)]
    return []


_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}")


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


def _blocks(names: list[str], j: int, title: str) -> bool:
    """Does word j stop ``names`` from being one person's name?"""
    w = names[j]
    if w not in STOP or w in GIVEN or (title in HONORIFICS and j == 0):
        return False
    if ROMAN.match(w) and j > 0:
        return False  # "James I"
    if j == len(names) - 1 and j > 0 and names[0] in GIVEN and w in SURNAME_OK:
        return False  # "George Washington", "Rufus King"
    return True


def _single(start: int, word: str, initial: bool, title: str) -> list[Candidate]:
    if ROMAN.match(word) or len(word) < 2 or title in HONORIFICS and word in ADDRESSED:
        return []
    if word in GIVEN and (not title or title in MONARCH_TITLES):
        kind: Kind = "given"  # "Carl", "King William": resolved against the document's names
    else:
        kind = "titled" if title else "single"
    if (word in STOP or any(part in STOP for part in word.split("-"))) and title not in HONORIFICS:
        return []
    return [Candidate(start, start + len(word), kind, word, word, word if kind == "given" else "", initial, title)]


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" *_\t\n")
    return not before or before[-1] in _SENTENCE_END or start < 2


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
