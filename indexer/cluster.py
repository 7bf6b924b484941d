"""A build whose shards run on a Dask cluster: ``python -m indexer build --scheduler tcp://HOST:8786``.

The client (this process) holds the index root's writer lock, walks the corpus
(names only) and deals the files out to shards; the cluster's workers read,
annotate and index, each shard on one worker; the client writes the table of
contents and the generation's other files, checks and switches, as a local
build does (:func:`indexer.build.build_corpus` drives both). The steps:

1. each shard's task reads its files on a worker and keeps the documents there
   (a Dask future: they never travel back), returning only what the client
   needs: each document's metadata for the summary, the skipped files and its
   furniture counts (:meth:`Furniture.count`);
2. the client adds up the counts (:meth:`Furniture.combine`): the furniture of
   the whole corpus, as one pass over it would find;
3. each shard strips the furniture from its documents and counts them for the
   corpus-wide person discovery; the client adds those up (:meth:`Discovery.combine`);
4. each shard annotates its documents with that sum and writes its segment into
   the new generation's folder (:func:`indexer.engine.shards.write_segment`).

So the corpus and the index root must be on storage every worker sees at the
same path. Before anything is read the client asks every worker whether it
sees both, and whether it runs the same indexer code with the same reading and
annotation settings: a worker that differs would build another index.
What a shard does is what a local build's shard does (:func:`indexer.build.discovery_part`,
:func:`indexer.build.index_documents`), so the index is the same.

Dask is imported only here, when a build names a scheduler (``pip install -e '.[cluster]'``).
"""

from __future__ import annotations

import hashlib
import secrets
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from indexer.authority import Authority
from indexer.boilerplate import Furniture, FurnitureCounts
from indexer.build import (
    WRITER_ARGS,
    LocalShards,
    ShardOutcome,
    discovery_part,
    index_documents,
    shard_count,
    write_generation,
)
from indexer.discovery import Discovery
from indexer.engine.generations import Generation
from indexer.engine.shards import ShardResult, ShardSink, write_segment
from indexer.locking import LOCK_FILE
from indexer.models import Document, Skipped
from indexer.readers.catalogue import Catalogue
from indexer.selection import Selection
from indexer.settings import at_start

CLUSTER_EXTRA = "install the cluster extra: pip install -e '.[cluster]'"
# Settings that change what a worker reads or annotates: every worker must have the client's.
WORKER_SETTINGS = ("max_file_bytes", "max_html_depth", "numeric_dates", "max_paragraph_chars",
                   "min_paragraph_words", "listing_link_share", "city_min_population")
POLL_SECONDS = 1.0  # how often a wait for shards looks whether the cluster is still there
PROBE_FILES = 3  # corpus files each worker must see, with the client's sizes


class ClusterError(RuntimeError):
    """A build on a cluster could not go on; the message says why and what to do."""


# -- what runs on the workers ----------------------------------------------------------------

@dataclass
class ReadSummary:
    """What the client needs of a shard's reading: the documents' metadata (no text),
    the files skipped, each with its place in the corpus walk, and the furniture counts."""

    documents: list[tuple[int, Document]]
    skipped: list[tuple[int, Skipped]]
    furniture: FurnitureCounts


@dataclass
class ReadShard:
    """A shard's documents, kept on the worker that read them."""

    docs: list[Document]
    summary: ReadSummary


@dataclass
class CountedShard:
    """A shard's documents without furniture, and the annotator that counted them: it
    keeps the name candidates it found for the annotation that follows."""

    docs: list[Document]
    annotator: Any  # PersonAnnotator
    part: tuple


def read_shard(root: Path, files: list[tuple[int, Path, Catalogue | None]],
               selection: Selection) -> ReadShard:
    """Read a shard's files (``(place in the walk, path, catalogue)``) as a local build would."""
    from indexer.readers import read_file

    docs, documents, skipped = [], [], []
    counts = FurnitureCounts()
    for n, path, catalogue in files:
        item = read_file(path, root, catalogue, selection=selection)
        if isinstance(item, Skipped):
            skipped.append((n, item))
            continue
        docs.append(item)
        counts.add(item)
        documents.append((n, replace(item, blocks=(), dropped=())))
    return ReadShard(docs, ReadSummary(documents, skipped, counts))


def summary_of(shard: ReadShard) -> ReadSummary:
    return shard.summary


