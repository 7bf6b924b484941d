"""Incremental update: apply only what changed since the served generation was written.

The generation's manifest records, per document, the raw file's hash, size and
mtime. An update:

1. walks the corpus and compares (size, mtime) first and the hash only when
   those differ, as git does, so an unchanged archive costs a stat per file;
2. re-reads changed and new files, re-chunks and re-annotates them; an
   unchanged paragraph keeps its id (looked up in the index by its text), new
   ones get fresh numbers;
3. finds documents touched by an edit of the authority file through the index
   itself (the words of every changed entry, looked up by stem and in the names);
4. writes all of it into a NEW generation and switches CURRENT to it.

The new generation starts as hard links to the served one's files. Whoosh
never rewrites a segment file (deletions live in the TOC, and merges write new
files), so the served generation is never touched: a kill at any moment, even
``kill -9`` mid-commit, leaves it intact and searchable, and running
``update`` again redoes the same work from it, with nothing lost or duplicated.
The service only ever watches CURRENT, and ``rollback`` undoes an update.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import time
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import Or, Term

from indexer import schema
from indexer.authority import Authority
from indexer.authority_layers import load_authority
from indexer.boilerplate import Furniture
from indexer.build import (
    AUTHORITY_SNAPSHOT,
    DISCOVERY_FILE,
    FURNITURE_FILE,
    WRITER_ARGS,
    build_corpus,
    empty_corpus,
    manifest_entry,
    person_registry,
    text_hash,
)
from indexer.engine import checksums
from indexer.engine import format as index_format
from indexer.engine.generations import Generation, current, new_generation, switch_to, write_atomic
from indexer.engine.segments import BulkSegmentWriter
from indexer.locking import writer_lock
from indexer.models import Document, Paragraph, Skipped
from indexer.persons import PersonAnnotator
from indexer.pipeline import annotate
from indexer.selection import Selection
from indexer.skip_report import SKIPPED_FILE, summary_lines, write_tsv
from indexer.readers import corpus_files, read_file
from indexer.vocabulary import WordCounter

_PID_NUMBER = re.compile(r"#p(\d+)$")


@dataclass
class UpdateReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    reannotated: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    paragraphs_kept: int = 0
    paragraphs_new: int = 0
    seconds: float = 0.0
    generation: str = ""
    full_build: bool = False
    note: str = ""
    skipped_report: Path | None = None
    authority: tuple[str, ...] = ()  # the authority files that applied

    @property
    def touched(self) -> int:
        return len(self.added) + len(self.changed) + len(self.deleted) + len(self.reannotated)

    def summary(self) -> str:
        if self.full_build:
            return self.note
        lines = [f"Updated generation {self.generation} in {self.seconds:.2f} s"]
        lines += [f"  authority: {layer}" for layer in self.authority]
        for label, items in (("added", self.added), ("changed", self.changed),
                             ("deleted", self.deleted),
                             ("re-annotated after authority edit", self.reannotated)):
            lines.append(f"  {label}: {len(items)}")
            lines += [f"    - {d}" for d in items[:50]]
        lines.append(f"  paragraphs: {self.paragraphs_kept} kept their ids, {self.paragraphs_new} new")
        if not self.touched:
            lines.append("  nothing to do: the index matches the corpus")
        lines += summary_lines(self.skipped, report=self.skipped_report)
        return "\n".join(lines)


def _file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def reuse_ids(doc_id: str, old: list[list[str]], pars: list[Paragraph]) -> tuple[list[Paragraph], int]:
    """Give unchanged paragraphs (same text) their old ids; new ones fresh numbers.

    >>> old = [["h1", "d#p0"], ["h2", "d#p1"]]
    >>> from indexer.models import Paragraph as P
    >>> new = [P("d#p0", "d", "t", 0, "inserted"), P("d#p1", "d", "t", 1, "x")]
    >>> import indexer.update as u
    >>> u.text_hash = lambda t: {"x": "h1"}.get(t, "zz")  # doctest stub
    >>> [p.id for p in reuse_ids("d", old, new)[0]]
    ['d#p2', 'd#p0']
    """
    by_hash: dict[str, list[str]] = {}
    numbers = [-1]
    for h, pid in old:
        by_hash.setdefault(h, []).append(pid)
        m = _PID_NUMBER.search(pid)
        if m:
            numbers.append(int(m.group(1)))
    next_n = max(numbers) + 1
    out, kept = [], 0
    for p in pars:
        candidates = by_hash.get(text_hash(p.text))
        if candidates:
            out.append(replace(p, id=candidates.pop(0)))
            kept += 1
        else:
            out.append(replace(p, id=f"{doc_id}#p{next_n}"))
            next_n += 1
    return out, kept


def update_corpus(
    corpus: Path, root: Path, authority_path: Path | None = None, progress: bool = True,
    selection: Selection | None = None,
    base: str | None = None,
) -> UpdateReport:
    """Bring the served generation in line with ``corpus``; build one if none exists.

    An update that would leave no document (the corpus emptied, a disk not
    mounted, every file newly excluded) raises :class:`EmptyCorpus`, as a build does.
    """
    selection = selection if selection is not None else Selection.from_settings()
    started = time.perf_counter()
    report = UpdateReport()
    gen = current(root)
    old_format = gen is not None and index_format.recorded(gen.path) not in (None, index_format.INDEX_FORMAT)
    if gen is None or old_format or not (gen.path / schema.MANIFEST_FILE).exists():
        built = build_corpus(corpus, root, authority_path, progress=progress, selection=selection,
                             base=base)
        report.full_build = True
        why = "The index is in an older format" if old_format else "No index to update"
        report.note = f"{why}; built one from scratch.\n" + built.summary()
        return report
    with writer_lock(root, f"update {corpus}") as note:
        if note:
            print(note, file=sys.stderr)
        gen = current(root)
        assert gen is not None
        update = _Update(corpus, gen, authority_path, base, selection, report)
        update.walk()
        if update.nothing_to_do():
            update.keep_served()
        else:
            update.write_next()
    report.seconds = time.perf_counter() - started
    return report


class _Update:
    """One update of the served generation ``gen``: :meth:`walk` the corpus, then either
    :meth:`keep_served` (nothing changed) or :meth:`write_next` generation."""

    def __init__(self, corpus: Path, gen: Generation, authority_path: Path | None, base: str | None,
                 selection: Selection, report: UpdateReport) -> None:
        self.corpus, self.gen, self.selection, self.report = corpus, gen, selection, report
        report.generation = gen.name
        self.manifest: dict[str, dict] = gen.read_json(schema.MANIFEST_FILE, {}) or {}
        # A changed page loses the furniture its build found on the whole corpus.
        self.furniture = Furniture.from_json(gen.read_json(FURNITURE_FILE, {}))
        self.authority = load_authority(corpus, authority_path, base)
        report.authority = self.authority.layers
        self.new_text = self.authority.to_toml()
        self.todo: dict[str, Document] = {}  # documents to annotate again, by id
        self.seen: set[str] = set()  # files still in the corpus
        self.catalogues: dict[str, object] = {}

    def walk(self) -> None:
        """Compare every corpus file with the manifest: new and changed ones are read."""
        report = self.report
        for item in corpus_files(self.corpus, self.selection):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                continue
            path, catalogue = item
            rel = path.relative_to(self.corpus).as_posix()
            self.catalogues[rel] = catalogue
            entry = self.manifest.get(rel)
            state = _file_state(path, entry)
            if state == "same":
                self.seen.add(rel)
            elif state == "changed":
                self.read(rel, path, catalogue, entry)
        report.deleted = sorted(set(self.manifest) - self.seen)
        if not self.seen and self.manifest:
            raise empty_corpus(self.corpus, self.gen.root, report.skipped, what="update")

    def read(self, rel: str, path: Path, catalogue: object, entry: dict | None) -> None:
        doc = read_file(path, self.corpus, catalogue, selection=self.selection)
        if isinstance(doc, Skipped):
            self.report.skipped.append(doc)
            return  # a file that became unreadable is dropped like a deleted one
        self.seen.add(rel)
        self.todo[rel] = self.furniture.strip(doc)
        (self.report.changed if entry else self.report.added).append(rel)

    def nothing_to_do(self) -> bool:
        return not self.todo and not self.report.deleted and old_authority_changed(self.gen, self.new_text) is None

    def keep_served(self) -> None:
        """Only sizes and mtimes to refresh: the served generation's manifest is rewritten."""
        gen = self.gen
        gen.write_json(schema.MANIFEST_FILE, self.manifest)  # refreshed sizes and mtimes
        if checksums.read_or_none(gen.path) is not None:
            checksums.write(gen.path, reuse=gen.path)  # the manifest is a file of it too

    def write_next(self) -> None:
        """Write the changes into a new generation made of hard links to the served one,
        and switch to it."""
        gen = self.gen
        served = whoosh_index.open_dir(str(gen.path))
        self.add_authority_edits(served)
        indexed = _indexed_paragraphs(served, list(self.todo) + self.report.deleted)
        served.close()
        # Every paragraph of a changed or deleted document leaves the index; the
        # changed ones come back below.
        vocabulary = WordCounter.load(gen.path / schema.VOCABULARY_FILE)
        if vocabulary is not None:
            for rows in indexed.values():
                for f in rows:
                    vocabulary.remove(f.get(schema.TEXT, ""))
        nxt = snapshot(gen)
        self.report.generation = nxt.name
        discovery = gen.read_json(DISCOVERY_FILE, {}) or {}
        registry: dict[str, dict] = gen.read_json(schema.PERSONS_FILE, {}) or {}
        names = {pid: v["name"] for pid, v in registry.items()}
        ix = whoosh_index.open_dir(str(nxt.path))
        self.index_changes(ix, PersonAnnotator(self.authority, state=discovery.get("state")),
                           _paragraph_ids(indexed), vocabulary, names)
        for doc_id in self.report.deleted:
            self.manifest.pop(doc_id, None)
        nxt.write_json(schema.MANIFEST_FILE, self.manifest)
        if vocabulary is not None:
            vocabulary.save(nxt.path / schema.VOCABULARY_FILE)
        # Ids the re-annotated documents no longer carry leave the registry; a link
        # saved with one resolves to whoever carries its name now.
        for pid in _gone(ix, indexed, names):
            del names[pid]
        nxt.write_json(schema.PERSONS_FILE, person_registry(names, self.authority, registry))
        nxt.write_json(DISCOVERY_FILE, discovery)
        self.finish(nxt, ix)

    def add_authority_edits(self, served) -> None:
        """Documents an edit of the authority file touches are annotated again."""
        old_text = _read(self.gen.path / AUTHORITY_SNAPSHOT)
        if old_text == self.new_text:
            return
        words = self.authority.changed_words(_authority_from_text(old_text))
        for doc_id in _documents_with_words(served, words):
            if doc_id in self.seen and doc_id not in self.todo:
                doc = read_file(self.corpus / doc_id, self.corpus, self.catalogues.get(doc_id),
                                selection=self.selection)
                if not isinstance(doc, Skipped):
                    self.todo[doc_id] = self.furniture.strip(doc)
                    self.report.reannotated.append(doc_id)

    def index_changes(self, ix, annotator: PersonAnnotator, old_ids: dict[str, list[list[str]]],
                      vocabulary: WordCounter | None, names: dict[str, str]) -> None:
        """Delete the deleted and changed documents' paragraphs from ``ix``, and add the
        changed ones annotated again; unchanged paragraphs keep their ids."""
        aliases = self.authority.aliases()
        writer = BulkSegmentWriter(ix, **WRITER_ARGS)
        try:
            for doc_id in self.report.deleted:
                writer.delete_by_term(schema.DOC_ID, doc_id)
            for doc_id, doc in self.todo.items():
                pars = annotate(doc, annotator)
                pars, kept = reuse_ids(doc_id, old_ids.get(doc_id, []), pars)
                self.report.paragraphs_kept += kept
                self.report.paragraphs_new += len(pars) - kept
                writer.delete_by_term(schema.DOC_ID, doc_id)
                for p in pars:
                    writer.add_document(**schema.to_fields(p, aliases))
                    if vocabulary is not None:
                        vocabulary.add(p.text)
                    for ref in p.persons:
                        names[ref.id] = ref.name
                self.manifest[doc_id] = manifest_entry(doc, pars, self.corpus)
            # A small update leaves a small segment; merging only small
            # segments keeps an update's cost independent of the index size.
            writer.commit(merge=True)
        except BaseException:
            writer.cancel()
            raise

    def finish(self, nxt: Generation, ix) -> None:
        """The new generation's remaining files, generation.json and checksums last; then the switch."""
        # Written beside and renamed over: the served generation's hard-linked copy stays as it was.
        self.report.skipped_report = write_tsv(nxt.path / SKIPPED_FILE, self.report.skipped)
        nxt.write_json(FURNITURE_FILE, self.furniture.to_json())
        write_atomic(nxt.path / AUTHORITY_SNAPSHOT, self.new_text)
        _finish_meta(self.gen, nxt, ix, self.manifest)  # generation.json last: it marks the generation complete
        ix.close()
        checksums.write(nxt.path, reuse=self.gen.path)  # last: it vouches for every file above
        switch_to(nxt)


