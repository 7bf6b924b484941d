"""python -m searchsvc [--index DIR] [--host H] [--port P] [--workers N]

Options override the environment (ARCHIVE_INDEX, ARCHIVE_HOST, ARCHIVE_PORT,
ARCHIVE_WORKERS); everything else is read by Settings.from_env().
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

import uvicorn

from indexer.schema import CURRENT_FILE
from searchsvc import workers
from searchsvc.connections import ConnectionLimits, guarded_protocol
from searchsvc.settings import Settings, SettingsError


def ensure_index(root: Path, explicit: bool = False) -> bool:
    """Build the index from ARCHIVE_CORPUS (default: the sample corpus) when there is none.

    So the README's first command serves something on a fresh checkout. An
    index path the operator named (``--index`` or ARCHIVE_INDEX) that holds no
    index is more likely a typo than a new archive: that is an error, unless
    the corpus to build it from is named too (ARCHIVE_CORPUS). The build runs
    as its own process: the service imports the index engine and schema only.
    """
    if (root / CURRENT_FILE).is_file() or os.environ.get("ARCHIVE_AUTO_BUILD", "1") == "0":
        return True
    if explicit and "ARCHIVE_CORPUS" not in os.environ:
        state = ("does not exist" if not root.exists() else "is not a folder" if not root.is_dir()
                 else "holds no index (no CURRENT file)")
        print(f"Error: the index folder {root} {state}. Check the path, or build an index there: "
              f"python -m indexer build --corpus DIR --index {root} (started without --index and "
              "ARCHIVE_INDEX, the service builds and serves the sample archive).", file=sys.stderr)
        return False
    corpus = Path(os.environ.get("ARCHIVE_CORPUS", "corpus"))
    if not corpus.is_dir():
        print(f"No index in {root} and no corpus folder {corpus} to build one from; serving "
              "without an index (set ARCHIVE_CORPUS, or run `python -m indexer build`).",
              file=sys.stderr)
        return True  # /healthz says 503 until an index appears; the service then picks it up
    print(f"No index in {root}: building one from {corpus} first.", file=sys.stderr)
    done = subprocess.run([sys.executable, "-m", "indexer", "build", "--corpus", str(corpus),
                           "--index", str(root)], check=False)
    if done.returncode != 0:
        print(f"Error: building the index failed (exit {done.returncode})", file=sys.stderr)
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m searchsvc",
                                     description="Serve the archive search site and API.")
    parser.add_argument("--index", help="index root holding CURRENT (env ARCHIVE_INDEX)")
    parser.add_argument("--host", help="address to listen on (env ARCHIVE_HOST)")
    parser.add_argument("--port", type=int, help="port (env ARCHIVE_PORT)")
    parser.add_argument("--workers", type=int, help="worker processes (env ARCHIVE_WORKERS)")
    args = parser.parse_args(argv)
    explicit_index = args.index is not None or "ARCHIVE_INDEX" in os.environ
    # Workers are separate processes that read the environment themselves.
    for var, value in (("ARCHIVE_INDEX", args.index), ("ARCHIVE_HOST", args.host),
                       ("ARCHIVE_PORT", args.port), ("ARCHIVE_WORKERS", args.workers)):
        if value is not None:
            os.environ[var] = str(value)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    if not ensure_index(settings.index_root, explicit=explicit_index):
        return 1
    logging.basicConfig(level=logging.INFO, format="%(message)s"
                        if settings.access_log_json else "%(levelname)s %(name)s: %(message)s")
    config = uvicorn.Config(
        "searchsvc.app:create_app_from_env",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        # Our JSON access log replaces uvicorn's plain one when switched on.
        access_log=not settings.access_log_json,
        proxy_headers=False,
        http=guarded_protocol(ConnectionLimits(
            max_header_bytes=settings.max_header_bytes, max_headers=settings.max_headers,
            header_timeout=settings.header_timeout, idle_timeout=settings.idle_timeout,
            read_timeout=settings.read_timeout)),
        timeout_keep_alive=settings.idle_timeout,  # type: ignore[arg-type]
        h11_max_incomplete_event_size=settings.max_header_bytes,
    )
    try:
        workers.serve(config, probe_seconds=settings.probe_seconds,
                      probe_timeout=settings.probe_timeout)
    except OSError as exc:  # the port is taken, the address is not ours, ...
        print(f"Error: cannot listen on {settings.host}:{settings.port}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
