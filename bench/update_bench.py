"""Update versus full build at scale (issue 5).

    python -m bench.update_bench --paragraphs 1000000

Writes the generated benchmark corpus to disk as scraped-text files (one per
generated document), runs a full ``build`` of it (reading, extraction and
indexing: the real pipeline), then changes ONE document and times ``update``;
then deletes one and adds one and times that too. Prints a table and writes
``bench/out/update-<N>.json``. Times are wall-clock; the machine is shared, so
the ratio of the two, measured in the same run, is the figure that matters.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from bench.corpus_gen import materialise, read_paragraphs, write_files
from indexer.build import build_corpus
from indexer.update import update_corpus

OUT = Path(__file__).resolve().parent / "out"


def write_corpus(jsonl: Path, folder: Path) -> tuple[int, int]:
    """Generated paragraphs -> one scraped-text file per document; (documents, paragraphs)."""
    return write_files(read_paragraphs(jsonl), folder)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.update_bench", description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    work = args.out / f"update-{args.paragraphs}"
    corpus, index = work / "corpus", work / "index"
    jsonl = materialise(args.paragraphs, args.out, seed=args.seed)
    docs, pars = write_corpus(jsonl, corpus)
    if index.exists():
        shutil.rmtree(index)

    t = time.perf_counter()
    report = build_corpus(corpus, index, progress=True)
    build_s = time.perf_counter() - t

    files = sorted(corpus.rglob("*.txt"))
    victim = files[len(files) // 2]
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text + "\nOne more paragraph, added by the benchmark to change this document.\n",
                      encoding="utf-8")
    t = time.perf_counter()
    one = update_corpus(corpus, index, progress=False)
    update_s = time.perf_counter() - t

    files[0].unlink()
    (corpus / "bench" / "added-by-benchmark.txt").write_text(
        "An added document\n\nSubmitted by Bench on 1 May, 1990 - 10:00\n\n"
        "A short paragraph about the general strike of 1926, for the update benchmark.\n", encoding="utf-8")
    t = time.perf_counter()
    two = update_corpus(corpus, index, progress=False)
    update2_s = time.perf_counter() - t

    result = {
        "paragraphs": report.paragraphs, "documents": report.documents,
        "build_seconds": round(build_s, 2), "build_paragraphs_per_s": round(report.paragraphs / build_s),
        "update_one_changed_seconds": round(update_s, 3),
        "update_one_changed_vs_build": round(update_s / build_s, 5),
        "update_delete_add_seconds": round(update2_s, 3),
        "changed": one.changed, "deleted": two.deleted, "added": two.added,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"update-{args.paragraphs}.json").write_text(json.dumps(result, indent=1))
    print(f"| corpus | {docs:,} documents, {pars:,} paragraphs generated; {report.paragraphs:,} indexed |")
    print("|---|---|")
    print(f"| full build (read + extract + index) | {build_s:,.1f} s ({report.paragraphs / build_s:,.0f} paragraphs/s) |")
    print(f"| update, 1 document changed | {update_s:.2f} s ({100 * update_s / build_s:.3f} % of the build) |")
    print(f"| update, 1 deleted + 1 added | {update2_s:.2f} s |")


if __name__ == "__main__":
    main()