def count_shard(shard: ReadShard, furniture: Furniture, authority: Authority) -> CountedShard:
    """Strip the corpus's furniture from a shard's documents and count them for discovery."""
    from indexer.persons import PersonAnnotator

    docs = [furniture.strip(d) for d in shard.docs]
    annotator = PersonAnnotator(authority)
    return CountedShard(docs, annotator, discovery_part(annotator, docs))


def part_of(shard: CountedShard) -> tuple:
    return shard.part


def index_shard(shard: CountedShard, discovery: Discovery, folder: Path, k: int, shards: int,
                aliases: dict[str, list[str]], corpus: Path) -> ShardResult:
    """Annotate a shard's documents with the corpus-wide ``discovery`` and write them into a
    new segment of the index in ``folder``."""
    annotator = shard.annotator
    annotator.discovery = discovery

    def work(k: int, shards: int, sink: ShardSink) -> ShardOutcome:
        return index_documents(shard.docs, annotator, sink, corpus)

    return write_segment(folder, k, shards, work, aliases, WRITER_ARGS)


@cache
def code_fingerprint() -> str:
    """A hash of the indexer package's files: workers must run the client's code."""
    package = Path(__file__).resolve().parent
    h = hashlib.blake2b(digest_size=8)
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def worker_settings() -> dict[str, Any]:
    settings = at_start()
    return {name: getattr(settings, name) for name in WORKER_SETTINGS}


