"""The person authority file (corpus/persons.toml): loading it and looking names up.

The file is written by people, so this module is forgiving: a broken entry is
reported (``Authority.problems``) and skipped, never fatal. The format is
documented at the top of corpus/persons.toml and in docs/authority.md.

Each person contributes *forms*, the strings that may name them in a text:

- ``full``: the canonical name and its aliases; such a form fixes the person.
- ``surname``: a bare surname; it means the person only when the document
  names them (or nobody else in the file has that surname).
- ``context``: initials or nicknames ("LD") that count only when the person is
  already named in the same document.
- ``misspelling``: a known misspelling; it acts like the form it misspells.

``[[veto]]`` forms are never persons ("Stalin Prize", the steamship "Ilyich"):
they win over any person form they overlap.

>>> a = Authority.from_dict({"person": [{"id": "x", "name": "Ada Byron", "surnames": ["Byron"]}]})
>>> a.persons["x"].ref, a.aliases()
(PersonRef(id='x', name='Ada Byron'), {'x': ['Ada Byron']})
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from indexer.folding import fold_in_place
from indexer.models import PersonRef
from indexer.name_words import office_key

FormKind = Literal["full", "surname", "context", "misspelling", "veto"]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A person is taken to be mentioned for their own deeds from this age on.
ADULT_AGE = 18
# A document means nobody it was written less than this many years after their birth.
BORN_BEFORE_MEANT = 10
# Years after leaving an office in which its title and a surname still name the one who
# left it, before a relative who held it too: "President Bush" said in 1996.
RECENT_OFFICE = 10
# The offices whose holders are called by them ever after, and not by the offices they held
# before: "Senator Kennedy" of 1968 is no President Kennedy, "Governor Dorsey" of 1916 no
# President Dorsey; but "President Hoover" stays so when he chairs a commission later.
HIGHEST_OFFICES = ("President", "Vice President")
# Ranks and callings a person keeps for life ("General Grant" as president).
LIFELONG_TITLES = frozenset("""General Colonel Captain Lieutenant Admiral Commodore Marshal Major Sergeant
    Commander Professor""".split())


def name_key(text: str) -> str:
    """The key for looking a name up regardless of case, accents and spacing.

    >>> name_key("  Lázaro   CÁRDENAS ")
    'lazaro cardenas'
    """
    return " ".join(fold_in_place(text).casefold().replace(".", ". ").split()).replace(" .", ".")


@dataclass(frozen=True)
class Person:
    """One entry of the authority file."""

    id: str
    name: str
    sort: str
    aliases: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    born: int | None = None
    died: int | None = None
    # Years in which a mention most likely means this person (office terms, a career):
    # what tells a father from his son of the same name.
    active: tuple[tuple[int, int], ...] = ()
    # The offices and ranks the person held, keyed by the word written before the surname
    # ("President", "Vice President", "General"), each with its terms (none: undated);
    # None when the file does not say (then no title rules them out).
    offices: dict[str, tuple[tuple[int, int], ...]] | None = field(default=None, compare=False)
    former_ids: tuple[str, ...] = ()  # ids this person was served under before: links keep working
    wikidata: str | None = None
    note: str = ""

    @property
    def ref(self) -> PersonRef:
        return PersonRef(self.id, self.name)

    def active_in(self, year: int) -> bool:
        """Within one of the ``active`` spans.

        >>> Person("x", "X", "X", active=((1989, 1993),)).active_in(1990)
        True
        """
        return any(start <= year <= end for start, end in self.active)

    def alive_in(self, year: int) -> bool:
        """Adult and not yet dead in ``year`` (unknown birth: not known to be alive)."""
        if self.born is None:
            return False
        return self.born + ADULT_AGE <= year and (self.died is None or year <= self.died)

    def forms(self) -> list[tuple[str, FormKind]]:
        """Every form with its kind; the canonical name first."""
        out: list[tuple[str, FormKind]] = [(self.name, "full")]
        out += [(a, "full") for a in self.aliases]
        out += [(s, "surname") for s in self.surnames]
        out += [(c, "context") for c in self.context]
        out += [(m, "misspelling") for m in self.misspellings]
        return out


@dataclass(frozen=True)
class Veto:
    form: str
    reason: str = ""


@dataclass
class Authority:
    """The loaded authority file. Empty when there is no file."""

    persons: dict[str, Person] = field(default_factory=dict)
    vetoes: tuple[Veto, ...] = ()
    problems: list[str] = field(default_factory=list)
    path: Path | None = None
    # What each layer brought, for the build summary ("corpus/persons.toml: 220 persons").
    layers: tuple[str, ...] = ()

    # -- loading -------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None) -> Authority:
        """Read ``path``; None, a missing file or unreadable TOML give an empty authority."""
        if path is None or not Path(path).is_file():
            return cls(path=path)
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            return cls(problems=[f"{path}: cannot read: {exc}"], path=Path(path))
        authority = cls.from_dict(data)
        authority.path = Path(path)
        return authority

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Authority:
        persons: dict[str, Person] = {}
        problems: list[str] = []
        for n, entry in enumerate(data.get("person", []), 1):
            try:
                person = _person(entry)
            except (TypeError, ValueError, KeyError) as exc:
                problems.append(f"[[person]] #{n}: {exc}; entry skipped")
                continue
            if person.id in persons:
                problems.append(f"[[person]] #{n}: duplicate id {person.id!r}; entry skipped")
                continue
            persons[person.id] = person
        vetoes = []
        for n, entry in enumerate(data.get("veto", []), 1):
            if isinstance(entry, dict) and isinstance(entry.get("form"), str) and entry["form"].strip():
                vetoes.append(Veto(entry["form"].strip(), str(entry.get("reason", ""))))
            else:
                problems.append(f"[[veto]] #{n}: needs a non-empty 'form'; entry skipped")
        return cls(persons, tuple(vetoes), problems)

    @classmethod
    def layered(cls, layers: Iterable[Authority]) -> Authority:
        """One authority from several files, each extending and overriding the ones before.

        A later entry replaces an earlier one with the same id, or with the same
        canonical name under another id; the replaced id then becomes one of its
        ``former_ids``, so links saved under it keep working. Vetoes add up.

        >>> base = Authority.from_dict({"person": [{"id": "bush-george-w", "name": "George W. Bush"}]})
        >>> mine = Authority.from_dict({"person": [{"id": "gwb", "name": "George W. Bush", "born": 1946}]})
        >>> merged = Authority.layered([base, mine])
        >>> list(merged.persons), merged.persons["gwb"].former_ids
        (['gwb'], ('bush-george-w',))
        """
        persons: dict[str, Person] = {}
        vetoes: dict[str, Veto] = {}
        problems: list[str] = []
        described: list[str] = []
        path = None
        for layer in layers:
            where = str(layer.path) if layer.path else "(inline)"
            by_name = {name_key(p.name): pid for pid, p in persons.items()}
            overridden = 0
            for pid, person in layer.persons.items():
                old = pid if pid in persons else by_name.get(name_key(person.name))
                if old is not None:
                    overridden += 1
                    replaced = persons.pop(old)
                    if old != pid:
                        formers = (*person.former_ids, old, *replaced.former_ids)
                        person = replace(person, former_ids=tuple(dict.fromkeys(formers)))
                persons[pid] = person
            for veto in layer.vetoes:
                vetoes[veto.form] = veto
            problems += [f"{where}: {p}" for p in layer.problems]
            described.append(f"{where}: {len(layer.persons)} persons ({overridden} overriding), "
                             f"{len(layer.vetoes)} vetoes")
            path = layer.path or path
        return cls(persons, tuple(vetoes.values()), problems, path, tuple(described))

    def to_toml(self) -> str:
        """The whole (merged) authority as one TOML file: what a generation was annotated with.

        >>> a = Authority.from_dict({"person": [{"id": "x", "name": "Ada Byron", "active": [1833, 1852]}],
        ...                          "veto": [{"form": "Byron Bay"}]})
        >>> Authority.from_dict(tomllib.loads(a.to_toml())) == Authority(a.persons, a.vetoes)
        True
        """
        out = []
        for p in self.persons.values():
            out.append("[[person]]")
            for key, value in asdict(p).items():
                if value is None or value == "" or (key in ("active", "former_ids") and not value):
                    continue
                out.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
            out.append("")
        for v in self.vetoes:
            out += ["[[veto]]", f"form = {json.dumps(v.form, ensure_ascii=False)}",
                    f"reason = {json.dumps(v.reason, ensure_ascii=False)}", ""]
        return "\n".join(out)

    # -- what the matcher needs ------------------------------------------------

    def forms(self) -> dict[str, list[tuple[FormKind, str]]]:
        """Folded form -> [(kind, person id)]; vetoes have the id "". Case is kept."""
        table: dict[str, list[tuple[FormKind, str]]] = defaultdict(list)
        for person in self.persons.values():
            for form, kind in person.forms():
                key = fold_in_place(form)
                if (kind, person.id) not in table[key]:
                    table[key].append((kind, person.id))
        for veto in self.vetoes:
            table[fold_in_place(veto.form)].append(("veto", ""))
        return dict(table)

    # -- what the build and the service need ----------------------------------

    def aliases(self) -> dict[str, list[str]]:
        """{id: [canonical name, aliases...]}: the names a search should find them by."""
        return {pid: [p.name, *p.aliases] for pid, p in self.persons.items()}

    def sort_name(self, pid: str) -> str | None:
        person = self.persons.get(pid)
        return person.sort if person else None

    def active_in(self, ids: Iterable[str], year: int | None) -> list[str]:
        """Of several people a form may mean, those whose ``active`` years contain ``year``.

        Empty when the year is unknown or nobody's active years say anything.

        >>> a = Authority.from_dict({"person": [
        ...     {"id": "bush-george-h-w", "name": "George H. W. Bush", "active": [1981, 1993]},
        ...     {"id": "bush-george-w", "name": "George W. Bush", "active": [1995, 2009]}]})
        >>> a.active_in(["bush-george-h-w", "bush-george-w"], 2002)
        ['bush-george-w']
        """
        if year is None:
            return []
        return [pid for pid in dict.fromkeys(ids) if pid in self.persons and self.persons[pid].active_in(year)]

    def office_holders(self, ids: Iterable[str], office: str, year: int | None,
                       former: bool = False) -> list[str] | None:
        """Of several people a surname after an ``office`` may mean ("President Quill",
        keyed as :func:`office_key` writes it), those the file says held it then: None
        when nobody's offices are given (the title rules nobody out). Someone whose
        offices are given and leave this one out never held it ("Ambassador Wilson" is no
        President Wilson): when nobody left held it, the list is empty. Of several who
        held it, the date chooses: the one in office then, else (or when the text says
        "former") the one who left it last, within :data:`RECENT_OFFICE` years ("President
        Bush" said in 1996 is the father); else the date does not say.

        >>> a = Authority.from_dict({"person": [
        ...     {"id": "quill-a", "name": "Amos Quill", "offices": {"President": [1989, 1993], "Ambassador": []}},
        ...     {"id": "quill-b", "name": "Bo Quill", "offices": {"Governor": [1995, 2000], "President": [2001, 2009]}},
        ...     {"id": "quill-c", "name": "Cora Quill"}]})
        >>> ids = ["quill-a", "quill-b", "quill-c"]
        >>> a.office_holders(ids, "President", 1996), a.office_holders(ids, "President", 2005, former=True)
        (['quill-a'], ['quill-a'])
        >>> a.office_holders(ids, "Governor", 1996), a.office_holders(ids, "General", 1996)
        (['quill-b'], ['quill-c'])
        >>> a.office_holders(["quill-a"], "Senator", 1996), a.office_holders(["quill-c"], "Senator", 1996)
        ([], None)
        """
        ids = [pid for pid in dict.fromkeys(ids) if pid in self.persons]
        declared = [pid for pid in ids if self.persons[pid].offices is not None]
        if not declared:
            return None
        holders = [pid for pid in declared if office in (self.persons[pid].offices or {})]
        if not holders:
            return [pid for pid in ids if self.persons[pid].offices is None]
        if year is not None and not former:
            holders = [pid for pid in holders if not self.moved_on(pid, office, year)]
            if not holders:
                return []  # its holders had all moved on: someone else's title ("Senator Kennedy" of 1968)
        if len(holders) == 1 or year is None:
            return holders
        if not former and (now := self.in_office(holders, office, year)):
            return now
        terms = {pid: (self.persons[pid].offices or {})[office] for pid in holders}
        left = {pid: max(b for _, b in spans if b < year) for pid, spans in terms.items()
                if any(b < year for _, b in spans)}
        if left and (former or year - max(left.values()) <= RECENT_OFFICE):
            last = max(left.values())
            return [pid for pid, b in left.items() if b == last]
        return holders

    def moved_on(self, pid: str, office: str, year: int) -> bool:
        """Had this person left ``office`` for one of :data:`HIGHEST_OFFICES` by ``year``? Then
        its title names someone else ("Senator Kennedy" of 1968, after President Kennedy);
        ranks are kept for life (see :data:`LIFELONG_TITLES`).

        >>> a = Authority.from_dict({"person": [{"id": "q", "name": "Bo Quill", "offices": {
        ...     "General": [1940, 1952], "Governor": [1995, 2000], "President": [2001, 2009], "Chairman": [2011, 2013]}}]})
        >>> a.moved_on("q", "Governor", 1998), a.moved_on("q", "Governor", 2005), a.moved_on("q", "President", 2012)
        (False, True, False)
        >>> a.moved_on("q", "General", 2005)
        False
        """
        offices = self.persons[pid].offices or {}
        if (office in LIFELONG_TITLES or office == "President"  # never left behind: "President Hoover" of 1959
                or any(a <= year <= b for a, b in offices.get(office, ()))):
            return False
        left = [b for _, b in offices.get(office, ()) if b < year]
        return bool(left) and any(max(left) <= a <= year for other in HIGHEST_OFFICES if other != office
                                  for a, _ in offices.get(other, ()))

    def in_office(self, ids: Iterable[str], office: str, year: int) -> list[str]:
        """Of these people, those the file says held ``office`` in ``year``.

        >>> a = Authority.from_dict({"person": [{"id": "q", "name": "Bo Quill", "offices": {"President": [2001, 2009]}}]})
        >>> a.in_office(["q"], "President", 2003), a.in_office(["q"], "President", 1996)
        (['q'], [])
        """
        return [pid for pid in dict.fromkeys(ids) if pid in self.persons
                and any(a <= year <= b for a, b in (self.persons[pid].offices or {}).get(office, ()))]

    def alive_in(self, ids: Iterable[str], year: int | None) -> list[str]:
        """Of several people, those adult and alive in ``year`` (weaker than :meth:`active_in`)."""
        if year is None:
            return []
        return [pid for pid in dict.fromkeys(ids) if pid in self.persons and self.persons[pid].alive_in(year)]

    # -- incremental updates ---------------------------------------------------

    def fingerprint(self) -> str:
        """A hash of the whole file's meaning (order and comments do not count)."""
        entries = sorted(self._entries())
        return hashlib.sha1("\n".join(entries).encode()).hexdigest()[:16]

    def changed_words(self, other: Authority) -> frozenset[str]:
        """Folded, case-folded words of every entry that differs between two versions.

        A document mentioning none of these words annotates the same under both.
        """
        mine, theirs = set(self._entries()), set(other._entries())
        changed = mine ^ theirs
        words: set[str] = set()
        for entry in changed:
            words.update(_entry_words(json.loads(entry)))
        return frozenset(words)

    def _entries(self) -> list[str]:
        out = [json.dumps(asdict(p), sort_keys=True, ensure_ascii=False) for p in self.persons.values()]
        out += [json.dumps({"veto": v.form}, ensure_ascii=False) for v in self.vetoes]
        return out

    def _word_index(self) -> dict[str, set[str]]:
        cached = self.__dict__.get("_windex")
        if cached is None:
            cached = defaultdict(set)
            for entry in self._entries():
                for w in _entry_words(json.loads(entry)):
                    cached[w].add(entry)
            self.__dict__["_windex"] = cached
        return cached


def _entry_words(entry: dict[str, Any]) -> set[str]:
    forms = [entry.get("veto") or entry.get("name", "")]
    for key in ("aliases", "surnames", "context", "misspellings"):
        forms += entry.get(key) or []
    words = set()
    for form in forms:
        words.update(name_key(w).rstrip(".'") for w in re.findall(r"[\w'.-]+", fold_in_place(str(form))))
    return words


def _person(entry: Any) -> Person:
    if not isinstance(entry, dict):
        raise TypeError("not a table")
    pid = entry.get("id")
    name = entry.get("name")
    if not isinstance(pid, str) or not _ID.match(pid):
        raise ValueError(f"id {pid!r} must be lowercase letters, digits and hyphens")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{pid}: needs a non-empty 'name'")
    lists = {}
    for key in ("aliases", "surnames", "context", "misspellings"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValueError(f"{pid}: {key!r} must be a list of non-empty strings")
        lists[key] = tuple(v.strip() for v in value)
    name = name.strip()
    # An explicit empty list means "never by bare surname" (a spouse or child sharing it).
    surnames = lists["surnames"] if "surnames" in entry else _default_surname(name)
    return Person(
        id=pid,
        name=name,
        sort=str(entry.get("sort") or _default_sort(name)),
        aliases=lists["aliases"],
        surnames=surnames,
        context=lists["context"],
        misspellings=lists["misspellings"],
        born=_year(entry.get("born"), pid, "born"),
        died=_year(entry.get("died"), pid, "died"),
        active=_spans(entry.get("active"), pid),
        offices=_offices(entry.get("offices"), pid),
        former_ids=_former_ids(entry.get("former_ids", []), pid),
        wikidata=str(entry["wikidata"]) if entry.get("wikidata") else None,
        note=str(entry.get("note", "")),
    )


_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?|[IVX]+|of|the)$")


def _default_surname(name: str) -> tuple[str, ...]:
    """ "Jack Stachel" -> ("Stachel",); "Lenin" and "Henry Ford II" -> () (say it explicitly)."""
    parts = name.split()
    if len(parts) < 2 or any(_SUFFIX.match(p) for p in parts[1:]):
        return ()
    return (parts[-1],)


def _default_sort(name: str) -> str:
    parts = name.split()
    return f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else name


def _spans(value: Any, pid: str, key: str = "active") -> tuple[tuple[int, int], ...]:
    """``[1989, 1993]`` or ``[[1981, 1989], [2001, 2009]]`` -> ((start, end), ...).

    >>> _spans([[1981, 1989], [2001, 2009]], "x"), _spans([1861, 1865], "x"), _spans(None, "x")
    (((1981, 1989), (2001, 2009)), ((1861, 1865),), ())
    """
    if value is None:
        return ()
    spans = value if isinstance(value, list) and value and all(isinstance(v, list) for v in value) else [value]
    out = []
    for span in spans:
        if (not isinstance(span, list) or len(span) != 2
                or not all(isinstance(y, int) and not isinstance(y, bool) for y in span) or span[0] > span[1]):
            raise ValueError(f"{pid}: {key!r} must be [first year, last year] or a list of such pairs")
        out.append((span[0], span[1]))
    return tuple(out)


def _offices(value: Any, pid: str) -> dict[str, tuple[tuple[int, int], ...]] | None:
    """``{President = [1913, 1921], "Vice President" = [], General = [[1862, 1865], [1866, 1869]]}``
    -> {office: spans}, keyed as :func:`office_key` writes an office.

    >>> _offices({"Pres.": [1913, 1921], "Vice-President": []}, "x"), _offices(None, "x") is None
    ({'President': ((1913, 1921),), 'Vice President': ()}, True)
    """
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"{pid}: 'offices' must be a table of office = [first year, last year]")
    return {office_key(str(k)): _spans(v or None, pid, "offices") for k, v in value.items()}


def _former_ids(value: Any, pid: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{pid}: 'former_ids' must be a list of ids")
    return tuple(v.strip() for v in value)


def _year(value: Any, pid: str, key: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"{pid}: {key!r} must be a year (an integer)")
