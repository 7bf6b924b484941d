"""A search request: query parameters validated into a SearchRequest.

Every problem with the parameters is collected, then reported together as one
400, so a visitor fixes them in one go. Each family of parameters (the query,
the filters, the ranges, paging, the choices) is read by its own step.

>>> from searchsvc.settings import Settings
>>> class NoPersons:
...     def resolve(self, raw): return None
>>> req = parse_request([("q", " tear  down "), ("year", "1940"), ("year", "1940")],
...                     Settings(), NoPersons())
>>> req.q, req.year, req.group
('tear down', (1940,), 'document')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from searchsvc.docrank import MATCH_MODES
from searchsvc.errors import BadRequest
from searchsvc.params import whole_number
from searchsvc.settings import Settings

SORTS = ("relevance", "date_asc", "date_desc")
GROUPS = ("paragraph", "document")
FILTERS = ("person", "year", "decade", "published")
SEARCH_PARAMS = ("q", *FILTERS, "year_from", "year_to", "published_from", "published_to",
                 "page", "size", "sort", "group", "match")

Errors = list[tuple[str | None, str]]


@dataclass(frozen=True)
class SearchRequest:
    """A validated request; person holds ids, the echo shows canonical names.

    >>> SearchRequest(q="exile").key()[0]
    'exile'
    """

    q: str = ""
    person: tuple[str, ...] = ()
    year: tuple[int, ...] = ()
    decade: tuple[int, ...] = ()
    published: tuple[int, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    published_from: int | None = None
    published_to: int | None = None
    page: int = 1
    size: int = 10
    sort: str = "relevance"
    # A visitor looks for documents: words anywhere in one document, its best passages
    # shown; the paragraph list is one parameter away.
    group: str = "document"
    match: str = "most"

    def key(self) -> tuple:
        """Normalised: filter order and duplicates don't make a new cache entry."""
        d = asdict(self)
        for f in FILTERS:
            d[f] = tuple(sorted(set(d[f])))
        return tuple(d.values())

    def filter_values(self) -> dict[str, tuple[str, ...]]:
        """Each filter's values as its facet spells them (person ids, years as text).

        >>> SearchRequest(year=(1940,), person=("trotsky-leon",)).filter_values()["year"]
        ('1940',)
        """
        return {"person": self.person, "year": tuple(str(y) for y in self.year),
                "decade": tuple(str(d) for d in self.decade),
                "published": tuple(str(p) for p in self.published)}

    def ranks(self) -> tuple[int, int]:
        """The ranks this page shows: from ``start`` up to, not including, ``end``.

        >>> SearchRequest(page=3, size=10).ranks()
        (20, 30)
        """
        return (self.page - 1) * self.size, self.page * self.size


def parse_request(params: Sequence[tuple[str, str]], settings: Settings, persons,
                  extra: Iterable[str] = (), strict: bool = True) -> SearchRequest:
    """Validate query parameters (a multi-dict's items) into a SearchRequest.

    ``extra`` names the route's own parameters, read by the route; with ``strict``
    any other unknown parameter is an error.
    """
    errors: Errors = []
    single, multi = _by_name(params, set(SEARCH_PARAMS) | set(extra), strict, errors)
    q = _query(single.get("q", ""), settings, errors)
    person = _persons(multi["person"], persons, errors)
    year, decade, published = _years(multi, errors)
    year_from, year_to = _range("year", single, errors)
    published_from, published_to = _range("published", single, errors)
    page, size = _paging(single, settings, errors)
    sort = _choice(single, "sort", "relevance", SORTS, "sort", errors)
    group = _choice(single, "group", "document", GROUPS, "grouping", errors)
    match = _choice(single, "match", "most", MATCH_MODES, "match", errors)
    _check_filter_count(multi, settings, errors)
    if errors:
        raise BadRequest(errors)
    return SearchRequest(
        q=" ".join(q.split()), person=_distinct(person), year=_distinct(year),
        decade=_distinct(decade), published=_distinct(published),
        year_from=year_from, year_to=year_to, published_from=published_from,
        published_to=published_to, page=page, size=size, sort=sort, group=group, match=match,
    )


