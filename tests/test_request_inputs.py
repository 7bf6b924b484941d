"""Issue 21, the request path: bounded memory and responses, one Unicode form for input,
numbers in ASCII digits, security headers on every response, links that never use Host.
"""

from __future__ import annotations

import pytest
from attack_corpus import common_words
from svc_corpus import TestClient, assert_error_shape

from searchsvc.app import create_app
from searchsvc.middleware import SECURITY_HEADERS
from searchsvc.settings import Settings


def make_client(root, raise_errors: bool = True, **settings) -> TestClient:
    return TestClient(create_app(Settings(index_root=root, reload_seconds=60, **settings)),
                      raise_server_exceptions=raise_errors)


# -- bounded memory and responses ------------------------------------------------------------

FLOOD = "a" + "\u0301" * 499  # one letter and 499 combining marks: 1 KB, 4.5 KB encoded


def test_a_combining_mark_flood_is_one_letter_before_limits_and_cache(index_root):
    with make_client(index_root) as c:
        flood = c.get("/api/search", params={"q": FLOOD, "size": "100", "group": "document"})
        plain = c.get("/api/search", params={"q": "á", "size": "100", "group": "document"})
        assert flood.status_code == plain.status_code == 200
        assert flood.json()["query"]["q"] == "á"
        assert flood.content == plain.content
        assert len(c.app.state.index.current.responses) == 1  # one entry for both


@pytest.mark.parametrize("typed, meant", [
    ("stri\u200bke", "strike"),  # zero-width space
    ("\u202estrike\u202c", "strike"),  # bidi override
    ("har\u00adbour", "harbour"),  # soft hyphen
    ("\ufeffexile", "exile"),  # BOM
    ("ｓｔｒｉｋｅ", "strike"),  # full-width letters
    ("deportation\u2060", "deportation"),  # word joiner
])
def test_invisible_and_compatibility_characters_are_not_a_new_query(index_root, typed, meant):
    with make_client(index_root) as c:
        a = c.get("/api/search", params={"q": typed}).json()
        b = c.get("/api/search", params={"q": meant}).json()
    assert a["query"]["q"] == meant
    assert a["total"] == b["total"] > 0


@pytest.mark.slow
def test_a_long_query_does_not_make_a_grouped_page_larger(attack_index):
    """100 grouped hits print some 2,100 links; each carried the whole query."""
    words = common_words(31)
    with make_client(attack_index, cache_size=0) as c:
        one = c.get("/api/search", params={"q": words[0], "size": "100", "group": "document"})
        many = c.get("/api/search", params={"q": " OR ".join(words), "size": "100",
                                            "group": "document"})
    assert one.status_code == many.status_code == 200
    assert len(many.json()["hits"]) == len(one.json()["hits"]) == 100
    # Before: 3 times the size (and with a 4.5 KB query of combining marks, 37 times).
    assert len(many.content) < 2 * len(one.content), (len(many.content), len(one.content))


@pytest.mark.slow
def test_the_response_cache_is_bounded_in_bytes(attack_index):
    budget = 2_000_000
    words = common_words(40)
    with make_client(attack_index, cache_size=512, cache_bytes=budget) as c:
        sizes = []
        for i, w in enumerate(words):
            r = c.get("/api/search", params={"q": w, "size": "100", "group": "document",
                                             "year_from": str(1890 + i % 30)})
            assert r.status_code == 200
            sizes.append(len(r.content))
        cache = c.app.state.index.current.responses
        assert sum(sizes) > 3 * budget  # enough to overflow it several times
        assert cache.bytes <= budget
        assert 0 < len(cache) < len(words)


# -- numbers: ASCII digits only ----------------------------------------------------------------

