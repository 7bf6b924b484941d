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
from searchsvc.histogram import bars, decade_counts
from searchsvc.index_state import LoadedIndex
from searchsvc.links import citation_base
from searchsvc.persons import PersonRegistry, fold
from searchsvc.search import Execution, person_values, search
from searchsvc.search_request import (
    FILTERS,
    GROUPS,
    SEARCH_PARAMS,
    SORTS,
    SearchRequest,
    parse_request,
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
        params = link_params(raw, req, gen.persons)
        facets = {name: toggled(params, name, values) for name, values in body["facets"].items()}
        who = request.query_params.get("who", "").strip()[:100]
        more = request.query_params.get("more") == "person" or bool(who)
        if more:
            everyone = person_values(gen, req, self.settings, who, 500)["values"]
            facets["person"] = toggled(params, "person", everyone)
        with_heights(facets["decade"])
        histogram = self.histogram(gen, req, params)
        hits = [dict(h, snippet=Markup(h["snippet"])) for h in body["hits"]]
        return self.render(request, "search.html", {
            "body": body, "req": req, "hits": hits, "facets": facets,
            "chips": chips(params), "histogram": histogram,
            "nav": page_nav(params, req.page, body["pages"]), "toggles": choices(params, req),
            "more": more, "who": who,
            "hidden": [(k, v) for k, v in params if k not in ("q", "page")],
            "more_url": page_url(params, add=[("more", "person")]),
            **other_searches(params, req, body),
            "nearest": [] if hits else self.nearest_people(gen, req),
            "autofocus": not req.q and not params,
            "generation": gen.name,
        })

    def histogram(self, gen: LoadedIndex, req: SearchRequest, params: Params) -> list[dict]:
        """Decade bars of the years mentioned; a bar sets the year range to its decade."""
        key = ("histogram", req.key())
        cached = gen.responses.get(key)
        if cached is None:
            # The bars' own filter, the year range, left out.
            subset, doc_ord = Execution(gen, req, self.settings).matches_without("year_range")
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
        paragraphs = [paragraph_view(doc, p, terms, q, cite, permalink)
                      for p in doc["paragraphs"]]
        matched = numbered_matches(paragraphs)
        for person in doc["persons"]:
            person["url"] = page_url([("person", person["name"])])
        return self.render(request, "document.html", {
            "doc": doc, "paragraphs": paragraphs, "q": q, "matched": matched,
            "back": back_link(request, q),
            "citation_prefix": citation(doc, None, permalink),
            "base_url": base_url,
        })


def link_params(raw: Params, req: SearchRequest, persons: PersonRegistry) -> Params:
    """What the page's links carry over: the search's parameters, people by their
    canonical names whatever form the visitor typed, none of the HTML-only ones."""
    params = [(k, v) for k, v in raw if k not in ("person", *HTML_EXTRA)]
    return params + [("person", persons.name(p)) for p in req.person]


def switched(params: Params, name: str, value: str) -> str:
    """A link to the search page with ``name`` set to ``value`` instead.

    >>> switched([("q", "exile"), ("sort", "date_asc")], "sort", "relevance")
    '/?q=exile&sort=relevance'
    """
    return page_url(params, drop=[(name, None)], add=[(name, value)])


def toggled(params: Params, name: str, values: list[dict]) -> list[dict]:
    """Facet values, each with the link that selects it, or drops it when selected."""
    return [dict(v, url=page_url(params, drop=[(name, v["value"])]) if v["selected"]
                 else page_url(params, add=[(name, v["value"])]))
            for v in values]


def with_heights(decades: list[dict]) -> None:
    """Each decade's bar height, 0 to 10, against the most counted one."""
    hist_max = max((v["count"] for v in decades), default=0)
    for v in decades:
        v["height"] = round(10 * v["count"] / hist_max) if hist_max else 0


def page_nav(params: Params, page: int, pages: int) -> dict[str, Any]:
    """Previous and next pages, and up to three pages either side of this one.

    >>> page_nav([("q", "x")], 1, 2)["next"], [n for n, _, _ in page_nav([], 5, 9)["pages"]]
    ('/?q=x&page=2', [2, 3, 4, 5, 6, 7, 8])
    """
    return {
        "prev": switched(params, "page", str(page - 1)) if page > 1 else None,
        "next": switched(params, "page", str(page + 1)) if page < pages else None,
        "pages": [(n, switched(params, "page", str(n)), n == page)
                  for n in range(max(1, page - 3), min(pages, page + 3) + 1)],
    }


def choices(params: Params, req: SearchRequest) -> dict[str, list[tuple[str, str, bool]]]:
    """The groupings and sorts, each with its link and whether it is the current one."""
    return {
        "group": [(g, switched(params, "group", g), g == req.group) for g in GROUPS],
        "sort": [(s, switched(params, "sort", s), s == req.sort) for s in SORTS],
    }


def other_searches(params: Params, req: SearchRequest, body: dict[str, Any]) -> dict[str, Any]:
    """Links to searches that may serve better: every word required, when some results
    lack one; the spelling suggestion, when there is one."""
    return {
        "all_words_url": switched(params, "match", "all")
        if body["partial"] and req.match != "all" else None,
        "suggestion_url": switched(params, "q", body["suggestion"])
        if body["suggestion"] else None,
    }


def paragraph_view(doc: dict[str, Any], p: dict[str, Any], terms, q: str, cite: str,
                   permalink: str) -> dict[str, Any]:
    """A paragraph of the document page: highlighted, with its permalink, the link that
    shows how to cite it, and that citation when it was asked for."""
    html = highlight(p["text"], terms) if terms else None
    anchor = p["anchor"]
    return dict(
        p, html=Markup(html) if html else p["text"],
        matched=bool(html and "<mark>" in html),
        permalink=f"{permalink}#{anchor}",
        cite_url="?" + urlencode([*([("q", q)] if q else []), ("cite", anchor)]) + f"#{anchor}",
        citation=citation(doc, p, permalink) if cite == anchor else None,
    )


def numbered_matches(paragraphs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The matching paragraphs, each numbered and linked to the previous and next."""
    matched = [p for p in paragraphs if p["matched"]]
    for i, p in enumerate(matched):
        p["match_no"], p["matches"] = i + 1, len(matched)
        p["prev_match"] = matched[i - 1]["anchor"] if i else None
        p["next_match"] = matched[i + 1]["anchor"] if i + 1 < len(matched) else None
    return matched


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
