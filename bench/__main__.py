"""``python -m bench --paragraphs N [--out DIR] [--queries 200]``: the whole benchmark.

Runs each phase of :mod:`bench.run` in its own process, one after the other
(never two heavy ones at once), prints one markdown table and writes
``<out>/results-<N>.json``. ``--compare A.json B.json`` prints how each
figure grew between two sizes (linear growth shows as ratio ≈ size ratio).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.queries import KINDS
from bench.run import REPO

# Targets at 1M paragraphs (docs/scaling.md): (metric, limit, "max" or "min").
TARGETS = {
    "visitor median ms": (25, "max"),
    "visitor p95 ms": (80, "max"),
    "requests/s (2 workers)": (150, "min"),
    "build incl. extraction p/s (wall)": (2500, "min"),
    "worker RSS MB (max)": (1536, "max"),
}


def run_phase(name: str, args: argparse.Namespace, *extra: str) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.run", name, "--paragraphs", str(args.paragraphs),
           "--out", args.out, "--queries", str(args.queries), "--seed", str(args.seed), *extra]
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        err = (proc.stderr or proc.stdout)[-2000:]
        print(f"[bench] {name} failed ({proc.returncode}):\n{err}", file=sys.stderr, flush=True)
        return {"error": err[-500:]}
    print(f"[bench] {name} done in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    result = json.loads(lines[-1][len("RESULT "):])
    # The machine is shared: a load average well above 2 means the figures are pessimistic.
    result["loadavg_after"] = os.getloadavg()[0]
    return result


def _f(x: Any, digits: int = 1) -> str:
    if x is None or isinstance(x, str):
        return x or "–"
    return f"{x:,.{digits}f}"


def _ratio(a: Any, b: Any) -> str:
    try:
        return f"{a / b:.2f}×"
    except (TypeError, ZeroDivisionError):
        return "–"


def rows(r: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(metric, whoosh, fts5) for every figure the table shows."""
    bw, bf, ex = r.get("build-whoosh", {}), r.get("build-fts5", {}), r.get("extract", {})
    qw, qf, sv = r.get("query-whoosh", {}), r.get("query-fts5", {}), r.get("serve", {})
    # The Whoosh build includes extraction (discovery pass, years, persons) on all
    # cores; the FTS5 baseline only indexes, on one core.
    out: list[tuple[str, Any, Any]] = [
        ("build incl. extraction p/s (wall)", bw.get("rate"), bf.get("rate")),
        ("build incl. extraction p/CPU-s", bw.get("rate_cpu"), bf.get("rate_cpu")),
        ("reading + discovery count s (slowest shard)", bw.get("prepare_s"), None),
    ]
    e = ex.get("annotate_rate_cpu") or ex.get("rate_cpu")
    if e:
        out.append(("extraction alone p/CPU-s (one core)", e, None))
    out += [
        ("index size MB", bw.get("size_mb"), bf.get("size_mb")),
        ("build peak MB (parent)", bw.get("peak_mb"), bf.get("peak_mb")),
        ("build peak MB (largest shard)", bw.get("shard_peak_mb"), None),
        ("open s", qw.get("open_s"), qf.get("open_s")),
    ]
    kw, kf = qw.get("kinds", {}), qf.get("kinds", {})
    for k in KINDS:
        if k in kw or k in kf:
            out.append((f"{k} median ms", kw.get(k, {}).get("median"), kf.get(k, {}).get("median")))
            out.append((f"{k} p95 ms", kw.get(k, {}).get("p95"), kf.get(k, {}).get("p95")))
    aw, af = qw.get("all", {}), qf.get("all", {})
    out.append(("visitor median ms", aw.get("median"), af.get("median")))  # the whole mix pooled
    out.append(("visitor p95 ms", aw.get("p95"), af.get("p95")))
    out.append(("visitor median CPU ms", aw.get("median_cpu"), af.get("median_cpu")))
    out.append(("visitor p95 CPU ms", aw.get("p95_cpu"), af.get("p95_cpu")))
    out.append(("query process RSS MB", qw.get("VmRSS"), qf.get("VmRSS")))
    if sv and "rps" in sv:
        out.append(("requests/s (2 workers)", sv["rps"], None))
        out.append(("requests/s if 2 free cores", sv.get("rps_if_2_free_cores"), None))
        out.append(("served median ms", sv["median"], None))
        out.append(("served p95 ms", sv["p95"], None))
        out.append(("worker RSS MB (max)", max(sv["worker_rss_mb"].values(), default=None), None))
        if "worker_private_mb" in sv:  # RSS = private + pages of the shared, mapped index files
            out.append(("worker private MB (max)", max(sv["worker_private_mb"].values(), default=None), None))
            out.append(("worker mapped index MB (max)", max(sv["worker_file_mb"].values(), default=None),
                        None))
    rp = r.get("serve-repeat", {})
    if rp and "rps" in rp:
        # Visitors repeat each other's searches: Zipf-popular requests, response cache on.
        out.append(("requests/s, repeated searches, cache on (2 workers)", rp["rps"], None))
        out.append(("distinct requests in that load %", 100 * rp["distinct_fraction"], None))
        out.append(("served median ms, repeated searches", rp["median"], None))
    return out