@pytest.mark.parametrize("path, params", [
    ("/api/suggest", {"limit": "²"}),
    ("/api/facets/person", {"limit": "²"}),
    ("/api/facets/person", {"limit": "٣"}),
    ("/api/search", {"q": "strike", "page": "٣"}),
    ("/api/search", {"q": "strike", "page": "1_0"}),
    ("/api/search", {"q": "strike", "size": "1_0"}),
    ("/api/search", {"q": "strike", "size": "²"}),
    ("/api/search", {"year": "١٩٠٥"}),
    ("/api/search", {"year_from": "1_905"}),
    ("/api/search", {"decade": "１９１０"}),  # full-width digits
    ("/", {"q": "strike", "page": "٣"}),
    ("/api/search", {"q": "strike", "page": "9" * 5000}),
])
def test_numbers_are_ascii_digits_only(index_root, path, params):
    with make_client(index_root, raise_errors=False) as c:
        r = c.get(path, params=params, headers={"accept": "application/json"})
    body = assert_error_shape(r, 400)
    assert {e["parameter"] for e in body["errors"]} & set(params)


@pytest.mark.parametrize("path, params", [
    ("/api/suggest", {"limit": "3"}), ("/api/facets/person", {"limit": " 5 "}),
    ("/api/search", {"q": "strike", "page": "2", "size": "1"}), ("/api/search", {"year": "1905"}),
])
def test_ascii_numbers_are_still_numbers(index_root, path, params):
    with make_client(index_root) as c:
        assert c.get(path, params=params).status_code == 200


# -- security headers on every response ----------------------------------------------------------

def _assert_security_headers(r) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert r.headers.get(name) == value, (r.status_code, name)


@pytest.mark.parametrize("accept", ["application/json", "text/html"])
def test_a_500_carries_the_security_headers(index_root, monkeypatch, accept):
    from searchsvc import pages, search

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(search.Execution, "run", broken)
    monkeypatch.setattr(pages, "search", broken)
    with make_client(index_root, raise_errors=False, cache_size=0) as c:
        for path in ("/api/search", "/"):
            r = c.get(path, params={"q": "strike"}, headers={"accept": accept})
            assert r.status_code == 500
            _assert_security_headers(r)


def test_an_error_raised_by_a_middleware_carries_the_security_headers(index_root, monkeypatch):
    from searchsvc import normalisation

    def broken(raw):
        raise RuntimeError("a bug outside any route")

    monkeypatch.setattr(normalisation, "clean_query_string", broken)
    with make_client(index_root, raise_errors=False) as c:
        r = c.get("/api/search", params={"q": "strike"})
    assert r.status_code == 500
    _assert_security_headers(r)


@pytest.mark.parametrize("path", ["/nowhere", "/api/search?size=x", "/doc/..%2Fetc"])
def test_errors_carry_the_security_headers(index_root, path):
    with make_client(index_root) as c:
        r = c.get(path)
    assert r.status_code >= 400
    _assert_security_headers(r)


# -- links never use the Host header -----------------------------------------------------------

DOC = "/doc/letters/strike-1905.md"


@pytest.mark.parametrize("public_url, expected", [
    ("", "http://127.0.0.1:8000/doc/letters/strike-1905.md"),
    ("https://archive.example.org", "https://archive.example.org/doc/letters/strike-1905.md"),
])
def test_permalinks_and_citations_use_the_configured_base(index_root, public_url, expected):
    with make_client(index_root, public_url=public_url) as c:
        r = c.get(DOC, params={"q": "strike", "cite": "p0"},
                  headers={"host": "evil.example", "x-forwarded-host": "evil.example"})
    assert r.status_code == 200
    assert "evil.example" not in r.text
    assert expected in r.text


def test_a_public_url_must_be_http():
    from searchsvc.settings import SettingsError

    with pytest.raises(SettingsError, match="ARCHIVE_PUBLIC_URL"):
        Settings.from_env({"ARCHIVE_PUBLIC_URL": "javascript:alert(1)"})


@pytest.mark.parametrize("text", [
    "x" * 20_000 + " strike " + "y" * 20_000,  # one huge token on each side of the match
    "strike" + "z" * 30_000,  # the match inside a huge token
    ("word " * 50 + "q" * 10_000 + " ") * 3 + "strike",
], ids=["around", "inside", "before"])
def test_a_snippet_is_bounded_whatever_the_paragraph(text):
    from indexer.engine.highlight import Terms, snippet

    out = snippet(text, Terms.of(stems={"strike"}))
    assert len(out) <= 260 + 2 * 40 + 50, len(out)
