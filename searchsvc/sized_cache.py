"""A least-recently-used cache bounded in bytes as well as in entries.

Responses differ in size by two orders of magnitude (a page of 10 hits is some
15 KB, 100 grouped hits with their links some 300 KB), so a bound on the count
alone bounds nothing: 512 large entries were gigabytes per worker. Each entry
is weighed once, when it is stored, by its JSON size (what it costs to send;
the objects in memory are a small multiple of it). An entry larger than a
quarter of the budget is not kept at all: caching it would push out many others.

>>> c = SizedLRU(entries=10, max_bytes=40, weigh=len)
>>> for key in "abcde": c.put(key, key * 10)
>>> c.get("a") is None, c.get("d"), c.bytes
(True, 'dddddddddd', 40)
>>> c.put("huge", "w" * 11); c.get("huge") is None
True
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import orjson


def json_size(value: Any) -> int:
    """Bytes of ``value`` as JSON; values JSON cannot hold are weighed by their repr."""
    try:
        return len(orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY))
    except TypeError:
        return len(repr(value))


def array_size(value: Any) -> int:
    """Bytes held by numpy arrays in ``value`` (an array, or an object or tuple of them):
    the match sets and document rankings cached per query.

    >>> import numpy as np
    >>> array_size(np.zeros(10, dtype=np.int32)), array_size((np.zeros(2), "x"))
    (40, 16)
    """
    if hasattr(value, "nbytes"):
        return int(value.nbytes)
    parts = value if isinstance(value, (tuple, list)) else getattr(value, "__dict__", {}).values()
    return sum(int(p.nbytes) for p in parts if hasattr(p, "nbytes"))


class SizedLRU:
    def __init__(self, entries: int, max_bytes: int,
                 weigh: Callable[[Any], int] = json_size) -> None:
        self.size = entries
        self.max_bytes = max_bytes
        self.weigh = weigh
        self.bytes = 0
        self._data: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return None
            self._data.move_to_end(key)
            return item[0]

    def put(self, key: Hashable, value: Any) -> None:
        if self.size <= 0 or self.max_bytes <= 0:
            return
        weight = self.weigh(value)
        if weight > self.max_bytes // 4:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._data[key] = (value, weight)
            self.bytes += weight
            while len(self._data) > self.size or self.bytes > self.max_bytes:
                _, (_, w) = self._data.popitem(last=False)
                self.bytes -= w

    def __len__(self) -> int:
        return len(self._data)
