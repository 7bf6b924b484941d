"""The OpenAPI 3.1 document served at /openapi.json, written by hand.

Limits (maximum page size, query length) come from the running settings, so
the document describes the service as configured. tests/test_api.py checks
that every route is described and that real responses validate against the
schemas given here.
"""

from __future__ import annotations

from typing import Any

from searchsvc import suggest_api
from searchsvc.settings import Settings

ERROR = {
    "type": "object",
    "required": ["ok", "status", "error", "errors"],
    "properties": {
        "ok": {"const": False},
        "status": {"type": "integer"},
        "error": {"type": "string"},
        "errors": {"type": "array", "items": {
            "type": "object", "required": ["parameter", "message"],
            "properties": {"parameter": {"type": ["string", "null"]},
                           "message": {"type": "string"}}}},
    },
}

FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count", "selected"],
    "properties": {
        "value": {"type": "string", "description": "what the filter parameter takes "
                  "(the canonical name for a person)"},
        "label": {"type": "string"},
        "id": {"type": "string", "description": "person id (person facet only)"},
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"},
    },
}

PARAGRAPH_LINK = {
    "type": "object", "required": ["id", "position", "url"],
    "properties": {"id": {"type": "string"}, "position": {"type": "integer"},
                   "url": {"type": "string"}},
}

HIT = {
    "type": "object",
    "required": ["id", "doc_id", "title", "section", "position", "snippet", "years", "decades",
                 "persons", "person_ids", "author", "published", "url", "score"],
    "properties": {
        "id": {"type": "string", "description": "<doc_id>#p<n>"},
        "doc_id": {"type": "string"},
        "title": {"type": "string"},
        "section": {"type": "string"},
        "position": {"type": "integer"},
        "snippet": {"type": "string", "description": "HTML-escaped text; the only markup is "
                    "<mark> around matches"},
        "years": {"type": "array", "items": {"type": "integer"}},
        "decades": {"type": "array", "items": {"type": "integer"}},
        "persons": {"type": "array", "items": {"type": "string"}},
        "person_ids": {"type": "array", "items": {"type": "string"}},
        "author": {"type": ["string", "null"]},
        "published": {"type": ["string", "null"]},
        "published_source": {"type": ["string", "null"], "description": "where the date was "
                             "read: catalogue, meta, front-matter, byline, dateline, path, title (a date in the page's title) or updated (a page's 'last updated' footer)"},
        "url": {"type": "string", "description": "/doc/<doc_id>?q=...#p<n>"},
        "score": {"type": ["number", "null"], "description": "BM25F score; null when sorted "
                  "by date or browsing without words"},
        "missing": {"type": "array", "items": {"type": "string"},
                    "description": "query words this result does not hold (a partial match; "
                    "empty when it holds them all)"},
        "matches": {"type": "integer", "description": "group=document: matching paragraphs"},
        "paragraphs": {"type": "array", "items": PARAGRAPH_LINK,
                       "description": "group=document: links to the matching paragraphs"},
    },
}

SEARCH_RESPONSE = {
    "type": "object",
    "required": ["ok", "query", "total", "page", "size", "pages", "partial", "hits", "facets",
                 "suggestion", "expanded", "generation"],
    "properties": {
        "ok": {"const": True},
        "query": {"type": "object", "description": "the request as understood (people by "
                  "canonical name)"},
        "total": {"type": "integer", "description": "exact number of matching paragraphs "
                  "(documents when group=document)"},
        "page": {"type": "integer"},
        "size": {"type": "integer"},
        "pages": {"type": "integer"},
        "partial": {"type": "boolean", "description": "some results lack a query word "
                    "(see match and each hit's missing)"},
        "hits": {"type": "array", "items": HIT},
        "facets": {"type": "object", "required": ["person", "year", "decade", "published"],
                   "properties": {k: {"type": "array", "items": FACET_VALUE}
                                  for k in ("person", "year", "decade", "published")}},
        "suggestion": {"type": ["string", "null"], "description": "did you mean"},
        "expanded": {"type": "array", "items": {"type": "string"},
                     "description": "close forms of rare words that were also searched"},
        "generation": {"type": "string"},
    },
}

