"""Full build: corpus folder -> paragraphs -> a new index generation, switched in atomically."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh import index as whoosh_index

from indexer.authority import Authority
from indexer.authority_layers import load_authority
from indexer.boilerplate import Furniture
from indexer.coverage import Coverage
from indexer.discovery import Discovery
from indexer.engine import checksums
from indexer.engine.format import FORMAT_KEY, INDEX_FORMAT
from indexer.engine.generations import Generation, current, new_generation, switch_to, write_atomic
from indexer.engine.shards import SHARDS, ShardResult, ShardSink, Work, write_shards
from indexer.locking import writer_lock
from indexer.models import Document, Paragraph, Skipped
from indexer.schema import (
    GENERATION_META,
    MANIFEST_FILE,
    PERSONS_FILE,
    STEMS_FILE,
    VOCABULARY_FILE,
    build_schema,
)
from indexer.selection import Selection
from indexer.skip_report import SKIPPED_FILE, grouped, suffixes_seen, summary_lines, write_tsv
from indexer.vocabulary import WordCounter

if TYPE_CHECKING:
    from indexer.persons import PersonAnnotator

DISCOVERY_FILE = "discovery.json"  # the person annotator's corpus-wide state, for updates
FURNITURE_FILE = "furniture.json"  # the lines the corpus repeats as site furniture, for updates
AUTHORITY_SNAPSHOT = "authority.toml"  # the authority file as this generation was annotated

# Separate segment files instead of one compound file: a searcher on a compound
# file copies the whole segment into private memory, once per thread. limitmb
# only matters when segments are merged (Whoosh's pool spills runs beyond it).
WRITER_ARGS = {"compound": False, "limitmb": 256}
# Below this many documents per shard a second process costs more than it saves.
MIN_DOCS_PER_SHARD = 100


@dataclass
class ShardOutcome:
    """What a build's shard learnt besides the index: merged into the report and manifest."""

    manifest: dict[str, dict] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    persons: Counter = field(default_factory=Counter)
    years: Counter = field(default_factory=Counter)
    flags: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def merge(self, other: ShardOutcome) -> None:
        self.manifest.update(other.manifest)
        self.names.update(other.names)
        self.persons.update(other.persons)
        self.years.update(other.years)
        self.flags.extend(other.flags)
        self.skipped.extend(other.skipped)


class EmptyCorpus(RuntimeError):
    """A build or update found no documents: nothing is switched, the message says what to do."""


FAILED_BUILD_REPORT = "failed-build-skipped.tsv"  # in the index root: what a failed build passed over


def empty_corpus(corpus: Path, root: Path, skipped: list[Skipped], what: str = "build") -> EmptyCorpus:
    """The error for a corpus that gave no documents, with the full skip list written beside the index.

    The message names the reasons and extensions seen and suggests ``--include``
    for the commonest extension, since a legacy export saved under an unusual
    extension is the usual cause.
    """
    report = root / FAILED_BUILD_REPORT
    try:
        write_tsv(report, skipped)
    except OSError:
        report = Path(tempfile.gettempdir()) / FAILED_BUILD_REPORT
        write_tsv(report, skipped)
    served = current(root)
    kept = (f"generation {served.name} stays in service" if served is not None
            else "no index was created")
    if not skipped:
        return EmptyCorpus(f"no documents in {corpus}: the folder holds no files (hidden ones are "
                           f"passed over); {kept}")
    reasons = ", ".join(f"{len(items)} {group}" for group, items in grouped(skipped)[:4])
    suffixes = suffixes_seen(skipped)
    seen = ", ".join(f"{n} {suffix}" for suffix, n in suffixes.most_common(5))
    advice = ""
    if suffixes:
        top = suffixes.most_common(1)[0][0]
        glob = "*" + top if top != "(none)" else "*"
        advice = (f" If some of these files are documents, name them: --include '{glob}' "
                  f"(or ARCHIVE_INCLUDE='{glob}'); `python -m indexer inspect FILE` shows how one is read.")
    return EmptyCorpus(
        f"no documents in {corpus}: the {what} found {len(skipped)} files and skipped all of them "
        f"({reasons}); extensions seen: {seen}. Every file and its reason: {report}. "
        f"Nothing was switched: {kept}.{advice}")


