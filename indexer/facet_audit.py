"""The facet audit: are the person values a visitor sees for broad queries persons, one each?

    python -m indexer.evaluate --facets [--index DIR] [--top N] [--judgements FILE] [--query Q ...]
    python -m indexer.evaluate --facets --value ID [--value ID ...]   (every paragraph a value counts)
    python -m indexer.evaluate --facets --index NEW --changed-since OLD [--query Q ...]   (what to judge again)

For each broad query ("war", "strike", ...) the real search code runs in this
process (``searchsvc.search.search``, the sidebar's own facet) and its top N
person values are printed with a few contexts each, beside the judgement an
archivist wrote for that value (``tests/facet_judgements/<corpus>.json``):

- ``person``: names exactly one real person (the only correct kind);
- ``not-person``: a people, place, organisation, law, work, fragment...;
- ``ambiguous``: a bare name that stands for several people;
- ``wrong-person``: names a real person, but its paragraphs are about someone
  or something else ("Joe Hill" for "Capitol Hill");
- ``split-of:<id>``: a real person who already has another value (one person, two values).

The audit recomputes everything from the index each time; judgements are data
written once. A value nobody judged yet shows as "unjudged" and is left out of
the precision, so other changes to the annotation never make the audit fail.

>>> j = Judgements({"x-kurds": "not-person", "x-ann-lee": "person", "x-lee": "split-of:x-ann-lee"})
>>> [j.label(v) for v in ("x-kurds", "x-ann-lee", "x-lee", "x-new")]
['not-person', 'person', 'split-of:x-ann-lee', 'unjudged']
>>> tally([["x-kurds", "x-ann-lee", "x-lee", "x-new"]], j).precision
0.3333333333333333
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexer.hypocorisms import is_hypocorism
from indexer.settings import IndexerSettings

ROOT = Path(__file__).resolve().parents[1]
JUDGEMENTS_DIR = ROOT / "tests" / "facet_judgements"
# Broad queries a visitor types into any political or historical archive.
BROAD_QUERIES = ("war", "strike", "election", "revolution", "party", "workers", "government",
                 "peace", "state", "congress")
TOP = 30
CONTEXTS = 2
LABELS = ("person", "not-person", "ambiguous", "wrong-person")  # and "split-of:<id>"


@dataclass
class Judgements:
    """Value id -> label, as an archivist wrote them (see the module docstring)."""

    labels: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    # Value id -> the digest of the paragraphs it counted when judged (see :func:`digest`),
    # where the label file records one: the label holds only while they are the same.
    digests: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Judgements:
        """``{"values": {id: {"name": ..., "label": ..., "paragraphs": digest}}}`` (the
        digest optional); a missing file judges nothing."""
        if not path.is_file():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        values = data.get("values", {})
        return cls({k: v["label"] for k, v in values.items()}, {k: v.get("name", "") for k, v in values.items()},
                   {k: v["paragraphs"] for k, v in values.items() if v.get("paragraphs")})

    def label(self, value_id: str) -> str:
        return self.labels.get(value_id, "unjudged")


@dataclass
class Tally:
    """Precision over the values shown (each query's top N counted separately), and splits."""

    correct: int = 0
    wrong: int = 0
    unjudged: int = 0
    wrong_values: dict[str, str] = field(default_factory=dict)  # id -> label
    right_values: set[str] = field(default_factory=set)
    splits: list[tuple[str, str, str]] = field(default_factory=list)  # (query, value, same person's value)

    @property
    def precision(self) -> float:
        judged = self.correct + self.wrong
        return self.correct / judged if judged else 1.0

    @property
    def value_precision(self) -> float:
        """Over distinct values: each counted once, however many queries show it."""
        judged = len(self.right_values) + len(self.wrong_values)
        return len(self.right_values) / judged if judged else 1.0


def tally(tops: Iterable[Sequence[str]], judgements: Judgements, queries: Sequence[str] = (),
          stale: frozenset[str] = frozenset()) -> Tally:
    """Score each query's top values; a split counts wrong, and is listed when both values show.
    A ``stale`` value (its paragraphs changed since it was judged) counts as unjudged."""
    out = Tally()
    for n, top in enumerate(tops):
        shown = set(top)
        for value in top:
            label = "unjudged" if value in stale else judgements.label(value)
            if label == "person":
                out.correct += 1
                out.right_values.add(value)
            elif label == "unjudged":
                out.unjudged += 1
            else:
                out.wrong += 1
                out.wrong_values[value] = label
                if label.startswith("split-of:") and label[9:] in shown:
                    out.splits.append((queries[n] if n < len(queries) else str(n), value, label[9:]))
    return out


@dataclass(frozen=True)
class FacetValue:
    """One person value as the sidebar shows it, with a few paragraphs it counts."""

    id: str
    name: str
    count: int
    contexts: tuple[str, ...] = ()


class FacetProbe:
    """The service's search, in this process, over one index generation."""

    def __init__(self, index: Path, top: int = TOP) -> None:
        from indexer.engine.generations import read_pointer
        from searchsvc.index_state import LoadedIndex
        from searchsvc.settings import Settings

        name = read_pointer(index)
        if name is None:
            raise LookupError(f"no index generation under {index}; run `python -m indexer build`")
        self.settings = Settings(index_root=index, cache_size=0, time_limit=120.0, facet_size=top)
        self.gen = LoadedIndex(index, name, cache_size=0)
        self.top = top

    def corpus_name(self) -> str:
        """The corpus folder's name, as the build recorded it: "mia" for .../corpus/mia."""
        return Path(str(self.gen.meta.get("corpus", ""))).name

    def values(self, q: str, contexts: int = CONTEXTS) -> list[FacetValue]:
        body = self._search([("q", q)])
        out = []
        for v in body["facets"]["person"][: self.top]:
            texts = self._contexts(q, v["id"], v["value"], contexts) if contexts else ()
            out.append(FacetValue(v["id"], v["value"], v["count"], texts))
        return out

    def _search(self, params: list[tuple[str, str]]) -> dict[str, Any]:
        from searchsvc.search import parse_request, search

        return search(self.gen, parse_request(params, self.settings, self.gen.persons), self.settings)

    def _contexts(self, q: str, pid: str, name: str, k: int) -> tuple[str, ...]:
        from indexer import schema

        body = self._search([("q", q), ("person", pid), ("size", str(k))])
        searcher = self.gen.searcher()
        out = []
        for hit in body["hits"][:k]:
            stored = searcher.document(**{schema.ID: hit["id"]}) or {}
            out.append(f"{_around(stored.get(schema.TEXT, ''), name)} ({hit['doc_id']})")
        return tuple(out)

    def paragraphs(self, pid: str) -> list[tuple[int | None, str, str]]:
        """(year of publication, document, text around the name) for every paragraph that
        counts for ``pid``, oldest first: what an archivist reads before labelling it."""
        from whoosh.query import Term

        from indexer import schema

        searcher = self.gen.searcher()
        name = self.gen.persons.name(pid, pid)
        out = []
        for docnum in searcher.docs_for_query(Term(schema.PERSON, pid)):
            stored = searcher.stored_fields(docnum)
            published = str(stored.get(schema.PUBLISHED) or "")
            year = int(published[:4]) if published[:4].isdigit() else None
            out.append((year, stored.get(schema.DOC_ID, ""), _around(stored.get(schema.TEXT, ""), str(name))))
        return sorted(out, key=lambda r: (r[0] is None, r[0] or 0, r[1]))

    def paragraph_ids(self, pid: str) -> set[str]:
        """The ids of the paragraphs that count for ``pid`` (stable across builds of one corpus)."""
        from whoosh.query import Term

        from indexer import schema

        searcher = self.gen.searcher()
        return {searcher.stored_fields(d).get(schema.ID, "") for d in searcher.docs_for_query(Term(schema.PERSON, pid))}

    def digest(self, pid: str) -> str:
        """See :func:`digest`."""
        return digest(self.paragraph_ids(pid))

    def close(self) -> None:
        self.gen.close()


def digest(paragraph_ids: Iterable[str]) -> str:
    """A short fingerprint of a set of paragraph ids, kept beside a label: "<count>:<hash>"."""
    ids = sorted(paragraph_ids)
    return f"{len(ids)}:" + hashlib.sha1("\n".join(ids).encode("utf-8")).hexdigest()[:16]


def _around(text: str, name: str, width: int = 70) -> str:
    """The text around the mentions of ``name`` a judge needs: the full name where the
    paragraph has it, else its surname's first use and, where another word of the name
    (a given name) comes elsewhere, that one too: "Mrs. Carrasco ... proud of Luis" counts
    for Luis Carrasco through "Luis", which a window on the surname alone would hide.

    The full name is also found under another everyday form of its given name ("Senator
    Edward Kennedy" for the value "Ted Kennedy"), so that a judge does not read a brother's
    mention first.

    >>> _around("Graciela Carrasco held a candle. 'One for Luis,' she said.", "Luis Carrasco", 12)
    "“…Graciela Carrasco hel…” “…e. 'One for Luis,' she s…”"
    >>> _around("John Quill spoke, and so did his brother Edward Quill.", "Ted Quill", 8)
    '“…brother Edward Q…”'
    """
    full = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) if " " in name else None
    if full is None and " " in name:
        given, surname = name.split()[0], name.split()[-1]
        full = next((m for m in re.finditer(rf"(?<!\w)([A-Z][a-z]+) (?:[A-Z]\. )*{re.escape(surname)}(?!\w)", text)
                     if is_hypocorism(m.group(1), given) or is_hypocorism(given, m.group(1))), None)
    if full:
        return _window(text, full.start(), width)
    words = [w for w in re.findall(r"[\w'-]+", name) if len(w) > 1]
    spots: list[int] = []
    for w in reversed(words):
        m = re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)
        if m and all(abs(m.start() - at) > width for at in spots):
            spots.append(m.start())
    return " ".join(_window(text, at, width) for at in sorted(spots or [0]))


