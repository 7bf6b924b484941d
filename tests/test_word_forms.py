"""Compounds written three ways, and phrases matched (and marked) where they stand.

The archive below is our own text; each expectation is read off it by hand.
"""

from __future__ import annotations

import re

import pytest
from svc_corpus import TestClient

from indexer.build import write_paragraphs
from indexer.models import Paragraph


def _doc(doc_id: str, title: str, texts: list[str]) -> list[Paragraph]:
    return [Paragraph(id=f"{doc_id}#p{i}", doc_id=doc_id, title=title, position=i, text=t)
            for i, t in enumerate(texts)]


DOCS = [
    *_doc("joined.md", "Avenue notes", ["The antiwar march filled the avenue by noon."]),
    *_doc("hyphen.md", "Dock notes", ["An anti-war rally met at the docks in the rain."]),
    *_doc("spaced.md", "Committee notes", ["The anti war committee printed leaflets all night."]),
    *_doc("apart.md", "Meeting notes", ["Anti-Semites attacked the meeting; the war went on."]),
    *_doc("diary.md", "A General Strike Diary", ["Day one: the trams stood still in the depot."]),
    *_doc("strike.md", "The General Strike of 1926", [
        "Miners stopped work first.",
        "The general strike lasted nine days in May.",
        "Later the coal owners won the lockout.",
    ]),
]
COMPOUND = {"joined.md", "hyphen.md", "spaced.md"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("word-forms")
    write_paragraphs(DOCS, root, persons={})
    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    with TestClient(create_app(Settings(index_root=root))) as c:
        yield c


def found(client, **params) -> dict:
    r = client.get("/api/search", params={"match": "all", "size": 50, **params})
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("q", ["anti-war", "antiwar", "anti war", "Anti-War", "ANTIWAR"])
@pytest.mark.parametrize("group", ["document", "paragraph"])
def test_each_form_of_a_compound_finds_all_three(client, q, group):
    body = found(client, q=q, group=group)
    assert {h["doc_id"] for h in body["hits"]} == COMPOUND, q


@pytest.mark.parametrize("q", ["anti-war", "anti war", "antiwar"])
def test_the_parts_apart_are_not_the_compound_and_are_not_marked(client, q):
    body = found(client, q=q, size=50)
    assert "apart.md" not in {h["doc_id"] for h in body["hits"]}
    for h in body["hits"]:
        assert "Anti</mark>-Semites" not in h["snippet"]


def test_the_compound_is_marked_as_one_span(client):
    body = found(client, q="anti-war rally", group="paragraph")
    snippet = next(h["snippet"] for h in body["hits"] if h["doc_id"] == "hyphen.md")
    assert "<mark>anti-war</mark>" in snippet and "<mark>rally</mark>" in snippet


def test_a_phrase_in_the_title_does_not_make_every_paragraph_match(client):
    body = found(client, q='"general strike"', group="paragraph")
    assert [h["id"] for h in body["hits"]] == ["strike.md#p1"]


def test_a_document_whose_title_alone_holds_the_phrase_is_found_by_document(client):
    body = found(client, q='"general strike"', group="document")
    assert {h["doc_id"] for h in body["hits"]} == {"strike.md", "diary.md"}
    diary = next(h for h in body["hits"] if h["doc_id"] == "diary.md")
    assert "<mark>General Strike</mark>" in diary["snippet"]  # why it was found
    # The listing of paragraphs keeps to paragraphs that hold the phrase.
    assert [h["id"] for h in found(client, q='"general strike"', group="paragraph")["hits"]] == [
        "strike.md#p1"]
    # With another word the title phrase alone does not make a match.
    assert found(client, q='"general strike" trams', group="document")["total"] == 0


def test_the_document_page_marks_a_phrase_as_one_span(client):
    page = client.get("/doc/strike.md", params={"q": '"general strike"'}).text
    assert re.search(r"<mark>general strike</mark>", page)
    # Its words elsewhere (the title, other paragraphs) are not marked one by one.
    assert page.count("<mark>") == 1


def test_words_of_a_plain_query_are_marked_only_where_they_matched(client):
    page = client.get("/doc/strike.md", params={"q": "coal lockout"}).text
    marked = re.findall(r"<mark>(.*?)</mark>", page)
    assert sorted(m.lower() for m in marked) == ["coal", "lockout"]


FORMS = [
    *_doc("paper.md", "Press notes", ["Copies of the Militant were sold at the gate."]),
    *_doc("many.md", "Mood notes", ["Militants and militancy grew; militants marched; "
                                   "militancy spread among the militants."]),
]


@pytest.fixture(scope="module")
def forms_client(tmp_path_factory):
    root = tmp_path_factory.mktemp("exact-forms")
    write_paragraphs(FORMS, root, persons={})
    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    with TestClient(create_app(Settings(index_root=root))) as c:
        yield c


def test_the_exact_form_ranks_above_other_forms_of_its_stem(forms_client):
    # "many.md" says militants/militancy five times, "paper.md" says Militant once.
    body = found(forms_client, q="militant")
    assert [h["doc_id"] for h in body["hits"]] == ["paper.md", "many.md"]
    body = found(forms_client, q="militants")
    assert [h["doc_id"] for h in body["hits"]][0] == "many.md"
