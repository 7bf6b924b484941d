"""Person annotation alone, in paragraphs per CPU second, against another checkout.

    python -m bench.annotate_speed [--corpus DIR] [--baseline CHECKOUT] [--rounds 3]

Each measurement runs in a fresh process: it reads and chunks the corpus (not
timed), runs the corpus-wide discovery pass, then annotates every document
with an empty authority file (cold start: discovery does all the work) and
with the project's authority file. Only CPU time of the process counts, so the
figure is "per core" whatever else the machine is doing. With ``--baseline``
(a folder holding an older ``indexer/``, e.g. from ``git archive``), rounds
alternate between the two code bases and the ratio of medians is printed:
the machine is shared, and only figures from the same run compare.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def measure(corpus: Path) -> dict[str, float]:
    from indexer.authority import Authority
    from indexer.evaluate import DEFAULT_AUTHORITY, corpus_documents
    from indexer.persons import PersonAnnotator

    # (doc_id, title, texts[, year]): older code gave no year.
    docs = [(d[0], d[1], d[2], d[3] if len(d) > 3 else None) for d in corpus_documents(corpus)]
    n = sum(len(texts) for _, _, texts, _ in docs)
    out: dict[str, float] = {"paragraphs": n}
    # Place and people data is read once per process: timed apart, not per paragraph.
    import indexer

    if (Path(indexer.__file__).parent / "places.py").is_file():
        from indexer.places import place_names

        started = time.process_time()
        place_names()
        out["place_data_load_s"] = time.process_time() - started
    for label, authority in (("cold", Authority()), ("authority", Authority.load(DEFAULT_AUTHORITY))):
        annotator = PersonAnnotator(authority)
        started = time.process_time()
        annotator.prepare((d, t, y) if y is not None else (d, t) for d, _, t, y in docs)
        out[f"{label}_discovery_rate"] = n / (time.process_time() - started)
        annotator = PersonAnnotator(authority, state=annotator.state())  # as a build's shards get it
        started = time.process_time()
        for _, title, texts, year in docs:
            annotator.annotate(title, texts, published=str(year) if year else None)
        out[f"{label}_annotate_rate"] = n / (time.process_time() - started)
    return out


def _run(code: Path, corpus: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(code))
    proc = subprocess.run([sys.executable, __file__, "--measure", "--corpus", str(corpus)],
                          env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"Error: measuring {code} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.annotate_speed",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--baseline", type=Path, default=None, help="a checkout with an older indexer/")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"Error: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    if args.measure:
        print(json.dumps(measure(args.corpus)))
        return 0
    if args.baseline is not None and not (args.baseline / "indexer" / "persons.py").is_file():
        print(f"Error: {args.baseline} holds no indexer/persons.py", file=sys.stderr)
        return 1
    codes = {"current": REPO} | ({"baseline": args.baseline} if args.baseline else {})
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
    for r in range(args.rounds):
        for name, code in (codes.items() if r % 2 == 0 else reversed(codes.items())):
            runs[name].append(_run(code, args.corpus))
            print(f"round {r + 1} {name}: " + ", ".join(f"{k} {v:,.0f}" for k, v in runs[name][-1].items()),
                  file=sys.stderr, flush=True)
    keys = [k for k in runs["current"][0] if k != "paragraphs"]
    print_rates(args, runs, keys)
    return 0


def print_rates(args: argparse.Namespace, runs: dict[str, list[dict[str, float]]],
                keys: list[str]) -> None:
    """The median of each figure, and its ratio to the baseline's where both have it."""
    print(f"Person annotation over {args.corpus} ({runs['current'][0]['paragraphs']:,.0f} paragraphs), "
          f"median of {args.rounds} rounds, paragraphs per CPU second:")
    for k in keys:
        cur = statistics.median(x[k] for x in runs["current"])
        shown = f"{cur:>9,.2f}" if k.endswith("_s") else f"{cur:>9,.0f}"  # seconds, or a rate
        line = f"  {k:<26} current {shown}"
        if "baseline" in runs and all(k in x for x in runs["baseline"]):
            base = statistics.median(x[k] for x in runs["baseline"])
            line += f"   baseline {base:>9,.0f}   ratio {cur / base:.2f}"
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
