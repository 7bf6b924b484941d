"""Two workers behind one port, four ways, under keep-alive load.

    python -m bench.process_managers --out DIR [--paragraphs 100000]
        [--setups supervisor,gunicorn,gunicorn-reuseport,nginx] [--concurrency 8 32]
        [--pace 0 32] [--seconds 30] [--rounds 3] [--kill-rounds 2] [--json FILE]
    python -m bench.process_managers --tables FILE.json [...]

DIR holds what ``python -m bench.run generate`` and ``build-whoosh`` wrote
(the visitor queries and ``whoosh-N``). The setups, each started and stopped here:

supervisor          ``python -m searchsvc --workers 2`` (searchsvc/workers.py accepts
                    every connection and deals them to its workers in turn)
gunicorn            gunicorn's arbiter and 2 uvicorn workers sharing one listening socket
gunicorn-reuseport  the same with ``--reuse-port``: a listening socket per worker, the
                    kernel spreading connections by address hash
nginx               two ``python -m searchsvc --workers 1`` behind nginx (round robin,
                    keep-alive upstream pool); a backend that dies is started again
                    here after 0.1 s, as systemd's ``Restart=always`` would

Each round starts every setup afresh, in turn (rounds interleave the setups
because the machine is shared), and loads it for ``--seconds`` at each
concurrency: that many keep-alive connections sending the visitor query mix
(response cache off), each as soon as its last answer came or, with ``--pace``,
on a schedule as visitors arrive. Which worker served a connection is read from /proc
(the process holding the server end of the socket); behind nginx, from each
backend's /metrics. Then each setup has a worker killed (SIGKILL) 10 s into a
load: failed requests, when a replacement answers, and when throughput is back.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.loadgen import HTTPError
from bench.process_setups import HOST, SETUPS, Setup, TrackedConnection
from bench.run import _mixed, cpu_seconds, percentile, proc_status, search_params

WARM_SECONDS = 3.0
KILL_AT = 10.0  # seconds into the load


class Client(threading.Thread):
    """One keep-alive visitor connection sending the mix until ``stop_at``; after a
    failure it waits 50 ms and connects again, as a browser would retry.

    Unpaced, it sends its next request as soon as the last is answered. Paced
    (``interval`` seconds), it sends on a fixed schedule, as visitors arrive at a
    rate whatever the server's speed; a request's time then counts from when it
    was due, so the wait behind a slow answer is counted too.
    """

    def __init__(self, port: int, mix: list[dict], counter: Iterator[int], stop_at: float,
                 interval: float | None = None, offset: float = 0.0) -> None:
        super().__init__(daemon=True)
        self.conn = TrackedConnection(HOST, port, timeout=30)
        self.mix, self.counter, self.stop_at, self.interval = mix, counter, stop_at, interval
        self.due = time.perf_counter() + offset
        self.samples: list[tuple[float, float, bool]] = []  # (finished, ms, ok)
        self.ms_by_port: dict[int, list[float]] = {}  # answered requests by connection

    def _start_time(self) -> float:
        if self.interval is None:
            return time.perf_counter()
        due, self.due = self.due, self.due + self.interval
        time.sleep(max(0.0, due - time.perf_counter()))
        return due

    def run(self) -> None:
        while time.perf_counter() < self.stop_at:
            started = self._start_time()
            # One shared sequence: a query's repeats land on any connection, so no
            # worker's caches are favoured by which connection it was given.
            request = self.mix[next(self.counter) % len(self.mix)]
            try:
                status, _ = self.conn.get("/api/search", search_params(request))
                ok = status == 200
            except (OSError, HTTPError):
                ok = False
                self.conn.close()
            finished = time.perf_counter()
            ms = (finished - started) * 1000
            self.samples.append((finished, ms, ok))
            if ok and self.conn.local_port is not None:
                self.ms_by_port.setdefault(self.conn.local_port, []).append(ms)
            if not ok:
                time.sleep(0.05)


@contextmanager
def load(port: int, mix: list[dict], concurrency: int, seconds: float,
         pace: float | None = None) -> Iterator[list[Client]]:
    """Clients running for ``seconds`` (``pace``: requests/s in all, spread evenly over
    the connections); the body runs while they do, their connections stay open until it ends."""
    counter = itertools.count()
    interval = concurrency / pace if pace else None
    stop_at = time.perf_counter() + seconds
    clients = [Client(port, mix, counter, stop_at, interval, k * (interval or 0) / concurrency)
               for k in range(concurrency)]
    for c in clients:
        c.start()
    try:
        yield clients
    finally:
        for c in clients:
            c.join(timeout=seconds + 60)
        for c in clients:
            c.conn.close()


def _samples(clients: list[Client]) -> list[tuple[float, float, bool]]:
    return sorted(s for c in clients for s in c.samples)


def _merged_ports(clients: list[Client]) -> Counter:
    return Counter({p: len(ms) for c in clients for p, ms in c.ms_by_port.items()})


def _median_by_worker(clients: list[Client], owners: dict[int, int | None]) -> list[float] | None:
    """Median ms of the requests each worker answered, the worker with more
    connections first: what the visitors whose connection it holds see."""
    if not owners:
        return None
    ms: dict[int, list[float]] = {}
    for c in clients:
        for p, values in c.ms_by_port.items():
            if owners.get(p) is not None:
                ms.setdefault(owners[p], []).extend(values)
    conns = Counter(o for o in owners.values() if o)
    return [statistics.median(ms[w]) for w in sorted(ms, key=lambda w: -conns[w])]


def _memory(pids: list[int]) -> dict[str, dict[str, float]]:
    return {str(p): proc_status(p, ("VmRSS", "RssAnon")) for p in pids}


def measure(setup: Setup, mix: list[dict], concurrency: int, seconds: float,
            pace: float | None = None) -> dict:
    with load(setup.port, mix, concurrency, WARM_SECONDS, pace):
        pass
    workers, managers = setup.workers(), setup.managers()
    cpu0 = {p: cpu_seconds(p) for p in workers + managers}
    setup.mark()
    loadavg = os.getloadavg()[0]
    t, client_cpu = time.perf_counter(), time.process_time()
    with load(setup.port, mix, concurrency, seconds, pace) as clients:
        for c in clients:
            c.join(timeout=seconds + 60)
        elapsed, client_cpu = time.perf_counter() - t, time.process_time() - client_cpu
        ports = [c.conn.local_port for c in clients if c.conn.local_port is not None]
        owners = setup.serving(ports)
        served = setup.searches_by_worker(_merged_ports(clients))
    samples = _samples(clients)
    ms = [s[1] for s in samples if s[2]]
    by_worker = _median_by_worker(clients, owners)
    done = len(ms)
    cpu = {p: cpu_seconds(p) - cpu0[p] for p in cpu0}
    total = sum(served.values()) or 1
    return {
        "setup": setup.name, "concurrency": concurrency, "pace": pace, "seconds": elapsed, "requests": done,
        "failed": len(samples) - done, "rps": done / elapsed,
        "p50": percentile(ms, 0.50), "p95": percentile(ms, 0.95), "p99": percentile(ms, 0.99),
        "p50_by_worker": by_worker,
        "share": sorted((n / total for n in served.values()), reverse=True),
        "connections": sorted(Counter(o for o in owners.values() if o).values(), reverse=True)
        if owners else None,
        "worker_cpu_ms": sum(cpu[p] for p in workers) / max(done, 1) * 1000,
        "manager_cpu_ms": sum(cpu[p] for p in managers) / max(done, 1) * 1000,
        "client_cpu_ms": client_cpu / max(done, 1) * 1000,
        "memory": _memory(workers), "manager_memory": _memory(managers),
        "loadavg_before": loadavg}


def _watch_replacement(setup: Setup, before: list[int], killed: float, stop_at: float) -> dict:
    """When a new worker process appears, and when it first answers a fresh connection."""
    out: dict = {"replaced_s": None, "answering_s": None, "replacement": None}
    while time.monotonic() < stop_at and out["answering_s"] is None:
        new = [p for p in setup.workers() if p not in before]
        if new and out["replacement"] is None:
            out["replacement"], out["replaced_s"] = new[0], time.perf_counter() - killed
        if out["replacement"] is not None and out["replacement"] in setup.answering():
            out["answering_s"] = time.perf_counter() - killed
        time.sleep(0.05)
    return out


def _recovery(samples: list[tuple[float, float, bool]], start: float, killed: float) -> dict:
    """Requests per 1 s bin, and the first bin after the kill from which three in a row
    reach 90% of the rate before it."""
    bins = Counter(int(t - start) for t, _, ok in samples if ok and t >= start)
    kill_bin = int(killed - start)
    last = max(bins) if bins else 0
    series = [bins.get(b, 0) for b in range(last)]  # the last bin is partial
    before = statistics.mean(series[2:kill_bin]) if kill_bin > 2 else float("nan")
    back = next((b for b in range(kill_bin, len(series) - 2)
                 if all(series[b + k] >= 0.9 * before for k in range(3))), None)
    tail = series[-10:]
    return {"rps_before": before, "back_s": None if back is None else back - (killed - start),
            "tail_vs_before": statistics.mean(tail) / before if tail and before else None,
            "series": series}


def kill_test(setup: Setup, mix: list[dict], concurrency: int, seconds: float) -> dict:
    with load(setup.port, mix, concurrency, WARM_SECONDS):
        pass
    before = setup.workers()
    victim = before[0]
    errors_before = _error_lines(setup)
    start = time.perf_counter()
    with load(setup.port, mix, concurrency, seconds) as clients:
        time.sleep(max(0.0, start + KILL_AT - time.perf_counter()))
        os.kill(victim, signal.SIGKILL)
        killed = time.perf_counter()
        watched = _watch_replacement(setup, before, killed, time.monotonic() + seconds)
        for c in clients:
            c.join(timeout=seconds + 60)
        ports = [c.conn.local_port for c in clients if c.conn.local_port is not None]
        owners = setup.serving(ports)
        served = setup.searches_by_worker(_merged_ports(clients))
    samples = _samples(clients)
    failures = [t - killed for t, _, ok in samples if not ok]
    new = watched["replacement"]
    return {"setup": setup.name, "concurrency": concurrency, "failed": len(failures),
            "failed_before_kill": sum(1 for f in failures if f < 0),
            "last_failure_s": max(failures) if failures else None, **watched,
            "replacement_searches": served.get(new) if new else None,
            "replacement_connections": sum(1 for o in owners.values() if o == new) if owners else None,
            "proxy_error_lines": _error_lines(setup) - errors_before,
            **_recovery(samples, start, killed)}


def _error_lines(setup: Setup) -> int:
    log = setup.work / "error.log"
    return len(log.read_text(errors="replace").splitlines()) if log.exists() else 0


@contextmanager
def running(name: str, index_root: Path, work: Path) -> Iterator[Setup]:
    setup = SETUPS[name](index_root, work)
    setup.start()
    try:
        setup.wait_ready()
        yield setup
    finally:
        setup.stop()


def versions() -> dict[str, str]:
    import gunicorn
    import uvicorn

    nginx = subprocess.run(["nginx", "-v"], check=False, capture_output=True, text=True)
    return {"python": sys.version.split()[0], "uvicorn": uvicorn.__version__,
            "gunicorn": gunicorn.__version__, "nginx": nginx.stderr.strip().split("/")[-1],
            "kernel": os.uname().release, "cpus": str(os.cpu_count())}


def _f(x, digits: int = 1) -> str:
    return "–" if x is None else f"{x:,.{digits}f}"


def _range(values: list[float], digits: int = 1) -> str:
    """Median, with the smallest and largest in brackets when there are several."""
    if len(values) < 2:
        return _f(values[0], digits) if values else "–"
    return f"{_f(statistics.median(values), digits)} [{_f(min(values), digits)}–{_f(max(values), digits)}]"


def _load(r: dict) -> str:
    return f"{r['concurrency']}" + (f" at {r['pace']:g}/s" if r.get("pace") else "")


def summary_table(runs: list[dict]) -> str:
    lines = [("| setup | conns | requests/s | p50 ms | p95 ms | p99 ms | failed | busiest worker's share "
              "| connections per worker | p50 ms by worker | worker RSS MB (private) | worker CPU ms/req "
              "| manager CPU ms/req |"),
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for key in dict.fromkeys((r["setup"], _load(r)) for r in runs):
        lines.append(_summary_row(key, [r for r in runs if (r["setup"], _load(r)) == key]))
    return "\n".join(lines)


def _summary_row(key: tuple[str, str], rs: list[dict]) -> str:
    rss = [m.get("VmRSS", 0) for r in rs for m in r["memory"].values()]
    anon = [m.get("RssAnon", 0) for r in rs for m in r["memory"].values()]
    splits = ", ".join("/".join(map(str, r["connections"])) for r in rs if r["connections"]) or "per request"
    by_worker = ", ".join("/".join(f"{v:.0f}" for v in r["p50_by_worker"]) for r in rs
                          if r.get("p50_by_worker")) or "–"
    return (f"| {key[0]} | {key[1]} | {_range([r['rps'] for r in rs])} | {_range([r['p50'] for r in rs])} "
            f"| {_range([r['p95'] for r in rs])} | {_range([r['p99'] for r in rs])} "
            f"| {sum(r['failed'] for r in rs)} | {_range([100 * r['share'][0] for r in rs], 0)}% "
            f"| {splits} | {by_worker} | {_f(max(rss), 0)} ({_f(max(anon), 0)}) "
            f"| {_range([r['worker_cpu_ms'] for r in rs])} | {_range([r['manager_cpu_ms'] for r in rs], 2)} |")


def runs_table(runs: list[dict]) -> str:
    lines = ["| round | setup | conns | requests/s | p50 | p95 | p99 | failed | shares | load avg before |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in runs:
        shares = "/".join(f"{100 * s:.0f}" for s in r["share"])
        lines.append(f"| {r['round']} | {r['setup']} | {_load(r)} | {_f(r['rps'])} | {_f(r['p50'])} "
                     f"| {_f(r['p95'])} | {_f(r['p99'])} | {r['failed']} | {shares} | {_f(r['loadavg_before'])} |")
    return "\n".join(lines)


def kills_table(kills: list[dict]) -> str:
    lines = [("| round | setup | failed | new process after s | new worker answers after s "
              "| throughput back after s | last 10 s vs before | searches by the new worker "
              "| connections on it | proxy error-log lines |"),
             "|---|---|---|---|---|---|---|---|---|---|"]
    for k in kills:
        back = _f(k["back_s"]) if k["back_s"] is not None else "not in the run"
        tail = f"{100 * k['tail_vs_before']:.0f}%" if k["tail_vs_before"] else "–"
        lines.append(f"| {k['round']} | {k['setup']} | {k['failed']} | {_f(k['replaced_s'], 2)} "
                     f"| {_f(k['answering_s'], 2)} | {back} | {tail} | {_f(k['replacement_searches'], 0)} "
                     f"| {_f(k['replacement_connections'], 0)} | {k['proxy_error_lines']} |")
    return "\n".join(lines)


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.process_managers")
    ap.add_argument("--out", type=Path, help="folder of bench.run generate/build-whoosh")
    ap.add_argument("--paragraphs", type=int, default=100_000)
    ap.add_argument("--index-root", type=Path, help="default: OUT/whoosh-PARAGRAPHS")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--setups", default=",".join(SETUPS))
    ap.add_argument("--concurrency", type=int, nargs="+", default=[8, 32])
    ap.add_argument("--pace", type=float, nargs="+", default=[0],
                    help="requests/s in all, sent on a schedule as visitors do; 0: each "
                         "connection's next request as soon as its last is answered")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--kill-rounds", type=int, default=2)
    ap.add_argument("--kill-seconds", type=float, default=40)
    ap.add_argument("--json", type=Path, help="write every figure here (after each run)")
    ap.add_argument("--tables", type=Path, nargs="+", help="only print the tables of these --json files")
    return ap.parse_args(argv)


def measure_rounds(args: argparse.Namespace, index_root: Path, mix: list[dict], save) -> None:
    """Every setup in every round, started afresh, each round led by another setup."""
    names = [n for n in args.setups.split(",") if n]
    loads = [(conc, pace or None) for pace in args.pace for conc in args.concurrency]
    for rnd in range(1, args.rounds + 1):
        for name in names[rnd - 1:] + names[:rnd - 1]:
            with running(name, index_root, args.out / "process-managers" / name) as setup:
                for conc, pace in loads:
                    run = {"round": rnd, **measure(setup, mix, conc, args.seconds, pace)}
                    print(f"[procs] round {rnd} {name} x{conc} pace {pace}: {run['rps']:.1f} req/s, "
                          f"shares {run['share']}, failed {run['failed']}", file=sys.stderr, flush=True)
                    save("runs", run)
    for rnd in range(1, args.kill_rounds + 1):
        for name in names:
            with running(name, index_root, args.out / "process-managers" / name) as setup:
                kill = {"round": rnd, **kill_test(setup, mix, min(args.concurrency), args.kill_seconds)}
                print(f"[procs] kill {rnd} {name}: failed {kill['failed']}, back after {kill['back_s']}",
                      file=sys.stderr, flush=True)
                save("kills", kill)


def print_tables(result: dict) -> None:
    print(json.dumps(result["versions"]))
    for title, table in (("Summary (median [min–max] of rounds)", summary_table(result["runs"])),
                         ("Every run", runs_table(result["runs"])),
                         ("A worker killed (SIGKILL) 10 s into the load", kills_table(result["kills"]))):
        print(f"\n## {title}\n\n{table}")


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    if args.tables:
        files = [json.loads(f.read_text()) for f in args.tables]
        print_tables({"versions": files[0]["versions"], "runs": [r for f in files for r in f["runs"]],
                      "kills": [k for f in files for k in f["kills"]]})
        return
    if args.out is None:
        raise SystemExit("--out is required (or --tables)")
    index_root = args.index_root or args.out / f"whoosh-{args.paragraphs}"
    mix = _mixed(argparse.Namespace(out=str(args.out), queries=args.queries, seed=args.seed))
    result: dict = {"versions": versions(), "index": str(index_root), "runs": [], "kills": []}

    def save(kind: str, figures: dict) -> None:
        result[kind].append(figures)
        if args.json:
            args.json.write_text(json.dumps(result, indent=1))

    measure_rounds(args, index_root, mix, save)
    print_tables(result)


if __name__ == "__main__":
    main()
