"""A lean HTTP/1.1 keep-alive client for load tests.

The load generator shares the machine's 2 cores with the service it measures,
so every millisecond it spends is taken from the workers: httpx spent 1.9 ms of
CPU per request at 1M paragraphs, a sixth of what a worker spends answering it.
Load tools such as wrk are lean for that reason. This one sends a prebuilt
request line and reads the reply by its Content-Length (or its chunks), which is
all a load test needs: the status and the whole body read off the socket.

>>> parse_head(b"HTTP/1.1 200 OK\\r\\ncontent-length: 12\\r\\nx-a: b\\r\\n")
(200, {'content-length': '12', 'x-a': 'b'})
"""

from __future__ import annotations

import socket
from urllib.parse import urlencode


class HTTPError(Exception):
    """The reply was not HTTP/1.1 as this client reads it, or the server hung up."""


def parse_head(head: bytes) -> tuple[int, dict[str, str]]:
    """Status and lower-cased headers of a reply head (without the blank line)."""
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split(" ", 2)[1])
    except (IndexError, ValueError):
        raise HTTPError(f"not an HTTP status line: {lines[0][:80]!r}") from None
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return status, headers


class Connection:
    """One keep-alive connection to ``host:port``; not thread-safe (one per client)."""

    def __init__(self, host: str, port: int, timeout: float = 30) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self._sock: socket.socket | None = None
        self._buf = b""

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        self._buf = b""

    def get(self, path: str, params: list[tuple[str, str]] | None = None) -> tuple[int, bytes]:
        """GET ``path`` (with ``params`` as its query string): status and body."""
        if params:
            path = f"{path}?{urlencode(params)}"
        if self._sock is None:
            self._sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode("latin-1"))
        head = self._until(b"\r\n\r\n")
        status, headers = parse_head(head)
        if "content-length" in headers:
            body = self._exactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = self._chunked()
        else:  # the body runs to the end of the connection
            body = self._buf + self._rest()
            self.close()
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, body

    def _recv(self) -> bytes:
        data = self._sock.recv(262144)
        if not data:
            raise HTTPError("the server closed the connection mid-reply")
        return data

    def _until(self, mark: bytes) -> bytes:
        while (at := self._buf.find(mark)) < 0:
            self._buf += self._recv()
        out, self._buf = self._buf[:at], self._buf[at + len(mark):]
        return out

    def _exactly(self, n: int) -> bytes:
        parts, have = [self._buf], len(self._buf)
        while have < n:
            data = self._recv()
            parts.append(data)
            have += len(data)
        joined = b"".join(parts)
        out, self._buf = joined[:n], joined[n:]
        return out

    def _chunked(self) -> bytes:
        parts = []
        while True:
            size = int(self._until(b"\r\n").split(b";")[0], 16)
            if size == 0:
                self._until(b"\r\n")  # no trailers are sent to us
                return b"".join(parts)
            parts.append(self._exactly(size))
            self._exactly(2)

    def _rest(self) -> bytes:
        parts = []
        while data := self._sock.recv(262144):
            parts.append(data)
        return b"".join(parts)
