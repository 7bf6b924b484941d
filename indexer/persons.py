"""Who each paragraph mentions, resolved within its document.

Rules, in the order they apply to one document:

1. Authority forms are found with one Aho-Corasick pass (longest match wins;
   a veto such as "Stalin Prize" hides the "Stalin" inside it). Matches need
   word boundaries, so "Stalinist" never matches "Stalin".
2. A full name (authority alias, or a discovered "given name + surname")
   fixes the person for the whole document.
3. A bare surname means the person with that surname named in the document
   (the nearest earlier one if several are); else the only person in the file
   with that surname; else it is ambiguous and flagged.
4. Context-only forms ("LD") count only for a person already named here.
5. A capitalised word within one edit of a named person's surname is that
   person, flagged ``typo:<word>-><id>`` for review.
6. Cold start: other name-shaped words become discovered persons ("x-" ids)
   when the evidence is good (titles, given names, repeated surnames); see
   :mod:`indexer.names` and :mod:`indexer.discovery`.

This module finds the authority's forms in a text (rule 1) and which of them a
document of a given date can mean; :mod:`indexer.resolution` applies rules 2-6
to one document.

>>> from indexer.authority import BORN_BEFORE_MEANT, Authority
>>> a = Authority.from_dict({"person": [{"id": "trotsky-leon", "name": "Leon Trotsky",
...     "surnames": ["Trotsky"], "context": ["LD"]}]})
>>> [[r.id for r in refs] for refs, _ in PersonAnnotator(a).annotate("", ["Leon Trotsky left.", "LD and Trotksy."])]
[['trotsky-leon'], ['trotsky-leon']]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from indexer.authority import BORN_BEFORE_MEANT, Authority
from indexer.chunking import sentence_around
from indexer.discovery import EVENT_HEADS, Discovery
from indexer.folding import fold_in_place
from indexer.ocr import name_text
from indexer.models import PersonRef
from indexer.name_runs import Candidate
from indexer.name_words import (
    EPONYM_HEADS, FIRM_TAILS, GIVEN, OFFICES, STOP, THING_HEADS, TITLE_SEX, TITLES, office_key,
)
from indexer.names import (SHIP_PREFIXES, candidates, named_again, named_for, thing_word_after, weapon_named,
                           word_after)
from indexer.personhood import member_noun_after, nonperson
from indexer.resolution import Resolution
from indexer.years import mentions

Annotation = tuple[tuple[PersonRef, ...], tuple[str, ...]]

_WORD_CHAR = re.compile(r"\w")
# A capitalised word, or an initial ("Melville W. Fuller"; not the "S." of "U.S.").
_CAP_BEFORE = re.compile(r"(?:^|[^\w])([A-Z][\w'-]*|(?<![\w.])[A-Z]\.)[ \t]+$")
_CAP_AFTER = re.compile(r"^(?:'s)?[ \t]+[A-Z][a-z]")
# A capitalised word hyphened to a name (folding makes a dash a hyphen: "men—Truman" has a
# lower-case word before it).
_HYPHENED_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)-$")
_HYPHENED_AFTER = re.compile(r"-([A-Z][a-z]+)(?![\w'’])")
_GIVEN_RIGHT_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) $")
# A numeral after a bare surname: a thing or a ruler named after it ("Pershing II"), not the person.
_NUMBERED = re.compile(r" (?:I{2,3}|IV|VI{0,3}|IX|XI{0,3})\b(?!['\w])")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.? $")
_GIVEN_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")
_FOUR_DIGITS = re.compile(r"\d{4}")
# An office right before a surname, and a "former" before it: "former Vice-President Quill".
_OFFICE_BEFORE = re.compile(r"(?:\b([Ff]ormer|[Ee]x-) ?)?\b((?:Vice[ -])?[A-Z][a-z]+)\.? $")
# ...or in apposition after it: "Mr. Quill, the ambassador to Mexico", "Quill, our former governor".
_OFFICE_AFTER = re.compile(r", (?:the|our|their|his|her) (?:(former|then) )?((?:vice[ -])?[a-z]+)\b")
_AT_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear) $")
_NAME_HEADS = frozenset(h.split()[0].rstrip("\\.") for h in EVENT_HEADS)
# Kinds of authority form that a longer capitalised name can hold without meaning the person.
_BARE_KINDS = ("surname", "misspelling", "context")


@dataclass(frozen=True)
class Hit:
    """An authority form found in a text: its span and the (kind, person id) pairs it
    stands for (a veto's id is "")."""

    start: int
    end: int
    text: str
    kinds: tuple[tuple[str, str], ...]  # (kind, person id); veto id ""
    timed: bool = False  # narrowed to the people active at the document's date
    unheld: bool = False  # after an office none of the file's people with the surname held

    @property
    def bare(self) -> bool:
        """Only a bare surname (or its misspelling) of the file's people: "Cleveland"."""
        return all(k[0] in _BARE_KINDS for k in self.kinds)


class PersonAnnotator:
    """Annotates documents with persons; build once, use for many documents."""

    def __init__(self, authority: Authority, state: dict | None = None) -> None:
        self.authority = authority
        self.discovery = Discovery.from_state(state)
        # Text -> the name candidates of its folded form, left by a discovery count
        # in this process (see :meth:`count_part`); each is used once, then
        # dropped. Keyed by the text as given: the documents hold those strings.
        self.found: dict[str, list[Candidate]] = {}
        self._automaton = _automaton(authority)
        # Folded surname -> ids, and id -> folded surnames, for resolution and typos.
        self.ids_by_surname: dict[str, list[str]] = defaultdict(list)
        for p in authority.persons.values():
            for s in (*p.surnames, *[m for m in p.misspellings if " " not in m]):
                self.ids_by_surname[fold_in_place(s)].append(p.id)
        self.surnames = {pid: [fold_in_place(s) for s in p.surnames] for pid, p in authority.persons.items()}
        # Folded full name -> id, for the names one person of the file alone bears: a full name
        # the text writes otherwise than the aliases ("Dr. Martin Luther King, Jr.", comma and
        # all) is still that person, though the file gives no bare surname ("King" is many).
        by_full: dict[str, set[str]] = defaultdict(set)
        for p in authority.persons.values():
            for n in (p.name, *p.aliases):
                if " " in n and n.split()[0].rstrip(".") not in TITLES:
                    by_full[fold_in_place(n)].add(p.id)
        self.id_by_full_name = {n: next(iter(ids)) for n, ids in by_full.items() if len(ids) == 1}
        self.givens = {
            pid: {fold_in_place(n.split()[0]) for n in (p.name, *p.aliases) if not n.split()[0].endswith(".")}
            for pid, p in authority.persons.items()
        }

        # The sex the file's own forms of address give a person ("Mr. Trotsky").
        self.sexes = {pid: sex for pid, p in authority.persons.items() if (sex := _address_sex(p.aliases))}

    # -- corpus-wide pass ------------------------------------------------------------

    def prepare(self, documents: Iterable[tuple[str, list[str]]]) -> None:
        """Collect corpus-wide name evidence (optional; one cheap pass)."""
        self.discovery = Discovery.build(documents)

    def count_part(self, documents: Iterable[tuple[str, list[str]]]) -> tuple[dict, dict, Counter]:
        """Discovery counts for this process's part of the corpus (see
        :meth:`Discovery.count`), remembering each text's name candidates so that
        annotating the same documents here does not find them again."""
        return Discovery.count(documents, self.found)

    def candidates(self, text: str, folded: str) -> list[Candidate]:
        """The name candidates of ``folded`` (= ``name_text(text)``): those the discovery
        count found for ``text`` in this process, else found now."""
        cs = self.found.pop(text, None)
        disc = self.discovery
        return named_again(folded, candidates(folded) if cs is None else cs, disc.unlisted_givens(),
                           disc.unlisted_given_pattern())

    def state(self) -> dict:
        """JSON-serialisable discovery state, for ``PersonAnnotator(authority, state=...)``."""
        return self.discovery.state()

    # -- one document -------------------------------------------------------------------

    def annotate(self, title: str, texts: list[str], published: str | None = None) -> list[Annotation]:
        """Persons and review flags for each paragraph text of one document.

        ``published`` (an ISO date prefix) rules out authority persons born too
        late to be meant: a bare "Jackson" in 1835 is not a man born in 1941.
        """
        year = int(published[:4]) if published and published[:4].isdigit() else None
        raw = [title, *texts]
        doc = Resolution(self, [name_text(t) for t in raw], year, raw)
        return doc.resolve()[1:]

    def hits(self, text: str, year: int | None) -> list[Hit]:
        """The authority forms in folded ``text`` that a document of ``year`` can mean.

        Dropped: persons born after the document, and bare surnames inside a longer
        name ("Capitol Hill", "Adam Smith", "Lincoln Memorial"). Of several people one
        form may mean, those active at the document's date are kept: "Bush" in 2002 is
        the son, in 1990 the father.
        """
        out = []
        for h in self._forms(text):
            kinds, timed, unheld = self._by_office(h, year, text)
            if not timed and not unheld:
                kinds, timed = self._at_date(h.kinds, year, text, h) if year is not None else (h.kinds, False)
            if all(k[0] in _BARE_KINDS for k in kinds) and (
                    _embedded(text, h) or _at_place(text, h) or _NUMBERED.match(text, h.end)
                    or weapon_named(text, h.end)):
                continue
            if (thing_word_after(text, h.end) in THING_HEADS
                    or text.endswith(SHIP_PREFIXES, max(0, h.start - 9), h.start)
                    or " " in h.text and member_noun_after(text, h.end)):
                # "Amos Quill High School", "the USS Harry S. Truman", "Amos Quill coach Ann Lee" (a
                # bare "Quill coach" makes the school of the whole document: see Resolution.institution)
                continue
            if all(k[0] in _BARE_KINDS for k in kinds) and (self._joined_to_another_name(text, h)
                                                            or named_for(text, h.start, h.end)):
                continue  # "Ms Townsend-Clarke"; "the McClellan committee"
            if kinds:
                out.append(Hit(h.start, h.end, h.text, kinds, timed, unheld))
        return out

    def _born_by(self, kinds: tuple[tuple[str, str], ...], year: int) -> tuple[tuple[str, str], ...]:
        """The kinds whose person was born long enough before ``year`` to be meant then."""
        persons = self.authority.persons
        return tuple(k for k in kinds if not k[1] or (persons[k[1]].born or 0) + BORN_BEFORE_MEANT <= year)

    def _by_office(self, h: Hit, year: int | None, text: str) -> tuple[tuple[tuple[str, str], ...], bool, bool]:
        """A bare surname's kinds narrowed by the office written before it, as the file's
        offices say (see :meth:`indexer.authority.Authority.office_holders`): (kinds, whether
        the office chose among people, whether none of them held it). "President Quill" of
        1996 is the father who left office in 1993, not the son then a governor."""
        persons = self.authority.persons
        if not h.kinds or not all(k[0] in _BARE_KINDS for k in h.kinds) or all(
                persons[k[1]].offices is None for k in h.kinds if k[1]):
            return h.kinds, False, False  # (the file gives none of them offices: most hits, no lookup)
        for office in (_OFFICE_BEFORE.search(text, max(0, h.start - 30), h.start), _OFFICE_AFTER.match(text, h.end)):
            key = office_key(office.group(2).title()) if office else ""
            if key.endswith("s") and key[:-1].split()[-1] in OFFICES:
                key = key[:-1]  # "former Presidents Bush and Clinton"
            if key and key.split()[-1] in OFFICES:
                break
        else:
            return h.kinds, False, False
        kinds = self._born_by(h.kinds, year) if year is not None else h.kinds
        pids = [k[1] for k in kinds if k[1]]
        held = self.authority.office_holders(pids, key, year, (office.group(1) or "").lower() in ("former", "ex-"))
        if held == []:
            return kinds, False, True  # "Ambassador Wilson": nobody the file knows by the name (see Resolution)
        if held is None or set(held) == set(pids):
            return h.kinds, False, False
        return tuple(k for k in kinds if not k[1] or k[1] in held), True, False

    def _joined_to_another_name(self, text: str, h: Hit) -> bool:
        """Is a bare surname half of another person's double-barrelled surname, after a given
        name ("Philippa Townsend-Clarke") or an honorific ("Ms Townsend-Clarke"), or half of a
        firm's or a place's name ("the
        Ortega-Ruiz Funeral Home")?
        Without a given name the halves still name their bearers ("the Truman-Acheson
        Administration", "the Hitler-Stalin pact")."""
        if before := _HYPHENED_BEFORE.search(text, max(0, h.start - 30), h.start):
            start, end = before.start(), h.end
        elif after := _HYPHENED_AFTER.match(text, h.end):
            start, end = h.start, after.end()
        else:
            return False
        if (head := word_after(text, end)) and (head in THING_HEADS or head in FIRM_TAILS or (
                head[:1].isupper() and head.lower() in EPONYM_HEADS)):
            return True  # "the Ortega-Ruiz Funeral Home", "the Hoover-Acheson Commission Report"
        if _HONORIFIC_BEFORE.search(text, max(0, start - 5), start):
            return True  # "Ms Townsend-Clarke": one woman's double-barrelled surname
        given = _GIVEN_RIGHT_BEFORE.search(text, max(0, start - 20), start)
        if self._automaton is None:
            return False
        other = (before or after).group(1)
        if not given and not self.discovery.surname_evidence(other) and not self._automaton.exists(other):
            return True  # "the Kelsey-Hayes sit-down": the other half is nobody's name here, so a firm's
        if not given:
            return False
        if before and self._automaton.exists(f"{given.group(1)} {before.group(1)}"):
            return False  # "Joseph Stalin—Hitler had insisted": a dash (folded) after a full name of the file
        # A given name no table lists counts too ("Philippa"), but no title or common word;
        # the other half may be a surname of the file too ("Townsend").
        return given.group(1) in GIVEN or given.group(1) not in STOP and given.group(1) not in TITLES

    def _at_date(self, kinds: tuple[tuple[str, str], ...], year: int, text: str = "",
                 h: Hit | None = None) -> tuple[tuple[tuple[str, str], ...], bool]:
        """The kinds a document of ``year`` can mean, and whether the date chose among people.

        A past year the mention's own sentence gives, when it is the active time of
        exactly one of them, outweighs the document's: "President Bush in 1992", said
        in 1996, is the father.
        """
        persons = self.authority.persons
        kinds = self._born_by(kinds, year)
        pids = {k[1] for k in kinds if k[1]}
        active = self.authority.active_in(pids, year) if len(pids) > 1 else []
        if len(pids) > 1 and h is not None and _FOUR_DIGITS.search(text):
            said = [y for y in mentions(text[slice(*sentence_around(text, h.start, h.end))]).years if y <= year]
            then = [pid for pid in pids if said and all(persons[pid].active_in(y) for y in said)]
            if len(then) == 1:
                active = then
        if active and len(active) < len(pids):
            return tuple(k for k in kinds if not k[1] or k[1] in active), True
        return kinds, False

    def _forms(self, text: str) -> list[Hit]:
        """Authority forms in folded ``text``: leftmost-longest, word-bounded."""
        if not self._automaton:
            return []
        found = []
        for end, (length, kinds) in self._automaton.iter(text):
            start = end - length + 1
            if start > 0 and (_WORD_CHAR.match(text[start - 1]) or text[start - 1] == "'" and start > 1
                              and text[start - 2].isalpha()):
                continue
            after = text[end + 1 : end + 2]
            if after and _WORD_CHAR.match(after):
                continue
            found.append(Hit(start, end + 1, text[start : end + 1], kinds))
        found.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        last_end = -1
        for h in found:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
        return out


def _address_sex(aliases: tuple[str, ...]) -> str | None:
    """The one sex the titles of a person's aliases give ("Mr. Hoover", "Queen Victoria")."""
    sexes = {TITLE_SEX.get(a.split()[0].rstrip(".")) for a in aliases if " " in a} - {None}
    return sexes.pop() if len(sexes) == 1 else None


def _at_place(text: str, h: Hit) -> bool:
    """ "at Cleveland", "in Lincoln": a place's name after a preposition of place (not
    "in Lincoln's time")."""
    return (bool(_AT_BEFORE.search(text, max(0, h.start - 6), h.start)) and text[h.end : h.end + 1] != "'"
            and nonperson(h.text) == "place")


def _embedded(text: str, h: Hit) -> bool:
    """Is a bare surname part of a longer capitalised name (not just after a title)?"""
    window = text[max(0, h.start - 30) : h.start]
    before = _CAP_BEFORE.search(window)
    if before:
        word = before.group(1).rstrip(".")
        if word == "M" and (given := _GIVEN_BEFORE.search(window, 0, before.start(1))) and (
                given.group(1) not in STOP and given.group(1) not in TITLES):
            return True  # "Alfred M. Wilson": a middle initial, not "M. Thiers"'s Monsieur
        if word in TITLES and word in GIVEN and _HONORIFIC_BEFORE.search(window, 0, before.start(1)):
            return True  # "Mr. Don Johnson": after an honorific, a title-shaped word is a given name
        # "President Lincoln" and "But Lincoln" are mentions; "Capitol Hill" and "Adam Smith" are not.
        if word not in TITLES and (word not in STOP or word in GIVEN) or word in _NAME_HEADS:
            return True  # "Fort Adams", "Lake Pontchartrain", "Hurricane Sandy" too
    return bool(_CAP_AFTER.match(text[h.end : h.end + 6]))


def _automaton(authority: Authority) -> ahocorasick.Automaton | None:
    forms = authority.forms()
    if not forms:
        return None
    a = ahocorasick.Automaton()
    for form, kinds in forms.items():
        a.add_word(form, (len(form), tuple(kinds)))
    a.make_automaton()
    return a