def worker_view(corpus: str, probe: list[tuple[str, int]], root: str, lock: str) -> dict:
    """What a worker runs and sees: its code and settings, and what it misses of the
    corpus and the index root the client sees at these paths."""
    problems = []
    folder = Path(corpus)
    if not folder.is_dir():
        problems.append(f"no corpus folder at {corpus}")
    else:
        for rel, size in probe:
            try:
                seen = (folder / rel).stat().st_size
            except OSError:
                problems.append(f"no file {rel} in the corpus at {corpus}")
                break
            if seen != size:
                problems.append(f"{rel} in the corpus at {corpus} has {seen} bytes, not {size}")
                break
    try:
        theirs = (Path(root) / LOCK_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        theirs = None
    if theirs != lock:
        problems.append(f"the index root at {root} is not the client's (its writer lock "
                        f"{'is missing' if theirs is None else 'names another build'})")
    return {"code": code_fingerprint(), "settings": worker_settings(), "problems": problems}


# -- what runs on the client -----------------------------------------------------------------

class ClusterShards(LocalShards):
    """A build's shards as tasks on the Dask cluster at ``scheduler`` (see the module docstring).

    Used as a context manager: entering connects to the scheduler (within
    ``ARCHIVE_SCHEDULER_TIMEOUT`` seconds), leaving disconnects; the cluster's
    workers drop the build's documents when the client goes.
    """

    def __init__(self, scheduler: str, corpus: Path, root: Path, selection: Selection | None,
                 workers: int | None, progress: bool) -> None:
        # The workers see the corpus and the index at the client's absolute paths.
        super().__init__(Path(corpus).absolute(), selection, workers, progress)
        self.address = scheduler
        self.root = Path(root).absolute()
        self.selection = selection if selection is not None else Selection.from_settings()
        self.timeout = at_start().scheduler_timeout
        self.client: Any = None
        self.token = secrets.token_hex(4)  # keeps this build's task names apart from another's
        self.shards = 1
        self.furniture = Furniture()
        self.reads: list = []
        self.summaries: list[ReadSummary] = []

    def __enter__(self) -> ClusterShards:
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError(f"--scheduler needs Dask: {CLUSTER_EXTRA}") from None
        try:
            self.client = Client(self.address, timeout=self.timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(
                f"cannot reach the Dask scheduler at {self.address} within {self.timeout:g} s "
                f"({exc}); is `dask scheduler` running there? (ARCHIVE_SCHEDULER_TIMEOUT sets the "
                f"wait); nothing was built") from None
        return self

    def __exit__(self, *exc: object) -> None:
        self.reads = []
        if self.client is not None:
            try:
                self.client.close(timeout=self.timeout)
            except (OSError, TimeoutError):
                pass  # the scheduler is gone already: nothing is left to release

    # -- the steps build_corpus asks for ---------------------------------------------------

    def read(self, skipped: list[Skipped]) -> list[Document]:
        """Walk the corpus here, read it on the workers; the documents' metadata in corpus order."""
        from tqdm import tqdm

        from indexer.readers import corpus_files

        walk = list(enumerate(corpus_files(self.corpus, self.selection)))
        files = [(n, item[0], item[1]) for n, item in walk if not isinstance(item, Skipped)]
        threads = self._check_workers(files)
        self.shards = shard_count(self.workers, len(files), cores=threads)
        parts = [files[k::self.shards] for k in range(self.shards)]
        # Scattered rather than put in the tasks: a large archive's file lists are megabytes,
        # and the workers they land on share out the reading.
        shares = self.client.scatter(parts, hash=False)
        self.reads = [self.client.submit(read_shard, self.corpus, share, self.selection, pure=False,
                                         key=f"archive-read-{k}-{self.token}")
                      for k, share in enumerate(shares)]
        bar = tqdm(desc="reading", unit=" files", total=len(walk), disable=not self.progress,
                   file=sys.stderr)
        bar.update(len(walk) - len(files))
        self.summaries = self._results([self.client.submit(summary_of, r) for r in self.reads],
                                       "reading", lambda k, _: bar.update(len(parts[k])))
        bar.close()
        found = [(n, item) for n, item in walk if isinstance(item, Skipped)]
        found += [pair for s in self.summaries for pair in s.skipped]
        skipped.extend(item for _, item in sorted(found, key=lambda pair: pair[0]))
        documents = sorted((pair for s in self.summaries for pair in s.documents),
                           key=lambda pair: pair[0])
        return [doc for _, doc in documents]

    def learn_furniture(self) -> Furniture:
        self.furniture = Furniture.combine(s.furniture for s in self.summaries)
        self.summaries = []  # the counts of every short block: large, and done with
        return self.furniture

    def write(self, root: Path, authority: Authority, **options) -> Generation:
        """Count, annotate and index on the workers, each shard where it was read; the
        generation's other files are written here."""
        furniture, known = self.client.scatter([self.furniture, authority], broadcast=True, hash=False)
        counted = [self.client.submit(count_shard, r, furniture, known, pure=False,
                                      key=f"archive-count-{k}-{self.token}")
                   for k, r in enumerate(self.reads)]
        self.reads = []  # the workers may drop what they read once it is counted
        parts = self._results([self.client.submit(part_of, c) for c in counted], "counting names")
        self.discovery = Discovery.combine(parts)
        discovery = self.client.scatter(self.discovery, broadcast=True, hash=False)
        aliases = authority.aliases()
        on_progress = options.get("on_progress")

        def elsewhere(folder: Path) -> list[ShardResult]:
            indexed = [self.client.submit(index_shard, c, discovery, folder, k, self.shards, aliases,
                                          self.corpus, pure=False, key=f"archive-index-{k}-{self.token}")
                       for k, c in enumerate(counted)]
            done = [0]

            def tick(k: int, result: ShardResult) -> None:
                done[0] += result.paragraphs
                if on_progress is not None:
                    on_progress(done[0])

            return self._results(indexed, "indexing", tick)

        gen, _ = write_generation(root, None, self.shards, aliases=aliases, elsewhere=elsewhere,
                                  **options)
        return gen

    # -- talking to the cluster ------------------------------------------------------------

    def _check_workers(self, files: list[tuple[int, Path, Catalogue | None]]) -> int:
        """Every worker sees the corpus and the index root and runs what the client runs;
        the number of threads the workers have between them."""
        try:
            self.client.wait_for_workers(1, timeout=self.timeout)
        except TimeoutError:
            raise ClusterError(f"the Dask scheduler at {self.address} has no workers (waited "
                               f"{self.timeout:g} s): start some with `dask worker {self.address}` "
                               f"on machines that see {self.corpus} and {self.root}") from None
        step = max(1, len(files) // PROBE_FILES)
        probe = [(path.relative_to(self.corpus).as_posix(), path.stat().st_size)
                 for _, path, _ in files[::step][:PROBE_FILES]]
        lock = (self.root / LOCK_FILE).read_text(encoding="utf-8", errors="replace")
        try:
            views = self.client.run(worker_view, str(self.corpus), probe, str(self.root), lock)
        except Exception as exc:  # noqa: BLE001 - whatever went wrong, the build cannot go on
            raise ClusterError(f"asking the workers of {self.address} what they see failed: "
                               f"{type(exc).__name__}: {exc}; nothing was built") from None
        problems = []
        for worker, view in sorted(views.items()):
            if view["code"] != code_fingerprint():
                problems.append(f"{worker} runs other indexer code than this client: install the "
                                f"same version on every worker")
            if view["settings"] != worker_settings():
                differ = sorted(k for k, v in worker_settings().items() if view["settings"].get(k) != v)
                problems.append(f"{worker} has other settings than this client: "
                                + ", ".join(f"ARCHIVE_{k.upper()}={view['settings'].get(k)!r} "
                                            f"(here {worker_settings()[k]!r})" for k in differ))
            problems += [f"{worker}: {p}" for p in view["problems"]]
        if problems:
            raise ClusterError(
                "the cluster cannot build this corpus: " + "; ".join(problems) + ". Every worker "
                "needs the corpus and the index root at the same path as here (shared storage), "
                "and the same code and settings; nothing was built")
        return sum(self.client.nthreads().values()) or 1

    def _results(self, futures: list, what: str,
                 on_done: Callable[[int, Any], None] | None = None) -> list:
        """The futures' results in order, ``on_done(k, result)`` as each arrives; a failure
        anywhere cancels the rest and raises :class:`ClusterError`."""
        from distributed import wait

        place = {f.key: k for k, f in enumerate(futures)}
        results: list = [None] * len(futures)
        pending = set(futures)
        lonely_since: float | None = None
        try:
            while pending:
                try:
                    with self.client.as_current():
                        done, pending = wait(pending, timeout=POLL_SECONDS,
                                             return_when="FIRST_COMPLETED")
                except TimeoutError:
                    lonely_since = self._still_there(what, lonely_since)
                    continue
                except Exception as exc:  # noqa: BLE001 - the futures were cancelled under us
                    raise self._cancelled(exc, what) from None
                for f in done:
                    k = place[f.key]
                    results[k] = self._result(f, k, len(futures), what)
                    if on_done is not None:
                        on_done(k, results[k])
        except BaseException:
            try:
                self.client.cancel(list(pending))
            except Exception:  # noqa: BLE001 - the scheduler may be gone: nothing to cancel then
                pass
            raise
        return results

    def _still_there(self, what: str, lonely_since: float | None) -> float | None:
        """Raise when the scheduler is lost, or has had no worker for the timeout; else when
        the cluster was first seen without workers (None: it has some)."""
        if self.client.status not in ("running", "connecting"):
            raise ClusterError(f"{what}: lost the Dask scheduler at {self.address} "
                               f"(client {self.client.status}); nothing was switched")
        if self.client.scheduler_info().get("workers"):
            return None
        now = time.monotonic()
        if lonely_since is not None and now - lonely_since > self.timeout:
            raise ClusterError(f"{what}: the Dask cluster at {self.address} has had no worker for "
                               f"{self.timeout:g} s; nothing was switched")
        return lonely_since if lonely_since is not None else now

    def _cancelled(self, exc: Exception, what: str) -> ClusterError:
        """The error for shards the cluster cancelled: the scheduler went away, or the
        workers holding what they needed (a shard's documents, the corpus-wide counts) did."""
        groups = getattr(exc, "error_groups", [])
        reasons = sorted({g.reason for g in groups})
        if not groups or "scheduler-connection-lost" in reasons:
            return ClusterError(f"{what}: lost the Dask scheduler at {self.address} "
                                f"({type(exc).__name__}); nothing was switched")
        said = next((e.msg for g in groups for e in g.errors if getattr(e, "msg", None)), "")
        return ClusterError(f"{what}: the Dask cluster at {self.address} cancelled the shards' "
                            f"tasks (Dask's reason: {', '.join(reasons)}{': ' + said if said else ''})"
                            f"; this happens when the workers holding the build's data die; "
                            f"nothing was switched")

    def _result(self, future: Any, k: int, n: int, what: str) -> Any:
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker as exc:
            raise ClusterError(f"{what}: shard {k + 1} of {n} killed the workers that ran it "
                               f"({exc}); nothing was switched") from None
        except Exception as exc:
            if future.status == "cancelled" or self.client.status not in ("running", "connecting"):
                raise ClusterError(f"{what}: lost the Dask scheduler at {self.address} "
                                   f"({type(exc).__name__}: {exc}); nothing was switched") from None
            trace = "".join(traceback.format_exception(exc))
            raise ClusterError(f"{what}: shard {k + 1} of {n} failed on a worker; nothing was "
                               f"switched:\n{trace}") from None

