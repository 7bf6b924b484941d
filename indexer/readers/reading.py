"""Reading one file: refusals by name and size, the format by content, a parser, assembly.

A file becomes a :class:`~indexer.models.Document`, or a
:class:`~indexer.models.Skipped` with the reason; one bad file never stops a
build.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "note.txt").write_text("On Harbours\\n\\nSubmitted by Ann on 3 May, 2001 - 10:00\\n\\nShips came in slowly that year.\\n")
>>> doc = read_file(root / "note.txt", root)
>>> doc.title, doc.author, doc.published, doc.blocks[0].text
('On Harbours', 'Ann', '2001-05-03', 'Ships came in slowly that year.')
"""

from __future__ import annotations

import hashlib
import logging
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from indexer.models import Document, Skipped
from indexer.readers import mojibake
from indexer.readers.assembly import assemble
from indexer.readers.catalogue import Catalogue, Entry
from indexer.readers.encoding import decode
from indexer.readers.html import parse_html
from indexer.readers.markdown import parse_markdown
from indexer.readers.parsed import Parsed, Unusable
from indexer.readers.sniff import Sniffed, sniff
from indexer.readers.text import parse_text
from indexer.readers.titles import title_source
from indexer.readers.walk import chosen, corpus_files, not_document, refusal
from indexer.selection import Selection
from indexer.settings import IndexerSettings

log = logging.getLogger(__name__)

def max_file_bytes() -> int:
    """ARCHIVE_MAX_FILE_BYTES, or 20 MB: larger files are skipped, not read."""
    return IndexerSettings.from_env(strict=False).max_file_bytes


# Web-site assets and office files that sit beside the pages: refused by name,
# unread (an --include names one a document after all).
UNSUPPORTED_SUFFIXES = {
    ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".ico", ".svg", ".webp",
    ".css", ".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".eot", ".otf", ".swf", ".flv",
    ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".mp3", ".mp4", ".wav", ".avi",
    ".mov", ".ogg", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".rtf", ".exe",
    ".dll", ".bin", ".iso", ".psd", ".eps", ".ps",
}  # fmt: skip


@dataclass
class Reading:
    """What reading one file gave: the result, the format found (and why), the parser's blocks.

    ``indexer inspect`` shows all of it; a build keeps only ``result``.
    """

    result: Document | Skipped
    sniffed: Sniffed | None = None
    parsed: Parsed | None = None


def read_file(
    path: Path, root: Path, catalogue: Catalogue | None = None, selection: Selection | None = None
) -> Document | Skipped:
    """One file as a Document, or Skipped with the reason; never raises."""
    return examine(path, root, catalogue, selection).result


def examine(
    path: Path, root: Path, catalogue: Catalogue | None = None, selection: Selection | None = None
) -> Reading:
    """Read one file as a build would, keeping what each step found (see :class:`Reading`)."""
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    selection = selection if selection is not None else Selection.from_settings()
    reading = Reading(Skipped(rel, ""))
    try:
        reading.result = _examine(path, root, rel, catalogue, selection, reading)
    except Unusable as exc:
        reading.result = Skipped(rel, str(exc))
    except FileNotFoundError:
        reading.result = Skipped(rel, "vanished while the corpus was read")
    except PermissionError:
        reading.result = Skipped(rel, "permission denied")
    except OSError as exc:
        reading.result = Skipped(rel, f"unreadable: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a build
        log.warning("cannot parse %s: %r", rel, exc)
        reading.result = Skipped(rel, f"cannot parse: {type(exc).__name__}: {exc}"[:200])
    return reading


def _examine(
    path: Path, root: Path, rel: str, catalogue: Catalogue | None, selection: Selection, reading: Reading
) -> Document | Skipped:
    # The walk refuses these already; a path given directly (update, inspect) is checked here.
    problem = refusal(path, rel, root, selection)
    if problem:
        return Skipped(rel, problem)
    named = chosen(path, rel, selection)
    problem = _refused_unread(path, named)
    if problem:
        return Skipped(rel, problem)
    raw = path.read_bytes()
    if not raw.strip():
        return Skipped(rel, "empty file")
    reading.sniffed = sniffed = sniff(raw, path.suffix.lower())
    problem = _refused_by_content(sniffed, named)
    if problem:
        return Skipped(rel, problem)
    fmt = "html" if sniffed.kind == "fragment" else sniffed.kind
    entry = catalogue.lookup(path) if catalogue else None
    reading.parsed = parsed = _parse(raw, fmt, entry)
    doc = assemble(parsed, doc_id=rel, fmt=fmt, entry=entry, content_hash=hashlib.sha256(raw).hexdigest())
    if not any(b.kind == "paragraph" for b in doc.blocks):
        return Skipped(rel, "no body text")
    return replace(doc, title_source=title_source(doc, parsed, entry))


def _refused_unread(path: Path, named: bool) -> str | None:
    """Why the file is not read at all: its name, its type or its size; None when it is read.

    ``named``: an --include names it a document whatever its name.
    """
    suffix = path.suffix.lower()
    if not named and not_document(path):
        return "not a document"
    if not named and suffix in UNSUPPORTED_SUFFIXES:
        return f"unsupported format {suffix}"
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        # A named pipe or a device would block the read, or never end.
        return "not a regular file"
    limit = max_file_bytes()
    if st.st_size > limit:
        return f"too large ({st.st_size:,} bytes; limit ARCHIVE_MAX_FILE_BYTES={limit:,})"
    return None


def _refused_by_content(sniffed: Sniffed, named: bool) -> str | None:
    if sniffed.kind == "binary":
        return f"binary file: {sniffed.why}"
    if sniffed.kind == "fragment" and not named:
        return f"template fragment: {sniffed.why}"
    return None


def _parse(raw: bytes, fmt: str, entry: Entry | None) -> Parsed:
    """The parser of the file's format; HTML declares its own charset, the others are decoded here."""
    if fmt == "html":
        return parse_html(raw)
    text = mojibake.repair(decode(raw)).replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "markdown":
        return parse_markdown(text)
    return parse_text(text, has_title=bool(entry and entry.title))


def read_corpus(root: Path, selection: Selection | None = None) -> Iterator[Document | Skipped]:
    """Every file under ``root``, in sorted order: a Document or a Skipped each.

    Hidden files and folders are passed over silently; catalogue files, the
    persons authority file and data files are reported as "not a document".
    """
    root = Path(root)
    selection = selection if selection is not None else Selection.from_settings()
    for item in corpus_files(root, selection):
        if isinstance(item, Skipped):
            yield item
        else:
            path, catalogue = item
            yield read_file(path, root, catalogue, selection=selection)