def table(r: dict[str, Any]) -> str:
    lines = ["| metric | Whoosh service | SQLite FTS5 | Whoosh/FTS5 | target | met |",
             "|---|---:|---:|---:|---:|:---:|"]
    for name, w, f in rows(r):
        target, met = "", ""
        if name in TARGETS and w is not None:
            limit, kind = TARGETS[name]
            target = f"{'≤' if kind == 'max' else '≥'} {limit:,}"
            met = "yes" if (w <= limit if kind == "max" else w >= limit) else "no"
        lines.append(f"| {name} | {_f(w)} | {_f(f)} | {_ratio(w, f)} | {target} | {met} |")
    return "\n".join(lines)


def compare(a: dict[str, Any], b: dict[str, Any]) -> str:
    na, nb = a["paragraphs"], b["paragraphs"]
    lines = [f"| metric | {na:,} | {nb:,} | growth (size ×{nb / na:g}) |", "|---|---:|---:|---:|"]
    ra = {name: w for name, w, _ in rows(a)}
    for name, w, _ in rows(b):
        lines.append(f"| {name} | {_f(ra.get(name))} | {_f(w)} | {_ratio(w, ra.get(name))} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=100_000)
    ap.add_argument("--out", default=str(REPO / "bench" / "out"))
    ap.add_argument("--queries", type=int, default=200, help="requests of each kind")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--seconds", type=float, default=60, help="load test duration bound")
    ap.add_argument("--skip", default="", help="comma-separated phases to leave out")
    ap.add_argument("--compare", nargs=2, metavar="RESULTS.json", help="growth between two runs")
    ap.add_argument("--table", metavar="RESULTS.json", help="print the table of a finished run")
    args = ap.parse_args(argv)
    if args.table:
        print(table(json.loads(Path(args.table).read_text(encoding="utf-8"))))
        return
    if args.compare:
        a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        print(compare(a, b))
        return
    args.out = str(Path(args.out).resolve())
    skip = set(filter(None, args.skip.split(",")))
    path = Path(args.out) / f"results-{args.paragraphs}.json"
    # Phases skipped now keep their figures from an earlier run with the same N and seed,
    # so a long run can be done in parts (e.g. the FTS5 side first).
    results: dict[str, Any] = {}
    if path.is_file():
        previous = json.loads(path.read_text(encoding="utf-8"))
        if previous.get("seed") == args.seed:
            results = previous
    results.update({"paragraphs": args.paragraphs, "seed": args.seed,
                    "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})

    def save() -> None:
        path.write_text(json.dumps(results, indent=1), encoding="utf-8")

    Path(args.out).mkdir(parents=True, exist_ok=True)
    for name in ("generate", "build-whoosh", "build-fts5", "extract"):
        if name not in skip:
            results[name] = run_phase(name, args)
            save()
    root = results.get("build-whoosh", {}).get("root") or str(Path(args.out) / f"whoosh-{args.paragraphs}")
    if "query-whoosh" not in skip:
        results["query-whoosh"] = run_phase("query-whoosh", args, "--index-root", root)
    if "query-fts5" not in skip:
        results["query-fts5"] = run_phase("query-fts5", args)
    save()
    for name in ("serve", "serve-repeat"):
        if name not in skip:
            results[name] = run_phase(name, args, "--index-root", root, "--seconds", str(args.seconds))
    results["table"] = table(results)
    save()
    print(table(results))
    print(f"\nwritten to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
