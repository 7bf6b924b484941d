"""What a plain run selects, the fixtures shared across the suite, a real uvicorn.

``python -m pytest`` is the quick loop: unit and API tests and the packages'
docstring examples. Tests marked ``slow``, ``server`` or ``browser`` are left
out of it; ``--all`` runs them too (CI does), and ``-m EXPR`` picks by marker
instead (``-m browser``: only those).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ARCHIVE_SHARED", REPO.parent / "shared"))
LEGACY_SITE = Path(__file__).parent / "fixtures" / "legacy_site"

# Tests a plain run leaves out: each takes seconds, starts a service or drives a browser.
LEFT_OUT = ("slow", "server", "browser")
LEFT_OUT_NAMED = f"{', '.join(LEFT_OUT[:-1])} and {LEFT_OUT[-1]}"
_LEFT_OUT_COUNT = pytest.StashKey[int]()


# -- which tests run ------------------------------------------------------------------------

def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--all", action="store_true", dest="run_all",
                     help=f"run the whole suite, the {LEFT_OUT_NAMED} tests too")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A marker expression of one's own (-m) decides alone, as it always does in pytest.
    if config.getoption("run_all") or config.getoption("markexpr"):
        return
    kept, left_out = [], []
    for item in items:
        (left_out if any(item.get_closest_marker(m) for m in LEFT_OUT) else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
        config.stash[_LEFT_OUT_COUNT] = len(left_out)


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    n = config.stash.get(_LEFT_OUT_COUNT, 0)
    if n:
        terminalreporter.write_line(
            f"{n} {LEFT_OUT_NAMED} tests left out: --all runs them too")


# -- shared data and indexes ----------------------------------------------------------------

@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (corpora and gold labels); tests that need it skip when it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"shared data not found at {SHARED} (set ARCHIVE_SHARED to its path)")
    return SHARED


@pytest.fixture(scope="session")
def svc_index(tmp_path_factory) -> Path:
    """tests/svc_corpus.py's archive built once for the session: read only, copy it to
    damage or change it."""
    import svc_corpus

    root = tmp_path_factory.mktemp("svc-index-built")
    svc_corpus.build(root)
    return root


@pytest.fixture(scope="module")
def index_root(tmp_path_factory, svc_index) -> Path:
    """A copy of ``svc_index`` for each module: services started on it write beside the
    generation (the rate limit's counter, admin tasks), and a module must not see another's
    counts."""
    root = tmp_path_factory.mktemp("svc-index")
    shutil.copytree(svc_index, root, dirs_exist_ok=True)
    return root


@pytest.fixture(scope="module")
def client(index_root):
    """A TestClient of the service on ``index_root``."""
    from svc_corpus import TestClient

    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    app = create_app(Settings(index_root=index_root, reload_seconds=0.2))
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def attack_index(tmp_path_factory) -> Path:
    """tests/attack_corpus.py's archive, in which hostile queries are expensive (read only)."""
    import attack_corpus

    return attack_corpus.build(tmp_path_factory.mktemp("attack-index"), attack_corpus.PARAGRAPHS)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Callable:
    """``sample_build(workers)``: the sample archive (corpus/) built once per number of
    workers in the session (None: the build's default), as (index root, build report).

    Read only: a test that changes an index builds its own.
    """
    from indexer.build import PROJECT_CORPUS, build_corpus

    built: dict = {}

    def build(workers: int | None = None):
        if workers not in built:
            root = tmp_path_factory.mktemp(f"sample-index-{workers or 'default'}")
            built[workers] = root, build_corpus(PROJECT_CORPUS, root, progress=False,
                                                workers=workers)
        return built[workers]

    return build


@pytest.fixture(scope="session")
def legacy_site_index(tmp_path_factory) -> Path:
    """The invented legacy newspaper site (tests/fixtures/legacy_site), built (read only)."""
    from indexer.build import build_corpus

    root = tmp_path_factory.mktemp("legacy-index")
    build_corpus(LEGACY_SITE, root, progress=False, workers=1)
    return root


# -- a real server --------------------------------------------------------------------------

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
