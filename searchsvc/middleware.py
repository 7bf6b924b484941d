"""The service's own ASGI middleware: security headers, the rate limit, the access log.

Each is pure ASGI (no body buffering); app.py decides which are installed.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from searchsvc.errors import TooManyRequests
from searchsvc.ratelimit import SharedCounter
from searchsvc.responses import json_response

log = logging.getLogger("searchsvc")
access_log = logging.getLogger("searchsvc.access")

SECURITY_HEADERS = {
    # Only our own scripts, styles and images; nothing may frame the pages.
    "content-security-policy": "default-src 'self'; img-src 'self'; style-src 'self'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}


class SecurityHeaders:
    """Adds the security headers to every response (pure ASGI: no body buffering)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for k, v in SECURITY_HEADERS.items():
                    if k.encode() not in present:
                        headers.append((k.encode(), v.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def log_access(scope: Scope, status: int, seconds: float) -> None:
    """One JSON line per request on the 'searchsvc.access' logger."""
    client = scope.get("client") or ("", 0)
    access_log.info(json.dumps({
        "method": scope.get("method"), "path": scope.get("path"),
        "query": scope.get("query_string", b"").decode("latin-1")[:500],
        "status": status, "client": client[0], "ms": round(seconds * 1000, 2),
    }))


class RateLimit:
    """A fixed one-minute window per client address; off when the limit is 0.

    Counted in ``counter_path``, shared by every worker of the service
    (searchsvc/ratelimit.py); in this process alone when that file cannot be made.
    """

    def __init__(self, app: ASGIApp, per_minute: int, counter_path: Path | None = None) -> None:
        self.app = app
        self.per_minute = per_minute
        self._window = 0
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()
        self.shared: SharedCounter | None = None
        if counter_path is not None:
            try:
                self.shared = SharedCounter(counter_path)
            except OSError as exc:
                log.warning("rate limit counted per worker: cannot use %s (%s)",
                            counter_path.name, exc.strerror)

    def allow(self, client: str, now: float | None = None) -> bool:
        window = int((now if now is not None else time.time()) // 60)
        if self.shared is not None:
            return self.shared.hit(client, window) <= self.per_minute
        with self._lock:
            if window != self._window:
                self._window, self._counts = window, {}
            n = self._counts.get(client, 0) + 1
            self._counts[client] = n
            return n <= self.per_minute

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope.get("path", "").startswith(
            ("/static/", "/healthz")
        ):
            client = (scope.get("client") or ("?", 0))[0]
            if not self.allow(client):
                err = TooManyRequests(f"more than {self.per_minute} requests a minute; "
                                      "try again shortly", headers={"retry-after": "60"})
                response = json_response(err.body(), err.status, err.headers)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
