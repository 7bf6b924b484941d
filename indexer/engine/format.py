"""The on-disk format this engine writes, recorded in every generation it builds.

Whoosh's table of contents pickles the codec by its class path
(``indexer.engine.codec.ArrayCodec``), so that path is part of the format: a
generation built before the engine had its own package names a module that no
longer exists. Every generation therefore records the format it was written
in (``index_format`` in ``generation.json``), and the engine refuses, with a
message saying what to do, to open or update a generation of another format
instead of failing somewhere inside an unpickling.

Format history: 1, unrecorded, codec at ``indexer.codec``; 2, codec at
``indexer.engine.codec``.
"""

from __future__ import annotations

import json
from pathlib import Path

from indexer.schema import GENERATION_META

INDEX_FORMAT = 2
FORMAT_KEY = "index_format"


class RebuildNeeded(Exception):
    """A generation written in a format this version does not read."""

    def __init__(self, name: str, found: int) -> None:
        super().__init__(
            f"generation {name} is in index format {found}, this version reads format "
            f"{INDEX_FORMAT}: rebuild the index (python -m indexer build --corpus DIR --index ROOT)")
        self.name, self.found = name, found


def in_meta(meta) -> int | None:
    """The format a generation's parsed generation.json gives: 1 when it does not say,
    None when there is no readable object (damage, which the checksums report)."""
    if not isinstance(meta, dict):
        return None
    found = meta.get(FORMAT_KEY, 1)
    return found if isinstance(found, int) else None


def recorded(path: Path) -> int | None:
    """The format the generation folder ``path`` says it was written in (see :func:`in_meta`)."""
    try:
        meta = json.loads((path / GENERATION_META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return in_meta(meta)


def require(name: str, meta) -> None:
    """Raise :class:`RebuildNeeded` when generation ``name``'s parsed generation.json
    says it is in another format."""
    found = in_meta(meta)
    if found is not None and found != INDEX_FORMAT:
        raise RebuildNeeded(name, found)
