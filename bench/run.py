"""Benchmark phases. Each runs in its own process so its peak memory is its own.

``python -m bench.run <phase> --paragraphs N --out DIR [...]`` prints one line
``RESULT {json}``; :mod:`bench.__main__` runs the phases in order and tabulates.

Phases: generate, build-whoosh, build-fts5, extract, query-whoosh, query-fts5, serve.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench import corpus_gen
from indexer.models import Paragraph

REPO = Path(__file__).resolve().parents[1]
PHASES: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {}


def phase(name: str):
    def register(fn):
        PHASES[name] = fn
        return fn

    return register


def proc_status(pid: int | str = "self", fields: tuple[str, ...] = ("VmHWM", "VmRSS")) -> dict[str, float]:
    """Memory figures from /proc/<pid>/status, in MB.

    >>> proc_status()["VmRSS"] > 1
    True
    """
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in fields:
                out[key] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return out


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) used so far: this process and its finished children, or ``pid``.

    The machine is shared and often overloaded, so CPU time is reported beside wall
    time: it says what the work costs when it has a core to itself.
    """
    if pid is None:
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def du_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile.

    >>> percentile([1, 2, 3, 4], 0.95), percentile([1, 2, 3, 4], 0.5)
    (4, 2)
    """
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(q * len(s)) - 1))]


def corpus_path(args) -> Path:
    return Path(args.out) / f"corpus-{args.paragraphs}-s{args.seed}.jsonl"


def timed_paragraphs(path: Path, clock: list[float]) -> Iterator[Paragraph]:
    """Paragraphs from the JSONL file; the wall and CPU time spent decoding are added to
    ``clock[0]`` and ``clock[1]`` so they can be taken out of the build rates."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            t, c = time.perf_counter(), time.thread_time()
            p = corpus_gen.from_json(line)
            clock[0] += time.perf_counter() - t
            clock[1] += time.thread_time() - c
            yield p


@phase("generate")
def generate(args) -> dict[str, Any]:
    from bench.queries import make_queries

    out = Path(args.out)
    qpath = out / f"queries-{args.queries}-s{args.seed}.json"
    t = time.perf_counter()
    model = corpus_gen.train()
    trained = time.perf_counter() - t
    t = time.perf_counter()
    path = corpus_gen.materialise(args.paragraphs, out, args.seed, model)
    generated = time.perf_counter() - t
    if not qpath.exists():
        qpath.write_text(json.dumps(make_queries(model, args.queries, args.seed)), encoding="utf-8")
    meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
    return {"train_s": trained, "generate_s": generated, "real": meta["real"],
            "generated": meta["generated"], "corpus_mb": path.stat().st_size / 2**20}


def _persons(args) -> dict:
    meta = json.loads(corpus_path(args).with_suffix(".meta.json").read_text(encoding="utf-8"))
    return meta["persons"]


def _documents(path: Path, shard: int = 0, shards: int = 1) -> Iterator[tuple[Any, list[Paragraph]]]:
    """(Document, its generated paragraphs) for every ``shards``-th document of the JSONL file.

    Other shards' lines are skipped undecoded (the doc id is read from the line's start).
    """
    from indexer.models import Block, Document

    ordinal, last, pars = -1, None, []

    def document(ps: list[Paragraph]):
        first = ps[0]
        return Document(doc_id=first.doc_id, source_format="text", title=first.title,
                        author=first.author, published=first.published,
                        blocks=tuple(Block("paragraph", p.text) for p in ps)), ps

    with open(path, encoding="utf-8") as f:
        for line in f:
            doc_id = line[:200].split('"doc_id": "', 1)[-1].split('"', 1)[0]
            if doc_id != last:
                if pars:
                    yield document(pars)
                    pars = []
                ordinal, last = ordinal + 1, doc_id
            if ordinal % shards == shard:
                pars.append(corpus_gen.from_json(line))
    if pars:
        yield document(pars)


