"""The JSON API through Starlette's TestClient against the small svc_corpus index."""

from __future__ import annotations

import re

import pytest
from svc_corpus import assert_error_shape, paragraphs


def search(client, **params):
    # These tests check paragraph matching; the document default has its own tests.
    params.setdefault("group", "paragraph")
    r = client.get("/api/search", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True
    return body


def ids(body):
    return [h["id"] for h in body["hits"]]


def test_healthz_reports_the_loaded_generation(client, index_root):
    body = client.get("/healthz").json()
    assert body["ok"] is True
    assert body["generation"] == (index_root / "CURRENT").read_text().strip()
    assert body["paragraphs"] == len(paragraphs())
    assert body["documents"] == len({p.doc_id for p in paragraphs()})
    assert body["built_at"]


def test_healthz_is_503_without_an_index(tmp_path):
    from svc_corpus import TestClient

    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    with TestClient(create_app(Settings(index_root=tmp_path))) as c:
        assert_error_shape(c.get("/healthz"), 503)
        assert_error_shape(c.get("/api/search?q=x"), 503)


def test_plain_word_is_stemmed_and_case_folded(client):
    body = search(client, q="DEPORTED")
    texts = {p.id: p.text for p in paragraphs()}
    expected = {pid for pid, t in texts.items() if re.search(r"deport", t, re.I)}
    assert set(ids(body)) == expected
    assert body["total"] == len(expected)


def test_accent_folding(client):
    assert search(client, q="Jaures")["total"] == search(client, q="Jaurès")["total"] > 0


def test_hit_fields(client):
    hit = search(client, q="asylum")["hits"][0]
    assert hit["doc_id"] == "speeches/asylum.html"
    assert hit["id"].startswith(hit["doc_id"] + "#p")
    assert hit["url"].startswith("/doc/speeches/asylum.html?q=asylum#p")
    assert "<mark>asylum</mark>" in hit["snippet"]
    assert hit["persons"] == ["Lázaro Cárdenas"] and hit["person_ids"] == ["lazaro-cardenas"]
    assert hit["years"] == [1936] and hit["decades"] == [1930]
    assert hit["published"] == "1937-01-10" and isinstance(hit["score"], float)


def test_dense_matches_rank_above_single_mentions(client):
    hits = search(client, q="asylum")["hits"]
    # p0 says "asylum" three times, p1 once (same title, similar length)
    assert ids({"hits": hits}).index("speeches/asylum.html#p0") < \
        ids({"hits": hits}).index("speeches/asylum.html#p1")


def test_exact_phrase_ranks_above_scattered_words(client):
    order = ids(search(client, q="general strike"))
    assert order.index("letters/strike-1905.md#p0") < order.index("letters/strike-1905.md#p1")


def test_quoted_phrase_only_matches_the_phrase(client):
    got = set(ids(search(client, q='"general strike"')))
    assert got == {p.id for p in paragraphs() if "general strike" in p.text.lower()}


@pytest.mark.parametrize("q, must, must_not", [
    ("strike -general", "letters/strike-1905.md#p2", "letters/strike-1905.md#p0"),
    ("strike NOT general", "letters/strike-1905.md#p2", "letters/strike-1905.md#p0"),
    ("asylum OR liebknecht", "essays/peace-1914.md#p2", "memoir/emma.md#p0"),
    ("liebknecht AND credits", "essays/peace-1914.md#p2", "letters/strike-1905.md#p2"),
    ("-strike", "memoir/emma.md#p0", "letters/strike-1905.md#p0"),
])
def test_boolean_operators(client, q, must, must_not):
    got = ids(search(client, q=q, size=100))
    assert must in got and must_not not in got


@pytest.mark.parametrize("q, expected_doc", [
    ("title:asylum", "speeches/asylum.html"),
    ("person:rosa-luxemburg", "letters/strike-1905.md"),
    ("person:\"Emma Goldman\"", "memoir/emma.md"),
    ("year:1919", "memoir/emma.md"),
])
def test_field_prefixes(client, q, expected_doc):
    body = search(client, q=q)
    assert body["total"] > 0 and {h["doc_id"] for h in body["hits"]} == {expected_doc}


def test_person_name_alias_and_misspelling_find_the_person(client):
    alias = search(client, q="Red Emma")
    assert "memoir/emma.md#p0" in ids(alias)  # p0 says "Emma Goldman", found via person_names
    typo = search(client, q="Luxembrug")
    assert typo["suggestion"] == "Luxemburg" and "luxemburg" in typo["expanded"]
    assert set(ids(typo)) == {p.id for p in paragraphs() if "Luxemburg" in p.text}


def test_typo_gets_a_suggestion_and_close_forms_are_searched(client):
    body = search(client, q="deportaton")
    assert body["suggestion"] == "deportation"
    assert "deportation" in body["expanded"]
    assert body["total"] > 0
    assert search(client, q="deportation")["suggestion"] is None


@pytest.mark.parametrize("q", ['"unclosed', "(((", "a OR", "AND OR NOT", "title:", "foo:bar",
                               "x^5", "[a TO b]", "*:*", "person:", "year:abc", "?", "🙂",
                               "a\\b", "'quoted'", ")", "NOT"])
def test_unparseable_queries_never_fail(client, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200 and r.json()["ok"] is True


def test_wildcards_are_bounded(client, monkeypatch):
    everything = search(client, q="")["total"]
    assert search(client, q="*")["total"] == everything  # constrains nothing, expands nothing
    assert search(client, q="depo*")["total"] == search(client, q="deport OR deportation")["total"]


def test_wildcard_expansion_limit(index_root):
    from svc_corpus import TestClient

    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    with TestClient(create_app(Settings(index_root=index_root, max_wildcard_expansions=1))) as c:
        one = c.get("/api/search", params={"q": "s*", "size": 100}).json()["total"]
    with TestClient(create_app(Settings(index_root=index_root))) as c:
        many = c.get("/api/search", params={"q": "s*", "size": 100}).json()["total"]
    assert 0 < one < many


def test_empty_query_browses_everything(client):
    body = search(client, size=100)
    assert body["total"] == len(paragraphs()) == len(body["hits"])


def test_filters_or_within_and_across(client):
    body = search(client, person=["Rosa Luxemburg", "karl-liebknecht"], year=["1905", "1906"],
                  size=100)
    expected = {p.id for p in paragraphs()
                if {r.id for r in p.persons} & {"rosa-luxemburg", "karl-liebknecht"}
                and set(p.years) & {1905, 1906}}
    assert set(ids(body)) == expected and body["total"] == len(expected)
    assert body["query"]["person"] == ["Rosa Luxemburg", "Karl Liebknecht"]


def test_decade_published_and_year_range(client):
    assert {h["doc_id"] for h in search(client, decade="1930")["hits"]} == {"speeches/asylum.html"}
    assert {h["doc_id"] for h in search(client, published="1931")["hits"]} == {"memoir/emma.md"}
    body = search(client, year_from="1912", year_to="1919", size=100)
    assert set(ids(body)) == {p.id for p in paragraphs() if any(1912 <= y <= 1919 for y in p.years)}


@pytest.mark.parametrize("sort, key", [("date_asc", 1), ("date_desc", -1)])
def test_sort_by_date(client, sort, key):
    hits = search(client, sort=sort, size=100)["hits"]
    dated = [h["published"] for h in hits if h["published"]]
    assert dated == sorted(dated, reverse=key < 0)
    assert hits[-1]["published"] is None  # undated last either way


def test_pagination_is_stable_and_complete(client):
    all_ids = ids(search(client, q="strike OR deported OR asylum", size=100))
    paged = []
    for page in (1, 2, 3, 4):
        paged += ids(search(client, q="strike OR deported OR asylum", size=3, page=page))
    assert paged == all_ids and len(set(paged)) == len(paged)


def test_group_by_document(client):
    body = search(client, q="strike", group="document")
    docs = [h["doc_id"] for h in body["hits"]]
    matching = [p for p in paragraphs() if "strike" in p.text.lower()]
    assert len(docs) == len(set(docs)) == body["total"] == len({p.doc_id for p in matching})
    first = body["hits"][0]
    per_doc = [p for p in matching if p.doc_id == first["doc_id"]]
    assert first["matches"] == len(per_doc)
    assert [link["id"] for link in first["paragraphs"]] == [p.id for p in per_doc]
    person_counts = {v["id"]: v["count"] for v in body["facets"]["person"]}
    assert person_counts["rosa-luxemburg"] == 1  # documents, not paragraphs


@pytest.mark.parametrize("params, parameter", [
    ({"size": "101"}, "size"),
    ({"size": "ten"}, "size"),
    ({"page": "0"}, "page"),
    ({"page": "500", "size": "100"}, "page"),
    ({"sort": "random"}, "sort"),
    ({"group": "chapter"}, "group"),
    ({"year": "19x5"}, "year"),
    ({"decade": "1935"}, "decade"),
    ({"person": "Nobody Atall"}, "person"),
    ({"year_from": "1950", "year_to": "1900"}, "year_to"),
    ({"q": "x" * 501}, "q"),
    ({"colour": "red"}, "colour"),
])
def test_bad_parameters_are_400_with_the_error_shape(client, params, parameter):
    body = assert_error_shape(client.get("/api/search", params=params), 400)
    assert parameter in [e["parameter"] for e in body["errors"]]


def test_too_many_filters(client):
    assert_error_shape(client.get("/api/search", params={"year": [str(y) for y in range(1900, 1930)]}), 400)


def test_person_facet_prefix(client):
    body = client.get("/api/facets/person", params={"prefix": "li"}).json()
    assert [v["id"] for v in body["values"]] == ["karl-liebknecht"]
    assert body["values"][0]["count"] == sum(1 for p in paragraphs()
                                             if any(r.id == "karl-liebknecht" for r in p.persons))
    under_query = client.get("/api/facets/person", params={"prefix": "li", "q": "credits"}).json()
    assert under_query["values"][0]["count"] == 1
    assert_error_shape(client.get("/api/facets/person", params={"limit": "0"}), 400)


def test_document_endpoint(client):
    body = client.get("/api/documents/letters/strike-1905.md").json()
    assert body["title"] == "Notes on the Mass Strike"
    expected = [p.id for p in paragraphs() if p.doc_id == "letters/strike-1905.md"]
    assert [p["id"] for p in body["paragraphs"]] == expected
    assert body["paragraphs"][0]["persons"] == ["Rosa Luxemburg"]


@pytest.mark.parametrize("path, status", [
    ("/api/documents/no/such.md", 404),
    ("/api/documents/letters/%2e%2e/strike-1905.md", 400),
    ("/api/documents/letters/%252e%252e/x", 400),
    ("/api/documents/%2Fetc/passwd", 400),
    ("/api/documents/a%00b", 400),
    ("/api/documents/a%5Cb", 400),
])
def test_document_ids_are_validated(client, path, status):
    assert_error_shape(client.get(path), status)


def test_unknown_route_is_json_404(client):
    assert_error_shape(client.get("/api/nothing"), 404)


def test_response_cache_is_keyed_by_normalised_request(client):
    from searchsvc.search import SearchRequest

    a = SearchRequest(q="x", year=(1905, 1906))
    b = SearchRequest(q="x", year=(1906, 1905, 1905))
    assert a.key() == b.key()
    first = search(client, q="strike", year=["1905", "1906"])
    again = search(client, q="strike", year=["1906", "1905"])
    assert first == again


def test_openapi_describes_every_route(client):
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    routes = {getattr(r, "path", "") for r in client.app.routes} - {"/static"}
    described = {p.replace("{doc_id}", "{doc_id:path}") for p in doc["paths"]}
    assert routes <= described
    names = {p["name"] for p in doc["paths"]["/api/search"]["get"]["parameters"]}
    from searchsvc.search import SEARCH_PARAMS

    assert names == set(SEARCH_PARAMS)


def test_responses_validate_against_the_openapi_schemas(client):
    jsonschema = pytest.importorskip("jsonschema_rs")
    doc = client.get("/openapi.json").json()
    schemas = doc["components"]["schemas"]

    def check(name, body):
        schema = dict(schemas[name], components=doc["components"])
        jsonschema.validator_for(schema).validate(body)

    check("SearchResponse", search(client, q="strike", group="document"))
    check("SearchResponse", search(client, q="deportaton"))
    check("Document", client.get("/api/documents/memoir/emma.md").json())
    check("Health", client.get("/healthz").json())
    check("PersonValues", client.get("/api/facets/person?prefix=e").json())
    check("Error", client.get("/api/search?size=0").json())


def test_admin_reload_needs_the_token(index_root):
    from svc_corpus import TestClient

    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    with TestClient(create_app(Settings(index_root=index_root))) as c:
        assert_error_shape(c.post("/admin/reload"), 404)
    with TestClient(create_app(Settings(index_root=index_root, admin_token="s3cret"))) as c:
        assert_error_shape(c.post("/admin/reload", headers={"authorization": "Bearer no"}), 401)
        ok = c.post("/admin/reload", headers={"authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["switched"] is False


def _client(index_root, **settings):
    from svc_corpus import TestClient

    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    return TestClient(create_app(Settings(index_root=index_root, **settings)))


def test_rate_limit_is_off_by_default_and_429_when_set(index_root):
    with _client(index_root) as c:
        assert all(c.get("/api/search").status_code == 200 for _ in range(5))
    with _client(index_root, rate_limit=3) as c:
        codes = [c.get("/api/search").status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
        assert_error_shape(c.get("/api/search"), 429)


def test_cors_only_for_configured_origins(index_root):
    with _client(index_root) as c:
        r = c.get("/api/search", headers={"origin": "https://elsewhere.org"})
        assert "access-control-allow-origin" not in r.headers
    with _client(index_root, cors_origins=("https://friend.org",)) as c:
        ok = c.get("/api/search", headers={"origin": "https://friend.org"})
        assert ok.headers["access-control-allow-origin"] == "https://friend.org"
        other = c.get("/api/search", headers={"origin": "https://elsewhere.org"})
        assert "access-control-allow-origin" not in other.headers


def test_json_access_log(index_root, caplog):
    import json
    import logging

    with caplog.at_level(logging.INFO, logger="searchsvc.access"), \
            _client(index_root, access_log_json=True) as c:
        c.get("/api/search", params={"q": "strike"})
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "searchsvc.access"]
    assert any(line["path"] == "/api/search" and line["status"] == 200 and "ms" in line
               for line in lines)


def test_time_limit_gives_503_not_500(index_root):
    # a negative limit: the deadline has passed before matching starts
    with _client(index_root, time_limit=-1.0, cache_size=0) as c:
        r = c.get("/api/search", params={"q": "s* OR d* OR a*", "size": 1})
    assert_error_shape(r, 503)
