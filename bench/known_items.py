"""Known-item evaluation: does the document a visitor has in mind come first?

``python -m bench.known_items [--shared DIR] [--index DIR] [--reuse] [--depth N]``

1. Builds the project index of ``<shared>/corpus`` with ``indexer.build.build_corpus``
   into ``--index`` (default ``bench/out/index``; ``--reuse`` keeps an existing one).
2. Builds a *baseline* Whoosh index of the same paragraphs in the same run: Whoosh's
   defaults (a ``TEXT`` field with the StandardAnalyzer, plus ``doc_id`` stored).
3. Runs every query of every ``<shared>/eval/*.json`` and of the blind set
   ``bench/known_items_blind.json`` (written from reading the documents before the
   ranking it measures; never tuned on) through
   (a) the project's own ``searchsvc.search.search`` in-process, as a visitor's search
       arrives: the API's defaults, or ``--param group=paragraph`` and the like, and
   (b) the baseline: ``QueryParser("text")``, BM25F, a document ranked by its best paragraph.
4. Prints MRR and success@1/5 for both, per query set and overall, the rank of each query, the worst queries
   with what came first instead, and writes ``bench/out/known_items.json``.

A query's rank is that of the first document that is its target or one of its
``alt_docs`` (other copies of the same text); a target outside the first
``--depth`` documents counts as not found (reciprocal rank 0).

>>> rank_of(["a", "b", "c"], {"c", "x"}), rank_of(["a"], {"z"})
(3, None)
>>> summarise([1, 2, None, 5])
{'queries': 4, 'mrr': 0.425, 'success@1': 0.25, 'success@5': 0.75, 'found': 3}
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
BLIND = REPO / "bench" / "known_items_blind.json"
DEPTH = 100  # documents looked at per query; the API's largest page
BASELINE_SCAN = 5000  # baseline paragraphs scored per query before grouping by document

Ranker = Callable[[str], list[str]]  # query -> document ids, best first


@dataclass(frozen=True)
class KnownItem:
    """One gold query: ``q`` should find ``doc`` (or a copy of it in ``alt_docs``)."""

    q: str
    doc: str
    alt_docs: tuple[str, ...] = ()
    why: str = ""
    hard_kind: str | None = None
    source: str = ""  # the gold file it came from

    @property
    def targets(self) -> set[str]:
        return {self.doc, *self.alt_docs}


@dataclass
class Outcome:
    """Where each system put the known item, and what it put first."""

    item: KnownItem
    ranks: dict[str, int | None] = field(default_factory=dict)
    top: dict[str, list[str]] = field(default_factory=dict)
    ms: dict[str, float] = field(default_factory=dict)


def rank_of(ranked: Sequence[str], targets: Iterable[str]) -> int | None:
    """1-based rank of the first target in ``ranked``, or None when absent.

    >>> rank_of(["x", "b", "a"], ["a", "b"])
    2
    """
    wanted = set(targets)
    for i, doc in enumerate(ranked, 1):
        if doc in wanted:
            return i
    return None


def reciprocal_rank(rank: int | None) -> float:
    """>>> reciprocal_rank(4), reciprocal_rank(None)
    (0.25, 0.0)
    """
    return 1.0 / rank if rank else 0.0


def success_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of queries whose known item is in the first ``k``.

    >>> success_at([1, 6, None, 5], 5)
    0.5
    """
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def summarise(ranks: Sequence[int | None]) -> dict[str, Any]:
    n = len(ranks)
    return {
        "queries": n,
        "mrr": round(sum(reciprocal_rank(r) for r in ranks) / n, 4) if n else 0.0,
        "success@1": round(success_at(ranks, 1), 4),
        "success@5": round(success_at(ranks, 5), 4),
        "found": sum(1 for r in ranks if r is not None),
    }


def load_queries(eval_dir: Path, extra: Sequence[Path] = ()) -> list[KnownItem]:
    """Every known-item query of every gold file, in file order, then of ``extra``.

    A file that is not valid JSON, or an entry without ``q`` or ``doc``, is
    reported on stderr and skipped.
    """
    items: list[KnownItem] = []
    for path in [*sorted(eval_dir.glob("*.json")), *(p for p in extra if p.is_file())]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"skipping {path.name}: {exc}", file=sys.stderr)
            continue
        for entry in data.get("queries", []) if isinstance(data, dict) else []:
            if not isinstance(entry, dict) or not entry.get("q") or not entry.get("doc"):
                print(f"skipping a query in {path.name}: needs q and doc", file=sys.stderr)
                continue
            items.append(KnownItem(
                q=str(entry["q"]), doc=str(entry["doc"]),
                alt_docs=tuple(str(d) for d in entry.get("alt_docs") or ()),
                why=str(entry.get("why", "")), hard_kind=entry.get("hard_kind"),
                source=path.name,
            ))
    return items


