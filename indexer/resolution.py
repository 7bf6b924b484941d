"""Who each mention in one document is: the passes of :mod:`indexer.persons`'s rules 2-6.

A document is resolved in passes, each over all its paragraphs (the title is
paragraph 0): full names first, since they fix a person for the whole document;
then bare surnames and other lone words; then context-only forms ("LD"). A lone
word goes through the ways it can name someone in a fixed order (see
:meth:`Resolution.resolve_single`), the first that settles it winning.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from indexer.authority import BORN_BEFORE_MEANT, name_key
from indexer.census import common_given_name, common_surname, given_name_sex
from indexer.discovery import ADULT, MIN_OWNER_COUNT, OWNER_DOMINANCE, generation, plain_name
from indexer.folding import fold_in_place
from indexer.hypocorisms import clipped, is_hypocorism
from indexer.inflection import inflected
from indexer.lifespans import apart, life_dates
from indexer.models import PersonRef
from indexer.name_runs import PARTICLE_WORD, SURNAME_PARTICLES, Candidate
from indexer.name_words import (
    DERIVED,
    GIVEN,
    HONORIFICS,
    KIN_TITLES,
    MONARCH_TITLES,
    ROMAN,
    STOP,
    TITLE_SEX,
    TITLES,
    any_surname,
    everyday_word,
    office_key,
    office_title,
    personlike,
    placeholder_names,
)
from indexer.names import coordinated, members_body, ranked_thing, thing_named, vessel_after, vessel_before
from indexer.notables import notables
from indexer.ocr import ocr_key
from indexer.personhood import (
    cut_short,
    firm_modifier,
    human_after,
    imaginary_name,
    listed_as_place,
    member_noun_after,
    mononym_doubt,
    nonperson,
    person_apposition,
    place_by_data,
    place_name,
    place_named,
    place_use,
    residence,
    role_modifier,
)
from indexer.rulers import numbered, reigning, rulers_then, ruling
from indexer.stable_ids import discovered_id
from indexer.years import time_told, told_years

if TYPE_CHECKING:
    from indexer.persons import Annotation, Hit, PersonAnnotator

TYPO_MIN_LENGTH = 5  # shorter words are too often other real words one edit away
# Years after a death in which a bare surname still needs no other evidence (papers
# printed, speeches dated late, a widow's "Mr. Lewis").
POSTHUMOUS_GRACE = 10
# The age from which someone without ``active`` years is taken to be in public life.
PUBLIC_LIFE_AGE = 30
# Forms of address used of the living.
ADDRESS_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mr.", "Mrs.", "Ms."})
# More of a name after a word: an initial (or a misread one, "1."), a particle.
_NAME_GOES_ON = re.compile(r" (?:[A-Z1]\.|(?:de|del|de la|van|von|da|di) [A-Z])")
# An entry of a results table: a rider's, a driver's or a helmsman's initial and surname in
# brackets, then a placing ("Captain Hallam (S Tye) 1"). What came first is what they rode or
# sailed, a horse or a boat, and that name is the same thing in the report above the table.
_RESULT_AFTER = re.compile(r" \((?:[A-Z]\.? ?){1,2}[A-Z][a-z'’-]+\) =?\d")
# A name's particle after a lone word: the word heads a longer name the run lost, a title or
# a given name ("the Comte d'Esterno", "Graf von Quennell"), and is no bare surname.
_PARTICLE_AFTER = re.compile(r" (?:d['’]|(?:de|du|del|de la|van|von|da|di) )[A-Z]")
# A word the corpus uses as a place this often ("in Marlow", "at Marlow"), and mostly so, is a
# town where a mention of it reads as one. ("In Gabby we see...", twice in one speech, is not.)
TOWN_USES = 5
# "Rarely": in under one use in this many.
RARELY = 20
# "his son, Gage", "his wife Kelli": kin who share the surname (a sister or daughter may have married).
_KIN_NOUN_BEFORE = re.compile(
    r"\b(?:([Hh]is)|([Hh]er)|([Tt]heir)) (?:[\w-]+ )?(?:son|daughter|wife|husband|widow|brother|father|grandson),? $")
# A more distant relative before a given name: "your Uncle Ted", "her nephew Ted", "Aunt Mabel".
# (Not a wife, a brother or a son: "my wife Michelle", "my brother Robert" are the people of the
# speaker's own family the corpus names in full.)
_RELATIVE_BEFORE = re.compile(
    r"\b(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our|[Oo]ur) (?:[\w-]+ )?(?:nephew|niece|cousin|uncle|aunt|Uncle|Aunt)"
    r"|Uncle|Aunt|Auntie),? $")
# "a citizen named Wilson" (not "he named Wilson", an appointment).
_INTRODUCED = re.compile(r"\b(?!(?:he|she|they|we|you|who|had|has|have|was|were|been|be|then|also)\b)[a-z]+ (?:named|called) $")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+\.?) $")
_KIN_BEFORE = re.compile(
    r"\b(?:[Tt]he (?:first|second|third|elder|younger|older|senior|junior)(?: [A-Z][a-z]+\.?)?|[Oo]ld|[Yy]oung) $")
# A title and "and" before the title of a surname: the couple shares it.
_COUPLE = re.compile(r"\b([A-Z][a-z]+)\.? (?:and|&) $")
_LISTED = re.compile(r",? and |, |; | & ")
_AND = re.compile(r" and | & ")
# A full name set beside what came before it, so the same person: "Quill (Ada Quill)",
# "Quill, that is Ada Quill", "Quill -- Ada Quill".
_APPOSED = re.compile(r"(?:[,(:–—-]|\bthat is|\bnamely) *$")
# A body or a place named after a virtue or a thing: "a Band of Hope", "the House of Mercy",
# "the Bank of Commerce". (Asked only of a word the corpus writes in lower case too: "the
# Life of Johnson" is a work about a man.)
_BODY_OF = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) of (?:the )?$")
# "Railtrack's shares", "Railtrack's chief executive": a firm's, whatever else the story says of it.
# (Not "Staub's employees": a man's small firm has them too.)
_FIRM_AFTER = re.compile(r"['’]s (?:shares|shareholders|share price|stock price|chief executive|profits"
                         r"|headquarters in)\b")
_KNIGHTHOODS = frozenset({"Sir", "Dame"})
# A kin noun right before a name says the person's sex: "her brother, Eamon Quinlan".
_KIN_SEX = {**dict.fromkeys("brother son father husband uncle nephew grandson grandfather".split(), "m"),
            **dict.fromkeys("sister daughter mother wife aunt niece granddaughter grandmother widow".split(), "f")}
_KIN_OF_SEX_BEFORE = re.compile(r"\b(%s),? $" % "|".join(_KIN_SEX), re.I)
_CAPITAL_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*) $")

# A possessive or an indefinite article right before a lone capitalised word makes it a thing.
_OWNED = re.compile(r"(?<![\w'])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Aa]n?) $")
# ...and before a full name, also the definite article: "the Rose Garden", "the Henry Jackson plan".
_AGENT = ("by ", "By ")
_DETERMINED = re.compile(r"(?<![\w'])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Aa]n?|[Tt]he) $")
# ...unless a clause says which of the person's sides is meant: "the George Bush that I knew".
_DESCRIBED_AFTER = re.compile(r",? (?:that|who|whom|whose|I|we|you)\b")
_LISTED_BEFORE = re.compile(r"(?<![\w'])([A-Z][a-z]+)(?:,? and |, |; | & )$")
_LISTED_AFTER = re.compile(r"(?:,? and |, |; | & )([A-Z][a-z]+)\b")
_OTHER_SEX = {"m": "f", "f": "m"}
# Someone's relative by a possessive: "Ti-Jean's boy, Marcel", "Ovila's Jean-Paul".
_KIN_OF_BEFORE = re.compile(r"(?<![\w'’])([A-Z][\w-]+)['’]s (?:(?:\w+ )?(?:boy|girl|son|daughter|wife|husband|brother|"
                            r"sister|kid|lad|lass),? )?$")
# A woman named by the family she married out of: "married to Rose Hajek", "the former Ada Voss".
_BRIDE_BEFORE = re.compile(r"\b(?:married(?: to)?|wed|née|nee|the former|born)(?: Miss)? $")
# A register's entry, surname first: "BEAULIEU, Roger", "Vance, Estelle;".
_ENTRY_BEFORE = re.compile(r"(?<![\w'’])([A-Z][A-Za-z'’-]+), $")
# How long before the corpus first names a family's member in full a household's "Miss
# Harriet" may already be her.
GENERATION_YEARS = 30
# The titles of a ruler's wife as much as of a ruler.
_CONSORTS = frozenset({"Queen", "Empress", "Tsarina", "Czarina", "Tsaritsa"})
# The forms of address a woman is written with before her initials, as her name keeps them.
_WOMAN_ADDRESS = {"Mrs": "Mrs.", "Miss": "Miss", "Ms": "Ms.", "Mme": "Mme", "Madame": "Mme"}
_INITIAL = re.compile(r"[A-Z]\.")
_PRONOUN = re.compile(r"(?<![\w'’])(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)(?![\w'’])")
_SENTENCE_STOP = re.compile(r"[.!?;:]\s|\n")
_GENERATION_WORD = re.compile(r"^(?:Jr|Sr|[IVX]+)\.?,?$")
# A name spoken to: ", you" after it, or "And," or "Thank you," or "you," before it.
_VOCATIVE_AFTER = re.compile(r", (?:you|thank you)\b")
_VOCATIVE_BEFORE = re.compile(r"(?:\b(?:[Aa]nd|[Bb]ut|So|Now|Well|Oh|you|You),|(?:^|[.!?] )(?:Thanks|Thank you),) $")


class Resolution:
    """Resolution state for one document; paragraph 0 is the title."""

    def __init__(self, annotator: PersonAnnotator, texts: list[str], year: int | None = None,
                 raw: list[str] | None = None) -> None:
        self.a = annotator
        self.texts = texts
        self.year = year
        self.hits = [annotator.hits(t, year) for t in texts]
        self.cands: list[list[Candidate]] = []
        for k, (t, r) in enumerate(zip(texts, raw or texts)):
            cs = [self.monsieur_or_initial(t, c) for c in annotator.candidates(r, t)]
            # An entry written surname first ("Hawes, Cleveland 19") says what its words are: its
            # given name is no bare surname of the file (President Cleveland's).
            entries = [(c.start, c.end) for c in cs if c.kind == "full" and ", " in t[c.start:c.end]]
            if entries:
                self.hits[k] = [h for h in self.hits[k] if not (
                    h.bare and _overlaps(h.start, h.end, entries))]
            spans = [(h.start, h.end) for h in self.hits[k]]
            cs = [c for c in cs if not _overlaps(c.start, c.end, spans)]
            self.cands.append(_drop_shadowed(cs))
        raced = {(c.title, c.name) for t, cs in zip(texts, self.cands) for c in cs
                 if t.startswith(" (", c.end) and _RESULT_AFTER.match(t, c.end)}
        if raced:
            self.cands = [[c for c in cs if (c.title, c.name) not in raced] for cs in self.cands]
        self.found: list[list[tuple[int, PersonRef]]] = [[] for _ in texts]
        self.flags: list[list[str]] = [[] for _ in texts]
        self.named: dict[str, tuple[int, int]] = {}  # id -> first (paragraph, offset)
        self.refs: dict[str, PersonRef] = {}
        self.by_surname: dict[str, list[tuple[tuple[int, int], str]]] = defaultdict(list)
        # Surname -> every (position, id) where someone with it was named: not only the first.
        self.surname_at: dict[str, list[tuple[tuple[int, int], str]]] = defaultdict(list)
        self.by_given: dict[str, set[str]] = defaultdict(set)
        self.weak: list[tuple[int, Candidate]] = []  # lone words with too little evidence alone
        self._between_places: set[str] | None = None
        self._listed_places: dict[str, bool] = {}
        self._institutions: set[str] | None = None
        self._vessels: dict[str, bool] = {}
        self._longer: dict[str, set[Candidate]] | None = None  # see longer_name_here
        self._document_years: list[int] | None = None  # see document_years
        self._joined: str | None = None  # the document's texts as one, for looking up a name's uses
        self._contrasted: dict[str, set[str]] | None = None
        self.kin_sexes: dict[str, str] = {}
        # The surnames of the characters of fiction and the names for anyone ("John Doe") named here
        self.imaginary_surnames: set[str] = {n.split()[-1] for n in placeholder_names() if any(n in t for t in texts)}
        self.offices: dict[str, set[str]] = defaultdict(set)  # id -> titles written before the full name here
        # Namesakes of the file's people that the document gives an office ("Senator Clinton").
        self.office_namesakes: set[str] = set()
        self.mid_counts = Counter(
            c.name for cs in self.cands for c in cs if c.kind in ("single", "given") and not c.initial
        )

    # -- helpers ------------------------------------------------------------------------

    def monsieur_or_initial(self, text: str, c: Candidate) -> Candidate:
        """ "M. Quill" read as the initial of the one Matthew Quill the corpus names (twice, or in
        this document), not as "Monsieur Quill": a donor's "M. Quill, Esq.", a roll's "M. Quill".
        Where the corpus names no Quill of that initial, or the file knows a Quill, it stays
        Monsieur ("M. Thiers" of Adolphe Thiers)."""
        if (c.kind != "titled" or c.title != "M" or not text.endswith("M. ", 0, c.start)
                or self.a.ids_by_surname.get(c.surname)):
            return c  # (the file's "M. Proudhon" is Monsieur, whatever the corpus names)
        name = f"M. {c.surname}"
        bearer = self.a.discovery.canonical(c.surname, "", name)
        if bearer == name or self.a.discovery.fulls[c.surname].get(bearer, 0) < MIN_OWNER_COUNT and not any(
                bearer in t for t in self.texts) or given_name_sex(bearer.split()[0]) == "f":
            # (a bearer named once, elsewhere, may be a misreading: "M. Quill" stays Monsieur; and
            # Monsieur is no Marie)
            return c
        return Candidate(c.start - 3, c.end, "full", name, c.surname, "", c.initial)

    def add(self, i: int, pos: int, ref: PersonRef, surname: str = "", given: str = "") -> None:
        self.found[i].append((pos, ref))
        self.refs[ref.id] = ref
        if ref.id not in self.named:
            self.named[ref.id] = (i, pos)
        for named in (surname, *_particle_tails(surname), *_capital_particle_tail(ref.name)) if surname else ():
            if all(pid != ref.id for _, pid in self.by_surname[named]):
                self.by_surname[named].append(((i, pos), ref.id))
        if surname:
            self.surname_at[surname].append(((i, pos), ref.id))
        if given:
            self.by_given[given].add(ref.id)

    def nearest(self, ids: list[str], i: int, pos: int) -> str:
        """Of several candidates, the one named last before (i, pos), else the first named."""
        before = [pid for pid in ids if self.named.get(pid, (1 << 30, 0)) <= (i, pos)]
        pool = before or ids
        return max(pool, key=lambda pid: self.named.get(pid, (-1, -1))) if before else min(
            pool, key=lambda pid: self.named.get(pid, (1 << 30, 0)))

    def authority_ref(self, pid: str) -> PersonRef:
        return self.a.authority.persons[pid].ref

    def authority_match(self, c: Candidate) -> str | None:
        """An authority person this discovered full name is: same surname, and the same
        given name as one of their names ("J. Stalin" is Joseph Stalin; "Adam Smith" is not Al);
        or one of their full names exactly, where the file gives no bare surname to look by
        ("Martin Luther King Jr.")."""
        pid = self.a.id_by_full_name.get(c.name)
        if pid is not None and not self.outside_life(pid, c.name, False):
            return pid
        return self.authority_person(c.name, c.surname, c.given)

    def known(self, name: str, surname: str) -> PersonRef | None:
        """The person a full name found by discovery stands for: the authority's when
        it knows them (a bare "Marx" the corpus owns as "Karl Marx" is the file's
        Karl Marx, not a second value), else a discovered one; None when it is the
        file's person but the document's date rules them out (a bare "Constance" of
        1852 is nobody the corpus owns as "Constance Markievicz")."""
        head = name.split()[0]
        given = "" if head.endswith(".") else head
        pid = self.authority_person(name, surname, given, bare=True)
        if not pid and (pid := self.a.id_by_full_name.get(name)) and self.outside_life(pid, name, True):
            pid = None  # one of the file's full names, whose entry gives no bare surname ("Gov. Jeb Bush")
        if pid:
            return self.authority_ref(pid)
        return None if self.authority_person(name, surname, given, dated=False) else _discovered(name)

    def authority_person(self, name: str, surname: str, given: str, bare: bool = False,
                         dated: bool = True) -> str | None:
        """The file's person a full name is: same surname, and the same given name (or
        initial) as one of their names, and not ruled out by the document's date (see
        :meth:`outside_life`; ``bare``: it only stands for a bare word here)."""
        head = name.split()[0]
        pids = self.a.ids_by_surname.get(surname, [])
        # Relatives of one name ("George Bush"): the one active at the document's date first.
        active = self.a.authority.active_in(pids, self.year) if len(pids) > 1 else []
        for pid in active + [p for p in pids if p not in active]:
            givens = self.a.givens[pid]
            if not (given and given in givens or not given and head.endswith(".")
                    and any(g[:1] == head[:1] for g in givens)):
                continue
            if dated and self.outside_life(pid, name, bare):
                continue
            return pid
        return None

    def outside_life(self, pid: str, name: str, bare: bool) -> bool:
        """Is a full name that shares a given name and the surname with the file's person
        someone else, by the dates? When it differs from the file's names (or only stands
        for a bare word): if the document is older than the person ("John Lewis" of 1806
        is no John L. Lewis, born 1880), or dated long after their death while the corpus
        never named anyone so in their lifetime and the surname is a common one (the congressman
        "John Lewis" of 2015; but "John Kennedy" of 1995 is the President, named so since 1960,
        and "Franklin Roosevelt" of 2006 in a small local archive). The file's own
        names of the person are left alone: an archive's notes, dated as the work they
        annotate, name people born later."""
        person = self.a.authority.persons[pid]
        if self.year is None:
            return False
        if not bare and _given_part(name) in {_given_part(n) for n in (person.name, *person.aliases)}:
            return False  # the file's name, its surname maybe misspelt ("David Alfaro Siquerios")
        if person.born is not None and self.year < person.born + BORN_BEFORE_MEANT:
            return True
        if person.died is None or self.year <= person.died + POSTHUMOUS_GRACE:
            return False
        seen = self.a.discovery.seen.get(name)
        # A namesake born later bears a common name ("John Lewis"); "Franklin Roosevelt" in an
        # archive that names him only decades on is still the President.
        surname = next(w for w in reversed(name.split()) if not _GENERATION_WORD.match(w) or w == name.split()[0])
        return seen is not None and seen[0] > person.died + POSTHUMOUS_GRACE and common_surname(surname)

    # -- the passes -----------------------------------------------------------------------

    def resolve(self) -> list[Annotation]:
        self.pass_full_names()
        self.pass_surnames()
        self.pass_context()
        out: list[Annotation] = []
        for found, flags in zip(self.found, self.flags):
            seen: dict[str, PersonRef] = {}
            for _, ref in sorted(found, key=lambda x: x[0]):
                if self.two_generations(ref):
                    # A parent's and a child's name, and nothing here says whose: however it
                    # was reached (in full, a bare surname, a given name), it is neither's.
                    flags.append(f"ambiguous:{ref.name}")
                    continue
                seen.setdefault(ref.id, ref)
            out.append((tuple(seen.values()), tuple(dict.fromkeys(flags))))
        return out

    def two_generations(self, ref: PersonRef) -> bool:
        """Is ``ref`` a discovered name the corpus says a parent and a child bear (see
        :mod:`indexer.kin_names`)? The file's people are the archivist's word."""
        return ref.id not in self.a.authority.persons and self.a.discovery.two_generations(ref.name)

    def pass_full_names(self) -> None:
        self.uncoordinate()
        deferred: list[tuple[int, Hit, str]] = []
        self.authority_full_names(deferred)
        for i, cs in enumerate(self.cands):
            for c in cs:
                if c.kind == "full" or c.kind == "pair" and (person_apposition(self.texts[i], c.end)
                                                             or c.name in self.a.discovery.bynames):
                    # A given name no table lists, but ", the U.N. secretary general," after it, or
                    # a page saying whose byname it is ("Twm Post -- Thomas Quill").
                    self.discovered_full_name(i, c)
        self.address_forms(deferred)
        self.relatives()

    def uncoordinate(self) -> None:
        """ "Karl and Jenny Quennell" gives the surname to the first given name too; not
        when that given name is named in full with another surname in this document
        ("Michelle Halloran"), or is the given name of one other person the corpus names
        in full in those years, and the corpus never names it in full with this surname:
        then the first given name is left alone, to be read as one ("Michelle and Jill
        Quennell")."""
        own = {(c.given, c.surname) for cs in self.cands for c in cs
               if c.kind == "full" and c.given and not coordinated(c)}
        own |= {(h.text.split()[0], h.text.split()[-1]) for hits in self.hits for h in hits
                if " " in h.text and any(kind == "full" for kind, _ in h.kinds)}
        disc = self.a.discovery
        for cs in self.cands:
            for j, c in enumerate(cs):
                if not coordinated(c):
                    continue
                if c.surname in disc.surnames_of(c.given) or c.title:
                    # "Karl and Luise Kautsky": Karl Kautsky is named in full elsewhere; "the
                    # Reverend John and the Reverend Diana Cherry": the title said again says a couple.
                    continue
                owner = disc.given_owner(c.given, year=self.year)
                if any(g == c.given and s != c.surname for g, s in own) or (
                        owner and owner.split()[-1] != c.surname and disc.seen_near(owner, self.year)):
                    cs[j] = Candidate(c.start, c.end, "given", c.given, c.given, c.given, c.initial)

    def authority_full_names(self, deferred: list[tuple[int, Hit, str]]) -> None:
        """The authority's full names and aliases (and misspelt ones) found here; forms of
        address of the dead left in ``deferred`` (see :meth:`address_forms`)."""
        for i, hits in enumerate(self.hits):
            for h in hits:
                pid = next((pid for kind, pid in h.kinds
                            if kind == "full" or (kind == "misspelling" and " " in h.text)), None)
                if pid is None:
                    continue
                if (sex := self.title_sex(i, h.start)) and self.sex_of(pid) == _OTHER_SEX[sex]:
                    continue  # "Mrs. John F. Kennedy": his wife, by his name
                if h.text.split()[0].rstrip(".") not in TITLES and _determined(self.texts[i], h.start, h.end):
                    continue  # "on the Theodore Roosevelt", "a Benedict Arnold": a ship, a type
                if ranked_thing(self.texts[i], h.start):
                    continue  # "outside the Sir Robert Peel": a pub
                if (self.dead_by_then(pid) and h.text.partition(" ")[0] in ADDRESS_TITLES
                        and h.text.partition(" ")[2] in self.a.surnames[pid]):
                    deferred.append((i, h, pid))  # "Mr. Hoover": whom, once a namesake is named here?
                    continue
                self.add_authority(i, h.start, pid)

    def add_authority(self, i: int, pos: int, pid: str) -> None:
        ref = self.a.authority.persons[pid].ref
        for s in self.a.surnames[pid]:
            self.add(i, pos, ref, s)
        if not self.a.surnames[pid]:
            self.add(i, pos, ref)

    def address_forms(self, deferred: list[tuple[int, Hit, str]]) -> None:
        """A form of address the file gives a person ("Mr. Hoover"), in a document dated
        after their death, is the namesake the document names in full, if any: "Mr. Hoover
        and the men of the FBI" of 1965, after "J. Edgar Hoover"."""
        for i, h, pid in deferred:
            surname = h.text.partition(" ")[2]
            namesakes = [p for _, p in self.surname_at.get(surname, ())
                         if p != pid and self.namesake_fits(p, self.title_sex(i, h.start + len(h.text) - len(surname)))]
            if namesakes:
                self.add(i, h.start, self.refs[self.nearest(namesakes, i, h.start)])
            else:
                self.add_authority(i, h.start, pid)

    def discovered_full_name(self, i: int, c: Candidate) -> None:
        if (longer := self.longer_name_here(c)) is not None:
            c = longer
        if c.surname == c.given and not c.title and generation(c.name):
            self.family_member(i, c)
            return
        if not c.title and member_noun_after(self.texts[i], c.end):
            return  # "Frederick Douglass coach Theresa Kowalski": the school's
        if self.candidate_sex(i, c) == "f" and given_name_sex(
                c.given or self.a.discovery.canonical(c.surname, "", c.name).split()[0]) == "m":
            # "Mrs. Howard Kessler", "Mrs. J. A. Kessler" of a corpus that spells him "John Arthur
            # Kessler": his wife, named by his name ("Mr. and Mrs. ..." names both). (Not the other
            # way: "Mr. Lindsay Crawford", "Mr. Evelyn Waugh" bear names women bear now.)
            return
        if not c.title and _determined(self.texts[i], c.start, c.end):
            return  # "a Robin Hood", "the Judson Bill", "the Rose Garden": a thing or a type
        if not c.title and self.vessel_here(c.name) and not (
                human_after(self.texts[i], c.end) or self.texts[i].endswith(_AGENT, 0, c.start)):
            # "Janet Quill ran onto the rocks", where the document has "the collier Janet Quill";
            # not "Janet Quill died in 1964", "the stone laid by Janet Quill" (a page on how the
            # boat got its name names the person too)
            return
        pid = self.authority_match(c)
        if pid:
            self.add(i, c.start, self.authority_ref(pid), c.surname)
            if c.nick and not self.everyday(c.nick):
                self.by_given[c.nick].add(pid)
            return
        if not c.title and place_name(c.name):
            return  # "Santa Barbara", "Abu Dhabi": a given name starts many places
        if imaginary_name(c.name):
            self.imaginary_surnames.add(c.surname)
            return  # "a Walter Mitty", "Uncle Sam", "John Doe": a character of fiction, anyone
        disc = self.a.discovery
        if (not c.title and disc.common_word(c.surname) and not any_surname(c.surname)
                and disc.one_bearer(c.surname) and not disc.human_evidence(c.surname)
                and not self.listed_with_full_name(i, c)):
            # "Lawrence Seaway", "Karl Revolutionary": an everyday word that no census
            # table lists as a surname, after a given name, and the corpus never names
            # anybody else by it, titles it, or has it speak. ("Roger Sherman, William
            # Few, and George Read": a list of people says a man.)
            return
        if (c.name.split()[0] == "Al" and not c.title and not any_surname(c.surname)
                and disc.one_bearer(c.surname)
                and disc.human_evidence(c.surname) * RARELY < disc.capital_uses(c.surname)):
            # "Al Qaida", "Al Jazeera": the Arabic article before a noun, not Al Smith's
            # given name: no census lists the word as a surname, and the corpus never names
            # anyone else by it, titles it, and rarely has it speak ("al Qaeda, who").
            return
        if len(generations := disc.generations(c.surname, c.name)) > 1:
            # "Henry Voss" where the corpus writes "Henry Voss, Sr." and "Henry Voss Jr.": the
            # one of them this document names with his suffix, else no telling which.
            here = {pid for _, pid in self.by_surname.get(c.surname, ())
                    if self.refs[pid].name.split()[0] == c.name.split()[0] and generation(self.refs[pid].name)}
            if len(here) != 1:
                self.flags[i].append(f"ambiguous:{c.name}")
                return
            self.add(i, c.start, self.refs[here.pop()], c.surname, c.given)
            return
        if disc.two_generations(c.name):
            # "Nathan Quill" of "Nathan P. Quill, named for his grandfather": the plain name is
            # either's (resolve() drops what reaches it another way), not the grandson's longer name.
            self.flags[i].append(f"ambiguous:{c.name}")
            return
        if self.a.discovery.of_either(c.surname, c.name):
            # "A. Quill" where the corpus prints the lives of a father and a son it may be
            self.flags[i].append(f"ambiguous:{c.name}")
            return
        surname = self.a.discovery.misread_surname(c.surname, c.name.split()[0]) or c.surname
        # ("Josiah Haslarn" of a scanned page is the corpus's Josiah Haslam.)
        name = self.a.discovery.canonical(surname, c.given, c.name.replace(c.surname, surname))
        address = office_title(self.title_before(i, c.start) or c.title)
        if address in _WOMAN_ADDRESS and _initials_only(name):
            # "Mrs. F. Abery" of the ladies' committee is not the "Mr. F. Abery" of the men's: a
            # wife is written with her husband's initials as often as her own. She is the one
            # woman the corpus names in full with them ("Mrs J. Baird" of "Joan Baird"), else her
            # name keeps the form of address, as a catalogue keeps it, so that the two stay two.
            name = self.a.discovery.of_initials(surname, name, "f") or f"{_WOMAN_ADDRESS[address]} {name}"
        elif TITLE_SEX.get(address) == "m" and _initials_only(name):
            # "Mr. A. Quill" of a teachers' list is the one man the corpus names in full with
            # those initials, not the Ann Quill it also names. (Only where the initials are
            # left unsaid: the tables' sexes are one country's, and "Lindsay" is a man in others.)
            name = self.a.discovery.of_initials(surname, name, "m") or name
        ref = self.dated_namesake(i, c, name)
        if ref is None:
            self.flags[i].append(f"ambiguous:{c.name}")
            return
        if kin := _KIN_OF_SEX_BEFORE.search(self.texts[i], max(0, c.start - 16), c.start):
            # "Her brother, Eamon Quinlan": a man, whom a later "Ms Quinlan" is not.
            self.kin_sexes.setdefault(ref.id, _KIN_SEX[kin.group(1).lower()])
        elif sex := self.candidate_sex(i, c):
            # "Mr. W. Gedge" on a committee: a man, whom "Mrs. Gedge" of the ladies' committee is not.
            self.kin_sexes.setdefault(ref.id, sex)
        self.add(i, c.start, ref, c.surname, c.given)
        if c.title:
            self.offices[ref.id].add(office_title(c.title))
        if c.nick and not self.everyday(c.nick):
            self.by_given[c.nick].add(ref.id)  # 'Michael "Mickey" Doyle', then "Mickey" alone

    def longer_name_here(self, c: Candidate) -> Candidate | None:
        """The one longer full name of this document that ``c``, two given names and nothing
        more, begins: "Cora Lee" and "Willie Mae" of an interview with Mrs. Willie Mae Quill,
        who speaks of Cora Lee Varenza; "christened John Michael" of 'John Michael ("Bluey")
        Quill'. A surname that is also a given name ("Thomas James") is left as it is where
        the document names nobody longer by it."""
        words = c.name.split()
        if c.title or c.nick or len(words) != 2 or not all(w in GIVEN for w in words):
            return None
        if self._longer is None:
            self._longer = defaultdict(set)
            for cs in self.cands:
                for other in cs:
                    ws = other.name.split()
                    if other.kind == "full" and len(ws) > 2 and not coordinated(other):
                        self._longer[" ".join(ws[:2])].add(other)
        found = {o.name: o for o in self._longer.get(c.name, ())}
        if len(found) != 1:
            return None
        return replace(next(iter(found.values())), start=c.start, end=c.end, title="", initial=c.initial, nick="")

    def family_member(self, i: int, c: Candidate) -> None:
        """ "a son, Harold Jr. (Sue)", "His father, Walter Sr., 76": a given name and a
        generation, the surname left to the reader. It is the family's of that given name whom
        the document names in full, where one family is; else nobody to show (no value
        "Harold Jr." beside Harold Quill Jr.'s)."""
        suffix = generation(c.name)
        families = set()
        for d in (d for cs in self.cands for d in cs if d.kind in ("full", "titled") and d.surname != d.given):
            words = plain_name(d.name).split()
            if len(words) >= 2 and words[-1] == d.surname and (words[0] == c.given or generation(d.name) != suffix):
                families.add(d.surname)  # a namesake, or the parent or child whose suffix tells them apart
        if len(families) != 1:
            self.flags[i].append(f"ambiguous:{c.name}")
            return
        surname = families.pop()
        name = self.a.discovery.canonical(surname, c.given, f"{c.given} {surname} {c.name.split()[-1]}")
        self.add(i, c.start, self.file_person(name) or self.known(name, surname) or _discovered(name),
                 surname, c.given)

    def dated_namesake(self, i: int, c: Candidate, name: str) -> PersonRef | None:
        """The discovered person a full name means, where the corpus prints the lives of
        several people beside it ("Josiah Quill (1831-1898)", "Josiah Quill (1890-1952)"):
        the one these life dates say, else the one alive then or whose life holds a year
        the paragraph names (see :meth:`indexer.discovery.Discovery.life_at`); None when
        nothing says which. The first-born keeps the name's plain value; the others are
        shown with their dates, as a catalogue heading shows them."""
        disc = self.a.discovery
        written = c.name if len(disc.dated_people(c.name)) > 1 else name
        people = disc.dated_people(written)
        if len(people) < 2:
            return self.father_or_son(i, c, name, people)
        printed = life_dates(self.texts[i], [c], self.year)
        if printed:
            life = next((p for p in people if not apart(tuple(p), printed[0][1:])), None)
        else:
            life = disc.life_at(written, self.year, self.texts[i])
        if life is None:
            return None
        if life == people[0]:
            return _discovered(name)
        born, died = life
        dates = f"{born}-{died}" if born and died else f"b. {born}" if born else f"d. {died}"
        return PersonRef(discovered_id(f"{name} {born or died}"), f"{name} ({dates})")

    def father_or_son(self, i: int, c: Candidate, name: str, people: list[list[int | None]]) -> PersonRef | None:
        """A plain full name where the corpus prints one life beside it and another beside its
        "Jr." ("Thomas Quill (1832-1909)", "Thomas Quill, junior (1861-1934)"): the father or the
        son by the dates printed here, else by the document's date or the years the paragraph
        tells. A son is written "jun." while his father lives and plain after: "Thomas Quill"
        of 1885 is the father, of 1920 the son; a history telling of both is neither's."""
        junior = self.a.discovery.dated_people(f"{name} Jr.")
        if len(people) != 1 or len(junior) != 1 or generation(name) or not apart(tuple(people[0]), tuple(junior[0])):
            return _discovered(name)
        (_, died), (born, son_died) = people[0], junior[0]
        if printed := life_dates(self.texts[i], [c], self.year):
            return _discovered(f"{name} Jr." if apart(tuple(people[0]), printed[0][1:]) else name)
        if self.year is not None and self.year <= son_died:
            years = [self.year]
        else:  # (written after both died: the years it tells of)
            years = self.told_years(i)
        whose = {name if y <= died else f"{name} Jr." if born + ADULT <= y <= son_died else "" for y in years}
        return _discovered(whose.pop()) if len(whose) == 1 and "" not in whose else None

    def everyday(self, nick: str) -> bool:
        """Is a nickname an everyday word of this document ('William "Red" Kessler', then "the Red
        menace")? Then it names him only in full."""
        return nick in STOP or self.a.discovery.common_word(nick) or any(
            re.search(rf"\b{re.escape(nick.lower())}\b", t) for t in self.texts)

    def listed_with_full_name(self, i: int, c: Candidate) -> bool:
        """Is ``c`` an item of a list ("A, B and C") beside another full name?"""
        cs, text = self.cands[i], self.texts[i]
        j = cs.index(c)
        before = j > 0 and cs[j - 1].kind == "full" and _LISTED.fullmatch(text, cs[j - 1].end, c.start)
        after = j + 1 < len(cs) and cs[j + 1].kind == "full" and _LISTED.fullmatch(text, c.end, cs[j + 1].start)
        return bool(before or after)

    def between_places(self) -> set[str]:
        """The lone words this document lists, somewhere, between two words that place data
        names ("Coblenz, Mayence, Germersheim"): there they are places too. (One neighbour is
        no evidence: many surnames are towns too, "Franklin".)"""
        if self._between_places is None:
            self._between_places = set()
            for text, cs in zip(self.texts, self.cands):
                for c in cs:
                    if c.kind in ("single", "given") and not c.title:
                        before = _LISTED_BEFORE.search(text, max(0, c.start - 40), c.start)
                        after = _LISTED_AFTER.match(text, c.end)
                        if before and after and place_by_data(before.group(1)) and place_by_data(after.group(1)):
                            self._between_places.add(c.name)
        return self._between_places

    def listed_as_place_here(self, word: str) -> bool:
        """Does this document list the lone word, somewhere, as a place: between two words that
        place data names (:meth:`between_places`, for a word the data names too), or as
        :meth:`listed_place` says? Then it is a place throughout. (Asked only of the words that
        get this far.)"""
        if place_by_data(word) and word in self.between_places():
            return True
        if word not in self._listed_places:
            self._listed_places[word] = any(
                c.name == word and c.kind == "single" and not c.title and self.listed_place(i, c.start, c.end, word)
                for i, cs in enumerate(self.cands) for c in cs)
        return self._listed_places[word]

    def names_a_thing_here(self, i: int, start: int, end: int, word: str) -> bool:
        """Does the lone word at ``start:end`` of paragraph ``i`` name a school, a team or a firm
        of this document ("Douglass coach Reggie Townsend", "Railtrack's shares"), a firm's people
        or works here ("Loeffler workers"), or a town ("in Marlow")? Asked of the file's bare
        surnames and of lone words alike."""
        return (self.institution(word) or firm_modifier(self.texts[i], end)
                or self.town_here(i, start, end, word) or self.body_named_after(i, start, word))

    def unnamed_place(self, word: str) -> bool:
        """Is the word a place some table knows that the corpus never writes as anyone's name:
        no title or given name before it, no verb of speech after it? (Listed beside people, a
        famous bearer still keeps it: see :meth:`pass_listed`.)"""
        disc = self.a.discovery
        return place_by_data(word) and not disc.surname_evidence(word) and not disc.human_evidence(word)

    def body_named_after(self, i: int, start: int, word: str) -> bool:
        """Is the word, an everyday word (the corpus writes it in lower case, or English does:
        see :func:`indexer.name_words.everyday_word`), the end of a body's or a place's name
        ("A Band of Hope has been formed", where the corpus names a Mr. J. Hope)? Not after a
        title ("the Duke of Wellington")."""
        body = _BODY_OF.search(self.texts[i], max(0, start - 20), start)
        return bool(body) and body.group(1) not in TITLES and (self.a.discovery.common_word(word)
                                                               or everyday_word(word))

    def town_here(self, i: int, start: int, end: int, word: str) -> bool:
        """Is the word a town at this mention ("in Marlow", "Marlow, Iowa"), and one the
        corpus uses as a place elsewhere too? A town named after its founder ("Colonel Elias
        Marlow") is not him there."""
        disc = self.a.discovery
        # Where a paper gives someone's home, the corpus's uses of the word as a place are
        # evidence enough, though it names a family by it more often (Harwick and the Harwicks).
        text = self.texts[i]
        if place_named(text, start, end):
            return True  # "the town of Marlow": so written, however rarely the corpus has the town
        return disc.place_uses(word) >= TOWN_USES and (
            residence(text, start, end)
            or place_use(text, start, end, homes=False) and (disc.place_like(word) or disc.family_town(word)))

    def listed_place(self, i: int, start: int, end: int, word: str) -> bool:
        """Is this use of a word nobody in the document is named by an item of a list of
        places (see :func:`indexer.personhood.listed_as_place`)?"""
        disc = self.a.discovery
        return listed_as_place(self.texts[i], start, end, lambda w: disc.surname_evidence(w) > 0,
                               neighbours=disc.human_evidence(word) == 0, cities=disc.surname_evidence(word) == 0)

    def listed_file_place(self, i: int, h: Hit, ids: list[str]) -> bool:
        """ "Oregon and Washington": an untitled surname of the file, in a list of places, where
        the document names none of the file's people with it."""
        return self.title_before(i, h.start).rstrip(".") not in TITLES and not any(
            pid in self.named for pid in ids) and self.listed_place(i, h.start, h.end, h.text)

    def relatives(self) -> None:
        """ "Kelli and her son Gage Hake" after "Sergeant Christopher Hake": a pair of
        words whose second is the surname of someone named here is a relative. Not when
        the first is an everyday word that the corpus never uses as a given name ("Young
        Marx", "Concerning Cochrane", "See Engels")."""
        disc = self.a.discovery
        for i, cs in enumerate(self.cands):
            for c in cs:
                if c.kind == "pair" and self.by_surname.get(c.surname) and not place_name(c.name) and not (
                        disc.common_word(c.given) and not disc.surnames_of(c.given)) and c.given not in KIN_TITLES:
                    pid = self.authority_match(c)
                    name = self.a.discovery.canonical(c.surname, c.given, c.name)  # "Des" of "Desmond"
                    self.add(i, c.start, self.authority_ref(pid) if pid else _discovered(name), c.surname,
                             c.given)

    def vessel_here(self, name: str) -> bool:
        """Does this document write the full name as a boat's anywhere: after a boat's noun, a
        port's number or a ship's prefix, or before a register's "(S.S.)" ("the collier Janet
        Quill", "JANET QUILL" (S.S.))? Each of its uses is looked at, once per name."""
        if (known := self._vessels.get(name)) is not None:
            return known
        if self._joined is None:
            self._joined = "\n".join(self.texts)
        text, found = self._joined, False
        for form in (name, name.upper()):
            k = text.find(form)
            while k != -1 and not found:
                found = vessel_before(text, k) or vessel_after(text, k + len(form))
                k = text.find(form, k + 1)
        self._vessels[name] = found
        return found

    def institution(self, word: str) -> bool:
        """Does this document use the lone word for a school, a college or a team, before the
        noun of one of its members ("Douglass coach Reggie Townsend", "former Quill students"),
        or for a firm, before a possessive only a firm has ("Railtrack's shares")? Then it is
        the institution throughout the document. (A firm's workers are not enough: the founder
        is discussed beside "the Ford plant".)"""
        if self._institutions is None:
            # Asked at each lone word and bare surname of the document, where they end: no
            # search over the whole text.
            found: set[str] = set()
            for i, text in enumerate(self.texts):
                # A full name's surname too: "Frederick Douglass coach Theresa Kowalski".
                spans = [(c.start, c.end, c.surname if c.kind == "full" else c.name) for c in self.cands[i]
                         if c.kind in ("single", "given", "full")]
                spans += [(h.start, h.end, h.text) for h in self.hits[i] if " " not in h.text]
                for start, end, name in spans:
                    if member_noun_after(text, end):
                        before = _CAPITAL_BEFORE.search(text, max(0, start - 20), start)
                        if not (before and before.group(1) in GIVEN):  # "Reggie Townsend coach"
                            found.add(name)
                    elif _FIRM_AFTER.match(text, end):
                        found.add(name)
            self._institutions = found
        return word in self._institutions

    def pass_surnames(self) -> None:
        # Surnames after an office first: "Senator Clinton" further on names the Clinton
        # an earlier "leaning toward Clinton" means.
        surnames = [(i, h) for i, hits in enumerate(self.hits) for h in hits]
        for i, h in sorted(surnames, key=lambda ih: not self.office_before(ih[0], ih[1].start)):
            kinds = [k for k in h.kinds if k[0] in ("surname", "misspelling") and " " not in h.text]
            if (kinds and not any(k[0] in ("full", "veto") for k in h.kinds)
                    and not self.names_a_thing_here(i, h.start, h.end, h.text)
                    and not thing_named(self.texts[i], h.start, h.end)
                    and not self.listed_file_place(i, h, [pid for _, pid in kinds])):
                self.authority_surname(i, h, [pid for _, pid in kinds])
        # Titled mentions first: "King William" later in a document names the
        # "William" of an earlier paragraph.
        for titled in (True, False):
            for i, cs in enumerate(self.cands):
                for c in cs:
                    if c.kind not in ("full", "pair") and bool(c.title) == titled:
                        self.resolve_single(i, c)
        self.pass_listed()

    def authority_surname(self, i: int, h: Hit, ids: list[str]) -> None:
        """A bare surname of the authority file: which of the ``ids`` with it it means."""
        sex = self.title_sex(i, h.start)
        if sex:
            # "Mrs. Kennedy" is not the file's John F. Kennedy, whoever else it names.
            ids = [pid for pid in ids if self.sex_of(pid) != _OTHER_SEX[sex]]
        if _KIN_BEFORE.search(self.texts[i], max(0, h.start - 30), h.start) or _INTRODUCED.search(
                self.texts[i], max(0, h.start - 30), h.start):
            # "the first Adams", "the elder Pitt": one of a family, not said which; "a
            # citizen named Wilson": someone the reader is not expected to know.
            self.flags[i].append(f"ambiguous:{h.text}")
        elif h.timed and len(set(ids)) == 1 and self.recently_left(i, h, ids[0]):
            self.flags[i].append(f"ambiguous:{h.text}")
        elif (holder := self.other_holder(i, h, ids)) is not None:
            self.add(i, h.start, holder, h.text)
            self.office_namesakes.add(holder.id)
        elif h.unheld and not any(pid in self.named for pid in ids):
            # An office none of the file's people by this surname held ("Ambassador Wilson"),
            # in a document that does not name one of them: someone else, the namesake it
            # names ("Speaker J. Michael Johnson", then "Speaker Johnson"), else unsaid.
            namesakes = [pid for _, pid in self.surname_at.get(h.text, ())
                         if pid not in ids and self.namesake_fits(pid, sex)]
            if namesakes:
                self.add(i, h.start, self.refs[self.nearest(namesakes, i, h.start)], h.text)
            else:
                self.flags[i].append(f"ambiguous:{h.text}")
        elif h.timed and len(set(ids)) == 1 and not self.named_earlier_here(i, h, sex):
            # The date decides between relatives, whoever else the document names, unless
            # a namesake was just named ("Mr. Wilfred Johnson ... Mr. Johnson has been").
            self.only_known(i, h, ids[0])
        elif pid := self.named_with_surname(i, h, ids, sex):
            self.add(i, h.start, self.refs[pid])
        elif len(set(ids)) == 1:
            self.only_known(i, h, ids[0])
        elif len(alive := self.a.authority.alive_in(ids, self.year)) == 1:
            # Nobody named here: of the candidates, the only one alive at the time, unless
            # the time is before their public life ("General Johnson" of 1934).
            self.only_known(i, h, alive[0])
        else:
            self.flags[i].append(f"ambiguous:{h.text}")

    def other_holder(self, i: int, h: Hit, ids: list[str]) -> PersonRef | None:
        """The namesake the corpus writes in full with the office before a bare surname,
        when none of the file's people with it was ever written so: "General Johnson" of
        1967 is the "General Harold K. Johnson" of that year, not President Johnson."""
        title = self.title_before(i, h.start)
        if not self.office_before(i, h.start) or TITLE_SEX.get(title.rstrip(".")):
            return None
        if self.year is not None and self.a.authority.in_office(ids, office_key(title), self.year):
            # The file says one of its people held the office then: "President Bush" of 2003 is
            # the president, not the school board's "President Gordon Bush".
            return None
        holder = self.a.discovery.titled_owner(h.text, title, self.year)
        # A holder who is one of the file's people (known() finds them) is no other holder,
        # nor is a relative the date (or the sentence's year) has already ruled out.
        ref = self.known(holder, h.text) if holder else None
        return ref if ref is not None and ref.id not in (*ids, *self.a.ids_by_surname.get(h.text, ())) else None

    def recently_left(self, i: int, h: Hit, pid: str) -> bool:
        """Did another person of this surname die less than POSTHUMOUS_GRACE years before
        the document? Then the date alone does not decide an untitled bare surname for the
        one active now: "Roosevelt" in 1928 is still Theodore (d. 1919) more often than
        Franklin. A title says a contemporary ("Governor Roosevelt"). (Leaving office is
        no such sign: "Bush" in 2003 is the son, ten years after the father's term.)"""
        if _TITLE_BEFORE.search(self.texts[i], max(0, h.start - 14), h.start):
            return False
        for other in set(self.a.ids_by_surname.get(h.text, ())) - {pid}:
            p = self.a.authority.persons[other]
            if p.died is not None and p.died < self.year <= p.died + POSTHUMOUS_GRACE:
                return True
        return False

    def named_with_surname(self, i: int, h: Hit, ids: list[str], sex: str | None) -> str | None:
        """Someone named in this document whom a bare surname of the file means.

        The last person named with it earlier in its own paragraph, a namesake the file
        does not know as much as the file's own ("the children of Robert Kennedy, and the
        Kennedy family" where John F. Kennedy is named too); else, of the file's people,
        the one named nearest (see :meth:`nearest`); else a namesake named anywhere here
        when the file knows several by the surname. A namesake named elsewhere does not
        outweigh the one person the file knows by it: "Engels to Hermann Engels" heads a
        list of Engels's letters, and a later paragraph's "Engels" is still Friedrich.
        """
        if pid := self.named_earlier_here(i, h, sex):
            return pid
        at = self.surname_at.get(h.text, ())
        named = [pid for pid in ids if pid in self.named]
        if named:
            pid = self.nearest(named, i, h.start)
            if len(named) > 1:
                self.flags[i].append(f"ambiguous:{h.text}->{pid}")
            return pid
        namesakes = [pid for _, pid in at if self.namesake_fits(pid, sex)]
        if namesakes and (len(set(ids)) != 1 or self.dead_by_then(ids[0]) and self.addressed(i, h.start)
                          or self.retired_by_then(ids[0]) and self.office_namesakes.intersection(namesakes)):
            # Several file people, or the one the file knows addressed as living though
            # dead by the document's date: "Mr. Hoover" of 1965 after "J. Edgar Hoover" is
            # not the late President. (The dead are still discussed: "Marx came out with".)
            return self.nearest(namesakes, i, h.start)
        return None

    def title_before(self, i: int, pos: int) -> str:
        """The capitalised word right before ``pos`` in paragraph ``i`` ("Mr.", "General"), or ""."""
        title = _TITLE_BEFORE.search(self.texts[i], max(0, pos - 14), pos)
        return title.group(1) if title else ""

    def office_before(self, i: int, pos: int) -> bool:
        """Is the word at ``pos`` after an office or rank ("General", "Senator"), not a form
        of address ("Mr.")?"""
        title = self.title_before(i, pos)
        return title.rstrip(".") in TITLES and title not in ADDRESS_TITLES

    def addressed(self, i: int, pos: int) -> bool:
        """Is the word at ``pos`` after a form of address used of the living ("Mr.")?"""
        return self.title_before(i, pos) in ADDRESS_TITLES

    def retired_by_then(self, pid: str) -> bool:
        """Had this person's active years all ended before the document's date? Then a
        namesake the document names with an office is meant ("Senator Clinton" of 2007 and
        her party's "leaning toward Clinton", not the ex-president; a "Chelsea Clinton" named
        beside a bill he signed is no such namesake)."""
        active = self.a.authority.persons[pid].active
        return self.year is not None and bool(active) and self.year > max(end for _, end in active)

    def dead_by_then(self, pid: str) -> bool:
        died = self.a.authority.persons[pid].died
        return self.year is not None and died is not None and died < self.year

    def named_earlier_here(self, i: int, h: Hit, sex: str | None) -> str | None:
        """The last person named with this surname earlier in its own paragraph (a
        namesake the file does not know as much as the file's own: "the children of Robert
        Kennedy, and the Kennedy family"), unless an office stands before the bare
        surname ("To President Clinton" right after "Hillary Rodham Clinton" is the file's
        holder's more than a namesake's just named)."""
        if self.office_before(i, h.start):
            return None
        before = [(p, pid) for p, pid in self.surname_at.get(h.text, ())
                  if p[0] == i and p[1] < h.start and self.namesake_fits(pid, sex)]
        return max(before)[1] if before else None

    def namesake_fits(self, pid: str, sex: str | None) -> bool:
        """Can a bare surname after a title of ``sex`` mean this person named here? A
        namesake only the corpus knows counts when a given name starts it: runs such as
        "Marx Engels" are no one."""
        words = self.refs[pid].name.split()
        given = next((w for w in words[:-1] if not w.endswith(".")), words[0])  # "J. Edgar Hoover"
        return (pid in self.a.authority.persons or given in GIVEN) and (
            not sex or self.sex_of(pid) != _OTHER_SEX[sex])

    def title_sex(self, i: int, pos: int) -> str | None:
        """The sex the title right before ``pos`` says ("Mrs. Kennedy"), unless it is the
        second of a couple's ("President and Mrs. Bush")."""
        text = self.texts[i]
        title = _TITLE_BEFORE.search(text, max(0, pos - 14), pos)
        if not title:
            return None
        couple = _COUPLE.search(text, max(0, title.start() - 30), title.start())
        if couple and couple.group(1) in TITLES:
            return None  # "Mr. and Mrs. Bush", "President and Mrs. Bush" (not "Mrs. Voss and Mrs. Bush")
        return TITLE_SEX.get(title.group(1).rstrip("."))

    def pronoun_sex(self, i: int, end: int) -> str | None:
        """The sex the first personal pronoun after a name says, in the name's own sentence and
        with no other name between ("Quill left early, and his wife stayed"), else None."""
        text = self.texts[i]
        stop = _SENTENCE_STOP.search(text, end)
        pronoun = _PRONOUN.search(text, end, stop.start() if stop else len(text))
        if pronoun is None or any(end <= c.start < pronoun.start() for c in self.cands[i]):
            return None
        return "f" if pronoun.group().lower() in ("she", "her", "hers", "herself") else "m"

    def candidate_sex(self, i: int, c: Candidate) -> str | None:
        """The sex a candidate's title says: the title written before it (see :meth:`title_sex`),
        else the one a list's entry gives after the surname ("Pim, Mrs. H.")."""
        if self.title_before(i, c.start):
            return self.title_sex(i, c.start)
        return TITLE_SEX.get(office_title(c.title))

    def sex_of(self, pid: str) -> str | None:
        """A person's sex as their given name says, or as the file's own forms of address
        say ("Mr. Khrushchev": "Nikita" is a woman's name in the census tables)."""
        ref = self.refs.get(pid) or self.authority_ref(pid)
        return self.a.sexes.get(pid) or self.kin_sexes.get(pid) or given_name_sex(ref.name.split()[0])

    def only_known(self, i: int, h: Hit, pid: str) -> None:
        """The one person the file knows by this surname, unless their death says otherwise."""
        doubt = self.posthumous_doubt(pid, i, h)
        if doubt is None:
            doubt = self.early_doubt(pid, i, h)
        if doubt is None:
            doubt = self.unnamed_doubt(pid, i, h)
        if doubt is None:
            self.add(i, h.start, self.authority_ref(pid))
        elif doubt:
            self.flags[i].append(f"{doubt}:{h.text}->{pid}")

    def posthumous_doubt(self, pid: str, i: int, h: Hit) -> str | None:
        """Why a bare surname in a document dated well after this person's death, which
        never names them in full, may not mean them ("" when it plainly does not), else None.

        The dead are still spoken of ("as Stalin said"), so death alone decides
        nothing. But nobody says "Mr. Lewis" of a man dead twelve years; "Cleveland"
        in 2008 is a city; a surname thousands share ("Diaz", :mod:`indexer.census`)
        is anybody's; and where the corpus names other people with the surname in
        full ("John Lewis", "Meriwether Lewis"), a bare one long after this one's
        death is not known to be him.
        """
        person = self.a.authority.persons[pid]
        if self.year is None or person.died is None or self.year <= person.died + POSTHUMOUS_GRACE:
            return None
        text = self.texts[i]
        title = _TITLE_BEFORE.search(text, max(0, h.start - 14), h.start)
        if title and title.group(1) in ADDRESS_TITLES:
            return "ambiguous"
        if not title and nonperson(h.text) == "place":
            return ""
        if common_surname(h.text):
            return "ambiguous"  # "Diaz" in 1928: one of thousands
        return "ambiguous" if self.others_named(pid, h.text) else None

    def early_doubt(self, pid: str, i: int, h: Hit) -> str | None:
        """ "ambiguous" when a bare surname comes from an undated document, or one dated
        before this person's public life (their first ``active`` year, else their
        thirtieth), and the corpus names others with the surname in full about as often
        as them by then: the "General Harrison" of 1841 is no Chicago mayor born in
        1825, and an undated archive page's "Liebknecht" may be Wilhelm as well as Karl;
        but a Jenny or Eleanor Marx, named a few times beside hundreds of Karl Marx,
        leaves a bare "Marx" his. An office before their public life is another's
        ("Chief Justice Fuller" of 1898 is not Ida May Fuller, born 1874)."""
        person = self.a.authority.persons[pid]
        start = min(a for a, _ in person.active) if person.active else (
            person.born + PUBLIC_LIFE_AGE if person.born is not None else None)
        if self.year is not None and (start is None or self.year >= start):
            return None
        if self.year is not None and self.office_before(i, h.start):
            return "ambiguous"
        disc = self.a.discovery
        forms = disc.fulls.get(h.text, {})
        givens = self.a.givens[pid]

        def by_then(f: str) -> bool:  # used in a document dated no later than this one
            return self.year is None or f in disc.seen and disc.seen[f][0] <= self.year

        others = sum(forms[f] for f in self.others_named(pid, h.text) if by_then(f))
        own = sum(n for f, n in forms.items() if by_then(f) and _names_given(f, givens))
        return "ambiguous" if others * OWNER_DOMINANCE > own else None

    def unnamed_doubt(self, pid: str, i: int, h: Hit) -> str | None:
        """ "ambiguous" when the corpus never names this person in full but names another
        with the surname at least twice, within a few years of the document: the file's
        only Harrison, a mayor, is not known to be the "President Harrison" of 1899 in a
        corpus naming Benjamin Harrison then and never him. Not once this document has
        named them in full (the corpus's count misses a given name no table lists)."""
        if self.named.get(pid, (1 << 30, 0)) <= (i, h.start):
            return None
        disc = self.a.discovery
        if not any(disc.seen_near(f, self.year) for f in self.others_named(pid, h.text)):
            return None
        givens = self.a.givens[pid]
        own = any(_names_given(f, givens) for f in disc.fulls.get(h.text, {}))
        return None if own else "ambiguous"

    def others_named(self, pid: str, surname: str) -> list[str]:
        """The full names the corpus gives others with this surname, at least twice each:
        given names that none of this person's names has."""
        givens = self.a.givens[pid]
        return [f for f, n in self.a.discovery.fulls.get(surname, {}).items()
                if n >= 2 and not f.split()[0].endswith(".") and f.split()[0] not in givens]

    def pass_listed(self) -> None:
        """A lone surname listed beside a person is a person too: "led by Blanqui and
        Barbes", "Proudhon, Leroux, Vidal". Only words that nothing else spoke
        against (see :meth:`resolve_single`) are taken this way."""
        for i, c in self.weak:
            found = {pos for pos, _ in self.found[i]}
            text = self.texts[i]
            cs = self.cands[i]
            j = cs.index(c)
            # A neighbour that names a country, a region or a city is no evidence, whatever
            # else took it for a person.
            before = j > 0 and cs[j - 1].start in found and _LISTED.fullmatch(
                text, cs[j - 1].end, c.start) and nonperson(cs[j - 1].name) != "place"
            after = j + 1 < len(cs) and cs[j + 1].start in found and _listed_before(
                text, c.end, cs[j + 1]) and nonperson(cs[j + 1].name) != "place"
            # "Sarah Holt, Signal reporter": the word modifies a role's noun; no list item.
            listed = (before or after) and not role_modifier(text, c.end)
            if listed and self.unnamed_place(c.name) and not notables(c.name):
                continue  # "Mrs Agnes Buchanan, Invercargill" (not "Corneille, Racine and Moliere")
            doubt = mononym_doubt(self.a.discovery, c.name) if listed else "unlisted"
            if doubt == "no name" and (c.initial or place_use(text, c.start, c.end) or not before and not _listed_before(
                    text, c.end, cs[j + 1], _AND)):
                # A word nothing else says is anyone's needs a list of people: "Thiers and Cavaignac",
                # not "Statewide, Taft led" or "a smith from Mecklenburg, and Ida Voss".
                continue
            if doubt in (None, "no name") and not self.listed_as_place_here(c.name):
                # The one person the corpus names in full by it ("Louis Blanc, Mazzini, Kossuth"
                # after "Louis Kossuth"), else a person known by the one word.
                owner = self.a.discovery.owner(c.name, self.year, c.title)
                ref = (self.known(owner, c.name) if owner else None if owner == ""
                       else self.mononym(i, c.name))
                if ref:
                    self.add(i, c.start, ref, c.name)

    def resolve_single(self, i: int, c: Candidate) -> None:
        """A lone word (a surname, a given name, a titled name), resolved by the first of
        these that settles it: a surname of someone named in full here; one of several
        rulers or of a family (flagged); a given name of one person named here; a lone
        given name's owner; a typo of a named person's surname; else, with enough
        evidence, a discovered person."""
        if not c.title and (self.names_a_thing_here(i, c.start, c.end, c.name)
                            or members_body(self.texts[i], c.start, c.end) and not self.by_surname.get(c.name)
                            or self.founded_town_here(i, c)):
            return  # "Tenants' Voice", where nobody named here is a Voice
        if c.name in self.imaginary_surnames and not self.by_surname.get(c.name):
            return  # "signed John Doe ... Mr. Doe, whoever you are": the character, or anyone
        if c.kind == "given" and (m := _CUT_SHORT_BEFORE_SURNAME.match(self.texts[i], c.end)) and clipped(
                c.name) and (self.by_surname.get(m.group(1)) or self.a.discovery.fulls.get(m.group(1))
                             or any(h.start == m.start(1) for h in self.hits[i])):
            # "For Denmark Fred. Engels": his given name cut short, no other Fred's (a surname
            # someone is named in full with; not "Thank you, Doug. Appreciate it")
            return
        if c.kind == "given" and _CROWNED_THING.search(self.texts[i], max(0, c.start - 10), c.start) and not (
                _NUMERAL_AFTER.match(self.texts[i], c.end)):
            return  # "went to the King George", "sailed on the Queen Mary": a hotel, a ship
        if c.kind == "given" and c.title in MONARCH_TITLES and place_name(f"{c.title} {c.name}") and (
                _PLACE_BEFORE.search(self.texts[i], max(0, c.start - len(c.title) - 8), c.start)
                and not self.texts[i].startswith(("'s", "’s"), c.end)):
            return  # "spoke at Prince Albert", "From: Prince Albert": the city
        if self.texts[i].startswith(".", c.end) and c.title not in ADDRESS_TITLES and cut_short(c.name):
            return  # "J. Crabtree, Hon. Sec.", "Tuesday Decr. 15th", "From Sergt. Cunliffe": a word cut short
        for settles in self.SINGLE_STEPS:
            if settles(self, i, c):
                return
        self.discovered_single(i, c)

    def founded_town_here(self, i: int, c: Candidate) -> bool:
        """Is this untitled lone word the town named after its founder, in a paragraph that
        does not name him in full ("how did you come to Ketteridge?" in an interview that
        names "Captain Ketteridge" once)? As where the document names nobody by the word
        (see :meth:`discovered_single`), but only of a word the corpus writes as a town many
        times over; his possessive ("Pruett's ferry") and a verb only a person takes stay his."""
        text = self.texts[i]
        return (self.a.discovery.founded_town(c.name) and c.name not in GIVEN and not text.startswith(("'s", "’s"), c.end)
                and not human_after(text, c.end) and not any(j == i for (j, _), _ in self.surname_at.get(c.name, ())))

    def surname_named_here(self, i: int, c: Candidate) -> bool:
        """A surname of someone named in full in this document."""
        word = c.name
        if not self.by_surname.get(word):
            return False
        ids = [p for _, p in self.by_surname[word]]
        if not c.title:
            # "Napoleon III" named here does not make a bare "Napoleon" him: a numbered
            # ruler's name is several rulers' (see one_of_several).
            ids = [p for p in ids if not ROMAN.match(self.refs[p].name.split()[-1])]
            # "reported that Castro was a Marxist, that Raul Castro was a Communist": one named
            # in full right after the bare word, in its sentence, is not whom it means, here and
            # on, where the corpus owns the bare word by another ("see Georgi Plekhanov" after
            # "Plekhanov refers to" in a note is a reference to the man).
            if contrasted := self.contrasted(word):
                owner = self.a.discovery.owner(word, self.year)
                ids = [p for p in ids if p not in contrasted or not owner or owner == self.refs[p].name]
            if not ids:
                return False
        sex = TITLE_SEX.get(office_title(c.title))
        if sex:
            # "Mrs. Carrasco" where the document names Luis and Graciela Carrasco; "Ms Quinlan"
            # where it names her brother Eamon.
            ids = [p for p in ids if self.sex_of(p) != _OTHER_SEX[sex]]
            if not ids:
                self.flags[i].append(f"ambiguous:{word}")
                return True
            disc = self.a.discovery
            if not (ids := [p for p in ids if not disc.addressed_otherwise(self.refs[p].name, word, c.title)]):
                return False  # "Mrs. Quill" where the document names only her daughters, "Miss Edith Quill"
        if not sex and not (ids := self.not_the_relative(i, c, ids)):
            return False  # "His wife, Teresa Quennell" is not the Quennell the story is about
        if c.title and not sex and (holder := self.office_holder(c, ids)) is not None:
            if holder:
                self.add(i, c.start, holder)
            else:
                self.flags[i].append(f"ambiguous:{word}")
            return True
        if c.title and len(set(ids)) > 1:
            # "General Brown" where the document names General George Brown and Jerry Brown
            ids = [p for p in ids if office_title(c.title) in self.offices.get(p, ())] or ids
        if not sex and len(set(ids)) > 1 and (said := self.pronoun_sex(i, c.end)):
            # "Reverend Quill was at a meeting and he left early", where the document names
            # the Reverends John and Diana Quill.
            ids = [p for p in ids if self.sex_of(p) != _OTHER_SEX[said]] or ids
        pid = self.principal(word, ids, i, c.start)
        self.add(i, c.start, self.refs[pid])
        return True

    def not_the_relative(self, i: int, c: Candidate, ids: list[str]) -> list[str]:
        """Of the people named here whom a bare surname (no title of a sex) may mean, those
        it can be: not relatives the document brings in as somebody's, where it names nobody
        else by the surname ("His wife, Teresa Quennell, did not attend"): the one the story
        calls by the surname is that somebody. Unless the pronoun after the surname is of the
        relative's sex ("His widow, Teresa Quennell ... Quennell said she planted them")."""
        # (Where the document names a bearer in full otherwise, which one it means is left to
        # the order of naming: "old Otto Quill ... His grandson Carl Quill runs it now. Mr. Quill";
        # and only where the story called somebody by the surname before the relative came in:
        # "Her son, Kevin Quill, was charged ... Quill pleaded guilty" is the son.)
        if not all(self.brought_in_as_kin(p) for p in ids):
            return ids
        first = min(((j, d.start) for j, cs in enumerate(self.cands) for d in cs
                     if d.kind in ("single", "titled") and d.name == c.name), default=None)
        if first is None or not all(first < self.named[p] for p in ids):
            return ids
        # (A pronoun only keeps her; one of the other sex rules nobody out: "Judge Ada Quill ...
        # Quill ruled that he was not in custody" is about the defendant.)
        said = self.pronoun_sex(i, c.end)
        return [p for p in ids if said and self.sex_of(p) == said]

    def brought_in_as_kin(self, pid: str) -> bool:
        """Is this person first named here right after "his wife", "her son" and the like?"""
        i, pos = self.named.get(pid, (-1, 0))
        return i >= 0 and bool(_KIN_NOUN_BEFORE.search(self.texts[i], max(0, pos - 30), pos))

    def contrasted(self, surname: str) -> set[str]:
        """The people of this surname the document names in full later in a sentence that
        has already used the surname alone, untitled: a writer who says "Castro" and then
        "Raul Castro" in one breath may mean two people."""
        if self._contrasted is None:
            self._contrasted = defaultdict(set)
            at = {pos: pid for entries in self.surname_at.values() for pos, pid in entries}
            for i, cs in enumerate(self.cands):
                text = self.texts[i]
                for c in cs:
                    if c.kind != "single" or c.title or _DETERMINED.search(text, max(0, c.start - 7), c.start):
                        continue  # "the Rafferty boy -- Mick Rafferty" says which Rafferty
                    stop = _SENTENCE_STOP.search(text, c.end)
                    for d in cs:
                        if (d.kind == "full" and d.surname == c.name and c.end < d.start
                                and (stop is None or d.start < stop.start())
                                and not _APPOSED.search(text, c.end, d.start) and (pid := at.get((i, d.start)))):
                            self._contrasted[c.name].add(pid)
        return self._contrasted.get(surname, set())

    def principal(self, surname: str, ids: list[str], i: int, pos: int) -> str:
        """Which of several people of one surname named here a bare surname means: the one
        named last before it in its own paragraph, else the first named in the document.
        A story calls its subject by the surname and the relatives it names later by their
        given names ("his sister, Marisol Reyes ... where Reyes was an altar server": the
        soldier the story is about)."""
        if len(set(ids)) == 1:
            return ids[0]
        here = [(p, pid) for p, pid in self.surname_at.get(surname, ()) if p[0] == i and p[1] < pos and pid in ids]
        if here:
            return max(here)[1]
        return min(ids, key=lambda pid: self.named.get(pid, (1 << 30, 0)))

    def office_holder(self, c: Candidate, ids: list[str]) -> PersonRef | None:
        """The person the corpus writes in full with this office and surname ("Vice
        President Joe Biden") when nobody named in the document was ever written with it:
        "Vice President Biden" beside "Dr. Jill Biden" is still Joe. None when the title
        settles nothing here (a namesake of the document bore it, or nobody did); False
        when the holder is one the date rules out."""
        disc = self.a.discovery
        holder = disc.titled_owner(c.name, c.title, self.year)
        if not holder:
            return None
        bore = disc.titles.get(c.name, {}).get(c.title.rstrip("."), {})
        if any(_given_part(self.refs[p].name) == _given_part(f) for p in ids for f in bore):
            return None
        return self.known(holder, c.name) or False

    def one_of_several(self, i: int, c: Candidate) -> bool:
        """Several rulers of this name ("Napoleon III"), and this one neither numbered nor
        titled ("King William" is a king of the document's own story); "the elder Pitt":
        one of a family. Flagged, not resolved."""
        if (self.a.discovery.regnal(c.name) and not c.title) or _KIN_BEFORE.search(
                self.texts[i], max(0, c.start - 30), c.start):
            self.flags[i].append(f"ambiguous:{c.name}")
            return True
        return False

    def kin_named_here(self, i: int, c: Candidate) -> bool:
        """A given name right after "his son", "her husband" ("a letter to his 1-year-old
        son, Gage", after "Sergeant Christopher Hake") is that relative, under the surname
        of the person named last before it in the paragraph: Gage Hake. Later "Gage"
        alone is him too (see :meth:`given_name_named_here`)."""
        kin = None if c.title or c.kind not in ("given", "single") else _KIN_NOUN_BEFORE.search(
            self.texts[i], max(0, c.start - 40), c.start)
        if not kin:
            return False
        before = [(pos, ref) for pos, ref in self.found[i] if pos < c.start]
        if not before and i > 0:
            before = self.found[i - 1]  # "His wife Kelli" opening the next paragraph
        if kin.group(3) and len({ref.name.split()[-1] for _, ref in before}) == 1:
            before = before[-1:]  # "Carl and Marsha Mueller ... their daughter Kayla": one family
        if len({ref.id for _, ref in before}) != 1:
            # Nobody, or several people: "his" may not be the last one named ("Bush
            # defeated Governor Ann Richards ... His brother Jeb").
            return False
        named = plain_name(before[0][1].name).split()  # "his son Robbie" of "Robert Quill Jr.": a Quill
        other = "f" if kin.group(1) else "m" if kin.group(2) else None
        if other and given_name_sex(named[0]) == other:
            return False  # "He wrote Jill, my wife, ... about his daughter Courtney": someone else's
        if len(named) < 2 or named[-1] == c.name or ROMAN.match(named[-1]):
            return False
        surname = named[-1]
        name = self.a.discovery.canonical(surname, c.name, f"{c.name} {surname}")
        self.add(i, c.start, self.file_person(name) or self.known(name, surname) or _discovered(name),
                 surname, c.name)
        return True

    def partner_named_here(self, i: int, c: Candidate) -> bool:
        """A given name joined by "and" to someone named by a given name and already resolved
        ("sympathy to Bud and Ellen"): a couple, or brother and sister, she under his surname
        where the corpus names her so in full ("Ellen Haldane", however it writes her name
        out), not another Ellen the page names, nor the corpus's."""
        if c.kind != "given" or c.title:
            return False
        text = self.texts[i]
        at = {k.start: k for k in self.cands[i]}
        partner = [(pos, ref) for pos, ref in self.found[i]
                   if (cand := at.get(pos)) is not None and cand.kind == "given"
                   and (text.startswith(" and ", cand.end) and cand.end + 5 == c.start
                        or text.startswith(" and ", c.end) and c.end + 5 == pos)]
        if len({ref.id for _, ref in partner}) != 1:
            return False
        named = plain_name(partner[0][1].name).split()
        surname = named[-1]
        if len(named) < 2 or named[0] == c.name or not any(
                f.split()[0] == c.name for f in self.a.discovery.fulls.get(surname, {})):
            return False
        name = self.a.discovery.canonical(surname, c.name, f"{c.name} {surname}")
        self.add(i, c.start, self.file_person(name) or self.known(name, surname) or _discovered(name),
                 surname, c.name)
        return True

    def file_person(self, name: str) -> PersonRef | None:
        """The file's person whose full name or alias is exactly ``name`` ("Danuta Wałęsa",
        whom the file keeps off the bare surname)."""
        folded = fold_in_place(name)
        for h in self.a.hits(folded, self.year):
            if h.start == 0 and h.end == len(folded):
                pid = next((p for kind, p in h.kinds if kind == "full"), None)
                if pid:
                    return self.authority_ref(pid)
        return None

    def given_name_named_here(self, i: int, c: Candidate) -> bool:
        """A given name of exactly one person named here ("Kayla", "King James"; "Gage"
        after "Gage Hake", though no list knows the name; "Dame Margaret" after "Dame Margaret
        Ellery": a knighthood goes with the given name)."""
        ids = self.by_given.get(c.name, ())
        if c.title in MONARCH_TITLES:
            # "whenever Princess Margaret appeared upon the screen", in a diary that names Mrs.
            # Margaret Ashby: a royal's given name is no commoner's of the document.
            ids = {p for p in ids if self.offices.get(p, set()) & MONARCH_TITLES
                   or ROMAN.match(self.refs[p].name.split()[-1])}
        if len(ids) == 1 and (c.kind == "given" or c.kind == "single" and not c.title
                              or c.title in _KNIGHTHOODS or self.addressed_by_given_name(c)):
            self.add(i, c.start, self.refs[next(iter(ids))])
            return True
        return False

    def addressed_by_given_name(self, c: Candidate) -> bool:
        """Is this a given name after a form of address ("Miss Estelle", "Mr. Tom"), as a
        household speaks of its family: a given name of a sex the title allows, which the
        corpus never writes as a surname ("Mr. Lincoln" is a Lincoln)?"""
        sex = given_name_sex(c.name)
        return (c.kind in ("given", "titled") and c.title in ADDRESS_TITLES and sex is not None
                and sex != _OTHER_SEX.get(TITLE_SEX.get(c.title.rstrip("."), ""), "") and not self.a.discovery.fulls.get(c.name))

    def given_of_family_here(self, i: int, c: Candidate) -> bool:
        """A given name alone, or after a form of address ("Miss Harriet", "Mr. Tom"), near a
        person of the one family (see :meth:`family_near`) whose member the corpus names in
        full with it: an interview that speaks of "Miss Quennell" and then "Miss Harriet at
        the library", a notice of "Mr. and Mrs. Nils Dunkelberg" and "a sister, Miss Ida".
        Households and servants call the family by their given names; the page says which
        family. After a title, only a word the corpus never writes as a surname ("Mr.
        Lincoln" is no Lincoln Quill)."""
        disc = self.a.discovery
        if (c.kind in ("given", "titled") and c.title in ADDRESS_TITLES and not disc.fulls.get(c.name)
                and given_name_sex(c.name) == _OTHER_SEX.get(TITLE_SEX.get(c.title.rstrip("."), ""))):
            return True  # "Mrs. Robert": the wife of a Robert, not Robert, and not named here
        if not (c.kind == "given" and not c.title or self.addressed_by_given_name(c)):
            return False
        text = self.texts[i]
        if (self.vocative(i, c) or _DETERMINED.search(text, max(0, c.start - 7), c.start)
                or not c.title and len(c.name) == 2 and text.startswith(".", c.end)):
            # "Nancy, I am sorry": whoever is in the room; "the Agnes": a boat; "Ed.": the
            # editor (but "nobody messes with Joe.")
            return False
        entry = _ENTRY_BEFORE.search(text, max(0, c.start - 30), c.start)
        families = self.family_near(i, c.name)
        if owner := _KIN_OF_BEFORE.search(text, max(0, c.start - 30), c.start):
            # "Ti-Jean's boy, Marcel", "Dunmore's son, Robert": the possessor's family, and
            # none where the possessor is someone called by a given name the page does not place
            at = next((ref for pos, ref in self.found[i] if pos == owner.start(1)), None)
            families &= {plain_name(at.name).split()[-1] if at else owner.group(1)}
        found = set()
        for surname in families:
            if entry and entry.group(1).title() != surname:
                continue  # "BEAULIEU, Roger" in a roll of honour is a Beaulieu
            for name in disc.fulls.get(surname, ()):
                words = name.split()
                if ((words[0] == c.name or is_hypocorism(c.name, words[0]))
                        and all(w in GIVEN or w.endswith(".") for w in words[1:-1])
                        and self.named_by_then(disc.seen.get(name)) and not imaginary_name(name)):
                    found.add((surname, disc.canonical(surname, words[0], name)))
        if len(found) != 1:
            return False  # nobody, or two families with a Harriet: the other steps decide
        surname, name = found.pop()
        if ref := self.known(name, surname):
            self.add(i, c.start, ref, surname, c.name)
        return True

    def family_near(self, i: int, given: str) -> set[str]:
        """The surnames of others named in paragraph ``i`` or the two before it: in full by
        another given name or initials ("Mr. and Mrs. Nils Dunkelberg"), or after a title
        ("Miss Quennell"). Not the person with this given name ("Athena Onga" is no family
        that makes a later "Athena" anyone's), nor a family named pages away (a speech that
        names a Johnson somewhere does not make its "Nancy" a Johnson)."""
        near = set()
        for j in range(max(0, i - 2), i + 1):
            for d in self.cands[j]:
                if _BRIDE_BEFORE.search(self.texts[j], max(0, d.start - 25), d.start) and not is_hypocorism(
                        given, d.name.split()[0]):
                    # "He was married to Rose Hajek ... three sons": her family, not theirs (but
                    # "He married Margaret Callaghan ... Peggy died" is she)
                    continue
                if d.kind in ("full", "pair") and d.name.split()[0] != given:
                    near.add(d.surname)
                elif d.kind == "titled" and d.title and d.name != given:
                    near.add(d.name)
        return near

    def named_by_then(self, span: list[int] | None) -> bool:
        """Could a document of this date speak of someone the corpus names in full in these
        years: not a generation or more before it first does (the "Nancy" of 1965 is not a
        Nancy first named in 2003)? Any time after will do: an interview recalls its
        childhood. Unknown dates agree."""
        return self.year is None or not span or span[0] - GENERATION_YEARS <= self.year

    def lone_given_name(self, i: int, c: Candidate) -> bool:
        """A given name nobody here is named by alone: a monarch's, or the name of the one
        person the corpus names in full with it; else nobody ("Luther", a surname too,
        goes on to the other ways)."""
        if c.kind != "given":
            return False
        word = c.name
        if self.by_given.get(word) or i == 0:
            return True
        if len(word) <= 3 and self.texts[i][c.end : c.end + 1] == ".":
            return True  # "Ed.", "Al.": an abbreviation (editor), or a name too short to tell
        if c.title:
            if (ruler := self.ruler(i, c.title, word)) and (ref := self.known(ruler, word)):
                # "the late King Edward" of 1911: Edward VII, as when the numeral is written.
                self.add(i, c.start, ref, word, word)
                return True
            # A monarch ("King William"): known by one name, in one era ("Emperor Alexander"
            # of 1815 is not the "General Alexander" of 1943).
            life = self.era(i, word)
            if life is False:
                self.flags[i].append(f"ambiguous:{word}")
            else:
                pid = discovered_id(word if life is True else f"{word} {life[0]}")
                self.add(i, c.start, PersonRef(pid, word), word, word)
            return True
        if _RELATIVE_BEFORE.search(self.texts[i], max(0, c.start - 30), c.start):
            # "your Uncle Ted", "her nephew Ted": the writer's or the subject's relative, whom the
            # document does not name in full; not the corpus's one Ted of another family.
            self.flags[i].append(f"ambiguous:{word}")
            return True
        disc = self.a.discovery
        # Called by the given name throughout this document: one full sighting will do.
        owner = disc.given_owner(word, 1 if self.mid_counts.get(word, 0) >= 2 else 2, self.year)
        if owner and not disc.called_by_given_name(word, owner.split()[-1]) and not self.vocative(i, c):
            # "When Adam delved": the corpus calls its one Adam, Adam Smith, "Smith".
            self.flags[i].append(f"ambiguous:{word}")
            return True
        if owner:
            if ref := self.known(owner, owner.split()[-1]):
                self.add(i, c.start, ref, word, word)
            return True
        return disc.surname_evidence(word) < 2  # a lone given name is many people

    def ruler(self, i: int, title: str, word: str) -> str | None:
        """The numbered ruler a monarch's title and given name mean here: the one reigning
        at the document's date (see :func:`indexer.rulers.reigning`), else at every year
        the paragraph tells of ("The 1900 minutes mourned King Umberto", in a history of
        2002), else, where it tells none, at every year the document tells of; of a name the
        dictionary numbers no ruler by, the corpus's one numbered ruler of it."""
        if not ruling(title):
            return None  # "Prince Umberto" is not the corpus's King Umberto I
        if not numbered(word):
            return self.a.discovery.only_ruler(word)
        if found := reigning(title, word, self.year):
            return found
        # The one ruler of every year told that any ruler of the name fits (a year none fits, the
        # date of a later treaty, says nothing; a year several fit says "either").
        # A paragraph that tells no year speaks of the document's time: "King George and the Queen
        # came to the station", in a 1976 interview about the royal tour of 1939.
        years = self.told_years(i) or self.document_years()
        found = [rulers_then(title, word, y) for y in years]
        if title in _CONSORTS and not all(found):
            return None  # a queen of a year no queen of the name reigned is a king's wife: "Queen Elizabeth" of 1939
        told = set().union(*found)
        return told.pop() if len(told) == 1 else None

    def era(self, i: int, word: str) -> tuple[int, int] | bool:
        """Which person a lone word nobody owns names in paragraph ``i`` (see
        :meth:`indexer.discovery.Discovery.era_of`): the one of the document's date, unless that
        date falls in no era of the word or in one of its own year alone, as a later page
        looking back does ("in 1885 Mr. Gladstone spoke", in a history of 2002); then the one of
        the years the paragraph tells, where they fall in one. (A page of its own time that
        tells an older year, "Councillor Pim opened the hall built in 1880", keeps its era.)"""
        disc = self.a.discovery
        life = disc.era_of(word, self.year)
        if life is False or life == (self.year, self.year):
            told = time_told(self.texts[i], self.year)
            if told != self.year and (then := disc.era_of(word, told)) is not False:
                return then
        return life

    def document_years(self) -> list[int]:
        """The years every paragraph of the document tells of (see :meth:`told_years`), read once."""
        if self._document_years is None:
            self._document_years = [y for k in range(len(self.texts)) for y in self.told_years(k)]
        return self._document_years

    def told_years(self, i: int) -> list[int]:
        """The years paragraph ``i`` tells of, up to the document's date: the time of a page
        written later about the people it names."""
        return told_years(self.texts[i], self.year)

    def vocative(self, i: int, c: Candidate) -> bool:
        """ "And, Tip, you could ...", "Thank you, Elise": someone spoken to, whom speaker and
        audience know by the given name."""
        text = self.texts[i]
        return bool(_VOCATIVE_AFTER.match(text, c.end)
                    or _VOCATIVE_BEFORE.search(text, max(0, c.start - 12), c.start))

    def typo_named_here(self, i: int, c: Candidate) -> bool:
        """A typo of the surname of a person named here, flagged for review."""
        pid = self.typo_of(c.name)
        if pid:
            self.add(i, c.start, self.refs[pid])
            self.flags[i].append(f"typo:{c.name}->{pid}")
            return True
        return False

    def too_weak(self, i: int, c: Candidate) -> bool:
        """Is the evidence too weak for a discovered person? Lone words with some are
        kept for :meth:`pass_listed`."""
        if i == 0:
            return True  # a title alone does not make a discovered person
        if not c.title and _OWNED.search(self.texts[i], max(0, c.start - 7), c.start):
            return True  # "his Bradley fighting vehicle", "a Ford": a thing, not a person
        disc = self.a.discovery
        word = c.name
        if c.kind == "titled":
            return disc.common_word(word) and c.title not in HONORIFICS  # "General Motors"-like
        if c.initial and disc.surname_evidence(word) < 2 or not disc.personlike(
                word, self.mid_counts.get(word, 0)):
            # Sentence-initial capitals, or a word seen once: weak evidence, unless listed
            # beside a person (see pass_listed).
            if personlike(word) and not disc.common_word(word) and c.kind == "single":
                self.weak.append((i, c))
            return True
        return False

    def discovered_single(self, i: int, c: Candidate) -> None:
        """Titled ("Senator Dirksen") or person-like and repeated: the full name the corpus
        owns the word by, else a discovered person of one name."""
        disc = self.a.discovery
        word = c.name
        if word in KIN_TITLES:
            return  # "Grandpa said": the speaker's grandfather, whoever he was; a title before a name
        if not c.title and _INTRODUCED.search(self.texts[i], max(0, c.start - 30), c.start):
            return  # "a granddaughter named Madison": someone the reader is not expected to know
        if not c.title and role_modifier(self.texts[i], c.end):
            return  # "Ledger staff writer", "Signal reporter": the paper (a school or firm: see resolve_single)
        if _PARTICLE_AFTER.match(self.texts[i], c.end):
            self.flags[i].append(f"ambiguous:{word}")
            return
        if not c.title and common_given_name(word):
            # "Thomas", "Ryan" alone, and nobody named here by it: the first name of many
            # as much as anyone's surname; neither the corpus's owner nor a one-word person.
            self.flags[i].append(f"ambiguous:{word}")
            return
        if disc.common_word(word):
            # Also an everyday word ("Hull", "Ford"): no full name can be looked up for
            # it, and a value of the bare word would gather every bearer and thing.
            return
        # What the data says of a word that names places or peoples holds whoever the
        # corpus's owner of the surname is ("Columbus", "Samar"); an owner is itself
        # evidence of a person, so only a lack of evidence waits for there being none.
        doubt = mononym_doubt(disc, word, c.title)
        if doubt and doubt not in ("no evidence", "no name", "everyday word"):
            return
        if not c.title and self.listed_as_place_here(word):
            return  # "Mayence, Germersheim, Rastatt", "the ports of Panama and Aspinwall"
        if not c.title and self.unnamed_place(word):
            return  # "came from Rimouski", "Decatur, Georgia"
        if not c.title and disc.town_like(word) and not human_after(self.texts[i], c.end):
            # A town named after its founder, where the document names nobody by the word: a
            # bare use is the town ("That was Ketteridge."), unless a verb only a person takes follows.
            return
        sex = TITLE_SEX.get(office_title(c.title))
        # An office names whoever the corpus wrote with it ("Vice President Biden"); when
        # several held it in the document's time, the title does not say which.
        owner = disc.titled_owner(word, c.title, self.year) if c.title else None
        if owner is None:
            # A title says a contemporary, bounded on both sides ("General Scott" in 1840 is
            # nobody the corpus first names in 2018, "Captain Crozier" of 2020 no general of
            # 1899); a bare surname may be anyone from the past ("as Hegel said"), but not
            # one first named in full more than a public life later.
            owner = disc.owner(word, self.year, c.title)
            if owner and c.title.rstrip(".") in HONORIFICS and common_surname(word) and not self.sole_contemporary(
                    owner, word, sex):
                # "Dr. Smith" where nobody here is a Smith: one of thousands, not the Smith
                # the corpus cites most (an office says more: see titled_owner).
                owner = ""
        if owner and sex and (given_name_sex(owner.split()[0]) == _OTHER_SEX[sex]
                              or sex == "f" and owner.split()[0].endswith(".") and not disc.may_be(word, owner, sex)
                              or disc.addressed_otherwise(owner, word, c.title)):
            # "Mrs. Gore" is not the corpus's Al Gore, "Mrs. Quill" no "Mr. R. Quill" (nor "Miss Edith Quill")
            owner = ""
        elif owner and not sex and (said := self.pronoun_sex(i, c.end)) and given_name_sex(
                owner.split()[0]) == _OTHER_SEX[said]:
            owner = ""  # "Sergeant Quill and his unit" is not the corpus's Amy Quill
        if owner is None and not doubt:
            if word in GIVEN and _NAME_GOES_ON.match(self.texts[i], c.end):
                # "Dr. Francisco V. de la Espriella": a given name, and the rest of the
                # name the run lost; no one-word person.
                self.flags[i].append(f"ambiguous:{word}")
                return
            if (misread := disc.misread(word, self.year, c.title)) and (ref := self.known(misread, misread.split()[-1])):
                self.add(i, c.start, ref, word)  # "M. Guisot": Guizot, misspelt; no one-word person
                self.flags[i].append(f"typo:{word}->{ref.id}")
                return
            ref = self.mononym(i, word, c.title)
            if ref:
                self.add(i, c.start, ref, word)
                return
        if owner:
            ref = self.known(owner, word)
            if ref is None:
                # The corpus owns the word by a name of the file's person, whom the date rules out.
                self.flags[i].append(f"ambiguous:{word}")
                return
            self.add(i, c.start, ref, word)
        elif owner is not None or not doubt:
            self.flags[i].append(f"ambiguous:{word}")
        elif doubt == "no name" and not c.title:
            self.weak.append((i, c))  # "led by Thiers and Cavaignac": a person, if listed beside one

    def sole_contemporary(self, owner: str, surname: str, sex: str | None) -> bool:
        """Is ``owner`` the one bearer of the surname (of the title's sex, if it says one)
        the corpus names in full within a few years of the document? ("Mr. Carter" of 1980.)"""
        disc = self.a.discovery
        near = {f.split()[0] for f in disc.fulls.get(surname, {})
                if not f.split()[0].endswith(".") and disc.seen_near(f, self.year)
                and not (sex and given_name_sex(f.split()[0]) == _OTHER_SEX[sex])}
        return near == {owner.split()[0]}

    def mononym(self, i: int, word: str, title: str = "") -> PersonRef | None:
        """A person known by this one word (in paragraph ``i``) in the document's time, else
        None: a value of one word stands for one public life. Not when several people of the
        corpus are named in full with it ("Bray" of the only Bray still is), nor a common surname
        that several given names are named in full with, however rarely; not for a title of one
        sex when the corpus gives the word the other ("Mrs. Gore" beside "Mr. Gore" or
        "Albert Gore"); and keyed by its
        era when the corpus uses the word in several ("Captain Hull" of 1812, "Secretary
        Hull" of 1940): the era paragraph ``i`` speaks of (see :meth:`era`)."""
        disc = self.a.discovery
        if not title and common_given_name(word):
            return None  # "Ryan and Rebecca": untitled, the first name of many
        sex = TITLE_SEX.get(title.rstrip("."))
        if bearer := disc.sole_bearer(word, self.year, bool(title), sex):
            # Someone the corpus names in full is not known by one name: the one it names so
            # ("Miss Oakes" of "Winnifred Oakes"), whom the dates did not make its owner.
            return self.known(bearer, word)
        if disc.namesakes(word, self.year) >= 2:
            return None
        if common_surname(word) and disc.bearers(word, self.year) >= 2:
            return None  # "Bennett": thousands bear it, and the corpus names several
        if sex and _OTHER_SEX[sex] in disc.sexes(word):
            return None
        life = self.era(i, word)
        if life is False:
            return None
        if life is True:
            return _discovered(word)
        return PersonRef(discovered_id(f"{word} {life[0]}"), word)

    def typo_of(self, word: str) -> str | None:
        if len(word) < TYPO_MIN_LENGTH or word in STOP or DERIVED.search(word):
            return None
        key = ocr_key(word)
        for surname, entries in self.by_surname.items():
            if (
                surname[:1] == word[:1]
                and abs(len(surname) - len(word)) <= 1
                and surname != word
                and (OSA.distance(word, surname, score_cutoff=1) <= 1 or ocr_key(surname) == key)
                and not inflected(word, surname)  # "Afghans" is no misspelt "Afghan"
            ):
                return entries[0][1]
        return None

    def pass_context(self) -> None:
        for i, hits in enumerate(self.hits):
            for h in hits:
                kinds = [pid for kind, pid in h.kinds if kind == "context"]
                if not kinds or any(k[0] in ("full", "surname", "veto") for k in h.kinds):
                    continue
                named = [pid for pid in kinds if pid in self.named]
                if named:
                    self.add(i, h.start, self.authority_ref(self.nearest(named, i, h.start)))

    def quoted_nickname(self, i: int, c: Candidate) -> bool:
        """A nickname the corpus quotes for one person ('Leo "Pitou" Quill'), alone: he, though
        it starts a sentence or stands once ("Pitou was my uncle"). Not a form of a given name
        someone named here bears ("Walter Novak, after 41 years. Walt has been ..."), nor a word
        cut short ("Lathrop, Cal., in August", "to Benicia, Cal. The": California)."""
        full = self.a.discovery.nickname_owner(c.name)
        if not full:
            return False
        text = self.texts[i]
        if (_ABBREVIATED.match(text, c.end) or text.startswith(".", c.end) and text.endswith(", ", 0, c.start)
                or any(is_hypocorism(c.name, g) for g in self.by_given)):
            return False  # (", Cal." after a town: its state)
        if ref := self.known(full, c.name):
            self.add(i, c.start, ref, c.name)
        return True

    # The order matters: the first step that settles a lone word decides it.
    SINGLE_STEPS = (surname_named_here, one_of_several, kin_named_here, partner_named_here, given_name_named_here,
                    given_of_family_here, lone_given_name, typo_named_here, quoted_nickname, too_weak)


# "the" before a king's or a queen's title and given name, with no numeral after: the hotel, the
# ship or the pub named after the monarch ("the King George", "the Queen Mary"); the monarch is
# "King George", without the article.
_CROWNED_THING = re.compile(r"(?<![\w])the (?:King|Queen) $")
# A preposition of place or a form's "From:" before a royal title and a given name that together name a city
# ("a letter from Prince Albert" is from the prince).
_PLACE_BEFORE = re.compile(r"(?:\b(?:at|in|near)|From:) \w+ $")
_NUMERAL_AFTER = re.compile(r",? (?:[IVX]+\b|the \w+)")


# A full stop, then a comma or a word in lower case: an abbreviation ("Lathrop, Cal., in August").
_ABBREVIATED = re.compile(r"\.(?:,| [a-z])")
# A full stop and a surname right after a given name a clerk may have cut short ("Fred. Engels").
_CUT_SHORT_BEFORE_SURNAME = re.compile(r"\. ([A-Z][a-z]+)\b")


def _determined(text: str, start: int, end: int) -> bool:
    """Is the full name at ``start:end`` after an article or a possessive, so a thing or a
    type ("a Robin Hood", "the Theodore Roosevelt has docked")? Not when a clause after it
    says which side of the person is meant ("the George Bush that I knew"), nor after a
    German "an" ("Erinnerungen an Karl Marx"; English writes "an" before a vowel).

    >>> t = "Erinnerungen an Karl Marx; an Edward Quill; the Ada Quill that I knew; a Ben Quill"
    >>> [_determined(t, t.index(n), t.index(n) + len(n)) for n in ("Karl Marx", "Edward Quill", "Ada Quill", "Ben Quill")]
    [False, True, False, True]
    """
    det = _DETERMINED.search(text, max(0, start - 7), start)
    if det is None or det.group().lower() == "an " and text[start] not in "AEIOU":
        return False
    return not _DESCRIBED_AFTER.match(text, end)


def _particle_tails(name: str) -> list[str]:
    """The surnames with a particle a name of several words ends in: "M. Savorgnan de Brazza"
    named, a later "M. de Brazza" is he.

    >>> _particle_tails("Savorgnan de Brazza"), _particle_tails("de Gaulle"), _particle_tails("")
    (['de Brazza'], [], [])
    """
    words = name.split()
    return [" ".join(words[k:]) for k in range(1, len(words) - 1) if PARTICLE_WORD.match(words[k])]


def _capital_particle_tail(name: str) -> list[str]:
    """The surname with its capitalised particle that a full name ends in: "Hemi Te Rangi"
    named, a later "Mr Te Rangi" is he.

    >>> _capital_particle_tail("Hemi Te Rangi"), _capital_particle_tail("Te Rangi"), _capital_particle_tail("Ann Quill")
    (['Te Rangi'], [], [])
    """
    words = name.split()
    return [" ".join(words[-2:])] if len(words) >= 3 and words[-2] in SURNAME_PARTICLES else []


def _listed_before(text: str, end: int, c: Candidate, separator: re.Pattern = _LISTED) -> bool:
    """Is a list's ``separator`` all that stands between ``end`` and the next item ``c``, its
    title aside ("DeVarenza and President Islam Qurbanov")?"""
    gap = text[end:c.start]
    if c.title and gap.endswith(f" {c.title} "):
        gap = gap[: -len(c.title) - 1]
    return separator.fullmatch(gap) is not None


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _drop_shadowed(cs: list[Candidate]) -> list[Candidate]:
    """Where two candidates start together ("Carl" and "Carl Mueller"), keep the full one."""
    out: list[Candidate] = []
    for c in cs:
        if out and out[-1].start == c.start:
            if c.kind == "full":
                out[-1] = c
            continue
        out.append(c)
    return out


def _names_given(full: str, givens: set[str] | frozenset[str]) -> bool:
    """Does a full name begin with one of these given names, or with the initial of one?"""
    head = full.split()[0]
    return head in givens or head.endswith(".") and any(g[:1] == head[:1] for g in givens)


def _given_part(name: str) -> str:
    """The words of a full name before its last: what tells namesakes apart."""
    return name_key(name).rpartition(" ")[0]


def _discovered(name: str) -> PersonRef:
    return PersonRef(discovered_id(name), name)


def _initials_only(name: str) -> bool:
    """Is every word of the name before its surname an initial ("F. Abery", "W. H. Dunkelberg")?

    >>> _initials_only("W. H. Dunkelberg"), _initials_only("Emma Dunnage"), _initials_only("Abery")
    (True, False, False)
    """
    words = name.split()
    return len(words) > 1 and all(_INITIAL.fullmatch(w) for w in words[:-1])
