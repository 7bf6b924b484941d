"""Name-shaped spans in text: runs of capitalised words, and what kind of name each is.

This is the cold-start half of person annotation: it knows nothing about any
particular person, only the shape of names. Input text must already be folded
(:func:`indexer.folding.fold_in_place`), so letters are plain ASCII where possible.
Each run of capitalised words is classified by :mod:`indexer.name_runs`; this
module reads the words around it (a ship's prefix, a German article, a date, a
question, a firm's ampersand, a determiner before "the Brady bill").

>>> [(c.kind, c.name) for c in candidates("Then Senator Dirksen met Harry S. Truman in Paris.")]
[('titled', 'Dirksen'), ('full', 'Harry S. Truman')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from indexer.name_runs import PARTICLE, RUN, Candidate, classified
from indexer.personhood import person_apposition
from indexer.name_words import (
    ADJECTIVE_TITLES,
    AUXILIARIES,
    EPONYM_HEADS,
    FAMILY_HEADS,
    FIRM_TAILS,
    FOREIGN_ARTICLES,
    INSTITUTION_HEADS,
    GIVEN,
    GIVEN_ABBREVIATION_PATTERN,
    MONTHS,
    NAMED_FOR_HEADS,
    PROGRAMME_TAILS,
    ROMAN,
    SCHOOL_HEADS,
    SHOP_HEADS,
    STOP,
    TAILS,
    THING_HEADS,
    any_surname,
    is_abbreviation,
    TITLES,
)
from indexer.hypocorisms import clipped, may_be_called
from indexer.census import common_surname, given_name_sex
from indexer.places import state_abbreviations

# "Karl and Jenny Marx". Starting at the capital (the boundary checked behind it) lets
# the regex engine skip to capitals: half the time of a leading lookahead, the same matches.
COORDINATED = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+) and ([A-Z][a-z]+) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
# A given name or an initial just before the first of them: that word ends a name of its own.
_NAME_WORD_BEHIND = re.compile(r"(?<![\w'’])([A-Z][a-z]+|[A-Z]\.) $")
# ...the title said again before the second: "the Reverend John and the Reverend Diana Cherry".
_COORDINATED_TITLED = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+) and (?:the )?(Reverend|Rev\.|Dr\.|Doctor|Professor|Prof\.) "
                                 r"([A-Z][a-z]+) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
# (A bullet starts an item of a list as a full stop starts a sentence: "• Will Ford bring the work back?")
_SENTENCE_END = frozenset('.!?:;"“”([•·▪■»')
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
    rf"(?: (?!{PARTICLE}\b|a\b|et\b|und\b|and\b)[a-z]+){{0,2}} $"
)
# A programme's or firm's title-cased name going on after a lowercase connective.
_CONNECTIVES = (" to ", " for ", " on ", " and ")
_PROGRAMME_AFTER = re.compile(r" (?:to|for|on|and) (?:[A-Z][\w'-]* ){1,4}([A-Z][\w'-]*)\b(?! [A-Z])")
_PROGRAMME_ENDS = PROGRAMME_TAILS | FIRM_TAILS
_DETERMINER_BEFORE = re.compile(
    r"(?<![\w'])(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Mm]y|[Yy]our|[Tt]his) $"
)
# An office "of" its department, right before a run: "Secretary of the", "Minister of".
_DEPARTMENT_BEFORE = re.compile(r"\b[A-Z][a-z]+ of (?:the )?$")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'])(?:[Tt]he|[Aa]n?) $")
# Letters after a name, written close ("M.A.", "LL.D.", "J.P."): degrees, offices and honours,
# which a name and a comma come before, and which the next field's first word follows.
_POSTNOMINAL = re.compile(r"(?:M\.A|B\.A|M\.D|D\.D|B\.D|LL\.D|LL\.B|Ph\.D|D\.Sc|M\.Sc|B\.Sc|J\.P|M\.P|Q\.C|K\.C|C\.E"
                          r"|R\.N|M\.M|M\.C|V\.C|D\.S\.O|O\.B\.E|M\.B\.E|C\.B\.E|K\.B\.E|F\.R\.S)\.(?= [A-Z])")
_INITIALLED = re.compile(r"[A-Z]\. ")
_ITEM_ENDS = re.compile(r"(?:[,;]| and | & )")
_DETERMINER_ADJECTIVE_BEFORE = re.compile(r"(?<![\w'])(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er|[Tt]his) [a-z]+ $")
_DETERMINER_ENDS = ("he ", "a ", "n ", "ur ", "ir ", "ts ", "is ", "er ", "y ")
_HEAD_AFTER = re.compile(r" ([a-z]+)(?: ([a-z]+))?\b(?!')")  # "the Bradley fighting vehicle"
SHIP_PREFIXES = ("USS ", "HMS ", "U.S.S. ", "H.M.S. ", "U. S. S. ", "H. M. S. ", "S.S. ", "M.V. ", "MV ", "R.M.S. ",
                 "RMS ", "HMCS ", "HMAS ", "HMNZS ", "HMT ")
# Two names joined by "and", the second with a possessive, before a thing named after both:
# "Mason and Dixon's line"-like boundaries, laws and expeditions.
_EPONYM_AFTER = re.compile(
    r"'s? (?:line|law|laws|act|bill|plan|amendment|treaty|pact|tariff|rule|compromise|agreement|expedition"
    r"|survey)\b"
)
_LIST_SEPARATOR = re.compile(r",? and |, |,? & ")
_NUMBER_AFTER = re.compile(r"[ \t]+\d")
_DAY_AFTER = re.compile(r"\.?[ \t]+\d{1,2}\b")
_ADDRESS_WORDS = frozenset({"Route", "Rte", "Rt", "Box", "Apt", "Apartment", "Suite"})
_QUESTION = re.compile(r"[^.!?\n]*\?")
# A run of two or more words in capitals: bylines and lead-ins ("MARIA LOPEZ said"). They
# open a paragraph; looking only at its start keeps the search off the cost of every
# paragraph (a scan of the whole text was a sixth of the time of finding candidates).
CAPITALS_WINDOW = 200
_CAPITALS = re.compile(r"[A-Z](?<![\w'][A-Z])[A-Z'-]+\.?(?:[ \t]+(?:[A-Z]\.|[A-Z][A-Z'-]+))+(?![\w'])")


def candidates(text: str) -> list[Candidate]:
    """The name-shaped spans of folded ``text``, in order."""
    scan = _Scan(text)
    for m in RUN.finditer(text):
        run = m.group()
        if run in STOP and run not in TITLES:  # the common case, "The", "But", "Paris": no call
            if run in FOREIGN_ARTICLES:
                scan.foreign = True  # "Zum sozialen Frieden"
            continue
        scan.take(m, run)
    out = scan.found
    if out:
        out = _things(text, out)
    if scan.firms and out:
        out = _firms_listed(text, out)
    out = _bracketed_after_name(text, _parenthesised(text, _nicknamed(text, _coordinated(text, _with_capitalised(
        text, out)))))
    if any(word in text for word in _MAIDEN_WORDS):
        out = _nee(text, out)
    out = _clipped_given(text, out)
    out = _generation_after(text, out)
    out = _ordinal_after(text, out)
    out = _inverted(text, out) if _TITLE_AFTER_COMMA.search(text) else out
    out = _plural_titled(text, out) if _PLURAL_TITLE.search(text) else out
    out = _initialled_entries(text, _index_entries(text, out)) if ", " in text else out
    return _outside_vessels(text, out) if out else out


def _outside_vessels(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` less those inside a boat's or a ship's name: "the life-boat AGNES AND WALTER
    QUILL" holds no Agnes and no Walter Quill. (Looked for before each name, not over the whole
    text: a search for every boat's noun in every paragraph costs more than finding the names.)"""
    out: list[Candidate] = []
    vessel_end = -1
    for c in cands:
        if c.end <= vessel_end:
            continue
        if vessel_before(text, c.start, titled=bool(c.title)):
            # ("the motor lifeboat Sir Thomas Quill", "Steam trawler Lady Rosamund": a title in the boat's name)
            vessel_end = _VESSEL_NAME_AT.match(text, c.start).end()  # type: ignore[union-attr]
            continue
        if c.kind in ("full", "single") and vessel_after(text, c.end):
            continue
        out.append(c)
    return out


# A title in the plural gives each name of the list after it the singular: "Senators
# McNamara and Hart", "Secretaries Cass and Seward"; not after a determiner ("Its
# Representatives Feuerbach, B. Bauer and Stirner", "Our Ministers").
_PLURAL_TITLES = {"Senators": "Senator", "Sens": "Senator", "Congressmen": "Congressman",
                  "Congresswomen": "Congresswoman", "Representatives": "Representative", "Reps": "Representative",
                  "Governors": "Governor", "Generals": "General", "Gens": "General", "Admirals": "Admiral",
                  "Colonels": "Colonel", "Captains": "Captain", "Judges": "Judge", "Justices": "Justice",
                  "Ministers": "Minister", "Ambassadors": "Ambassador", "Secretaries": "Secretary",
                  "Presidents": "President", "Mayors": "Mayor", "Councillors": "Councillor", "Aldermen": "Alderman",
                  "Professors": "Professor"}
# (Not "Messrs.": "Messrs. Tait", "Messrs. Horrocks and Jacson" are firms as often as men.)
# (Literal words first, the engine skipping to their first letters; the word's start and a
# determiner before it are checked after.)
_PLURAL_TITLE = re.compile(r"(" + "|".join(sorted(_PLURAL_TITLES)) + r")\.? (?=[A-Z])")


