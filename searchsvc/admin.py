"""The admin API: the bearer token, and index updates run as background tasks.

POST /api/admin/update starts ``python -m indexer update --corpus <ARCHIVE_CORPUS>
--index <ARCHIVE_INDEX>`` in a subprocess and answers 202 with the task; GET
/api/admin/tasks/{id} reports it. A task is a JSON file (and a log of its
output) under ``<index root>/.tasks/``, so whichever worker answers can report
a task another worker started. One update at a time: the starting worker holds
an exclusive ``flock`` on ``.tasks/.lock`` until the subprocess ends (the
kernel drops it if the worker dies), and a second request gets 409 naming the
running task. The subprocess inherits the lock too, so it stays held while the
update runs even if the worker that started it is gone; a task recorded as
running while nobody holds the lock lost its process, and is reported failed.

Every admin route needs ``Authorization: Bearer <ARCHIVE_ADMIN_TOKEN>``,
compared in constant time; with no token configured the routes answer 404.

>>> valid_task_id("0123456789abcdef"), valid_task_id("../CURRENT")
(True, False)
"""

from __future__ import annotations

import fcntl
import hmac
import json
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.requests import Request

from indexer.engine.generations import write_atomic
from searchsvc.errors import APIError, NotFound, Unauthorized
from searchsvc.settings import Settings

TASK_DIR = ".tasks"
LOCK_FILE = ".lock"
RUNNING_FILE = "RUNNING"
KEEP_TASKS = 50  # finished tasks kept for reporting; older ones are deleted
OUTPUT_CHARS = 4000  # tail of a task's output returned by GET
PROJECT = Path(__file__).resolve().parent.parent  # where `python -m indexer` is importable
_TASK_ID = re.compile(r"[0-9a-f]{16}")


class Conflict(APIError):
    status = 409
    title = "Conflict"


def valid_task_id(task_id: str) -> bool:
    return bool(_TASK_ID.fullmatch(task_id))


def check_token(request: Request, settings: Settings) -> None:
    """Raise unless the request carries the admin token (404 when none is configured).

    The scheme is "Bearer" in any case; the token itself is compared as bytes
    with ``hmac.compare_digest`` so the time taken says nothing about it.
    """
    if not settings.admin_token:
        raise NotFound("the admin API is disabled (set ARCHIVE_ADMIN_TOKEN)")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # Starlette decodes headers as latin-1: encoding back gives the bytes that were sent.
    sent = given.strip().encode("latin-1", "replace")
    ok = hmac.compare_digest(sent, settings.admin_token.encode("utf-8"))
    if not (ok and scheme.lower() == "bearer"):
        raise Unauthorized("a valid 'Authorization: Bearer <token>' header is required",
                           headers={"www-authenticate": "Bearer"})


