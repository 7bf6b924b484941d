"""A build on a Dask cluster against the local build, on this machine (docs/cluster-build.md).

    python -m bench.cluster_build --paragraphs 50000 --repeat 2

Writes the generated benchmark corpus to disk as scraped-text files (one per
generated document), starts a Dask scheduler and two workers of one thread each
on loopback, and builds the corpus in rounds: locally (two forked shard
processes, as ``python -m indexer build --workers 2``) and through the cluster
(two shards as Dask tasks, as ``--scheduler``), each into a fresh index root,
the local build first in odd rounds and second in even ones.
For each build it measures the wall-clock seconds and the CPU seconds of every
process that worked (this one and its shard processes; the scheduler and the
workers), and prints each cluster build's ratios against the local build of the
same round. Both ran on the same two cores, so the figures are the cluster's
overhead, not a speed-up. Writes ``bench/out/cluster-build-<N>.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus_gen import materialise, read_paragraphs, write_files
from bench.process_setups import end, free_port, launch

REPO = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"


@dataclass
class Cluster:
    """A Dask scheduler and its workers, each a process on loopback (see :func:`running_cluster`)."""

    address: str
    logs: list[Path] = field(default_factory=list)
    procs: list[subprocess.Popen] = field(default_factory=list)

    def output(self) -> str:
        """The scheduler's and workers' logs (their ends), for an error message."""
        return "".join(f"\n--- {log.name} ---\n{log.read_text(errors='replace')[-3000:]}"
                       for log in self.logs if log.exists())


@contextlib.contextmanager
def running_cluster(folder: Path, workers: int = 2, env: dict[str, str] | None = None,
                    timeout: float = 60.0) -> Iterator[Cluster]:
    """Start ``dask scheduler`` and ``workers`` times ``dask worker --nthreads 1`` on loopback
    (logs in ``folder``), wait until all workers have joined, yield the cluster, stop it.

    ``env`` is added to the workers' environment. The workers run without a nanny
    process, so each worker is one process whose CPU time is all its own.
    """
    from distributed import Client

    cluster = Cluster(f"tcp://127.0.0.1:{free_port()}")
    python = [sys.executable, "-m"]
    try:
        cluster.logs.append(folder / "scheduler.log")
        cluster.procs.append(launch(python + [
            "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
            "--port", cluster.address.rsplit(":", 1)[1], "--no-dashboard"],
            cluster.logs[-1], dict(os.environ)))
        for n in range(workers):
            cluster.logs.append(folder / f"worker-{n}.log")
            cluster.procs.append(launch(python + [
                "distributed.cli.dask_worker", cluster.address, "--nworkers", "1", "--nthreads", "1",
                "--no-dashboard", "--no-nanny", "--name", f"worker-{n}"],
                cluster.logs[-1], {**os.environ, **(env or {})}))
        deadline = time.monotonic() + timeout
        client = None
        while client is None:
            if any(p.poll() is not None for p in cluster.procs):
                raise RuntimeError(f"a cluster process exited early:{cluster.output()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the scheduler did not answer in time:{cluster.output()}")
            with contextlib.suppress(OSError, TimeoutError):
                client = Client(cluster.address, timeout=2, set_as_default=False)
        try:
            client.wait_for_workers(workers, timeout=max(1.0, deadline - time.monotonic()))
        except TimeoutError:
            raise RuntimeError(f"the workers did not join in time:{cluster.output()}") from None
        finally:
            client.close()
        yield cluster
    finally:
        # The workers first: a worker whose scheduler has gone waits to reconnect.
        for p in reversed(cluster.procs):
            end(p, wait=10)


def _cpu() -> float:
    """CPU seconds of the calling process (run on the scheduler and on each worker too)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _cpu_with_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return _cpu() + r.ru_utime + r.ru_stime


def cluster_cpu(address: str) -> float:
    """CPU seconds the scheduler and the workers have used so far."""
    from distributed import Client

    with Client(address, timeout=10, set_as_default=False) as client:
        return client.run_on_scheduler(_cpu) + sum(client.run(_cpu).values())


