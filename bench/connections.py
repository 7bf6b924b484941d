"""Connections that hold a worker: ``python -m bench.connections INDEX_ROOT [--repo DIR]``.

Starts ``python -m searchsvc`` (from ``--repo``, so another checkout can be
compared) with one worker on a free port, then, while one normal client
searches every 50 ms:

- one connection sends a header of up to 100 MB: how long until the server
  stops it, how much it took, and the normal client's slowest answer meanwhile;
- 20 connections say nothing, and 20 send their request head a byte every
  0.5 s: how long each stays open (cut at 45 s).

Prints one ``RESULT {json}`` line.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
CUT = 45.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Normal(threading.Thread):
    """A visitor searching every 50 ms; keeps its latencies."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base, self.ms, self.errors = base, [], 0
        self.stop = threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=60) as c:
            while not self.stop.is_set():
                t = time.perf_counter()
                try:
                    c.get(f"{self.base}/api/search", params={"q": "strike"})
                    self.ms.append((time.perf_counter() - t) * 1000)
                except httpx.HTTPError:
                    self.errors += 1
                time.sleep(0.05)


def big_header(port: int) -> dict:
    started, sent, stopped = time.monotonic(), 0, False
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"GET /api/search?q=x HTTP/1.1\r\nhost: x\r\nx-big: ")
        chunk = b"a" * (1 << 20)
        try:
            for _ in range(100):
                s.sendall(chunk)
                sent += len(chunk)
            s.sendall(b"\r\n\r\n")
            s.settimeout(CUT)
            s.recv(100)
        except OSError:
            stopped = True
    return {"seconds": round(time.monotonic() - started, 2), "sent_mb": round(sent / 2**20, 1),
            "stopped_by_server": stopped}


def held(port: int, slow: bool) -> float:
    """Seconds until the server closes a connection that is silent or drips bytes."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.settimeout(0.5)
        if slow:
            s.sendall(b"GET /api/search?q=x HTTP/1.1\r\n")
        while time.monotonic() - started < CUT:
            try:
                if slow:
                    s.sendall(b"x")
                if s.recv(100) == b"":
                    break
            except socket.timeout:
                continue
            except OSError:
                break
    return round(time.monotonic() - started, 2)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.connections")
    ap.add_argument("index_root", type=Path)
    ap.add_argument("--repo", type=Path, default=REPO)
    args = ap.parse_args(argv)
    port = free_port()
    env = {**os.environ, "ARCHIVE_AUTO_BUILD": "0", "ARCHIVE_INDEX": str(args.index_root)}
    server = subprocess.Popen([sys.executable, "-m", "searchsvc", "--port", str(port),
                               "--workers", "1"], cwd=args.repo, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code in (200, 503):
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        normal = Normal(base)
        normal.start()
        time.sleep(1)
        before = len(normal.ms)
        attack = big_header(port)
        during = normal.ms[before:]
        result = {"big_header": attack,
                  "normal_during_big_header_ms": {
                      "max": round(max(during), 1) if during else None,
                      "median": round(statistics.median(during), 1) if during else None,
                      "answers": len(during)}}
        for slow in (False, True):
            times: list[float] = []
            threads = [threading.Thread(target=lambda: times.append(held(port, slow)))
                       for _ in range(20)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            key = "slow_header_open_s" if slow else "silent_open_s"
            result[key] = {"median": statistics.median(times), "max": max(times)}
        normal.stop.set()
        normal.join()
        result["normal_errors"] = normal.errors
        print("RESULT " + json.dumps(result))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