@phase("build-whoosh")
def build_whoosh(args) -> dict[str, Any]:
    """The build as ``python -m indexer build`` runs it, on the generated documents.

    One shard process per core counts its documents for the corpus-wide
    discovery pass, the counts are summed, and each shard then annotates its
    documents (years and persons) and indexes them into its own segment. The
    index keeps the generator's person and year labels rather than the
    annotator's, so that both engines answer the same person filters; the
    annotation work is done and counted all the same.
    """
    from indexer.boilerplate import Furniture
    from indexer.authority_layers import load_authority
    from indexer.build import write_generation
    from indexer.discovery import Discovery
    from indexer.persons import PersonAnnotator
    from indexer.pipeline import annotate

    root = Path(args.out) / f"whoosh-{args.paragraphs}"
    shutil.rmtree(root, ignore_errors=True)
    path = corpus_path(args)
    t, cpu = time.perf_counter(), cpu_seconds()
    authority = load_authority(REPO / "corpus")
    annotator = PersonAnnotator(authority)

    def work(shard: int, shards: int, sink) -> dict[str, float]:
        started = time.perf_counter()
        mine = list(_documents(path, shard, shards))
        # The build's furniture pass (indexer/boilerplate.py), here over this shard's
        # documents: its cost is counted; the generator's pages have no furniture.
        furniture = Furniture.learn([d for d, _ in mine])
        mine = [(furniture.strip(d), pars) for d, pars in mine]
        furnished = time.perf_counter()
        counts = annotator.count_part((d.doc_id, [b.text for b in d.blocks]) for d, _ in mine)
        counted = time.perf_counter()
        annotator.discovery = sink.exchange(counts)
        summed = time.perf_counter()
        for doc, pars in mine:
            annotate(doc, annotator, paragraphs=pars)
            for p in pars:
                sink.add(p)
        return {"discovery_s": counted - started, "exchange_wait_s": summed - counted,
                "furniture_s": furnished - started}

    gen, results = write_generation(root, work, args.shards, persons=_persons(args), meta={"bench": True},
                                    combine=Discovery.combine)
    seconds = time.perf_counter() - t
    cpu = cpu_seconds() - cpu
    n = sum(r.paragraphs for r in results)
    return {"seconds": seconds, "rate": n / seconds, "cpu_s": cpu, "rate_cpu": n / cpu,
            # Reading the shard's documents and counting them, in the slowest shard.
            "prepare_s": max(r.outcome["discovery_s"] for r in results),
            "exchange_wait_s": max(r.outcome["exchange_wait_s"] for r in results), "paragraphs": n,
            "furniture_s": max(r.outcome["furniture_s"] for r in results),
            "size_mb": du_mb(gen.path), "peak_mb": proc_status()["VmHWM"],
            "shard_peak_mb": _children_peak_mb(), "shards": args.shards,
            "segments": len(list(gen.path.glob("*.trm"))), "root": str(root)}


def _children_peak_mb() -> float:
    """Largest peak RSS of a finished child process (the shards), in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


@phase("build-fts5")
def build_fts5(args) -> dict[str, Any]:
    from bench import fts5

    path = Path(args.out) / f"fts5-{args.paragraphs}.sqlite"
    clock = [0.0, 0.0]
    t, cpu = time.perf_counter(), cpu_seconds()
    n = fts5.build(timed_paragraphs(corpus_path(args), clock), path)
    seconds = time.perf_counter() - t - clock[0]
    cpu = cpu_seconds() - cpu - clock[1]
    return {"seconds": seconds, "decode_s": clock[0], "rate": n / seconds, "cpu_s": cpu, "rate_cpu": n / cpu,
            "size_mb": path.stat().st_size / 2**20, "peak_mb": proc_status()["VmHWM"]}


@phase("extract")
def extract(args) -> dict[str, Any]:
    """Chunking + years + persons on generated text: documents rebuilt from the paragraphs."""
    from indexer.models import Block, Document
    from indexer.years import mentions

    n = min(args.paragraphs, args.extract)
    pars = list(corpus_gen.read_paragraphs(corpus_path(args), limit=n))
    docs: dict[str, list[Paragraph]] = {}
    for p in pars:
        docs.setdefault(p.doc_id, []).append(p)
    documents = [Document(doc_id=d, source_format="text", title=ps[0].title,
                          blocks=tuple(Block("paragraph", p.text) for p in ps)) for d, ps in docs.items()]
    out: dict[str, Any] = {"paragraphs": n}
    c = time.process_time()
    for p in pars:
        mentions(p.text)
    out["years_rate_cpu"] = n / (time.process_time() - c)
    try:
        from indexer.authority_layers import load_authority
        from indexer.persons import PersonAnnotator
        from indexer.pipeline import annotate
    except ImportError as exc:
        out["annotate_error"] = f"indexer.pipeline.annotate unavailable: {exc}"
        return out
    authority = load_authority(REPO / "corpus")
    annotator = PersonAnnotator(authority)
    t, c = time.perf_counter(), time.process_time()
    annotator.prepare((d.doc_id, [b.text for b in d.blocks]) for d in documents)
    prepare_s, prepare_cpu = time.perf_counter() - t, time.process_time() - c
    annotator = PersonAnnotator(authority, state=annotator.state())
    t, c = time.perf_counter(), time.process_time()
    made = sum(len(annotate(d, annotator)) for d in documents)
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    # prepare is the corpus-wide discovery pass build_corpus runs before annotating.
    out.update({"annotate_rate": made / seconds, "chunked": made, "prepare_rate": n / prepare_s,
                "rate": made / (seconds + prepare_s), "rate_cpu": made / (cpu + prepare_cpu),
                "annotate_rate_cpu": made / cpu})
    return out


def _requests(args) -> dict[str, list[dict]]:
    qpath = Path(args.out) / f"queries-{args.queries}-s{args.seed}.json"
    return json.loads(qpath.read_text(encoding="utf-8"))


def _latencies(run: Callable[[dict], int], requests: dict[str, list[dict]]) -> dict[str, Any]:
    """Median/p95 ms per kind, and each request's total (to compare engines)."""
    for r in requests["common"][:10]:  # warm-up: lazily loaded structures, caches of the OS
        run(r)
    out: dict[str, Any] = {"kinds": {}, "totals": {}}
    pooled: list[float] = []
    pooled_cpu: list[float] = []
    for kind, reqs in requests.items():
        times, cpus, totals = [], [], []
        for r in reqs:
            t, c = time.perf_counter(), time.thread_time()
            totals.append(run(r))
            times.append((time.perf_counter() - t) * 1000)
            cpus.append((time.thread_time() - c) * 1000)
        out["kinds"][kind] = {"median": statistics.median(times), "p95": percentile(times, 0.95),
                              "median_cpu": statistics.median(cpus), "p95_cpu": percentile(cpus, 0.95),
                              "n": len(times), "mean_total": statistics.mean(totals)}
        out["totals"][kind] = totals
        pooled += times
        pooled_cpu += cpus
    out["all"] = {"median": statistics.median(pooled), "p95": percentile(pooled, 0.95), "n": len(pooled),
                  "median_cpu": statistics.median(pooled_cpu), "p95_cpu": percentile(pooled_cpu, 0.95)}
    return out


