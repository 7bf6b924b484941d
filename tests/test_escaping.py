"""Output safety: hostile corpus text, titles, sections, authors, person names and queries.

Markup in the archive is text. Whatever a document or a visitor brings
(``<script>``, ``"><img onerror=…>``, ``javascript:`` links) must come out of
the HTML pages as text, and out of the JSON snippets escaped, with ``<mark>``
as the only markup. Pages carry a Content-Security-Policy, nosniff and frame
options. Path-like input (doc ids, static paths) cannot leave the index or
the package, however it is encoded.

The pages are checked by parsing them (selectolax), not by searching for a
string: a payload that survives in any form shows up as an element or an
attribute the templates never write.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser
from svc_corpus import TestClient, assert_error_shape

from indexer.build import write_paragraphs
from indexer.models import Paragraph, PersonRef

SCRIPT = "<script>alert('x')</script>"
ATTR = '"><img src=x onerror=alert(1)>'
SVG = "<svg/onload=alert(2)>"
JS_LINK = "javascript:alert(3)"
STYLE = "</style><style>body{display:none}</style>"
COMMENT = "<!-- --><iframe src=//evil.example>"
PAYLOADS = [SCRIPT, ATTR, SVG, STYLE, COMMENT]

EVIL = PersonRef("evil-person", f"Ann {SVG} Evil")
EVIL_DOC = 'notes/odd "name" <b>.md'


def _hostile_paragraphs() -> list[Paragraph]:
    rows = [
        ("words", f"Strike leaflet with {SCRIPT} inside the printed strike text.", ()),
        ("words", f"A strike note ending in an attribute breaker {ATTR} and more strike.", ()),
        ("words", f"Strike minutes with {SVG} and {STYLE} and {COMMENT} strike.", (EVIL,)),
        ("words", f"A strike link to {JS_LINK} and &amp; entities &lt;b&gt; strike.", (EVIL,)),
    ]
    out = []
    for n, (section, text, persons) in enumerate(rows):
        out.append(Paragraph(
            id=f"{EVIL_DOC}#p{n}", doc_id=EVIL_DOC, title=f"Title {SCRIPT} {ATTR}",
            position=n, text=text, section=f"Section {ATTR}", author=f"Author {SVG}",
            published="1905-01-01", years=(1905,), persons=persons,
        ))
    out.append(Paragraph(id="plain.md#p0", doc_id="plain.md", title="Plain", position=0,
                         text="A plain strike report from the harbour.", years=(1906,)))
    return out


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile-index")
    persons = {EVIL.id: {"name": EVIL.name, "sort": f"Evil, Ann {SVG}",
                         "aliases": [f"Alias {SCRIPT}"]}}
    write_paragraphs(_hostile_paragraphs(), root, persons=persons)
    return root


@pytest.fixture(scope="module")
def c(hostile_root):
    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    with TestClient(create_app(Settings(index_root=hostile_root, reload_seconds=60))) as client:
        yield client


# -- checks ----------------------------------------------------------------------------------


def assert_safe_page(text: str) -> LexborHTMLParser:
    """Only the templates' own markup: no injected elements, handlers or script URLs."""
    tree = LexborHTMLParser(text)
    for node in tree.css("script"):
        assert (node.attributes.get("src") or "").startswith("/static/"), node.html
    for tag in ("img", "svg", "iframe", "object", "embed", "style", "base", "meta[http-equiv]"):
        assert not tree.css(tag), f"injected <{tag}>: {tree.css_first(tag).html}"
    for node in tree.css("*"):
        for name, value in node.attributes.items():
            assert not name.lower().startswith("on"), node.html
            if name in ("href", "src", "action", "formaction"):
                v = (value or "").strip().lower()
                assert not v.startswith(("javascript:", "data:", "vbscript:")), node.html
    return tree


