"""What verifying and safely serving a generation costs: ``python -m bench.integrity INDEX_ROOT``.

On the generation CURRENT names, in one process so the figures compare:

- hashing every file with xxh3-128 (what ``checksums.json`` uses) and blake2b;
- ``checksums.write`` and ``checksums.verify`` of the whole generation;
- opening it as a worker does, with sealed in-memory copies and with the files
  mapped directly (alternating, ``--rounds`` each): seconds, and the worker's
  memory (RssShmem holds the copies, RssFile the mapped files' pages);
- the same searches on both (median ms per search, alternating).

Prints one ``RESULT {json}`` line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import time
from pathlib import Path

from indexer.engine import checksums


def status_mb(fields=("RssAnon", "RssFile", "RssShmem")) -> dict[str, float]:
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in fields:
            out[key] = int(value.split()[0]) / 1024
    return out


def hash_seconds(folder: Path, algorithm: str) -> float:
    started = time.perf_counter()
    for name in checksums.indexed_files(folder):
        if algorithm == "xxh3-128":
            checksums.file_digest(folder / name)
        else:
            with open(folder / name, "rb") as f:
                hashlib.file_digest(f, lambda: hashlib.blake2b(digest_size=16))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.integrity")
    ap.add_argument("index_root", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--queries", type=int, default=100)
    args = ap.parse_args(argv)

    from indexer.engine.generations import read_pointer
    from searchsvc.index_state import LoadedIndex
    from searchsvc.search import parse_request, search
    from searchsvc.settings import Settings

    root = args.index_root
    name = read_pointer(root)
    assert name, f"no generation in {root}"
    folder = root / name
    size_mb = sum((folder / n).stat().st_size for n in checksums.indexed_files(folder)) / 2**20
    result: dict = {"generation_mb": round(size_mb, 1)}
    for algorithm in ("xxh3-128", "blake2b"):
        hash_seconds(folder, algorithm)  # page cache warm for both
        best = min(hash_seconds(folder, algorithm) for _ in range(args.rounds))
        result[f"hash_{algorithm}_s"] = round(best, 4)
    t = time.perf_counter()
    checksums.write(folder)
    result["checksums_write_s"] = round(time.perf_counter() - t, 4)
    t = time.perf_counter()
    checksums.verify(folder)
    result["checksums_verify_s"] = round(time.perf_counter() - t, 4)

    settings = Settings(index_root=root, cache_size=0)
    opened: dict[bool, list[float]] = {True: [], False: []}
    memory: dict[bool, dict[str, float]] = {}
    verify_s: list[float] = []
    per_query: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(args.rounds):
        for copy in (False, True):
            before = status_mb()
            t = time.perf_counter()
            gen = LoadedIndex(root, name, cache_size=0, copy=copy)
            opened[copy].append(time.perf_counter() - t)
            # Words of middling frequency: common enough to rank many paragraphs.
            words = sorted(gen.vocab.df, key=gen.vocab.df.get, reverse=True)
            queries = words[50:50 + args.queries] or ["the"]
            for q in queries:  # warm, and what the timing below repeats
                search(gen, parse_request([("q", q)], settings, gen.persons), settings)
            t = time.perf_counter()
            for q in queries:
                search(gen, parse_request([("q", q)], settings, gen.persons), settings)
            per_query[copy].append((time.perf_counter() - t) / len(queries) * 1000)
            after = status_mb()
            memory[copy] = {k: round(after[k] - before.get(k, 0), 1) for k in after}
            if copy:
                t = time.perf_counter()
                gen.verify()
                verify_s.append(time.perf_counter() - t)
            gen.close()
            del gen
    result.update({
        "open_mapped_s": round(statistics.median(opened[False]), 3),
        "open_copied_s": round(statistics.median(opened[True]), 3),
        "verify_copies_s": round(statistics.median(verify_s), 3),
        "memory_delta_mapped_mb": memory[False], "memory_delta_copied_mb": memory[True],
        "search_mapped_ms": round(statistics.median(per_query[False]), 2),
        "search_copied_ms": round(statistics.median(per_query[True]), 2),
    })
    result["search_ratio_copied_to_mapped"] = round(
        result["search_copied_ms"] / result["search_mapped_ms"], 3)
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
