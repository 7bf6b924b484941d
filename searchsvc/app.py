"""create_app(settings) -> Starlette: its state, middleware, routes and error handlers.

JSON routes live under /api (plus /healthz and /openapi.json); HTML routes are
/ and /doc/{doc_id}. The handlers are in endpoints.py; what they share (index
state, settings, admin tasks, metrics, admission lanes, page renderer) is built
here once and kept on ``app.state``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from indexer.engine.deadline import QueryTimeout
from searchsvc import endpoints
from searchsvc.admin import Tasks
from searchsvc.admission import Admission
from searchsvc.errors import APIError, Unavailable
from searchsvc.index_state import IndexState
from searchsvc.limits import check_query
from searchsvc.metrics import Metrics, ObserveRequests
from searchsvc.middleware import RateLimit, SecurityHeaders, log_access
from searchsvc.normalisation import NormaliseQuery
from searchsvc.pages import Renderer
from searchsvc.ratelimit import RATE_FILE
from searchsvc.settings import Settings

HERE = Path(__file__).resolve().parent
log = logging.getLogger("searchsvc")


class ArchiveApp(Starlette):
    """Starlette with the security headers outside everything, its error middleware
    included: a 500, or an error raised by a middleware, carries them too."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    """Load the current generation, poll for a new one while serving, close at the end."""
    state: IndexState = app.state.index
    await asyncio.to_thread(state.refresh)

    async def poll() -> None:
        while True:
            await asyncio.sleep(app.state.settings.reload_seconds)
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
        services = request.app.state
        lane = services.admission.normal
        values = request.query_params.getlist("q")
        gen = services.index.current
        if values:
            shapes = check_query(values, services.settings)
            if gen is not None:
                lane = services.admission.lane(shapes, gen.vocab.df, gen.doc_count)
        try:
            return await lane.run(lambda: handler(request), arrived)
        except QueryTimeout:
            raise Unavailable(f"the request took longer than {lane.budget:g} s; "
                              "add words or filters to narrow it",
                              headers={"retry-after": "1"}) from None

    endpoint.__name__ = handler.__name__
    return endpoint


def middleware_for(settings: Settings, metrics: Metrics | None) -> list[Middleware]:
    """Outermost first: request observers, query normalisation, rate limit, CORS."""
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
    return middleware


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    state = IndexState(settings.index_root, cache_size=settings.cache_size,
                       max_terms=settings.max_terms,
                       max_expansions=settings.max_wildcard_expansions,
                       copy=settings.index_copy, cache_bytes=settings.cache_bytes)
    tasks = Tasks(settings, on_finished=lambda task: state.refresh())
    metrics = Metrics(state, tasks.outcomes) if settings.metrics else None
    routes = [
        Route("/", limited(endpoints.page_search), name="search_page"),
        Route("/doc/{doc_id:path}", limited(endpoints.page_document), name="document_page"),
        Route("/api/search", limited(endpoints.api_search), name="api_search"),
        Route("/api/facets/person", limited(endpoints.api_person_facet), name="api_person_facet"),
        Route("/api/documents/{doc_id:path}", limited(endpoints.api_document), name="api_document"),
        Route("/api/suggest", limited(endpoints.api_suggest), name="api_suggest"),
        Route("/healthz", endpoints.healthz, name="healthz"),
        Route("/openapi.json", endpoints.openapi, name="openapi"),
        *([Route("/metrics", endpoints.metrics_page, name="metrics")] if metrics else []),
        Route("/admin/reload", endpoints.admin_reload, methods=["POST"], name="admin_reload"),
        Route("/api/admin/update", endpoints.admin_update, methods=["POST"], name="admin_update"),
        Route("/api/admin/tasks/{task_id}", endpoints.admin_task, name="admin_task"),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = ArchiveApp(
        routes=routes,
        middleware=middleware_for(settings, metrics),
        exception_handlers={APIError: endpoints.api_error, HTTPException: endpoints.http_error,
                            Exception: endpoints.server_error},
        lifespan=lifespan,
    )
    app.state.index = state
    app.state.settings = settings
    app.state.tasks = tasks
    app.state.metrics = metrics
    app.state.admission = Admission(settings)
    app.state.renderer = Renderer(HERE / "templates", settings)
    return app


def create_app_from_env() -> Starlette:
    """Factory for ``uvicorn --factory searchsvc.app:create_app_from_env`` (one per worker)."""
    return create_app(Settings.from_env())