DOCUMENT = {
    "type": "object",
    "required": ["ok", "doc_id", "title", "author", "published", "paragraphs"],
    "properties": {
        "ok": {"const": True},
        "doc_id": {"type": "string"},
        "title": {"type": "string"},
        "author": {"type": ["string", "null"]},
        "published": {"type": ["string", "null"]},
        "published_source": {"type": ["string", "null"], "description": "where the date was "
                             "read: catalogue, meta, front-matter, byline, dateline, path, title (a date in the page's title) or updated (a page's 'last updated' footer)"},
        "persons": {"type": "array", "description": "the whole document's people, most "
                    "mentioned first", "items": {
                        "type": "object", "required": ["id", "name", "paragraphs"],
                        "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                                       "paragraphs": {"type": "integer"}}}},
        "years": {"type": "array", "items": {"type": "integer"},
                  "description": "every year the document mentions"},
        "generation": {"type": "string"},
        "paragraphs": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "anchor", "position", "section", "text", "years", "decades",
                         "persons", "person_ids"],
            "properties": {
                "id": {"type": "string"}, "anchor": {"type": "string"},
                "position": {"type": "integer"}, "section": {"type": "string"},
                "text": {"type": "string"},
                "years": {"type": "array", "items": {"type": "integer"}},
                "decades": {"type": "array", "items": {"type": "integer"}},
                "persons": {"type": "array", "items": {"type": "string"}},
                "person_ids": {"type": "array", "items": {"type": "string"}},
            }}},
    },
}

HEALTH = {
    "type": "object",
    "required": ["ok", "generation", "paragraphs", "documents", "built_at"],
    "properties": {"ok": {"const": True}, "generation": {"type": "string"},
                   "paragraphs": {"type": "integer"}, "documents": {"type": "integer"},
                   "built_at": {"type": ["string", "null"]}},
}

TASK = {
    "type": "object",
    "required": ["id", "kind", "state", "started_at", "finished_at", "seconds", "exit_code"],
    "properties": {
        "id": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "kind": {"const": "update"},
        "state": {"enum": ["running", "succeeded", "failed"]},
        "started_at": {"type": "string"}, "finished_at": {"type": ["string", "null"]},
        "seconds": {"type": ["number", "null"]}, "exit_code": {"type": ["integer", "null"]},
        "output": {"type": "string", "description": "the last lines the update printed"},
        "progress": {"type": "string", "description": "the last line it printed"},
    },
}

PERSON_VALUES = {
    "type": "object",
    "required": ["ok", "prefix", "total", "values"],
    "properties": {"ok": {"const": True}, "prefix": {"type": "string"},
                   "total": {"type": "integer"},
                   "values": {"type": "array", "items": FACET_VALUE}},
}