def _window(text: str, at: int, width: int) -> str:
    return "“…" + " ".join(text[max(0, at - width) : at + width].split()) + "…”"


def audit(index: Path, queries: Sequence[str] = BROAD_QUERIES, top: int = TOP, contexts: int = CONTEXTS,
          judgements_path: Path | None = None) -> tuple[str, Tally]:
    """The printed audit and its tally."""
    probe = FacetProbe(index, top)
    try:
        corpus = probe.corpus_name()
        path = judgements_path or JUDGEMENTS_DIR / f"{corpus}.json"
        judgements = Judgements.load(path)
        lines = [f"# Facet audit of {index} (corpus {corpus or '?'}), top {top} person values per query",
                 f"# judgements: {path}{'' if path.is_file() else ' (none yet: every value is unjudged)'}"]
        tops = []
        stale: set[str] = set()
        for q in queries:
            values = probe.values(q, contexts)
            tops.append([v.id for v in values])
            lines.append(f"\n## {q!r}: {len(values)} values")
            for rank, v in enumerate(values, 1):
                if v.id in judgements.digests and v.id not in stale and probe.digest(v.id) != judgements.digests[v.id]:
                    stale.add(v.id)
                label = judgements.label(v.id) + (", stale" if v.id in stale else "")
                lines.append(f"{rank:3d}. [{label}] {v.name} ({v.id}) {v.count}")
                lines += [f"       {c}" for c in v.contexts]
        result = tally(tops, judgements, queries, frozenset(stale))
    finally:
        probe.close()
    lines.append(f"\n# precision {result.precision:.3f} over {result.correct + result.wrong} judged values shown "
                 f"({result.correct} correct, {result.wrong} wrong, {result.unjudged} unjudged)")
    if stale:
        lines.append(f"# {len(stale)} values counted unjudged: their paragraphs changed since they were judged "
                     f"(judge them again with --value): {', '.join(sorted(stale))}")
    lines.append(f"# precision over distinct values {result.value_precision:.3f} "
                 f"({len(result.right_values)} correct, {len(result.wrong_values)} wrong)")
    for value, label in sorted(result.wrong_values.items()):
        lines.append(f"#   wrong: {value} [{label}]")
    for q, a, b in result.splits:
        lines.append(f"#   split in the top {top} of {q!r}: {a} and {b} are one person")
    if not result.splits:
        lines.append(f"#   no person split over two values in any top {top}")
    return "\n".join(lines) + "\n", result