def _by_name(params: Sequence[tuple[str, str]], allowed: set[str], strict: bool,
             errors: Errors) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Single-valued parameters by name, and the (non-blank) values of each filter."""
    single: dict[str, str] = {}
    multi: dict[str, list[str]] = {f: [] for f in FILTERS}
    for name, value in params:
        if name in multi:
            if value.strip():
                multi[name].append(value.strip())
        elif name in allowed:
            if name in single and name in SEARCH_PARAMS:
                errors.append((name, "may be given only once"))
            single[name] = value
        elif strict:
            errors.append((name, "unknown parameter; valid: " + ", ".join(sorted(allowed))))
    return single, multi


def _query(q: str, settings: Settings, errors: Errors) -> str:
    if len(q) > settings.max_query_length:
        errors.append(("q", f"is {len(q)} characters long; at most "
                       f"{settings.max_query_length} are allowed"))
    if "\0" in q:
        errors.append(("q", "must not contain NUL characters"))
    return q


def _persons(names: list[str], persons, errors: Errors) -> list[str]:
    """The ids of the persons named (by name, alias or id)."""
    ids = []
    for raw in names:
        pid = persons.resolve(raw)
        if pid is None:
            errors.append(("person", f"unknown person {raw[:60]!r}: use a name or id "
                           "listed by /api/facets/person"))
        else:
            ids.append(pid)
    return ids


def _years(multi: dict[str, list[str]], errors: Errors
           ) -> tuple[list[int | None], list[int | None], list[int | None]]:
    """The year, decade and publication-year filters; None for a refused value."""
    years = [_int("year", v, errors, 0, 9999) for v in multi["year"]]
    decades = [_int("decade", v, errors, 0, 9990) for v in multi["decade"]]
    errors.extend(("decade", f"must be a multiple of 10 such as 1930, not {d}")
                  for d in decades if d is not None and d % 10)
    published = [_int("published", v, errors, 0, 9999, " (a publication year)")
                 for v in multi["published"]]
    return years, decades, published


def _range(name: str, single: dict[str, str], errors: Errors) -> tuple[int | None, int | None]:
    """``<name>_from`` and ``<name>_to``: years, either may be left open."""
    lo_name, hi_name = f"{name}_from", f"{name}_to"
    lo = _int(lo_name, single[lo_name], errors, 0, 9999) if single.get(lo_name, "").strip() else None
    hi = _int(hi_name, single[hi_name], errors, 0, 9999) if single.get(hi_name, "").strip() else None
    if lo is not None and hi is not None and lo > hi:
        errors.append((hi_name, f"must not be before {lo_name} ({lo})"))
    return lo, hi


def _paging(single: dict[str, str], settings: Settings, errors: Errors) -> tuple[int, int]:
    """Page and size; a refused one counts as its default, so the depth check still runs."""
    page = _int("page", single.get("page", "1") or "1", errors, 1) or 1
    default = str(settings.default_page_size)
    size = _int("size", single.get("size", default) or default, errors, 1,
                settings.max_page_size) or settings.default_page_size
    if page * size > settings.max_depth:
        errors.append(("page", f"page × size may be at most {settings.max_depth}; "
                       "narrow the search with filters instead"))
    return page, size


def _choice(single: dict[str, str], name: str, default: str, valid: Sequence[str], what: str,
            errors: Errors) -> str:
    """One of ``valid`` (``default`` when absent or empty).

    >>> errors = []; _choice({"sort": "up"}, "sort", "relevance", SORTS, "sort", errors), errors
    ('up', [('sort', "unknown sort 'up'; valid: relevance, date_asc, date_desc")])
    """
    value = single.get(name, default) or default
    if value not in valid:
        errors.append((name, f"unknown {what} {value[:40]!r}; valid: {', '.join(valid)}"))
    return value


def _check_filter_count(multi: dict[str, list[str]], settings: Settings, errors: Errors) -> None:
    n_filters = sum(len(v) for v in multi.values())
    if n_filters > settings.max_filters:
        errors.append((None, f"{n_filters} filter values given; at most "
                       f"{settings.max_filters} are allowed"))


def _int(name: str, raw: str, errors: Errors, lo: int | None = None, hi: int | None = None,
         hint: str = "") -> int | None:
    """Parse one integer parameter, recording a helpful error instead of raising."""
    value = whole_number(raw)
    if value is None:
        errors.append((name, f"must be a whole number (digits 0-9), not {raw[:40]!r}"))
        return None
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        bounds = f"between {lo} and {hi}" if hi is not None else f"at least {lo}"
        errors.append((name, f"must be {bounds}{hint}, not {value}"))
        return None
    return value


def _distinct(values: Iterable) -> tuple:
    """The values given, each once, in the order first given; refused (None) ones left out."""
    return tuple(dict.fromkeys(v for v in values if v is not None))
