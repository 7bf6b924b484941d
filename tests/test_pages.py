"""The HTML pages through TestClient: content, links that work without JS, escaping, headers."""

from __future__ import annotations

import re
from html import unescape

import pytest
from svc_corpus import XSS_ATTR, XSS_SCRIPT


def links(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', html)]


def test_search_page_renders_results_with_highlights(client):
    r = client.get("/", params={"q": "asylum"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<mark>asylum</mark>" in r.text
    assert "Asylum in Mexico" in r.text and "Lázaro Cárdenas" in r.text
    assert "/doc/speeches/asylum.html?q=asylum#p0" in links(r.text)


def test_security_headers(client):
    for url in ("/", "/?q=strike", "/doc/memoir/emma.md", "/api/search"):
        h = client.get(url).headers
        assert "default-src 'self'" in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"


def test_no_third_party_requests(client):
    html = client.get("/?q=strike").text
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not re.match(r"(https?:)?//", url), url


@pytest.mark.parametrize("url", ["/?q=fragment", "/doc/notes/undated.txt?q=fragment",
                                 "/?q=margin", "/doc/notes/undated.txt"])
def test_corpus_markup_is_escaped(client, url):
    html = client.get(url).text
    assert XSS_SCRIPT not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_query_echo_is_escaped(client):
    html = client.get("/", params={"q": XSS_ATTR}).text
    assert XSS_ATTR not in html and "<img" not in html


def test_facet_links_add_and_remove_filters(client):
    html = client.get("/", params={"q": "strike"}).text
    add = [u for u in links(html) if "person=Rosa+Luxemburg" in u]
    assert add, "person facet should link to adding the filter"
    filtered = client.get(add[0])
    assert filtered.status_code == 200
    # the active filter is a removable chip and the facet value now toggles it off
    chips = re.findall(r'<a class="chip" href="([^"]+)"', filtered.text)
    assert chips and "person=" not in unescape(chips[0])
    # multi-select: another person's link keeps the first one
    both = [u for u in links(filtered.text) if "person=Karl+Liebknecht" in u]
    assert both and "person=Rosa+Luxemburg" in both[0]


def test_year_and_decade_histogram_links(client):
    html = client.get("/").text
    assert any("decade=1930" in u for u in links(html))
    assert any("year=1905" in u for u in links(html))
    assert 'class="bar h10"' in html  # the largest decade fills the bar


def test_group_sort_and_pagination_links(client):
    html = client.get("/", params={"size": "3"}).text
    assert any("group=document" in u for u in links(html))
    assert any("sort=date_desc" in u for u in links(html))
    nxt = re.search(r'rel="next" href="([^"]+)"', html)
    assert nxt and "page=2" in unescape(nxt.group(1))
    page2 = client.get(unescape(nxt.group(1)))
    assert page2.status_code == 200 and 'rel="prev"' in page2.text


def test_did_you_mean_and_no_results_help(client):
    html = client.get("/", params={"q": "deportaton"}).text
    assert "Did you mean" in html and "deportation" in html
    empty = client.get("/", params={"q": "asylum", "person": "Rosa Luxemburg"}).text
    assert "No results" in empty and "removing a filter" in empty


def test_more_people(client):
    html = client.get("/", params={"more": "person"}).text
    assert html.count('<li class="selected"') == 0 and "Emma Goldman" in html and "more people" not in html


def test_document_page_has_anchors_people_years_and_cite(client):
    html = client.get("/doc/letters/strike-1905.md", params={"q": "strike"}).text
    for n in range(4):
        assert f'id="p{n}"' in html
    assert "<mark>strike</mark>" in html and "Karl Liebknecht" in html and "1906" in html
    # "cite" asks the server for the citation box (works without JavaScript)
    assert 'class="cite" href="?q=strike&amp;cite=p2#p2"' in html


def test_html_errors_are_helpful_pages(client):
    r = client.get("/", params={"size": "1000"})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert "size" in r.text and "Start a new search" in r.text
    missing = client.get("/doc/no/such.md")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert client.get("/nowhere").status_code == 404


def test_static_assets(client):
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200