def _file_state(path: Path, entry: dict | None) -> str:
    """How a corpus file compares with its manifest ``entry``: "same" (size and mtime, else
    the hash, as git does; a matching hash refreshes size and mtime in ``entry``),
    "changed" (or new), or "gone" (removed while we walked: treated as deleted)."""
    try:
        st = path.stat()
    except OSError:
        return "gone"
    if entry and entry.get("size") == st.st_size and entry.get("mtime") == st.st_mtime_ns:
        return "same"
    if entry and entry.get("hash") == _file_hash(path):
        entry["size"], entry["mtime"] = st.st_size, st.st_mtime_ns
        return "same"
    return "changed"


def _gone(ix, indexed: dict[str, list[dict]], names: dict[str, str]) -> list[str]:
    """Person ids the replaced paragraphs carried that no paragraph of ``ix`` carries now."""
    was = {pid for rows in indexed.values() for f in rows for pid in f.get(schema.PERSON, "").split()}
    with ix.searcher() as s:
        return [pid for pid in sorted(was) if pid in names
                and s.search(Term(schema.PERSON, pid), limit=1, scored=False).is_empty()]


def _authority_from_text(text: str) -> Authority:
    try:
        return Authority.from_dict(tomllib.loads(text)) if text.strip() else Authority()
    except tomllib.TOMLDecodeError:
        # The old snapshot was broken too; treat every entry as changed.
        return Authority()


