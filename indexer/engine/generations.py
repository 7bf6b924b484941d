"""Index generations: build beside the live index, then switch a pointer atomically.

Layout of an index root::

    index/
      CURRENT              name of the generation being served, e.g. "g-20261127-031700-1a2b"
      PREVIOUS             the generation before it, kept for `rollback`
      g-20261127-031700-1a2b/   a complete Whoosh index + generation.json + persons.json + manifest.json
                                + checksums.json (every file's size and checksum)
      .writer.lock         held by the one process allowed to write

Whoosh has no index alias, so a zero-downtime rebuild means a new directory and
an atomic rename of a small pointer file (``os.replace`` is atomic on POSIX).
Readers (the service) only ever read ``CURRENT`` and the directory it names.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.engine import checksums
from indexer.schema import CURRENT_FILE, GENERATION_META, PREVIOUS_FILE
from indexer.settings import at_start

KEEP_GENERATIONS = at_start().keep_generations


@dataclass(frozen=True)
class Generation:
    root: Path
    name: str

    @property
    def path(self) -> Path:
        return self.root / self.name

    def read_json(self, filename: str, default: Any = None) -> Any:
        try:
            return json.loads((self.path / filename).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return default

    def write_json(self, filename: str, value: Any, readable: bool = False) -> None:
        """Compact unless ``readable``: with an indent, ``json`` encodes in Python
        instead of C, and the manifest and discovery state of a million-paragraph
        archive then took a second of every update."""
        text = json.dumps(value, ensure_ascii=False, indent=1) if readable else \
            json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        write_atomic(self.path / filename, text)

    @property
    def meta(self) -> dict[str, Any]:
        return self.read_json(GENERATION_META, {}) or {}


def write_atomic(path: Path, text: str) -> None:
    """Write a file so readers see either the old or the new content, never half."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def new_generation(root: Path) -> Generation:
    root.mkdir(parents=True, exist_ok=True)
    name = time.strftime("g-%Y%m%d-%H%M%S-", time.gmtime()) + secrets.token_hex(3)
    (root / name).mkdir()
    return Generation(root, name)


def read_pointer(root: Path, pointer: str = CURRENT_FILE) -> str | None:
    """The generation name in CURRENT (or ``pointer``), or None when missing or unsafe.

    The one reader of the pointer files: the builder, the updater and the
    service all take a generation's name from here, with the same rules.

    >>> read_pointer(Path("/nonexistent")) is None
    True
    """
    try:
        name = (root / pointer).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not name or "/" in name or "\\" in name or name.startswith(".") or "\0" in name:
        return None
    return name if (root / name).is_dir() else None


def current(root: Path) -> Generation | None:
    """The generation being served, or None when there is none (or it is broken)."""
    name = read_pointer(root, CURRENT_FILE)
    return Generation(root, name) if name else None


def previous(root: Path) -> Generation | None:
    name = read_pointer(root, PREVIOUS_FILE)
    return Generation(root, name) if name else None


def switch_to(gen: Generation) -> None:
    """Make ``gen`` the served generation; the old one becomes PREVIOUS (for rollback).

    Raises :class:`checksums.Damaged`, switching nothing, when a file of ``gen``
    does not match its checksum. Files it shares (hard links) with the served
    generation get only their size checked: an update then reads what it wrote,
    not the whole index.
    """
    old = current(gen.root)
    checksums.verify(gen.path, shared_with=old.path if old is not None and old.name != gen.name
                     else None)
    if old is not None and old.name != gen.name:
        write_atomic(gen.root / PREVIOUS_FILE, old.name)
    write_atomic(gen.root / CURRENT_FILE, gen.name)
    cleanup(gen.root)


def rollback(root: Path) -> Generation:
    """Serve the previous generation again; raises LookupError when there is none,
    and :class:`checksums.Damaged` when its files do not match their checksums."""
    prev, cur = previous(root), current(root)
    if prev is None:
        raise LookupError(f"no previous generation to roll back to in {root}")
    checksums.verify(prev.path)
    write_atomic(root / CURRENT_FILE, prev.name)
    if cur is not None:
        write_atomic(root / PREVIOUS_FILE, cur.name)
    return prev


def cleanup(root: Path, keep: int = KEEP_GENERATIONS) -> list[str]:
    """Delete generations other than CURRENT, PREVIOUS and the newest ``keep``.

    It runs under the writer lock, so an unfinished generation (one without
    generation.json) is debris from a killed build or update, never work in progress.
    """
    protected = {g.name for g in (current(root), previous(root)) if g is not None}
    gens = sorted(
        (p for p in root.iterdir() if p.is_dir() and p.name.startswith("g-")),
        key=lambda p: p.name,
        reverse=True,
    )
    removed = []
    finished_seen = 0
    for p in gens:
        if p.name in protected:
            continue
        finished = (p / GENERATION_META).exists()
        if finished and finished_seen < keep:
            finished_seen += 1
            continue
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p.name)
    return removed
