"""Replicas behind nginx on loopback, as docs/scaling.md deploys them: the harness for
tests/test_replicas.py and the capacity benchmark.

``Topology`` runs ``python -m searchsvc`` once per replica, each with its own
index root, and Debian's nginx with the site configuration we ship
(``deploy/nginx/archive-search.conf``): only the replica addresses and the
listening address are changed, and the file is wrapped in a minimal main
configuration so nginx runs unprivileged from a scratch folder.

    python -m bench.replicas --index bench/out/whoosh-100000 --out bench/out

measures requests per second to one replica directly (the baseline), then through
nginx with 1, 2 and 3 replicas, the CPU each request cost the replicas and nginx,
and each replica's memory before and after the load; ``--index`` is any built index
root (the benchmark's generated corpus: ``bench/out/whoosh-N``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from bench.loadgen import Connection, HTTPError
from bench.process_setups import HOST, NGINX_MAIN, end, free_port, launch
from bench.run import REPO, _children, cpu_seconds, proc_status

SITE_CONF = REPO / "deploy" / "nginx" / "archive-search.conf"
READY_SECONDS = 120.0


def nginx_program() -> str | None:
    """Debian's nginx: on PATH, or in /usr/sbin, which a non-root PATH often leaves out."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")

def site_conf(replica_ports: list[int], port: int, text: str | None = None) -> str:
    """The shipped site configuration with our replicas' and nginx's own addresses."""
    text = SITE_CONF.read_text(encoding="utf-8") if text is None else text
    pattern = re.compile(r"^(\s*)server \S+:\d+( [^;]*)?;\n", re.MULTILINE)
    servers = pattern.findall(text)
    if not servers:
        raise ValueError(f"{SITE_CONF}: no upstream server lines to replace")
    indent, options = servers[0]
    lines = "".join(f"{indent}server {HOST}:{p}{options};\n" for p in replica_ports)
    text = pattern.sub("", text, count=len(servers) - 1)
    text = pattern.sub(lines, text, count=1)
    return re.sub(r"^(\s*)listen \S+;", rf"\1listen {HOST}:{port};", text, flags=re.MULTILINE)


def replica_env(root: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "ARCHIVE_INDEX": str(root), "ARCHIVE_AUTO_BUILD": "0",
            "ARCHIVE_RATE_LIMIT": "0", **extra}


@dataclass
class Replica:
    root: Path
    port: int
    log: Path
    env: dict[str, str]
    proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = launch([sys.executable, "-m", "searchsvc", "--workers", "1", "--host", HOST,
                            "--port", str(self.port)], self.log, self.env)

    def health(self) -> tuple[int, dict]:
        """(status, body) of this replica's own /healthz; (0, {}) when it does not answer."""
        try:
            with Connection(HOST, self.port, timeout=5) as c:
                status, body = c.get("/healthz")
            return status, json.loads(body)
        except (OSError, HTTPError, ValueError):
            return 0, {}

    def generation(self) -> str | None:
        status, body = self.health()
        return body.get("generation") if status == 200 else None


@dataclass
class Topology:
    """``len(roots)`` replicas and one nginx in front of them, all on loopback."""

    roots: list[Path]
    work: Path
    env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Absolute: nginx reads a relative path against its prefix (-p), the work folder itself.
        self.work = self.work.resolve()
        self.work.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.replicas = [Replica(r, free_port(), self.work / f"replica-{i}.log", replica_env(r, **self.env))
                         for i, r in enumerate(self.roots)]
        self.nginx: subprocess.Popen | None = None

    def start(self) -> None:
        nginx = nginx_program()
        if nginx is None:
            raise RuntimeError("nginx is not installed (Debian: apt-get install nginx)")
        for r in self.replicas:
            r.start()
        conf = self.work / "nginx.conf"
        conf.write_text(NGINX_MAIN.format(work=self.work, site=site_conf([r.port for r in self.replicas],
                                                                        self.port)))
        self.nginx = launch([nginx, "-p", str(self.work), "-c", str(conf), "-e",
                             str(self.work / "error.log")], self.work / "nginx.log", dict(os.environ))
        self.wait(lambda: all(r.health()[0] == 200 for r in self.replicas) and self.answers(),
                  "replicas and nginx answering")

    def answers(self) -> bool:
        try:
            with Connection(HOST, self.port, timeout=5) as c:
                return c.get("/healthz")[0] == 200
        except (OSError, HTTPError):
            return False

    def wait(self, ready, what: str, seconds: float = READY_SECONDS) -> None:
        deadline = time.monotonic() + seconds
        while not ready():
            if self.nginx is not None and self.nginx.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.nginx.returncode}: {self.logs()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"not ready after {seconds:.0f} s: {what}\n{self.logs()}")
            time.sleep(0.1)

    def kill(self, i: int, sig: int = signal.SIGKILL) -> None:
        proc = self.replicas[i].proc
        if proc is not None and proc.poll() is None:
            proc.send_signal(sig)
            proc.wait(timeout=30)

    def restart(self, i: int, healthy: bool = True) -> None:
        """Start replica ``i`` again and wait until it answers (with 200, unless not ``healthy``)."""
        self.replicas[i].start()
        want = (200,) if healthy else (200, 503)
        self.wait(lambda: self.replicas[i].health()[0] in want, f"replica {i} answering again")

    def generations(self) -> list[str | None]:
        return [r.generation() for r in self.replicas]

    def logs(self, tail: int = 2000) -> str:
        out = []
        for f in sorted(self.work.glob("*.log")):
            out.append(f"--- {f.name}\n{f.read_text(errors='replace')[-tail:]}")
        return "\n".join(out)

    def stop(self) -> None:
        if self.nginx is not None:
            end(self.nginx, wait=15)
        for r in self.replicas:
            if r.proc is not None:
                end(r.proc, wait=20)