def _read(path: Path | None) -> str:
    try:
        return path.read_text(encoding="utf-8") if path else ""
    except OSError:
        return ""


def _documents_with_words(ix, words: frozenset[str]) -> set[str]:
    """doc_ids of documents whose text or person names contain any of ``words``.

    The text is searched by stem, so this finds a few documents too many
    ("Lenin" also finds "lening"); re-annotating those changes nothing.
    """
    stems = {t.text for w in words for t in schema.text_analyzer()(w)}
    tokens = {t.text for w in words for t in schema.exact_analyzer()(w)}
    if not stems and not tokens:
        return set()
    with ix.searcher() as s:
        q = Or([Term(schema.TEXT, t) for t in stems] + [Term(schema.PERSON_NAMES, t) for t in tokens])
        return {s.stored_fields(n)[schema.DOC_ID] for n in q.matcher(s).all_ids()}


def old_authority_changed(gen: Generation, new_text: str) -> bool | None:
    """True when the merged authority (``Authority.to_toml()``) differs from the generation's
    snapshot, else None."""
    return True if _read(gen.path / AUTHORITY_SNAPSHOT) != new_text else None


def snapshot(gen: Generation) -> Generation:
    """A new generation whose files are hard links to ``gen``'s (copies across devices).

    generation.json is left out: a generation without it is unfinished, and
    cleanup removes unfinished ones left by a killed update.
    """
    nxt = new_generation(gen.root)
    for f in gen.path.iterdir():
        if f.name == schema.GENERATION_META or f.name.endswith((".lock", "WRITELOCK")):
            continue
        try:
            os.link(f, nxt.path / f.name)
        except OSError:
            shutil.copy2(f, nxt.path / f.name)
    return nxt


