"""Two service workers behind one port, run four ways (see bench/process_managers.py).

Each setup starts its processes, says which are workers and which manage them,
which worker serves a given client connection, and stops everything it started.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bench.loadgen import Connection, HTTPError
from bench.run import REPO, _children

WORKERS = 2
READY_SECONDS = 180.0
HOST = "127.0.0.1"
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def service_env(index_root: Path) -> dict[str, str]:
    # As the serve benchmark: no response cache (every request computed), no rate limit.
    return {**os.environ, "ARCHIVE_INDEX": str(index_root), "ARCHIVE_AUTO_BUILD": "0",
            "ARCHIVE_RATE_LIMIT": "0", "ARCHIVE_CACHE_SIZE": "0"}


def launch(cmd: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
    with open(log, "ab") as out:
        return subprocess.Popen(cmd, cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT)


def end(proc: subprocess.Popen, sig: int = signal.SIGTERM, wait: float = 40.0) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def end_leftovers(pids: list[int], mark: str) -> None:
    """SIGKILL workers orphaned by a manager that had to be killed: only processes
    whose command line still names this setup's port (``mark``), not a reused PID."""
    for pid in pids:
        try:
            if mark in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
                os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


class TrackedConnection(Connection):
    @property
    def local_port(self) -> int | None:
        return self._sock.getsockname()[1] if self._sock is not None else None


def socket_owners(server_port: int, client_ports: list[int], pids: list[int]) -> dict[int, int | None]:
    """Which of ``pids`` holds the server end of each loopback connection from ``client_ports``."""
    inodes = {}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        f = line.split()
        inodes[(int(f[1].split(":")[1], 16), int(f[2].split(":")[1], 16))] = f[9]
    owners: dict[str, int] = {}
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if link.startswith("socket:["):
                owners[link[8:-1]] = pid
    return {p: owners.get(inodes.get((server_port, p), "")) for p in client_ports}


_SEARCHES = re.compile(r'^archive_requests_total\{[^}]*endpoint="/api/search"[^}]*\} (\S+)$', re.MULTILINE)


def searches_served(port: int) -> int:
    """Search requests one worker has answered, from its /metrics."""
    with Connection(HOST, port, timeout=10) as c:
        _, body = c.get("/metrics")
    return int(sum(float(x) for x in _SEARCHES.findall(body.decode())))


def answers(port: int) -> bool:
    """Whether a fresh connection's health check is answered."""
    return answering_port(port, lambda _: True) is not None


def answering_port(port: int, owner: Callable[[int], T]) -> T | None:
    """``owner(client port)`` of a fresh connection whose health check was answered,
    asked while the connection is still open; None if it was not answered."""
    try:
        with TrackedConnection(HOST, port, timeout=2) as c:
            status, _ = c.get("/healthz")
            return owner(c.local_port) if status == 200 and c.local_port is not None else None
    except (OSError, HTTPError):
        return None


class Setup:
    """Two service workers behind ``self.port``; subclasses say how they are run."""

    name = ""

    def __init__(self, index_root: Path, work: Path) -> None:
        self.index_root, self.work, self.port = index_root, work, free_port()
        work.mkdir(parents=True, exist_ok=True)
        self.seen_workers: list[int] = []

    def workers(self) -> list[int]:
        raise NotImplementedError

    def managers(self) -> list[int]:
        """Processes that are not workers: the supervisor, the arbiter, nginx."""
        raise NotImplementedError

    def serving(self, client_ports: list[int]) -> dict[int, int | None]:
        """The worker serving each of the load's connections, where that can be seen."""
        return socket_owners(self.port, client_ports, self.workers())

    def searches_by_worker(self, by_port: Counter) -> dict[int, int]:
        owners = self.serving(list(by_port))
        served = Counter({pid: 0 for pid in self.workers()})
        for p, n in by_port.items():
            if owners.get(p) is not None:
                served[owners[p]] += n
        return dict(served)

    def mark(self) -> None:
        """Called before a measured load (counters that only grow are read here)."""

    def answering(self) -> set[int]:
        """The worker that answered a fresh connection's health check (none if it failed)."""
        pid = answering_port(self.port, lambda p: self.serving([p]).get(p))
        return {pid} if pid is not None else set()

    def wait_ready(self) -> None:
        deadline, seen = time.monotonic() + READY_SECONDS, set()
        while time.monotonic() < deadline:
            current = self.workers()
            seen |= self.answering()
            if len(current) == WORKERS and seen >= set(current):
                return
            time.sleep(0.05)
        raise SystemExit(f"{self.name}: workers not ready after {READY_SECONDS:.0f} s (logs in {self.work})")

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class ManagedWorkers(Setup):
    """One manager process whose children are the workers."""

    def command(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> None:
        self.main = launch(self.command(), self.work / "server.log", service_env(self.index_root))

    def workers(self) -> list[int]:
        if self.main.poll() is not None:
            raise SystemExit(f"{self.name} exited with {self.main.returncode} (logs in {self.work})")
        kids = sorted(_children(self.main.pid))
        self.seen_workers = sorted(set(self.seen_workers) | set(kids))
        return kids

    def managers(self) -> list[int]:
        return [self.main.pid]

    def stop(self) -> None:
        end(self.main)
        end_leftovers(self.seen_workers, str(self.port))


class Supervisor(ManagedWorkers):
    name = "supervisor"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "searchsvc", "--workers", str(WORKERS), "--host", HOST,
                "--port", str(self.port)]