def _plural_titled(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` with the names listed right after a title in the plural titled with its
    singular (and the plural word itself no name).

    >>> t = "Greetings to Senators McNamara and Hart, Generals Quill, Varenza and Dorsey. Hart spoke."
    >>> [(c.name, c.title) for c in candidates(t)][1:]
    [('McNamara', 'Senator'), ('Hart', 'Senator'), ('Quill', 'General'), ('Varenza', 'General'), ('Dorsey', 'General'), ('Hart', '')]
    >>> [(c.name, c.title) for c in candidates("Thanks to Generals Quill, Varenza, and Dorsey.")]
    [('Quill', 'General'), ('Varenza', 'General'), ('Dorsey', 'General')]
    >>> [(c.name, c.title) for c in candidates("Against Its Representatives Quill and Varenza; Generals Dorsey.")]
    [('Quill', ''), ('Varenza', ''), ('Dorsey', '')]
    """
    plurals = [m for m in _PLURAL_TITLE.finditer(text)
               if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’"))
               and not _DETERMINER_BEFORE.search(text, max(0, m.start() - 7), m.start())]
    starts = {m.start() for m in plurals}
    out = [c for c in out if not (c.start in starts and c.kind in ("single", "given"))]
    for m in plurals:
        title = _PLURAL_TITLES[m.group(1)]
        at, listed = m.end(), []
        for j, c in enumerate(out):
            if c.start < at:
                continue
            if c.start != at or c.kind not in ("single", "given", "full") or c.title:
                break
            listed.append(j)
            join = _LIST_SEPARATOR.match(text, c.end)
            if join is None:
                break
            at = join.end()
        if len(listed) >= 2:  # one name after a plural is no list ("Generals Dorsey": a firm, a team)
            for j in listed:
                c = out[j]
                out[j] = replace(c, kind="titled", title=title) if c.kind != "full" else replace(c, title=title)
    return out


_WORD_START = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]+")
_WORD_GOES_ON = re.compile(r"[\w'’.-]")  # before a word: the word is the end of another
_SURNAME_NEXT = re.compile(r"((?: [A-Z]\.)*) ([A-Z][\w'’-]+)(?![\w'’-])")


def named_again(text: str, cands: list[Candidate], givens: dict[str, frozenset[str]],
                pattern: re.Pattern[str] | None = None) -> list[Candidate]:
    """``cands`` of folded ``text`` with the corpus's own full names found again where they stand
    without what first made them names: a given name no table lists, which the corpus wrote
    with this surname after a title or quoted as a nickname (``givens``: {"Peder": {"Morozzi"}}
    of "Dr. Peder Morozzi", {"Bull": {"Quill"}} of 'Eugene "Bull" Quill'), then "Peder Morozzi,
    the town doctor", "Bull Quill said no". Only that pair of words, so only that person.

    >>> [c.name for c in named_again("Then Peder M. Morozzi and Peder Quill came.", [], {"Peder": frozenset({"Morozzi"})})]
    ['Peder M. Morozzi']
    >>> named_again("The Peder Morozzi Hall opened.", [], {"Peder": frozenset({"Morozzi"})})
    []
    """
    if not givens:
        return cands
    added: list[Candidate] = []
    for m in (pattern or _WORD_START).finditer(text):
        surnames = givens.get(m.group())
        if not surnames or m.start() and _WORD_GOES_ON.match(text, m.start() - 1):
            continue
        rest = _SURNAME_NEXT.match(text, m.end())
        if not rest or rest.group(2) not in surnames:
            continue
        start, end = m.start(), rest.end()
        if word_after(text, end) in THING_HEADS or word_after(text, end) in TAILS or any(
                c.kind == "full" and c.start < end and start < c.end for c in cands):
            continue  # "Peder Morozzi Hall"; or found already
        added.append(Candidate(start, end, "full", f"{m.group()}{rest.group(1)} {rest.group(2)}", rest.group(2),
                               m.group(), False, "", ""))
    if not added:
        return cands
    # "the tug Peder Morozzi"; and with the names around them, "Amos Quill plays Peder Morozzi"
    merged = _things(text, sorted([c for c in cands if c.kind == "full"] + added, key=lambda c: c.start))
    added = [c for c in merged if c in added]
    kept = [c for c in cands if not any(a.start <= c.start and c.end <= a.end for a in added)]
    return sorted(kept + added, key=lambda c: c.start)


# A number written as an ordinal in figures, right before a lone word.
_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])\d+(?:st|nd|rd|th) $")
# ... or in words, opening a run of two ("the Fourth Ward", "Twelfth Battalion").
_ORDINAL_WORD = re.compile(
    r"(?:Twenty-)?(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth"
    r"|(?:Thir|Four|Fif|Six|Seven|Eigh|Nine)teenth|Twentieth) [A-Z][a-z]+$")
# A Hebrew patronymic: "Moshe ben Avraham", "Rivka bas Shmuel" name the child, the father's
# name only to say whose child. ("Ik ben Pieter Quill": a Dutch sentence's "I am"; a "ben" that
# follows a sentence's first word is one only after a given name the tables know.)
_PATRONYMIC_ENDS = (" ben ", " bas ", " bat ")
_PATRONYMIC_BEFORE = re.compile(r"(?<![\w'])([A-Z][a-z]+) (ben|bas|bat) $")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_FRENCH_PLURAL = re.compile(r"(?:^|(?<= ))(?:Les|Des) ([A-Z][a-z]+s)\b")
_ORDINAL_ENDS = ("st ", "nd ", "rd ", "th ")
_EPONYM_DISEASE = re.compile(r"['’]s (?:disease|syndrome|palsy)\b")
_POSSESSIVES = ("'s ", "’s ")
# A number in words, or a quantity, right before a name in the plural.
_COUNT_BEFORE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|any|few) $", re.I)


class _Scan:
    """One pass over the runs of a text: the candidates found so far, and what the text
    has said on the way (German or French nouns ahead, a ship's prefix, a firm)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # German or French articles ahead: a lowercase one anywhere, or a capitalised one seen as a run.
        self.foreign = _FOREIGN_HINT.search(text) is not None
        self.ships = "SS " in text or "MS " in text or "S. " in text or "V. " in text or "MV " in text or (
            "HMT " in text)  # "USS", "HMS", "U. S. S.", "S.S.", "M.V.", "HMNZS"
        self.firms = False  # a run names a firm ("General Motors")
        self.found: list[Candidate] = []

    def take(self, m: re.Match, run: str) -> None:
        """Add the candidates of the run ``m`` (no stop word), read with the words around it."""
        self.take_run(run, m.start(), m.end())

    def take_run(self, run: str, start: int, end: int) -> None:
        text = self.text
        if self.no_name_here(run, start, end):
            return
        if _NUMBER_AFTER.match(text, end) and " " in run and (cut := run.rpartition(" "))[2] in _ADDRESS_WORDS:
            # "Henry Voss Route 1", "Ann Quill Box 44": an address's numbered word ends the name
            # (a numbered thing named after someone stays a thing: "the Carl Lindqvist Post 112")
            run = cut[0].rstrip()
            end = start + len(run)
        elif (text.startswith(":", end) and run.count(" ") >= 2 and (cut := run.rpartition(" "))[2] in TITLES
              and len(last := cut[0].rsplit(" ", 1)[-1].rstrip(".")) > 1 and last not in TITLES):
            # "Vice-Chairman: Mrs Helen Voss Secretary: Mr Tipene Walker": officers run into one
            # line, the title before a colon is the next entry's label
            run = cut[0].rstrip()
            end = start + len(run)
        elif " " in run and (cut := run.rpartition(" "))[2] in MONTHS and _DAY_AFTER.match(text, end):
            # "Ada Quill Jan. 2, 1979", "Quill, Gordon A. Rep. Jan. 2": a date after the name
            run = cut[0].rstrip()
            end = start + len(run)
        initial = _sentence_initial(text, start)
        found = classified(run, initial, _dated(text, run, start), _asked(text, run, initial, end))
        if not found:
            if cut := self.department(run, start):
                # "Secretary of the Interior Ryan Zinke": the office's department, then the holder.
                self.take_run(run[cut:], start + cut, end)
            else:
                self.pair_or_firm(run, start, end, initial)
            return
        if text.startswith(_CONNECTIVES, end):
            found = _programme_cut(text, end, len(run), found)
        self.found.extend(c if not start else c.moved(start) for c in found)

    def no_name_here(self, run: str, start: int, end: int) -> bool:
        """Does what stands around the run make it a ship's, a noun's or a firm's name?"""
        text = self.text
        if self.ships and text.endswith(SHIP_PREFIXES, max(0, start - 9), start):
            return True  # "the USS Quennell": a ship
        if self.foreign and _FOREIGN_BEFORE.search(text, max(0, start - 30), start) and not (
                " " in run and run.partition(" ")[0] in GIVEN):
            # "nach dem Frieden", "Zum sozialen Frieden": a German noun. ("des Louis
            # Bonaparte": a given name and a surname are still a man.)
            return True
        # (Every run passes here: each pattern is tried only where a plain test says it may match.)
        if text.endswith(_PATRONYMIC_ENDS, 0, start) and (
                patronymic := _PATRONYMIC_BEFORE.search(text, max(0, start - 30), start)) and (
                patronymic.group(2) != "ben" or patronymic.group(1) in GIVEN
                or not _SENTENCE_START.search(text, max(0, patronymic.start() - 3), patronymic.start())):
            return True
        if run.startswith("Bro.") and text.endswith("& ", 0, start):
            return True  # "Quennell & Bro. Dry Goods": a firm, the brother its partner
        ordinal = text.endswith(_ORDINAL_ENDS, 0, start) and _ORDINAL_BEFORE.search(text, max(0, start - 8), start)
        if run.count(" ") == 1 and _ORDINAL_WORD.match(run):
            return True
        if " " not in run and (ordinal or text.startswith(_POSSESSIVES, end) and _EPONYM_DISEASE.match(text, end)):
            # "the 3rd Ward", "of the 5th Battalion": a numbered district or unit; "a long
            # struggle with Quennell's disease": an illness named after whoever described it
            return True
        if ("Les " in run or "Des " in run) and (plural := _FRENCH_PLURAL.search(run)) and not any_surname(
                plural.group(1)):
            return True  # "Les Canadiens", "Les Manuscrits de Fourier": a team, a people, a work in French
        if run.endswith("s") and len(run) > 3 and _COUNT_BEFORE.search(text, max(0, start - 12), start):
            return True  # "the two Mrs. Crumps", "three William Quills": several people, no one
        # "Castell & Rudd", "Marchetti & Sons": a firm's name, not a man's
        return " " not in run and (text.startswith(" & ", end) or text.endswith(" & ", 0, start))

    def department(self, run: str, start: int) -> int:
        """Where the name starts in a run that opens with the department of an office
        written before it ("Secretary of State Rex Tillerson", "Minister of War Henry L.
        Stimson"), else 0. Only after "of": "Fort William Henry" is a fort."""
        head, space, rest = run.partition(" ")
        if space and head in STOP and " " in rest.strip() and _DEPARTMENT_BEFORE.search(
                self.text, max(0, start - 30), start):
            return len(head) + 1
        return 0

    def pair_or_firm(self, run: str, start: int, end: int, initial: bool) -> None:
        """A run that holds no name by its shape: a firm's name, or perhaps a pair."""
        self.firms = self.firms or " " in run and run.rpartition(" ")[2] in FIRM_TAILS
        # At a sentence's start a pair is mostly a capitalised word and a name, unless an
        # apposition says a person ("Kofi Annan, the U.N. secretary general, ...").
        pair = None if initial and not person_apposition(self.text, end) else _PAIR.fullmatch(run)
        if pair and pair.group(1) not in STOP and pair.group(2) not in STOP:
            # "Gage Hake": an unknown given name, perhaps; a person only where the
            # document names somebody with that surname, or an apposition says one
            # (see indexer.resolution).
            self.found.append(Candidate(start, end, "pair", run, pair.group(2), pair.group(1)))


def _dated(text: str, run: str, start: int) -> bool:
    """ "31 August Larkin": a month after a number starts a date, not a name."""
    return run.partition(" ")[0].rstrip(".") in MONTHS and bool(_DATE_BEFORE.search(text, max(0, start - 4), start))


def _asked(text: str, run: str, initial: bool, end: int) -> bool:
    """ "Will Ford close the plant?": a question's auxiliary is no given name."""
    return initial and run.partition(" ")[0] in AUXILIARIES and bool(_QUESTION.match(text, end))


def _programme_cut(text: str, end: int, length: int, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """ "the Ann Quennell Foster Youth to Independence Initiative": the run starts the
    title-cased name of a programme or a firm, which goes on after "to"/"for"/"on": the
    candidate that ends the run is no name."""
    goes_on = _PROGRAMME_AFTER.match(text, end)
    if goes_on and goes_on.group(1) in _PROGRAMME_ENDS:
        return tuple(c for c in found if c.end != length)
    return found


# "the St. John", "Santa Barbara": a word after a saint's title names a saint or a place.
# A religious order or a society named after a virtue, a place or a saint: "the Sisters of Mercy",
# "the Daughters of Erin", "the Knights of Columbus".
_ORDER_BEFORE = re.compile(r"(?<![\w'’])(?:Sisters|Brothers|Daughters|Sons|Friends|Knights|Servants|Order|Society|"
                           r"Congregation|Missionaries) of (?:the |St\.? )?$")
_SAINT_BEFORE = re.compile(r"(?<![\w.])(?:St|Ste|Saint|Sainte|San|Santa|Sao|São)\.? $")
# A word after a saint's name in the possessive names the place called after the saint: "St.
# Hilda's Ward", "St John's Wood", "Saint Andrew's Quay".
_SAINTS_BEFORE = re.compile(r"(?<![\w.])(?:St|Saint)\.? [A-Z][a-z]+['’]s $")
# An institution called after its founder in the possessive, its noun capitalised: "Dame Alice
# Quill's School", "Guy's Hospital", "Sir John Varenza's Charity". (Not a law or a day, which are
# the sponsor's own doing: "Mr. Jacob Quill's Bill", "McKenna's Act".)
_FOUNDED_AFTER = re.compile(r"['’]s? (?:School|Schools|College|Academy|Institute|Institution|Hospital"
                            r"|Infirmary|Almshouses|Charity|Foundation|Trust|Fund|Library|Museum|Scholarship"
                            r"|Prize|Medal|Cup|Trophy|Chapel|Church|Cathedral)\b")
# "Johnson & Johnson", "Gibson, Dunn & Crutcher", "Price, Waterhouse & Co.": names joined
# by an ampersand are a firm's when one name is repeated, three are listed or the last is
# the firm's ("Co."); two names ("Marx & Engels") may be the two people.
_AMP_NAME = r"[A-Z][\w'-]*\.?"
_AMPERSAND_CHAIN = re.compile(rf"(?<![\w']){_AMP_NAME}(?:,\s*{_AMP_NAME})*,?\s*&\s*{_AMP_NAME}")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'-]* $")
_FIRM_LAST = frozenset("Co Company Sons Son Brothers Bros Inc Ltd LLP Associates Partners".split())
# "Operation Desert Fox", "Hurricane Sandy": a storm's or an operation's name.
_EVENT_BEFORE = re.compile(r"(?<![\w'])(?:Operation|Hurricane|Typhoon|Cyclone|Tropical Storm)(?: [A-Z][\w'-]*)* $")


# A shop or a firm named in the possessive: "at the McAllister's", "a McAllister's manager", "shoppers
# at McAllister's on Main Street", "McAllister's said it would close". A person's possessive takes no
# article of its own and needs the noun it owns; "Smith's in town" (is) and "Smith's had" (has) are
# contractions, so only verbs a contraction never precedes count.
_POSSESSIVE = ("'s", "’s")
# A capital "A" is an article only where a sentence starts ("Mr A Bogdanov's" is an initial).
_SHOP_ARTICLE = re.compile(r"(?:(?<![\w'’.])(?:the|an?)|(?:^|(?<=[.!?:;\"“(] ))(?:The|An?)) $")
# "from" is left out: "differ from Kant's" leaves out the noun it owns.
_SHOP_PLACE = re.compile(r"(?<![\w'’])(?:at|outside|inside|near|into|opposite|behind) (?:the )?$")
_CAPITAL_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
# Words of a business's noun that are surnames or parts of surnames too ("Lumber Yard", "Service
# Station", "Funeral Home", "Douglas-Home"): only after a possessive or a firm's word. ("Works" is
# an author's: "Fichte's Works".)
_SHOP_SECOND = frozenset({"Yard", "Station", "Home", "Mill"})
# A business's noun in lower case after a possessive: "over Yablonski's tavern", "Kell's store burned".
# (Not a person's things, "Kell's funeral", "Kell's drugs", nor a trade's word, "the bar".)
_SHOP_NOUNS = frozenset("""tavern saloon pub inn diner restaurant cafe bakery grocery drugstore pharmacy hotel motel
    garage barbershop store shop foundry sawmill creamery brewery""".split())
_LOWER_AFTER = re.compile(r" ([a-z]+)\b")
_SHOP_WORD_BEFORE = re.compile(r"(?:(?<![\w'’])(?:%s)|\w['’]s) $" % "|".join(sorted(FIRM_TAILS)))
_SHOP_END = re.compile(r"[.,;:!?)]|\s+(?:on|at|near|and|or|where|which|for|to|since|after|until|till|during)\b")
# Present tenses only: "Reagan's said" is "Reagan has said".
_SHOP_VERB = re.compile(r"\s+(?:says|employs|pays|plans|sells|has)\b")


def shop_named(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` a shop's or a firm's, named in the possessive?

    >>> t = "Workers at the Kell's on Main St. said Kell's pays less than a Kell's rival, and Kell's book sold."
    >>> [shop_named(t, m.start(), m.end()) for m in re.finditer("Kell", t)]
    [True, True, True, False]
    >>> t = "Kell's said he will veto it; we met at Kell's in the town."
    >>> [shop_named(t, m.start(), m.end()) for m in re.finditer("Kell", t)]
    [False, False]
    >>> t = "She worked at Kell's since 1950 and at Kell's after the war; she spoke at Kell's funeral."
    >>> [shop_named(t, m.start(), m.end()) for m in re.finditer("Kell", t)]
    [True, True, False]
    >>> t = "Shoppers at Kell's, downtown. Kell's in town, and Kell's had enough; it was Kell's."
    >>> [shop_named(t, m.start(), m.end()) for m in re.finditer("Kell", t)]
    [True, False, False, False]
    >>> shop_named("Meet at Kell's Tavern.", 8, 12), shop_named("Read Kell's Capital.", 5, 9)
    (True, False)
    >>> shop_named("The hall over Kell's tavern.", 14, 18), shop_named("After Kell's funeral.", 6, 10)
    (True, False)
    >>> shop_named("Gas at Kell's Service Station.", 7, 11), shop_named("Read Kell's Capital Vol. I.", 5, 9)
    (True, False)
    >>> shop_named("Grain went to Kell's Mill.", 14, 18), shop_named("Kell's Mill said so.", 0, 4)
    (True, False)
    >>> t = "Mr A Kell's article differs from Kell's. A Kell's clerk came."
    >>> [shop_named(t, m.start(), m.end()) for m in re.finditer("Kell", t)]
    [False, False, True]
    """
    if text[end : end + 2] not in _POSSESSIVE:
        return False
    if (head := _CAPITAL_AFTER.match(text, end + 2)) and (
            head.group(1) in SHOP_HEADS
            or head.group(1) in _SHOP_SECOND and _SHOP_END.match(text, head.end())
            or (second := _CAPITAL_AFTER.match(text, head.end())) and second.group(1) in SHOP_HEADS | _SHOP_SECOND):
        return True  # "Gallagher's Tavern", "Kell's Drug Store", "Kell's Service Station", "Kell's Mill."
    if (low := _LOWER_AFTER.match(text, end + 2)) and low.group(1) in _SHOP_NOUNS:
        return True  # "the hall over Yablonski's tavern"
    return bool(_SHOP_ARTICLE.search(text, max(0, start - 4), start) or _SHOP_VERB.match(text, end + 2)
                or _SHOP_PLACE.search(text, max(0, start - 16), start) and _SHOP_END.match(text, end + 2))


# "Roe v. Wade": the parties of a court case name the case. ("vs." and "versus" title
# contests of people too: "Luxemburg versus Lenin", "National Assembly vs. Bonaparte".)
_CASE_AFTER = re.compile(r" v\. [A-Z]")
_CASE_BEFORE = re.compile(r"[A-Z][\w'.-]* v\. $")


def state_after_town(text: str, start: int, end: int) -> bool:
    """ "Lowndes County, Ala.", "Birmingham, Ala.;": a US state's abbreviation after a town.

    >>> t = "born in Quennel County, Ala., the son; Mo. Varenza came"
    >>> state_after_town(t, t.index("Ala"), t.index("Ala") + 3), state_after_town(t, t.index("Mo"), t.index("Mo") + 2)
    (True, False)
    """
    return (text[start - 2 : start] == ", " and text[end : end + 1] == "."
            and text[start : end + 1] in state_abbreviations())


# "Tenants' Voice", "the Workers' Party", "Farmers' Alliance": a body named for its members
# in the plural possessive.
# (A family's own, "the Quennells' John", takes a given name; a surname's, "Jones' Bakery",
# is a shop's or a person's.)
_MEMBERS_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z]+s)['’] $")


def members_body(text: str, start: int, end: int) -> bool:
    """Is the word at ``start:end`` the name of a body its members own, after a plural
    possessive ("Tenants' Voice")?

    >>> t = "Tenants' Voice met; the Workers’ Party won. The Varenzas' John came; Jones' Bakery."
    >>> [members_body(t, t.index(w), t.index(w) + len(w)) for w in ("Voice", "Party", "John", "Bakery")]
    [True, True, False, False]
    """
    members = _MEMBERS_BEFORE.search(text, max(0, start - 20), start)
    return bool(members) and text[start:end] not in GIVEN and not any_surname(members.group(1))


# "at Great Heck", "West Ham", "the Old Bailey": a word after one of these, written in capitals
# mid-sentence, ends a place's or a club's name ("Little Richard", "Old Joe" are given names).
_PLACE_WORD_BEFORE = re.compile(r"(?<=[\w,;'’\"”)] )(?:Great|Little|Upper|Lower|Nether|Old|North|South|East|West) $")


def place_word_before(text: str, start: int, end: int) -> bool:
    """Is the word at ``start:end`` the end of a place's name that starts "Great", "Little",
    "Upper", "Old", "East" and the like, mid-sentence?

    >>> t = "The crash at Great Heck, near Selby; Old Joe and Little Richard. Great Heck is small."
    >>> [place_word_before(t, t.index(w), t.index(w) + len(w)) for w in ("Heck", "Joe", "Richard")]
    [True, False, False]
    >>> place_word_before(t, t.rindex("Heck"), t.rindex("Heck") + 4)
    False
    """
    return bool(_PLACE_WORD_BEFORE.search(text, max(0, start - 10), start)) and text[start:end] not in GIVEN


def thing_named(text: str, start: int, end: int) -> bool:
    """Is the name-shaped word at ``start:end`` part of a firm's name joined by "&", of a
    storm's or an operation's, of a court case's, a shop's named in the possessive, or the name
    of a saint or of a place named after one? (A body named for its members, "Tenants' Voice", is
    told in indexer.resolution: "the Democrats' Mondale" after "Walter Mondale" is the man.)

    >>> t = "Gibson, Dunn & Crutcher wrote to Johnson & Johnson from the St. John."
    >>> [thing_named(t, m.start(), m.end()) for m in re.finditer(r"Gibson|Dunn|Crutcher|Johnson|John\\b", t)]
    [True, True, True, True, True, True]
    >>> thing_named("Mr. Gibson and Mr. Dunn wrote to Saint-Simon.", 4, 10)
    False
    >>> thing_named("A letter from Marx & Engels", 14, 18), thing_named("Price, Waterhouse & Co. said", 0, 5)
    (False, True)
    >>> thing_named("The German Ideology, Marx & Engels 1845", 21, 25)
    False
    >>> t = "the men of Operation Desert Fox and Hurricane Sandy"
    >>> thing_named(t, t.index("Fox"), t.index("Fox") + 3), thing_named(t, t.index("Sandy"), len(t))
    (True, True)
    >>> t = "overturning Roe v. Wade, as Mr. Roe said"
    >>> thing_named(t, 12, 15), thing_named(t, 19, 23), thing_named(t, t.rindex("Roe"), t.rindex("Roe") + 3)
    (True, True, False)
    >>> t = "Sister Ann of the Sisters of Mercy and the Knights of Columbus"
    >>> thing_named(t, t.index("Mercy"), t.index("Mercy") + 5), thing_named(t, t.index("Columbus"), len(t))
    (True, True)
    >>> t = "Kell Lumber Yard and Kell's Mill"
    >>> thing_named(t, t.index("Yard"), t.index("Yard") + 4), thing_named(t, t.index("Mill"), len(t))
    (True, True)
    >>> t = "Luxemburg versus Lenin; Brentano vs. Marx"
    >>> thing_named(t, 0, 9), thing_named(t, 17, 22), thing_named(t, t.index("Marx"), len(t))
    (False, False, False)
    """
    return bool(_CASE_AFTER.match(text, end) or _CASE_BEFORE.search(text, max(0, start - 40), start)
                or _ORDER_BEFORE.search(text, max(0, start - 24), start)
                or _SAINT_BEFORE.search(text, max(0, start - 7), start)
                or _SAINTS_BEFORE.search(text, max(0, start - 20), start)
                or _EVENT_BEFORE.search(text, max(0, start - 60), start) or _in_a_firm(text, start, end)
                or shop_named(text, start, end) or state_after_town(text, start, end)
                or place_word_before(text, start, end)
                or text[start:end] in _SHOP_SECOND and _SHOP_WORD_BEFORE.search(text, max(0, start - 16), start))


def _in_a_firm(text: str, start: int, end: int) -> bool:
    if "&" not in text:
        return False
    for m in _AMPERSAND_CHAIN.finditer(text, max(0, start - 80), min(len(text), end + 80)):
        if m.start() <= start and end <= m.end():
            names = re.findall(_AMP_NAME, m.group())
            if _CAPITAL_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                names = names[1:]  # "The German Ideology, Marx & Engels": a title's last word, listed
            return len(names) >= 3 or len(set(names)) == 1 or names[-1].rstrip(".") in _FIRM_LAST
    return False


_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)")


def word_after(text: str, end: int) -> str:
    """The capitalised word right after ``end``, or "" ("Quill" of "Amos Quill High School" is
    followed by "High": the head of a thing's name, see THING_HEADS).

    >>> word_after("Amos Quill High School", 10), word_after("Amos Quill said", 10)
    ('High', '')
    """
    m = _WORD_AFTER.match(text, end)
    return m.group(1) if m else ""


_SUFFIX_AFTER = re.compile(r",? (?:Jr|Sr)\.?")


def thing_word_after(text: str, end: int) -> str:
    """:func:`word_after` the name ending at ``end``, past a generation: "Drive" of "Martin
    Luther King, Jr. Drive".

    >>> thing_word_after("at 1100 Amos Quill, Jr. Drive", 18), thing_word_after("Amos Quill Jr. said", 10)
    ('Drive', '')
    """
    suffix = _SUFFIX_AFTER.match(text, end)
    return word_after(text, suffix.end() if suffix else end)


def _things(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop names used for things: a lone name between a determiner and a lowercase head
    noun ("the Brady bill"), a title after a determiner ("the General Revenue Sharing
    program"), a pair of names before a possessive eponym ("A and B's line")."""
    out: list[Candidate] = []
    for c in cands:
        if c.kind in ("single", "full") and _PARTNERS_AFTER.match(text, c.end) or c.kind == "full" and text.startswith(
                _AND_COMPANY, c.end):
            # "Messrs. Yelland and Son", "Ezra Quill & Sons", "S. H. Quill & Co.": a firm (a surname
            # alone is the man and his set: "Bonaparte & Co. were not content")
            continue
        if (c.kind == "full" and out and _POSTNOMINAL.match(text, c.start) and text[out[-1].end : c.start] == ", "
                and not _INITIALLED.match(out[-1].name) and not _ITEM_ENDS.match(text, c.end)):
            # "Rev. Alexander Fraser, M.A. Born Inverness-shire": his degree, then the next field's
            # first word. (Not in a list of initialled names: "W.F. Dunkelberg, J.P. Quennell BL; John
            # Varenza, M.P. Halloran, T.R. Morozzi".)
            continue
        if c.kind == "full" and c.name.startswith(_CLOCK_LETTERS) and _CLOCK_BEFORE.search(text, max(0, c.start - 8), c.start):
            continue  # "7 P. M. Opening of the fair": the time of day, then the programme's next item
        if c.kind == "single" and not c.title and c.name in TITLES and _DETERMINER_BEFORE.search(
                text, max(0, c.start - 8), c.start):
            continue  # "his election as an Alderman of the Borough": the office, not a Mr. Alderman
        if c.kind in ("single", "given") and not c.title:
            if (_before_eponym_head(text, c) or thing_named(text, c.start, c.end)
                    or word_after(text, c.end) in THING_HEADS or _PLACE_NOUN_AFTER.match(text, c.end)
                    or vessel_before(text, c.start) or _FOUNDED_AFTER.match(text, c.end)):
                continue  # "the Brady bill", "the Maddox Memorial Lecture", "Harwick avenue", "the tug Agnes"
            if _second_of_eponym_pair(text, c, out) or _second_of_eponym_pair_named(text, c, out):
                out.pop()
                continue
            if c.kind == "given" and _THE_BEFORE_GIVEN.search(text, max(0, c.start - 5), c.start):
                continue  # "a pint in the Grace", "the Agnes came back": a pub, a boat, a seam
        elif (c.title in ADJECTIVE_TITLES or _lady_team(c)) and _title_as_adjective(text, c):
            continue  # "the General Revenue Sharing program", "the Lady Eagles"
        elif c.title in _RANK_TITLES and _THE_BEFORE_RANK.search(text, max(0, c.start - 10), c.start):
            continue  # "the Lady Rosamund", "the Sir Thomas Quill", "the Lord Hill": a boat, a room, a pub
        elif c.kind == "full" and (_quoted_thing(text, c) or vessel_before(text, c.start)
                                   or vessel_after(text, c.end) or _FOUNDED_AFTER.match(text, c.end)):
            # 'the crew of the "Lydia Quill"', "the company tug Agnes Quill": a ship, a house; "Dame
            # Alice Quill's School"
            continue
        elif c.kind == "full" and text.endswith(_AT_OR_OF, 0, c.start) and _AT_SCHOOL_BEFORE.search(
                text, max(0, c.start - 30), c.start) and not (
                text.startswith(_POSSESSIVE, c.end)):
            continue  # "the principal of Booker T. Quill", "a freshman at Amos Pim": the school named for him
        if _role(text, c, out):
            continue
        out.append(c)
    return out


def _role(text: str, c: Candidate, before: list[Candidate]) -> bool:
    """Is this name a character's, as a programme, a review or a note prints it? The left of
    a leader of dots that an actor's name follows, at a line's start ("Lady Bracknell
    ........ Mrs. E. Quill"; not an index's "Quill, Amos ........ 23"); after an actor's name
    and "as" ("Miss Ann Pim as Alison"); or before "played by". (Not before "in" and a
    quoted title: 'Astrov in "Uncle Vanya"' reads as 'Horner in "Reports of the
    Inspectors"', a writer in his work.)

    >>> t = "CAST\\n  Lady Bracknell .......... Mrs. E. Quill\\n  Rev. Canon Chasuble, a vicar ...... The Rev. T. Pim"
    >>> [c.name for c in candidates(t)]
    ['E. Quill', 'T. Pim']
    >>> [c.name for c in candidates("Index: Amos Quill .......... 23")]
    ['Amos Quill']
    >>> [c.name for c in candidates("Miss Ann Pim as Alison and Lady Bracknell, to be played by Edna Quill.")]
    ['Ann Pim', 'Edna Quill']
    """
    line = text.rfind("\n", 0, c.start) + 1
    if _CAST_LEADER_AFTER.match(text, c.end) and _TITLES_ONLY.fullmatch(text, line, c.start):
        return True
    if _PLAYED_BY_AFTER.match(text, c.end):
        return True
    # (an actor named with a given name: "Critical Criticism as Herr Bruno" is a chapter's mockery)
    actor = before[-1] if before and before[-1].kind == "full" else None
    as_role = actor and _AS_BETWEEN.fullmatch(text, actor.end, c.start)
    if as_role:
        return (as_role.group(1) or "") == c.title
    # "Harold Quill '51 plays Elwood P. Dowd" where a play is spoken of; a match report's
    # "Quill played Amos Pim in the final" is an opponent.
    plays = actor and _PLAYS_BETWEEN.fullmatch(text, actor.end, c.start)
    return bool(plays) and bool(_DRAMA.search(text[: actor.end] + text[c.end :]))


# A leader of dots after a name (and a description: "Astrov, a doctor"), then an actor's name.
_CAST_LEADER_AFTER = re.compile(r"(?:,[^\n.]{1,40}?(?:\.[^\n.]{1,10}?)*)?[ \t]*\.{4,}[ \t]*(?:[A-Z]|the |The )")
_TITLES_ONLY = re.compile(r"[ \t]*(?:(?:[A-Z][a-z]*\.? ))*[ \t]*")
# "as" between an actor's name and a role's, the role's title included ("as Lady Morozzi").
_AS_BETWEEN = re.compile(r" as (?:([A-Z][a-z]*)\.? )?")
_PLAYED_BY_AFTER = re.compile(r",? (?:(?:will be|was|is|to be|being|had been) )?played by\b")
# An actor's verb between the actor's name (and a class year or an age) and the role's.
_PLAYS_BETWEEN = re.compile(r"\.?(?: '\d\d|, \d{1,2},)? (?:who |will |also |is to |to )?(?:plays|play|played|playing) "
                            r"(?:the (?:title )?(?:part|role) of )?")
_DRAMA = re.compile(r"\b(?:[Pp]lay|comedy|drama|tragedy|farce|musical|operetta|opera|pantomime|panto|cast|stage|staged"
                    r"|production|role|part|theatre|theater|film|movie|premiere|rehearsals?|curtain|players|dramatic)\b")


# "the" before a title of rank and a name: no way to speak of the person, but a thing's name
# ("the Lady Rosamund" of a trawler, "the Sir Leonard Quill Chamber", "the Lord Hill" of a pub).
_RANK_TITLES = frozenset({"Sir", "Lady", "Lord", "Dame"})
_THE_BEFORE_RANK = re.compile(r"(?<![\w'’])[Tt]he (?:Sir|Lady|Lord|Dame) $")


def ranked_thing(text: str, start: int) -> bool:
    """Does the name at ``start`` begin with a knight's or a lady's rank after "the", or follow
    one: a pub, a boat or a room named after them ("outside the Sir Robert Quill", "the Lady
    Rosamund")? A person is "Sir Robert Quill", "the late Sir Robert".

    >>> t = "fish thrown outside the Sir Robert Quill; Sir Robert Quill spoke"
    >>> ranked_thing(t, t.index("Sir")), ranked_thing(t, t.index("Robert")), ranked_thing(t, t.rindex("Sir"))
    (True, True, False)
    """
    return bool(_THE_BEFORE_RANK.search(text, max(0, start - 10), start)
                or text.startswith(tuple(f"{r} " for r in _RANK_TITLES), start)
                and _THE_BEFORE_GIVEN.search(text, max(0, start - 5), start))
# A school's staff or pupils and "of" or "at" before a full name: the school named after the
# person ("the principal of Booker T. Quill", "her teacher at Amos Pim"). Not "teacher of",
# "student of", "coach of": a master's pupil, an athlete's coach, are the person's.
_AT_SCHOOL_BEFORE = re.compile(r"(?<![\w'’-])(?:(?:principal|headmaster|headmistress|superintendent) (?:of|at)|(?:teacher"
                               r"|teachers|librarian|janitor|custodian|counselor|counsellor|coach|student|students|pupil"
                               r"|pupils|freshman|sophomore|junior|senior|teaching|taught|enrolled) at|graduates? of"
                               r"|graduated from|alumn(?:us|a|i|ae) of) $")
_AT_OR_OF = (" at ", " of ", " from ")
# A firm's partners after its founder's name: "Messrs. Quill and Son", "Quill Bros." (Not "and Co.":
# "Messrs. Marx, Engels and Co." are the men and their friends.)
_AND_COMPANY = (" & Co.", " & Co ", " & Co,", " & Company")
# The hour before "A. M." or "P. M.": "at 7 P. M. Opening", "10.30 A. M. Mass".
_CLOCK_LETTERS = ("A. M. ", "P. M. ", "A.M. ", "P.M. ")
_CLOCK_BEFORE = re.compile(r"\d(?:[.:]\d\d)? ?$")
_PARTNERS_AFTER = re.compile(r" (?:(?:and|&) (?:Sons?|Brothers)|Bros)\b")
# A street's or a jurisdiction's noun in lower case right after a lone name, as older papers
# print them: "widening of Harwick avenue", "the sheriff of Pruitt county", "down Quill road".
_PLACE_NOUN_AFTER = re.compile(r" (?:street|avenue|road|lane|boulevard|county|township|parish|creek)\b")
# A vessel's noun right before a full name: "the tug Agnes Quill", "the steamer Lydia Quill".
_VESSELS = (r"tug|tugboat|steamer|steamship|ship|schooner|barque|bark|brig|ketch|sloop|vessel|ferry|yacht|liner"
            r"|freighter|trawler|lifeboat|life-boat|dredge|scow|barge|collier|drifter|fifie|zulu|yawl|smack|coble"
            r"|lugger|cutter|whaler|clipper|frigate|cruiser|destroyer|gunboat|corvette|submarine|packet|paddler")
# A ship's prefix after its quoted name, as a register prints it: '"JANET QUILL" (S.S.)'.
_VESSEL_AFTER = re.compile(r"[\"”]? \((?:S\.S|M\.V|R\.M\.S|M\.D|P\.S|S\.Y|S\.T)\.?\)")
# A boat's name, with what it is named for: "AGNES AND AMOS QUILL".
_VESSEL_NAME = r"[A-Z][\w'’-]+(?: (?:and |AND |& )?[A-Z][\w'’-]+)*"
_VESSEL_NAME_AT = re.compile(rf"(?:{_VESSEL_NAME})?")
_VESSEL_WORDS = frozenset(_VESSELS.split("|"))
_SHIP_PREFIX_WORDS = frozenset(f"{p}." for p in "S.S M.V R.M.S M.D P.S S.Y M.Y S.T T.S F.V".split())
_NOT_PORTS = frozenset({"CWO", "WO", "CW", "GS", "SP", "E", "O", "W"})  # ranks and grades before a number
_QUOTED_AFTER_THE = re.compile(r"(?<![\w'’])(?:the|The) [\"“]$")
# "the" right before a given name alone: nobody is called so, but a boat, a pub or a seam is.
_THE_BEFORE_GIVEN = re.compile(r"(?<![\w'’])(?:the|The) [\"“‘']?$")


def vessel_after(text: str, end: int) -> bool:
    """Does a ship's prefix in brackets follow the name ending at ``end``: '"JANET QUILL" (S.S.)'?"""
    return bool(_VESSEL_AFTER.match(text, end))


def vessel_before(text: str, start: int, titled: bool = False) -> bool:
    """Does a boat's noun, a port's letters and number or a ship's prefix stand right before
    ``start`` (a quote between; with ``titled``, a title too: "the lifeboat Sir Amos Quill")?
    Asked of every name: the words before it are looked up, not searched for.

    >>> t = 'the drifter "Jessie Pim"; CG 12 Ada Pim; CWO 5 Ada Pim; S.S. Ada Pim; lifeboat Sir Tom Pim; the relationship Tom'
    >>> [vessel_before(t, t.index(n)) for n in ('Jessie', 'Ada Pim;', 'Ada Pim; S', 'Ada Pim; l', 'Tom Pim', 'Tom')]
    [True, True, False, True, False, False]
    >>> vessel_before(t, t.index('Tom Pim'), titled=True)
    True
    """
    words = _words_before(text, start, 3 if titled else 2)
    if titled and words:
        words = words[:-1]  # the title
    if not words:
        return False
    last = words[-1]
    if last.lower() in _VESSEL_WORDS or last in _SHIP_PREFIX_WORDS:
        return True
    return (last.isdigit() and len(last) <= 4 and len(words) > 1 and 1 <= len(words[-2]) <= 3
            and words[-2].isupper() and words[-2].isalpha() and words[-2] not in _NOT_PORTS)


def _words_before(text: str, start: int, n: int) -> list[str]:
    """The ``n`` words (split at spaces) right before ``start``, a quote before it left out."""
    end = start
    if end and text[end - 1] in "\"“":
        end -= 1
    if not end or text[end - 1] != " ":
        return []
    return text[max(0, end - 40):end - 1].split()[-n:]


def _quoted_thing(text: str, c: Candidate) -> bool:
    """Is a full name quoted after "the": a ship's, a locomotive's, a house's name?

    >>> [c.name for c in candidates('Capt. Tonkin and the crew of the "Lydia Quill" gave; so did Lydia Quill.')]
    ['Tonkin', 'Lydia Quill']
    >>> [c.name for c in candidates('The rule is called, around the yard, the "Amos Rule." Amos Quill smiled.')]
    ['Amos Quill']
    >>> [c.name for c in candidates('4. "Agnes Quill" (sloop, 22 ft) - Ann Pim (skipper).')]
    ['Ann Pim']
    """
    closed = text[c.end : c.end + 1] in ('"', "”") or text[c.end : c.end + 2] in ('."', ".”", ',"', ",”")
    return closed and (
        bool(_QUOTED_AFTER_THE.search(text, max(0, c.start - 5), c.start))
        or text[c.start - 1 : c.start] in ('"', "“") and bool(_VESSEL_IN_BRACKETS.match(text, c.end + 1)))


# A quoted name, then its kind of vessel in brackets, as a list of boats gives it:
# '"Agnes Quill" (sloop, 22 ft)'.
_VESSEL_IN_BRACKETS = re.compile(r" \((?:[a-z]+ )?(?:tug|tugboat|steamer|ship|schooner|barque|brig|ketch|sloop|yacht"
                                 r"|launch|keeler|trawler|ferry|dinghy|catamaran|trimaran|cutter|boat|vessel)\b")


# Weapons named after people, in the plural or after a determiner's noun phrase, need no
# determiner: "improved Pershing ballistic missiles", "Sherman tanks".
_WEAPON_AFTER = re.compile(
    r" (?:[a-z]+(?:-[a-z]+)? )?(?:missiles?|rockets?|submarines|rifles|carbines|bombers|tanks)\b(?!')")


def weapon_named(text: str, end: int) -> bool:
    """Does a weapon's noun follow the name ending at ``end``?

    >>> t = "improved Pershing ballistic missiles, Sherman tanks, and Pershing himself"
    >>> weapon_named(t, t.index(" ballistic")), weapon_named(t, t.index(" tanks")), weapon_named(t, len(t))
    (True, True, False)
    """
    return bool(_WEAPON_AFTER.match(text, end))


def named_for(text: str, start: int, end: int) -> bool:
    """Is the bare name at ``start:end`` a determiner's, before the noun of a body, an honour or
    a building named for someone ("the McClellan committee hearings", "the Pulitzer prize", "a
    Truman library")? (Not a doctrine, a plan or a bill: often the person's own, "the Monroe
    doctrine" speaks of Monroe; see :func:`_before_eponym_head` for names no file knows.)

    >>> t = "the McClellan committee hearings; the Monroe doctrine; a Pulitzer prize"
    >>> [named_for(t, t.index(w), t.index(w) + len(w)) for w in ("McClellan", "Monroe", "Pulitzer")]
    [True, False, True]
    """
    return _determined(text, start) and _head_in(text, end, NAMED_FOR_HEADS)


def _determined(text: str, start: int) -> bool:
    """Is a determiner right before ``start`` ("the", "a", "his")?"""
    before = max(0, start - 7)
    return text.endswith(_DETERMINER_ENDS, before, start) and bool(_DETERMINER_BEFORE.search(text, before, start))


def _head_in(text: str, end: int, heads: frozenset[str]) -> bool:
    """Is the lower-case noun after ``end``, or the one after it, among ``heads``?"""
    head = _HEAD_AFTER.match(text, end)
    return bool(head) and (head.group(1) in heads or head.group(2) in heads)


def _before_eponym_head(text: str, c: Candidate) -> bool:
    """ "the Brady bill", "a Ford truck": a determiner, the lone name, a thing's noun; or a
    weapon's noun, with or without a determiner."""
    if weapon_named(text, c.end):
        return True
    if _determined(text, c.start):
        return _head_in(text, c.end, EPONYM_HEADS)
    # "the first Quennell reunion", "the old Quennell place", "the new Quennell school": an adjective between.
    head = _HEAD_AFTER.match(text, c.end)
    return bool(head) and head.group(1) in FAMILY_HEADS | INSTITUTION_HEADS | SCHOOL_HEADS and bool(
        _DETERMINER_ADJECTIVE_BEFORE.search(text, max(0, c.start - 20), c.start))


def _second_of_eponym_pair(text: str, c: Candidate, out: list[Candidate]) -> bool:
    """ "Mason and Dixon's line": the lone name after "and" a lone name kept last, before a
    possessive eponym."""
    return (text.startswith("'", c.end) and bool(_EPONYM_AFTER.match(text, c.end)) and bool(out)
            and out[-1].kind in ("single", "given") and text[out[-1].end : c.start] == " and ")


def _second_of_eponym_pair_named(text: str, c: Candidate, out: list[Candidate]) -> bool:
    """ "the Clayton and Bulwer treaty": a determiner, two lone names joined by "and", a
    thing's noun after them."""
    first = out[-1] if out else None
    if first is None or first.kind not in ("single", "given") or first.title or text[first.end : c.start] != " and ":
        return False
    before = max(0, first.start - 7)
    if not _DETERMINER_BEFORE.search(text, before, first.start):
        return False
    head = _HEAD_AFTER.match(text, c.end)
    return bool(head) and (head.group(1) in EPONYM_HEADS or head.group(2) in EPONYM_HEADS)


# A plural after "the Lady" names a women's team: "the Lady Eagles" (not "the Lady Douglas").
_TEAM_PLURAL = re.compile(r"[^su'’]s$")


def _lady_team(c: Candidate) -> bool:
    return c.title == "Lady" and bool(_TEAM_PLURAL.search(c.name)) and c.name not in GIVEN


def _title_as_adjective(text: str, c: Candidate) -> bool:
    """ "the General Revenue Sharing program": an article before the title. (Not a
    possessive: "our General Clark" is a man.)"""
    at = c.start - len(c.title) - 1
    return text[at : c.start - 1] == c.title and bool(_ARTICLE_BEFORE.search(text, max(0, at - 4), at))


def _firms_listed(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop lone words listed with firms: in "Ford, Fiat-Chrysler, General Motors, Sprint"
    every item is a firm, as "General Motors" says."""
    runs = _list_items(text)
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


def _list_items(text: str) -> list[tuple[int, int, bool]]:
    """The runs that may be items of a list of firms, (start, end, a firm's name?): firms'
    names and lone words ("Smith Inc", "Ford"); a full name ("MM Rubinstein, Zveno
    Publishers, Moscow") ends the list."""
    runs = []
    for m in RUN.finditer(text):
        run = m.group()
        firm = " " in run and run.rpartition(" ")[2] in FIRM_TAILS
        if firm or not any(ch in run for ch in " \n\t"):
            runs.append((m.start(), m.end(), firm))
    return runs


def _with_capitalised(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` with the full names written in capitals at the text's start, in order."""
    window = min(len(text), CAPITALS_WINDOW)
    if _CAPITALS.search(text, 0, window):
        caps = _capitalised(text, window)
        out = [c for c in out if not any(c.start < k.end and k.start < c.end for k in caps)] + caps
        out.sort(key=lambda c: c.start)
    return out


def _capitalised(text: str, window: int) -> list[Candidate]:
    """Full names written in capitals in the first ``window`` characters, read in title
    case ("MARIA LOPEZ" -> "Maria Lopez"). Only a given name followed by a surname, or a
    title and initials before one ("MR. D. A. QUILL (Fenwick):"), counts: "UNITED NATIONS"
    is no one.

    >>> [(c.name, c.title) for c in candidates("MR. D. A. QUENNELL (Fenwick): I rise. MARIA LOPEZ spoke.")]
    [('D. A. Quennell', 'Mr'), ('Maria Lopez', '')]
    """
    out = []
    for m in _CAPITALS.finditer(text, 0, window):
        if m.end() == window < len(text):
            break  # cut off by the window: perhaps half a name
        titled = _title_case(m.group())
        for c in candidates(titled):
            if c.kind == "full" and (c.given or c.title):
                out.append(c.moved(m.start()))
    return out


def _title_case(caps: str) -> str:
    """ "MARIA O'NEILL-MCBRIDE" -> "Maria O'Neill-McBride" (same length, same offsets)."""
    return re.sub(r"\b(Mc)([a-z])", lambda m: m.group(1) + m.group(2).upper(), caps.title())


def _coordinated(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` with the first of two given names before one surname ("Karl and Jenny
    Marx": Karl Marx), in order.

    >>> [c.name for c in candidates("We welcome the Reverend John and the Reverend Diana Quill.") if c.kind == "full"]
    ['John Quill', 'Diana Quill']
    >>> [c.name for c in candidates("We welcome the Reverend John and the Reverend Diana Cherry.") if c.kind == "full"]
    ['John Cherry', 'Diana Cherry']
    >>> [(c.name, c.title) for c in candidates("Michelle and Dr. Jill Quill came.") if c.kind == "full"]
    [('Jill Quill', 'Dr')]
    >>> [c.name for c in candidates("Dora Lee and Ada Quill; J. Thomas and Ada Pim; Ann and Ada Varenza") if c.kind == "full"]
    ['Dora Lee', 'Ada Quill', 'Ada Pim', 'Ann Varenza', 'Ada Varenza']
    >>> [c.name for c in candidates("To Thomas and Mary Quill, a daughter.") if c.kind == "full"]
    ['Thomas Quill', 'Mary Quill']
    """
    if " and " not in text:
        return out
    matches = [(m, "") for m in COORDINATED.finditer(text)]
    matches += [(m, m.group(2)) for m in _COORDINATED_TITLED.finditer(text)
                if text[max(0, m.start(1) - len(m.group(2)) - 1) : m.start(1)] == f"{m.group(2)} "]
    # ("Michelle and Dr. Jill Biden": a title before the second alone says no couple.)
    for m, title in matches:
        first, second, surname = m.group(1), m.group(m.lastindex - 1), m.group(m.lastindex)
        if common_surname(first) and (behind := _NAME_WORD_BEHIND.search(text, max(0, m.start(1) - 20), m.start(1))) and (
                behind.group(1) in GIVEN and behind.group(1) not in MONTHS or behind.group(1).endswith(".")):
            continue  # "Clarence Thomas and Samuel Alito": the surname of the name before, no Thomas Alito
        if first in GIVEN and second in GIVEN and surname not in STOP and (
                surname not in GIVEN or title and any(c.name == f"{second} {surname}" for c in out)):
            name = f"{first} {surname}"
            # The title said again is the first one's too: "the Reverend John and the Reverend Diana".
            out.append(Candidate(m.start(1), m.end(1), "full", name, surname, first, False, (title or "").rstrip(".")))
    out.sort(key=lambda c: c.start)
    return out


# 'Michael “Mickey” Doyle', "Rosalind 'Roz' Whitfield": a given name, the name its bearer goes
# by in quotes, then the rest of the name. One person, named in full.
# (The quote is looked for first, the given name behind it after: a scan for a quote is fast.)
# Also in brackets, as notices and indexes write it: 'John Michael ("Bluey") Quill'.
_NICKNAME = re.compile(r"(?<= )(?:[\"“‘']([A-Z][a-z]+)[\"”’']|\([\"“‘']([A-Z][a-z]+)[\"”’']\)) (?=[A-Z])")
_GIVEN_BEHIND = re.compile(r"(?<![\w'’])([A-Z][a-z]+|[A-Z]\.)((?: [A-Z]\.){0,2}) $")  # 'Robert M. "Bud" Quill'
_GIVEN_NAMES_BEHIND = re.compile(r"(?<![\w'’])([A-Z][a-z]+)( [A-Z][a-z]+) $")  # 'John Michael "Bluey" Quill'


def _nicknamed(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` with each given name, nickname in quotes and surname as one full name that
    carries the nickname, in place of what the words made apart.

    >>> [(c.name, c.nick) for c in candidates('They mourned Michael “Mickey” Varenza Jr. on Friday.')]
    [('Michael Varenza Jr.', 'Mickey')]
    >>> [(c.name, c.nick) for c in candidates('Robert M. “Bud” Varenza Jr. died. J. A. "Jody" Quill spoke.')]
    [('Robert M. Varenza Jr.', 'Bud'), ('J. A. Quill', 'Jody')]
    >>> [c.name for c in candidates('The "Satisfied" Majority and Ada "Quill" of the press') if c.kind == "full"]
    []
    >>> [(c.name, c.nick) for c in candidates('With John Michael ("Bluey") Quill, b. 1925; Tell Ada "Dot" Varenza.')
    ...  if c.kind == "full"]
    [('John Michael Quill', 'Bluey'), ('Ada Varenza', 'Dot')]
    >>> [c.name for c in candidates('bakers descend from Amos ("Zi\\' Peppe", later "the Cavaliere")') if c.kind == "full"]
    []
    """
    if not ('"' in text or "“" in text or " '" in text or "‘" in text or "('" in text):
        return out  # an opening quote; an apostrophe inside a word ("O'Neill", "it's") opens none
    for m in _NICKNAME.finditer(text):
        nick = m.group(1) or m.group(2)
        behind = _GIVEN_BEHIND.search(text, max(0, m.start() - 25), m.start())
        while behind and behind.group(1) in TITLES:  # "Mayor J. A. "Jody" Quill": the initials
            behind = _GIVEN_BEHIND.search(text, behind.end(1), m.start())
        if (behind and not behind.group(2) and (two := _GIVEN_NAMES_BEHIND.search(text, max(0, m.start() - 30), m.start()))
                and two.group(1) in GIVEN and two.group(2).strip() in GIVEN
                and not _sexes_differ(two.group(1), two.group(2).strip())):
            behind = two  # both given names, not the second alone
        rest = RUN.match(text, m.end())
        if (not behind or behind.group(1) not in GIVEN and not behind.group(1).endswith(".") or nick in STOP
                or not rest or rest.group().split()[0] in STOP):
            continue
        given, start = behind.group(1), behind.start()
        full = classified(f"{given}{behind.group(2)} {rest.group()}", False, False, False)
        if len(full) != 1 or full[0].kind != "full":
            continue
        out = [c for c in out if c.end <= start or c.start >= rest.end()]
        out.append(replace(full[0], start=start, end=rest.end(), nick=nick, initial=_sentence_initial(text, start)))
    out.sort(key=lambda c: c.start)
    return out


# "Ruth (Varenza) Quennell": a woman's maiden name between her given name and her married one, as
# obituaries and class notes write it; "Michael (Ada) Quennell": a husband with his wife's name.
# (Two given names before the brackets are both hers: "a daughter, Carol Ann (Dennis) Quennell".)
_PARENTHESISED = re.compile(r"(?<![\w'’])((?:[A-Z][a-z]+ )?[A-Z][a-z]+)(?: [A-Z]\.)? \(([A-Z][a-z]+)\) ([A-Z][a-z]+)(?![\w'’])")


_TITLE_RIGHT_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z]+)\.? $")


def _parenthesised(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` with a maiden name in brackets read into one full name ("Ruth Varenza Quennell",
    whom "Ruth Varenza" and "Ruth Quennell" are), a given name of the other sex in brackets
    as the spouse of the same surname, and any other word there as another form of the
    given name ("Anton (Tony) Kubat"), in place of what the words made apart.

    >>> [c.name for c in candidates("Ruth (Varenza) Quennell writes from Lorton.") if c.kind == "full"]
    ['Ruth Varenza Quennell']
    >>> [c.name for c in candidates("Mr. and Mrs. Michael (Ada) Quennell visited.") if c.kind == "full"]
    ['Michael Quennell', 'Ada Quennell']
    >>> [(c.name, c.nick) for c in candidates("Anton (Tony) Quennell and Louis (Lajos) Varenza") if c.kind == "full"]
    [('Anton Quennell', 'Tony'), ('Louis Varenza', 'Lajos')]
    >>> [(c.name, c.nick) for c in candidates("Mrs. Margaret (Peg) Quennell spoke.") if c.kind == "full"]
    [('Margaret Quennell', 'Peg')]
    >>> [c.name for c in candidates("The plan (Varenza) Quennell drew up.") if c.kind == "full"]
    []
    >>> [c.name for c in candidates("a daughter, Carol Ann (Dennis) Quennell; Then Ruth (Varenza) Pim") if c.kind == "full"]
    ['Carol Ann Quennell', 'Dennis Quennell', 'Ruth Varenza Pim']
    >>> [c.name for c in candidates("Will Ruth (Varenza) Quennell attend? Will Ada 'Dot' Pim?") if c.kind == "full"]
    ['Ruth Varenza Quennell', 'Ada Pim']
    """
    if " (" not in text:
        return out
    for m in _PARENTHESISED.finditer(text):
        given, inner, surname = m.groups()
        start = m.start()
        if " " in given:
            first, second = given.split()
            if not (first in GIVEN and second in GIVEN) or _sexes_differ(first, second):
                given, start = second, m.start(1) + len(first) + 1  # "Then Ruth (Varenza) Quennell"
        first = given.split()[0]
        title = _TITLE_RIGHT_BEFORE.search(text, max(0, start - 16), start)
        title = title.group(1) if title and title.group(1) in TITLES else ""
        unlisted = first not in GIVEN
        if unlisted and not (title and inner in GIVEN):
            continue  # (after a title, a given name no table lists goes: "Cr Wiremu (Bill) Quill")
        if inner in STOP and inner not in GIVEN or surname in STOP or surname in GIVEN and not any_surname(surname):
            continue
        nick = ""
        if inner in GIVEN and _sexes_differ(first, inner):
            names = [(start, m.end(3), f"{given} {surname}"), (m.start(2), m.end(2), f"{inner} {surname}")]
        elif inner not in GIVEN and given_name_sex(first) == "f" and not may_be_called(inner, first):
            # (not an everyday form of her own given name: "Margaret (Peg) Tait" is Margaret Tait)
            names = [(start, m.end(), f"{given} {inner} {surname}")]
        else:
            # "Anton (Tony) Kubat", "Louis (Lajos) Kossuth": another form of his given name
            names, nick = [(start, m.end(), f"{given} {surname}")], inner
        # The title only where the given name needs it: one that says a sex is the caller's to read.
        prefix = f"{title} " if unlisted else ""
        found = [(begin, end, classified(prefix + name, False, False, False)) for begin, end, name in names]
        if any(len(f) != 1 or f[0].kind != "full" for _, _, f in found):
            continue
        out = [c for c in out if c.end <= start or c.start >= m.end()]
        out.extend(replace(f[0], start=begin, end=end, nick=nick, initial=_sentence_initial(text, begin))
                   for begin, end, f in found)
    out.sort(key=lambda c: c.start)
    return out


# "Irene Quill (née Varenza)", "Hannah Quill, née Varenza", "Ruth Quill, the former Ruth Varenza",
# "Mrs. Quill, the former Ruth Varenza", "Ada Quill (born Ada Varenza)": a woman's maiden name after
# her married one, read as the one full name "Irene Varenza Quill" that both are forms of. "Born"
# before a bare word is a place as often ("born Leeds"), so it needs brackets or the given name.
_SURNAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
_NEE = re.compile(rf"(?<![\w'’-])(?:(Mrs)\.?|([A-Z][a-z]+)((?: [A-Z]\.)?)) ({_SURNAME_WORD}),? (\()?"
                  rf"(?:(nee)|(born|the former|formerly)) (?:([A-Z][a-z]+) )?({_SURNAME_WORD})(?(5)\))(?![\w'’])")
_MAIDEN_WORDS = ("nee ", "born ", "former ", "formerly ")


def _nee(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` with a married name and the maiden name after "née" (or "the former", "born")
    read as one full name.

    >>> [c.name for c in candidates("I'm Irene Quennell (nee Varenza), and Hannah Quill, nee Pellow, was there.")
    ...  if c.kind == "full"]
    ['Irene Varenza Quennell', 'Hannah Pellow Quill']
    >>> [c.name for c in candidates("Mrs Quill, the former Ruth Varenza, and Ada Pim (born Ada Lowell) came.")
    ...  if c.kind == "full"]
    ['Ruth Varenza Quill', 'Ada Lowell Pim']
    >>> [c.name for c in candidates("Ada Pim, born Leeds, and Ann Quill, the former Ruth Varenza.")
    ...  if c.kind == "full"]
    ['Ada Pim', 'Ann Quill', 'Ruth Varenza']
    """
    for m in _NEE.finditer(text):
        mrs, given, initial, surname, bracket, nee, other, maiden_given, maiden = m.groups()
        if mrs:
            if not maiden_given:
                continue  # "Mrs. Quill, née Pellow": no given name to make a full name of
            given, initial = maiden_given, ""
        elif maiden_given and maiden_given != given:
            continue  # "Ann Quill, the former Ruth Varenza": two women, or a misreading
        if not nee and not maiden_given and not bracket:
            continue  # "Ada Pim, born Leeds": a place
        if given not in GIVEN or surname in STOP or maiden in STOP or maiden == surname:
            continue
        found = classified(f"{given}{initial} {maiden} {surname}", False, False, False)
        if len(found) != 1 or found[0].kind != "full":
            continue
        out = [c for c in out if c.end <= m.start() or c.start >= m.end()]
        out.append(replace(found[0], start=m.start(), end=m.end(), initial=_sentence_initial(text, m.start())))
    out.sort(key=lambda c: c.start)
    return out


# A generation written after a name the way British clerks and papers wrote it ("Mr. S. Quill,
# jun.", "Wm. Quill, Senr.", "Samuel Quill junior"): the "Jr." and "Sr." of other pages. Capitalised
# "Sen." is a senator's title and "Jun." a month's before a name or a day; those are no generation
# ("Mr. T. Quill, Jun." after a comma is). A life's dates may follow: "Thomas Quill, junior (1861-1934)".
_GENERATION_AFTER = re.compile(r",? (?:(?P<jr>jun|junr|jnr|Junr|Jnr|(?<=, )Jun)|sen|senr|snr|Senr|Snr)\.?(?![\w'’.])"
                               r"(?! ?\d)(?! [A-Z][a-z])|,? (?:(?P<junior>junior)|senior)(?=[,;.)]| \(|$)")


# A title, a given name cut short with a full stop, and a surname: a clerk's "Mr. Fred. Haworth",
# "Mrs. Alex. Quill". (The stop ends no sentence: the title says a name runs on.)
_CLIPPED_AFTER_TITLE = re.compile(
    r"(?=[A-Z])(?<![\w'’])(" + "|".join(sorted((t for t in TITLES if t.isalpha() and t[0].isupper()), key=len, reverse=True))
    + r")\.? ([A-Z][a-z]+)\. "
    r"((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-])")


_SURNAME_AFTER = re.compile(r"\. ((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-])")
# An entry of a list right before: initials or a clipped given name, a surname, then ", " or " and ".
_LISTED_BEFORE = re.compile(r"(?<![\w'’])(?:[A-Z]\. ?){1,3}[A-Z][a-z]+(?:, | and )$|(?<![\w'’])[A-Z][a-z]{1,4}\. [A-Z][a-z]+(?:, | and )$")


# A ruler's numeral written as a word: "King George the Fifth", "Henry the Eighth".
_ORDINALS = ("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth Thirteenth "
             "Fourteenth Fifteenth Sixteenth Seventeenth Eighteenth").split()
_NUMERALS = dict(zip(_ORDINALS, "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII".split()))
_ORDINAL_AFTER = re.compile(rf" the ({'|'.join(_ORDINALS)})(?![\w'])(?! [A-Z])")  # not "the First Lady"


def _ordinal_after(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` with a given name and the ordinal after it read as a numbered ruler's name.

    >>> [c.name for c in candidates("A portrait of King George the Fifth, and one of Henry the Eighth.")]
    ['George V', 'Henry VIII']
    >>> [c.name for c in candidates("Mary the first to come, Peter the Great after, Laura the First Lady.")]
    ['Mary', 'Peter', 'Laura']
    """
    taken = -1
    kept: list[Candidate] = []
    for c in out:
        if c.start < taken:
            continue  # the ordinal itself ("Fifth")
        if c.kind == "given" and (m := _ORDINAL_AFTER.match(text, c.end)):
            c, taken = replace(c, end=m.end(), kind="full", name=f"{c.name} {_NUMERALS[m.group(1)]}"), m.end()
        kept.append(c)
    return kept


def _clipped_given(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` with a title, a clipped given name and a surname read as one full name.

    >>> [c.name for c in candidates("The architect, Mr. Fred. Quennell, of Lorton, and Mrs. Alex. Varenza.")]
    ['Fred Quennell', 'Lorton', 'Alex Varenza']
    >>> [c.name for c in candidates("With Cpl. Fred. Quennell. M. Alex. Varenza parla.")]
    ['Fred Quennell', 'Alex Varenza']
    >>> [c.name for c in candidates("We thanked Mr. Robert. Quennell came later. Then Mr. Fred. Then he left.")]
    ['Robert', 'Quennell', 'Fred']
    >>> [c.name for c in candidates("Rep. Green. Shame on all of you.")]
    ['Green', 'Shame']
    >>> [c.name for c in candidates("Present: Jas. Quennell and Alex. Varenza. Thanks, Tom. Great work, M. J. Pim, Fred. Dorsey.")]
    ['Present', 'James Quennell', 'Alex Varenza', 'Tom', 'M. J. Pim', 'Fred Dorsey']
    """
    stop = text.find(". ")
    while stop != -1:
        # Most full stops end sentences: the regex runs only after a clipped given name.
        at, stop = stop, text.find(". ", stop + 2)
        start = at
        while start and text[start - 1].isalpha():
            start -= 1
        given = text[start:at]
        if given not in GIVEN or not clipped(given):
            continue
        m = next((m for m in _CLIPPED_AFTER_TITLE.finditer(text, max(0, start - 12), min(len(text), at + 40))
                  if m.start(2) == start), None)
        if m is not None:
            title, given, surname = m.groups()
            begin, end = m.start(), m.end()
        elif (m := _SURNAME_AFTER.match(text, at)) and _LISTED_BEFORE.search(text, max(0, start - 40), start):
            # ... or in a register's list after another entry written so: "Jas. Armstrong and
            # Alex. Hamilton", "M. J. Boon, Fred. Bradnick".
            title, surname = "", m.group(1)
            begin, end = start, m.end()
        else:
            continue
        if surname in STOP or surname in TITLES or surname in MONTHS or surname in GIVEN and not any_surname(surname):
            continue
        found = classified(f"{title}. {given} {surname}" if title else f"{given} {surname}", False, False, False)
        if len(found) != 1 or found[0].kind != "full":
            continue
        c = replace(found[0], start=start, end=end, initial=False)
        out = [o for o in out if o.end <= begin or o.start >= end] + [c]
    out.sort(key=lambda c: c.start)
    return out


def _generation_after(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` with a full name's generation, written after it, made part of it.

    >>> [c.name for c in candidates("Mr. S. Quill, jun., moved it; Wm. Quill, Senr., and Ann Quill junior.")]
    ['S. Quill Jr.', 'William Quill Sr.', 'Ann Quill Jr.']
    >>> [c.name for c in candidates("Samuel Quill, senior partner, and Ann Quill, sen. Varenza")]
    ['Samuel Quill', 'Ann Quill', 'Varenza']
    """
    # Matched at each full name's end: a search of the whole text cost as much as finding the runs.
    kept, grown = [], False
    for c in out:
        m = _GENERATION_AFTER.match(text, c.end) if c.kind == "full" else None
        if m and not c.name.endswith(("Jr.", "Sr.", " Jr", " Sr")):
            c, grown = replace(c, end=m.end(), name=f"{c.name} {'Jr.' if m['jr'] or m['junior'] else 'Sr.'}"), True
        kept.append(c)
    return [c for c in kept if not any(k.start < c.start < k.end for k in kept)] if grown else out


# Brackets right after a person's name, or after a speaker's name in capitals as a record of
# debates prints it ("MR. D. A. QUILL (Fenwick):", "HON. R. T. VARENZA (Minister of Finance):").
_NAME_BEFORE_BRACKET = re.compile(
    r"(?<![\w'’-])(?:MR|MRS|MISS|MS|DR|HON|SIR|MME)\.?(?: [A-Z]\.)*(?: [A-Z][A-Z'’-]+)+ ?\($")


def _bracketed_after_name(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` without the lone words in brackets right after a person's name: there they are the
    member's seat, party or state ("Rep. Jane Quill (D-Ohio)", "MR. D. A. QUILL (Fenwick):",
    "Agnes Varenza (NDP, Harrow Plains)"), not another person. (A given name there is a
    nickname or, in an obituary, the spouse: 'Robert Quill Jr. (Bud)', "her daughter, Karin
    Quill (Lowell)"; they stay.)

    >>> t = "MR. D. A. QUILL (Fenwick): Agnes Varenza (NDP, Harrow Plains) and Marx spoke."
    >>> [c.name for c in candidates(t) if c.kind != "single" or c.name in ("Fenwick", "Harrow Plains", "Marx")]
    ['D. A. Quill', 'Agnes Varenza', 'Marx']
    >>> [c.name for c in candidates("The Gotha Programme (Marx) and Ann Quill (Varenza) agreed.")]
    ['Marx', 'Ann Quill']
    >>> [c.name for c in candidates("Her daughter, Karin Quill (Lowell) of Ames, survives.")]
    ['Karin Quill', 'Lowell', 'Ames']
    """
    if " (" not in text and not text.startswith("("):
        return out
    names = {c.end for c in out if c.kind in ("full", "titled")}
    kept = []
    for c in out:
        if c.kind in ("single", "pair") and not given_name_sex(c.name.split()[0]):
            opened = text.rfind("(", max(0, c.start - 60), c.start)
            if opened >= 0 and ")" not in text[opened:c.start] and (
                    {opened - 1, opened} & names or _NAME_BEFORE_BRACKET.search(text, max(0, opened - 60), opened + 1)):
                continue
        kept.append(c)
    return kept


# A list's or an index's entry, surname first: "Abery, Mr. T.", "Pim, Mrs. H.", "Lisle, Rev. Canon",
# "Lowe, Capt., R.N.R.", at the start of a line, after an amount or a leader of dots, or after a
# semicolon (not after an initial, "Mr. W. Quill, Mr. T. Ames", nor "the Court of St. James, Mr. Ames").
_INVERTED_TITLES = "Mr|Mrs|Miss|Ms|Dr|Rev|Revd|Capt|Col|Gen|Hon|Lieut|Lt|Major|Alderman|Canon|Sir|Lady|Prof"
_INVERTED = re.compile(
    r"([A-Z](?<![\w'’.-][A-Z])[a-z]+(?:[-'’][A-Z]?[a-z]+)?), "
    rf"((?:(?:{_INVERTED_TITLES})\.?,? )*(?:{_INVERTED_TITLES})(?:\.|(?![.\w])))"
    rf"((?: [A-Z]\.)* (?:{GIVEN_ABBREVIATION_PATTERN})\.|(?: [A-Z]\.)*(?: [A-Z][a-z]+(?=[ ,;.]|$))?)"
    # ...and the entry ends there: no name goes on ("Separately, Dr Priya Raman said", "Meanwhile,
    # Mr. T. Abery said").
    r"(?! [A-Z]\.)(?!,? ?[A-Z][a-z])")


# A title after a comma, looked for first: a literal start the regex engine finds fast, and rare.
_TITLE_AFTER_COMMA = re.compile(rf", (?:{_INVERTED_TITLES})\b")
# (The regex starts at the capital, the engine skipping to capitals; where the entry starts is
# checked after.)
_ENTRY_START = re.compile(r"(?:^|\n|\d |\.\. |; )$")


def _inverted(text: str, out: list[Candidate]) -> list[Candidate]:
    """``out`` with a list's entries written surname first read as the names they are:
    "Abery, Mr. T." is T. Abery, titled "Mr."; "Lisle, Rev. Canon" is Canon Lisle; the
    title words are no names of their own.

    >>> [(c.name, c.kind, c.title) for c in candidates("Abery, Mr. T. .... 0 5 0 Lisle, Rev. Canon .... 2 2 0")]
    [('T. Abery', 'full', 'Mr'), ('Lisle', 'titled', 'Canon')]
    >>> [(c.name, c.kind) for c in candidates("Separately, Mr. T. Abery said so; Lowe, Capt., R.N.R., paid.")
    ...  if c.kind != "single"]
    [('T. Abery', 'full'), ('Lowe', 'titled')]
    >>> [c.name for c in candidates("He wrote from the Court of St. James, Mr. Ames said.")]
    ['Ames']
    >>> [c.name for c in candidates("Committee: Mr. W. Quill, Mr. T. Ames.")]
    ['W. Quill', 'T. Ames']
    >>> [(c.name, c.title) for c in candidates("Honeyball, Mr. Jno. .... 1 1 0")]
    [('John Honeyball', 'Mr')]
    >>> [(c.name, c.title) for c in candidates("Holloway, Mrs. Bernice 52 $100; Quill, Miss Ada, 2s. 6d.")]
    [('Bernice Holloway', 'Mrs'), ('Ada Quill', 'Miss')]
    """
    for m in _INVERTED.finditer(text):
        surname, titles, initials = m.groups()
        if surname in STOP or surname in TITLES or not _ENTRY_START.search(text, max(0, m.start() - 3), m.start()):
            continue
        title = re.findall(rf"(?:{_INVERTED_TITLES})\b", titles)[-1]
        if initials.strip():
            if (given := initials.split()[-1]) and not given.endswith(".") and given not in GIVEN:
                continue  # ("Holloway, Mrs. Bernice": a given name written out; no other word)
            found = classified(f"{initials.strip()} {surname}", False, False, False)
            if len(found) != 1 or found[0].kind != "full":
                continue
            c = replace(found[0], start=m.start(), end=m.end(), title=title)
        else:
            c = Candidate(m.start(1), m.end(1), "titled", surname, surname, "", False, title)
        out = [o for o in out if o.end <= m.start() or o.start >= m.end()] + [c]
    out.sort(key=lambda c: c.start)
    return out


# An index's, a catalogue's or a death notice's heading, surname first at a line's start:
# "Rafferty, Frank", "Carver, Hannah, 1836-1911", "TAIT, Margaret Jean (Peg)", "Hollis, Josiah W.,
# Jr." - where the entry ends there (a line's end, brackets, dates, a colon, a dash), not "Quill,
# Anna and Ames went" of a sentence.
# Also where a list's lines were run together: after a semicolon or a colon ("Index: Banks,
# Loretta; Crump, Willie Mae"), or after a row's number, before an age or a page ("4 Hawes,
# Cleveland 19 Ashford"); or after the last entry's full stop, where the heading is in capitals
# ("Returned 1919. QUILL, Thomas James. Pte., 59th Bn.": an honour roll's lines joined).
_INDEX_ENTRY = re.compile(
    r"(?:^[ \t*•·-]*|(?<=[;:] )|(?<=\d )|(?<=[.)] ))((?:Mc|Mac|O['’])?[A-Z][A-Za-z'’-]+), ([A-Z][a-z]+(?: (?!Jr\b|Sr\b)[A-Z][a-z]+)?(?: [A-Z]\.)*)"
    r"(,? (?:Jr|Sr)\.?| \((?:[Jj]nr|[Jj]unr?|[Ss]nr|[Ss]enr?|Jr|Sr)\.?\))?(?=(?<=\))|[ \t]*$|[ \t]*\(|,[ \t]*(?:\d|b\.|d\.|c\.|fl\.)|:|[ \t]+[-–—]|;|\.(?:[ \t]|$)|[ \t]+\d"
    # ...or a table's next column, abbreviated, after a heading in capitals ("RUCKERT, Gordon A. Rep.
    # Jan. 2, 1979"): checked in _index_entries.
    r"|(?P<column>[ \t]+[A-Z][a-z]{1,3}\.[ \t]))",
    re.M)
_SURNAME_PREFIXES = ("Mc", "Mac", "O'", "O’")


_ENTRY_SHAPE = re.compile(r"[A-Z][A-Za-z'’-]*, [A-Z][a-z]")


def _index_entries(text: str, out: list[Candidate]) -> list[Candidate]:
    r"""``out`` with the headings of an index or a notice, surname first, read as the names they are.

    >>> [(c.name, c.nick) for c in candidates("People\nRafferty, Frank\nRafferty, Kathleen (Kay): 12, 14")]
    [('Frank Rafferty', ''), ('Kathleen Rafferty', 'Kay')]
    >>> [(c.name, c.nick) for c in candidates("TAIT, Margaret Jean (Peg). At home.\nCarver, Hannah, 1836-1911")
    ...  if c.kind == "full"]
    [('Margaret Jean Tait', 'Peg'), ('Hannah Carver', '')]
    >>> [c.name for c in candidates("Paris, France: a letter\nQuill, Anna and Ames went home.")]
    ['Quill', 'Anna', 'Ames']
    >>> [c.name for c in candidates("McQUILL, Dora Elizabeth. At home.\nMacVARENZA, Angus. Aged 90.") if c.kind == "full"]
    ['Dora Elizabeth McQuill', 'Angus MacVarenza']
    >>> [c.name for c in candidates("Quill, Anna. She went home.")]
    ['Quill', 'Anna']
    >>> [c.name for c in candidates("14 QUILL, Gordon A. Rep. Jan. 2, 1979 - Jan. 7, 1991\n15 AMES, Ann B. Dem. Jan. 7")]
    ['Gordon A. Quill', 'Ann B. Ames']
    >>> [(c.name, c.nick) for c in candidates("QUILL, Wiremu (Bill) (inc)* 2,345\nAMES, Tipene 1,201")]
    [('Wiremu Quill', 'Bill'), ('Tipene', '')]
    >>> [c.name for c in candidates("Returned. O'QUILL, Timothy (jnr.), L/Cpl. - returned. PIM, Amos, Sr.")
    ...  if c.kind == "full"]
    ["Timothy O'Quill Jr.", 'Amos Pim Sr.']
    """
    if not _ENTRY_SHAPE.search(text):
        return out  # the common case: no capitalised word before ", " and a capital
    for m in _INDEX_ENTRY.finditer(text):
        surname, given, suffix = m.group(1), m.group(2), m.group(3) or ""
        prefix = next((p for p in _SURNAME_PREFIXES if surname.startswith(p) and surname[len(p):].isupper()), "")
        capitals = surname.isupper() or bool(prefix)
        if text.endswith((". ", ") "), 0, m.start()) and not (capitals and _entry_ended(text, m.start())):
            continue  # "Mr. Quill, Anna and ...", "St. JOHN, New Brunswick": no entry ended there
        if text.startswith(".", m.end()) and not capitals or m.group("column") and not capitals:
            continue  # "Quill, Anna. Then": a sentence; a notice writes its heading's surname in capitals
        if surname.isupper():
            surname = _title_case(surname)
        elif prefix:
            surname = prefix + surname[len(prefix):].title()  # "McILROY", "MacLEOD" -> "McIlroy", "MacLeod"
        if given.split()[0] in MONTHS:
            continue  # "OREWA, Jan 27 (NZPA)", "CORRAN, May 12, 2015": a dateline
        vouched = (nick := _NICK_AFTER.match(text, m.end())) and nick.group(1) in GIVEN
        if surname in STOP or surname in GIVEN or not (
                given.split()[0] in GIVEN or given_name_sex(given.split()[0]) and given.split()[0] not in TITLES
                or vouched and given.split()[0] not in STOP | TITLES | MONTHS):
            # (a given name the census lists, though a surname or a town too: "Bratton, Curtis L.";
            # or one it does not, with the everyday name in brackets after it: "HENARE, Wiremu (Bill)")
            continue
        # ("O'SULLIVAN, Timothy (jnr.)" of an Irish or a British roll is Timothy O'Sullivan Jr.)
        generation = "" if not suffix else " Jr." if suffix.strip(" ,(").lower().startswith("j") else " Sr."
        name = f"{given} {surname}{generation}"
        found = classified(name, False, False, False)
        if len(found) == 1 and found[0].kind == "full":
            c = replace(found[0], start=m.start(1), end=m.end())
        elif given.split()[0] not in GIVEN:
            # Read as written: the entry says which word is the given name.
            c = Candidate(m.start(1), m.end(), "full", name, surname, given.split()[0], False, "", "")
        else:
            continue
        if (nick := _NICK_AFTER.match(text, m.end())) and nick.group(1) != given.split()[0] and (
                nick.group(1) in GIVEN or may_be_called(nick.group(1), given.split()[0])):
            c = replace(c, end=nick.end(), nick=nick.group(1))  # "Rafferty, Kathleen (Kay)"
        out = [o for o in out if o.end <= c.start or o.start >= c.end] + [c]
    out.sort(key=lambda c: c.start)
    return out


def _sexes_differ(first: str, second: str) -> bool:
    """Are two given names a man's and a woman's, so not one person's two: "Will Ruth (Varenza) Quill"
    is a question's verb before her name, "John Michael" one man's?"""
    return {given_name_sex(first), given_name_sex(second)} == {"m", "f"}


_NICK_AFTER = re.compile(r"[ \t]*\([\"“'‘]?([A-Z][a-z]+)[\"”'’]?\)")
_WORD_BEFORE = re.compile(r"(?:^|\s)(\S+)[ ]$")


def _entry_ended(text: str, start: int) -> bool:
    """Did an entry end right before ``start``: a bracket closed, or a full stop after a number
    or a word that is no initial, title or abbreviation ("1919.", "Returned." - not "Mr.", "St.")."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group(1)
    if word.endswith(")"):
        return True
    word = word.rstrip(".")
    return word.isdigit() or len(word) > 1 and word.isalpha() and not word.isupper() and (
        word not in TITLES and not is_abbreviation(word))


# A list's entry of a surname and initials only, a line or a semicolon's item to itself, or
# before its count in another column: a ballot's "Kowalczyk, S.J., Jr.: 1,487", a roll's "Bell, O.;
# Dudek, J., Jr." (not a citation's "Castro, V. 126": a volume and a page).
_INITIALLED_ENTRY = re.compile(
    r"(?:^|(?<=; ))((?:Mc|Mac|O['’])?[A-Z][A-Za-z'’-]*[a-z]|[A-Z]{2,}(?:['’-][A-Z]+)?), ((?:[A-Z]\. ?){1,3})"
    r"(,? (?:Jr|Sr|jun|sen)\.?)?(?=[ \t]*(?:$|;|:[ \t]*\d|\.{3,}|[ \t]{2}[ \t]*\d))", re.M)
_INITIAL_AFTER_COMMA = re.compile(r", [A-Z]\.")


def _initialled_entries(text: str, out: list[Candidate]) -> list[Candidate]:
    r"""``out`` with a list's entries of a surname and initials read as the names they are.

    >>> [c.name for c in candidates("TRUSTEES; Bell, O.; Dudek, J., Jr.; Mancini, R.")]
    ['O. Bell', 'J. Dudek Jr.', 'R. Mancini']
    >>> [c.name for c in candidates("PRESIDENT\nKOWALCZYK, S.J., Jr.: 1,487\nBarnicle, J.R.: 802")]
    ['S. J. Kowalczyk Jr.', 'J. R. Barnicle']
    >>> [c.name for c in candidates("He went to Paris, F. Quill said; then home.")]
    ['F. Quill']
    >>> [c.name for c in candidates("Cantillo, 467; Calvo, II. 348; Castro, V. 126.")]
    ['Cantillo', 'Calvo', 'Castro']
    """
    if not _INITIAL_AFTER_COMMA.search(text):
        return out  # the common case, found fast
    for m in _INITIALLED_ENTRY.finditer(text):
        surname, initials, suffix = m.group(1), m.group(2), m.group(3) or ""
        if surname in STOP or surname in TITLES or surname in GIVEN:
            continue
        if surname.isupper():
            surname = _title_case(surname)
        letters = " ".join(f"{x}." for x in re.findall(r"[A-Z]", initials))
        generation = " Jr." if suffix.strip(" ,.").lower() in ("jr", "jun") else " Sr." if suffix else ""
        found = classified(f"{letters} {surname}", False, False, False)
        if len(found) != 1 or found[0].kind != "full":
            continue
        c = replace(found[0], start=m.start(), end=m.end(), name=found[0].name + generation)
        out = [o for o in out if o.end <= c.start or o.start >= c.end] + [c]
    out.sort(key=lambda c: c.start)
    return out


def coordinated(c: Candidate) -> bool:
    """Is ``c`` the first given name of "A and B Surname", given the surname by
    :func:`candidates`? (Its span is the given name alone.)

    >>> [(c.name, coordinated(c)) for c in candidates("Karl and Jenny Marx left.") if c.kind == "full"]
    [('Karl Marx', True), ('Jenny Marx', False)]
    """
    return c.kind == "full" and c.end - c.start == len(c.given) < len(c.name)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" *_\t\n")
    return not before or before[-1] in _SENTENCE_END or start < 2
