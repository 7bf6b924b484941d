"""The parts of a search response: hits, a document's matching paragraphs, facet values,
and the request echoed back.

Only what is shown is built here: stored fields are read, and snippets
highlighted, for the hits of one page.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any
from urllib.parse import quote, urlencode

import numpy as np

from indexer.engine.highlight import Terms, highlight, snippet, spans
from indexer.models import Paragraph
from searchsvc.documents import anchor
from searchsvc.facets import FacetField
from searchsvc.links import link_query
from searchsvc.persons import PersonRegistry
from searchsvc.search_request import SearchRequest

LINKS_PER_DOCUMENT = 20  # matching paragraphs linked from one grouped result


def paragraph_hit(p: Paragraph, score: float | None, terms: Terms, persons: PersonRegistry,
                  q: str) -> dict[str, Any]:
    """One result: the paragraph, its snippet, its people and years, its link."""
    return {
        "id": p.id,
        "doc_id": p.doc_id,
        "title": p.title,
        "section": p.section,
        "position": p.position,
        "snippet": hit_snippet(p, terms),
        "years": list(p.years),
        "decades": list(p.decades),
        "persons": [persons.name(r.id, r.name) for r in p.persons],
        "person_ids": [r.id for r in p.persons],
        "author": p.author,
        "published": p.published,
        "published_source": p.published_source,
        "url": doc_url(p.doc_id, anchor(p.id, p.position), q),
        "score": None if score is None else round(float(score), 4),
    }


def document_links(searcher, columns, docnum: int, final: np.ndarray,
                   q: str) -> tuple[int, list[dict]]:
    """How many of ``final`` are in ``docnum``'s document, and links to the first of
    them in reading order."""
    same = final[columns.doc_ord[final] == columns.doc_ord[docnum]]
    same = same[np.argsort(columns.position[same], kind="stable")]
    links = []
    for d in same[:LINKS_PER_DOCUMENT]:
        stored = searcher.stored_fields(int(d))
        pid = stored.get("id", "")
        position = stored.get("position", 0)
        links.append({"id": pid, "position": int(position),
                      "url": doc_url(stored.get("doc_id", ""), anchor(pid, position), q)})
    return int(len(same)), links


def facet_values(facets: dict[str, FacetField], counts: dict[str, np.ndarray],
                 req: SearchRequest, persons: PersonRegistry,
                 facet_size: int) -> dict[str, list[dict]]:
    """Each facet's values with their counts; the request's own values marked selected."""
    out: dict[str, list[dict]] = {}
    selected = {name: set(values) for name, values in req.filter_values().items()}
    for name, facet in facets.items():
        if name == "person":
            out[name] = _person_values(facet, counts[name], selected[name], persons, facet_size)
        else:
            out[name] = _ordered_values(name, facet, counts[name], selected[name])
    return out


def _person_values(facet: FacetField, counts: np.ndarray, selected: set[str],
                   persons: PersonRegistry, facet_size: int) -> list[dict]:
    """The ``facet_size`` persons counted most often, by name within a count; selected
    persons stay, whatever their count."""
    shown = _most_counted(facet, counts, selected, facet_size)
    rows = [(facet.values[i], int(n)) for i, n in zip(shown.tolist(), counts[shown].tolist())]
    present = {v for v, _ in rows}
    rows += [(v, 0) for v in selected if v not in present]
    rows.sort(key=lambda r: (-r[1], persons.sort_key(r[0])))
    top = rows[:facet_size]
    top += [r for r in rows[facet_size:] if r[0] in selected]
    return [{"value": persons.name(v), "label": persons.name(v), "id": v,
             "count": n, "selected": v in selected} for v, n in top]


def _most_counted(facet: FacetField, counts: np.ndarray, selected: set[str],
                  facet_size: int) -> np.ndarray:
    """The counted values that can make the list, and the selected ones among the
    counted. Only these are sorted by name: those counted at least as often as the
    facet_size-th (ties kept whole)."""
    nonzero = np.flatnonzero(counts)
    if len(nonzero) <= facet_size:
        return nonzero
    cut = np.partition(counts[nonzero], len(nonzero) - facet_size)[len(nonzero) - facet_size]
    chosen = [i for i in map(facet.index_of, selected) if i is not None]
    keep = counts[nonzero] >= cut
    keep[np.isin(nonzero, chosen)] = True
    return nonzero[keep]


def _ordered_values(name: str, facet: FacetField, counts: np.ndarray,
                    selected: set[str]) -> list[dict]:
    """Every counted value of a year-like facet in numeric order, selected ones
    kept with a zero count. The order is the facet's, worked out once: a
    common word counts some 300 years, and sorting them per request showed."""
    order = facet.numeric_order()
    shown = order[counts[order] > 0]
    values = facet.values
    rows = [(values[i], n) for i, n in zip(shown.tolist(), counts[shown].tolist())]
    missing = selected - {v for v, _ in rows} if selected else ()
    if missing:
        rows += [(v, 0) for v in missing]
        rows.sort(key=lambda r: int(r[0]) if r[0].isdigit() else 0)
    suffix = "s" if name == "decade" else ""
    return [{"value": v, "label": v + suffix, "count": n, "selected": v in selected}
            for v, n in rows]


def echo(req: SearchRequest, persons: PersonRegistry) -> dict[str, Any]:
    """The request as understood: persons by their canonical names."""
    d = asdict(req)
    d["person"] = [persons.name(p) for p in req.person]
    for f in ("year", "decade", "published"):
        d[f] = list(d[f])
    return d


def hit_snippet(p: Paragraph, terms: Terms) -> str:
    """The paragraph's best window; when only the heading or title matched, that
    heading leads the snippet so the visitor sees why the paragraph was found.

    >>> hit_snippet(Paragraph("d#p0", "d", "On Strikes", 0, "Text."), Terms.of(stems={"strike"}))
    'On <mark>Strikes</mark> — Text.'
    """
    text = snippet(p.text, terms)
    if not terms or "<mark>" in text:
        return text
    for heading in (p.section, p.title):
        if heading and spans(heading, terms):
            return highlight(heading, terms) + " — " + text
    return text


def doc_url(doc_id: str, anchor: str, q: str = "") -> str:
    """Permalink to a paragraph, carrying the query so the page can highlight it.

    >>> doc_url("mia/exile 1.md", "p3", "tear down")
    '/doc/mia/exile%201.md?q=tear+down#p3'
    """
    q = link_query(q)  # bounded: a page prints thousands of links
    query = "?" + urlencode({"q": q}) if q else ""
    return f"/doc/{quote(doc_id, safe='/')}{query}#{anchor}"