def search_params(r: dict) -> list[tuple[str, str]]:
    """A bench request as the search page's query parameters."""
    params = [("q", r["q"])]
    if r.get("person"):
        params.append(("person", r["person"]))
    for k in ("year_from", "year_to"):
        if r.get(k) is not None:
            params.append((k, str(r[k])))
    return params


@phase("query-whoosh")
def query_whoosh(args) -> dict[str, Any]:
    """The service's own search function, in process, with its caches off (every request cold)."""
    from searchsvc.index_state import IndexState
    from searchsvc.sized_cache import SizedLRU
    from searchsvc.search import parse_request, search
    from searchsvc.settings import Settings

    settings = Settings.from_env({"ARCHIVE_CACHE_SIZE": "0"})
    state = IndexState(Path(args.index_root), cache_size=0)
    t = time.perf_counter()
    state.refresh()
    open_s = time.perf_counter() - t
    gen = state.current
    if gen is None:
        raise SystemExit(f"no generation under {args.index_root}: {state.last_error}")
    rss_open = proc_status()["VmRSS"]

    def run(r: dict) -> int:
        gen.matches = SizedLRU(0, 0)  # the match-set cache would make repeated words free
        req = parse_request(search_params(r), settings, gen.persons)
        return search(gen, req, settings)["total"]

    out = _latencies(run, _requests(args))
    out.update({"open_s": open_s, "rss_open_mb": rss_open, **proc_status()})
    return out


@phase("query-fts5")
def query_fts5(args) -> dict[str, Any]:
    from bench import fts5

    t = time.perf_counter()
    s = fts5.Fts5Search(Path(args.out) / f"fts5-{args.paragraphs}.sqlite")
    open_s = time.perf_counter() - t
    out = _latencies(lambda r: s.search(r["q"], r.get("person"), r.get("year_from"), r.get("year_to"))["total"],
                     _requests(args))
    out.update({"open_s": open_s, **proc_status()})
    return out


def _children(pid: int) -> list[int]:
    kids = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("PPid:") and int(line.split()[1]) == pid:
                kids.append(int(status.parent.name))
    return kids


def _mixed(args) -> list[dict]:
    """Every visitor request, kinds interleaved so every moment of a run sees the same mix."""
    kinds = _requests(args)
    reqs = [r for kind in kinds.values() for r in kind]
    per = len(reqs) // len(kinds)
    return [reqs[k * per + i] for i in range(per) for k in range(len(kinds))]


@phase("serve")
def serve(args) -> dict[str, Any]:
    """Requests/s with ARCHIVE_WORKERS uvicorn workers on loopback, response cache off:
    every visitor request once, none answered from a cache."""
    return _serve(args, _mixed(args), {"ARCHIVE_CACHE_SIZE": "0"})


ZIPF_S = 1.0  # popularity of the r-th most asked query ~ 1 / r**s, as in search logs


@phase("serve-repeat")
def serve_repeat(args) -> dict[str, Any]:
    """The same load with the service's response cache on (its default size) and
    visitors asking popular queries more often: requests drawn from the visitor
    mix with Zipf popularity (s = 1, the popularity order shuffled by seed)."""
    import random

    mixed = _mixed(args)
    rng = random.Random(args.seed)
    rng.shuffle(mixed)
    weights = [1 / (rank + 1) ** ZIPF_S for rank in range(len(mixed))]
    drawn = rng.choices(mixed, weights=weights, k=args.max_requests)
    out = _serve(args, drawn, {})
    served = drawn[:out["requests"]]
    out["distinct_fraction"] = len({json.dumps(r, sort_keys=True) for r in served}) / max(1, len(served))
    return out