def build_once(corpus: Path, root: Path, scheduler: str | None) -> dict:
    from indexer.build import build_corpus

    shutil.rmtree(root, ignore_errors=True)
    elsewhere = cluster_cpu(scheduler) if scheduler else 0.0
    here = _cpu_with_children()
    t = time.perf_counter()
    report = build_corpus(corpus, root, progress=False, workers=2, scheduler=scheduler)
    seconds = time.perf_counter() - t
    here = _cpu_with_children() - here
    elsewhere = cluster_cpu(scheduler) - elsewhere if scheduler else 0.0
    cpu = here + elsewhere
    return {"where": "cluster" if scheduler else "local", "seconds": round(seconds, 2),
            # The machine is shared: what else ran shows in the load average.
            "load_1min": round(os.getloadavg()[0], 2),
            "cpu_s": round(cpu, 2), "cpu_here_s": round(here, 2), "cpu_cluster_s": round(elsewhere, 2),
            "paragraphs": report.paragraphs, "documents": report.documents,
            "paragraphs_per_s": round(report.paragraphs / seconds),
            "paragraphs_per_cpu_s": round(report.paragraphs / cpu), "root": str(root)}


def same_index(a: Path, b: Path) -> bool:
    """The same paragraphs, documents and word counts (tests/test_cluster_build.py compares all)."""
    from indexer.engine.generations import current

    def files(root: Path) -> list:
        gen = current(root)
        return [json.loads((gen.path / name).read_text(encoding="utf-8"))
                for name in ("manifest.json", "vocabulary.json", "persons.json", "furniture.json")]

    return files(a) == files(b)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.cluster_build", description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=2, help="rounds of one local and one cluster build")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    work = args.out / f"cluster-build-{args.paragraphs}"
    corpus = work / "corpus"
    jsonl = materialise(args.paragraphs, args.out, seed=args.seed)
    docs, pars = write_files(read_paragraphs(jsonl), corpus)
    print(f"corpus: {docs} documents, {pars} generated paragraphs in {corpus}", flush=True)
    runs: list[dict] = []
    with running_cluster(work) as cluster:
        for n in range(args.repeat):
            # Turn about which goes first, so neither always meets the same load.
            if n % 2:
                remote = build_once(corpus, work / f"cluster-{n}", cluster.address)
                local = build_once(corpus, work / f"local-{n}", None)
            else:
                local = build_once(corpus, work / f"local-{n}", None)
                remote = build_once(corpus, work / f"cluster-{n}", cluster.address)
            remote["same_index_as_local"] = same_index(work / f"local-{n}", work / f"cluster-{n}")
            remote["seconds_ratio"] = round(remote["seconds"] / local["seconds"], 3)
            remote["cpu_ratio"] = round(remote["cpu_s"] / local["cpu_s"], 3)
            runs += [local, remote]
            for r in (local, remote):
                ratios = (f"  x{r['seconds_ratio']:.2f} time, x{r['cpu_ratio']:.2f} CPU, same index: "
                          f"{r['same_index_as_local']}" if r["where"] == "cluster" else "")
                print(f"round {n + 1} {r['where']:>7}: {r['seconds']:7.1f} s, {r['cpu_s']:7.1f} CPU-s "
                      f"(load {r['load_1min']:.1f}) "
                      f"{r['cpu_here_s']:.1f} here, {r['cpu_cluster_s']:.1f} on the cluster, "
                      f"{r['paragraphs_per_s']:,} paragraphs/s, {r['paragraphs_per_cpu_s']:,} per CPU-s"
                      f"{ratios}", flush=True)
    summary = {}
    for where in ("local", "cluster"):
        mine = [r for r in runs if r["where"] == where]
        summary[where] = {k: statistics.median(r[k] for r in mine)
                          for k in ("seconds", "cpu_s", "paragraphs_per_s", "paragraphs_per_cpu_s")}
    summary["seconds_ratio"] = statistics.median(r["seconds_ratio"] for r in runs if "seconds_ratio" in r)
    summary["cpu_ratio"] = statistics.median(r["cpu_ratio"] for r in runs if "cpu_ratio" in r)
    print(f"median: local {summary['local']['seconds']:.1f} s, cluster {summary['cluster']['seconds']:.1f} s "
          f"(x{summary['seconds_ratio']:.2f}); CPU x{summary['cpu_ratio']:.2f}; paragraphs per CPU-s "
          f"local {summary['local']['paragraphs_per_cpu_s']:,.0f}, cluster "
          f"{summary['cluster']['paragraphs_per_cpu_s']:,.0f}")
    out = args.out / f"cluster-build-{args.paragraphs}.json"
    out.write_text(json.dumps({"paragraphs": args.paragraphs, "cores": os.cpu_count(), "runs": runs,
                               "median": summary}, indent=1), encoding="utf-8")
    print(f"written: {out}")


if __name__ == "__main__":
    main()
