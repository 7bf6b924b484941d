"""People famous enough for a dictionary, and what that says of a bare surname.

A corpus that names "Edmund Burke" once and a "Jim Burke" once leaves "as Burke said" of
1905 to neither by its own counts; a reader knows the statesman is meant. Princeton
WordNet 3.0 knows some three thousand such people by name, with their years
(``data/notables.txt``, written by ``data/make_notables.py``). Two things are read from it:

- the one of a surname's bearers the corpus names in full who is famous, where no count
  decides between them (:func:`famous_bearer`);
- a word that is somebody's whole name ("Augustus", "Moses", "Homer"): a corpus's full name
  ending in it ("Philip Augustus", "Robert Moses") does not own it corpus-wide
  (:func:`known_alone`).

>>> [n.names for n in notables("Rousseau")]
[('Henri Rousseau', 'Le Douanier Rousseau'), ('Jean-Jacques Rousseau',)]
>>> famous_bearer("Rousseau", ["Jean Jacques Rousseau", "Theodore Rousseau", "J. J. Rousseau"])
'Jean Jacques Rousseau'
>>> known_alone("Augustus"), known_alone("Burke"), known_alone("Carlos")
(True, False, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from indexer.census import common_given_name
from indexer.folding import fold_in_place
from indexer.name_words import TITLES


@dataclass(frozen=True)
class Notable:
    """One famous person a bare word may mean: the full names ending in it ("" for one known
    by the word alone) and the years of the life, where the dictionary gives them."""

    names: tuple[str, ...]
    born: int | None
    died: int | None
    alone: bool = False  # known by the word alone ("Voltaire"); ``names`` are his other names

    def given_names(self) -> set[str]:
        """The first words of the full names ("Jean" of "Jean-Jacques Rousseau"; "John" and
        "Jan" of John Huss, Jan Hus)."""
        return {n.split()[0].split("-")[0] for n in self.names} - TITLES  # not "Emperor Napoleon III"

    def alive_in(self, year: int | None) -> bool:
        """Could the person have been written of as living in ``year``? (Unknown years allow it.)"""
        return year is None or (self.born is None or year >= self.born) and (self.died is None or year <= self.died)


@cache
def _table() -> dict[str, tuple[Notable, ...]]:
    text = resources.files("indexer.data").joinpath("notables.txt").read_text(encoding="utf-8")
    rows: dict[str, list[Notable]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, kind, names, born, died, _ = line.split("\t")
        rows.setdefault(word, []).append(Notable(tuple(n for n in names.split("|") if n),
                                                 int(born) if born else None, int(died) if died else None,
                                                 kind == "alone"))
    return {w: tuple(ns) for w, ns in rows.items()}


def notables(word: str) -> tuple[Notable, ...]:
    """The famous people the bare ``word`` may mean."""
    return _table().get(word, ())


def known_alone(word: str, full_names: Iterable[str] = ()) -> bool:
    """Is the word some famous person's whole name ("Augustus", "Homer", "Moses"), and none
    of these ``full_names`` his other names ("Francois Marie Arouet de Voltaire" is
    Voltaire)? Not a given name many bear ("Carlos", "Elizabeth"): that is everyone's.

    >>> known_alone("Augustus", ["Philip Augustus"]), known_alone("Voltaire", ["Francois Marie Arouet de Voltaire"])
    (True, False)
    """
    alone = [n for n in notables(word) if n.alone]
    if not alone or common_given_name(word):
        return False
    return not any(_begins(n, f) for n in alone for f in full_names)


def _begins(person: Notable, full_name: str) -> bool:
    """Does the full name begin with one of the person's given names (or its initial)?"""
    first = _folded(full_name.split()[0].rstrip("."))
    return any((g := _folded(name)) == first or len(first) == 1 and g[:1] == first for name in person.given_names())


def _folded(word: str) -> str:
    return fold_in_place(word).lower()


def given_names_of(word: str, given: str) -> set[str]:
    """The given names, in every language the dictionary gives, of the one famous person of
    this surname called ``given`` ("John" and "Jan" of Huss), else nothing.

    >>> sorted(given_names_of("Huss", "Jan")), given_names_of("Quennell", "Jan")
    (['Jan', 'John'], set())
    """
    person = famous(word, f"{given} {word}") if len(given) > 1 else None  # an initial says too little
    return person.given_names() if person is not None else set()


def famous(word: str, full_name: str) -> Notable | None:
    """The famous person of this surname whose given name the full name begins with
    ("Jean Jacques Rousseau", "J. J. Rousseau" of Jean-Jacques Rousseau), if one."""
    found = [n for n in notables(word) if not n.alone and _begins(n, full_name)]
    return found[0] if len(found) == 1 else None


def famous_bearer(word: str, full_names: Iterable[str] | Mapping[str, int], year: int | None = None,
                  titled: bool = False) -> str | None:
    """Of the full names a corpus writes with this surname (with how often, if given), the one
    famous person's, his form written most often, when the others are no famous person and
    the word is nobody's whole name; for a ``titled`` mention of ``year``, only one then
    alive (an office is held by the living)."""
    counts = full_names if isinstance(full_names, Mapping) else dict.fromkeys(full_names, 1)
    fulls = list(counts)
    if known_alone(word):
        return None
    people: dict[Notable, list[str]] = {}
    for f in fulls:
        if (n := famous(word, f)) is not None:
            people.setdefault(n, []).append(f)
    if len(people) != 1:
        return None
    ((person, names),) = people.items()
    name = max(names, key=lambda f: (not f.split()[0].endswith("."), counts[f], len(f)))
    if year is not None and person.born is not None and year < person.born:
        return None
    if titled and not person.alive_in(year):
        return None
    return name