def assert_html_headers(r) -> None:
    h = r.headers
    assert r.headers["content-type"].startswith("text/html")
    csp = h["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp or h.get("x-frame-options") == "DENY"
    assert h["x-frame-options"] in ("DENY", "SAMEORIGIN")
    assert h["x-content-type-options"] == "nosniff"


def assert_safe_snippet(snippet: str, source_texts: list[str]) -> None:
    """Escaped text with <mark> around matches, and nothing else."""
    bare = snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in bare and ">" not in bare and '"' not in bare, snippet
    plain = html.unescape(bare)
    # A snippet may join title, section and text with " — " and cut them with "…".
    pieces = [p.strip() for p in re.split(r"…| — ", plain) if p.strip()]
    assert all(any(p in t for t in source_texts) for p in pieces), (plain, source_texts)


def sources() -> list[str]:
    ps = _hostile_paragraphs()
    return [p.text for p in ps] + [p.title for p in ps] + [p.section for p in ps]


# -- JSON ----------------------------------------------------------------------------------------


def test_json_snippets_are_escaped_with_only_mark(c):
    body = c.get("/api/search", params={"q": "strike", "size": 50,
                                            "group": "paragraph"}).json()
    assert body["total"] == len(_hostile_paragraphs())
    for hit in body["hits"]:
        assert "<mark>" in hit["snippet"]
        assert_safe_snippet(hit["snippet"], sources())


@pytest.mark.parametrize("q", ["script", "img", "onerror", "alert", "mark", "lt", "amp", "svg"])
def test_snippets_stay_escaped_when_the_query_matches_the_markup(c, q):
    body = c.get("/api/search", params={"q": q, "size": 50}).json()
    for hit in body["hits"]:
        assert_safe_snippet(hit["snippet"], sources())


def test_json_is_served_as_json_with_nosniff(c):
    for url in ("/api/search?q=strike", f"/api/documents/{EVIL_DOC}", "/healthz",
                "/api/facets/person?prefix=ann", "/api/nothing"):
        r = c.get(url)
        assert r.headers["content-type"].startswith("application/json"), url
        assert r.headers["x-content-type-options"] == "nosniff"


def test_json_keeps_the_data_exact(c):
    """JSON carries the text as data (clients escape it); the document API round-trips it."""
    body = c.get(f"/api/documents/{EVIL_DOC}").json()
    assert body["title"] == f"Title {SCRIPT} {ATTR}"
    assert [p["text"] for p in body["paragraphs"]] == [p.text for p in _hostile_paragraphs()[:4]]
    facet = c.get("/api/search", params={"q": "strike"}).json()["facets"]["person"]
    assert EVIL.name in {v["label"] for v in facet}


# -- HTML pages ----------------------------------------------------------------------------------

PAGES = [
    ("/", {"q": "strike"}),
    ("/", {"q": "strike", "person": EVIL.name}),
    ("/", {"q": "strike", "group": "document"}),
    ("/", {"q": SCRIPT}),
    ("/", {"q": ATTR}),
    ("/", {"q": f"strik {SVG}"}),  # the misspelling gives a suggestion echoing the query
    ("/", {"q": "", "person": EVIL.id}),
    (f"/doc/{EVIL_DOC}", {}),
    (f"/doc/{EVIL_DOC}", {"q": "strike script"}),
    (f"/doc/{EVIL_DOC}", {"q": ATTR}),
]


@pytest.mark.parametrize("path, params", PAGES)
def test_pages_render_hostile_text_as_text(c, path, params):
    r = c.get(path, params=params)
    assert r.status_code == 200, r.text[:500]
    assert_html_headers(r)
    tree = assert_safe_page(r.text)
    text = tree.body.text()
    if path.startswith("/doc/") or params.get("q") == "strike":
        assert SCRIPT in text or ATTR in text or SVG in text  # shown, as text


def test_facet_labels_are_escaped_on_the_page(c):
    r = c.get("/", params={"q": "strike"})
    tree = assert_safe_page(r.text)
    assert any(EVIL.name in a.text() for a in tree.css("a")), "the person facet is missing"


ERRORS = [
    (f"/nothing/{SCRIPT}", {}, 404),
    (f"/doc/{SCRIPT}.md", {}, 404),
    ("/doc/a/%2e%2e/b", {}, 400),
    ("/", {"year": SCRIPT}, 400),
    ("/", {ATTR: "1"}, None),  # pages ignore unknown parameters (forms add their own)
    ("/", {"sort": ATTR}, 400),
    ("/", {"person": SVG}, 400),
    ("/", {"size": ATTR}, 400),
]


@pytest.mark.parametrize("path, params, status", ERRORS)
def test_error_pages_echo_input_as_text(c, path, params, status):
    r = c.get(path, params=params, headers={"accept": "text/html"})
    assert r.status_code == (status or r.status_code) and r.status_code < 500
    assert_html_headers(r)
    assert_safe_page(r.text)


@pytest.mark.parametrize("path", ["/static/style.css", "/static/app.js"])
def test_static_files_have_nosniff_and_their_own_type(c, path):
    r = c.get(path)
    assert r.status_code == 200 and r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-type"].split(";")[0] in ("text/css", "text/javascript",
                                                       "application/javascript")


