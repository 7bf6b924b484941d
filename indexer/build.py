"""Full build: corpus folder -> paragraphs -> a new index generation, switched in atomically."""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index

from indexer.generations import Generation, new_generation, switch_to
from indexer.models import Paragraph, Skipped
from indexer.schema import GENERATION_META, PERSONS_FILE, build_schema, to_fields

# Whoosh's writer buffers postings in memory up to this many MB per process.
WRITER_LIMIT_MB = int(os.environ.get("ARCHIVE_WRITER_LIMIT_MB", "256"))


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
    on_paragraph: Callable[[Paragraph], None] | None = None,
) -> Generation:
    """Write paragraphs into a brand-new generation under ``root`` and switch to it.

    ``persons`` is the person registry ``{id: {"name", "sort", "aliases"}}``
    stored beside the index for the service. If anything fails before the
    switch, the generation being served is untouched.
    """
    gen = new_generation(root)
    ix = whoosh_index.create_in(str(gen.path), build_schema())
    aliases = {pid: list(p.get("aliases", [])) for pid, p in (persons or {}).items()}
    writer = ix.writer(limitmb=WRITER_LIMIT_MB)
    count = 0
    docs: set[str] = set()
    try:
        for p in paragraphs:
            writer.add_document(**to_fields(p, aliases))
            count += 1
            docs.add(p.doc_id)
            if on_paragraph is not None:
                on_paragraph(p)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    gen.write_json(PERSONS_FILE, persons or {})
    gen.write_json(
        GENERATION_META,
        {
            "generation": gen.name,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "paragraphs": count,
            "documents": len(docs),
            **(meta or {}),
        },
    )
    switch_to(gen)
    return gen


def iter_skipped(items: Iterable[object], report: BuildReport) -> Iterator[object]:
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            yield item
