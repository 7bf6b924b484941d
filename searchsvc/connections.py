"""What one connection may make a worker wait for: header size and count, and timeouts.

uvicorn's httptools protocol parses a request head of any size for as long as
the client takes to send it: one connection sending a 100 MB header held a
worker for 20 s, and a connection that sent nothing, or a byte a second, stayed
open for as long as the client liked. :func:`guarded_protocol` makes a protocol
class that adds the limits a reverse proxy would:

- **idle**: a connection must begin a request within ``idle_timeout`` seconds
  of opening, or of its previous response (uvicorn only timed the latter);
- **head**: once begun, the request line and headers must arrive within
  ``header_timeout`` seconds (408), be at most ``max_header_bytes`` in all
  (431), and hold at most ``max_headers`` fields (431);
- **body**: no gap longer than ``read_timeout`` seconds between its parts (408).

Once the request is whole, the application's own time limit applies. Every
refusal closes the connection.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

REASONS = {408: b"Request Timeout", 431: b"Request Header Fields Too Large"}


@dataclass(frozen=True)
class ConnectionLimits:
    max_header_bytes: int = 32768
    max_headers: int = 100
    header_timeout: float = 10.0
    idle_timeout: float = 5.0
    read_timeout: float = 10.0


class _Refused(Exception):
    """Raised from a parser callback to stop parsing a request we refuse."""


class GuardedHttp(HttpToolsProtocol):
    """uvicorn's httptools protocol with :class:`ConnectionLimits` (set by the factory)."""

    limits = ConnectionLimits()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._phase = "idle"  # idle -> head -> body -> app -> idle ...
        self._head_bytes = 0
        self._header_count = 0
        self._refusal: tuple[int, str] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._arm(self.limits.idle_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    # -- the timer -----------------------------------------------------------------
    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._timer = self.loop.call_later(seconds, self._expired)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expired(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        if self._phase == "idle":
            self.transport.close()  # nothing asked, nothing to answer
        elif self._phase == "head":
            self._refuse(408, "the request headers took too long to arrive")
        elif self._phase == "body":
            self._refuse(408, "the request body stopped arriving")

    # -- reading -------------------------------------------------------------------
    def data_received(self, data: bytes) -> None:
        if self._phase in ("idle", "app"):  # the first bytes of a (possibly pipelined) request
            self._phase = "head"
            self._head_bytes = 0
            self._header_count = 0
            self._arm(self.limits.header_timeout)
        if self._phase == "head":
            self._head_bytes += len(data)
            if self._head_bytes > self.limits.max_header_bytes:
                self._refuse(431, f"the request headers exceed {self.limits.max_header_bytes} bytes")
                return
        elif self._phase == "body":
            self._arm(self.limits.read_timeout)
        super().data_received(data)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._header_count += 1
        if self._header_count > self.limits.max_headers:
            self._refusal = (431, f"more than {self.limits.max_headers} header fields")
            raise _Refused
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._phase = "body"
        self._arm(self.limits.read_timeout)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._phase = "app"
        self._disarm()
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # arms uvicorn's keep-alive timer (idle_timeout)
        if self._phase == "app" and not self.pipeline:
            self._phase = "idle"

    # -- refusing --------------------------------------------------------------------
    def send_400_response(self, msg: str) -> None:
        # A parser error; or our own refusal raised from a callback.
        if self._refusal is not None:
            self._refuse(*self._refusal)
        else:
            super().send_400_response(msg)

    def _refuse(self, status: int, message: str) -> None:
        self._disarm()
        if self.transport.is_closing():
            return
        if self.cycle is None or self.cycle.response_complete:  # no response under way
            body = message.encode("ascii")
            self.transport.write(b"".join([
                b"HTTP/1.1 %d %s\r\n" % (status, REASONS[status]),
                b"content-type: text/plain; charset=utf-8\r\n",
                b"content-length: %d\r\n" % len(body), b"connection: close\r\n\r\n", body,
            ]))
        self.transport.close()
        self.logger.warning("refused a connection's request: %s", message)


def guarded_protocol(limits: ConnectionLimits) -> type[GuardedHttp]:
    """A protocol class for ``uvicorn.Config(http=...)`` enforcing ``limits``."""
    return type("GuardedHttp", (GuardedHttp,), {"limits": limits})
