"""Fixtures shared across the suite: the ../shared data, free ports, a real uvicorn."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ARCHIVE_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (corpora and gold labels); tests that need it skip when it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"shared data not found at {SHARED} (set ARCHIVE_SHARED to its path)")
    return SHARED


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(
    index: Path, env: dict[str, str] | None = None, workers: int = 1, timeout: float = 30.0,
    log: Path | None = None, ready: tuple[int, ...] = (200, 503),
) -> Iterator[str]:
    """Start ``python -m searchsvc`` on a free loopback port; yield its base URL; stop it.

    The server's output goes to ``log`` (a temporary file when None); it is
    ready when /healthz answers one of ``ready``.
    """
    import httpx

    port = free_port()
    full_env = {**os.environ, "ARCHIVE_INDEX": str(index), "ARCHIVE_WORKERS": str(workers),
                "ARCHIVE_RELOAD_SECONDS": "0.5", "ARCHIVE_AUTO_BUILD": "0", **(env or {})}
    # A file, not a pipe nobody reads: under load uvicorn's access log would fill
    # the 64 KB pipe buffer and every worker would block writing to it.
    out = open(log, "w+b") if log is not None else tempfile.TemporaryFile()  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "searchsvc", "--index", str(index), "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(workers)],
        cwd=REPO, env=full_env, stdout=out, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                out.seek(0)
                text = out.read().decode(errors="replace")
                raise RuntimeError(f"server exited with {proc.returncode}:\n{text[-3000:]}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code in ready:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start in time")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        out.close()
