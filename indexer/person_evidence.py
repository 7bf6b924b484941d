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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from indexer.folding import fold_in_place
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
    words = fold_in_place(name).split()
    last = words[-1] if words else ""
    pro, con = _by_shape(words, last)
    counts = _signals(words, last, contexts)
    if counts["seen"]:
        pro += _for(counts)
        con += _against(counts, words, last)
    if len(con) > len(pro) or _common(words):
        return Evidence(False, tuple(con + pro))
    if pro:
        return Evidence(True, tuple(pro + con))
    return Evidence(None, tuple(con))


def _common(words: list[str]) -> bool:
    """ "President", "Speaker": strong enough alone (but "Will Rogers" has a given name)."""
    return all(w in STOP for w in words) and not (len(words) > 1 and words[0] in GIVEN)


def _by_shape(words: list[str], last: str) -> tuple[list[str], list[str]]:
    """Reasons for and against that the words themselves give."""
    pro: list[str] = []
    con: list[str] = []
    if len(words) > 1 and words[0] in GIVEN:
        pro.append(f"starts with the given name {words[0]!r}")
    if _common(words):
        con.append("a common capitalised word")
    if len(words) == 1 and (DERIVED.search(last) or _GROUP_ENDING.search(last) and last.endswith("s")):
        con.append(f"{last!r} has the ending of a people, creed or group")
    if len(words) == 1 and _ABSTRACT_ENDING.search(last):
        con.append(f"{last!r} has the ending of an abstract noun")
    return pro, con


def _signals(words: list[str], last: str, contexts: Sequence[str]) -> Counter[str]:
    """How many mentions of ``last`` in the contexts there are ("seen"), and how many of
    them each signal of :func:`_mention` marks."""
    counts: Counter[str] = Counter()
    one = len(words) == 1
    head = len(" ".join(words[:-1])) + (1 if len(words) > 1 else 0)  # the words before ``last``
    for text in contexts:
        text = fold_in_place(text)
        for m in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", text):
            counts["seen"] += 1
            counts.update(_mention(text, m.start(), m.end(), head, one))
    return counts


def _mention(text: str, start: int, end: int, head: int, one: bool) -> dict[str, bool]:
    """The signals around one mention of a name's last word at ``start``-``end``, ``head``
    characters of the name before it; ``one``: the name is one word."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    prev = before.rstrip(" .").rsplit(None, 1)[-1] if before.strip() else ""
    head_start = start - head
    before_name = text[max(0, head_start - 40) : max(0, head_start)]
    follower = after.split(None, 1)[0].strip(".,;:") if after.split() else ""
    signals = {
        "titled": prev in TITLES,
        "spoken": bool(_SPEECH.match(after)),
        "the": bool(_THE.search(before_name)),
        "place": bool(_PLACE_BEFORE.search(before_name)) and one,
        "tailed": follower in TAILS,
        "thing": follower.lower() in _THING_AFTER,
        # "Marx and Engels were": the plural is the pair's, not the name's.
        "plural": bool(_PLURAL_VERB.match(after)) and not re.search(r"(?:\band|&)\s+$", before),
        "singular": bool(_SINGULAR_VERB.match(after)),
    }
    if one:
        cap = _CAPITAL_BEFORE.search(before)
        signals["inside"] = bool(cap) and cap.group(1) in _PLACE_PREFIXES
        signals["of"] = bool(_OF_BEFORE.search(before))
    return signals


def _for(counts: Counter[str]) -> list[str]:
    seen = counts["seen"]
    pro = []
    if counts["titled"]:
        pro.append(f"after a title in {counts['titled']} of {seen} mentions")
    if counts["spoken"]:
        pro.append(f"says or does something in {counts['spoken']} of {seen}")
    return pro


# Signals that speak against a person when they mark at least half the mentions:
# (signal, for one-word names only, reason).
_AGAINST = (
    ("the", True, "'the {last}' in {n} of {seen} mentions"),
    ("place", False, "after in/at/from/to in {n} of {seen} mentions (a place)"),
    ("tailed", False, "before an organisation or place word in {n} of {seen} mentions"),
    ("thing", False, "before 'treaty', 'bill', 'plan' or a like word in {n} of {seen} mentions"),
    ("inside", False, "the end of a longer capitalised name in {n} of {seen} mentions"),
    ("of", False, "after 'Treaty of', 'Government of'-like words in {n} of {seen} mentions"),
)


def _against(counts: Counter[str], words: list[str], last: str) -> list[str]:
    seen = counts["seen"]
    con = [reason.format(last=last, n=counts[signal], seen=seen) for signal, one_word, reason in _AGAINST
           if counts[signal] * 2 >= seen and (len(words) == 1 or not one_word)]
    if counts["plural"] * 3 >= seen and not counts["singular"] and len(words) == 1:
        con.append(f"takes a plural verb in {counts['plural']} of {seen} mentions (a group)")
    return con