class Load:
    """``clients`` keep-alive clients sending searches through ``port`` until stopped.

    Every answer is recorded: a status other than 200, or a connection that
    failed, is a failed request; the ``generation`` of each answer is counted.
    """

    def __init__(self, port: int, queries: list[str], clients: int = 4, limit_s: float = 300.0) -> None:
        self.port, self.queries, self.clients, self.limit_s = port, queries, clients, limit_s
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.ok = 0
        self.failures: list[str] = []
        self.generations: Counter = Counter()
        self.order: list[str] = []  # generations in the order first seen
        self.threads = [threading.Thread(target=self._client, args=(k,), daemon=True)
                        for k in range(clients)]

    def __enter__(self) -> Self:
        self.started = time.monotonic()
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.stopping.set()
        for t in self.threads:
            t.join(timeout=60)
        self.seconds = time.monotonic() - self.started

    def _client(self, k: int) -> None:
        conn = Connection(HOST, self.port, timeout=30)
        n = k
        deadline = time.monotonic() + self.limit_s  # bounded even if nobody stops it
        while not self.stopping.is_set() and time.monotonic() < deadline:
            q = self.queries[n % len(self.queries)]
            n += self.clients
            try:
                status, body = conn.get("/api/search", [("q", q)])
                gen = json.loads(body).get("generation") if status == 200 else None
            except (OSError, HTTPError, ValueError) as exc:
                conn.close()
                with self.lock:
                    self.failures.append(f"{q!r}: {type(exc).__name__}: {exc}")
                continue
            with self.lock:
                if status != 200:
                    self.failures.append(f"{q!r}: HTTP {status}: {body[:200]!r}")
                else:
                    self.ok += 1
                    if gen not in self.generations:
                        self.order.append(gen)
                    self.generations[gen] += 1
        conn.close()

    @property
    def requests(self) -> int:
        return self.ok + len(self.failures)


def process_memory(pid: int) -> dict[str, float]:
    """A process's memory in MB: resident (``rss``); from /proc/PID/smaps_rollup, when it
    can be read, its proportional share (``pss``: shared pages divided among the processes
    mapping them), the pages no other process maps (``private``: Private_Clean +
    Private_Dirty, which includes index pages only this process has read) and its own
    heap (``anon``: anonymous pages)."""
    out = {"rss": proc_status(pid).get("VmRSS", 0.0)}
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]
    except OSError:
        return out
    kb = {key: int(value.split()[0]) for key, _, value in (line.partition(":") for line in lines)}
    out.update({"pss": kb.get("Pss", 0) / 1024, "anon": kb.get("Anonymous", 0) / 1024,
                "private": (kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)) / 1024})
    return out


def replica_memory(topology: Topology) -> list[dict[str, float]]:
    """Each replica's memory in MB (the service process; one worker each), as ``process_memory``."""
    return [process_memory(r.proc.pid) for r in topology.replicas if r.proc is not None]


def _cpu(topology: Topology) -> dict[str, float]:
    """CPU seconds used so far by the replicas and by nginx (its master and workers)."""
    nginx = [] if topology.nginx is None else [topology.nginx.pid, *_children(topology.nginx.pid)]
    replicas = [r.proc.pid for r in topology.replicas if r.proc is not None]
    return {"replicas": sum(cpu_seconds(pid) for pid in replicas),
            "nginx": sum(cpu_seconds(pid) for pid in nginx), "load": time.process_time()}


