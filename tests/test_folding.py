"""One folding function: the index, the query, person filters, prefixes and suggestions agree.

Each row is a word as an archive may print it and as a visitor may type it; the
paragraphs are our own text.
"""

from __future__ import annotations

import unicodedata

import pytest
from svc_corpus import TestClient

from indexer.build import write_paragraphs
from indexer.folding import FOLD_MAP, fold
from indexer.models import Paragraph, PersonRef
from indexer.schema import exact_analyzer, text_analyzer

# (printed, typed): the letter each row is about is in the printed form.
WORDS = [
    ("Wałęsa", "Walesa"),  # ł, and ę that NFKD decomposes
    ("Øresund", "oresund"),  # ø
    ("Straße", "strasse"),  # ß
    ("Ærøskøbing", "aeroskobing"),  # æ and ø
    ("Œuvres", "oeuvres"),  # œ
    ("Đinđić", "dindic"),  # đ
    ("Kırıkkale", "kirikkale"),  # dotless ı
    ("Cafe\u0301s", "cafes"),  # a combining mark
    ("Ｍａｒｓｅｉｌｌｅ", "marseille"),  # full-width letters
]
PEOPLE_TEXT = "Lech Wałęsa met Zoran Đinđić."
PEOPLE = {"lech-walesa": {"name": "Lech Wałęsa", "sort": "Wałęsa, Lech", "aliases": []},
          "zoran-dindic": {"name": "Zoran Đinđić", "sort": "Đinđić, Zoran", "aliases": []}}


@pytest.mark.parametrize("printed, typed", WORDS)
def test_fold_makes_the_printed_and_the_typed_form_one(printed, typed):
    assert fold(printed) == fold(typed) == typed.lower()


@pytest.mark.parametrize("printed, typed", WORDS)
def test_the_index_analyzers_fold_as_fold_does(printed, typed):
    composed = unicodedata.normalize("NFC", printed)  # documents are stored composed
    assert [t.text for t in exact_analyzer()(composed)] == [fold(printed)]
    assert [t.text for t in text_analyzer()(composed)] == [t.text for t in text_analyzer()(typed)]


def test_the_fold_map_leaves_ascii_alone_and_keeps_other_scripts():
    assert all(k >= 128 for k in FOLD_MAP)
    assert fold("Йошкар-Ола") == "йошкар-ола"  # й is a letter of its own


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("folding")
    paras = [Paragraph(id=f"d{i}.md#p0", doc_id=f"d{i}.md", title=f"Note {i}", position=0,
                       text=f"The letter came from {unicodedata.normalize('NFC', printed)} "
                            "in the spring.", published="1990-05-0" + str(1 + i % 9))
             for i, (printed, _) in enumerate(WORDS)]
    paras.append(Paragraph(id="people.md#p0", doc_id="people.md", title="Two men", position=0,
                           text=PEOPLE_TEXT,
                           persons=(PersonRef("lech-walesa", "Lech Wałęsa"),
                                    PersonRef("zoran-dindic", "Zoran Đinđić"))))
    write_paragraphs(paras, root, persons=PEOPLE)
    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    with TestClient(create_app(Settings(index_root=root))) as c:
        yield c


@pytest.mark.parametrize("printed, typed", WORDS)
@pytest.mark.parametrize("form", ["printed", "typed", "upper"])
def test_search_finds_the_word_whichever_form_is_typed(client, printed, typed, form):
    q = {"printed": printed, "typed": typed, "upper": printed.upper()}[form]
    i = [p for p, _ in WORDS].index(printed)
    expected = {f"d{i}.md"} | ({"people.md"} if fold(typed) in fold(PEOPLE_TEXT) else set())
    body = client.get("/api/search", params={"q": q, "match": "all"}).json()
    assert {h["doc_id"] for h in body["hits"]} == expected, q
    assert body["suggestion"] is None and body["expanded"] == [], q  # not a misspelling


@pytest.mark.parametrize("typed", ["Lech Walesa", "LECH WAŁĘSA", "lech-walesa", "Zoran Dindic",
                                   "zoran đinđic"])
def test_person_filters_fold_the_same_way(client, typed):
    r = client.get("/api/search", params={"person": typed})
    assert r.status_code == 200, r.text
    assert [h["doc_id"] for h in r.json()["hits"]] == ["people.md"]


@pytest.mark.parametrize("prefix, name", [("wal", "Lech Wałęsa"), ("WAŁ", "Lech Wałęsa"),
                                          ("din", "Zoran Đinđić"), ("đin", "Zoran Đinđić")])
def test_person_prefixes_and_suggestions_fold_the_same_way(client, prefix, name):
    facet = client.get("/api/facets/person", params={"prefix": prefix}).json()
    assert [v["label"] for v in facet["values"]] == [name]
    suggested = client.get("/api/suggest", params={"prefix": prefix}).json()
    assert name in [s.get("label") or s.get("value") for s in suggested["suggestions"]], suggested
