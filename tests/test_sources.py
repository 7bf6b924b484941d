"""Reading corpus files of every kind; a bad file is skipped with a reason, never raised."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from pathlib import Path

import pytest

from indexer.chunking import chunk
from indexer.models import Document, Skipped
from indexer.pipeline import written
from indexer.readers import read_corpus, read_file
from indexer.readers.catalogue import Catalogue

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

SCRAPED = """\
The quarrel at the mill

Submitted by Harbour Notes on 3 March, 2011 - 09:15

In the spring of 1911 the weavers of the lower mill
walked out over the new rule on looms.

The owner, a Mr Tallow, sent for the constable.

The vote

On 4 April the weavers voted to return, but only on their own terms.

* This article can be found at:

Share this page

Add new comment

This website uses cookies to remember your settings; read about them here.
By continuing to browse, you accept our Privacy Policy and our Terms.
"""


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _doc(path: Path, root: Path) -> Document:
    result = read_file(path, root)
    assert isinstance(result, Document), result
    return result


def test_scraped_text_title_byline_headings_and_no_trailer(tmp_path: Path) -> None:
    doc = _doc(_write(tmp_path / "web" / "mill.txt", SCRAPED), tmp_path)
    assert doc.doc_id == "web/mill.txt"
    assert doc.source_format == "text"
    assert doc.title == "The quarrel at the mill"
    assert doc.author == "Harbour Notes"
    assert (doc.published, doc.published_source) == ("2011-03-03", "byline")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["The vote"]
    paras = [p.text for p in chunk(doc)]
    # Hard-wrapped lines are joined; nothing after the last article paragraph survives.
    assert paras[0] == "In the spring of 1911 the weavers of the lower mill walked out over the new rule on looms."
    assert paras[-1].startswith("On 4 April the weavers voted")
    assert not any(re.search(r"cookie|comment|Privacy|can be found", p) for p in paras)
    assert doc.content_hash == hashlib.sha256((tmp_path / "web" / "mill.txt").read_bytes()).hexdigest()


def test_transcript_with_president_line_and_dated_file_name(tmp_path: Path) -> None:
    text = (
        "President: Jane Q. Public\n\n"
        "Friends and neighbours:  \n"
        "We meet tonight to open the new bridge. _The Courier_ said it would never be built.  \n"
        "Q: Madam President —\n"
        "It was built all the same.\n"
    )
    doc = _doc(_write(tmp_path / "speeches" / "1931-06-02-bridge-opening-remarks.txt", text), tmp_path)
    assert doc.author == "Jane Q. Public"
    assert doc.title == "Bridge Opening Remarks"
    assert (doc.published, doc.published_source) == ("1931-06-02", "path")
    texts = [p.text for p in chunk(doc)]
    assert texts[0] == "Friends and neighbours:"  # one paragraph per line
    assert "The Courier said" in texts[1]  # emphasis marks gone
    assert not any(b.kind == "heading" for b in doc.blocks)  # a speaker turn is not a heading


def test_catalogue_wins_over_guesses(tmp_path: Path) -> None:
    _write(tmp_path / "addresses" / "metadata.csv",
           "fileid,date,president_full\n1805-Brown-1,1805-12-03,Edith Brown\n")
    path = _write(tmp_path / "addresses" / "speeches" / "1805-Brown-1.txt",
                  "To the Assembly:\n\nThe year has been a quiet one for trade and for the roads.\n")
    items = list(read_corpus(tmp_path))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.doc_id for d in docs] == ["addresses/speeches/1805-Brown-1.txt"]
    doc = docs[0]
    assert (doc.author, doc.published, doc.published_source) == ("Edith Brown", "1805-12-03", "catalogue")
    # The first line is text, not a title: the catalogue row had none, so the name is humanised.
    assert doc.blocks[0].text == "To the Assembly:"
    assert Skipped("addresses/metadata.csv", "not a document") in items
    assert path.exists()


MIA_LIKE_HTML = """<!DOCTYPE html>
<html><head>
<meta name="AUTHOR" content="Ren\xe9 Dupr\xe9">
<meta content="text/html; charset=iso-8859-1" http-equiv="Content-Type">
<title>Dupr\xe9: On Bread (1890)</title>
<script>var tracker = "nothing to index";</script>
</head><body>
<p class="toplink"><a href="../index.htm">Archive</a> &gt; <a href="index.htm">Dupr\xe9</a></p>
<nav><a href="/">Home</a> <a href="/menu">Menu</a></nav>
<h2>Ren\xe9 Dupr\xe9</h2>
<h1>On Bread</h1>
<h3>(1890)</h3>
<p class="information">Written: 12 May 1890<br>Source: Collected Pieces, 1975</p>
<p>The price of bread rose <em>twice</em> in the winter of 1889, and the bakers of Lyon<sup class="enote"><a href="#n1">[1]</a></sup> said nothing.</p>
<h4>The reply</h4>
<p>The workers answered with a caf\xe9 meeting and a \u201cplain\u201d demand.</p>
<div class="cookie-banner"><p>We use cookies to improve this site.</p></div>
<div id="comments"><p>Nice article, thanks for sharing it.</p></div>
<footer><p>Copyright the site owners.</p></footer>
</body></html>
"""


def test_html_metadata_date_and_ucsb_style_body(tmp_path: Path) -> None:
    page = """<html><head><title>Message on Roads | Presidency Pages</title>
    <meta name="date" content="1822-11-30"></head><body>
    <div class="menu"><p>Search the documents and more of our pages</p></div>
    <h3 class="diet-title"><a href="/p">Alan Marsh</a></h3>
    <span class="date-display-single" content="1822-12-03T00:00:00+00:00">December 03, 1822</span>
    <div class="field-docs-content"><p>To the Senate of the state:</p>
    <p>The roads of the west are in poor repair and want attention.</p></div>
    <p>Report a Typo on this page please</p></body></html>"""
    doc = _doc(_write(tmp_path / "roads.html", page), tmp_path)
    assert doc.title == "Message on Roads"
    assert doc.author == "Alan Marsh"
    assert (doc.published, doc.published_source) == ("1822-11-30", "meta")
    assert [b.text for b in doc.blocks] == [
        "To the Senate of the state:",
        "The roads of the west are in poor repair and want attention.",
    ]


@pytest.mark.parametrize(("footer", "published"), [
    ("This page last updated: 9 August 1996.", "1996-08-09"),
    ("Page last modified 14 March 1997", "1997-03-14"),
    ("&copy; 2001-2003 Quennell Heritage Trust | Site by A. Varenza | Last updated: 17/11/2002", "2002-11-17"),
    ("Copyright 1999 &middot; Last modified 3 May 2000 &middot; Webmaster", "2000-05-03"),
])
def test_a_legacy_pages_last_updated_footer_dates_it_when_nothing_else_does(
        tmp_path: Path, footer: str, published: str) -> None:
    page = f"""<HTML><HEAD><TITLE>Trust - History of the Campaign</TITLE></HEAD><BODY>
    <H1>History of the Campaign</H1>
    <P>The campaign was founded at a meeting in the Quaker hall in April 1958.</P>
    <P>Its first march went from the wharf to the parliament grounds the next Easter.</P>
    <CENTER><FONT SIZE="1">[ <A HREF="index.shtml">Home</A> | <A HREF="#top">Top of page</A> ]<BR>
    {footer}<BR>Site maintained by volunteers.</FONT></CENTER></BODY></HTML>"""
    doc = _doc(_write(tmp_path / "history.shtml", page), tmp_path)
    assert (doc.published, doc.published_source) == (published, "updated")
    assert written(doc) is None  # when the page was saved, not when its text was written: no year for persons
    text = " ".join(b.text for b in doc.blocks).lower()
    assert "updated" not in text and "modified" not in text
    # A date the page's own text or metadata gives still comes first.
    dated = page.replace("<HEAD>", '<HEAD><META NAME="date" CONTENT="1991-04-02">')
    assert written(_doc(_write(tmp_path / "dated.shtml", dated), tmp_path)) == "1991-04-02"


def test_a_table_of_dated_rows_is_no_dateline(tmp_path: Path) -> None:
    """A roll of losses prints a date in each row's first cell: the first row's date is an
    event's, not the page's; the footer then dates the page."""
    page = """<HTML><HEAD><TITLE>Roll of Honour</TITLE></HEAD><BODY><H1>Roll of Honour</H1>
    <P>These are the Quennell Bay men known to have been lost at sea since the station opened.</P>
    <TABLE><TR><TD>Date</TD><TD>Vessel</TD><TD>Names</TD></TR>
    <TR><TD>22 Nov 1881</TD><TD>yawl Brothers</TD><TD>Amos Varenza, John Varenza</TD></TR>
    <TR><TD>12 Jan 1899</TD><TD>lifeboat Ada Halloran</TD><TD>David Morozzi</TD></TR></TABLE>
    <P><FONT SIZE="1">(c) 2003 Quennell Bay Society | Last updated: 02/06/2003</FONT></P></BODY></HTML>"""
    doc = _doc(_write(tmp_path / "memorial.asp", page), tmp_path)
    assert (doc.published, doc.published_source) == ("2003-06-02", "updated")
    # A page's own dateline above its text still dates it.
    dated = page.replace("<H1>Roll of Honour</H1>", "<H1>Roll of Honour</H1><P>March 4, 2003</P>")
    assert _doc(_write(tmp_path / "dated.asp", dated), tmp_path).published == "2003-03-04"


def test_html_without_declared_encoding(tmp_path: Path) -> None:
    body = "<html><body><h1>Les r\xe9unions</h1>" + "<p>Le caf\xe9 \xe9tait plein, et la s\xe9ance fut longue et anim\xe9e.</p>" * 5
    doc = _doc(_write(tmp_path / "reunions.html", (body + "</body></html>").encode("cp1252")), tmp_path)
    assert doc.title == "Les réunions"
    assert "café était plein" in doc.blocks[0].text


MIA_LIKE_MD = """---
layout: default
title: 
---
[Archive](../../index.htm){#top}  \\>
[Reilly](../index.htm)

 

## Thomas Reilly

 

# The Dockers' Hour

### (1907)

------------------------------------------------------------------------

**The Harbour Herald**, 14 September 1907.\\
Transcribed by a volunteer for the archive in 2004.

------------------------------------------------------------------------

The dockers of the north quay
asked for one *hour* less, and were refused.^[\\[1\\]](#n1)^

## The meeting {#meeting .sec}

They met on the **green**; see [the notes](notes.htm) for the names.

[Top of the page](#top)

------------------------------------------------------------------------

[Contents](index.htm) \\| [Next](next.htm)

Last updated on 3.4.2005
"""


@pytest.mark.parametrize(
    ("rel", "content", "fmt", "title", "author", "published", "texts", "section"),
    [
        (
            "bread.htm",
            MIA_LIKE_HTML.encode("cp1252"),  # declared iso-8859-1, written in cp1252 (curly quotes)
            "html",
            "On Bread",
            "René Dupré",
            "1890-05-12",
            [
                "The price of bread rose twice in the winter of 1889, and the bakers of Lyon said nothing.",
                "The workers answered with a café meeting and a \u201cplain\u201d demand.",
            ],
            "The reply",
        ),
        (
            "reilly/1907/09/hour.md",
            MIA_LIKE_MD.encode("utf-8"),
            "markdown",
            "The Dockers' Hour",
            "Thomas Reilly",
            "1907-09-14",
            [
                "The dockers of the north quay asked for one hour less, and were refused.",
                "They met on the green; see the notes for the names.",
            ],
            "The meeting",
        ),
    ],
)
def test_archive_page_header_info_block_and_furniture(
    tmp_path: Path,
    rel: str,
    content: bytes,
    fmt: str,
    title: str,
    author: str,
    published: str,
    texts: list[str],
    section: str,
) -> None:
    """Author above the title, a date line, an info block dating the text, then clean body text."""
    doc = _doc(_write(tmp_path / rel, content), tmp_path)
    assert (doc.source_format, doc.title, doc.author) == (fmt, title, author)
    assert (doc.published, doc.published_source) == (published, "byline")
    paras = chunk(doc)
    assert [p.text for p in paras] == texts
    assert paras[1].section == section


def test_markdown_front_matter(tmp_path: Path) -> None:
    text = "---\ntitle: \"Notes on *Salt*\"\nauthor: Ida Long\ndate: 1923-04-02\n---\n\n# Salt\n\nSalt was taxed by the crown for a century and more.\n"
    doc = _doc(_write(tmp_path / "1920" / "salt.md", text), tmp_path)
    assert (doc.title, doc.author) == ("Notes on Salt", "Ida Long")
    assert (doc.published, doc.published_source) == ("1923-04-02", "front-matter")


def test_unicode_is_nfc(tmp_path: Path) -> None:
    doc = _doc(_write(tmp_path / "a.txt", "Title line\n\nThe cafe\u0301 was full of people that night.\n"), tmp_path)
    assert "café" in doc.blocks[0].text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("blob.txt", b"\x00\x01\x02binary\x00", "binary"),
        ("empty.md", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("SOURCE.txt", b"Where this corpus came from.", "not a document"),
        ("LICENSE", b"Permission is granted.", "not a document"),
        ("persons.toml", b"[x]\nname='y'\n", "not a document"),
        ("data.json", b"{}", "not a document"),
        ("scan.pdf", b"%PDF-1.4", "unsupported format"),
        ("only-nav.html", b"<html><body><nav><p>Home and more links</p></nav></body></html>", "no body text"),
    ],
)
def test_unusable_files_are_skipped(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    result = read_file(_write(tmp_path / name, content), tmp_path)
    assert isinstance(result, Skipped)
    assert result.path == name
    assert reason in result.reason


def test_size_limit_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "big.txt", "Title\n\n" + "A sentence of some length. " * 100)
    assert isinstance(read_file(path, tmp_path), Document)
    monkeypatch.setenv("ARCHIVE_MAX_FILE_BYTES", "1000")
    result = read_file(path, tmp_path)
    assert isinstance(result, Skipped) and "too large" in result.reason


def test_malformed_and_deeply_nested_html_do_not_crash(tmp_path: Path) -> None:
    nested = "<div>" * 50_000 + "<p>Deep inside the page a sentence waits.</p>" + "</span>" * 10
    started = time.perf_counter()
    result = read_file(_write(tmp_path / "deep.html", nested), tmp_path)
    assert isinstance(result, Skipped) and "nest" in result.reason
    assert time.perf_counter() - started < 2  # refused before the slow parse
    shallow = "<div>" * 300 + "<p>Deep inside the page a sentence waits.</p>"
    result = read_file(_write(tmp_path / "shallow.html", shallow), tmp_path)
    assert isinstance(result, Document) and result.blocks[0].text.startswith("Deep inside")
    broken = "<html><p>Unclosed <b>bold <i>and a paragraph that goes on<p>Second one here</table></html"
    result = read_file(_write(tmp_path / "broken.html", broken), tmp_path)
    assert isinstance(result, Document)
    assert "Second one here" in " ".join(b.text for b in result.blocks)


def test_vanished_and_unreadable_files(tmp_path: Path) -> None:
    gone = read_file(tmp_path / "gone.txt", tmp_path)
    assert isinstance(gone, Skipped) and "vanished" in gone.reason
    if os.geteuid() == 0:
        pytest.skip("root can read any file, so the permission case cannot be staged")
    locked = _write(tmp_path / "locked.txt", "Title\n\nSome words in a locked file.\n")
    locked.chmod(0)
    try:
        result = read_file(locked, tmp_path)
        assert isinstance(result, Skipped) and "permission" in result.reason
    finally:
        locked.chmod(0o644)


def test_read_corpus_walk_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for rel in ["b/two.txt", "a/one.md", "a/z/three.html", ".git/config.txt", "a/.hidden.txt"]:
        _write(tmp_path / rel, "Heading words\n\nA body sentence for the reader to keep.\n")
    _write(tmp_path / "a" / "catalogue.jsonl", "{broken\n")
    items = list(read_corpus(tmp_path))
    paths = [i.doc_id if isinstance(i, Document) else i.path for i in items]
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["a/one.md", "a/z/three.html", "b/two.txt"]
    assert not any(".git" in p or ".hidden" in p for p in paths)
    assert any(isinstance(i, Skipped) and "bad catalogue" in i.reason for i in items)
    assert items == list(read_corpus(tmp_path))  # deterministic


# ---------------------------------------------------------------- real corpora


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


@pytest.mark.shared
def test_real_seed_has_nothing_after_the_article() -> None:
    root = _shared("corpus")
    gold = json.loads(_shared("eval", "seed_gold.json").read_text(encoding="utf-8"))
    entry = gold["documents"][0]
    doc = read_file(root / entry["doc"], root)
    assert isinstance(doc, Document)
    assert (doc.title, doc.published) == (entry["title"], entry["date"])
    assert [b.text for b in doc.blocks if b.kind == "heading"] == entry["sections"]
    paras = chunk(doc)
    text = " ".join(p.text for p in paras)
    for phrase in entry["not_searchable"]:
        assert phrase not in text
    norm = lambda t: " ".join(re.sub(r"[*_]", "", t).split())  # noqa: E731
    # Every labelled paragraph is found, exactly once, and the last one closes the document.
    for item in gold["paragraphs"]:
        assert sum(norm(item["phrase"]) in norm(p.text) for p in paras) == 1, item["phrase"]
    assert norm(gold["paragraphs"][-1]["phrase"]) in norm(paras[-1].text)
    assert len(paras) == len(gold["paragraphs"])


@pytest.mark.shared
def test_real_dev_documents_dates_and_phrases() -> None:
    root = _shared("corpus")
    gold = json.loads(_shared("eval", "dev_gold.json").read_text(encoding="utf-8"))
    sotu = Catalogue.find(root / "presidential" / "sotu")
    docs: dict[str, Document | Skipped] = {}
    for entry in gold["documents"]:
        doc = read_file(root / entry["doc"], root, sotu if "/sotu/" in entry["doc"] else None)
        assert isinstance(doc, Document), entry["doc"]
        docs[entry["doc"]] = doc
        # Dates must never be more precise than the truth, nor contradict it.
        assert doc.published and (entry["date"].startswith(doc.published) or doc.published.startswith(entry["date"][:4])), entry
    norm = lambda t: " ".join(re.sub(r"[*_]", "", t).split())  # noqa: E731
    for item in gold["paragraphs"]:
        doc = docs.get(item["doc"]) or read_file(root / item["doc"], root)
        assert isinstance(doc, Document)
        assert any(norm(item["phrase"]) in norm(p.text) for p in chunk(doc)), item["phrase"]
