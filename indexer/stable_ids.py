"""Person ids that keep working: the alias table kept with each generation.

A visitor saves a link with ``person=x-harry-s-truman``; the archivist then
curates that discovered person (``id = "truman-harry-s"``), or adds the corpus's
own authority file, or turns the base layer off. The served id changes; the
saved link must not break. Each entry of the person registry (persons.json)
therefore lists ``former_ids``, the ids it was or would have been served under:

1. the authority entry's own ``former_ids`` (the curation report writes them;
   a corpus entry replacing a base entry of the same name inherits its id);
2. the id discovery gives its names when the authority file does not know
   them (``x-`` + the slug of the name or an alias);
3. ids of the previous generation no longer served, whose name is now another
   id's name or alias (and what they had inherited themselves).

An id still served always means itself; a former id claimed by two people
means the first in id order.

>>> reg = {"truman-harry-s": {"name": "Harry S. Truman", "sort": "Truman, Harry S.", "aliases": []}}
>>> prev = {"x-harry-truman": {"name": "Harry Truman", "aliases": []}}
>>> declared = {"truman-harry-s": [discovered_id("Harry S. Truman")]}
>>> with_former_ids(reg, {"truman-harry-s": ["Harry S. Truman", "Harry Truman"]}, declared, prev)[
...     "truman-harry-s"]["former_ids"]
['x-harry-s-truman', 'x-harry-truman']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from indexer.authority import Authority, name_key
from indexer.folding import fold_in_place


def slug(name: str) -> str:
    """A discovered person's id suffix.

    >>> slug("Harry S. Truman")
    'harry-s-truman'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold_in_place(name).casefold()).strip("-")


def discovered_id(name: str) -> str:
    """The id discovery gives a name the authority file does not know.

    >>> discovered_id("George W. Bush")
    'x-george-w-bush'
    """
    return f"x-{slug(name)}"


def authority_former_ids(authority: Authority) -> dict[str, list[str]]:
    """{id: former ids} from the authority: declared ones, then its names' discovered ids."""
    return {pid: list(dict.fromkeys([*p.former_ids, *(discovered_id(n) for n in (p.name, *p.aliases))]))
            for pid, p in authority.persons.items()}


def with_former_ids(
    registry: Mapping[str, dict],
    names: Mapping[str, Iterable[str]],
    declared: Mapping[str, Iterable[str]],
    previous: Mapping[str, Mapping] | None = None,
) -> dict[str, dict]:
    """``registry`` with a sorted ``former_ids`` list in each entry that has any.

    ``names`` gives every served id its canonical name and aliases (how a
    previous generation's entry is recognised); ``declared`` the former ids the
    authority gives (:func:`authority_former_ids`); ``previous`` the registry
    of the generation served before this one.
    """
    by_name: dict[str, str] = {}
    for pid in sorted(registry):
        for n in [registry[pid].get("name", ""), *names.get(pid, ())]:
            by_name.setdefault(name_key(n), pid)
    claims: dict[str, list[str]] = {pid: list(declared.get(pid, ())) for pid in registry}
    for old_id, entry in sorted((previous or {}).items()):
        if not isinstance(entry, Mapping):
            continue
        inherited = [str(f) for f in entry.get("former_ids") or []]
        if old_id in registry:
            claims[old_id] += inherited
            continue
        for n in [entry.get("name", ""), *(entry.get("aliases") or [])]:
            pid = by_name.get(name_key(str(n)))
            if pid:
                claims[pid] += [old_id, *inherited]
                break
    taken: set[str] = set(registry)
    out = {pid: dict(entry) for pid, entry in registry.items()}
    for pid in sorted(registry):
        formers = []
        for f in dict.fromkeys(claims[pid]):
            if f not in taken:
                taken.add(f)
                formers.append(f)
        if formers:
            out[pid]["former_ids"] = sorted(formers)
        else:
            out[pid].pop("former_ids", None)
    return out
