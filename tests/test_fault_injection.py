"""Damage each kind of file of a served generation under load (issue 21, item 6).

A real service with two workers serves a generation while four clients search.
One file is truncated, deleted or corrupted; the test then checks that no
worker died, that /healthz reports the damage on every worker (503, no absolute
path), and that every request got 200 or a clear 503: never a 500, never a
dropped connection. A fresh generation is then built, the service switches to
it, and the next fault begins. The figures are printed (run with ``-s``).
"""

from __future__ import annotations

import collections
import json
import threading
import time
from urllib.parse import urlsplit

import httpx
import pytest
from conftest import running_server
from svc_corpus import build
from test_integrity import FAULTS, KINDS, absolute_paths_in, file_of
from test_server import _server_processes

from indexer.engine import generations

pytestmark = [pytest.mark.server, pytest.mark.slow]

REQUESTS = [("/api/search", {"q": "asylum"}), ("/api/search", {"q": "strike", "size": "5"}),
            ("/", {"q": "exile"}), ("/api/facets/person", {"q": "strike"}),
            ("/doc/letters/strike-1905.md", {}), ("/api/documents/essays/peace-1914.md", {}),
            ("/api/suggest", {"prefix": "str"})]


class Load:
    """Four clients searching in turn until stopped; every outcome counted."""

    def __init__(self, base: str, clients: int = 4) -> None:
        self.base = base
        self.outcomes: collections.Counter = collections.Counter()
        self.bad: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._client, args=(n,)) for n in range(clients)]

    def _client(self, n: int) -> None:
        k = n
        with httpx.Client(timeout=10) as c:
            while not self._stop.is_set():
                path, params = REQUESTS[k % len(REQUESTS)]
                k += 1
                try:
                    r = c.get(self.base + path, params=params)
                    outcome: int | str = r.status_code
                    if r.status_code == 503 and not r.text:
                        outcome = "503 without a body"
                except httpx.HTTPError as exc:
                    outcome = type(exc).__name__
                with self._lock:
                    self.outcomes[outcome] += 1
                    if outcome not in (200, 503):
                        self.bad.append(f"{path}: {outcome}")
                time.sleep(0.01)  # light load

    def __enter__(self) -> Load:
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for t in self._threads:
            t.join()


def health_of_every_worker(base: str, tries: int = 6) -> list[httpx.Response]:
    """/healthz on new connections: the supervisor deals them to the workers in turn."""
    return [httpx.get(f"{base}/healthz", timeout=10) for _ in range(tries)]


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_every_fault_of_a_served_generation_under_load(tmp_path):
    env = {"ARCHIVE_PROBE_SECONDS": "1", "ARCHIVE_PROBE_TIMEOUT": "3"}
    build(tmp_path)
    figures = {"faults": 0, "requests": collections.Counter(), "health_503": 0, "cases": []}
    with running_server(tmp_path, env=env, workers=2, ready=(200,)) as base:
        port = urlsplit(base).port
        _, workers = _server_processes(port)
        assert len(workers) == 2
        for kind in KINDS:
            for fault in FAULTS:
                build(tmp_path)  # a fresh, sound generation for each fault
                gen = generations.current(tmp_path)
                assert wait_for(lambda: all(
                    r.status_code == 200 and r.json()["generation"] == gen.name
                    for r in health_of_every_worker(base)), 20), f"{gen.name} never served"
                path = file_of(gen.path, kind)
                with Load(base) as load:
                    time.sleep(0.3)
                    FAULTS[fault](path)
                    reported = wait_for(lambda: all(
                        r.status_code == 503 for r in health_of_every_worker(base)), 10)
                    time.sleep(0.5)
                healths = health_of_every_worker(base)
                case = f"{kind} {fault}"
                assert reported, f"{case}: /healthz never said 503 on every worker"
                for r in healths:
                    assert r.status_code == 503 and r.json()["state"] == "degraded", case
                    assert path.name in r.text and not absolute_paths_in(r.text, tmp_path), r.text
                assert not load.bad, f"{case}: {load.bad[:5]}"
                assert _server_processes(port)[1] == workers, f"{case}: a worker died"
                figures["faults"] += 1
                figures["health_503"] += len(healths)
                figures["requests"].update(load.outcomes)
                figures["cases"].append({"case": case, **{str(k): v for k, v in
                                                          load.outcomes.items()}})
    figures["requests"] = {str(k): v for k, v in figures["requests"].items()}
    print("\nfault injection:", json.dumps({k: v for k, v in figures.items() if k != "cases"}))
    for c in figures["cases"]:
        print("  ", json.dumps(c))