@dataclass
class BuildReport:
    """What a build did, for the summary an archivist reads at the end."""

    documents: int = 0
    paragraphs: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    persons: Counter = field(default_factory=Counter)
    years: Counter = field(default_factory=Counter)
    flags: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    generation: str = ""
    coverage: Coverage = field(default_factory=Coverage)
    skipped_report: Path | None = None
    authority: tuple[str, ...] = ()  # the authority files that applied, and what each brought
    authority_problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"Built generation {self.generation} in {self.seconds:.1f} s",
            f"  documents:  {self.documents}",
            f"  paragraphs: {self.paragraphs}"
            + (f" ({self.paragraphs / self.seconds:,.0f}/s)" if self.seconds else ""),
            f"  persons:    {len(self.persons)} distinct, {sum(self.persons.values())} mentions",
            f"  years:      {len(self.years)} distinct"
            + (f", {min(self.years)}-{max(self.years)}" if self.years else ""),
            f"  review flags: {len(self.flags)}",
            *self.coverage.lines(),
            *summary_lines(self.skipped, report=self.skipped_report),
        ]
        lines[1:1] = [f"  authority:  {layer}" for layer in self.authority] or ["  authority:  none applied"]
        lines += [f"  authority problem: {p}" for p in self.authority_problems]
        return "\n".join(lines)


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def write_paragraphs(
    paragraphs: Iterable[Paragraph],
    root: Path,
    persons: dict[str, dict] | None = None,
    meta: dict | None = None,
    aliases: dict[str, list[str]] | None = None,
    finish: Callable[[Generation], None] | None = None,
) -> Generation:
    """Write paragraphs, in this process, into a brand-new generation under ``root`` and switch to it.

    ``persons`` is the person registry ``{id: {"name", "sort", "aliases"}}``
    stored beside the index for the service.
    """
    def work(shard: int, shards: int, sink: ShardSink) -> None:
        # One shard, run in this process: the paragraphs are consumed as they come.
        for p in paragraphs:
            sink.add(p)

    return write_generation(root, work, 1, persons=persons, meta=meta, aliases=aliases, finish=finish)[0]


