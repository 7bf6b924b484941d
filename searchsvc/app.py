"""create_app(settings) -> Starlette: routes, lifespan, middleware and error handlers.

JSON routes live under /api (plus /healthz and /openapi.json); HTML routes are
/ and /doc/{doc_id}. Handlers are plain functions, so Starlette runs them in
its thread pool: Whoosh and numpy work never blocks the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from indexer.engine.deadline import QueryTimeout
from searchsvc import pages
from searchsvc.admin import Tasks, check_token
from searchsvc.admission import Admission
from searchsvc.documents import load_document
from searchsvc.errors import APIError, BadRequest, TooManyRequests, Unavailable, bounded, error_body
from searchsvc.health import health
from searchsvc.index_state import IndexState
from searchsvc.limits import check_query
from searchsvc.metrics import Metrics, ObserveRequests
from searchsvc.normalisation import NormaliseQuery
from searchsvc.openapi import openapi_document
from searchsvc.params import whole_number
from searchsvc.ratelimit import RATE_FILE, SharedCounter
from searchsvc.search import parse_request, person_values, search
from searchsvc.settings import Settings
from searchsvc.suggest_api import suggestions

HERE = Path(__file__).resolve().parent
log = logging.getLogger("searchsvc")
MAX_PREFIX = 100  # characters of /api/facets/person?prefix= (documented in openapi.py)
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


def wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/healthz", "/openapi", "/admin/")):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


class FastJSONResponse(JSONResponse):
    """JSON encoded by orjson: a results page with its facets is some 25 KB, and
    the standard library's encoder spent longer on it than ranking the page."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def json_response(body: dict[str, Any], status: int = 200,
                  headers: dict[str, str] | None = None) -> JSONResponse:
    return FastJSONResponse(body, status_code=status, headers=headers)


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