def _serve(args, requests: list[dict], env_extra: dict[str, str]) -> dict[str, Any]:
    import socket
    from concurrent.futures import ThreadPoolExecutor

    from bench.loadgen import Connection, HTTPError

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ARCHIVE_INDEX": args.index_root, "ARCHIVE_WORKERS": str(args.workers),
           "ARCHIVE_RATE_LIMIT": "0", **env_extra}
    proc = subprocess.Popen([sys.executable, "-m", "searchsvc", "--index", args.index_root, "--host",
                             "127.0.0.1", "--port", str(port)], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"server exited with {proc.returncode}")
            try:
                with Connection("127.0.0.1", port, timeout=2) as c:
                    if c.get("/healthz")[0] == 200:
                        break
            except (OSError, HTTPError):
                pass
            if time.monotonic() > deadline:
                raise SystemExit("server did not become healthy")
            time.sleep(0.5)
        mixed = requests
        limit = min(len(mixed), args.max_requests)
        stop = time.monotonic() + args.seconds
        errors = 0
        error_statuses: dict[str, int] = {}
        latencies: list[float] = []

        def client(offset: int) -> None:
            nonlocal errors
            with Connection("127.0.0.1", port, timeout=30) as c:
                for i in range(offset, limit, args.concurrency):
                    if time.monotonic() > stop:
                        return
                    t = time.perf_counter()
                    status, _ = c.get("/api/search", search_params(mixed[i]))
                    latencies.append((time.perf_counter() - t) * 1000)
                    if status != 200:
                        errors += 1
                        key = str(status)
                        error_statuses[key] = error_statuses.get(key, 0) + 1

        def warm(r: dict) -> None:
            # A connection of its own each: connections are spread over the workers
            # by address, so every worker loads its index before the clock starts.
            with Connection("127.0.0.1", port, timeout=120) as c:
                c.get("/api/search", search_params(r))

        with ThreadPoolExecutor(4 * args.workers) as pool:
            list(pool.map(warm, mixed[: 4 * args.workers]))
        workers = _children(proc.pid)
        cpu0 = {w: cpu_seconds(w) for w in workers}
        t, client_cpu = time.perf_counter(), time.process_time()
        with ThreadPoolExecutor(args.concurrency) as pool:
            list(pool.map(client, range(args.concurrency)))
        seconds = time.perf_counter() - t
        client_cpu = time.process_time() - client_cpu
        # Per worker: the kernel hands each connection to one worker, so a load
        # can fall unevenly on them.
        worker_cpu = {str(w): cpu_seconds(w) - cpu0[w] for w in workers}
        cpu = sum(worker_cpu.values())
        memory = {w: proc_status(w, ("VmRSS", "RssAnon", "RssFile")) for w in workers}
        rss = {str(w): m.get("VmRSS", 0.0) for w, m in memory.items()}
        # RSS counts the pages of the memory-mapped postings a worker has read;
        # they are the page cache, shared by all workers and dropped under
        # pressure. RssAnon is what the worker itself holds.
        private = {str(w): m.get("RssAnon", 0.0) for w, m in memory.items()}
        mapped = {str(w): m.get("RssFile", 0.0) for w, m in memory.items()}
        return {"requests": len(latencies), "errors": errors, "error_statuses": error_statuses,
                "seconds": seconds,
                "rps": len(latencies) / seconds, "cpu_ms_per_request": cpu / len(latencies) * 1000,
                # The load generator shares the 2 cores: what it spends is not the service's.
                "client_cpu_ms_per_request": client_cpu / len(latencies) * 1000,
                # What 2 workers would serve with both cores to themselves.
                "rps_if_2_free_cores": 2 * len(latencies) / cpu if cpu else None,
                "median": statistics.median(latencies),
                "p95": percentile(latencies, 0.95), "concurrency": args.concurrency,
                "workers": args.workers, "worker_cpu_s": worker_cpu, "worker_rss_mb": rss, "worker_private_mb": private,
                "worker_file_mb": mapped}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.run")
    ap.add_argument("phase", choices=sorted(PHASES))
    ap.add_argument("--paragraphs", type=int, required=True)
    ap.add_argument("--out", default=str(REPO / "bench" / "out"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--shards", type=int, default=os.cpu_count() or 1, help="build processes")
    ap.add_argument("--extract", type=int, default=20_000)
    ap.add_argument("--index-root", default="")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--max-requests", type=int, default=5000)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    result = PHASES[args.phase](args)
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
