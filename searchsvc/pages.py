"""The visitor's HTML pages: search (/) and document (/doc/{doc_id}).

Pages are rendered on the server and work with JavaScript disabled: every
facet toggle, chip, sort, grouping and page is a plain link built here.
Jinja2 autoescapes everything; only snippets and highlighted paragraphs are
marked safe, and those were escaped by :mod:`indexer.engine.highlight` first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from markupsafe import Markup
from rapidfuzz import fuzz, process
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import NoMatchFound
from starlette.templating import Jinja2Templates

from indexer.engine.highlight import highlight
from searchsvc.documents import load_document
from searchsvc.errors import BadRequest
from searchsvc.facets import combine
from searchsvc.histogram import bars, decade_counts
from searchsvc.index_state import LoadedIndex
from searchsvc.links import citation_base
from searchsvc.persons import fold
from searchsvc.search import (
    FILTERS,
    SEARCH_PARAMS,
    Execution,
    SearchRequest,
    parse_request,
    person_values,
    search,
)
from searchsvc.settings import Settings

Params = list[tuple[str, str]]
# HTML-only parameters: "more=person" lists every person, "who" filters them by prefix.
HTML_EXTRA = ("more", "who")
CHIP_NAMES = {"person": "Person", "year": "Year", "decade": "Decade named",
              "published": "Published"}
NEAREST_PEOPLE = 6  # people offered when nothing is found


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
        context = {"suggest_url": suggest_url(request), **context}
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
        params: Params = [(k, v) for k, v in raw if k not in ("person", *HTML_EXTRA)]
        params += [("person", gen.persons.name(p)) for p in req.person]

        def toggle(name: str, v: dict) -> dict:
            return dict(v, url=page_url(params, drop=[(name, v["value"])]) if v["selected"]
                        else page_url(params, add=[(name, v["value"])]))

        facets = {name: [toggle(name, v) for v in values]
                  for name, values in body["facets"].items()}
        who = request.query_params.get("who", "").strip()[:100]
        more = request.query_params.get("more") == "person" or bool(who)
        if more:
            everyone = person_values(gen, req, self.settings, who, 500)["values"]
            facets["person"] = [toggle("person", v) for v in everyone]
        hist_max = max((v["count"] for v in facets["decade"]), default=0)
        for v in facets["decade"]:
            v["height"] = round(10 * v["count"] / hist_max) if hist_max else 0
        histogram = self.histogram(gen, req, params)
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
            "body": body, "req": req, "hits": hits, "facets": facets,
            "chips": chips(params), "histogram": histogram,
            "nav": nav, "toggles": toggles, "more": more, "who": who,
            "hidden": [(k, v) for k, v in params if k not in ("q", "page")],
            "more_url": page_url(params, add=[("more", "person")]),
            "all_words_url": page_url(params, drop=[("match", None)], add=[("match", "all")])
            if body["partial"] and req.match != "all" else None,
            "suggestion_url": page_url(params, drop=[("q", None)],
                                       add=[("q", body["suggestion"])])
            if body["suggestion"] else None,
            "nearest": [] if hits else self.nearest_people(gen, req),
            "autofocus": not req.q and not params,
            "generation": gen.name,
        })

    def histogram(self, gen: LoadedIndex, req: SearchRequest, params: Params) -> list[dict]:
        """Decade bars of the years mentioned; a bar sets the year range to its decade."""
        key = ("histogram", req.key())
        cached = gen.responses.get(key)
        if cached is None:
            ex = Execution(gen, req, self.settings)
            ids = ex.matches(ex.parsed(), None).ids
            masks = ex.masks()
            masks.pop("year_range", None)  # the bars' own filter
            mask = combine(list(masks.values()))
            subset = ids if mask is None else ids[mask[ids]]
            doc_ord = gen.columns.doc_ord if req.group == "document" else None
            cached = decade_counts(gen.facets["year"], subset, doc_ord, owner=gen)
            gen.responses.put(key, cached)
        out = []
        for b in bars(cached, (req.year_from, req.year_to)):
            rng = [("year_from", None), ("year_to", None)]
            add = [] if b["selected"] else [("year_from", str(b["decade"])),
                                            ("year_to", str(b["decade"] + 9))]
            out.append(dict(b, url=page_url(params, drop=rng, add=add)))
        return out

    def nearest_people(self, gen: LoadedIndex, req: SearchRequest) -> list[dict]:
        """When nothing is found: people whose names are close to the query, then the
        people in the results the query would have without its filters."""
        persons = gen.persons
        counts = {pid: len(p) for pid, p in zip(gen.facets["person"].values,
                                                 gen.facets["person"].postings)}
        found: dict[str, int] = {}
        if req.q.strip():
            names = {pid: fold(persons.name(pid)) for pid in counts}
            for _, score, pid in process.extract(fold(req.q), names, scorer=fuzz.WRatio,
                                                 limit=NEAREST_PEOPLE, score_cutoff=86):
                found.setdefault(pid, counts[pid])
        unfiltered = replace(req, person=(), year=(), decade=(), published=(), year_from=None,
                             year_to=None, page=1)
        if unfiltered != req:
            for v in search(gen, unfiltered, self.settings)["facets"]["person"]:
                found.setdefault(v["id"], v["count"])
        return [{"label": persons.name(pid), "count": n,
                 "url": page_url([("person", persons.name(pid))])}
                for pid, n in list(found.items())[:NEAREST_PEOPLE]]

    # -- document ----------------------------------------------------------------------
    def document_page(self, request: Request, gen: LoadedIndex, doc_id: str) -> Response:
        q = request.query_params.get("q", "")
        if len(q) > self.settings.max_query_length:
            raise BadRequest([("q", f"at most {self.settings.max_query_length} characters")])
        cite = request.query_params.get("cite", "")
        doc = load_document(gen, doc_id)
        terms = gen.builder.build(q, gen.searcher().reader()).terms if q.strip() else None
        # Configured, never the Host header (links.py).
        base_url = citation_base(self.settings.public_url, self.settings.host, self.settings.port)
        permalink = f"{base_url}/doc/{quote(doc_id, safe='/')}"
        paragraphs = []
        for p in doc["paragraphs"]:
            html = highlight(p["text"], terms) if terms else None
            paragraphs.append(dict(
                p, html=Markup(html) if html else p["text"],
                matched=bool(html and "<mark>" in html),
                permalink=f"{permalink}#{p['anchor']}",
                cite_url="?" + urlencode([*([("q", q)] if q else []), ("cite", p["anchor"])])
                + f"#{p['anchor']}",
                citation=citation(doc, p, permalink) if cite == p["anchor"] else None,
            ))
        matched = [p for p in paragraphs if p["matched"]]
        for i, p in enumerate(matched):
            p["match_no"], p["matches"] = i + 1, len(matched)
            p["prev_match"] = matched[i - 1]["anchor"] if i else None
            p["next_match"] = matched[i + 1]["anchor"] if i + 1 < len(matched) else None
        for person in doc["persons"]:
            person["url"] = page_url([("person", person["name"])])
        return self.render(request, "document.html", {
            "doc": doc, "paragraphs": paragraphs, "q": q, "matched": matched,
            "back": back_link(request, q),
            "citation_prefix": citation(doc, None, permalink),
            "base_url": base_url,
        })


def suggest_url(request: Request) -> str | None:
    """Where the search box asks for suggestions; None (no suggestions) when the app has
    no route named "api_suggest", so the page never calls an endpoint that is missing."""
    try:
        return str(request.app.url_path_for("api_suggest"))
    except (NoMatchFound, AttributeError):
        return None


def chips(params: Params) -> list[dict[str, str]]:
    """Removable labels for the active filters; each range is one chip.

    >>> [c["label"] for c in chips([("q", "x"), ("person", "Rosa Luxemburg"),
    ...                             ("year_from", "1910"), ("year_to", "1919"),
    ...                             ("published_from", "2003")])]
    ['Person: Rosa Luxemburg', 'Published: from 2003', 'Years: 1910–1919']
    """
    out = [{"label": f"{CHIP_NAMES[name]}: {value}{'s' if name == 'decade' else ''}",
            "url": page_url(params, drop=[(name, value)])}
           for name, value in params if name in FILTERS]
    for name, title in (("published", "Published"), ("year", "Years")):
        lo_name, hi_name = f"{name}_from", f"{name}_to"
        rng = dict((k, v) for k, v in params if k in (lo_name, hi_name) and v.strip())
        if rng:
            lo, hi = rng.get(lo_name), rng.get(hi_name)
            label = (f"{lo}–{hi}" if lo and hi else f"from {lo}" if lo else f"up to {hi}")
            out.append({"label": f"{title}: {label}",
                        "url": page_url(params, drop=[(lo_name, None), (hi_name, None)])})
    return out


def citation(doc: dict[str, Any], p: dict[str, Any] | None, permalink: str) -> str:
    """How to cite a paragraph (or, with ``p`` None, the start shared by all of them).

    >>> citation({"title": "Exile", "author": "A. B.", "published": "1940"},
    ...          {"position": 2, "anchor": "p2"}, "http://x/doc/e.md")
    'A. B., “Exile” (1940), ¶3. Archive Search, http://x/doc/e.md#p2'
    """
    parts = [doc["author"]] if doc.get("author") else []
    parts.append(f"“{doc.get('title') or doc.get('doc_id')}”"
                 + (f" ({doc['published']})" if doc.get("published") else ""))
    start = ", ".join(parts)
    if p is None:
        return start
    return f"{start}, ¶{p['position'] + 1}. Archive Search, {permalink}#{p['anchor']}"


def back_link(request: Request, q: str) -> str:
    """Back to the results the visitor came from (filters, sort and page included) when the
    browser says so, else a search for the same words. Only our own search page is trusted.
    """
    ref = urlsplit(request.headers.get("referer", ""))
    if ref.netloc == request.url.netloc and ref.path == "/":
        return "/?" + ref.query if ref.query else "/"
    return page_url([("q", q)]) if q else "/"
