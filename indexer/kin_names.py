"""Parents and children who bear one name, with no "Jr." to tell them apart.

A paper writes "Harlan Quennell" of a governor and, twenty years on, of his son
the senator, and a corpus-wide value of the name would gather both. What says
so is the text itself: "his son, also called Harlan", "the son of the former
governor of the same name", "named for his father", or a document that names
someone and then "his son, state Sen. <the same name>". A name so written is
two people; resolution leaves its plain mentions unresolved (see
:meth:`indexer.discovery.Discovery.two_generations`).

>>> from indexer.names import candidates
>>> texts = ["Harlan Quennell is seventy-three now.", "His son, also called Harlan, may run."]
>>> same_name_kin([(t, candidates(t)) for t in texts])
({('Harlan', 'Quennell')}, set())
>>> texts = ["Harlan Quennell died on Sunday.", "He is survived by his son, state Sen. Harlan Quennell."]
>>> same_name_kin([(t, candidates(t)) for t in texts])
(set(), {('Harlan', 'Quennell', 1)})
>>> texts = ["Dan Quennell scored twice.", "Coach Amos Quennell and his son, Dan Quennell, left."]
>>> same_name_kin([(t, candidates(t)) for t in texts])
(set(), set())
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.census import given_name_sex
from indexer.name_runs import Candidate

_KIN_SEX = {"son": "m", "father": "m", "grandson": "m", "grandfather": "m",
            "daughter": "f", "mother": "f", "granddaughter": "f", "grandmother": "f"}
_KIN = "|".join(_KIN_SEX)
_POSSESSOR = {"m": "his", "f": "her"}
# "his son, also called Harlan", "her daughter, who is also named Ruth"
_ALSO_CALLED = re.compile(rf"\b(?:{_KIN}),? (?:who is |who was )?(?:also|too) (?:called|named) ([A-Z][a-z]+)\b")
# "the son of the former governor of the same name", "his namesake son": the name named last
_SAME_NAME = re.compile(
    rf"\b(?:(?:{_KIN}) of (?:the |a |his |her )?(?:[\w'-]+ ){{0,4}}?of the same name"
    rf"|(?:his|her) namesake,? (?:{_KIN}))\b")
# "Nathan Quill, named for his grandfather,": the name right before (not "the Annie Quill
# Fund, named for his mother": no full name ends there)
_NAMED_FOR = re.compile(rf",? (?:who was )?named (?:for|after) (?:his|her) (?:late )?(?:{_KIN})\b")
# "his son, state Sen. ", "their daughter " right before a full name (a title or two between)
_KIN_BEFORE = re.compile(
    rf"\b(his|her|their) (?:[\w-]+ )?({_KIN}),? (?:(?:the|state|former|late|[A-Z][\w.'-]*) ){{0,3}}$")
# Most paragraphs name no kin at all: the patterns above are only tried where one of these is.
_ANY_KIN = re.compile(rf"\b(?:{_KIN})\b")
_SUFFIXED = re.compile(r"\b(?:Jr|Sr|Junior|Senior|II|III|IV)\.?$")


def same_name_kin(paragraphs: Iterable[tuple[str, list[Candidate]]]
                  ) -> tuple[set[tuple[str, str]], set[tuple[str, str, int]]]:
    """What one document, given as its paragraphs' texts and their name candidates, says of
    parents and children who bear one name: the (given name, surname) pairs it says so of
    explicitly ("also called", "of the same name"); and the (given name, surname, paragraph)
    of a full name written after "his son" (or "her daughter", ...) in that paragraph and
    plainly before, where the document names nobody else by the surname with another given
    name: then "his" is that name's bearer, or a kinsman the document leaves unnamed, so
    this is evidence only when other documents say it too."""
    stated: set[tuple[str, str]] = set()
    plain: dict[tuple[str, str], int] = {}  # name -> first paragraph naming it plainly
    after_kin: list[tuple[int, str, str, tuple[str, str]]] = []  # (paragraph, possessor, kin noun, name)
    givens_of: dict[str, set[str]] = {}
    surnames_of: dict[str, set[str]] = {}
    last_full: tuple[str, str] | None = None
    paragraphs = list(paragraphs)
    kins = [_names_kin(text) for text, _ in paragraphs]
    if not any(kins):
        return stated, set()  # most documents name no kin at all
    for p, (text, cands) in enumerate(paragraphs):
        fulls = [c for c in cands if c.kind == "full" and c.given and not _SUFFIXED.search(c.name)]
        for c in fulls:
            surnames_of.setdefault(c.given, set()).add(c.surname)
            givens_of.setdefault(c.surname, set()).add(c.given)
        kin = kins[p]  # nor do most paragraphs of those that do: nothing more to try there
        for m in _ALSO_CALLED.finditer(text) if kin else ():
            # "his son, also called Harlan": the one surname the document gives the name
            if len(surnames := surnames_of.get(m.group(1), set())) == 1:
                stated.add((m.group(1), next(iter(surnames))))
        for c in fulls:
            if kin and _NAMED_FOR.match(text, c.end):
                stated.add((c.given, c.surname))
            if kin and (k := _KIN_BEFORE.search(text, max(0, c.start - 45), c.start)):
                after_kin.append((p, k.group(1).lower(), k.group(2).lower(), (c.given, c.surname)))
            else:
                plain.setdefault((c.given, c.surname), p)
        for m in _SAME_NAME.finditer(text) if kin else ():
            before = [c for c in fulls if c.end <= m.start()]
            if named := ((before[-1].given, before[-1].surname) if before else last_full):
                stated.add(named)
        if fulls:
            last_full = (fulls[-1].given, fulls[-1].surname)
    implied: set[tuple[str, str, int]] = set()
    for p, possessor, noun, name in after_kin:
        sex = given_name_sex(name[0])
        if (plain.get(name, p + 1) <= p and givens_of.get(name[1]) == {name[0]} and sex == _KIN_SEX[noun]
                and possessor in ("their", _POSSESSOR.get(sex))):
            implied.add((*name, p))
    return stated, implied


def _names_kin(text: str) -> bool:
    # Substring tests first: five scans in C cost a fraction of the word regex, which would
    # otherwise run over every paragraph of a build's discovery pass.
    return (" son" in text or "grandson" in text or "daughter" in text or "father" in text
            or "mother" in text) and _ANY_KIN.search(text) is not None
