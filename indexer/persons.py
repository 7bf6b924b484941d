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

>>> from indexer.authority import Authority
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
from pathlib import Path

import ahocorasick
from rapidfuzz.distance import OSA

from indexer.authority import Authority, fold
from indexer.discovery import EVENT_HEADS, Discovery
from indexer.inflection import inflected
from indexer.models import PersonRef
from indexer.census import common_surname, given_name_sex
from indexer.name_runs import Candidate
from indexer.name_words import DERIVED, GIVEN, HONORIFICS, STOP, TITLE_SEX, TITLES, personlike
from indexer.names import candidates
from indexer.personhood import mononym_doubt, nonperson, place_name

Annotation = tuple[tuple[PersonRef, ...], tuple[str, ...]]

_WORD_CHAR = re.compile(r"\w")
_CAP_WORD = re.compile(r"(?<![\w'-])[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?\b")
TYPO_MIN_LENGTH = 5  # shorter words are too often other real words one edit away


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    text: str
    kinds: tuple[tuple[str, str], ...]  # (kind, person id); veto id ""
    timed: bool = False  # narrowed to the people active at the document's date


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
        self._by_surname: dict[str, list[str]] = defaultdict(list)
        for p in authority.persons.values():
            for s in (*p.surnames, *[m for m in p.misspellings if " " not in m]):
                self._by_surname[fold(s)].append(p.id)
        self._surnames = {pid: [fold(s) for s in p.surnames] for pid, p in authority.persons.items()}
        self._givens = {
            pid: {fold(n.split()[0]) for n in (p.name, *p.aliases) if not n.split()[0].endswith(".")}
            for pid, p in authority.persons.items()
        }

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
        """The name candidates of ``folded`` (= ``fold(text)``): those the discovery
        count found for ``text`` in this process, else found now."""
        cs = self.found.pop(text, None)
        return candidates(folded) if cs is None else cs

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
        doc = _Document(self, [fold(t) for t in raw], year, raw)
        return doc.resolve()[1:]

    def annotate_text(self, text: str) -> tuple[PersonRef, ...]:
        """Persons in a single text taken as a whole document (handy for tests and tools)."""
        return self.annotate("", [text])[0][0]

    def _hits(self, text: str) -> list[_Hit]:
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
            found.append(_Hit(start, end + 1, text[start : end + 1], kinds))
        found.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[_Hit] = []
        last_end = -1
        for h in found:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
        return out


