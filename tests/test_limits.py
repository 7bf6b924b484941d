"""Every limit the service enforces, and access control, through Starlette's TestClient.

Each limit is a setting (tests/test_settings.py checks the defaults and the
environment variables); here each one is lowered so that one request over it
is refused with a 400 naming the parameter, and one at it is served. The
time limit ends a slow request with a 503/504, the admin API needs its
token, and the rate limit counts per client address.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from svc_corpus import TestClient, assert_error_shape

from indexer.build import write_paragraphs
from indexer.models import Paragraph
from searchsvc.app import create_app
from searchsvc.settings import Settings


def make_client(root, **settings) -> TestClient:
    return TestClient(create_app(Settings(index_root=root, reload_seconds=60, **settings)))


def get(c, path="/api/search", **params):
    return c.get(path, params=params)


def refused(r, parameter: str | None) -> None:
    body = assert_error_shape(r, 400)
    assert parameter in {e["parameter"] for e in body["errors"]}, body


# -- query shape ---------------------------------------------------------------------------


def test_query_length(index_root):
    with make_client(index_root, max_query_length=40) as c:
        assert get(c, q="strike " * 5 + "x" * 5).status_code == 200  # exactly 40
        refused(get(c, q="strike " * 5 + "x" * 6), "q")
    with make_client(index_root) as c:  # the default is finite
        refused(get(c, q="w " * 5000), "q")


def test_number_of_terms(index_root):
    with make_client(index_root, max_terms=5) as c:
        assert get(c, q="strike war asylum exile printers").status_code == 200
        refused(get(c, q="strike war asylum exile printers harbour"), "q")


def test_number_of_terms_default_is_finite(index_root):
    words = " ".join(f"w{i}" for i in range(200))
    with make_client(index_root, max_query_length=5000) as c:
        refused(get(c, q=words), "q")


def test_number_of_filters(index_root):
    with make_client(index_root, max_filters=3) as c:
        assert c.get("/api/search", params=[("year", "1905"), ("year", "1906"),
                                            ("decade", "1930")]).status_code == 200
        r = c.get("/api/search", params=[("year", "1905"), ("year", "1906"), ("decade", "1930"),
                                         ("published", "1914")])
        assert_error_shape(r, 400)
        # The same filter repeated counts too: it is what a loop in a scraper sends.
        assert_error_shape(c.get("/api/search", params=[("year", "1905")] * 4), 400)


@pytest.mark.parametrize("path", ["/api/search", "/api/facets/person", "/"])
def test_page_size_and_depth(index_root, path):
    with make_client(index_root, max_page_size=20, default_page_size=5, max_depth=60) as c:
        assert get(c, path, size=20).status_code == 200
        assert get(c, path, size=20, page=3).status_code == 200  # 60 deep: allowed
        for params, name in (({"size": 21}, "size"), ({"size": 0}, "size"),
                             ({"size": 20, "page": 4}, "page"), ({"page": 13}, "page"),
                             ({"page": 10**30}, "page"), ({"size": -1}, "size")):
            r = get(c, path, **params)
            assert r.status_code == 400, (params, r.status_code)
            if path != "/":
                refused(r, name)


def test_person_facet_limit(index_root):
    with make_client(index_root, max_page_size=20) as c:
        assert get(c, "/api/facets/person", limit=20).status_code == 200
        refused(get(c, "/api/facets/person", limit=21), "limit")
        refused(get(c, "/api/facets/person", limit="9" * 40), "limit")


def test_person_facet_prefix_length(index_root):
    with make_client(index_root) as c:
        assert get(c, "/api/facets/person", prefix="r" * 100).status_code == 200
        refused(get(c, "/api/facets/person", prefix="r" * 101), "prefix")


def test_many_unknown_parameters_give_one_bounded_error(index_root):
    with make_client(index_root) as c:
        r = c.get("/api/search", params=[(f"p{i}", "x") for i in range(3000)])
        assert_error_shape(r, 400)
        assert len(r.content) < 200_000, f"a {len(r.content):,}-byte error for one request"


# -- expansion ----------------------------------------------------------------------------------

VOCAB = 400  # distinct words starting with "a" (and with "b") in the test index


@pytest.fixture(scope="module")
def wide_index(tmp_path_factory):
    """An index whose vocabulary has hundreds of words sharing a first letter."""
    root = tmp_path_factory.mktemp("wide-index")
    paragraphs = []
    for i in range(VOCAB):
        word = "a" + "".join(chr(97 + (i // 26**k) % 26) for k in range(3))
        # No other word starts with "a" or "b": "a*" matches one paragraph per expansion.
        text = f"The word {word} is in {'this' if i % 2 else 'that'} line with {'b' + word}."
        paragraphs.append(Paragraph(id=f"wide.md#p{i}", doc_id="wide.md", title="Wide",
                                    position=i, text=text))
    write_paragraphs(paragraphs, root, persons={})
    return root


def parse(c, q: str):
    """The match query the service builds for ``q`` (internal API: signature may vary)."""
    gen = c.app.state.index.current
    try:
        return gen.builder.build(q, gen.searcher().reader()).match
    except TypeError:
        return gen.builder.build(q).match


def leaf_terms(q) -> list:
    if q is None:
        return []
    if q.is_leaf():
        return [q]
    return [t for c in q.children() for t in leaf_terms(c)]


def per_field(q) -> dict[str, int]:
    counts: dict[str, int] = {}
    for t in leaf_terms(q):
        field = getattr(t, "fieldname", None)
        if field:
            counts[field] = counts.get(field, 0) + 1
    return counts


@pytest.mark.parametrize("limit", [1, 7, 50])
def test_wildcard_expansion_is_bounded(wide_index, limit):
    with make_client(wide_index, max_wildcard_expansions=limit) as c:
        for q in ("a*", "a?*", "aa*", "b*"):
            counts = per_field(parse(c, q))
            assert counts and max(counts.values()) <= limit, (q, counts)
        r = get(c, q="a*", size=100, group="paragraph")
        assert r.status_code == 200
        # Each expanded word is in exactly one paragraph.
        assert r.json()["total"] == min(limit, VOCAB)


@pytest.mark.parametrize("q", ["*", "**", "?", "*?*", "*a", "*ism*", "?*?"])
def test_leading_wildcards_do_not_expand_the_whole_vocabulary(wide_index, q):
    with make_client(wide_index) as c:
        leaves = leaf_terms(parse(c, q))
        assert len(leaves) <= 1, (q, len(leaves))
        assert get(c, q=q).status_code == 200


def test_many_wildcards_in_one_query_are_bounded(wide_index):
    with make_client(wide_index, max_wildcard_expansions=50) as c:
        q = " OR ".join(f"a{chr(97 + i)}*" for i in range(20))
        r = get(c, q=q)
        if r.status_code == 200:
            assert len(leaf_terms(parse(c, q))) <= 32 * 4 * 50
        else:
            refused(r, "q")


def test_fuzzy_expansion_is_bounded(wide_index):
    with make_client(wide_index) as c:
        body = get(c, q="aaab aabb abab").json()
        assert len(body["expanded"]) <= 3 * 3
        assert get(c, q="aaab~5 aaab~").status_code == 200  # "~" is not an edit-distance operator


# -- time limit ------------------------------------------------------------------------------


def _slow(monkeypatch, seconds: float) -> None:
    """Every search spends ``seconds`` building its facets (a stand-in for a slow index)."""
    from searchsvc import search as search_mod

    original = search_mod.facet_values

    def facet_values(*args):
        time.sleep(seconds)
        return original(*args)

    monkeypatch.setattr(search_mod, "facet_values", facet_values)


def test_time_limit_covers_the_whole_request(index_root, monkeypatch):
    _slow(monkeypatch, 3.0)
    with make_client(index_root, time_limit=0.5, cache_size=0) as c:
        started = time.monotonic()
        r = get(c, q="strike")
        elapsed = time.monotonic() - started
    assert r.status_code in (503, 504), r.status_code
    assert_error_shape(r, r.status_code)
    assert elapsed < 2.5


# -- access: admin token ------------------------------------------------------------------------


def _routes(app) -> list[str]:
    out = []
    for r in app.routes:
        path = getattr(r, "path", "")
        out.append(path.replace("{doc_id:path}", "letters/strike-1905.md").replace(
            "{doc_id}", "letters/strike-1905.md").replace("{task_id}", "1") or "/")
    return out


@pytest.mark.parametrize("token", ["", "s3cret"])
def test_no_endpoint_changes_state_without_the_token(index_root, token):
    with make_client(index_root, admin_token=token) as c:
        routes = _routes(c.app) + ["/admin/reload", "/api/admin/update", "/api/admin/tasks/1"]
        for path in routes:
            for method in ("POST", "PUT", "DELETE", "PATCH"):
                r = c.request(method, path)
                assert r.status_code in (401, 403, 404, 405), (method, path, r.status_code)
        gen = c.app.state.index.current.name
        assert c.app.state.index.current.name == gen


def test_admin_is_disabled_without_a_token(index_root):
    with make_client(index_root) as c:
        for path in ("/admin/reload", "/api/admin/update"):
            for auth in ({}, {"authorization": "Bearer "}, {"authorization": "Bearer x"}):
                assert c.post(path, headers=auth).status_code in (403, 404)


@pytest.mark.parametrize("header", [
    None, "", "Bearer", "Bearer ", "Bearer wrong", "Bearer s3cre", "Bearer s3cret2",
    "Basic czNjcmV0", "Bearer s3cret\x00", "Bearer S3CRET",
])
def test_admin_refuses_a_wrong_token(index_root, header):
    headers = {} if header is None else {"authorization": header}
    with make_client(index_root, admin_token="s3cret") as c:
        try:
            r = c.post("/admin/reload", headers=headers)
        except Exception:  # noqa: BLE001 - httpx itself refuses a NUL in a header value
            return
        assert_error_shape(r, 401)
        assert c.post("/admin/reload", params={"token": "s3cret"}).status_code == 401


def test_admin_token_is_compared_in_constant_time(index_root, monkeypatch):
    import hmac

    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)  # the service calls hmac.compare_digest
    with make_client(index_root, admin_token="s3cret") as c:
        assert c.post("/admin/reload", headers={"authorization": "Bearer nope"}).status_code == 401
        assert c.post("/admin/reload",
                      headers={"authorization": "Bearer s3cret"}).status_code == 200
    assert len(calls) >= 2


# -- access: rate limit and CORS -------------------------------------------------------------


def test_rate_limit_is_off_by_default(index_root):
    with make_client(index_root) as c:
        assert all(get(c).status_code == 200 for _ in range(60))


def test_rate_limit_counts_per_client_address(index_root):
    app = create_app(Settings(index_root=index_root, reload_seconds=60, rate_limit=3))
    with TestClient(app, client=("10.0.0.1", 1000)) as a, \
            TestClient(app, client=("10.0.0.2", 1000)) as b:
        assert [get(a).status_code for _ in range(3)] == [200] * 3
        r = get(a)
        assert_error_shape(r, 429)
        assert int(r.headers["retry-after"]) > 0
        assert get(b).status_code == 200  # another address has its own budget
        # A client cannot reset its budget by claiming another address.
        r = a.get("/api/search", headers={"x-forwarded-for": "10.9.9.9", "x-real-ip": "1.1.1.1"})
        assert r.status_code == 429
        assert a.get("/healthz").status_code == 200  # health checks are never limited


def test_cors_is_off_by_default_and_follows_the_allowed_list(index_root):
    with make_client(index_root) as c:
        r = c.get("/api/search", headers={"origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers
        pre = c.options("/api/search", headers={"origin": "https://evil.example",
                                                "access-control-request-method": "GET"})
        assert "access-control-allow-origin" not in pre.headers
    with make_client(index_root, cors_origins=("https://friend.example",)) as c:
        ok = c.get("/api/search", headers={"origin": "https://friend.example"})
        assert ok.headers["access-control-allow-origin"] == "https://friend.example"
        assert "access-control-allow-credentials" not in ok.headers
        bad = c.get("/api/search", headers={"origin": "https://evil.example"})
        assert "access-control-allow-origin" not in bad.headers
        pre = c.options("/api/search", headers={"origin": "https://friend.example",
                                                "access-control-request-method": "POST"})
        assert "POST" not in pre.headers.get("access-control-allow-methods", "")


# -- concurrency --------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("threads", [1, 3])
def test_a_worker_runs_at_most_search_threads_searches_at_once(wide_index, monkeypatch, threads):
    """Searches beyond ARCHIVE_SEARCH_THREADS wait their turn instead of sharing the GIL."""
    import searchsvc.endpoints as endpoints

    running, most = [0], [0]
    lock = threading.Lock()
    real = endpoints.search

    def slow_search(*args, **kwargs):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            time.sleep(0.3)
            return real(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(endpoints, "search", slow_search)
    with make_client(wide_index, search_threads=threads) as c:
        with ThreadPoolExecutor(4) as pool:
            codes = list(pool.map(lambda i: c.get("/api/search", params={"q": f"word {i}"}).status_code,
                                  range(4)))
    assert codes == [200] * 4
    assert most[0] == min(threads, 4)
