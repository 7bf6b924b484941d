"""Every file of a generation with its size and checksum, so damage is found before it is served.

A build or update writes ``checksums.json`` into the generation once every other
file is final::

    {"algorithm": "xxh3-128", "files": {"_MAIN_1.toc": [2817, "9f0c…"], "persons.json": [...], ...}}

Opening a generation checks the sizes (a ``stat`` per file: cheap, and what a
truncation or a missing file changes); the checksums, which read every byte,
are verified in a background thread (the service) or before a switch (the
indexer). Problems name files relative to the generation, never an absolute
path, so they can be shown in ``/healthz``.

xxh3-128 rather than blake2b: it is not a cryptographic hash, and needs not be
(this finds a damaged disk, not a forger); on this machine it hashed 26 GB/s
against blake2b's 0.66 GB/s, so verifying is as fast as reading the files.

>>> Problem("persons.json", "truncated: 10 bytes, expected 20").text
'persons.json: truncated: 10 bytes, expected 20'
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xxhash

from indexer.schema import CHECKSUMS_FILE

ALGORITHM = "xxh3-128"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Problem:
    """What is wrong with one file of a generation (``name`` is relative to it)."""

    name: str
    what: str

    @property
    def text(self) -> str:
        return f"{self.name}: {self.what}"


class Damaged(Exception):
    """A generation whose files do not match its checksums."""

    def __init__(self, generation: str, problems: list[Problem]) -> None:
        self.generation = generation
        self.problems = problems
        shown = "; ".join(p.text for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"generation {generation} is damaged: {shown}{more}")


def digest(data: bytes | memoryview) -> str:
    return xxhash.xxh3_128_hexdigest(data)


def file_digest(path: Path) -> str:
    h = xxhash.xxh3_128()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def indexed_files(folder: Path) -> list[str]:
    """The files a generation consists of: all but locks, temporaries and the checksums."""
    return sorted(
        p.name for p in folder.iterdir()
        if p.is_file() and p.name != CHECKSUMS_FILE and not p.name.startswith(".")
        and not p.name.endswith((".lock", "WRITELOCK"))
    )


def read(folder: Path) -> dict[str, tuple[int, str]] | None:
    """{file name: (size, checksum)}, or None for a generation written without checksums."""
    try:
        data = json.loads((folder / CHECKSUMS_FILE).read_text(encoding="utf-8"))
        if data.get("algorithm") != ALGORITHM:
            raise ValueError(f"unknown algorithm {data.get('algorithm')!r}")
        return {name: (int(v[0]), str(v[1])) for name, v in data["files"].items()}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        # A damaged checksums file must not read as "unverified": that would
        # serve a generation nobody can vouch for without a word.
        raise Damaged(folder.name, [Problem(CHECKSUMS_FILE, f"unreadable ({type(exc).__name__})")]
                      ) from None


def write(folder: Path, reuse: Path | None = None) -> dict[str, tuple[int, str]]:
    """Record every file of ``folder``; returns what was written.

    ``reuse`` is the generation ``folder`` was snapshotted from (an update): a
    file that is a hard link to one there (same inode and size) keeps its
    recorded checksum instead of being read again, so an update costs a read
    of what it wrote, not of the whole index.
    """
    from indexer.engine.generations import write_atomic  # generations imports this module

    known = _safe_read(reuse) if reuse is not None else {}
    files: dict[str, tuple[int, str]] = {}
    for name in indexed_files(folder):
        st = os.stat(folder / name)
        old = known.get(name)
        if old is not None and old[0] == st.st_size and _same_file(reuse / name, st):  # type: ignore[operator]
            files[name] = old
        else:
            files[name] = (st.st_size, file_digest(folder / name))
    body = {"algorithm": ALGORITHM, "files": {k: list(v) for k, v in files.items()}}
    write_atomic(folder / CHECKSUMS_FILE, json.dumps(body, separators=(",", ":")))
    return files


def read_or_none(folder: Path) -> dict[str, tuple[int, str]] | None:
    """Like :func:`read`, but None for damaged checksums too."""
    try:
        return read(folder)
    except Damaged:
        return None


def _safe_read(folder: Path) -> dict[str, tuple[int, str]]:
    return read_or_none(folder) or {}


def _same_file(path: Path, st: os.stat_result) -> bool:
    try:
        other = os.stat(path)
    except OSError:
        return False
    return (other.st_ino, other.st_dev) == (st.st_ino, st.st_dev)


def check_sizes(folder: Path, expected: dict[str, tuple[int, str]]) -> list[Problem]:
    """Missing and resized files: a ``stat`` each.

    >>> check_sizes(Path("/nonexistent-generation"), {"a.col": (3, "x")})
    [Problem(name='a.col', what='missing')]
    """
    problems = []
    for name, (size, _) in expected.items():
        try:
            actual = os.stat(folder / name).st_size
        except OSError:
            problems.append(Problem(name, "missing"))
            continue
        if actual != size:
            what = "truncated" if actual < size else "grown"
            problems.append(Problem(name, f"{what}: {actual:,} bytes, expected {size:,}"))
    return problems


def stamps(folder: Path, names: Iterable[str]) -> dict[str, tuple[int, int]]:
    """{name: (size, mtime)} of the files as they are now (missing ones left out)."""
    out = {}
    for name in names:
        try:
            st = os.stat(folder / name)
        except OSError:
            continue
        out[name] = (st.st_size, st.st_mtime_ns)
    return out


def check_changed(folder: Path, expected: dict[str, tuple[int, str]],
                  seen: dict[str, tuple[int, int]]) -> list[Problem]:
    """Missing and resized files, and the checksum of any file written since ``seen``.

    A stat per file; a file is read only when its modification time moved
    (``seen`` is updated for files that moved but kept their bytes),
    which writing into it in place does (a disk that corrupts data without a
    write is left to the full verification).
    """
    problems = check_sizes(folder, expected)
    bad = {p.name for p in problems}
    now = stamps(folder, (n for n in expected if n not in bad))
    moved = [n for n, stamp in now.items() if seen.get(n) != stamp]
    if moved:
        found = check_contents(folder, expected, names=moved)
        problems += found
        for name in set(moved) - {p.name for p in found}:
            seen[name] = now[name]  # rewritten with the same bytes: not read again
    return problems


def check_contents(
    folder: Path, expected: dict[str, tuple[int, str]],
    read_bytes: Callable[[str], Any] | None = None,
    names: Iterable[str] | None = None,
) -> list[Problem]:
    """Files whose checksum differs (and missing or resized ones).

    ``read_bytes(name)`` may give the bytes to check instead of the file (the
    service checks the copy it serves), or None to read the file.
    """
    problems = check_sizes(folder, expected)
    bad = {p.name for p in problems}
    for name in (expected if names is None else names):
        if name in bad or name not in expected:
            continue
        size, want = expected[name]
        try:
            data = read_bytes(name) if read_bytes is not None else None
            got = digest(data) if data is not None else file_digest(folder / name)
        except OSError:
            problems.append(Problem(name, "unreadable"))
            continue
        if got != want:
            problems.append(Problem(name, "contents changed (checksum mismatch)"))
    return problems


def verify(folder: Path, shared_with: Path | None = None) -> bool:
    """Raise :class:`Damaged` unless every file matches; False when there are no checksums.

    Files that are hard links to the ones in ``shared_with`` (the generation
    served now, which its readers verify) get only their size checked.
    """
    expected = read(folder)
    if expected is None:
        return False
    names = [n for n in expected
             if shared_with is None or not _same_file(shared_with / n, _stat(folder / n))]
    problems = check_contents(folder, expected, names=names)
    if problems:
        raise Damaged(folder.name, problems)
    return True


def _stat(path: Path) -> os.stat_result | Any:
    try:
        return os.stat(path)
    except OSError:
        return os.stat_result((0,) * 10)  # matches no file: checked in full
