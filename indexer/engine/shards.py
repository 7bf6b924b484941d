"""A build split into shards: one process and one Whoosh segment per shard.

Annotating and indexing a paragraph are both CPU-bound Python, so a build uses
every core by giving each process its own share of the documents and its own
:class:`~indexer.engine.segments.BulkSegmentWriter`. Each process writes a complete
segment into the new generation's folder; the parent then writes one table of
contents naming all of them, under Whoosh's index lock. Until that TOC exists
the segments are invisible, and a failed shard leaves only an unfinished
generation that cleanup removes.

The caller's ``work(shard, shards, sink)`` decides which documents belong to a
shard, gives the sink each paragraph, and returns whatever it wants to report
(it must pickle).

A build on a cluster runs its shards on other machines instead: each calls
:func:`write_segment` on the generation's folder (shared storage), and the
results come back to :func:`write_shards` through its ``elsewhere``.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index as whoosh_index
from whoosh.index import TOC, LockError, clean_files

from indexer.engine.segments import BulkSegmentWriter
from indexer.models import Paragraph
from indexer.schema import TEXT, exact_analyzer, to_fields
from indexer.settings import at_start
from indexer.vocabulary import WordCounter

# Processes for a build; each writes one segment (more segments, slower searches).
SHARDS = at_start().build_workers
T = TypeVar("T")
_TICK = 64  # paragraphs between progress reports, so the shared counter stays cold


@dataclass
class ShardResult:
    """What one shard wrote, and what its work function returned."""

    segment: Any | None
    paragraphs: int = 0
    documents: set[str] = field(default_factory=set)
    vocabulary: Counter = field(default_factory=Counter)
    stems: dict[str, str] = field(default_factory=dict)
    outcome: Any = None


class ShardSink:
    """Where a shard's work function puts its paragraphs."""

    def __init__(self, writer: BulkSegmentWriter, aliases: dict[str, list[str]],
                 progress: Callable[[int], None] | None = None,
                 exchange: Callable[[Any], Any] | None = None) -> None:
        self.writer = writer
        self.aliases = aliases
        self.result = ShardResult(segment=None)
        # The writer counts the words of the text it indexes when it can; this
        # counter takes the paragraphs whose words the writer did not keep.
        self.words = WordCounter()
        writer.count_words(TEXT, exact_analyzer())
        self._progress = progress
        self._pending = 0
        self._exchange = exchange

    def exchange(self, part: Any) -> Any:
        """Give this shard's ``part`` and get back what the build's ``combine`` makes of
        every shard's part; waits for the other shards to give theirs.

        This is how the corpus-wide discovery pass runs inside the shard processes:
        each counts its own documents, and all go on with the sum.
        """
        if self._exchange is None:
            raise RuntimeError("this build has nothing to combine shards' parts with")
        return self._exchange(part)

    def add(self, p: Paragraph) -> None:
        self.writer.add_document(**to_fields(p, self.aliases))
        if not self.writer.words_counted(TEXT):
            self.words.add(p.text)
        self.result.paragraphs += 1
        self.result.documents.add(p.doc_id)
        self._pending += 1
        if self._pending >= _TICK:
            self.flush_progress()

    def flush_progress(self) -> None:
        if self._progress is not None and self._pending:
            self._progress(self._pending)
        self._pending = 0

    def finish(self, outcome: Any) -> ShardResult:
        self.flush_progress()
        w = self.writer
        self.words.merge(w.word_counts(TEXT))
        stems = self.words.stems(w._caches.get(TEXT))
        stems.update(w.word_stems(TEXT))
        if w._added:
            self.result.segment = w._finalize_segment()
        else:
            w._close_segment()
        self.result.vocabulary = self.words.counts
        self.result.stems = stems
        self.result.outcome = outcome
        return self.result


Work = Callable[[int, int, ShardSink], Any]


def _run_shard(ix, shard: int, shards: int, work: Work, aliases, writer_args: dict,
               progress: Callable[[int], None] | None,
               exchange: Callable[[Any], Any] | None = None) -> ShardResult:
    writer = BulkSegmentWriter(ix, _lk=False, **writer_args)
    sink = ShardSink(writer, aliases, progress, exchange)
    # On failure the writer is left as it is: cancelling would remove the temporary
    # folder the other shards share, and the unfinished generation is cleaned up whole.
    outcome = work(shard, shards, sink)
    return sink.finish(outcome)


def write_segment(folder: Path, shard: int, shards: int, work: Work, aliases: dict[str, list[str]],
                  writer_args: dict) -> ShardResult:
    """Shard ``shard`` of ``shards``, run in this process into a new segment of the index in
    ``folder``, which another process (a build's client on another machine) created and
    commits: see :func:`write_shards`'s ``elsewhere``. ``work`` has no exchange here.
    """
    ix = whoosh_index.open_dir(str(folder))
    return _run_shard(ix, shard, shards, work, aliases, writer_args, None)


class ShardFailed(RuntimeError):
    """A shard's process failed; the message carries its traceback."""