# -- paths ------------------------------------------------------------------------------------------

TRAVERSALS = [
    "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%252e%252e%252fetc%252fpasswd", "..%252f..%252fetc",
    "%c0%ae%c0%ae/etc/passwd", "..\\..\\etc\\passwd", "..%5c..%5cetc", "/etc/passwd",
    "%2fetc%2fpasswd", "a/../../CURRENT", "a/./b", "a//b", "a%00.md", "a%00/../../etc",
    "CURRENT", "../CURRENT", "%2e%2e", ".", "..", "....//....//etc/passwd",
]
SECRETS = ("root:x:0:0", "def create_app", "g-20")  # /etc/passwd, our source, a generation


@pytest.mark.parametrize("prefix", ["/api/documents/", "/doc/", "/static/"])
@pytest.mark.parametrize("raw", TRAVERSALS)
def test_paths_cannot_escape(c, prefix, raw):
    r = c.get(prefix + raw)
    assert not any(s in r.text for s in SECRETS)
    if not r.request.url.path.startswith(prefix.rstrip("/")):
        return  # the client itself resolved "..": the request never left the site root
    assert r.status_code in (400, 404), (prefix + raw, r.status_code, r.text[:200])
    if prefix == "/api/documents/":
        assert_error_shape(r, r.status_code)


def test_static_files_outside_the_folder_are_unreachable(c):
    for raw in ("../app.py", "..%2fapp.py", "%2e%2e/app.py", "%2e%2e%2fsettings.py",
                "..%252fapp.py", "app.js%00.py", "../templates/base.html", "templates"):
        r = c.get("/static/" + raw)
        assert r.status_code in (400, 404), raw
        assert "import" not in r.text and "{%" not in r.text


# -- through the real readers: markup in corpus files -------------------------------------------


@pytest.fixture(scope="module")
def built_client(tmp_path_factory):
    from indexer.build import build_corpus
    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    corpus = tmp_path_factory.mktemp("hostile-corpus")
    (corpus / "page.html").write_text(
        "<html><head><title>Page &lt;script&gt;alert(1)&lt;/script&gt;</title></head><body>"
        "<h1>Leaflet &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h1>"
        "<p>The leaflet quoted &lt;script&gt;alert(2)&lt;/script&gt; as an example of a "
        "strike notice.</p><p onclick=\"alert(3)\">A second strike notice <a href=\"javascript"
        ":alert(4)\">link</a> with an attribute handler.</p>"
        "<script>alert(5)</script></body></html>", encoding="utf-8")
    (corpus / "notes.md").write_text(
        "---\ntitle: Notes <svg/onload=alert(6)>\n---\n\nThe strike notes say "
        "<script>alert(7)</script> in the middle of a sentence.\n\nAnother strike line with "
        "\"><img src=x onerror=alert(8)> in it.\n", encoding="utf-8")
    (corpus / "letter.txt").write_text(
        "A Letter </title><script>alert(9)</script>\n\nThe strike letter ends with "
        "<iframe src=//evil.example></iframe> written as text.\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("hostile-built")
    build_corpus(corpus, index, progress=False, workers=1)
    with TestClient(create_app(Settings(index_root=index, reload_seconds=60))) as client:
        yield client


def test_markup_from_corpus_files_is_escaped_everywhere(built_client):
    body = built_client.get("/api/search", params={"q": "strike", "size": 50}).json()
    assert body["total"] >= 3
    for hit in body["hits"]:
        bare = hit["snippet"].replace("<mark>", "").replace("</mark>", "")
        assert "<" not in bare and ">" not in bare, hit["snippet"]
    pages = ["/?q=strike", "/?q=strike&group=document", "/?q=script", "/?q=alert"]
    pages += [re.sub(r"#.*", "", h["url"]) for h in body["hits"]]
    for url in pages:
        r = built_client.get(url)
        assert r.status_code == 200, url
        assert_html_headers(r)
        assert_safe_page(r.text)