def update_command(settings: Settings) -> list[str]:
    return [sys.executable, "-m", "indexer", "update", "--corpus", str(settings.corpus),
            "--index", str(settings.index_root), "--quiet"]


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Tasks:
    """Background update tasks recorded under ``<index root>/.tasks``."""

    def __init__(self, settings: Settings, on_finished: Callable[[dict], None] | None = None,
                 command: Callable[[Settings], list[str]] | None = None) -> None:
        self.settings = settings
        self.dir = Path(settings.index_root) / TASK_DIR
        self.on_finished = on_finished
        self.command = command or update_command

    # -- files ---------------------------------------------------------------------------
    def _path(self, task_id: str, suffix: str = ".json") -> Path:
        return self.dir / f"{task_id}{suffix}"

    def _write(self, task: dict) -> None:
        write_atomic(self._path(task["id"]), json.dumps(task, indent=1))

    def get(self, task_id: str) -> dict[str, Any]:
        """The task with the tail of its output; NotFound for unknown or malformed ids."""
        if not valid_task_id(task_id):
            raise NotFound([("task_id", "no such task (ids are 16 hex digits)")])
        try:
            task = json.loads(self._path(task_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise NotFound([("task_id", f"no task {task_id}")]) from None
        task = self._settled(task)
        try:
            with open(self._path(task_id, ".log"), "rb") as f:
                f.seek(max(0, os.fstat(f.fileno()).st_size - OUTPUT_CHARS))
                output = f.read().decode("utf-8", "replace")
        except OSError:
            output = ""
        lines = [ln for ln in output.splitlines() if ln.strip()]
        return {**task, "output": output, "progress": lines[-1] if lines else ""}

    def outcomes(self) -> dict[str, int]:
        """Finished tasks by state, read from the files (so every worker agrees)."""
        counts = {"succeeded": 0, "failed": 0}
        try:
            files = list(self.dir.glob("*.json"))
        except OSError:
            return counts
        for path in files:
            try:
                state = self._settled(json.loads(path.read_text(encoding="utf-8"))).get("state")
            except (OSError, ValueError, AttributeError):
                continue
            if state in counts:
                counts[state] += 1
        return counts

    def _settled(self, task: dict) -> dict:
        """``task``, marked failed (and saved so) when it says running but its process is gone.

        Whoever runs an update holds the lock (the worker, and the update process
        itself), so a lock nobody holds means nobody is running it.
        """
        if task.get("state") != "running" or self._lock_held():
            return task
        # Read again under the lock: a task that finished meanwhile was written first.
        try:
            task = json.loads(self._path(task["id"]).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError):
            return task
        if task.get("state") != "running":
            return task
        task = {**task, "state": "failed", "finished_at": _now(),
                "error": "the process running this update stopped before it finished (a worker "
                         "or the update itself was killed); its outcome is unknown: run it again"}
        self._write(task)
        return task

    def _lock_held(self) -> bool:
        try:
            fd = os.open(self.dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return True  # cannot tell: leave the task as it is
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)  # closing drops a lock we took
        return False

    # -- starting ------------------------------------------------------------------------
    def start_update(self) -> dict[str, Any]:
        """Start an update in the background; Conflict if one is running anywhere."""
        self.dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            try:
                running = (self.dir / RUNNING_FILE).read_text(encoding="utf-8").strip()
            except OSError:
                running = "another task"
            raise Conflict([(None, f"update {running} is still running; try again when it "
                             "has finished")]) from None
        try:
            task = {"id": secrets.token_hex(8), "kind": "update", "state": "running",
                    "started_at": _now(), "finished_at": None, "seconds": None,
                    "exit_code": None}
            self._write(task)
            write_atomic(self.dir / RUNNING_FILE, task["id"])
            self._cleanup()
            thread = threading.Thread(target=self._run, args=(task, fd), daemon=True,
                                      name=f"update-{task['id']}")
            thread.start()
        except BaseException:
            os.close(fd)  # closing drops the lock
            raise
        return task

    def _run(self, task: dict, lock_fd: int) -> None:
        started = time.monotonic()
        try:
            with open(self._path(task["id"], ".log"), "wb") as log:
                try:
                    # The update holds the lock as well (pass_fds): if this worker
                    # dies, the lock still says the update is running.
                    proc = subprocess.run(self.command(self.settings), cwd=PROJECT, stdout=log,
                                          stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                          check=False, pass_fds=(lock_fd,))
                    code = proc.returncode
                except OSError as exc:
                    log.write(f"cannot start the update: {exc}\n".encode())
                    code = -1
            task = {**task, "state": "succeeded" if code == 0 else "failed",
                    "exit_code": code, "finished_at": _now(),
                    "seconds": round(time.monotonic() - started, 2)}
            self._write(task)
        finally:
            try:
                (self.dir / RUNNING_FILE).unlink(missing_ok=True)
            finally:
                os.close(lock_fd)
        if self.on_finished is not None:
            self.on_finished(task)

    def _cleanup(self) -> None:
        try:
            tasks = sorted(self.dir.glob("*.json"), key=lambda p: p.stat().st_mtime,
                           reverse=True)
        except OSError:  # another worker removed one meanwhile: next time
            return
        for old in tasks[KEEP_TASKS:]:
            for path in (old, old.with_suffix(".log")):
                path.unlink(missing_ok=True)
