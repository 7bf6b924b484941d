"""The invented legacy newspaper site (tests/fixtures/legacy_site) read against its
hand-written answer key: titles, dates and where they came from, authors, sections,
listings, years, furniture and accents, one rule per test, one row per page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.boilerplate import Furniture
from indexer.chunking import chunk
from indexer.models import Document
from indexer.pipeline import annotate
from indexer.readers import read_corpus
from indexer.authority import Authority
from indexer.persons import PersonAnnotator

SITE = Path(__file__).parent / "fixtures" / "legacy_site"
KEY = json.loads((SITE / "expected.json").read_text(encoding="utf-8"))
PAGES = KEY["pages"]


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    read = [d for d in read_corpus(SITE) if isinstance(d, Document)]
    furniture = Furniture.learn(read)
    return {d.doc_id: furniture.strip(d) for d in read}


def _rows(field: str) -> list:
    return [pytest.param(page, want[field], id=page) for page, want in PAGES.items()
            if want.get(field) is not None or field in {"date", "date_source"}]


def test_every_page_is_read(docs):
    assert set(docs) == set(PAGES)


@pytest.mark.parametrize(("page", "title"), _rows("title"))
def test_title(docs, page, title):
    assert docs[page].title == title


@pytest.mark.parametrize(("page", "date"), _rows("date"))
def test_publication_date(docs, page, date):
    assert docs[page].published == date


@pytest.mark.parametrize(("page", "source"), _rows("date_source"))
def test_publication_date_source(docs, page, source):
    assert docs[page].published_source == source


@pytest.mark.parametrize(("page", "authors"), _rows("authors"))
def test_authors(docs, page, authors):
    got = docs[page].author
    if not authors:
        assert got is None
    else:
        for name in authors:
            assert name in (got or "")
        assert got == (authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1])


@pytest.mark.parametrize(("page", "listing"), _rows("listing"))
def test_listing(docs, page, listing):
    assert (docs[page].kind == "listing") is listing


@pytest.mark.parametrize(("page", "sections"), _rows("sections"))
def test_sections(docs, page, sections):
    assert list(dict.fromkeys(p.section for p in chunk(docs[page]))) == sections


@pytest.mark.parametrize(("page", "years"), _rows("years"))
def test_years_mentioned(docs, page, years):
    pars = annotate(docs[page], PersonAnnotator(Authority.load(None)))
    assert sorted({y for p in pars for y in p.years}) == years


@pytest.mark.parametrize(("page", "lines"), _rows("not_in_text"))
def test_no_header_line_left_in_the_text(docs, page, lines):
    text = "\n".join(b.text for b in docs[page].blocks)
    for line in lines:
        assert line not in text


@pytest.mark.parametrize("page", list(PAGES))
def test_no_furniture_left(docs, page):
    text = "\n".join(b.text for b in docs[page].blocks).casefold()
    for line in KEY["boilerplate"]:
        assert line.casefold() not in text


@pytest.mark.parametrize(("page", "phrases"), _rows("in_text"))
def test_text_is_kept_with_its_accents(docs, page, phrases):
    text = "\n".join(b.text for b in docs[page].blocks)
    for phrase in phrases:
        assert phrase in text