def write_shards(
    ix,
    work: Work,
    shards: int = SHARDS,
    aliases: dict[str, list[str]] | None = None,
    writer_args: dict | None = None,
    on_progress: Callable[[int], None] | None = None,
    combine: Callable[[list[Any]], Any] | None = None,
    elsewhere: Callable[[Path], list[ShardResult]] | None = None,
) -> list[ShardResult]:
    """Run ``work`` for each shard, in ``shards`` processes, and commit their segments to ``ix``.

    ``on_progress(n)`` is called in this process with the number of paragraphs
    written so far. ``combine`` (run in this process) answers the shards'
    :meth:`ShardSink.exchange`. With one shard everything runs in this process.
    ``elsewhere(folder)``, when given, runs the shards instead (on other machines,
    each through :func:`write_segment` into ``folder``) and returns their results;
    the segments are committed here all the same, under the index's lock.
    """
    aliases = aliases or {}
    writer_args = writer_args or {}
    lock = ix.lock("WRITELOCK")
    if not lock.acquire():
        raise LockError(f"{ix.storage} is locked by another Whoosh writer")
    try:
        if elsewhere is not None:
            results = elsewhere(Path(ix.storage.folder))
        elif shards <= 1:
            done = [0]

            def progress(n: int) -> None:
                done[0] += n
                if on_progress is not None:
                    on_progress(done[0])

            alone = None if combine is None else (lambda part: combine([part]))
            results = [_run_shard(ix, 0, 1, work, aliases, writer_args, progress, alone)]
        else:
            results = map_forked(
                lambda k, tick, exchange: _run_shard(ix, k, shards, work, aliases, writer_args, tick,
                                                     exchange),
                shards, on_progress, combine)
        toc = ix._read_toc()
        segments = toc.segments + [r.segment for r in results if r.segment is not None]
        TOC(toc.schema, segments, toc.generation + 1).write(ix.storage, ix.indexname)
        clean_files(ix.storage, ix.indexname, toc.generation + 1, segments)
        ix.storage.temp_storage(f"{ix.indexname}.tmp").destroy()
    finally:
        lock.release()
    if on_progress is not None:
        on_progress(sum(r.paragraphs for r in results))
    return results


def map_forked(fn: Callable[..., T], n: int,
               on_progress: Callable[[int], None] | None = None,
               combine: Callable[[list[Any]], Any] | None = None) -> list[T]:
    """``[fn(0, tick, exchange), ..., fn(n - 1, tick, exchange)]``, each call in its own
    forked process.

    fork: the children inherit the documents and the annotator without pickling
    them; only the results travel back. ``tick(k)`` in a child adds ``k`` to a
    shared counter that ``on_progress`` sees every half second.
    ``exchange(part)`` in a child waits until every child has given its part and
    returns ``combine(parts)``, computed once here. The first failure kills the
    other children and raises :class:`ShardFailed`.
    """
    ctx = get_context("fork")
    counter = ctx.Value("q", 0)

    def tick(k: int) -> None:
        with counter.get_lock():
            counter.value += k

    def child(conn, k: int) -> None:
        def exchange(part: Any) -> Any:
            conn.send(("part", part))
            return conn.recv()

        try:
            conn.send(("ok", fn(k, tick, exchange)))
        except BaseException:
            conn.send(("error", traceback.format_exc()))
        finally:
            conn.close()

    procs, conns = [], {}
    try:
        for k in range(n):
            parent_end, child_end = ctx.Pipe()
            p = ctx.Process(target=child, args=(child_end, k), name=f"shard-{k}", daemon=True)
            p.start()
            child_end.close()
            procs.append(p)
            conns[parent_end] = k
        ends = {k: conn for conn, k in conns.items()}
        results: dict[int, T] = {}
        parts: dict[int, Any] = {}
        while conns:
            for conn in wait(list(conns), timeout=0.5):
                k = conns[conn]
                try:
                    status, payload = conn.recv()
                except EOFError:
                    status, payload = "error", f"the process died (exit code {procs[k].exitcode})"
                if status == "part":
                    if combine is None:
                        raise ShardFailed(f"shard {k} of {n} asked to exchange, but nothing combines")
                    parts[k] = payload
                    _check_everyone_gives(parts, results, n)
                    if len(parts) == n:
                        merged = combine([parts[i] for i in range(n)])
                        parts.clear()
                        for end in ends.values():
                            end.send(merged)
                    continue
                del conns[conn]
                if status != "ok":
                    raise ShardFailed(f"shard {k} of {n} failed:\n{payload}")
                results[k] = payload
                _check_everyone_gives(parts, results, n)
            if on_progress is not None:
                on_progress(counter.value)
        for p in procs:
            p.join()
        return [results[k] for k in range(n)]
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join()


def _check_everyone_gives(parts: dict[int, Any], finished: dict[int, Any], n: int) -> None:
    """An exchange waits for all shards: one that finished without giving its part
    would leave the others waiting for ever."""
    if parts and finished:
        raise ShardFailed(f"shard {min(finished)} of {n} finished without giving its part to the "
                          f"exchange that shards {sorted(parts)} are waiting on")