def _indexed_paragraphs(ix, doc_ids) -> dict[str, list[dict]]:
    """The stored fields of the indexed paragraphs of each document, in order."""
    out: dict[str, list[dict]] = {}
    with ix.searcher() as s:
        for doc_id in doc_ids:
            out[doc_id] = sorted(s.documents(**{schema.DOC_ID: doc_id}), key=lambda f: f.get(schema.POSITION, 0))
    return out


def _paragraph_ids(indexed: dict[str, list[dict]]) -> dict[str, list[list[str]]]:
    """[text hash, paragraph id] of each document's indexed paragraphs."""
    return {doc_id: [[text_hash(f.get(schema.TEXT, "")), f[schema.ID]] for f in rows]
            for doc_id, rows in indexed.items()}


def _finish_meta(gen: Generation, nxt: Generation, ix, manifest: dict) -> None:
    meta = gen.meta
    with ix.searcher() as s:
        meta["paragraphs"] = s.doc_count()
    # One manifest entry per corpus file, i.e. per document (walking the index's
    # doc_id terms took a third of a second at 20,000 documents).
    meta["documents"] = sum(1 for entry in manifest.values() if entry.get("paragraphs"))
    meta["generation"] = nxt.name
    meta["updated_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    meta["updates"] = int(meta.get("updates", 0)) + 1
    meta["updated_from"] = gen.name
    nxt.write_json(schema.GENERATION_META, meta, readable=True)
