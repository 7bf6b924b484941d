"""What each route answers, and how errors are shown.

Every handler is a plain function of the request: what it needs (the index
state, settings, admin tasks, metrics, the page renderer) it reads from
``request.app.state``, which create_app fills once (see app.py). Plain
functions run in a thread, never on the event loop: Whoosh and numpy work
does not block it.
"""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from searchsvc.admin import check_token
from searchsvc.documents import load_document
from searchsvc.errors import APIError, BadRequest, bounded, error_body
from searchsvc.health import health
from searchsvc.openapi import openapi_document
from searchsvc.params import whole_number
from searchsvc.responses import json_response
from searchsvc.search import parse_request, person_values, search
from searchsvc.suggest_api import suggestions

log = logging.getLogger("searchsvc")
MAX_PREFIX = 100  # characters of /api/facets/person?prefix= (documented in openapi.py)


# -- JSON API ----------------------------------------------------------------------
def api_search(request: Request) -> Response:
    settings = request.app.state.settings
    with request.app.state.index.use() as gen:
        req = parse_request(list(request.query_params.multi_items()), settings, gen.persons)
        return json_response(search(gen, req, settings))


def api_person_facet(request: Request) -> Response:
    settings = request.app.state.settings
    with request.app.state.index.use() as gen:
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
    with request.app.state.index.use() as gen:
        params = dict(request.query_params.multi_items())
        return json_response(suggestions(gen, params))


def api_document(request: Request) -> Response:
    with request.app.state.index.use() as gen:
        return json_response(load_document(gen, request.path_params["doc_id"]))


def healthz(request: Request) -> Response:
    status, body = health(request.app.state.index)
    return json_response(body, status)


def openapi(request: Request) -> Response:
    return json_response(openapi_document(request.app.state.settings))


def metrics_page(request: Request) -> Response:
    return request.app.state.metrics.response()


# -- admin -------------------------------------------------------------------------
def admin_reload(request: Request) -> Response:
    check_token(request, request.app.state.settings)
    state = request.app.state.index
    switched = state.refresh(retry=True)
    gen = state.current
    return json_response({"ok": True, "switched": switched,
                          "generation": gen.name if gen else None})


def admin_update(request: Request) -> Response:
    check_token(request, request.app.state.settings)
    task = request.app.state.tasks.start_update()
    url = f"/api/admin/tasks/{task['id']}"
    return json_response({"ok": True, "task": task, "url": url}, 202, {"location": url})


def admin_task(request: Request) -> Response:
    check_token(request, request.app.state.settings)
    task = request.app.state.tasks.get(request.path_params["task_id"])
    return json_response({"ok": True, "task": task})


# -- HTML --------------------------------------------------------------------------
def page_search(request: Request) -> Response:
    with request.app.state.index.use() as gen:
        return request.app.state.renderer.search_page(request, gen)


def page_document(request: Request) -> Response:
    with request.app.state.index.use() as gen:
        return request.app.state.renderer.document_page(request, gen,
                                                        request.path_params["doc_id"])


# -- errors ------------------------------------------------------------------------
def wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/healthz", "/openapi", "/admin/")):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def render_error(request: Request, status: int, title: str,
                 errors: list[tuple[str | None, str]],
                 headers: dict[str, str] | None = None) -> Response:
    """The error as JSON for the API and for clients that ask for it, else as a page."""
    if wants_json(request):
        return json_response(error_body(status, title, errors), status, headers)
    return request.app.state.renderer.error_page(request, status, title, bounded(errors),
                                                 headers)


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
