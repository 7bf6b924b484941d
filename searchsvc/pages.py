"""The visitor's HTML pages: search (/) and document (/doc/{doc_id}).

Pages are rendered on the server and work with JavaScript disabled: every
facet toggle, chip, sort, grouping and page is a plain link built here.
Jinja2 autoescapes everything; only snippets and highlighted paragraphs are
marked safe, and those were escaped by :mod:`searchsvc.highlight` first.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from searchsvc.documents import load_document
from searchsvc.errors import BadRequest
from searchsvc.highlight import highlight
from searchsvc.index_state import LoadedIndex
from searchsvc.search import FILTERS, SEARCH_PARAMS, parse_request, person_values, search
from searchsvc.settings import Settings

Params = list[tuple[str, str]]
HTML_EXTRA = ("more",)  # HTML-only: "more=person" lists every person


def page_url(params: Params, drop: Sequence[tuple[str, str | None]] = (),
             add: Sequence[tuple[str, str]] = (), keep_page: bool = False) -> str:
    """A link to the search page with some parameters removed and others added.

    ``(name, None)`` in ``drop`` removes every value of ``name``. Changing the
    filters returns to page 1 unless ``keep_page``.

    >>> page_url([("q", "exile"), ("year", "1940"), ("page", "3")], drop=[("year", "1940")])
    '/?q=exile'
    >>> page_url([("q", "exile")], add=[("year", "1940")])
    '/?q=exile&year=1940'
    """
    out = []
    for name, value in params:
        if not value or (name == "page" and not keep_page):
            continue
        if any(n == name and (v is None or v == value) for n, v in drop):
            continue
        out.append((name, value))
    out.extend(add)
    return "/?" + urlencode(out) if out else "/"


class Renderer:
    def __init__(self, directory: Path, settings: Settings) -> None:
        self.templates = Jinja2Templates(directory=str(directory))
        self.settings = settings

    def render(self, request: Request, name: str, context: dict[str, Any],
               status: int = 200, headers: dict[str, str] | None = None) -> Response:
        return self.templates.TemplateResponse(request, name, context, status_code=status,
                                               headers=headers)

    def error_page(self, request: Request, status: int, title: str,
                   errors: list[tuple[str | None, str]],
                   headers: dict[str, str] | None = None) -> Response:
        return self.render(request, "error.html", {"status": status, "title": title,
                                                   "errors": errors}, status, headers)

    # -- search ------------------------------------------------------------------------
    def search_page(self, request: Request, gen: LoadedIndex) -> Response:
        raw: Params = [(k, v) for k, v in request.query_params.multi_items()
                       if k in SEARCH_PARAMS or k in HTML_EXTRA]
        req = parse_request(raw, self.settings, gen.persons, extra=HTML_EXTRA, strict=False)
        body = search(gen, req, self.settings)
        # Links use canonical names for people, whatever form the visitor typed.
        params: Params = [(k, v) for k, v in raw if k not in ("person", "more")]
        params += [("person", gen.persons.name(p)) for p in req.person]
        facets = {name: [dict(v, url=page_url(params, drop=[(name, v["value"])])
                              if v["selected"] else page_url(params, add=[(name, v["value"])]))
                         for v in values]
                  for name, values in body["facets"].items()}
        more = request.query_params.get("more") == "person"
        if more:
            everyone = person_values(gen, req, self.settings, "", 500)["values"]
            facets["person"] = [dict(v, url=page_url(params, drop=[("person", v["value"])])
                                     if v["selected"] else
                                     page_url(params, add=[("person", v["value"])]))
                                for v in everyone]
        chips = [{"label": f"{name.replace('_', ' ')}: {value}",
                  "url": page_url(params, drop=[(name, value)])}
                 for name, value in params if name in (*FILTERS, "year_from", "year_to")]
        hist_max = max((v["count"] for v in facets["decade"]), default=0)
        for v in facets["decade"]:
            v["height"] = round(10 * v["count"] / hist_max) if hist_max else 0
        pages = body["pages"]
        nav = {
            "prev": page_url(params, drop=[("page", None)], add=[("page", str(req.page - 1))])
            if req.page > 1 else None,
            "next": page_url(params, drop=[("page", None)], add=[("page", str(req.page + 1))])
            if req.page < pages else None,
            "pages": [(n, page_url(params, drop=[("page", None)], add=[("page", str(n))]),
                       n == req.page)
                      for n in range(max(1, req.page - 3), min(pages, req.page + 3) + 1)],
        }
        toggles = {
            "group": [(g, page_url(params, drop=[("group", None)], add=[("group", g)]),
                       g == req.group) for g in ("paragraph", "document")],
            "sort": [(s, page_url(params, drop=[("sort", None)], add=[("sort", s)]),
                      s == req.sort) for s in ("relevance", "date_asc", "date_desc")],
        }
        hits = [dict(h, snippet=Markup(h["snippet"])) for h in body["hits"]]
        return self.render(request, "search.html", {
            "body": body, "req": req, "hits": hits, "facets": facets, "chips": chips,
            "nav": nav, "toggles": toggles, "more": more,
            "hidden": [(k, v) for k, v in params if k not in ("q", "page")],
            "more_url": page_url(params, add=[("more", "person")]),
            "suggestion_url": page_url(params, drop=[("q", None)],
                                       add=[("q", body["suggestion"])])
            if body["suggestion"] else None,
            "generation": gen.name,
        })

    # -- document ----------------------------------------------------------------------
    def document_page(self, request: Request, gen: LoadedIndex, doc_id: str) -> Response:
        q = request.query_params.get("q", "")
        if len(q) > self.settings.max_query_length:
            raise BadRequest([("q", f"at most {self.settings.max_query_length} characters")])
        doc = load_document(gen, doc_id)
        terms = gen.builder.build(q, gen.searcher().reader()).terms if q.strip() else None
        paragraphs = [dict(p, html=Markup(highlight(p["text"], terms)) if terms
                           else p["text"]) for p in doc["paragraphs"]]
        return self.render(request, "document.html", {
            "doc": doc, "paragraphs": paragraphs, "q": q,
            "back": page_url([("q", q)]) if q else "/",
            "base_url": str(request.base_url).rstrip("/"),
        })
