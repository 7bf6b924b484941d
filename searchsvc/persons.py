"""The person registry stored beside each generation (persons.json).

``{person_id: {"name", "sort", "aliases": [...], "former_ids": [...]}}``. A
visitor may name a person by id, canonical name or alias, in any case and with
or without accents; an id the person was served under before (a saved link from
before the archivist curated them) still finds them.

>>> r = PersonRegistry({"trotsky-leon": {"name": "Leon Trotsky", "aliases": ["L. D. Trotsky"]}})
>>> r.resolve("LEON TROTSKY"), r.resolve("trotsky-leon"), r.resolve("l. d. trotsky")
('trotsky-leon', 'trotsky-leon', 'trotsky-leon')
>>> r.name("trotsky-leon"), r.name("x-unknown")
('Leon Trotsky', 'x-unknown')
>>> PersonRegistry({"trotsky-leon": {"name": "Leon Trotsky", "former_ids": ["x-leon-trotsky"]}}).resolve(
...     "x-leon-trotsky")
'trotsky-leon'

"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from indexer.folding import fold as fold_letters


def fold(text: str) -> str:
    """Case- and accent-insensitive form with single spaces.

    >>> fold("  Lázaro   CÁRDENAS ")
    'lazaro cardenas'
    """
    return " ".join(fold_letters(text).split())


class PersonRegistry:
    def __init__(self, entries: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self.entries: dict[str, dict[str, Any]] = {}
        self._by_form: dict[str, str] = {}
        self._sort_keys: dict[str, str] = {}
        for pid, raw in (entries or {}).items():
            if not isinstance(raw, Mapping):
                continue  # a broken entry is skipped, not fatal
            name = str(raw.get("name") or pid)
            aliases = [str(a) for a in raw.get("aliases") or [] if a]
            self.entries[pid] = {"name": name, "sort": str(raw.get("sort") or name),
                                 "aliases": aliases}
        # Only when nothing served has the form: a served id always means itself.
        self._former: dict[str, str] = {}
        for pid, raw in (entries or {}).items():
            formers = raw.get("former_ids") if pid in self.entries else None
            for former in formers if isinstance(formers, list) else []:
                self._former.setdefault(fold(str(former)), pid)
        # Ids and canonical names win over aliases when forms collide.
        for pid, e in self.entries.items():
            for form in e["aliases"]:
                self._by_form.setdefault(fold(form), pid)
        for pid, e in self.entries.items():
            self._by_form[fold(e["name"])] = pid
        for pid in self.entries:
            self._by_form[fold(pid)] = pid

    def resolve(self, text: str) -> str | None:
        """The person id a visitor's text names, or None."""
        key = fold(text)
        return self._by_form.get(key) or self._former.get(key)

    def name(self, pid: str, fallback: str | None = None) -> str:
        e = self.entries.get(pid)
        return e["name"] if e else (fallback or pid)

    def sort_key(self, pid: str) -> str:
        key = self._sort_keys.get(pid)
        if key is None:  # folded once: facet lists sort every person on every request
            e = self.entries.get(pid)
            key = self._sort_keys[pid] = fold(e["sort"]) if e else fold(pid)
        return key

    def forms(self, pid: str) -> list[str]:
        """Canonical name and aliases (for highlighting a person: query)."""
        e = self.entries.get(pid)
        return [e["name"], *e["aliases"]] if e else []

    def matches_prefix(self, pid: str, prefix: str) -> bool:
        """Does any word of the person's name or aliases (or the id) start with ``prefix``?

        >>> PersonRegistry({"a": {"name": "Leon Trotsky"}}).matches_prefix("a", "tro")
        True
        """
        p = fold(prefix)
        if not p:
            return True
        for form in [pid, *self.forms(pid)]:
            f = fold(form)
            if f.startswith(p) or any(w.startswith(p) for w in f.replace("-", " ").split()):
                return True
        return False
