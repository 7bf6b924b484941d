"""Requests per client and minute, counted once for all workers of a service.

Each worker counted on its own, so two workers allowed twice the limit (and a
client's count depended on which worker its connection was dealt to). The
counts now live in one small file under the index root that every worker of
the service maps: a fixed table of slots (client key, minute, count), updated
under an exclusive ``flock`` (a few microseconds; nothing else is held while
waiting). A file rather than the supervisor counting: the supervisor sees
connections, not requests, and the service can also run as a single process.

A client's key is a hash of its address, and its slot is found by linear
probing from the hash. When all probed slots hold other clients counted this
minute, the client shares the last one: at worst a few clients are limited
together, never one let through unlimited.

>>> import tempfile; d = tempfile.mkdtemp()
>>> counter = SharedCounter(Path(d) / ".ratelimit")
>>> [counter.hit("203.0.113.9", minute=5) for _ in range(3)]
[1, 2, 3]
>>> counter.hit("203.0.113.9", minute=6), counter.hit("198.51.100.1", minute=6)
(1, 1)
"""

from __future__ import annotations

import fcntl
import hashlib
import mmap
import os
import struct
import time
from pathlib import Path

RATE_FILE = ".ratelimit"  # in the index root, which every worker of a service shares
SLOTS = 8192  # distinct clients counted per minute before they start to share slots
PROBES = 16
_SLOT = struct.Struct("<QII")  # client key, minute, count


class SharedCounter:
    """Per-client counts in a file mapped by every worker of a service."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        size = SLOTS * _SLOT.size
        if os.fstat(self.fd).st_size < size:
            os.ftruncate(self.fd, size)  # only ever grows: a mapped file must not shrink
        self.map = mmap.mmap(self.fd, size)

    def hit(self, client: str, minute: int | None = None) -> int:
        """Count one request of ``client`` in ``minute`` (default: now); returns its count."""
        minute = int(time.time() // 60) if minute is None else minute
        key = int.from_bytes(hashlib.blake2b(client.encode("utf-8", "replace"),
                                             digest_size=8).digest(), "little") or 1
        start = key % SLOTS
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        try:
            for k in range(PROBES):
                i = (start + k) % SLOTS
                owner, seen, count = _SLOT.unpack_from(self.map, i * _SLOT.size)
                if owner == key and seen == minute:
                    break
                if seen != minute:  # empty, or last counted in another minute: free
                    owner, count = key, 0
                    break
            # (else every probed slot is busy this minute: share the last, its owner's key kept)
            _SLOT.pack_into(self.map, i * _SLOT.size, owner, minute, count + 1)
            return count + 1
        finally:
            fcntl.flock(self.fd, fcntl.LOCK_UN)

    def close(self) -> None:
        self.map.close()
        os.close(self.fd)
