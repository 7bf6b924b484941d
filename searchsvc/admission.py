"""Which requests a worker takes on, and how many at once: lanes with slots and a queue.

Searching is CPU-bound Python, so a worker runs only a few searches at once
(more only share the GIL and all finish late). Without a bound on the queue, a
client sending costly queries fills it and every visitor waits behind them;
with one queue for everything, the costly queries take the slots the cheap
ones need. So:

* every request waits in one lane: at most ``slots`` at work and ``queue``
  waiting; the next is refused with 503 and ``Retry-After`` without taking a
  slot, after a short pause (``REFUSAL_PAUSE``): a client that resends at once
  then costs a few refusals a second, not hundreds;
* a query whose estimated cost is high goes to the *heavy* lane, with its own
  slot, a short queue, a smaller time budget and a share of the time: after
  working t seconds its slot rests t * (1/share - 1), so costly queries compete
  with each other, not with the visitors' ordinary searches (threads share one
  interpreter lock: a slot that never rests slows every other thread);
* the budget runs from the request's arrival (waiting counts) and the thread
  works under that deadline (deadline.py), so a timed-out request frees its
  slot and its CPU together: a slot is given back when its thread ends, not
  when the visitor is answered.

The cost is estimated from the query's shape (limits.py) and the index's
statistics, before anything runs, in units of "reads of every paragraph": the
document frequencies of its words over the paragraph count, plus a charge per
wildcard (it expands to up to ``max_wildcard_expansions`` words) and a factor
for negations the numpy scorer leaves to Whoosh's slower collector.

>>> from searchsvc.limits import Shape
>>> estimate(Shape(words=("strike", "rare")), {"strike": 600, "rare": 2}, 1000)
0.602
>>> estimate(Shape(words=("a",), wildcards=2, short_wildcards=1), {"a": 1000}, 1000)
7.0
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import anyio
import anyio.to_thread

from indexer.engine import deadline
from searchsvc.errors import Unavailable
from searchsvc.limits import Shape
from searchsvc.settings import Settings

T = TypeVar("T")

WILDCARD_COST = 2.0  # one expanded wildcard: up to 50 words, some of them common
SHORT_WILDCARD_COST = 4.0  # "a*": its expansion also scans the lexicon far and wide
COLLECTOR_FACTOR = 10.0  # Whoosh's collector (NOT within OR) walks postings one at a time
RETRY_AFTER = "1"
GRACE = 0.1  # seconds past its deadline before a request is answered without its thread
REFUSAL_PAUSE = 0.2  # seconds before a full lane's 503 is sent


def estimate(shape: Shape, df: Mapping[str, int], n_docs: int) -> float:
    reads = sum(df.get(w, 0) for w in shape.words) / max(1, n_docs)
    reads += (shape.wildcards - shape.short_wildcards) * WILDCARD_COST
    reads += shape.short_wildcards * SHORT_WILDCARD_COST
    if shape.mixed_negation:
        reads *= COLLECTOR_FACTOR
    return round(reads, 3)


class Lane:
    """At most ``slots`` requests at work and ``queue`` waiting, each within ``budget`` seconds."""

    def __init__(self, name: str, slots: int, queue: int, budget: float,
                 share: float = 1.0) -> None:
        self.name, self.slots, self.queue, self.budget = name, slots, queue, budget
        # The part of the time a slot may be at work: after working t seconds it
        # rests t * (1/share - 1). Below 1, a lane's requests cannot hold the GIL
        # (one interpreter, shared by every thread) for more than that share.
        self.share = share
        self.waiting = 0
        self.working = 0
        self._limiter: anyio.CapacityLimiter | None = None

    def limiter(self) -> anyio.CapacityLimiter:
        # Made on first use: a CapacityLimiter belongs to the running event loop.
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.slots)
        return self._limiter

    async def run(self, work: Callable[[], T], arrived: float) -> T:
        """``work()`` in a thread, under the deadline ``arrived + budget``.

        Raises Unavailable (503, Retry-After) when the lane is full or the
        deadline passes while waiting; ``work`` raises deadline.QueryTimeout
        itself when it runs out of time. A stage that checks no deadline is
        answered GRACE seconds after it; its thread keeps its slot until it ends.
        """
        limiter = self.limiter()
        if limiter.available_tokens < 1 and self.waiting >= self.queue:
            # Answered after a pause that costs us nothing: a client that resends at once
            # (ignoring Retry-After) would otherwise keep the event loop busy refusing it.
            await anyio.sleep(REFUSAL_PAUSE)
            raise Unavailable(f"the service is busy with {self.working} {self.name} searches "
                              f"and {self.waiting} waiting; try again shortly",
                              headers={"retry-after": RETRY_AFTER})
        at = arrived + self.budget
        holder = object()  # the slot belongs to the thread's work, not to this task
        self.waiting += 1
        try:
            with anyio.fail_after(max(0.0, at - time.monotonic())):
                await limiter.acquire_on_behalf_of(holder)
        except TimeoutError:
            raise Unavailable(f"waited {self.budget:g} s for a free slot; try again shortly",
                              headers={"retry-after": RETRY_AFTER}) from None
        finally:
            self.waiting -= 1
        self.working += 1
        loop = asyncio.get_running_loop()

        def release() -> None:  # on the event loop's thread, once
            self.working -= 1
            limiter.release_on_behalf_of(holder)

        lock = threading.Lock()
        state = {"started": False, "abandoned": False}

        def in_thread() -> T | None:
            with lock:
                if state["abandoned"]:
                    return None  # answered already, slot given back: nothing to do
                state["started"] = True
            began = time.monotonic()
            try:
                return _under_deadline(work, at)
            finally:
                rest = (time.monotonic() - began) * (1 / self.share - 1)
                loop.call_soon_threadsafe(loop.call_later, rest, release)

        try:
            with anyio.fail_after(max(0.0, at - time.monotonic()) + GRACE):
                return await anyio.to_thread.run_sync(in_thread, abandon_on_cancel=True)
        except TimeoutError:
            with lock:
                state["abandoned"] = True
                started = state["started"]
            if not started:
                release()
            raise deadline.QueryTimeout() from None


def _under_deadline(work: Callable[[], T], at: float) -> T:
    with deadline.until(at):
        deadline.check()  # the whole budget went on waiting: don't start
        return work()


class Admission:
    """The lanes of one worker, and the choice between them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.normal = Lane("ordinary", settings.search_threads, settings.search_queue,
                           settings.time_limit)
        self.heavy = Lane("costly", settings.heavy_threads, settings.heavy_queue,
                          min(settings.time_limit, settings.heavy_time_limit),
                          settings.heavy_share)

    def lane(self, shapes: Sequence[Shape], df: Mapping[str, int], n_docs: int) -> Lane:
        cost = sum(estimate(s, df, n_docs) for s in shapes)
        return self.heavy if cost > self.settings.heavy_cost else self.normal
