"""Which index generation is being served, and switching to a new one live.

The indexer writes each build into ``index_root/<generation>/`` and then
replaces ``index_root/CURRENT`` atomically. The service polls CURRENT; when it
names a new generation, that generation is opened and warmed (facet arrays,
vocabulary) *before* it is swapped in, so no visitor pays for the load. The
old generation stays open until the last request using it has finished.

Whoosh searchers are not shared between threads: each thread gets its own
searcher per generation (``LoadedIndex.searcher()``).

Before a generation is served its files are checked against its checksums
(``indexer/engine/checksums.py``): sizes when it is opened, contents before a switch
(the old generation serves meanwhile) or, for the first generation a worker
opens, in a background thread. A damaged generation is refused and remembered,
so it is not opened again until CURRENT names another one; with nothing else
to serve, the generation in PREVIOUS is tried. A generation written before
checksums existed is served, reported "unverified" by ``/healthz``.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from indexer.engine import checksums
from indexer.engine import format as index_format
from indexer.engine.checksums import Damaged, Problem
from indexer.engine.columns import Columns
from indexer.engine.format import RebuildNeeded
from indexer.engine.generations import read_pointer
from indexer.engine.highlight import learn_stems
from indexer.engine.scoring import FieldLengths
from indexer.engine.storage import SEALABLE, SealedCopies, open_index
from indexer.schema import (
    GENERATION_META,
    MANIFEST_FILE,
    PERSONS_FILE,
    PREVIOUS_FILE,
    STEMS_FILE,
)
from searchsvc.errors import APIError, Unavailable
from searchsvc.facets import FacetField, build_facets
from searchsvc.listings import articles_mask
from searchsvc.persons import PersonRegistry
from searchsvc.query import QueryBuilder
from searchsvc.sized_cache import SizedLRU, array_size
from searchsvc.suggest import Vocabulary

log = logging.getLogger("searchsvc.index")
# The corpus manifest is for `update` alone, which rewrites it in the served
# generation when nothing else changed; the service never reads it.
NOT_SERVED = frozenset({MANIFEST_FILE})


class LoadedIndex:
    """One open generation with everything derived from it, built once."""

    def __init__(self, root: Path, name: str, cache_size: int = 512,
                 max_terms: int = 32, max_expansions: int = 50, copy: bool = True,
                 cache_bytes: int = 64 * 1024 * 1024) -> None:
        self.name = name
        self.path = root / name
        self._documents: int | None = None
        # None: written before checksums were recorded ("unverified").
        expected = checksums.read(self.path)  # Damaged when unreadable
        self.expected = {k: v for k, v in (expected or {}).items() if k not in NOT_SERVED} \
            if expected is not None else None
        self.integrity = "unverified" if expected is None else "verifying"
        self.problems: list[Problem] = []
        if self.expected:
            problems = checksums.check_sizes(self.path, self.expected)
            if problems:
                raise Damaged(name, problems)
            # Opening unpickles the table of contents, and a damaged one can claim
            # any document count (the opening then allocates for it): its few
            # bytes are checked in full first.
            toc = {k: v for k, v in self.expected.items() if k.endswith(".toc")}
            problems = checksums.check_contents(self.path, toc)
            if problems:
                raise Damaged(name, problems)
        meta = _read_json(self.path / GENERATION_META)
        index_format.require(name, meta)  # RebuildNeeded: a generation of an older format
        self._stamps = checksums.stamps(self.path, self.expected or ())
        self.copies = SealedCopies(self.path, {k: v[0] for k, v in (self.expected or {}).items()}) \
            if copy and SEALABLE else None
        try:
            self.ix = open_index(self.path, self.copies)
        except BaseException:
            if self.copies is not None:
                self.copies.close()
            raise
        self.meta: dict[str, Any] = meta or {}
        self.persons = PersonRegistry(_read_json(self.path / PERSONS_FILE) or {})
        self._local = threading.local()
        self._searchers: list[Any] = []
        self._lock = threading.Lock()
        self._users = 0
        self._retired = False
        self.closed = False
        s = self.searcher()
        reader = s.reader()
        try:
            self.doc_count = reader.doc_count()
            self.columns = Columns.from_reader(reader)
            self.facets: dict[str, FacetField] = build_facets(reader)
            self.articles = articles_mask(reader, self.columns.n_docs)
            self.vocab = Vocabulary.for_generation(self.path, reader)
            learn_stems(self.path / STEMS_FILE)
            self.lengths = FieldLengths(reader, [n for n, f in reader.schema.items() if f.scorable])
        except BaseException:
            self.close()  # a generation that cannot be loaded leaves no file open
            raise
        self.builder = QueryBuilder(self.ix.schema, self.persons, self.vocab,
                                    max_terms, max_expansions)
        # (normalised request) -> response body; bounded in bytes too (sized_cache.py)
        self.responses = SizedLRU(cache_size, cache_bytes)
        # (query repr) -> numpy docnums or a document ranking: at a million paragraphs
        # one common word's set is 4 MB, so these are bounded in bytes as well.
        self.matches = SizedLRU(64, cache_bytes, weigh=array_size)

    @property
    def documents(self) -> int:
        """Documents with at least one live paragraph.

        An update deletes a document's paragraphs but leaves its doc_id term
        in the segment until a merge, so the terms alone counted deleted
        documents: /healthz said 3 where ``indexer stats`` said 2.
        """
        if self._documents is None:
            reader = self.searcher().reader()
            if reader.has_deletions():
                live = np.fromiter(reader.all_doc_ids(), dtype=np.int64)
                ords = self.columns.doc_ord[live]
                self._documents = int(np.unique(ords[ords >= 0]).size)
            else:
                self._documents = len(self.columns.doc_ids)
        return self._documents

    def verify(self) -> list[Problem]:
        """Check every checksum (the served copies where there are some); records the outcome."""
        if self.expected is None:
            return []
        served = self.copies.contents if self.copies is not None else None
        problems = checksums.check_contents(self.path, self.expected, read_bytes=served)
        self._record(problems)
        return problems

    def recheck(self) -> list[Problem]:
        """The cheap check (a stat per file), for the periodic poll and after a failed search."""
        if self.expected is None:
            if not self.path.is_dir():
                self._record([Problem(".", "the generation folder is gone")])
            return self.problems
        problems = checksums.check_changed(self.path, self.expected, self._stamps)
        if problems:
            self._record(problems)
        return self.problems

    def _record(self, problems: list[Problem]) -> None:
        with self._lock:
            if problems:
                known = {p.name for p in self.problems}
                self.problems = self.problems + [p for p in problems if p.name not in known]
                self.integrity = "damaged"
            elif self.integrity == "verifying":
                self.integrity = "verified"
        if problems:
            log.error("%s", Damaged(self.name, problems))

    def searcher(self):
        """This thread's searcher for this generation (Whoosh searchers aren't thread-safe)."""
        s = getattr(self._local, "searcher", None)
        if s is None:
            s = self.ix.searcher()
            self._local.searcher = s
            with self._lock:
                self._searchers.append(s)
        return s

    def acquire(self) -> None:
        with self._lock:
            self._users += 1

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            close = self._retired and self._users == 0
        if close:
            self.close()

    def retire(self) -> None:
        """Close once no request uses this generation any more."""
        with self._lock:
            self._retired = True
            close = self._users == 0
        if close:
            self.close()

    def close(self) -> None:
        with self._lock:
            searchers, self._searchers = self._searchers, []
            self.closed = True
        for s in searchers:
            try:
                s.close()
            except Exception:  # noqa: BLE001 - closing is best effort
                log.exception("closing a searcher of %s", self.name)
        if self.copies is not None:
            self.copies.close()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class IndexState:
    """The generation being served; ``refresh()`` switches when CURRENT changes."""

    def __init__(self, root: Path, cache_size: int = 512, max_terms: int = 32,
                 max_expansions: int = 50, copy: bool = True,
                 cache_bytes: int = 64 * 1024 * 1024) -> None:
        self.root = Path(root)
        self._options = dict(cache_size=cache_size, max_terms=max_terms,
                             max_expansions=max_expansions, copy=copy, cache_bytes=cache_bytes)
        self._current: LoadedIndex | None = None
        self._lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self.last_error: str | None = None
        # Generations found damaged, not opened again until CURRENT names another.
        self.refused: dict[str, str] = {}
        # Generations that failed to open for another reason: tried at every poll.
        self.failed: dict[str, str] = {}

    @property
    def current(self) -> LoadedIndex | None:
        return self._current

    def refresh(self, retry: bool = False) -> bool:
        """Open the generation CURRENT names if it is not the one served. True if switched.

        A generation that fails to open, or whose files do not match its
        checksums, is logged and the old one keeps serving; with none served,
        PREVIOUS is tried. ``retry`` opens a refused generation again (an
        operator's reload after mending it). Also re-checks the served
        generation's file sizes, a stat per file.
        """
        with self._refresh_lock:  # one loader at a time; readers never wait for it
            cur = self._current
            if cur is not None:
                cur.recheck()
            name = read_pointer(self.root)
            if retry:
                self.refused.clear()
            if name is None or (cur is not None and cur.name == name):
                return False
            if name in self.refused:
                if cur is None:  # nothing served: fall back on the one before
                    fallback = read_pointer(self.root, PREVIOUS_FILE)
                    if fallback and fallback not in self.refused:
                        return self._switch(fallback, verify_first=False)
                return False
            if self.refused:  # CURRENT moved on: forget the old verdicts
                self.refused = {}
            self.failed = {k: v for k, v in self.failed.items() if k == name}
            return self._switch(name, verify_first=cur is not None)

    def _switch(self, name: str, verify_first: bool) -> bool:
        try:
            loaded = LoadedIndex(self.root, name, **self._options)
        except (Damaged, RebuildNeeded) as exc:
            return self._refuse(name, str(exc))
        except Exception as exc:  # noqa: BLE001 - keep serving the old generation
            # A damaged file can fail the opening before its checksum is read
            # (a corrupted table of contents does not unpickle): tell damage from
            # other failures, which are tried again at the next poll.
            problems = checksums.check_contents(self.root / name, self._expected(name))
            if problems:
                return self._refuse(name, str(Damaged(name, problems)))
            log.exception("could not open generation %s", name)
            self.last_error = self.failed[name] = f"generation {name} could not be opened: " \
                f"{type(exc).__name__}: {without_paths(str(exc), self.root)}"
            return False
        if verify_first:
            # The old generation serves while this one is read through.
            if loaded.verify():
                loaded.close()
                return self._refuse(name, str(Damaged(name, loaded.problems)))
        else:
            threading.Thread(target=self._verify_served, args=(loaded,), name=f"verify-{name}",
                             daemon=True).start()
        with self._lock:
            old, self._current = self._current, loaded
        self.failed.pop(name, None)
        if not self.refused:
            self.last_error = None
        log.info("serving generation %s (%d paragraphs)", name, loaded.doc_count)
        if old is not None:
            old.retire()
        return True

    def _expected(self, name: str) -> dict[str, tuple[int, str]]:
        try:
            return checksums.read(self.root / name) or {}
        except Damaged:
            return {}

    def _verify_served(self, loaded: LoadedIndex) -> None:
        """Verify a generation served before its checksums were read through; when
        it proves damaged, serve PREVIOUS instead if that one is sound."""
        if not loaded.verify():
            return
        with self._refresh_lock:
            if self._current is not loaded:
                return
            self._refuse(loaded.name, str(Damaged(loaded.name, loaded.problems)))
            fallback = read_pointer(self.root, PREVIOUS_FILE)
            if fallback and fallback != loaded.name and fallback not in self.refused:
                self._switch(fallback, verify_first=True)

    def _refuse(self, name: str, reason: str) -> bool:
        log.error("not serving generation %s: %s", name, reason)
        self.refused[name] = reason
        self.last_error = reason
        if self._current is None:
            fallback = read_pointer(self.root, PREVIOUS_FILE)
            if fallback and fallback != name and fallback not in self.refused:
                return self._switch(fallback, verify_first=False)
        return False

    @contextmanager
    def use(self) -> Iterator[LoadedIndex]:
        """The current generation, kept open until the block ends (503 when none).

        An error inside the block from a generation whose files turn out to be
        damaged becomes a 503 saying so; any other error goes on as it was.
        """
        with self._lock:
            gen = self._current
            if gen is None:
                raise Unavailable("no index is loaded yet; build one with `python -m indexer build`")
            gen.acquire()
        try:
            yield gen
        except APIError:
            raise
        except Exception as exc:
            # Whatever a damaged file makes the reading code raise (OSError,
            # zlib.error, struct.error, ...): a stat per file tells damage from a bug.
            if not gen.recheck():
                raise
            raise Unavailable(f"the index generation being served is damaged "
                              f"({gen.problems[0].text}); it is being looked into",
                              headers={"retry-after": "30"}) from exc
        finally:
            gen.release()

    def close(self) -> None:
        with self._lock:
            old, self._current = self._current, None
        if old is not None:
            old.retire()


def without_paths(text: str, root: Path) -> str:
    """``text`` with the index root and any other absolute path cut to its last part.

    >>> without_paths("[Errno 2] No such file: '/srv/ix/g-1/a.col'", Path("/srv/ix"))
    "[Errno 2] No such file: 'g-1/a.col'"
    >>> without_paths("cannot read /etc/x/y.json", Path("/srv"))
    'cannot read y.json'
    """
    for prefix in {str(root.resolve()), str(root)}:
        if prefix not in ("", ".", "/"):
            text = text.replace(prefix.rstrip("/") + "/", "")
    return _ABSOLUTE.sub(lambda m: m.group(0).rsplit("/", 1)[-1], text)


_ABSOLUTE = re.compile(r"(?<![\w.])/[^\s'\":,;]+")
