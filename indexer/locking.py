"""One writer at a time per index root.

An exclusive ``flock`` on ``.writer.lock``: the kernel releases it when the
holder dies, even by SIGKILL, so a lock can never be left stale. The file also
records the holder's pid and command so a second writer can say who is busy;
a pid left behind by a dead process is just reported as cleared.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".writer.lock"


class WriterBusy(RuntimeError):
    """Another build or update holds the index root."""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def writer_lock(root: Path, what: str) -> Iterator[str | None]:
    """Hold the index root's writer lock; yields a note when a dead holder's lock was cleared."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise WriterBusy(
                f"index {root} is being written by {holder}; try again when it has finished"
            ) from None
        previous = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
        note = None
        if previous:
            pid = previous.split()[0]
            if pid.isdigit() and not _pid_alive(int(pid)):
                note = f"cleared a stale lock left by process {previous}"
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {what} since {time.strftime('%H:%M:%S')}".encode(), 0)
        try:
            yield note
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
