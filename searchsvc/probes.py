"""The supervisor's liveness probe: is each worker still answering requests?

A worker whose event loop is stuck (a runaway C call, a deadlock, SIGSTOP)
keeps its process alive, so the supervisor kept dealing it connections that
nobody would ever answer. Every ``interval`` seconds the supervisor hands each
worker a connection of its own making (one end of a socket pair, passed like
any accepted connection) and asks ``GET /healthz`` on the other end. Any HTTP
answer counts, 503 included: a worker with a damaged index still answers and
is no better after a restart. A worker that twice in a row does not answer
within ``timeout`` seconds is taken out of rotation and killed, and the
supervisor starts another in its place.

A worker is judged only once it has answered a probe: until then it may still
be loading its index.
"""

from __future__ import annotations

import logging
import select
import socket
import time
from collections.abc import Callable

log = logging.getLogger("searchsvc.workers")

FAILURES = 2  # probes in a row without an answer before a worker is replaced: one may be bad luck
REQUEST = b"GET /healthz HTTP/1.1\r\nhost: supervisor-probe\r\nconnection: close\r\n\r\n"


def _not_a_probe(record: logging.LogRecord) -> bool:
    """False for uvicorn's access-log line of a probe (no client address, GET /healthz)."""
    args = record.args
    return not (isinstance(args, tuple) and len(args) >= 3 and args[0] == ""
                and args[2] == "/healthz")


def quiet_probes() -> None:
    """Keep the probes out of a worker's access log: 24 lines a minute of nothing."""
    logging.getLogger("uvicorn.access").addFilter(_not_a_probe)


def ask(channels: list[socket.socket | None], timeout: float) -> list[bool | None]:
    """Probe every worker at once: True answered, False did not, None not asked."""
    pending: dict[socket.socket, int] = {}
    out: list[bool | None] = [None] * len(channels)
    for i, channel in enumerate(channels):
        if channel is None:
            continue
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            socket.send_fds(channel, [b"c"], [theirs.fileno()], socket.MSG_DONTWAIT)
            ours.sendall(REQUEST)
            ours.setblocking(False)
            pending[ours] = i
        except OSError:  # its channel is full or closed: it is not reading
            ours.close()
            out[i] = False
        finally:
            theirs.close()
    deadline = time.monotonic() + timeout
    while pending:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        readable, _, _ = select.select(list(pending), [], [], left)
        for sock in readable:
            try:
                head = sock.recv(16)
            except OSError:
                head = b""
            out[pending.pop(sock)] = head.startswith(b"HTTP/")
            sock.close()
    for sock, i in pending.items():
        out[i] = False
        sock.close()
    return out


class Prober:
    """Counts each worker's missed probes; says which ones to replace."""

    def __init__(self, workers: int) -> None:
        self.answered = [False] * workers  # judged only once up
        self.missed = [0] * workers

    def started(self, i: int) -> None:
        self.answered[i], self.missed[i] = False, 0

    def judge(self, results: list[bool | None]) -> list[int]:
        stuck = []
        for i, ok in enumerate(results):
            if ok is None:
                continue
            if ok:
                self.answered[i], self.missed[i] = True, 0
            elif self.answered[i]:
                self.missed[i] += 1
                if self.missed[i] >= FAILURES:
                    stuck.append(i)
        return stuck


def run(prober: Prober, channels: Callable[[], list[socket.socket | None]],
        replace: Callable[[int], None], interval: float, timeout: float,
        stop: Callable[[float], bool]) -> None:
    """Probe until ``stop(seconds)`` (a wait) says to finish; ``replace(i)`` a stuck worker."""
    while not stop(interval):
        for i in prober.judge(ask(channels(), timeout)):
            log.warning("worker %d did not answer %d health probes in a row; replacing it",
                        i, FAILURES)
            replace(i)