class _Document:
    """Resolution state for one document; paragraph 0 is the title."""

    def __init__(self, annotator: PersonAnnotator, texts: list[str], year: int | None = None,
                 raw: list[str] | None = None) -> None:
        self.a = annotator
        self.texts = texts
        self.year = year
        self.hits = [self._usable(t, annotator._hits(t), year) for t in texts]
        self.cands: list[list[Candidate]] = []
        for t, r, hits in zip(texts, raw or texts, self.hits):
            spans = [(h.start, h.end) for h in hits]
            cs = [c for c in annotator.candidates(r, t) if not _overlaps(c.start, c.end, spans)]
            self.cands.append(_drop_shadowed(cs))
        self.found: list[list[tuple[int, PersonRef]]] = [[] for _ in texts]
        self.flags: list[list[str]] = [[] for _ in texts]
        self.named: dict[str, tuple[int, int]] = {}  # id -> first (paragraph, offset)
        self.refs: dict[str, PersonRef] = {}
        self.by_surname: dict[str, list[tuple[tuple[int, int], str]]] = defaultdict(list)
        self.by_given: dict[str, set[str]] = defaultdict(set)
        self.weak: list[tuple[int, Candidate]] = []  # lone words with too little evidence alone
        self.mid_counts = Counter(
            c.name for cs in self.cands for c in cs if c.kind in ("single", "given") and not c.initial
        )

    def _usable(self, text: str, hits: list[_Hit], year: int | None) -> list[_Hit]:
        """Drop what cannot be meant: persons born after the document, and bare surnames
        inside a longer name ("Capitol Hill", "Adam Smith", "Lincoln Memorial"). Of
        several people one form may mean, keep those active at the document's date:
        "Bush" in 2002 is the son, in 1990 the father."""
        authority = self.a.authority
        persons = authority.persons
        out = []
        for h in hits:
            kinds = h.kinds
            timed = False
            if year is not None:
                kinds = tuple(k for k in kinds if not k[1] or (persons[k[1]].born or 0) + 10 <= year)
                pids = {k[1] for k in kinds if k[1]}
                active = authority.active_in(pids, year) if len(pids) > 1 else []
                if active and len(active) < len(pids):
                    kinds = tuple(k for k in kinds if not k[1] or k[1] in active)
                    timed = True
            if all(k[0] in ("surname", "misspelling", "context") for k in kinds) and (
                    _embedded(text, h) or _at_place(text, h)):
                continue
            if kinds:
                out.append(_Hit(h.start, h.end, h.text, kinds, timed))
        return out

    # -- helpers ------------------------------------------------------------------------

    def add(self, i: int, pos: int, ref: PersonRef, surname: str = "", given: str = "") -> None:
        self.found[i].append((pos, ref))
        self.refs[ref.id] = ref
        if ref.id not in self.named:
            self.named[ref.id] = (i, pos)
        if surname and all(pid != ref.id for _, pid in self.by_surname[surname]):
            self.by_surname[surname].append(((i, pos), ref.id))
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

    # -- the passes -----------------------------------------------------------------------

    def resolve(self) -> list[Annotation]:
        self.pass_full_names()
        self.pass_surnames()
        self.pass_context()
        out: list[Annotation] = []
        for found, flags in zip(self.found, self.flags):
            seen: dict[str, PersonRef] = {}
            for _, ref in sorted(found, key=lambda x: x[0]):
                seen.setdefault(ref.id, ref)
            out.append((tuple(seen.values()), tuple(dict.fromkeys(flags))))
        return out

    def pass_full_names(self) -> None:
        authority = self.a.authority
        for i, hits in enumerate(self.hits):
            for h in hits:
                for kind, pid in h.kinds:
                    if kind == "full" or (kind == "misspelling" and " " in h.text):
                        p = authority.persons[pid]
                        for s in self.a._surnames[pid]:
                            self.add(i, h.start, p.ref, s)
                        if not self.a._surnames[pid]:
                            self.add(i, h.start, p.ref)
                        break
        for i, cs in enumerate(self.cands):
            for c in cs:
                if c.kind != "full":
                    continue
                pid = self.authority_match(c)
                if pid:
                    self.add(i, c.start, self.authority_ref(pid), c.surname)
                    continue
                if not c.title and place_name(c.name):
                    continue  # "Santa Barbara", "Abu Dhabi": a given name starts many places
                name = self.a.discovery.canonical(c.surname, c.given, c.name)
                self.add(i, c.start, _discovered(name), c.surname, c.given)
        # "Kelli and her son Gage Hake" after "Sergeant Christopher Hake": a relative.
        for i, cs in enumerate(self.cands):
            for c in cs:
                if c.kind == "pair" and self.by_surname.get(c.surname) and not place_name(c.name):
                    pid = self.authority_match(c)
                    self.add(i, c.start, self.authority_ref(pid) if pid else _discovered(c.name), c.surname,
                             c.given)

    def authority_match(self, c: Candidate) -> str | None:
        """An authority person this discovered full name is: same surname, and the same
        given name as one of their names ("J. Stalin" is Joseph Stalin; "Adam Smith" is not Al)."""
        return self.authority_person(c.name, c.surname, c.given)

    def known(self, name: str, surname: str) -> PersonRef:
        """The person a full name found by discovery stands for: the authority's when
        it knows them (a bare "Marx" the corpus owns as "Karl Marx" is the file's
        Karl Marx, not a second value), else a discovered one."""
        head = name.split()[0]
        pid = self.authority_person(name, surname, "" if head.endswith(".") else head)
        return self.authority_ref(pid) if pid else _discovered(name)

    def authority_person(self, name: str, surname: str, given: str) -> str | None:
        head = name.split()[0]
        pids = self.a._by_surname.get(surname, [])
        # Relatives of one name ("George Bush"): the one active at the document's date first.
        active = self.a.authority.active_in(pids, self.year) if len(pids) > 1 else []
        for pid in active + [p for p in pids if p not in active]:
            givens = self.a._givens[pid]
            if given and given in givens:
                return pid
            if not given and head.endswith(".") and any(g[:1] == head[:1] for g in givens):
                return pid
        return None

    def pass_surnames(self) -> None:
        for i, hits in enumerate(self.hits):
            for h in hits:
                kinds = [k for k in h.kinds if k[0] in ("surname", "misspelling") and " " not in h.text]
                if not kinds or any(k[0] in ("full", "veto") for k in h.kinds):
                    continue
                ids = [pid for _, pid in kinds]
                named = [pid for pid in ids if pid in self.named]
                if _KIN_BEFORE.search(self.texts[i], max(0, h.start - 30), h.start):
                    # "the first Adams", "the elder Pitt": one of a family, not said which.
                    self.flags[i].append(f"ambiguous:{h.text}")
                    continue
                if h.timed and len(set(ids)) == 1:
                    # The date decides between relatives, whoever else the document names.
                    self.add(i, h.start, self.authority_ref(ids[0]))
                elif len(named) == 1:
                    self.add(i, h.start, self.authority_ref(named[0]))
                elif named:
                    pid = self.nearest(named, i, h.start)
                    self.add(i, h.start, self.authority_ref(pid))
                    self.flags[i].append(f"ambiguous:{h.text}->{pid}")
                elif self.by_surname.get(h.text) and (len(set(ids)) != 1 or any(
                        at[0] == i and at[1] < h.start for at, _ in self.by_surname[h.text])):
                    # A namesake the file does not know, named in full here. Only after it in its
                    # own paragraph does it outweigh the one person the file knows by this surname
                    # ("Engels to Hermann Engels" heads a list of Engels's letters).
                    pid = self.nearest([p for _, p in self.by_surname[h.text]], i, h.start)
                    self.add(i, h.start, self.refs[pid])
                elif len(set(ids)) == 1:
                    doubt = self.posthumous_doubt(ids[0], i, h)
                    if doubt is None:
                        self.add(i, h.start, self.authority_ref(ids[0]))
                    elif doubt:
                        self.flags[i].append(f"{doubt}:{h.text}->{ids[0]}")
                elif len(alive := self.a.authority.alive_in(ids, self.year)) == 1:
                    # Nobody named here: of the candidates, the only one alive at the time.
                    self.add(i, h.start, self.authority_ref(alive[0]))
                else:
                    self.flags[i].append(f"ambiguous:{h.text}")
        # Titled mentions first: "King William" later in a document names the
        # "William" of an earlier paragraph.
        for titled in (True, False):
            for i, cs in enumerate(self.cands):
                for c in cs:
                    if c.kind not in ("full", "pair") and bool(c.title) == titled:
                        self.resolve_single(i, c)
        self.pass_listed()

    def posthumous_doubt(self, pid: str, i: int, h: _Hit) -> str | None:
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
        givens = self.a._givens[pid]
        others = [f for f, n in self.a.discovery.fulls.get(h.text, {}).items()
                  if n >= 2 and not f.split()[0].endswith(".") and f.split()[0] not in givens]
        return "ambiguous" if others else None

    def pass_listed(self) -> None:
        """A lone surname listed beside a person is a person too: "led by Blanqui and
        Barbes", "Proudhon, Leroux, Vidal". Only words that nothing else spoke
        against (see :meth:`resolve_single`) are taken this way."""
        for i, c in self.weak:
            found = {pos for pos, _ in self.found[i]}
            text = self.texts[i]
            cs = self.cands[i]
            j = cs.index(c)
            before = j > 0 and cs[j - 1].start in found and _LISTED.fullmatch(
                text, cs[j - 1].end, c.start)
            after = j + 1 < len(cs) and cs[j + 1].start in found and _LISTED.fullmatch(
                text, c.end, cs[j + 1].start)
            listed = before or after
            if listed and not mononym_doubt(self.a.discovery, c.name):
                self.add(i, c.start, _discovered(c.name), c.name)

    def resolve_single(self, i: int, c: Candidate) -> None:
        word = c.name
        # 1. a surname of someone named in full in this document
        if self.by_surname.get(word):
            ids = [p for _, p in self.by_surname[word]]
            sex = TITLE_SEX.get(c.title.rstrip("."))
            if sex:
                # "Mrs. Carrasco" where the document names Luis and Graciela Carrasco.
                ids = [p for p in ids if given_name_sex(self.refs[p].name.split()[0]) != _OTHER_SEX[sex]]
                if not ids:
                    self.flags[i].append(f"ambiguous:{word}")
                    return
            pid = self.nearest(ids, i, c.start)
            self.add(i, c.start, self.refs[pid])
            return
        disc = self.a.discovery
        if (disc.regnal(word) and not c.title) or _KIN_BEFORE.search(self.texts[i], max(0, c.start - 30), c.start):
            # Several rulers of this name ("Napoleon III"), and this one neither numbered nor
            # titled ("King William" is a king of the document's own story); "the elder
            # Pitt": one of a family.
            self.flags[i].append(f"ambiguous:{word}")
            return
        # 2. a given name of exactly one person named here ("Kayla", "King James"; "Gage"
        # after "Gage Hake", though no list knows the name)
        if c.kind == "single" and not c.title and len(self.by_given.get(word, ())) == 1:
            self.add(i, c.start, self.refs[next(iter(self.by_given[word]))])
            return
        if c.kind == "given":
            ids = self.by_given.get(word, set())
            if len(ids) == 1:
                self.add(i, c.start, self.refs[next(iter(ids))])
                return
            if ids or i == 0:
                return
            if len(word) <= 3 and self.texts[i][c.end : c.end + 1] == ".":
                return  # "Ed.", "Al.": an abbreviation (editor), or a name too short to tell
            if c.title:
                # A monarch ("King William"): known by one name.
                self.add(i, c.start, _discovered(word), word, word)
                return
            # Called by the given name throughout this document: one full sighting will do.
            owner = disc.given_owner(word, 1 if self.mid_counts.get(word, 0) >= 2 else 2, self.year)
            if owner:
                self.add(i, c.start, self.known(owner, owner.split()[-1]), word, word)
                return
            if disc.surname_evidence(word) < 2:
                return  # a lone given name is many people ("Luther" goes on: a surname too)
        # 3. a typo of a named person's surname
        pid = self.typo_of(word)
        if pid:
            self.add(i, c.start, self.refs[pid])
            self.flags[i].append(f"typo:{word}->{pid}")
            return
        if i == 0:
            return  # a title alone does not make a discovered person
        if not c.title and _OWNED.search(self.texts[i], max(0, c.start - 7), c.start):
            return  # "his Bradley fighting vehicle", "a Ford": a thing, not a person
        # 4. titled ("Senator Dirksen") or person-like and repeated: a discovered person
        if c.kind == "titled":
            if disc.common_word(word) and c.title not in HONORIFICS:
                return  # "General Motors"-like: an office before a common word
        elif c.initial and disc.surname_evidence(word) < 2 or not disc.personlike(
                word, self.mid_counts.get(word, 0)):
            # Sentence-initial capitals, or a word seen once: weak evidence, unless listed
            # beside a person (see pass_listed).
            if personlike(word) and not disc.common_word(word) and c.kind == "single":
                self.weak.append((i, c))
            return
        # A title says a contemporary ("General Scott" in 1840 is nobody the corpus first
        # names in 2018); a bare surname may be anyone from the past ("as Hegel said").
        era = self.year if c.title else None
        owner = disc.owner(word, era) if not disc.common_word(word) else None
        if owner is None:
            if mononym_doubt(disc, word, c.title):
                return
            if disc.namesakes(word, era) >= 2:
                # Several people in the corpus have this surname and none is named here.
                self.flags[i].append(f"ambiguous:{word}")
        self.add(i, c.start, self.known(owner, word) if owner else _discovered(c.name), word)

    def typo_of(self, word: str) -> str | None:
        if len(word) < TYPO_MIN_LENGTH or word in STOP or DERIVED.search(word):
            return None
        for surname, entries in self.by_surname.items():
            if (
                surname[:1] == word[:1]
                and abs(len(surname) - len(word)) <= 1
                and surname != word
                and OSA.distance(word, surname, score_cutoff=1) <= 1
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


# Years after a death in which a bare surname still needs no other evidence (papers
# printed, speeches dated late, a widow's "Mr. Lewis").
POSTHUMOUS_GRACE = 10
# Forms of address used of the living.
ADDRESS_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mr.", "Mrs.", "Ms."})
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+\.?) $")
_KIN_BEFORE = re.compile(
    r"\b(?:[Tt]he (?:first|second|third|elder|younger|older|senior|junior)(?: [A-Z][a-z]+\.?)?|[Oo]ld|[Yy]oung) $")
