"""Suggestions by prefix (searchsvc/suggest_api.py), called directly on a generation.

The same body is served at GET /api/suggest once app.py registers the route
(named "api_suggest"); the last test checks it over HTTP then.
"""

from __future__ import annotations

import pytest

from indexer.engine.generations import read_pointer
from searchsvc.errors import BadRequest
from searchsvc.index_state import LoadedIndex
from searchsvc.suggest_api import PrefixTable, suggestions


def suggest_route_registered() -> bool:
    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    return any(getattr(r, "name", None) == "api_suggest" for r in create_app(Settings()).routes)


@pytest.fixture(scope="module")
def gen(index_root):
    g = LoadedIndex(index_root, read_pointer(index_root))
    yield g
    g.close()


def get(gen, **params) -> dict:
    return suggestions(gen, {k: str(v) for k, v in params.items()})


@pytest.mark.parametrize("rows, prefix, limit, expected", [
    ([("strike", 9), ("stride", 2), ("street", 5)], "str", 2, [("strike", 9), ("street", 5)]),
    ([("strike", 9)], "strikes", 5, []),
    ([("a", 1), ("b", 2)], "", 5, [("b", 2), ("a", 1)]),
])
def test_prefix_table(rows, prefix, limit, expected):
    assert PrefixTable.build(rows).lookup(prefix, limit) == expected


def test_prefix_table_finds_a_value_by_any_key_once():
    t = PrefixTable.build([("Rosa Luxemburg", 3)], key_of=lambda v: ["rosa luxemburg",
                                                                     "luxemburg"])
    assert t.lookup("lux", 5) == t.lookup("rosa", 5) == [("Rosa Luxemburg", 3)]


def kinds(body: dict, kind: str) -> list[str]:
    return [s["value"] for s in body["suggestions"] if s["kind"] == kind]


@pytest.mark.parametrize("prefix, person", [
    ("lux", "Rosa Luxemburg"), ("ROSA L", "Rosa Luxemburg"),  # any word, any case
    ("red em", "Emma Goldman"),  # an alias
    ("card", "Lázaro Cárdenas"), ("cárd", "Lázaro Cárdenas"),  # accents folded
])
def test_people_by_any_word_alias_or_accent(gen, client, prefix, person):
    body = get(gen, prefix=prefix)
    assert body["ok"] and person in kinds(body, "person")
    first = next(s for s in body["suggestions"] if s["value"] == person)
    # the link filters the search page by that person
    page = client.get(first["url"])
    assert page.status_code == 200 and 'class="chip"' in page.text and first["count"] >= 1


def test_words_complete_the_last_word_most_frequent_first(gen):
    body = get(gen, prefix="general stri")
    words = kinds(body, "term")
    assert words and words[0] == "strike"
    assert all(w.startswith("stri") for w in words)
    counts = [s["count"] for s in body["suggestions"] if s["kind"] == "term"]
    assert counts == sorted(counts, reverse=True)


def test_function_words_are_not_offered(gen):
    assert "their" not in kinds(get(gen, prefix="the"), "term")


@pytest.mark.parametrize("prefix", ["", " ", "zzzq"])
def test_nothing_to_suggest(gen, prefix):
    body = get(gen, prefix=prefix)
    assert body["ok"] and body["suggestions"] == []


@pytest.mark.parametrize("params, bad", [
    ({"prefix": "x" * 101}, "prefix"), ({"prefix": "a", "limit": "0"}, "limit"),
    ({"prefix": "a", "limit": "x"}, "limit"), ({"prefix": "a", "limit": ""}, "limit"),
    ({"prefix": "a", "size": "3"}, "size"),
])
def test_bad_parameters(gen, params, bad):
    with pytest.raises(BadRequest) as err:
        suggestions(gen, params)
    assert [p for p, _ in err.value.errors] == [bad]


def test_limit(gen):
    assert len(kinds(get(gen, prefix="r", limit=1), "person")) == 1


@pytest.mark.xfail(not suggest_route_registered(), strict=True,
                   reason="app.py does not register GET /api/suggest yet (route name "
                   "'api_suggest' -> searchsvc.suggest_api.suggestions)")
def test_served_over_http_and_used_by_the_search_box(client):
    r = client.get("/api/suggest", params={"prefix": "lux"})
    assert r.status_code == 200 and "Rosa Luxemburg" in kinds(r.json(), "person")
    assert 'data-suggest="/api/suggest"' in client.get("/").text
