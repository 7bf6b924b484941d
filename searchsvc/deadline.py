"""The deadline of the request a thread is working for, seen by every loop that may run long.

A thread cannot be killed, so a request that runs out of time must stop itself:
the request wrapper sets the deadline when the request *arrives* (time spent
waiting for a slot counts), and the loops that can run long check it: reading
posting blocks (every Whoosh matcher, whatever walks it: our match sets, the
numpy scorer, Whoosh's own collector), expanding wildcards, and the search
between its stages. An exceeded deadline raises :class:`QueryTimeout`, which
the service answers with a 503, and the thread is free again within one
posting block's work.

>>> with until(time.monotonic() - 1):
...     expired()
True
>>> remaining() == float("inf")
True
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


def remaining() -> float:
    return current() - time.monotonic()


def expired() -> bool:
    return time.monotonic() > current()


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


_original_next_block = None


def _next_block(self) -> None:
    # One check per block of postings (at most 128): cheap beside decoding it,
    # and it bounds whatever walks the postings, Whoosh's collector included.
    check()
    _original_next_block(self)  # type: ignore[misc]


def install() -> None:
    """Make every Whoosh posting reader in this process honour the thread's deadline
    (idempotent; threads without a deadline are not affected)."""
    global _original_next_block
    from whoosh.codec.whoosh3 import W3LeafMatcher

    if _original_next_block is None:
        _original_next_block = W3LeafMatcher._next_block
        W3LeafMatcher._next_block = _next_block
