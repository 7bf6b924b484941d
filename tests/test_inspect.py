"""python -m indexer inspect: what the reader made of a file, exactly as a build indexes it."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from indexer.chunking import chunk
from indexer.cli import main
from indexer.models import Document
from indexer.readers import read_file
from indexer.selection import Selection

PAGE = """<html><head><title>Ferry News</title></head><body>
<p><a href="/">Home</a> <a href="/news/">News</a></p>
<h1>The ferry changes its hours</h1>
<p>From the first of May the morning ferry leaves at seven, not at six, the harbour board said in 1931, so that the crews can clean the decks before the first crossing.</p>
<h2>Fares</h2>
<p>Fares stay as they were, and children under twelve still cross free of charge on weekdays.</p>
<p>Ok.</p>
<p>Privacy Policy</p>
</body></html>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "1931" / "05").mkdir(parents=True)
    (root / "1931" / "05" / "ferry.shtml").write_text(PAGE, encoding="utf-8")
    (root / "inc").mkdir()
    (root / "inc" / "nav.inc").write_text('<ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul>',
                                         encoding="utf-8")
    return root


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["inspect", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_shows_what_a_build_indexes(corpus, capsys):
    path = corpus / "1931" / "05" / "ferry.shtml"
    code, out, _ = run(capsys, str(path), "--corpus", str(corpus), "--json")
    assert code == 0
    [info] = json.loads(out)
    doc = read_file(path, corpus, selection=Selection())
    assert isinstance(doc, Document)
    assert info["kind"] == "html" and "HTML" in info["kind_why"]
    # Every field of the Document is shown (new fields appear without changes to inspect).
    shown = info["document"]
    for f in fields(Document):
        if f.name not in {"blocks", "content_hash"}:
            assert shown[f.name] == json.loads(json.dumps(getattr(doc, f.name))), f.name
    assert shown["doc_id"] == "1931/05/ferry.shtml" and shown["published"] == "1931-05"
    assert [p["text"] for p in info["paragraphs"]] == [p.text for p in chunk(doc)]
    assert info["sections"] == ["Fares"]
    assert 1931 in info["paragraphs"][0]["years"]
    dropped = {d["text"]: d["why"] for d in info["dropped"]}
    assert "boilerplate" in dropped["Privacy Policy"]
    assert "too short" in dropped["Ok."]
    assert "title" in dropped["The ferry changes its hours"]


def test_text_output_numbers_and_abbreviates_paragraphs(corpus, capsys):
    code, out, _ = run(capsys, str(corpus / "1931" / "05" / "ferry.shtml"), "--corpus", str(corpus))
    assert code == 0
    lines = out.splitlines()
    assert any(ln.startswith("  read as:    html") for ln in lines)
    assert any(ln.startswith("  title:") and "The ferry changes its hours" in ln for ln in lines)
    assert any(ln.startswith("  published_source:") for ln in lines)
    assert "    § Fares" in lines
    first = next(ln for ln in lines if ln.strip().startswith("0  "))
    assert "…" in first
    assert "first crossing" not in first
    code, out, _ = run(capsys, str(corpus / "1931" / "05" / "ferry.shtml"), "--corpus", str(corpus), "--full")
    assert "before the first crossing." in out


def test_a_skipped_file_shows_its_reason_and_a_missing_one_fails(corpus, capsys):
    code, out, err = run(capsys, str(corpus / "inc" / "nav.inc"), str(corpus / "nope.php"), "--corpus", str(corpus))
    assert code == 1
    assert "SKIPPED:    template fragment" in out and "read as:    fragment" in out
    assert err.startswith("Error: ") and "nope.php" in err


def test_the_corpus_root_defaults_to_the_folder_holding_the_catalogue(corpus, capsys, monkeypatch):
    monkeypatch.delenv("ARCHIVE_CORPUS", raising=False)
    (corpus / "catalogue.csv").write_text("path,title,author,date\n1931/05/ferry.shtml,Hours,Ann Doe,1931-04-30\n",
                                          encoding="utf-8")
    code, out, _ = run(capsys, str(corpus / "1931" / "05" / "ferry.shtml"), "--json")
    [info] = json.loads(out)
    assert code == 0 and info["corpus"] == str(corpus.resolve())
    assert info["document"]["author"] == "Ann Doe" and info["document"]["published_source"] == "catalogue"