def _measure(index_root: Path, work: Path, replicas: int, queries: list[str], clients: int,
             seconds: float, direct: bool = False) -> dict:
    """Requests/s through nginx to ``replicas`` replicas (``direct``: to one replica, no nginx)."""
    roots = []
    for i in range(replicas):
        root = work / f"root-{replicas}-{i}"
        if not root.exists():
            subprocess.run([sys.executable, "-m", "indexer", "publish", "--index", str(index_root),
                            "--to", str(root)], check=True, cwd=REPO, stdout=subprocess.DEVNULL)
        roots.append(root)
    topo = Topology(roots, work / f"run-{replicas}{'-direct' if direct else ''}",
                    env={"ARCHIVE_CACHE_SIZE": "0"})
    try:
        topo.start()  # inside the try: replicas already started are stopped if nginx fails
        port = topo.replicas[0].port if direct else topo.port
        mem_start, cpu = replica_memory(topo), _cpu(topo)
        with Load(port, queries, clients=clients, limit_s=seconds + 30) as load:
            time.sleep(seconds)
        cpu = {k: v - cpu[k] for k, v in _cpu(topo).items()}
        mem = replica_memory(topo)
    finally:
        topo.stop()
    # CPU per request: what the replicas, nginx and the load generator (this process,
    # sharing the same cores) each spent; it does not depend on how busy the machine was.
    per_request = {k: round(v / max(1, load.requests) * 1000, 2) for k, v in cpu.items()}
    return {"replicas": replicas, "nginx": not direct, "requests": load.requests, "failed": len(load.failures),
            "failures": load.failures[:10],
            "seconds": round(load.seconds, 1), "requests_per_s": round(load.ok / load.seconds, 1),
            "cpu_ms_per_request": per_request,
            "replica_rss_mb": [round(m["rss"]) for m in mem],
            "replica_memory_start_mb": [{k: round(v) for k, v in m.items()} for m in mem_start],
            "replica_memory_mb": [{k: round(v) for k, v in m.items()} for m in mem]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="requests/s through nginx with 1..N replicas")
    parser.add_argument("--index", type=Path, required=True, help="index root to publish to the replicas")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--replicas", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--queries", type=Path, default=None,
                        help="a file of queries, one per line (default: words of the index's vocabulary)")
    args = parser.parse_args(argv)
    queries = _queries(args.index, args.queries)
    work = args.out / "replicas"
    shutil.rmtree(work, ignore_errors=True)
    # The baseline, in the same process: one replica without nginx.
    rows = [_measure(args.index, work, 1, queries, args.clients, args.seconds, direct=True)]
    rows += [_measure(args.index, work, n, queries, args.clients, args.seconds)
             for n in range(1, args.replicas + 1)]
    base = rows[0]["requests_per_s"] or 1.0
    print(f"{'replicas':>8} {'via':>6} {'requests/s':>11} {'ratio':>6} {'failed':>6} "
          f"{'replica ms':>10} {'nginx ms':>8}  replica RSS MB at start -> after (private)")
    for row in rows:
        cpu = row["cpu_ms_per_request"]
        rss = ", ".join(f"{a['rss']}->{b['rss']} ({b.get('private', '?')})"
                        for a, b in zip(row["replica_memory_start_mb"], row["replica_memory_mb"]))
        print(f"{row['replicas']:>8} {'nginx' if row['nginx'] else 'direct':>6} "
              f"{row['requests_per_s']:>11.1f} {row['requests_per_s'] / base:>6.2f} "
              f"{row['failed']:>6} {cpu['replicas']:>10.2f} {cpu['nginx']:>8.2f}  {rss}")
    (args.out / "replicas.json").write_text(json.dumps({"cores": os.cpu_count(), "rows": rows}, indent=1))
    return 0


def _queries(index_root: Path, path: Path | None) -> list[str]:
    if path is not None:
        return [q for q in path.read_text(encoding="utf-8").splitlines() if q.strip()]
    from indexer.engine.generations import current

    gen = current(index_root)
    if gen is None:
        raise SystemExit(f"no index in {index_root}")
    vocab = json.loads((gen.path / "vocabulary.json").read_text(encoding="utf-8"))
    words = vocab.get("words", vocab) if isinstance(vocab, dict) else vocab
    ranked = sorted(words.items(), key=lambda kv: -kv[1])[50:1050] if isinstance(words, dict) else []
    return [w for w, _ in ranked] or ["the"]


if __name__ == "__main__":
    raise SystemExit(main())
