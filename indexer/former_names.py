"""A woman's name before marriage, where the text says it is hers.

An obituary writes "his wife of 54 years, the former Rose Quennell", a biography "she was
born Edith Varenza at Port Lisle", a caption "Irene Varenza (Quennell)". (A married name
with "née" after it is one name already: see :mod:`indexer.names`.) Each says that two full names are one woman, and a corpus that
writes the maiden name elsewhere ("he married Miss Edith Varenza") would otherwise show her
twice. What a document says is read here as (maiden name, married name) pairs; the corpus
keeps a pair only where it names the married woman in full too (see
:meth:`indexer.discovery.Discovery.stated_married`).

>>> from indexer.names import candidates
>>> def said(texts): return sorted(former_names([(t, candidates(t)) for t in texts]))
>>> said(["Mike Quennell died on Sunday.", "He leaves his wife of 54 years, the former Rose Varenza."])
[('Rose Varenza', 'Rose Quennell')]
>>> said(["Irene Varenza (Quennell) is third from the left."])
[('Irene Varenza', 'Irene Quennell')]
>>> said(["Malcolm Little, born Malcolm Varenza in Omaha, spoke."])  # a man: no maiden name
[]
>>> said(["Our Secretary, Miss Joan Varenza, was married on 14th February to Mr Norman Quill."])
[('Joan Varenza', 'Joan Quill')]
>>> said(["Peggy Varenza married Robert Quill in 1928, and Ann Dunkelberg came."])  # the two beside the verb
[('Peggy Varenza', 'Peggy Quill')]
>>> said(["The daughter of Carl Varenza, Peggy Varenza married Robert Quill in 1928."])
[('Peggy Varenza', 'Peggy Quill')]
>>> said(["Ann Dunkelberg, whose sister married Robert Quill, and Peggy Varenza came."])
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.census import given_name_sex
from indexer.name_runs import Candidate

_WORD = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?"
# Right after her maiden name, the married surname in brackets: "Irene Varenza (Quennell)".
_MARRIED_IN_BRACKETS = re.compile(rf" \(({_WORD})\)")
# Right before her maiden name: "the former Rose Varenza", "born Edith Varenza", "née Ada Quill".
# A wedding: the woman and the man one sentence names beside it ("Miss Joan Varenza was married
# on 14th February to Mr Norman Quill", "Peggy Varenza married Robert Quill in 1928").
_MARRIED = re.compile(r"\b(?:married|wed|wedded)\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_WOMAN_TITLES = frozenset({"Miss", "Mrs", "Ms"})
_FORMER_BEFORE = re.compile(r"(?<![\w-])(?:[Tt]he former|[Ff]ormerly|[Bb]orn|n[ée]e) $")


def former_names(paragraphs: Iterable[tuple[str, list[Candidate]]]) -> set[tuple[str, str]]:
    """(maiden name, married name) pairs, both as "given surname", that one document, given
    as its paragraphs' texts and name candidates, says are one woman's. After "the former",
    "born" or "née" the married name is hers of the same given name that the document names
    in full, or the same given name and the surname of any man it names ("his wife ..., the
    former Rose Varenza" in Mike Quennell's obituary): only a married name the corpus also
    writes in full is kept, so the many surnames of a document cost nothing."""
    paragraphs = list(paragraphs)
    fulls = [c for _, cs in paragraphs for c in cs if c.kind == "full" and c.given]
    surnames = {c.surname for c in fulls}
    pairs: set[tuple[str, str]] = set()
    for text, cs in paragraphs:
        for c in cs:
            if c.kind != "full" or not c.given or given_name_sex(c.given) != "f":
                continue
            if married := _MARRIED_IN_BRACKETS.match(text, c.end):
                if married.group(1) != c.surname:
                    pairs.add((f"{c.given} {c.surname}", f"{c.given} {married.group(1)}"))
            elif _FORMER_BEFORE.search(text, max(0, c.start - 12), c.start):
                pairs.update((f"{c.given} {c.surname}", f"{c.given} {s}") for s in surnames if s != c.surname)
        if "married" in text or "wed" in text:  # (the pattern only where it may match: most paragraphs)
            for m in _MARRIED.finditer(text):
                pairs.update(_wedding(text, cs, m.start()))
    return pairs


def _wedding(text: str, cs: list[Candidate], at: int) -> set[tuple[str, str]]:
    """The (maiden name, married name) of the one woman and the one man named in full in the
    sentence of a wedding at ``at``, if it names just those two."""
    start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = m.start() + 1 if (m := _SENTENCE_END.search(text, at)) else len(text)
    people = [c for c in cs if c.kind == "full" and c.given and start <= c.start < end]
    women, men = _women_and_men(people)
    if len(women) != 1 or len(men) != 1:
        # ... or, where it names others too, the two right beside the verb: "The daughter of
        # Charles Varenza, Peggy Varenza married Robert Quill in 1928".
        before = [c for c in people if c.end <= at and _BESIDE_BEFORE.fullmatch(text, c.end, at)]
        after = [c for c in people if c.start > at and _BESIDE_AFTER.fullmatch(text, at, c.start)]
        women, men = _women_and_men(before[-1:] + after[:1])
    if len(women) != 1 or len(men) != 1 or women[0].surname == men[0].surname:
        return set()
    woman = women[0]
    return {(f"{woman.given} {woman.surname}", f"{woman.given} {men[0].surname}")}


def _women_and_men(people: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """The women (by given name or title) and the men among ``people``."""
    women = [c for c in people if given_name_sex(c.given) == "f" or c.title.rstrip(".") in _WOMAN_TITLES]
    men = [c for c in people if given_name_sex(c.given) == "m" and c.title.rstrip(".") not in _WOMAN_TITLES]
    return women, men


# What may stand between the verb and the two it weds: "was (quietly) married", "married (Mr.)".
_BESIDE_BEFORE = re.compile(r",? (?:was |were |had )?(?:[a-z]+ly )?")
_BESIDE_AFTER = re.compile(r"(?:married|wed|wedded),? (?:to )?(?:(?:Mr|Mrs|Miss|Dr|Rev)\.? )?")
