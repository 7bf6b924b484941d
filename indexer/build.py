"""Full build: corpus folder -> paragraphs -> a new index generation, switched in atomically."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index

from indexer import checksums
from indexer.authority import Authority
from indexer.discovery import Discovery
from indexer.generations import Generation, current, new_generation, switch_to, write_atomic
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
from indexer.shards import SHARDS, ShardResult, ShardSink, Work, write_shards
from indexer.vocabulary import WordCounter

DISCOVERY_FILE = "discovery.json"  # the person annotator's corpus-wide state, for updates
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
    """A build found no documents while a non-empty generation is being served."""


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
            f"  skipped:    {len(self.skipped)} files",
        ]
        for s in self.skipped:
            lines.append(f"    - {s.path}: {s.reason}")
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
) -> tuple[Generation, list[ShardResult]]:
    """Run ``work`` in ``shards`` processes into a brand-new generation under ``root``, then switch to it.

    If anything fails before the switch, the generation being served is untouched.
    """
    gen = new_generation(root)
    ix = whoosh_index.create_in(str(gen.path), build_schema())
    if aliases is None:
        aliases = {pid: list(p.get("aliases", [])) for pid, p in (persons or {}).items()}
    results = write_shards(ix, work, shards, aliases, WRITER_ARGS, on_progress, combine)
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
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "paragraphs": sum(r.paragraphs for r in results),
            "documents": len(set().union(*(r.documents for r in results))),
            "segments": sum(1 for r in results if r.segment is not None),
            **(meta or {}),
        },
        readable=True,
    )
    checksums.write(gen.path)  # last: it vouches for every file written above
    switch_to(gen)
    return gen, results


def default_authority(corpus: Path) -> Path | None:
    """The corpus's own persons.toml, else the one shipped in this project's corpus/."""
    env = os.environ.get("ARCHIVE_AUTHORITY")
    if env:
        return Path(env)
    for candidate in (corpus / AUTHORITY_NAME, PROJECT_CORPUS / AUTHORITY_NAME):
        if candidate.is_file():
            return candidate
    return None


AUTHORITY_NAME = "persons.toml"
PROJECT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def person_registry(paragraphs_persons: dict[str, str], authority: Authority) -> dict[str, dict]:
    """{id: {"name", "sort", "aliases"}} for every person the index mentions."""
    aliases = authority.aliases()
    registry = {}
    for pid, name in sorted(paragraphs_persons.items()):
        registry[pid] = {
            "name": name,
            "sort": authority.sort_name(pid) or _sort_name(name),
            "aliases": [a for a in aliases.get(pid, []) if a != name],
        }
    return registry


def _sort_name(name: str) -> str:
    parts = name.split()
    return f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else name


def build_corpus(
    corpus: Path,
    root: Path,
    authority_path: Path | None = None,
    progress: bool = True,
    workers: int | None = None,
) -> BuildReport:
    """Build a fresh generation from ``corpus`` under ``root`` and switch to it.

    Holds the writer lock for the whole build; the served generation stays
    untouched until the new one is complete.
    """
    from tqdm import tqdm

    from indexer.persons import PersonAnnotator
    from indexer.pipeline import annotate_each
    from indexer.sources import read_corpus

    started = time.perf_counter()
    report = BuildReport()
    if not Path(corpus).is_dir():
        # os.walk of a missing folder yields nothing: that must not become an empty index.
        raise NotADirectoryError(f"corpus folder {corpus} does not exist")
    authority_path = authority_path or default_authority(corpus)
    with writer_lock(root, f"build {corpus}") as note:
        if note:
            print(note, file=sys.stderr)
        files = tqdm(desc="reading", unit=" files", disable=not progress, file=sys.stderr)
        docs = []
        for item in read_corpus(corpus):
            files.update()
            if isinstance(item, Skipped):
                report.skipped.append(item)
            else:
                docs.append(item)
        files.close()
        served = current(root)
        if not docs and served is not None and served.meta.get("documents"):
            # An unmounted disk or a wrong path: keep serving what we have.
            raise EmptyCorpus(f"no readable documents in {corpus} "
                              f"({len(report.skipped)} files skipped); generation "
                              f"{served.name} stays in service")
        authority = Authority.load(authority_path)
        if workers is None:
            shards = max(1, min(SHARDS, len(docs) // MIN_DOCS_PER_SHARD))
        else:
            shards = max(1, min(workers, len(docs)))
        annotator = PersonAnnotator(authority)
        discovered: list[Discovery] = []  # this process's copy of the corpus-wide counts
        bar = tqdm(desc="indexing", unit=" paragraphs", disable=not progress, file=sys.stderr)

        def combine(parts: list) -> Discovery:
            discovered.append(Discovery.combine(parts))
            return discovered[-1]

        def work(shard: int, shards: int, sink: ShardSink) -> ShardOutcome:
            # Every shard takes every shards-th document: sizes even out.
            out = ShardOutcome()
            mine = docs[shard::shards]
            # The corpus-wide discovery pass: each shard counts its own documents,
            # and all of them annotate with the sum. Counting here rather than in
            # a pass of its own lets annotation reuse the name candidates it found.
            annotator.discovery = sink.exchange(annotator.count_part(
                (d.doc_id, [b.text for b in d.blocks if b.kind == "paragraph"]) for d in mine))
            for doc, pars in annotate_each(mine, annotator):
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

        merged = ShardOutcome()

        def finish(gen: Generation) -> None:
            _finish(gen, corpus, merged.manifest, merged.names, authority, discovered[-1].state())

        def merge_outcomes(results: list[ShardResult]) -> None:
            for r in results:
                merged.merge(r.outcome)

        gen, _ = write_generation(
            root,
            work,
            shards,
            aliases=authority.aliases(),
            meta={"corpus": str(corpus.resolve()), "authority": str(authority_path or "")},
            finish=finish,
            on_progress=lambda n: bar.update(n - bar.n),
            on_results=merge_outcomes,
            combine=combine,
        )
        bar.close()
        report.documents = len(merged.manifest)
        report.persons, report.years, report.flags = merged.persons, merged.years, merged.flags
        report.skipped.extend(merged.skipped)
        report.paragraphs = gen.meta.get("paragraphs", 0)
        report.generation = gen.name
    report.seconds = time.perf_counter() - started
    return report


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
    if authority.path is not None and authority.path.is_file():
        # The update compares against this snapshot to find what an edit changed.
        shutil.copyfile(authority.path, gen.path / AUTHORITY_SNAPSHOT)
    gen.write_json(PERSONS_FILE, person_registry(names, authority))
    gen.write_json(DISCOVERY_FILE, {"state": state, "authority": authority.fingerprint()})