def first_per_document(doc_ids: Iterable[str], limit: int) -> list[str]:
    """Documents in the order of their best paragraph.

    >>> first_per_document(["a", "b", "a", "c"], 2)
    ['a', 'b']
    """
    out: dict[str, None] = {}
    for d in doc_ids:
        out.setdefault(d, None)
        if len(out) >= limit:
            break
    return list(out)


# -- the project ------------------------------------------------------------------------
def build_project(corpus: Path, index: Path) -> None:
    from indexer.build import build_corpus

    report = build_corpus(corpus, index, progress=sys.stderr.isatty())
    print(report.summary(), file=sys.stderr)


def has_index(index: Path) -> bool:
    from indexer.engine.generations import read_pointer

    return read_pointer(index) is not None


def project_ranker(index: Path, depth: int = DEPTH,
                   params: Sequence[tuple[str, str]] = ()) -> tuple[Ranker, Any]:
    """The real search function in-process with the API's defaults and ``params``,
    documents in the order of their first hit; also returns the loaded generation
    (for its paragraphs)."""
    from indexer.engine.generations import read_pointer
    from searchsvc.index_state import LoadedIndex
    from searchsvc.search import parse_request, search
    from searchsvc.settings import Settings

    name = read_pointer(index)
    if name is None:
        raise SystemExit(f"Error: no index generation under {index}")
    settings = Settings(index_root=index, cache_size=0, time_limit=60.0,
                        max_page_size=max(depth, 1), max_depth=max(depth, 1000))
    gen = LoadedIndex(index, name, cache_size=0)

    def rank(q: str) -> list[str]:
        req = parse_request([("q", q), *params, ("size", str(depth))], settings, gen.persons)
        return first_per_document((h["doc_id"] for h in search(gen, req, settings)["hits"]),
                                  depth)

    return rank, gen


def stored_paragraphs(gen) -> Iterator[tuple[str, str]]:
    """(doc_id, text) of every paragraph in a loaded project generation."""
    from indexer import schema as S

    for stored in gen.searcher().all_stored_fields():
        yield stored[S.DOC_ID], stored.get(S.TEXT, "")


# -- the baseline -----------------------------------------------------------------------
def baseline_schema():
    from whoosh import fields

    # Whoosh's defaults: TEXT uses the StandardAnalyzer (lowercase, stop words, no stemming).
    return fields.Schema(doc_id=fields.ID(stored=True), text=fields.TEXT())


def build_baseline(paragraphs: Iterable[tuple[str, str]], path: Path) -> int:
    from whoosh import index as whoosh_index

    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    ix = whoosh_index.create_in(str(path), baseline_schema())
    writer = ix.writer(limitmb=256)
    n = 0
    for doc_id, text in paragraphs:
        writer.add_document(doc_id=doc_id, text=text)
        n += 1
    writer.commit()
    ix.close()
    return n


def has_baseline(path: Path) -> bool:
    from whoosh import index as whoosh_index

    return path.is_dir() and whoosh_index.exists_in(str(path))


def baseline_ranker(path: Path, depth: int = DEPTH) -> tuple[Ranker, Any]:
    """The baseline's ranker, and its searcher (close it when done)."""
    from whoosh import index as whoosh_index
    from whoosh.qparser import QueryParser

    ix = whoosh_index.open_dir(str(path))
    searcher = ix.searcher()  # BM25F is Whoosh's default weighting
    parser = QueryParser("text", ix.schema)

    def rank(q: str) -> list[str]:
        results = searcher.search(parser.parse(q), limit=BASELINE_SCAN)
        return first_per_document((hit["doc_id"] for hit in results), depth)

    return rank, searcher


# -- running and reporting ----------------------------------------------------------------
def evaluate(items: Sequence[KnownItem], rankers: dict[str, Ranker]) -> list[Outcome]:
    outcomes = []
    for item in items:
        o = Outcome(item)
        for name, ranker in rankers.items():
            t = time.perf_counter()
            try:
                docs = ranker(item.q)
            except Exception as exc:  # noqa: BLE001 - one broken query must not end the run
                print(f"{name}: {item.q!r} failed: {exc!r}", file=sys.stderr)
                docs = []
            o.ms[name] = round((time.perf_counter() - t) * 1000, 1)
            o.ranks[name] = rank_of(docs, item.targets)
            o.top[name] = docs[:3]
        outcomes.append(o)
    return outcomes


def _r(rank: int | None) -> str:
    return "-" if rank is None else str(rank)