class ArchiveApp(Starlette):
    """Starlette with the security headers outside everything, its error middleware
    included: a 500, or an error raised by a middleware, carries them too."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


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


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    state = IndexState(settings.index_root, cache_size=settings.cache_size,
                       max_terms=settings.max_terms,
                       max_expansions=settings.max_wildcard_expansions,
                       copy=settings.index_copy, cache_bytes=settings.cache_bytes)
    renderer = pages.Renderer(HERE / "templates", settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await asyncio.to_thread(state.refresh)

        async def poll() -> None:
            while True:
                await asyncio.sleep(settings.reload_seconds)
                try:
                    await asyncio.to_thread(state.refresh)
                except Exception:  # noqa: BLE001 - keep polling whatever happens
                    log.exception("index reload failed")

        task = asyncio.create_task(poll())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            state.close()

    tasks = Tasks(settings, on_finished=lambda task: state.refresh())
    metrics = Metrics(state, tasks.outcomes) if settings.metrics else None

    admission = Admission(settings)

    def limited(handler: Callable[[Request], Response]) -> Callable:
        """Run ``handler`` in a lane of the thread pool, under the request's deadline.

        Every ``q`` is checked against the limits first, here, before any of it
        is expanded or run (the one place for it: every route that takes ``q``
        goes through here). Its estimated cost picks the lane (admission.py); a
        full lane answers 503 at once. The handler runs under a deadline that
        started when the request arrived; the loops that can run long check it
        (deadline.py), so a request that runs out of time ends with a 503 and
        its thread stops with it.
        """
        async def endpoint(request: Request) -> Response:
            arrived = time.monotonic()
            lane = admission.normal
            values = request.query_params.getlist("q")
            gen = state.current
            if values:
                shapes = check_query(values, settings)
                if gen is not None:
                    lane = admission.lane(shapes, gen.vocab.df, gen.doc_count)
            try:
                return await lane.run(lambda: handler(request), arrived)
            except QueryTimeout:
                raise Unavailable(f"the request took longer than {lane.budget:g} s; "
                                  "add words or filters to narrow it",
                                  headers={"retry-after": "1"}) from None

        endpoint.__name__ = handler.__name__
        return endpoint

    # -- JSON API ------------------------------------------------------------------
    def api_search(request: Request) -> Response:
        with state.use() as gen:
            req = parse_request(list(request.query_params.multi_items()), settings, gen.persons)
            return json_response(search(gen, req, settings))

    def api_person_facet(request: Request) -> Response:
        with state.use() as gen:
            params = list(request.query_params.multi_items())
            req = parse_request(params, settings, gen.persons, extra=("prefix", "limit"))
            prefix = request.query_params.get("prefix", "")
            if len(prefix) > MAX_PREFIX:  # refused, not cut: a cut prefix asks another question
                raise BadRequest([("prefix", f"at most {MAX_PREFIX} characters")])
            limit = whole_number(request.query_params.get("limit", "20") or "20")
            if limit is None or not 1 <= limit <= settings.max_page_size:
                raise BadRequest([("limit", f"must be a whole number between 1 and "
                                   f"{settings.max_page_size}")])
            return json_response(person_values(gen, req, settings, prefix, limit))

    def api_suggest(request: Request) -> Response:
        with state.use() as gen:
            params = dict(request.query_params.multi_items())
            return json_response(suggestions(gen, params))

    def api_document(request: Request) -> Response:
        with state.use() as gen:
            return json_response(load_document(gen, request.path_params["doc_id"]))

    def healthz(request: Request) -> Response:
        status, body = health(state)
        return json_response(body, status)

    def openapi(request: Request) -> Response:
        return json_response(openapi_document(settings))

    def metrics_page(request: Request) -> Response:
        assert metrics is not None
        return metrics.response()

    # -- admin ---------------------------------------------------------------------
    def admin_reload(request: Request) -> Response:
        check_token(request, settings)
        switched = state.refresh(retry=True)
        gen = state.current
        return json_response({"ok": True, "switched": switched,
                              "generation": gen.name if gen else None})

    def admin_update(request: Request) -> Response:
        check_token(request, settings)
        task = tasks.start_update()
        url = f"/api/admin/tasks/{task['id']}"
        return json_response({"ok": True, "task": task, "url": url}, 202, {"location": url})

    def admin_task(request: Request) -> Response:
        check_token(request, settings)
        return json_response({"ok": True, "task": tasks.get(request.path_params["task_id"])})

    # -- HTML ----------------------------------------------------------------------
    def page_search(request: Request) -> Response:
        with state.use() as gen:
            return renderer.search_page(request, gen)

    def page_document(request: Request) -> Response:
        with state.use() as gen:
            return renderer.document_page(request, gen, request.path_params["doc_id"])

    # -- errors --------------------------------------------------------------------
    def render_error(request: Request, status: int, title: str,
                     errors: list[tuple[str | None, str]],
                     headers: dict[str, str] | None = None) -> Response:
        if wants_json(request):
            return json_response(error_body(status, title, errors), status, headers)
        return renderer.error_page(request, status, title, bounded(errors), headers)

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, APIError)
        headers = exc.headers
        if exc.status == 503 and "retry-after" not in headers:
            headers = {**headers, "retry-after": "1"}  # every 503 says when to come back
        return render_error(request, exc.status, exc.title, exc.errors, headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        titles = {404: "Not found", 405: "Method not allowed"}
        message = {404: f"nothing at {request.url.path[:200]}"}.get(exc.status_code, exc.detail)
        return render_error(request, exc.status_code, titles.get(exc.status_code, "Error"),
                            [(None, str(message))], dict(exc.headers or {}))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        return render_error(request, 500, "Internal error",
                            [(None, "something went wrong on our side; it has been logged")])

    observers = [metrics.observe] if metrics is not None else []
    if settings.access_log_json:
        observers.append(log_access)
    middleware = [Middleware(NormaliseQuery)]
    if observers:
        middleware.insert(0, Middleware(ObserveRequests, observers=observers))
    if settings.rate_limit:
        middleware.append(Middleware(RateLimit, per_minute=settings.rate_limit,
                                     counter_path=Path(settings.index_root) / RATE_FILE))
    if settings.cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                                     allow_methods=["GET"], allow_headers=[]))

    app = ArchiveApp(
        routes=[
            Route("/", limited(page_search), name="search_page"),
            Route("/doc/{doc_id:path}", limited(page_document), name="document_page"),
            Route("/api/search", limited(api_search), name="api_search"),
            Route("/api/facets/person", limited(api_person_facet), name="api_person_facet"),
            Route("/api/documents/{doc_id:path}", limited(api_document), name="api_document"),
            Route("/api/suggest", limited(api_suggest), name="api_suggest"),
            Route("/healthz", healthz, name="healthz"),
            Route("/openapi.json", openapi, name="openapi"),
            *([Route("/metrics", metrics_page, name="metrics")] if metrics else []),
            Route("/admin/reload", admin_reload, methods=["POST"], name="admin_reload"),
            Route("/api/admin/update", admin_update, methods=["POST"], name="admin_update"),
            Route("/api/admin/tasks/{task_id}", admin_task, name="admin_task"),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        middleware=middleware,
        exception_handlers={APIError: api_error, HTTPException: http_error,
                            Exception: server_error},
        lifespan=lifespan,
    )
    app.state.index = state
    app.state.settings = settings
    app.state.tasks = tasks
    return app


def create_app_from_env() -> Starlette:
    """Factory for ``uvicorn --factory searchsvc.app:create_app_from_env`` (one per worker)."""
    return create_app(Settings.from_env())
