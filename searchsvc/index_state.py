"""Which index generation is being served, and switching to a new one live.

The indexer writes each build into ``index_root/<generation>/`` and then
replaces ``index_root/CURRENT`` atomically. The service polls CURRENT; when it
names a new generation, that generation is opened and warmed (facet arrays,
vocabulary) *before* it is swapped in, so no visitor pays for the load. The
old generation stays open until the last request using it has finished.

Whoosh searchers are not shared between threads: each thread gets its own
searcher per generation (``LoadedIndex.searcher()``).
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from indexer.schema import CURRENT_FILE, GENERATION_META, PERSONS_FILE, STEMS_FILE
from searchsvc.columns import Columns
from searchsvc.errors import Unavailable
from searchsvc.facets import FacetField, build_facets
from searchsvc.highlight import learn_stems
from searchsvc import deadline, postings
from searchsvc.persons import PersonRegistry
from searchsvc.query import QueryBuilder
from searchsvc.scoring import FieldLengths
from searchsvc.sized_cache import SizedLRU, array_size
from searchsvc.storage import open_index
from searchsvc.suggest import Vocabulary

postings.install()  # binary-search skip_to for every searcher of the service
deadline.install()  # every posting read stops at its request's deadline

log = logging.getLogger("searchsvc.index")


class LRU:
    """A small thread-safe LRU cache.

    >>> c = LRU(2); c.put("a", 1); c.put("b", 2); c.get("a"); c.put("c", 3)
    1
    >>> c.get("b") is None, c.get("a"), len(c)
    (True, 1, 2)
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        with self._lock:
            if key not in self._data:
                return None
            self._data.move_to_end(key)
            return self._data[key]

    def put(self, key: Hashable, value: Any) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


def read_current(root: Path) -> str | None:
    """The generation name in CURRENT, or None when missing or unsafe.

    >>> read_current(Path("/nonexistent")) is None
    True
    """
    try:
        name = (root / CURRENT_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not name or "/" in name or "\\" in name or name.startswith(".") or "\0" in name:
        return None
    return name if (root / name).is_dir() else None


class LoadedIndex:
    """One open generation with everything derived from it, built once."""

    def __init__(self, root: Path, name: str, cache_size: int = 512,
                 max_terms: int = 32, max_expansions: int = 50,
                 cache_bytes: int = 64 * 1024 * 1024) -> None:
        self.name = name
        self.path = root / name
        self.ix = open_index(self.path)
        self.meta: dict[str, Any] = _read_json(self.path / GENERATION_META) or {}
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
        return len(self.columns.doc_ids)

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


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class IndexState:
    """The generation being served; ``refresh()`` switches when CURRENT changes."""

    def __init__(self, root: Path, cache_size: int = 512, max_terms: int = 32,
                 max_expansions: int = 50, cache_bytes: int = 64 * 1024 * 1024) -> None:
        self.root = Path(root)
        self._options = dict(cache_size=cache_size, max_terms=max_terms,
                             max_expansions=max_expansions, cache_bytes=cache_bytes)
        self._current: LoadedIndex | None = None
        self._lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self.last_error: str | None = None

    @property
    def current(self) -> LoadedIndex | None:
        return self._current

    def refresh(self) -> bool:
        """Open the generation CURRENT names if it is not the one served. True if switched.

        A generation that fails to open is logged and the old one keeps serving.
        """
        with self._refresh_lock:  # one loader at a time; readers never wait for it
            name = read_current(self.root)
            cur = self._current
            if name is None or (cur is not None and cur.name == name):
                return False
            try:
                loaded = LoadedIndex(self.root, name, **self._options)
            except Exception as exc:  # noqa: BLE001 - keep serving the old generation
                self.last_error = f"{name}: {exc}"
                log.exception("could not open generation %s", name)
                return False
            with self._lock:
                old, self._current = self._current, loaded
            self.last_error = None
            log.info("serving generation %s (%d paragraphs)", name, loaded.doc_count)
            if old is not None:
                old.retire()
            return True

    @contextmanager
    def use(self) -> Iterator[LoadedIndex]:
        """The current generation, kept open until the block ends (503 when none)."""
        with self._lock:
            gen = self._current
            if gen is None:
                raise Unavailable("no index is loaded yet; build one with `python -m indexer build`")
            gen.acquire()
        try:
            yield gen
        finally:
            gen.release()

    def close(self) -> None:
        with self._lock:
            old, self._current = self._current, None
        if old is not None:
            old.retire()