def report(outcomes: Sequence[Outcome], names: Sequence[str], worst: int = 8) -> dict[str, Any]:
    summary: dict[str, Any] = {n: summarise([o.ranks[n] for o in outcomes]) for n in names}
    sets = sorted({o.item.source for o in outcomes})
    summary["by_set"] = {s: {n: summarise([o.ranks[n] for o in outcomes if o.item.source == s])
                             for n in names} for s in sets}
    lines = ["", f"{'query':<42} {'kind':<15} " + " ".join(f"{n:>9}" for n in names)]
    for o in outcomes:
        lines.append(f"{o.item.q[:42]:<42} {(o.item.hard_kind or '')[:15]:<15} "
                     + " ".join(f"{_r(o.ranks[n]):>9}" for n in names))
    lines.append("")
    for n in names:
        s = summary[n]
        lines.append(f"{n:<9} MRR {s['mrr']:.3f}  success@1 {s['success@1']:.3f}  "
                     f"success@5 {s['success@5']:.3f}  found {s['found']}/{s['queries']}")
    for s in sets:
        for n in names:
            m = summary["by_set"][s][n]
            lines.append(f"  {s:<24} {n:<9} MRR {m['mrr']:.3f}  success@5 {m['success@5']:.3f}  "
                         f"found {m['found']}/{m['queries']}")
    first = names[0]
    if len(names) > 1:
        delta = summary[first]["mrr"] - summary[names[1]]["mrr"]
        lines.append(f"{first} - {names[1]} MRR: {delta:+.3f}")
    ordered = sorted(outcomes, key=lambda o: (reciprocal_rank(o.ranks[first]), o.item.q))
    lines.append(f"\nworst queries for {first}:")
    for o in ordered[:worst]:
        if o.ranks[first] == 1:
            break
        lines.append(f"  {o.item.q!r} rank {_r(o.ranks[first])} (want {o.item.doc})")
        for d in o.top[first]:
            lines.append(f"      got {d}")
    print("\n".join(lines))
    return summary


def write_json(path: Path, outcomes: Sequence[Outcome], summary: dict[str, Any],
               meta: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {
        "summary": summary,
        **meta,
        "queries": [{**asdict(o.item), "ranks": o.ranks, "top": o.top, "ms": o.ms}
                    for o in outcomes],
    }
    path.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.known_items", description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared data folder with corpus/ and eval/ (default: ../shared)")
    ap.add_argument("--index", type=Path, default=OUT / "index",
                    help="where the project index is built (default: bench/out/index)")
    ap.add_argument("--reuse", action="store_true",
                    help="use the indexes already built there instead of rebuilding")
    ap.add_argument("--depth", type=int, default=DEPTH,
                    help=f"documents looked at per query (default {DEPTH})")
    ap.add_argument("--out", type=Path, default=OUT / "known_items.json")
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                    help="a search parameter added to every project query "
                    "(e.g. group=paragraph); default: the API's defaults")
    args = ap.parse_args(argv)
    corpus, eval_dir = args.shared / "corpus", args.shared / "eval"
    if not corpus.is_dir() or not eval_dir.is_dir():
        print(f"Error: {args.shared} has no corpus/ and eval/ folders", file=sys.stderr)
        return 1
    items = load_queries(eval_dir, [BLIND])
    absent = [i for i in items if not any((corpus / d).is_file() for d in i.targets)]
    if absent:
        # A query set written for another corpus (the blind set on a test corpus).
        print(f"skipping {len(absent)} queries whose documents are not in {corpus}",
              file=sys.stderr)
        items = [i for i in items if i not in absent]
    if not items:
        print(f"Error: no known-item queries in {eval_dir}", file=sys.stderr)
        return 1
    baseline_dir = args.index.parent / (args.index.name + "-baseline")
    t = time.perf_counter()
    if not (args.reuse and has_index(args.index)):
        build_project(corpus, args.index)
    with contextlib.ExitStack() as stack:
        params = [tuple(p.split("=", 1)) for p in args.param if "=" in p]
        project, gen = project_ranker(args.index, args.depth, params)
        stack.callback(gen.close)
        if not (args.reuse and has_baseline(baseline_dir)):
            n = build_baseline(stored_paragraphs(gen), baseline_dir)
            print(f"baseline index: {n} paragraphs", file=sys.stderr)
        baseline, searcher = baseline_ranker(baseline_dir, args.depth)
        stack.callback(searcher.close)
        build_s = time.perf_counter() - t
        outcomes = evaluate(items, {"project": project, "baseline": baseline})
        summary = report(outcomes, ["project", "baseline"])
        write_json(args.out, outcomes, summary, {
            "generation": gen.name, "paragraphs": gen.doc_count, "documents": gen.documents,
            "index_seconds": round(build_s, 1), "depth": args.depth, "params": params,
        })
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
