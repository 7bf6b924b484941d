"""The corpus walk: every candidate file under a root, with the catalogue that describes it.

Files are not read here. Hidden files and folders are passed over; what the
corpus boundary (:mod:`indexer.boundary`) or the selection refuses, and files
that are data rather than documents, come out as Skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from indexer.boundary import LINK_LOOP, link_problem, unlinkable_name
from indexer.models import Skipped
from indexer.readers.catalogue import CATALOGUE_NAMES, Catalogue, Catalogues
from indexer.selection import Selection

# Data and provenance files that live beside documents but are not documents.
NOT_DOCUMENT_SUFFIXES = {".json", ".csv", ".toml", ".yaml", ".yml", ".tsv", ".jsonl"}
NOT_DOCUMENT_NAMES = {"source.txt", "persons.toml", *CATALOGUE_NAMES}


def chosen(path: Path, rel: str, selection: Selection) -> bool:
    """Named a document by --include; never the catalogue or authority files the indexer reads itself."""
    return path.name.lower() not in {"persons.toml", *CATALOGUE_NAMES} and selection.included(rel)


def not_document(path: Path) -> bool:
    name = path.name.lower()
    return (
        name in NOT_DOCUMENT_NAMES
        or name.startswith(("license", "licence", "readme", "copying"))
        or path.suffix.lower() in NOT_DOCUMENT_SUFFIXES
    )


def refusal(path: Path, rel: str, root: Path, selection: Selection) -> str | None:
    """Why the corpus boundary or the selection refuses ``path`` unread; None when neither does."""
    pattern = selection.excluded(rel)
    return (unlinkable_name(path.name) or link_problem(path, root, selection.follow_links)
            or (f"excluded by {pattern!r}" if pattern else None))


def corpus_files(
    root: Path, selection: Selection | None = None
) -> Iterator[tuple[Path, Catalogue | None] | Skipped]:
    """Every candidate file under ``root`` with the catalogue that describes it, unread.

    The walk behind :func:`~indexer.readers.reading.read_corpus`; ``update``
    uses it alone to compare files with the manifest without parsing the
    unchanged ones. Files and folders outside the corpus boundary
    (:mod:`indexer.boundary`) or excluded by the selection come out as
    Skipped; a skipped folder is one entry, its path ending in "/".
    """
    root = Path(root)
    selection = selection if selection is not None else Selection.from_settings()
    catalogues = Catalogues(root)
    seen_folders: set[tuple[int, int]] = set()  # (device, inode): loops of followed links

    def on_error(exc: OSError) -> None:
        # An unreadable folder is reported, not fatal.
        catalogues.errors.append(Skipped(str(exc.filename or ""), f"unreadable folder: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=selection.follow_links):
        folder = Path(dirpath)
        rel_folder = folder.relative_to(root).as_posix()
        if selection.follow_links:
            try:
                st = folder.stat()
            except OSError:
                dirnames[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen_folders:
                dirnames[:] = []
                yield Skipped(f"{rel_folder}/", LINK_LOOP)
                continue
            seen_folders.add((st.st_dev, st.st_ino))
        kept = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            rel = f"{rel_folder}/{d}" if rel_folder != "." else d
            reason = refusal(folder / d, rel, root, selection)
            if reason:
                yield Skipped(f"{rel}/", reason)
            else:
                kept.append(d)
        dirnames[:] = kept
        catalogues.load(folder)
        yield from catalogues.errors
        catalogues.errors.clear()
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = folder / name
            rel = path.relative_to(root).as_posix()
            reason = refusal(path, rel, root, selection)
            if reason:
                yield Skipped(rel, reason)
                continue
            if not_document(path) and not chosen(path, rel, selection):
                yield Skipped(rel, "not a document")
                continue
            yield path, catalogues.for_file(path)
    yield from catalogues.errors

