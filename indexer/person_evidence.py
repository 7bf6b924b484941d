"""Does a name found in the text name a human? The evidence, for the curation report.

The curation report asks one function, :func:`looks_like_person`, about every
discovered name with a few of the paragraphs it occurs in, and proposes a
``[[veto]]`` entry, with the reasons, when the answer is no. This version reads
only what the words around a name say; a better-informed function (given-name
and surname statistics, place and organisation data) can replace it with the
same signature.

>>> looks_like_person("Kurds", ["The Kurds rose in the north.", "Aid reached the Kurds."]).person
False
>>> looks_like_person("Dale Morrow", ["Dale Morrow said the strike was over."]).person
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from indexer.authority import fold
from indexer.name_words import DERIVED, GIVEN, STOP, TAILS, TITLES

_SPEECH = re.compile(r"^[\s,]*(?:'s\s+\w+\s+)?(?:said|says|told|wrote|writes|argued|replied|declared|asked|"
                     r"added|explained|insisted|warned|announced|recalled|died|resigned|was born)\b")
_THE = re.compile(r"(?:^|[^\w])(?:the|The|THE)\s+$")
_PLACE_BEFORE = re.compile(r"(?:^|[^\w])(?:in|at|from|to|into|across|near|visited)\s+$")
_GROUP_ENDING = re.compile(r"(?:ans|ians|ese|ists|ites|ics)$")
_ABSTRACT_ENDING = re.compile(r"[a-z]{3}(?:ity|tion|ment|ness|ology|ismus)$")  # "Christianity", "Materialismus"
# "New Granada", "Buenos Ayres", "St. Lawrence": a lone word that mostly follows the first
# word of a place's name. (Any capitalised word before it would also take "Henrik Ibsen"
# for a place whenever the given-name list lacks "Henrik".)
_CAPITAL_BEFORE = re.compile(r"(?:^|[^\w.])([A-Z][\w'-]*)\.? $")
_PLACE_PREFIXES = frozenset("New St Ste San Santa Santo Saint Sao Fort Port Puerto Mount Lake Cape North South "
                            "East West Upper Lower Great Little Los Las El Buenos Rio Costa Sierra".split())
_OF_BEFORE = re.compile(r"[A-Z][a-z]+ of\s+$")  # "Treaty of Ghent", "Government of Hayti"
# Words after a name that make it the name of a thing: "the Marshall plan", "the Taft-Hartley bill".
_THING_AFTER = frozenset("treaty bill act plan doctrine law laws affair accords agreement amendment line "
                         "report prize award memorial monument".split())
_PLURAL_VERB = re.compile(r"^\s+(?:have|are|were)\b")
_SINGULAR_VERB = re.compile(r"^\s+(?:has|is|was|said|says)\b")


@dataclass(frozen=True)
class Evidence:
    """``person``: True (names a human), False (does not), None (cannot tell)."""

    person: bool | None
    reasons: tuple[str, ...] = ()

    def summary(self) -> str:
        return "; ".join(self.reasons) if self.reasons else "no evidence either way"


def looks_like_person(name: str, contexts: Sequence[str]) -> Evidence:
    """Weigh what the contexts say about ``name`` (its last word is looked for in each)."""
    words = fold(name).split()
    last = words[-1] if words else ""
    pro: list[str] = []
    con: list[str] = []
    if len(words) > 1 and words[0] in GIVEN:
        pro.append(f"starts with the given name {words[0]!r}")
    # "President", "Speaker": strong enough alone (but "Will Rogers" has a given name).
    common = all(w in STOP for w in words) and not (len(words) > 1 and words[0] in GIVEN)
    if common:
        con.append("a common capitalised word")
    if len(words) == 1 and (DERIVED.search(last) or _GROUP_ENDING.search(last) and last.endswith("s")):
        con.append(f"{last!r} has the ending of a people, creed or group")
    if len(words) == 1 and _ABSTRACT_ENDING.search(last):
        con.append(f"{last!r} has the ending of an abstract noun")
    seen = titled = spoken = the = place = tailed = inside = of = thing = plural = singular = 0
    for text in contexts:
        text = fold(text)
        for m in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", text):
            seen += 1
            before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 40]
            prev = before.rstrip(" .").rsplit(None, 1)[-1] if before.strip() else ""
            head_start = m.start() - len(" ".join(words[:-1])) - (1 if len(words) > 1 else 0)
            before_name = text[max(0, head_start - 40) : max(0, head_start)]
            titled += prev in TITLES
            spoken += bool(_SPEECH.match(after))
            the += bool(_THE.search(before_name))
            place += bool(_PLACE_BEFORE.search(before_name)) and len(words) == 1
            follower = after.split(None, 1)[0].strip(".,;:") if after.split() else ""
            tailed += follower in TAILS
            thing += follower.lower() in _THING_AFTER
            # "Marx and Engels were": the plural is the pair's, not the name's.
            plural += bool(_PLURAL_VERB.match(after)) and not re.search(r"(?:\band|&)\s+$", before)
            singular += bool(_SINGULAR_VERB.match(after))
            if len(words) == 1:
                cap = _CAPITAL_BEFORE.search(before)
                inside += bool(cap) and cap.group(1) in _PLACE_PREFIXES
                of += bool(_OF_BEFORE.search(before))
    if seen:
        if titled:
            pro.append(f"after a title in {titled} of {seen} mentions")
        if spoken:
            pro.append(f"says or does something in {spoken} of {seen}")
        if the * 2 >= seen and len(words) == 1:
            con.append(f"'the {last}' in {the} of {seen} mentions")
        if place * 2 >= seen:
            con.append(f"after in/at/from/to in {place} of {seen} mentions (a place)")
        if tailed * 2 >= seen:
            con.append(f"before an organisation or place word in {tailed} of {seen} mentions")
        if thing * 2 >= seen:
            con.append(f"before 'treaty', 'bill', 'plan' or a like word in {thing} of {seen} mentions")
        if inside * 2 >= seen:
            con.append(f"the end of a longer capitalised name in {inside} of {seen} mentions")
        if of * 2 >= seen:
            con.append(f"after 'Treaty of', 'Government of'-like words in {of} of {seen} mentions")
        if plural * 3 >= seen and not singular and len(words) == 1:
            con.append(f"takes a plural verb in {plural} of {seen} mentions (a group)")
    if len(con) > len(pro) or common:
        return Evidence(False, tuple(con + pro))
    if pro:
        return Evidence(True, tuple(pro + con))
    return Evidence(None, tuple(con))
