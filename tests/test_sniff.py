"""Files are read by what they hold, not by their name: a legacy site's export, file by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import Document, Skipped
from indexer.readers import read_file
from indexer.readers.sniff import sniff

PAGE = (b'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html><head>'
        b"<title>Harbour strike ends</title></head><body><table><tr><td>"
        b'<font face="Arial" size="2"><p>The dockers voted on Tuesday night to return to work '
        b"after nine weeks of a dispute over the night rate.</p><p>Their union said the vote "
        b"was close and the owners had given way on the hours.</p></font></td></tr></table>"
        b"</body></html>")
# The same story as a server-side page prints it without <html> around it (a body include).
BODY_ONLY = (b"<p>The council agreed on Monday to keep the public baths open through the "
             b"winter, after a petition signed by some four thousand residents of the east "
             b"ward.</p>\n<p>The baths had been due to close in November to save the cost of "
             b"heating, and the vote was nine to four, with two members absent from the "
             b"chamber that evening.</p>")
NAV = (b'<ul class="menu">\n<li><a href="/">Home</a></li>\n<li><a href="/news/">News</a></li>\n'
       b'<li><a href="/letters/">Letters to the editor</a></li>\n'
       b'<li><a href="/archive/">Back issues</a></li>\n</ul>\n')
FOOTER = b'<div id="foot">&copy; 2004 The Weekly Lamp | <a href="/contact">Contact us</a></div>\n'
HEADER = (b'<html><head><title>The Weekly Lamp</title></head>\n<body>\n<div id="top">'
          b'<a href="/">The Weekly Lamp</a> | <a href="/news/">News</a></div>\n')
MARKDOWN = (b"# Minutes of the March meeting\n\nThe committee met in the *old hall* and agreed "
            b"to print the bulletin monthly.\n\n## Treasurer\n\nThe accounts were read and "
            b"passed without a vote.\n")
FRONT_MATTER = (b"---\ntitle: Ferry timetable\nauthor: Ann Doe\n---\n\nThe ferry now leaves at "
                b"seven in the morning, not at six as it did all winter.\n")
TEXT = (b"Notes on the ferry timetable\n\nThe ferry now leaves at seven in the morning, "
        b"not at six as it did all through the winter months.\n")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
NULS = b"GARBAGE\x00\x00\x00\x01\x02" * 40
UTF16 = "Wide notes\n\nA text that an old word processor saved as UTF-16.\n".encode("utf-16")

SNIFFED = [
    # (file name, content, kind)
    *[(f"story{ext}", PAGE, "html") for ext in
      (".php", ".asp", ".aspx", ".jsp", ".cfm", ".shtml", ".shtm", ".shmtl", ".htmlf", ".PHP", "")],
    ("story.php", BODY_ONLY, "html"),
    ("story", BODY_ONLY, "html"),
    ("nav.inc", NAV, "fragment"),
    ("header.php", HEADER, "fragment"),  # opens the page, never closes it: an include
    ("story.asp", PAGE.replace(b"</body></html>", b""), "html"),  # unclosed, but a page of prose
    ("footer.shtml", FOOTER, "fragment"),
    ("menu.html", NAV, "fragment"),
    ("minutes.asp", MARKDOWN, "markdown"),
    ("minutes", MARKDOWN, "markdown"),
    ("ferry", FRONT_MATTER, "markdown"),
    ("ferry.cfm", TEXT, "text"),
    ("ferry", TEXT, "text"),
    ("photo.php", PNG, "binary"),
    ("scan", PDF, "binary"),
    ("blob.asp", NULS, "binary"),
    ("blob.txt", NULS, "binary"),
    ("wide", UTF16, "text"),
    # Trusted extensions keep their format (tidy corpora read as before).
    ("minutes.txt", MARKDOWN, "text"),
    ("notes.md", TEXT, "markdown"),
    ("story.html", BODY_ONLY, "html"),
]


@pytest.mark.parametrize(("name", "content", "kind"), SNIFFED, ids=[f"{n}-{k}" for n, _, k in SNIFFED])
def test_sniffed_kind(name: str, content: bytes, kind: str) -> None:
    suffix = Path(name).suffix.lower()
    found = sniff(content, suffix)
    assert found.kind == kind, found
    assert found.why


READ = [
    # (file name, content, "html"/"markdown"/"text" for a Document, or a skip reason)
    *[(f"2004/story{ext}", PAGE, "html") for ext in (".php", ".asp", ".shtml", ".shmtl", ".htmlf", "")],
    ("2004/baths.php", BODY_ONLY, "html"),
    ("inc/nav.inc", NAV, "template fragment"),
    ("inc/footer.php", FOOTER, "template fragment"),
    ("inc/header.php", HEADER, "template fragment"),
    ("minutes.asp", MARKDOWN, "markdown"),
    ("ferry", TEXT, "text"),
    ("ferry-notes.cfm", FRONT_MATTER, "markdown"),
    ("photo.php", PNG, "binary file"),
    ("scan.jsp", PDF, "binary file"),
    ("scan.pdf", PDF, "unsupported format .pdf"),
    ("style.css", b"body { color: black; font-family: serif; margin: 0 auto; }", "unsupported format .css"),
]


@pytest.mark.parametrize(("rel", "content", "expect"), READ, ids=[r for r, _, _ in READ])
def test_read_by_content(tmp_path: Path, rel: str, content: bytes, expect: str) -> None:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    result = read_file(path, tmp_path)
    if expect in {"html", "markdown", "text"}:
        assert isinstance(result, Document), result
        assert result.source_format == expect
        assert result.doc_id == rel
    else:
        assert isinstance(result, Skipped)
        assert result.reason.startswith(expect), result.reason


def test_a_page_as_php_reads_like_the_same_page_as_html(tmp_path: Path) -> None:
    (tmp_path / "a.php").write_bytes(PAGE)
    (tmp_path / "a.html").write_bytes(PAGE)
    php, html = read_file(tmp_path / "a.php", tmp_path), read_file(tmp_path / "a.html", tmp_path)
    assert isinstance(php, Document) and isinstance(html, Document)
    assert (php.title, php.blocks) == (html.title, html.blocks)


def test_prose_that_mentions_tags_is_not_a_page() -> None:
    text = b"Provenance notes\n\nThe pages kept their <title> and <html> tags when saved.\n"
    assert sniff(text, "").kind == "text"