def value_report(index: Path, ids: Sequence[str]) -> str:
    """Every paragraph each value counts, by year: the evidence for a judgement."""
    probe = FacetProbe(index)
    lines = []
    try:
        for pid in ids:
            rows = probe.paragraphs(pid)
            lines.append(f"## {pid}: {len(rows)} paragraphs")
            lines += [f"  {year or 'undated'}  {text} ({doc})" for year, doc, text in rows]
    finally:
        probe.close()
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Change:
    """A value shown now whose label no longer holds or never existed."""

    id: str
    name: str
    label: str
    added: int
    removed: int
    before: int


def changed_values(index: Path, since: Path, queries: Sequence[str] = BROAD_QUERIES, top: int = TOP,
                   judgements_path: Path | None = None) -> list[Change]:
    """The values shown in the top ``top`` of ``queries`` on ``index`` that need judging:
    unjudged ones, and judged ones whose paragraphs differ from those on ``since`` (a
    label is given to a set of paragraphs, so it holds only while the set does)."""
    new, old = FacetProbe(index, top), FacetProbe(since, top)
    try:
        path = judgements_path or JUDGEMENTS_DIR / f"{new.corpus_name()}.json"
        judgements = Judgements.load(path)
        shown: dict[str, str] = {}
        for q in queries:
            for v in new.values(q, 0):
                shown.setdefault(v.id, v.name)
        out = []
        for vid, name in shown.items():
            now, then = new.paragraph_ids(vid), old.paragraph_ids(vid)
            label = judgements.label(vid)
            if label == "unjudged" or now != then:
                out.append(Change(vid, name, label, len(now - then), len(then - now), len(then)))
    finally:
        new.close()
        old.close()
    return out


def stamp(index: Path, ids: Sequence[str], judgements_path: Path | None = None) -> Path:
    """Record in the label file, beside each of ``ids``' labels, the digest of the paragraphs
    the value counts on ``index``: the set it was judged on. Returns the file written."""
    probe = FacetProbe(index)
    try:
        path = judgements_path or JUDGEMENTS_DIR / f"{probe.corpus_name()}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        values = data.get("values", {})
        missing = [pid for pid in ids if pid not in values]
        if missing:
            raise LookupError(f"no label to stamp for {', '.join(missing)} in {path}")
        for pid in ids:
            values[pid]["paragraphs"] = probe.digest(pid)
    finally:
        probe.close()
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def change_report(changes: Sequence[Change]) -> str:
    lines = [f"# {len(changes)} values shown need judging (unjudged, or paragraphs changed since the labels' index)"]
    for c in changes:
        lines.append(f"{c.id}\t[{c.label}]\t{c.name}\t+{c.added} -{c.removed} of {c.before}")
    return "\n".join(lines) + "\n"


def default_index() -> Path:
    return IndexerSettings.from_env(strict=False).index_root
