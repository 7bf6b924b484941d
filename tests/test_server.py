"""End to end: a real uvicorn process on a free loopback port, queried with httpx."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from conftest import running_server
from svc_corpus import build, paragraphs

pytestmark = pytest.mark.server


def test_real_server_serves_search_health_and_pages(tmp_path):
    build(tmp_path)
    with running_server(tmp_path) as base:
        health = httpx.get(f"{base}/healthz", timeout=5).json()
        assert health["ok"] and health["paragraphs"] == len(paragraphs())
        body = httpx.get(f"{base}/api/search", params={"q": "asylum", "group": "paragraph"}, timeout=5).json()
        assert body["total"] == 3 and "<mark>" in body["hits"][0]["snippet"]
        page = httpx.get(f"{base}/", params={"q": "asylum", "group": "paragraph"}, timeout=5)
        assert page.status_code == 200 and page.headers["x-frame-options"] == "DENY"
        bad = httpx.get(f"{base}/api/search", params={"size": "0"}, timeout=5)
        assert bad.status_code == 400 and bad.json()["ok"] is False


def test_real_server_without_index_reports_503_then_loads_one(tmp_path):
    with running_server(tmp_path) as base:
        assert httpx.get(f"{base}/healthz", timeout=5).status_code == 503
        build(tmp_path)
        for _ in range(100):
            r = httpx.get(f"{base}/healthz", timeout=5)
            if r.status_code == 200:
                break
            import time
            time.sleep(0.1)
        assert r.status_code == 200 and r.json()["documents"] == 5


def test_bad_setting_exits_2_with_a_message(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import REPO

    env = {**os.environ, "ARCHIVE_MAX_PAGE_SIZE": "zero"}
    proc = subprocess.run([sys.executable, "-m", "searchsvc", "--index", str(tmp_path)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Error: ARCHIVE_MAX_PAGE_SIZE")


def _connections_by_process(port: int) -> dict[int, int]:
    """Established TCP connections on local ``port``, per process holding them (Linux /proc)."""
    from pathlib import Path

    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            cols = line.split()
            if int(cols[1].rsplit(":", 1)[1], 16) == port and cols[3] == "01":  # 01: ESTABLISHED
                inodes.add(cols[9])
    out = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            links = [str(fd.readlink()) for fd in (proc / "fd").iterdir()]
        except OSError:
            continue
        held = sum(1 for link in links if link.startswith("socket:[") and link[8:-1] in inodes)
        if held:
            out[int(proc.name)] = held
    return out


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_two_workers_both_take_connections(tmp_path):
    # The supervisor deals connections to the workers in turn: an even split,
    # where a shared socket handed nearly all to one and an address hash
    # (SO_REUSEPORT) split 8 clients 7 to 1 in some load tests.
    build(tmp_path)
    with running_server(tmp_path, workers=2) as base:
        port = int(base.rsplit(":", 1)[1])
        clients = [httpx.Client(base_url=base, timeout=5) for _ in range(32)]
        try:
            from concurrent.futures import ThreadPoolExecutor

            def ask(c: httpx.Client) -> int:  # the keep-alive connection stays open
                return c.get("/api/search", params={"q": "asylum", "group": "paragraph"}).json()["total"]

            with ThreadPoolExecutor(len(clients)) as pool:  # all at once, as visitors come
                assert list(pool.map(ask, clients)) == [3] * len(clients)
            import os
            held = {pid: n for pid, n in _connections_by_process(port).items() if pid != os.getpid()}
            assert sorted(held.values()) == [16, 16], held  # a shared socket: 26 or 27 to one
        finally:
            for c in clients:
                c.close()


def test_a_second_server_on_a_taken_port_fails(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import REPO

    build(tmp_path)
    with running_server(tmp_path, workers=2) as base:
        port = base.rsplit(":", 1)[1]
        env = {**os.environ, "ARCHIVE_AUTO_BUILD": "0"}
        proc = subprocess.run([sys.executable, "-m", "searchsvc", "--index", str(tmp_path), "--host",
                               "127.0.0.1", "--port", port, "--workers", "2"],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 1
        assert "cannot listen" in proc.stderr
        assert httpx.get(f"{base}/healthz", timeout=5).status_code == 200


def _server_processes(port: int) -> tuple[int, list[int]]:
    """(supervisor pid, worker pids) of the `python -m searchsvc` serving ``port``."""
    from pathlib import Path

    mine = {}
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes()
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if b"searchsvc\0" in cmdline and f"--port\0{port}\0".encode() in cmdline:
            mine[int(proc.name)] = ppid
    parents = [pid for pid, ppid in mine.items() if ppid not in mine]
    assert len(parents) == 1, mine
    return parents[0], sorted(pid for pid in mine if pid != parents[0])


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_a_worker_that_dies_is_replaced(tmp_path):
    import os
    import signal
    import time

    build(tmp_path)
    with running_server(tmp_path, workers=2) as base:
        port = int(base.rsplit(":", 1)[1])
        _, workers = _server_processes(port)
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
        deadline = time.monotonic() + 30
        while True:
            _, now = _server_processes(port)
            if len(now) == 2 and workers[0] not in now:
                break
            assert time.monotonic() < deadline, now
            time.sleep(0.2)
        for _ in range(50):  # whichever worker a connection lands on, it answers
            with httpx.Client(base_url=base, timeout=30) as c:
                assert c.get("/api/search", params={"q": "asylum", "group": "paragraph"}).json()["total"] == 3


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_sigterm_stops_supervisor_and_workers_without_failing_answers(tmp_path):
    # Clients keep asking while the service is told to stop: every answer given
    # is a whole 200 (refused or closed connections are fine, half answers or
    # 5xx are not), and the supervisor and its workers are gone soon after.
    import os
    import signal
    import threading
    import time

    build(tmp_path)
    with running_server(tmp_path, workers=2) as base:
        port = int(base.rsplit(":", 1)[1])
        supervisor, workers = _server_processes(port)
        statuses: list[int] = []
        stop = threading.Event()

        def ask() -> None:
            with httpx.Client(base_url=base, timeout=10) as c:
                while not stop.is_set():
                    try:
                        r = c.get("/api/search", params={"q": "asylum", "group": "paragraph"})
                    except httpx.HTTPError:
                        continue
                    whole = r.status_code != 200 or r.json()["total"] == 3
                    statuses.append(r.status_code if whole else -1)

        threads = [threading.Thread(target=ask) for _ in range(6)]
        for t in threads:
            t.start()
        time.sleep(1.0)
        answered = len(statuses)
        os.kill(supervisor, signal.SIGTERM)
        deadline = time.monotonic() + 20
        while any(Path(f"/proc/{pid}").exists() and b"zombie" not in _state(pid)
                  for pid in [supervisor, *workers]):
            assert time.monotonic() < deadline, "the service did not stop"
            time.sleep(0.1)
        stop.set()
        for t in threads:
            t.join()
        assert answered > 10
        assert set(statuses) == {200}, sorted(set(statuses))


def _state(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/status").read_bytes().lower()
    except OSError:
        return b"zombie"