class Gunicorn(ManagedWorkers):
    name = "gunicorn"
    extra: tuple[str, ...] = ()

    def command(self) -> list[str]:
        # Access lines written to a file as the other setups write theirs: the same work.
        return [sys.executable, "-m", "gunicorn", "-w", str(WORKERS),
                "-k", "bench.gunicorn_worker.GuardedUvicornWorker", "-b", f"{HOST}:{self.port}",
                "--access-logfile", str(self.work / "access.log"), *self.extra,
                "searchsvc.app:create_app_from_env()"]


class GunicornReusePort(Gunicorn):
    name = "gunicorn-reuseport"
    extra = ("--reuse-port",)


# nginx unprivileged from a scratch folder, around a site configuration (``{site}``).
NGINX_MAIN = """daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{site}
}}
"""

NGINX_SITE = """    keepalive_requests 1000000;
    upstream search {{
        {servers}
        keepalive 64;
        keepalive_requests 1000000;
        keepalive_timeout 4s;  # under the service's idle timeout (5 s): nginx closes first
    }}
    server {{
        listen {host}:{port};
        location / {{
            proxy_pass http://search;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
        }}
    }}"""


class Nginx(Setup):
    """nginx in front of single-worker services; this process restarts a backend that dies."""

    name = "nginx"

    def start(self) -> None:
        self.ports = [free_port() for _ in range(WORKERS)]
        self.backends = [self._backend(p) for p in self.ports]
        self.restarts: list[tuple[float, int]] = []
        self.marked: dict[int, int] = {}
        self.stopping = threading.Event()
        servers = "\n        ".join(f"server {HOST}:{p};" for p in self.ports)
        conf = self.work / "nginx.conf"
        conf.write_text(NGINX_MAIN.format(work=self.work, site=NGINX_SITE.format(
            servers=servers, host=HOST, port=self.port)))
        self.nginx = launch(["nginx", "-p", str(self.work), "-c", str(conf),
                             "-e", str(self.work / "error.log")], self.work / "nginx.log", dict(os.environ))
        self.keeper = threading.Thread(target=self._keep_backends, daemon=True)
        self.keeper.start()

    def _backend(self, port: int) -> subprocess.Popen:
        return launch([sys.executable, "-m", "searchsvc", "--workers", "1", "--host", HOST,
                       "--port", str(port)], self.work / f"backend-{port}.log", service_env(self.index_root))

    def _keep_backends(self) -> None:
        while not self.stopping.wait(0.1):
            for i, proc in enumerate(self.backends):
                if proc.poll() is not None:
                    self.backends[i] = self._backend(self.ports[i])
                    self.restarts.append((time.perf_counter(), self.backends[i].pid))

    def workers(self) -> list[int]:
        if self.nginx.poll() is not None:
            raise SystemExit(f"nginx exited with {self.nginx.returncode} (logs in {self.work})")
        return sorted(p.pid for p in self.backends)

    def managers(self) -> list[int]:
        return [self.nginx.pid, *_children(self.nginx.pid)]

    def serving(self, client_ports: list[int]) -> dict[int, int | None]:
        return {}  # nginx holds the clients' connections; each request may go to either backend

    def mark(self) -> None:
        self.marked = {proc.pid: searches_served(port) for proc, port in zip(self.backends, self.ports)}

    def searches_by_worker(self, by_port: Counter) -> dict[int, int]:
        return {proc.pid: searches_served(port) - self.marked.get(proc.pid, 0)
                for proc, port in zip(self.backends, self.ports)}

    def answering(self) -> set[int]:
        return {proc.pid for proc, port in zip(self.backends, self.ports) if answers(port)}

    def wait_ready(self) -> None:
        super().wait_ready()
        deadline = time.monotonic() + READY_SECONDS
        while not answers(self.port):
            if time.monotonic() > deadline:
                raise SystemExit(f"nginx not answering (logs in {self.work})")
            time.sleep(0.05)

    def stop(self) -> None:
        self.stopping.set()
        self.keeper.join()
        end(self.nginx, wait=15)
        for proc in self.backends:
            end(proc)


SETUPS = {s.name: s for s in (Supervisor, Gunicorn, GunicornReusePort, Nginx)}
