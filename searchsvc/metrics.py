"""Prometheus metrics at GET /metrics (prometheus-client, one registry per app).

* ``archive_requests_total{endpoint,method,status}`` and
  ``archive_request_seconds{endpoint,status}`` (a histogram): ``endpoint`` is
  the route template ("/api/documents/{doc_id}"), never the raw path, and
  "other" for paths no route knows, so a scanner cannot create series;
* ``archive_index_generation_info{generation}``, ``archive_index_paragraphs``,
  ``archive_index_documents``: the generation being served;
* ``archive_update_tasks_total{outcome}``: admin update tasks that ended;
* ``archive_seconds_since_last_update``: since the served generation was last
  built or updated (its generation.json).

Request metrics are per worker process (each uvicorn worker has its own
registry); the index and task figures are read from disk at scrape time, so
every worker reports the same values.

>>> route_label({"route": type("R", (), {"path": "/doc/{doc_id:path}"})()})
'/doc/{doc_id}'
>>> route_label({})
'other'
"""

from __future__ import annotations

import calendar
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_CONVERTER = re.compile(r"\{(\w+):\w+\}")


def route_label(scope: Scope) -> str:
    """The route template that handled the request ("{doc_id:path}" shown as "{doc_id}")."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if not path:
        return "other"
    return _CONVERTER.sub(r"{\1}", path)


def _epoch(iso: str | None) -> float | None:
    """Seconds since the epoch of "2026-11-27T03:22:10Z", or None."""
    if not iso:
        return None
    try:
        return float(calendar.timegm(time.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")))
    except (TypeError, ValueError):
        return None


class _IndexCollector:
    """Figures read at scrape time from the served generation and the task files."""

    def __init__(self, state: Any, outcomes: Callable[[], dict[str, int]]) -> None:
        self.state = state
        self.outcomes = outcomes

    def collect(self) -> Iterator[Any]:
        gen = self.state.current
        info = GaugeMetricFamily("archive_index_generation_info",
                                 "The index generation being served", labels=["generation"])
        paragraphs = GaugeMetricFamily("archive_index_paragraphs", "Paragraphs in the index")
        documents = GaugeMetricFamily("archive_index_documents", "Documents in the index")
        since = GaugeMetricFamily("archive_seconds_since_last_update",
                                  "Seconds since the served generation was built or updated")
        if gen is not None:
            info.add_metric([gen.name], 1)
            paragraphs.add_metric([], gen.doc_count)
            documents.add_metric([], gen.documents)
            meta = gen.meta or {}
            last = _epoch(meta.get("updated_at")) or _epoch(meta.get("built_at"))
            if last is not None:
                since.add_metric([], max(0.0, time.time() - last))
        yield from (info, paragraphs, documents, since)
        tasks = CounterMetricFamily("archive_update_tasks", "Admin update tasks by outcome",
                                    labels=["outcome"])
        for outcome, n in sorted(self.outcomes().items()):
            tasks.add_metric([outcome], n)
        yield tasks


class Metrics:
    """The registry of one app, its middleware and the /metrics response."""

    def __init__(self, state: Any, outcomes: Callable[[], dict[str, int]]) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("archive_requests", "HTTP requests answered",
                                ["endpoint", "method", "status"], registry=self.registry)
        self.latency = Histogram("archive_request_seconds", "Time to answer a request",
                                 ["endpoint", "status"], buckets=BUCKETS,
                                 registry=self.registry)
        self.registry.register(_IndexCollector(state, outcomes))

    def observe(self, scope: Scope, status: int, seconds: float) -> None:
        endpoint = route_label(scope)
        self.requests.labels(endpoint, scope.get("method", ""), str(status)).inc()
        self.latency.labels(endpoint, str(status)).observe(seconds)

    def response(self) -> Response:
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


class ObserveRequests:
    """Times every HTTP request and hands (scope, status, seconds) to each observer.

    Pure ASGI, so the body is not buffered; metrics and the JSON access log
    both hang off this one middleware.
    """

    def __init__(self, app: ASGIApp, observers: list[Callable[[Scope, int, float], None]]) -> None:
        self.app = app
        self.observers = observers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            seconds = time.perf_counter() - started
            for observe in self.observers:
                observe(scope, status["code"], seconds)
