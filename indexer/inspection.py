"""``python -m indexer inspect FILE…``: what the reader made of a file, for an archivist.

It runs the build's own reading (:func:`indexer.readers.examine`, then
chunking and year extraction), so what it shows is what a build indexes:
the format detected and why, every field of the Document (new fields show up
without changes here), the sections, the numbered paragraphs, and the blocks
that were dropped with the step that dropped them. A skipped file shows its
skip reason.

The corpus root matters (document ids and dates read from folder names are
relative to it): ``--corpus``, else ARCHIVE_CORPUS when the file lies inside
it, else the nearest folder above the file holding a catalogue or an
authority file, else the file's own folder.
"""

from __future__ import annotations

import json
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

from indexer import cleaning
from indexer.chunking import MIN_WORDS, chunk
from indexer.models import Document, Skipped
from indexer.readers import Reading, examine
from indexer.readers.catalogue import CATALOGUE_NAMES, Catalogues
from indexer.selection import Selection
from indexer.settings import IndexerSettings
from indexer.years import mentions

ABBREVIATE = 110  # characters of a paragraph shown without --full
_HIDDEN_FIELDS = {"blocks", "content_hash"}  # shown as sections and paragraphs instead


def corpus_root(path: Path, corpus: Path | None = None) -> Path:
    """The folder ``path``'s document id is relative to (see the module docstring)."""
    path = path.resolve()
    for candidate in (corpus, IndexerSettings.from_env().corpus):
        if candidate is not None and path.is_relative_to(candidate.resolve()):
            return candidate.resolve()
    for folder in path.parents:
        if any((folder / name).is_file() for name in (*CATALOGUE_NAMES, "persons.toml")):
            return folder
    return path.parent


def _read(path: Path, root: Path, selection: Selection) -> Reading:
    catalogues = Catalogues(root)
    folder = path.parent
    chain = []
    while True:
        chain.append(folder)
        if folder == root or folder == folder.parent:
            break
        folder = folder.parent
    for folder in reversed(chain):
        catalogues.load(folder)
    return examine(path, root, catalogues.for_file(path), selection)


def _dropped(reading: Reading, doc: Document | None) -> list[dict[str, str]]:
    """Blocks the parser saw that the index does not get, and the step that left each out."""
    if reading.parsed is None:
        return []
    kept = {b.text for b in doc.blocks} if doc else set()
    indexed = " ".join(p.text for p in chunk(doc)) if doc else ""
    out = []
    for kind, _level, raw in reading.parsed.blocks:
        text = cleaning.normalize(raw)
        if not text:
            continue
        if kind == "info":
            why = "metadata block (read for the date and source, not indexed)"
        elif kind == "links":
            why = "a row of links (navigation)"
        elif doc is not None and text == doc.title:
            why = "the title (indexed as the title, not as a paragraph)"
        elif doc is not None and doc.author and text.replace("By ", "").replace("by ", "") == doc.author:
            why = "the byline (the document's author)"
        elif text not in kept:
            if cleaning.is_trailer(text):
                why = "site furniture that ends the text (it and all after it)"
            elif cleaning.is_boilerplate(text):
                why = "boilerplate (site furniture)"
            else:
                why = "left out while assembling (header, breadcrumb, date line or after the text's end)"
        elif kind == "paragraph" and text not in indexed:
            why = f"too short for a paragraph (fewer than {MIN_WORDS} words)"
        else:
            continue
        out.append({"text": text, "why": why})
    return out


def describe(path: Path, corpus: Path | None = None, selection: Selection | None = None) -> dict[str, Any]:
    """Everything ``inspect`` shows about one file, as plain data (the ``--json`` form)."""
    root = corpus_root(path, corpus)
    reading = _read(path.resolve(), root, selection or Selection.from_settings())
    result = reading.result
    out: dict[str, Any] = {"file": str(path), "corpus": str(root)}
    if reading.sniffed is not None:
        out["kind"] = reading.sniffed.kind
        out["kind_why"] = reading.sniffed.why
    if isinstance(result, Skipped):
        out["skipped"] = result.reason
        out["dropped"] = _dropped(reading, None)
        return out
    doc: Document = result
    out["document"] = {f.name: getattr(doc, f.name) for f in fields(doc) if f.name not in _HIDDEN_FIELDS}
    pars = chunk(doc)
    year = int(doc.published[:4]) if doc.published and doc.published[:4].isdigit() else None
    out["sections"] = list(dict.fromkeys(p.section for p in pars if p.section))
    out["paragraphs"] = [
        {"n": p.position, "section": p.section, "text": p.text,
         "years": list(mentions(p.text, context_year=year).years)}
        for p in pars
    ]
    out["dropped"] = _dropped(reading, doc)
    return out


def _short(text: str, full: bool) -> str:
    return text if full or len(text) <= ABBREVIATE else text[: ABBREVIATE - 1].rstrip() + "…"


def render(info: dict[str, Any], full: bool = False) -> str:
    """The human-readable form of :func:`describe`'s result."""
    lines = [info["file"], f"  corpus:     {info['corpus']}"]
    if "kind" in info:
        lines.append(f"  read as:    {info['kind']} ({info['kind_why']})")
    if "skipped" in info:
        lines.append(f"  SKIPPED:    {info['skipped']}")
    for name, value in info.get("document", {}).items():
        if value is None or value == "":
            value = "-"
        lines.append(f"  {name + ':':<11} {value}")
    if "paragraphs" in info:
        sections = info["sections"]
        lines.append(f"  sections:   {len(sections)}" + (f" ({'; '.join(sections)})" if sections else ""))
        lines.append(f"  paragraphs: {len(info['paragraphs'])}")
        section = ""
        for p in info["paragraphs"]:
            if p["section"] != section:
                section = p["section"]
                lines.append(f"    § {section}")
            years = f"  [years {', '.join(map(str, p['years']))}]" if p["years"] else ""
            lines.append(f"    {p['n']:>3}  {_short(p['text'], full)}{years}")
    dropped = info.get("dropped", [])
    lines.append(f"  dropped:    {len(dropped)}")
    for d in dropped:
        lines.append(f"    - {_short(d['text'], full)!r}: {d['why']}")
    return "\n".join(lines)


def inspect_files(files: list[Path], corpus: Path | None, selection: Selection,
                  as_json: bool = False, full: bool = False) -> int:
    """Print what the reader makes of each file; exit 1 when a file does not exist."""
    status = 0
    infos = []
    for path in files:
        if not path.exists() and not path.is_symlink():
            print(f"Error: {path}: no such file", file=sys.stderr)
            status = 1
            continue
        if path.is_dir():
            print(f"Error: {path} is a folder; name the files (e.g. {path}/*)", file=sys.stderr)
            status = 1
            continue
        infos.append(describe(path, corpus, selection))
    if as_json:
        print(json.dumps(infos, ensure_ascii=False, indent=1, default=str))
    else:
        print("\n\n".join(render(info, full) for info in infos))
    return status
