"""A document's title: headings, title lines and file names, and where the title came from."""

from __future__ import annotations

import re

from indexer import cleaning
from indexer.models import Document
from indexer.readers.catalogue import Entry
from indexer.readers.dates import MONTHS
from indexer.readers.parsed import Parsed

_TRAILING_DATE = re.compile(
    r"[\s,]*\(?(?:(?:\d{1,2}\s+)?(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+)?\d{4}\)?\s*$",
    re.I,
)


def author_in_title_line(line: str) -> str | None:
    """The author a page's title line ends with: "Title. Karl Marx 1852" -> "Karl Marx".

    >>> author_in_title_line("Paul Lafargue September 1897")
    'Paul Lafargue'
    >>> author_in_title_line("The Eighteenth Brumaire of Louis Bonaparte. Karl Marx 1852")
    'Karl Marx'
    >>> author_in_title_line("Socialism in France 1874-1896") is None
    True
    """
    tail = re.split(r"(?<=\w)[.:]\s+", line)[-1]
    return cleaning.as_author_line(_TRAILING_DATE.sub("", tail))


def humanise(slug: str) -> str:
    """A title from a file name: "1860-02-27-cooper-union-address" -> "Cooper Union Address".

    >>> humanise("1926-07-05-declaration-of-independence")
    'Declaration of Independence'
    """
    slug = re.sub(r"^\d{4}(?:-\d{2}){0,2}[-_]?", "", slug) or slug
    small = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "by"}
    words = [w for w in re.split(r"[-_\s]+", slug) if w]
    return " ".join(
        w if (i and w.lower() in small) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


_CHAPTERISH = re.compile(r"^(?:[IVXLC]+|\d+|[A-Z])[.)]?$|^(?:chapter|part|book|section|appendix)\b", re.I)


def choose_title(heading: str | None, page_title: str | None) -> str | None:
    """A page's h1 unless it is just a chapter number, then the page title.

    >>> choose_title("I", "The Eighteenth Brumaire of Louis Bonaparte")
    'The Eighteenth Brumaire of Louis Bonaparte: I'
    >>> choose_title("On Bread", "Dupré: On Bread (1890)")
    'On Bread'
    """
    if heading and (not page_title or not _CHAPTERISH.match(heading)):
        return heading
    if heading and page_title:
        return f"{page_title}: {heading}"
    return page_title


def title_source(doc: Document, parsed: Parsed, entry: Entry | None) -> str:
    """Where ``doc``'s title came from: the assembly's trust order, told after the fact.

    "file name" is the last resort (no catalogue title, no stated title, no page
    title, no heading), which the build summary reports as a missing title.
    """
    if entry is not None and entry.title:
        return "catalogue"
    if parsed.title:
        return "front-matter" if doc.source_format == "markdown" else "page"
    stem = doc.doc_id.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    headings = {cleaning.normalize(text) for kind, _, text in parsed.blocks if kind == "heading"}
    if not parsed.page_title and doc.title == cleaning.normalize(humanise(stem)) and doc.title not in headings:
        return "file name"
    return "page"
