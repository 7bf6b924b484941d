"""The deadline of the request a thread is working for, seen by every loop that may run long.

A thread cannot be killed, so a request that runs out of time must stop itself:
the request wrapper sets the deadline when the request *arrives* (time spent
waiting for a slot counts), and the loops that can run long check it: reading
posting blocks (the codec's matcher checks before each block, whatever walks
it: our match sets, the numpy scorer, Whoosh's own collector), expanding
wildcards, and the search between its stages. An exceeded deadline raises :class:`QueryTimeout`, which
the service answers with a 503, and the thread is free again within one
posting block's work.

>>> with until(time.monotonic() - 1):
...     check()
Traceback (most recent call last):
...
indexer.engine.deadline.QueryTimeout
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_local = threading.local()


class QueryTimeout(Exception):
    """The request's work took longer than its time limit."""


def current() -> float:
    """This thread's deadline (``time.monotonic()`` seconds); infinity when none is set."""
    return getattr(_local, "at", float("inf"))


def check() -> None:
    """Raise :class:`QueryTimeout` when this thread's deadline has passed."""
    if time.monotonic() > getattr(_local, "at", float("inf")):
        raise QueryTimeout()


@contextmanager
def until(at: float) -> Iterator[None]:
    """Work in this block must end by ``at``; an enclosing, earlier deadline still holds."""
    before = current()
    _local.at = min(before, at)
    try:
        yield
    finally:
        _local.at = before