def write_generation(
    root: Path,
    work: Work,
    shards: int,
    persons: dict[str, dict] | None = None,
    meta: dict | None = None,
    aliases: dict[str, list[str]] | None = None,
    finish: Callable[[Generation], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_results: Callable[[list[ShardResult]], None] | None = None,
    combine: Callable[[list], object] | None = None,
    elsewhere: Callable[[Path], list[ShardResult]] | None = None,
) -> tuple[Generation, list[ShardResult]]:
    """Run ``work`` in ``shards`` processes into a brand-new generation under ``root``, then switch to it.

    ``elsewhere(folder)`` runs the shards instead, on other machines, into the new
    generation's ``folder`` (see :func:`~indexer.engine.shards.write_shards`).
    If anything fails before the switch, the generation being served is untouched.
    """
    gen = new_generation(root)
    ix = whoosh_index.create_in(str(gen.path), build_schema())
    if aliases is None:
        aliases = {pid: list(p.get("aliases", [])) for pid, p in (persons or {}).items()}
    try:
        results = _fill(gen, ix, work, shards, aliases, persons, meta, finish, on_progress, on_results,
                        combine, elsewhere)
    except BaseException:
        # Nothing was switched; leave no half-written generation behind either.
        shutil.rmtree(gen.path, ignore_errors=True)
        raise
    switch_to(gen)
    return gen, results


def _fill(gen, ix, work, shards, aliases, persons, meta, finish, on_progress, on_results, combine,
          elsewhere):
    """Write every file of the new generation ``gen``; generation.json last (it marks it complete)."""
    results = write_shards(ix, work, shards, aliases, WRITER_ARGS, on_progress, combine, elsewhere)
    if on_results is not None:
        on_results(results)
    vocabulary = WordCounter()
    for r in results:
        vocabulary.merge(r.vocabulary)
    vocabulary.save(gen.path / VOCABULARY_FILE)
    stems: dict[str, str] = {}
    for r in results:
        stems.update(r.stems)
    write_atomic(gen.path / STEMS_FILE, json.dumps(dict(sorted(stems.items())), ensure_ascii=False,
                                                   separators=(",", ":")))
    if persons is not None:
        gen.write_json(PERSONS_FILE, persons)
    if finish is not None:
        finish(gen)
    gen.write_json(
        GENERATION_META,
        {
            "generation": gen.name,
            FORMAT_KEY: INDEX_FORMAT,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "paragraphs": sum(r.paragraphs for r in results),
            "documents": len(set().union(*(r.documents for r in results))),
            "segments": sum(1 for r in results if r.segment is not None),
            **(meta or {}),
        },
        readable=True,
    )
    checksums.write(gen.path)  # last: it vouches for every file written above
    return results


AUTHORITY_NAME = "persons.toml"
PROJECT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def person_registry(paragraphs_persons: dict[str, str], authority: Authority,
                    previous: dict[str, dict] | None = None) -> dict[str, dict]:
    """{id: {"name", "sort", "aliases", "former_ids"}} for every person the index mentions.

    ``previous`` is the registry of the generation served before: its ids that
    are no longer served keep resolving (see :mod:`indexer.stable_ids`).
    """
    from indexer.stable_ids import authority_former_ids, with_former_ids

    aliases = authority.aliases()
    registry = {}
    for pid, name in sorted(paragraphs_persons.items()):
        registry[pid] = {
            "name": _with_era(pid, name),
            "sort": authority.sort_name(pid) or _sort_name(name),
            "aliases": [a for a in aliases.get(pid, []) if a != name],
        }
    return with_former_ids(registry, aliases, authority_former_ids(authority), previous)


def _with_era(pid: str, name: str) -> str:
    """The facet label of a one-word person keyed by an era (``x-hull-1940`` of "Hull"):
    the word and the decade it begins in, so two values never show as one name.

    >>> _with_era("x-hull-1940", "Hull"), _with_era("x-hull", "Hull"), _with_era("x-hull-1940", "Hull (1940s)")
    ('Hull (1940s)', 'Hull', 'Hull (1940s)')
    """
    from indexer.stable_ids import discovered_id

    era = pid[len(discovered_id(name)) + 1 :] if pid.startswith(discovered_id(name) + "-") else ""
    return f"{name} ({int(era) // 10 * 10}s)" if len(era) == 4 and era.isdigit() else name


def _sort_name(name: str) -> str:
    parts = name.split()
    return f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else name


def build_corpus(
    corpus: Path,
    root: Path,
    authority_path: Path | None = None,
    progress: bool = True,
    workers: int | None = None,
    selection: Selection | None = None,
    base: str | None = None,
    scheduler: str | None = None,
) -> BuildReport:
    """Build a fresh generation from ``corpus`` under ``root`` and switch to it.

    Holds the writer lock for the whole build; the served generation stays
    untouched until the new one is complete. A corpus that gives no documents
    raises :class:`EmptyCorpus` (the first build too): an empty index served
    with a green health check hides the problem from the archivist. The authority
    is the project's base layer (``base="off"`` leaves it out) with ``authority_path``
    (default: the corpus's own persons.toml) over it: see :mod:`indexer.authority_layers`.

    The shards run as processes forked here, or with ``scheduler`` (a Dask
    scheduler's address) as tasks on that cluster's workers: see :mod:`indexer.cluster`.
    Either way the index is the same.
    """
    started = time.perf_counter()
    if not Path(corpus).is_dir():
        # os.walk of a missing folder yields nothing: that must not become an empty index.
        raise NotADirectoryError(f"corpus folder {corpus} does not exist")
    if scheduler:
        from indexer.cluster import ClusterShards

        shards: LocalShards = ClusterShards(scheduler, corpus, root, selection, workers, progress)
    else:
        shards = LocalShards(corpus, selection, workers, progress)
    with writer_lock(root, f"build {corpus}") as note:
        if note:
            print(note, file=sys.stderr)
        with shards:
            report = _build(shards, corpus, root, authority_path, base, progress)
    report.seconds = time.perf_counter() - started
    return report


def _build(shards: LocalShards, corpus: Path, root: Path, authority_path: Path | None,
           base: str | None, progress: bool) -> BuildReport:
    """The build's steps, wherever its shards run (see :class:`LocalShards`)."""
    from tqdm import tqdm

    report = BuildReport()
    documents = shards.read(report.skipped)
    if not documents:
        # An unmounted disk, a wrong path, or pages saved under an extension we
        # did not recognise: keep serving what we have, and say what was seen.
        raise empty_corpus(corpus, root, report.skipped)
    # The corpus-wide pass: lines repeated on many pages are the site's furniture.
    furniture = shards.learn_furniture()
    authority = load_authority(corpus, authority_path, base)
    report.authority, report.authority_problems = authority.layers, authority.problems
    merged = ShardOutcome()
    meta = {"corpus": str(corpus.resolve()), "authority": list(authority.layers)}

    def finish(gen: Generation) -> None:
        if not merged.manifest:
            # Every document was too short to index: as good as none (the
            # unfinished generation is never switched to, and is cleaned up).
            raise empty_corpus(corpus, root, report.skipped + merged.skipped)
        # In corpus order, however the documents were shared out.
        order = {doc.doc_id: n for n, doc in enumerate(documents)}
        merged.skipped.sort(key=lambda s: order.get(s.path, len(order)))
        for doc in documents:
            if doc.doc_id in merged.manifest:
                report.coverage.add(doc)
        report.skipped_report = write_tsv(gen.path / SKIPPED_FILE, report.skipped + merged.skipped)
        meta["coverage"] = report.coverage.as_dict()
        meta["skipped"] = len(report.skipped) + len(merged.skipped)
        _finish(gen, corpus, merged.manifest, merged.names, authority, shards.discovery.state())
        gen.write_json(FURNITURE_FILE, furniture.to_json())

    def merge_outcomes(results: list[ShardResult]) -> None:
        for r in results:
            merged.merge(r.outcome)

    bar = tqdm(desc="indexing", unit=" paragraphs", disable=not progress, file=sys.stderr)
    gen = shards.write(root, authority, meta=meta, finish=finish, on_results=merge_outcomes,
                       on_progress=lambda n: bar.update(n - bar.n))
    bar.close()
    report.documents = len(merged.manifest)
    report.persons, report.years, report.flags = merged.persons, merged.years, merged.flags
    report.skipped.extend(merged.skipped)
    report.paragraphs = gen.meta.get("paragraphs", 0)
    report.generation = gen.name
    return report


def shard_count(workers: int | None, documents: int, cores: int = SHARDS) -> int:
    """How many shards a build of ``documents`` runs: ``workers`` (default: one per core,
    and one per ``MIN_DOCS_PER_SHARD`` documents at most), never more than documents."""
    if workers is None:
        return max(1, min(cores, documents // MIN_DOCS_PER_SHARD))
    return max(1, min(workers, documents))


def discovery_part(annotator: PersonAnnotator, docs: Iterable[Document]) -> tuple:
    """A shard's part of the corpus-wide discovery pass: each shard counts its own
    documents, and all of them annotate with the sum (:meth:`Discovery.combine`).
    Counting in the shard rather than in a pass of its own lets annotation reuse
    the name candidates it found."""
    from indexer.pipeline import discovery_input

    return annotator.count_part(discovery_input(d) for d in docs)


def index_documents(docs: Iterable[Document], annotator: PersonAnnotator, sink: ShardSink,
                    corpus: Path) -> ShardOutcome:
    """Annotate a shard's documents and give their paragraphs to ``sink``; what it learnt."""
    from indexer.pipeline import annotate_each

    out = ShardOutcome()
    for doc, pars in annotate_each(docs, annotator):
        if not pars:
            # Chunking kept nothing (too short): say so instead of losing it quietly.
            out.skipped.append(Skipped(doc.doc_id, "no paragraph long enough to index"))
            continue
        out.manifest[doc.doc_id] = manifest_entry(doc, pars, corpus)
        for p in pars:
            for ref in p.persons:
                out.persons[ref.name] += 1
                out.names[ref.id] = ref.name
            out.years.update(p.years)
            out.flags.extend((p.id, f) for f in p.flags)
            sink.add(p)
    return out


class LocalShards:
    """A build's documents read here and its shards run as processes forked here.

    :func:`build_corpus` asks a build's shards to :meth:`read` the corpus, to
    :meth:`learn_furniture` over all of it and to :meth:`write` the generation;
    :class:`indexer.cluster.ClusterShards` does the same on a Dask cluster.
    """

    def __init__(self, corpus: Path, selection: Selection | None, workers: int | None,
                 progress: bool) -> None:
        self.corpus, self.selection, self.workers, self.progress = corpus, selection, workers, progress
        self.docs: list[Document] = []
        self.discovery = Discovery()  # the corpus-wide counts, once the shards have given theirs

    def __enter__(self) -> LocalShards:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def read(self, skipped: list[Skipped]) -> list[Document]:
        """The corpus's documents in corpus order; what was skipped goes to ``skipped``."""
        from tqdm import tqdm

        from indexer.readers import read_corpus

        files = tqdm(desc="reading", unit=" files", disable=not self.progress, file=sys.stderr)
        for item in read_corpus(self.corpus, self.selection):
            files.update()
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                self.docs.append(item)
        files.close()
        return self.docs

    def learn_furniture(self) -> Furniture:
        """The corpus's furniture, which every document then loses."""
        furniture = Furniture.learn(self.docs)
        self.docs = [furniture.strip(d) for d in self.docs]
        return furniture

    def write(self, root: Path, authority: Authority, **options) -> Generation:
        """Annotate and index the documents into a new generation (``options``: see
        :func:`write_generation`)."""
        from indexer.persons import PersonAnnotator

        docs = self.docs
        annotator = PersonAnnotator(authority)

        def combine(parts: list) -> Discovery:
            self.discovery = Discovery.combine(parts)
            return self.discovery

        def work(shard: int, shards: int, sink: ShardSink) -> ShardOutcome:
            # Every shard takes every shards-th document: sizes even out.
            mine = docs[shard::shards]
            annotator.discovery = sink.exchange(discovery_part(annotator, mine))
            return index_documents(mine, annotator, sink, self.corpus)

        gen, _ = write_generation(root, work, shard_count(self.workers, len(docs)),
                                  aliases=authority.aliases(), combine=combine, **options)
        return gen


def manifest_entry(doc: Document, pars: list[Paragraph], corpus: Path) -> dict:
    """What `update` needs to tell whether a file changed: its hash, size and mtime."""
    entry = {"hash": doc.content_hash, "paragraphs": len(pars)}
    try:
        st = (corpus / doc.doc_id).stat()
        entry["size"], entry["mtime"] = st.st_size, st.st_mtime_ns
    except OSError:
        pass  # removed mid-build: the next update sees it gone
    return entry


def _finish(
    gen: Generation, corpus: Path, manifest: dict, names: dict, authority: Authority, state: dict
) -> None:
    gen.write_json(MANIFEST_FILE, manifest)
    # All layers merged: the update compares against this snapshot to find what an edit changed.
    write_atomic(gen.path / AUTHORITY_SNAPSHOT, authority.to_toml())
    served = current(gen.root)  # still the generation before this one
    previous = served.read_json(PERSONS_FILE, {}) if served is not None else {}
    gen.write_json(PERSONS_FILE, person_registry(names, authority, previous))
    gen.write_json(DISCOVERY_FILE, {"state": state, "authority": authority.fingerprint()})
