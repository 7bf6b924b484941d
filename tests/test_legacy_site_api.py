"""The legacy site built into an index and searched through the API: authors are
searchable, listings stay out of results, dates say where they came from, accents
are shown and folded."""

from __future__ import annotations

from pathlib import Path

import pytest
from svc_corpus import TestClient

from indexer.build import FURNITURE_FILE, build_corpus
from indexer.engine.generations import current

SITE = Path(__file__).parent / "fixtures" / "legacy_site"


@pytest.fixture(scope="module")
def client(legacy_site_index):
    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    assert (current(legacy_site_index).path / FURNITURE_FILE).is_file()  # reused by update
    with TestClient(create_app(Settings(index_root=legacy_site_index))) as c:
        yield c


def search(client, **params):
    r = client.get("/api/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize(("q", "doc_id"), [
    ("author:calloway", "2003/02/21/dockers-vote.html"),
    ("author:sokolova", "2005/06/10/pension-fight.html"),
    ("author:hughes", "2005/02/18/round-up.html"),
    ('author:"o\'hara"', "2003/03/07/hospital-cuts.html"),
    ("author:dube", "2004/10/01/strike-diary.html"),
    ("author:garcia", "2007/02/09/bus-garage.html"),
])
def test_author_queries(client, q, doc_id):
    assert doc_id in {h["doc_id"] for h in search(client, q=q)["hits"]}


def test_listings_are_not_results(client):
    hits = search(client, q="Harlow Mill")["hits"]
    docs = {h["doc_id"] for h in hits}
    assert "2004/03/04/mill-closure.html" in docs
    assert "issues/2004-issue-112/contents.html" not in docs
    assert not {"index.html", "archive/stories-2003.html"} & {
        h["doc_id"] for h in search(client, q="strike", size=50)["hits"]}


def test_hits_and_documents_say_where_the_date_came_from(client):
    hit = search(client, q="looms")["hits"][0]
    assert (hit["published"], hit["published_source"]) == ("2004-03-04", "byline")
    doc = client.get("/api/documents/2005/06/10/pension-fight.html").json()
    assert (doc["published"], doc["published_source"]) == ("2005-06-10", "meta")


def test_accents_are_shown_and_folded(client):
    hit = search(client, q="Ibanez")["hits"][0]
    assert hit["author"] == "François Dubé" and "Ibáñez" in hit["snippet"]
    # A byline garbled by a wrong decoding on the old site is shown repaired.
    assert search(client, q="author:garcia")["hits"][0]["author"] == "Inés García"


def test_union_locals_are_not_years(client):
    years = {v["value"] for v in search(client, q="local")["facets"]["year"]}
    assert not {"1245", "1908", "1907", "1863"} & years



def test_update_reads_a_changed_page_with_the_builds_furniture(tmp_path):
    import shutil

    from whoosh import index as whoosh_index
    from whoosh.query import Term

    from indexer.update import update_corpus

    corpus, root = tmp_path / "site", tmp_path / "index"
    shutil.copytree(SITE, corpus)
    build_corpus(corpus, root, progress=False, workers=1)
    page = corpus / "2001/09/28/teachers-ballot.html"
    page.write_text(page.read_text().replace(
        "</p>\n<p>The ballot papers", "</p>\n<p>Supply teachers will be balloted too.</p>\n<p>The ballot papers"))
    report = update_corpus(corpus, root, progress=False)
    assert report.changed == ["2001/09/28/teachers-ballot.html"]
    ix = whoosh_index.open_dir(str(current(root).path))
    with ix.searcher() as s:
        texts = [f["text"] for f in s.search(Term("doc_id", "2001/09/28/teachers-ballot.html"), limit=None)]
    assert any("Supply teachers" in t for t in texts)
    assert not any("Back to the top" in t or "Other stories below" in t for t in texts)