# A possessive or an indefinite article right before a lone capitalised word makes it a thing.
_LISTED = re.compile(r",? and |, |; | & ")
_OWNED = re.compile(r"(?<![\w'])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Aa]n?) $")
_CAP_BEFORE = re.compile(r"(?:^|[^\w])([A-Z][\w'-]*)[ \t]+$")
_CAP_AFTER = re.compile(r"^(?:'s)?[ \t]+[A-Z][a-z]")


_OTHER_SEX = {"m": "f", "f": "m"}
_AT_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear) $")


def _at_place(text: str, h: _Hit) -> bool:
    """ "at Cleveland", "in Lincoln": a place's name after a preposition of place (not
    "in Lincoln's time")."""
    return (bool(_AT_BEFORE.search(text, max(0, h.start - 6), h.start)) and text[h.end : h.end + 1] != "'"
            and nonperson(h.text) == "place")


_NAME_HEADS = frozenset(h.split()[0].rstrip("\\.") for h in EVENT_HEADS)


def _embedded(text: str, h: _Hit) -> bool:
    """Is a bare surname part of a longer capitalised name (not just after a title)?"""
    before = _CAP_BEFORE.search(text[max(0, h.start - 30) : h.start])
    if before:
        word = before.group(1).rstrip(".")
        # "President Lincoln" and "But Lincoln" are mentions; "Capitol Hill" and "Adam Smith" are not.
        if word not in TITLES and (word not in STOP or word in GIVEN) or word in _NAME_HEADS:
            return True  # "Fort Adams", "Lake Pontchartrain", "Hurricane Sandy" too
    return bool(_CAP_AFTER.match(text[h.end : h.end + 6]))


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


