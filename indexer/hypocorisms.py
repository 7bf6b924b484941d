"""Everyday forms of given names ("Danny" of Daniel, "Ed" of Edward), from the hand-curated
``nicknames`` dataset, for people a corpus names both ways without quoting the nickname.

The dataset also pairs names that are names of their own ("Ian" and John, "Linda" and
Rosalyn, "Rita" and Margaret): only a form that begins with the formal name's letter and is
no longer than it is taken, or one English makes from such a form by rule ("Bill" of Will,
"Ned" of Ed: see :func:`_rhymed`). Other pairs count only where the corpus quotes the
nickname in the name (see :func:`indexer.names.candidates`).

>>> is_hypocorism("Danny", "Daniel"), is_hypocorism("Ed", "Edward"), is_hypocorism("Ian", "John")
(True, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


@cache
def _pairs() -> frozenset[tuple[str, str]]:
    same = frozenset((nick, formal) for nick, formal in _all_pairs()
                     if nick[:1] == formal[:1] and len(nick) <= len(formal))
    return _respelt(same | _rhymed(same))


# A pet ending is spelt as the writer pleases: "Charley", "Charlie", "Charly".
_PET_SPELLINGS = ("ie", "ey", "y")
_PET_SPELT = re.compile(r"(...+?)(ie|ey|y)$")


def _respelt(pairs: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """The pairs, with each pet ending also spelt the other ways.

    >>> sorted(n for n, f in _respelt(frozenset({("charlie", "charles"), ("ed", "edward")})))
    ['charley', 'charlie', 'charly', 'ed']
    """
    out = set(pairs)
    for nick, formal in pairs:
        if m := _PET_SPELT.fullmatch(nick):
            out.update((m.group(1) + ending, formal) for ending in _PET_SPELLINGS if m.group(1) + ending != formal)
    return frozenset(out)


# The endings English pet forms take ("Peg", "Peggy"; "Dick", "Dickie").
_PET_ENDING = re.compile(r"(.)\1?(?:y|ie)$")


def _rhymed(same: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """The dataset's pairs with another first letter that English makes by rule, not names
    of their own: a rhyme on a form of the same letter ("Bill" of Will(iam), "Bob" of
    Rob(ert), "Dick" of Rick/Richard, "Peg" of Meg/Margaret), or "N" or "T" before a form
    that starts with a vowel ("Ned", "Ted" of Ed(ward)); each with its pet ending ("Peggy",
    "Bobby"). Shorter than the formal name, and not of the other sex by the census tables:
    that leaves out "Lloyd" and Floyd, "Jasper" and Casper, "Cole" and Nicole, "Ian" and John.

    >>> sorted(n for n, f in _rhymed(_pairs()) if f in ("william", "richard", "edward", "margaret"))
    ['bill', 'billy', 'dick', 'dickie', 'dicky', 'ned', 'peg', 'peggy', 'ted', 'teddy']
    >>> {("ian", "john"), ("lloyd", "floyd"), ("cole", "nicole"), ("randy", "miranda")} & _rhymed(_pairs())
    set()
    """
    from indexer.census import given_name_sex

    forms: dict[str, set[str]] = {}
    for nick, formal in same:
        forms.setdefault(formal, {formal}).add(nick)
    out = set()
    for nick, formal in _all_pairs():
        if nick[:1] == formal[:1] or len(nick) >= len(formal):
            continue
        own = forms.get(formal, {formal})
        stem = _PET_ENDING.sub(r"\1", nick)
        rhymes = any(f[1:] in (nick[1:], stem[1:]) for f in own)
        prefixed = nick[0] in "nt" and any(f[0] in "aeiou" and f in (nick[1:], stem[1:]) for f in own)
        sexes = {given_name_sex(nick.title()), given_name_sex(formal.title())} - {None}
        if (rhymes or prefixed) and len(sexes) < 2:
            out.add((nick, formal))
    return frozenset(out)


@cache
def _all_pairs() -> frozenset[tuple[str, str]]:
    from nicknames import name_triplets

    return frozenset((t.name2, t.name1) for t in name_triplets() if t.relationship == "has_nickname")


@cache
def everyday_only() -> frozenset[str]:
    """The dataset's everyday forms that are not formal names themselves, in lower case: a
    form no other form is made from but a spelling of it ("Mick", "Mike", "Peggy", "Sue"),
    not "John" (Jack, Jon), "Daniel" (Dan) or "William" (Bill).

    >>> sorted({"mick", "mike", "peggy", "sue", "john", "daniel", "william"} & everyday_only())
    ['mick', 'mike', 'peggy', 'sue']
    """
    made: dict[str, set[str]] = {}
    for nick, formal in _pairs():
        made.setdefault(formal, set()).add(nick)
    return frozenset(nick for nick, _ in _pairs()
                     if all(m[:2] == nick[:2] and len(m) >= len(nick) - 2 for m in made.get(nick, ())))


@cache
def formal_names() -> frozenset[str]:
    """The formal given names the dataset gives everyday forms of, in lower case ("michael")."""
    return frozenset(formal for _, formal in _pairs())


@cache
def everyday_forms() -> frozenset[str]:
    """Every everyday form of a given name the table knows, in lower case ("walt", "nat")."""
    return frozenset(nick for nick, _ in _all_pairs())


def may_be_called(nick: str, formal: str) -> bool:
    """Does the dataset give ``nick`` as an everyday form of ``formal`` at all ("Peg" of
    Margaret)? Only where the text itself pairs the two ("Tait, Margaret (Peg)"): alone, the
    dataset's pairs of names of their own would join strangers.

    >>> may_be_called("Peg", "Margaret"), may_be_called("Peg", "Thomas")
    (True, False)
    """
    return (nick.lower(), formal.lower()) in _all_pairs()


@cache
def _clipped() -> frozenset[str]:
    return frozenset(nick for nick, formal in _all_pairs() if formal.startswith(nick) and len(nick) < len(formal))


def clipped(word: str) -> bool:
    """Is ``word`` the start of a longer given name the dataset makes it a form of ("Fred" of
    Frederick, "Alex" of Alexander), as a clerk cut a given name short with a full stop? Not a
    name that is only itself ("Robert", "Helen").

    >>> clipped("Fred"), clipped("Alex"), clipped("Robert"), clipped("Helen")
    (True, True, False, False)
    """
    return word.lower() in _clipped()


def _in_company(forms: dict[str, int], nick: str, formal: str, company: dict[str, set[str]]) -> bool:
    """Is somebody named beside a full name of the ``nick`` given name also named beside one of
    the ``formal`` given name?"""
    def mates(given: str) -> set[str]:
        return set().union(*(company.get(f, ()) for f in forms if f.split()[0] == given))
    return bool(mates(nick) & mates(formal))


@cache
def _formal_initials() -> dict[str, frozenset[str]]:
    initials: dict[str, set[str]] = {}
    for nick, formal in _pairs():
        initials.setdefault(nick, set()).add(formal[0])
    return {nick: frozenset(letters) for nick, letters in initials.items()}


def formal_initial(initial: str, nick: str) -> bool:
    """Is ``initial`` the first letter of a formal name ``nick`` is an everyday form of, as
    "W." is of Bill's William?

    >>> formal_initial("W", "Bill"), formal_initial("R", "Bob"), formal_initial("R", "Bill")
    (True, True, False)
    """
    return initial.lower() in _formal_initials().get(nick.lower(), ())


def is_hypocorism(nick: str, formal: str) -> bool:
    """Is ``nick`` an everyday form of the given name ``formal``?"""
    return nick != formal and (nick.lower(), formal.lower()) in _pairs()


def nicknames_by_surname(fulls: dict[str, dict[str, int]], seen: dict[str, list[int]], contemporary: int,
                         generation: Callable[[str], str],
                         company: dict[str, set[str]] | None = None) -> dict[str, dict[str, str]]:
    """Surname -> {everyday given name: formal given name} for the surnames a corpus writes
    after both forms ("Danny Quill", "Daniel R. Quill"), when one formal name fits, and both
    are named in full within ``contemporary`` years of each other (undated names agree), or
    beside one same person of another surname (``company``: "Mike Esson and Colin Mair" of an
    oral history, "Michael Esson, and Colin Mair" of the loss it tells of, decades before). A
    form of another letter ("Bill" of William) says less: both must be dated, and the corpus
    must not write the formal name with a generation ("William W. Quill III": ``generation``
    says which names carry one), for "Bill" may then be any of the family's.

    >>> from indexer.discovery import generation

    >>> nicknames_by_surname({"Quill": {"Danny Quill": 2, "Daniel R. Quill": 1, "Ian Quill": 1, "John Quill": 1}},
    ...                      {}, 10, generation)
    {'Quill': {'Danny': 'Daniel'}}
    >>> nicknames_by_surname({"Quill": {"Danny Quill": 2, "Daniel Quill": 1}},
    ...                      {"Danny Quill": [1990, 1995], "Daniel Quill": [1920, 1931]}, 10, generation)
    {}
    >>> nicknames_by_surname({"Quill": {"Danny Quill": 2, "Daniel Quill": 1}},
    ...                      {"Danny Quill": [1990, 1995], "Daniel Quill": [1920, 1931]}, 10, generation,
    ...                      {"Danny Quill": {"Amos Pim"}, "Daniel Quill": {"Amos Pim", "Ada Lisle"}})
    {'Quill': {'Danny': 'Daniel'}}
    >>> nicknames_by_surname({"Quill": {"Bill Quill": 1, "William W. Quill": 1, "William W. Quill III": 1},
    ...                       "Pim": {"Bill Pim": 1, "William Pim": 2}}, {"William Pim": [1955]}, 10, generation)
    {}
    """
    out: dict[str, dict[str, str]] = {}
    for surname, forms in fulls.items():
        if len(forms) < 2:
            continue
        spans: dict[str, list[int]] = {}
        generations = {f.split()[0] for f in forms if generation(f)}
        for f in forms:
            given = f.split()[0]
            if given.endswith("."):
                continue
            span = spans.setdefault(given, [])
            if f in seen:
                span.extend(seen[f])
        for nick in spans:
            formals = [g for g in spans if is_hypocorism(nick, g)]
            if len(formals) != 1:
                continue
            a, b = spans[nick], spans[formals[0]]
            if a and b and (min(a) > max(b) + contemporary or min(b) > max(a) + contemporary) and not (
                    company and _in_company(forms, nick, formals[0], company)):
                continue  # a grandson called Danny, decades after a Daniel
            if nick[:1] != formals[0][:1] and (not (a and b) or formals[0] in generations):
                continue  # a form of another letter says less: dated, and one generation
            out.setdefault(surname, {})[nick] = formals[0]
    return out
