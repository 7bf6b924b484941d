"""From a Document to annotated Paragraphs: chunk, then years and persons.

This is the CPU-heavy part of a build, so it runs in worker processes; each
worker builds its PersonAnnotator once, from the authority file and the
corpus-wide discovery state computed by the parent.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from indexer.authority import Authority
from indexer.chunking import chunk
from indexer.models import Document, Paragraph
from indexer.persons import PersonAnnotator
from indexer.years import mentions

WORKERS = int(os.environ.get("ARCHIVE_BUILD_WORKERS", str(os.cpu_count() or 1)))

_annotator: PersonAnnotator | None = None


def annotate(doc: Document, annotator: PersonAnnotator, paragraphs: list[Paragraph] | None = None) -> list[Paragraph]:
    """Chunk ``doc`` (unless paragraphs are given) and fill in years, decades and persons."""
    pars = chunk(doc) if paragraphs is None else paragraphs
    # The publication date rules out people born too late to be meant, and
    # places a spelled decade ("the forties") in its century.
    people = annotator.annotate(doc.title, [p.text for p in pars], published=doc.published)
    year = int(doc.published[:4]) if doc.published and doc.published[:4].isdigit() else None
    out = []
    for p, (refs, flags) in zip(pars, people):
        ym = mentions(p.text, context_year=year)
        out.append(replace(p, years=ym.years, decades=ym.decades, persons=tuple(refs), flags=tuple(flags)))
    return out


def _init_worker(authority_path: str | None, state: dict[str, Any] | None) -> None:
    global _annotator
    authority = Authority.load(Path(authority_path) if authority_path else None)
    _annotator = PersonAnnotator(authority, state=state)


def _annotate_in_worker(doc: Document) -> tuple[Document, list[Paragraph]]:
    assert _annotator is not None
    return doc, annotate(doc, _annotator)


def annotate_all(
    docs: Iterable[Document],
    authority_path: Path | None,
    state: dict[str, Any] | None,
    workers: int = WORKERS,
) -> Iterator[tuple[Document, list[Paragraph]]]:
    """Annotate documents, in order, using ``workers`` processes (1 = in this process)."""
    if workers <= 1:
        _init_worker(str(authority_path) if authority_path else None, state)
        for doc in docs:
            yield _annotate_in_worker(doc)
        return
    # fork keeps start-up cheap; the parent holds no locks or threads at this point.
    ctx = get_context("fork")
    with ctx.Pool(
        workers,
        initializer=_init_worker,
        initargs=(str(authority_path) if authority_path else None, state),
    ) as pool:
        yield from pool.imap(_annotate_in_worker, docs, chunksize=8)
