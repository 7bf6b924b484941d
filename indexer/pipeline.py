"""From a Document to annotated Paragraphs: chunk, then years and persons.

This is the CPU-heavy part of a build; each shard process of a build runs it on
its own documents with the PersonAnnotator the parent prepared (corpus-wide
discovery state included), inherited through fork.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from indexer.chunking import chunk
from indexer.models import Document, Paragraph, published_year
from indexer.persons import PersonAnnotator
from indexer.years import mentions


def discovery_input(doc: Document) -> tuple[str, list[str], int | None, list[str]]:
    """What the corpus-wide discovery pass reads of a document: its paragraphs and its year
    (see :meth:`indexer.discovery.Discovery.count`), and its headings, read for the life
    dates an obituary's heading prints ("HAROLD MOROZZI, 1897 - 1971") and nothing else."""
    return (doc.doc_id, [b.text for b in doc.blocks if b.kind == "paragraph"], published_year(written(doc)),
            [b.text for b in doc.blocks if b.kind == "heading"])


def written(doc: Document) -> str | None:
    """When the document's text was written, as far as persons are concerned: its publication
    date, unless that is only a legacy page's "last updated" footer, which says when the page
    was saved (a 2003 page on the 1950s speaks of the people of the 1950s)."""
    return None if doc.published_source == "updated" else doc.published


def annotate(doc: Document, annotator: PersonAnnotator, paragraphs: list[Paragraph] | None = None) -> list[Paragraph]:
    """Chunk ``doc`` (unless paragraphs are given) and fill in years, decades and persons."""
    pars = chunk(doc) if paragraphs is None else paragraphs
    # The publication date rules out people born too late to be meant, and
    # places a spelled decade ("the forties") in its century.
    people = annotator.annotate(doc.stated_title, [p.text for p in pars], published=written(doc))
    year = int(doc.published[:4]) if doc.published and doc.published[:4].isdigit() else None
    out = []
    for p, (refs, flags) in zip(pars, people):
        ym = mentions(p.text, context_year=year)
        out.append(replace(p, years=ym.years, decades=ym.decades, persons=tuple(refs), flags=tuple(flags)))
    return out


def annotate_each(docs: Iterable[Document], annotator: PersonAnnotator) -> Iterator[tuple[Document, list[Paragraph]]]:
    """(document, annotated paragraphs) for each document, in order, in this process.

    A build runs one of these per shard process (see :mod:`indexer.engine.shards`).
    """
    for doc in docs:
        yield doc, annotate(doc, annotator)