def _json(schema: dict[str, Any] | str, description: str) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{schema}"} if isinstance(schema, str) else schema
    return {"description": description, "content": {"application/json": {"schema": ref}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {400: "invalid parameters (every problem listed)", 401: "missing or wrong token",
            404: "unknown document", 409: "an update is already running",
            429: "rate limit exceeded", 503: "no index loaded, or the search took too long"}
    return {str(c): _json("Error", text[c]) for c in codes}


def _blank_ok(schema: dict[str, Any]) -> dict[str, Any]:
    """An empty value means "not given" (HTML forms send empty fields), so it is valid.

    >>> _blank_ok({"type": "integer"})["anyOf"][1]
    {'type': 'string', 'maxLength': 0}
    """
    return {"anyOf": [schema, {"type": "string", "maxLength": 0}]}


def search_parameters(settings: Settings) -> list[dict[str, Any]]:
    def p(name: str, schema: dict, description: str, repeat: bool = False) -> dict:
        if name != "q":
            schema = _blank_ok(schema)
        if repeat:
            schema = {"type": "array", "items": schema}
        out = {"name": name, "in": "query", "required": False, "schema": schema,
               "description": description}
        if repeat:
            out.update(style="form", explode=True)
        return out

    return [
        p("q", {"type": "string", "maxLength": settings.max_query_length},
          "words (stemmed, case/accent folded), \"phrases\", AND/OR/NOT, -word, "
          "title:/section:/person:/year:/decade:/author:, bounded trailing wildcards; "
          "empty browses everything"),
        p("person", {"type": "string"}, "person id or canonical name; repeat for OR", True),
        p("year", {"type": "integer", "minimum": 0, "maximum": 9999},
          "year mentioned; repeat for OR", True),
        p("decade", {"type": "integer", "minimum": 0, "maximum": 9990, "multipleOf": 10},
          "decade mentioned as such (1930 = the 1930s); repeat for OR", True),
        p("published", {"type": "integer", "minimum": 0, "maximum": 9999},
          "publication year; repeat for OR", True),
        p("year_from", {"type": "integer", "minimum": 0, "maximum": 9999},
          "some mentioned year is at least this"),
        p("year_to", {"type": "integer", "minimum": 0, "maximum": 9999},
          "some mentioned year is at most this"),
        p("published_from", {"type": "integer", "minimum": 0, "maximum": 9999},
          "published in this year or later"),
        p("published_to", {"type": "integer", "minimum": 0, "maximum": 9999},
          "published in this year or earlier"),
        p("page", {"type": "integer", "minimum": 1, "default": 1},
          f"page number; page × size ≤ {settings.max_depth}"),
        p("size", {"type": "integer", "minimum": 1, "maximum": settings.max_page_size,
                   "default": settings.default_page_size}, "results per page"),
        p("sort", {"type": "string", "enum": ["relevance", "date_asc", "date_desc"],
                   "default": "relevance"}, "order of results"),
        p("group", {"type": "string", "enum": ["paragraph", "document"],
                    "default": "document"},
          "one result per document (the default: plain words may be anywhere in it, its best "
          "passage shown) or one per paragraph (every word in that paragraph)"),
        p("match", {"type": "string", "enum": ["all", "most", "any"], "default": "most"},
          "all: every word; most (the default): every word where some result has them all, "
          "and for three or more words also results lacking a quarter of them; when no "
          "result holds every word, those holding the most; any: any word. Results lacking "
          "a word are ranked lower, the response says partial and each hit lists its "
          "missing words"),
    ]


def openapi_document(settings: Settings) -> dict[str, Any]:
    params = search_parameters(settings)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Archive Search API", "version": "1.0",
                 "description": "Full-text search over historical archives with person and "
                 "year facets. Every error has the Error shape."},
        "paths": {
            "/api/search": {"get": {
                "operationId": "search", "summary": "Search paragraphs (or documents)",
                "description": "Filters are OR within one facet and AND across facets. Each "
                "facet's counts use every filter except its own (multi-select).",
                "parameters": params,
                "responses": {"200": _json("SearchResponse", "results, facets, suggestion"),
                              **_errors(400, 429, 503)},
            }},
            "/api/facets/person": {"get": {
                "operationId": "personFacet",
                "summary": "People whose name starts with a prefix, counted under the query",
                "parameters": [
                    {"name": "prefix", "in": "query", "required": False,
                     "schema": {"type": "string", "maxLength": 100},
                     "description": "start of any word of a name, alias or id"},
                    {"name": "limit", "in": "query", "required": False,
                     "schema": _blank_ok({"type": "integer", "minimum": 1,
                                          "maximum": settings.max_page_size, "default": 20})},
                    *params,
                ],
                "responses": {"200": _json("PersonValues", "matching people with counts"),
                              **_errors(400, 429, 503)},
            }},
            "/api/documents/{doc_id}": {"get": {
                "operationId": "document", "summary": "A document with all its paragraphs",
                "parameters": [{"name": "doc_id", "in": "path", "required": True,
                                "schema": {"type": "string"},
                                "description": "corpus-relative path; may contain '/'"}],
                "responses": {"200": _json("Document", "metadata and paragraphs"),
                              **_errors(400, 404, 429, 503)},
            }},
            "/api/suggest": {"get": {**suggest_api.OPENAPI_PATH["get"], "responses": {
                **suggest_api.OPENAPI_PATH["get"]["responses"], **_errors(429, 503)}}},
            "/healthz": {"get": {
                "operationId": "health", "summary": "Is an index loaded?",
                "responses": {"200": _json("Health", "serving"),
                              "503": _json("Error", "no index generation is loaded")},
            }},
            "/openapi.json": {"get": {
                "operationId": "openapi", "summary": "This document",
                "responses": {"200": {"description": "OpenAPI 3.1 document",
                                      "content": {"application/json": {}}}},
            }},
            "/admin/reload": {"post": {
                "operationId": "reload",
                "summary": "Check CURRENT now instead of waiting for the next poll",
                "security": [{"bearer": []}],
                "responses": {"200": {"description": "checked", "content": {
                    "application/json": {"schema": {"type": "object", "properties": {
                        "ok": {"const": True}, "switched": {"type": "boolean"},
                        "generation": {"type": ["string", "null"]}}}}}},
                    "401": _json("Error", "missing or wrong token"),
                    "404": _json("Error", "admin API disabled (no ARCHIVE_ADMIN_TOKEN)")},
            }},
            "/api/admin/update": {"post": {
                "operationId": "startUpdate",
                "summary": "Run `python -m indexer update` on ARCHIVE_CORPUS in the background",
                "security": [{"bearer": []}],
                "responses": {"202": _json({"type": "object", "required": ["ok", "task", "url"],
                                            "properties": {"ok": {"const": True},
                                                           "task": TASK, "url": {"type": "string"}}},
                                           "started; poll the task's url"),
                              **_errors(401, 409),
                              "404": _json("Error", "admin API disabled (no ARCHIVE_ADMIN_TOKEN)")},
            }},
            "/api/admin/tasks/{task_id}": {"get": {
                "operationId": "task", "summary": "State and output of an update task",
                "security": [{"bearer": []}],
                "parameters": [{"name": "task_id", "in": "path", "required": True,
                                "schema": {"type": "string"}}],
                "responses": {"200": _json({"type": "object", "required": ["ok", "task"],
                                            "properties": {"ok": {"const": True},
                                                           "task": TASK}}, "the task"),
                              **_errors(401),
                              "404": _json("Error", "unknown task, or admin API disabled")},
            }},
            "/metrics": {"get": {
                "operationId": "metrics", "summary": "Prometheus metrics (text format)",
                "responses": {"200": {"description": "Prometheus text exposition format",
                                      "content": {"text/plain": {}}}}}},
            "/": {"get": {"operationId": "searchPage", "summary": "Search page (HTML)",
                          "parameters": params,
                          "responses": {"200": {"description": "HTML",
                                                "content": {"text/html": {}}},
                                        **{str(c): {"description": "HTML error page",
                                                    "content": {"text/html": {}}}
                                           for c in (400, 429, 503)}}}},
            "/doc/{doc_id}": {"get": {
                "operationId": "documentPage", "summary": "Document page (HTML)",
                "parameters": [{"name": "doc_id", "in": "path", "required": True,
                                "schema": {"type": "string"}},
                               {"name": "q", "in": "query", "required": False,
                                "schema": {"type": "string"},
                                "description": "terms to highlight"}],
                "responses": {"200": {"description": "HTML", "content": {"text/html": {}}},
                              **{str(c): {"description": "HTML error page (400: an invalid "
                                          "document id)", "content": {"text/html": {}}}
                                 for c in (400, 404, 429, 503)}}}},
        },
        "components": {
            "schemas": {"Error": ERROR, "SearchResponse": SEARCH_RESPONSE, "Hit": HIT,
                        "FacetValue": FACET_VALUE, "Document": DOCUMENT, "Health": HEALTH,
                        "PersonValues": PERSON_VALUES,
                        "Suggestions": suggest_api.OPENAPI_SCHEMA},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