def slug(name: str) -> str:
    """A discovered person's id suffix.

    >>> slug("Harry S. Truman")
    'harry-s-truman'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(name).casefold()).strip("-")


def _discovered(name: str) -> PersonRef:
    return PersonRef(f"x-{slug(name)}", name)


def _automaton(authority: Authority) -> ahocorasick.Automaton | None:
    forms = authority.forms()
    if not forms:
        return None
    a = ahocorasick.Automaton()
    for form, kinds in forms.items():
        a.add_word(form, (len(form), tuple(kinds)))
    a.make_automaton()
    return a


def document_words(texts: Iterable[str]) -> frozenset[str]:
    """The capitalised words of a document, as :meth:`Authority.fingerprint_for` wants them.

    >>> sorted(document_words(["LD met Trotsky in Coyoacán."]))
    ['Coyoacan', 'LD', 'Trotsky']
    """
    words: set[str] = set()
    for t in texts:
        words.update(re.findall(r"(?<![\w'])[A-Z][\w'.-]*", fold(t)))
    return frozenset(w.rstrip(".'") for w in words)


# -- curation report ----------------------------------------------------------------------


def report(corpus_dir: Path, authority_path: Path | None, limit: int = 50) -> str:
    """The curation report; it lives in :mod:`indexer.curation` (kept here for old callers)."""
    from indexer.curation import report as curation_report

    return curation_report(corpus_dir, authority_path, limit)
