"""Catalogue files: a folder's own list of titles, authors and dates for its files.

A catalogue is a CSV file or JSON Lines file named ``catalogue.csv``,
``catalogue.jsonl`` or ``metadata.csv``, or any other CSV or JSON Lines file
whose columns name a file and its title, author or date (a website's
``catalog_export.csv``: ``path,headline,byline,date``). It covers the files in
its folder and below. Column names are flexible, because catalogues come from
other people's projects:

- the file: ``path``, ``file``, ``fileid``, ``filename`` (a relative path, a
  bare file name or a stem such as ``1790-Washington-1``);
- ``title``, ``headline``; ``author``, ``president_full``, ``creator``,
  ``byline`` (read as a page's byline is: "By Ann Lee, Courier staff writer");
  ``date``, ``published``.

A column ending in ``html_path`` names a second copy of the same text (the
scraped page a plain-text file was made from): that file gets the same entry,
and when the row has no title the page's ``<title>`` supplies one.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "catalogue.csv").write_text("file,title,author,date\\nspeech-1,On Canals,Ann Smith,12 May 1830\\n")
>>> Catalogue.load(d / "catalogue.csv").lookup(d / "texts" / "speech-1.txt")
Entry(title='On Canals', author='Ann Smith', date='1830-05-12')
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from indexer.models import Skipped
from indexer.readers.bylines import credited, join_authors
from indexer.readers.dates import parse_date

CATALOGUE_NAMES = ("catalogue.csv", "catalogue.jsonl", "metadata.csv")

PATH_COLUMNS = ("path", "file", "fileid", "filename", "file_id", "doc")
TITLE_COLUMNS = ("title", "name", "headline")
AUTHOR_COLUMNS = ("author", "president_full", "creator", "president", "speaker", "byline")
DATE_COLUMNS = ("date", "published", "pub_date", "year")
# What cataloguers write in an author column for a piece nobody signed.
_NO_AUTHOR = re.compile(r"\W*(?:unsigned|anon(?:ymous)?\.?|unknown|not known|n/?a|none|no author|-+|\?+)\W*", re.I)
# Any other column naming a date ("issue_date", "Date of issue", "date_issued"), unless it dates
# the record rather than the document ("date_added", "last_updated", "date_scanned").
_DATE_WORD = re.compile(r"(?<![a-z])date(?![a-z])")
_RECORD_DATE = re.compile(r"add|modif|updat|scan|digiti|accession|process|upload|enter|catalog|receiv|access")
# Any other column naming who wrote or spoke ("author_or_speaker", "Author(s)", "written_by").
_AUTHOR_WORD = re.compile(r"(?<![a-z])(?:authors?|creators?|speakers?|writers?|written|contributors?)(?![a-z])")

_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


class CatalogueError(ValueError):
    """A catalogue file that cannot be read; the message says which and why."""


@dataclass(frozen=True)
class Entry:
    """What a catalogue says about one file; None where it says nothing."""

    title: str | None = None
    author: str | None = None
    date: str | None = None


def _pick(row: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The first non-empty value among the columns ``names`` (case-insensitive)."""
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    for name in names:
        value = lowered.get(name)
        if value is not None and str(value).strip():
            return " ".join(str(value).split())
    return None


def _date_columns(names: Iterable[str]) -> tuple[str, ...]:
    """The columns of a catalogue that may give a document's date, the usual names first.

    >>> _date_columns(["file", "title", "issue_date", "date_added", "Notes"])
    ('date', 'published', 'pub_date', 'year', 'issue_date')
    """
    extra = [n for n in (str(k).strip().lower() for k in names)
             if n not in DATE_COLUMNS and _DATE_WORD.search(n) and not _RECORD_DATE.search(n)]
    return DATE_COLUMNS + tuple(extra)


def _author_columns(names: Iterable[str]) -> tuple[str, ...]:
    """The columns of a catalogue that may give a document's author, the usual names first.

    >>> _author_columns(["file", "title", "author_or_speaker", "Authority", "date"])
    ('author', 'president_full', 'creator', 'president', 'speaker', 'byline', 'author_or_speaker')
    """
    extra = [n for n in (str(k).strip().lower() for k in names) if n not in AUTHOR_COLUMNS and _AUTHOR_WORD.search(n)]
    return AUTHOR_COLUMNS + tuple(extra)


def _key_forms(ref: str) -> list[str]:
    """Lookup keys for a reference: the path, the file name and the stem.

    >>> _key_forms("speeches/1790-Washington-1.txt")
    ['speeches/1790-washington-1.txt', '1790-washington-1.txt', '1790-washington-1']
    """
    ref = ref.strip().replace("\\", "/").lstrip("./").lower()
    name = ref.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return list(dict.fromkeys([ref, name, stem]))


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def _day_first(dates: Iterable[str]) -> bool | None:
    """Whether a column's numeric dates put the day first: a first number over 12 says so,
    a second over 12 says the month is first; None when no date says either, or both do.

    >>> _day_first(["04/27/2004", "05/02/2004"]), _day_first(["27.04.2004"]), _day_first(["04/05/2004"]) is None
    (False, True, True)
    """
    orders = set()
    for d in dates:
        if m := _NUMERIC_DATE.fullmatch(d.strip()):
            first, second = int(m.group(1)), int(m.group(2))
            if first > 12 >= second:
                orders.add(True)
            elif second > 12 >= first:
                orders.add(False)
    return orders.pop() if len(orders) == 1 else None


def _catalogue_columns(path: Path) -> bool:
    """Do the first line's columns of a CSV (the first object's keys of JSON Lines) name a
    file and its title, author or date? Then the file is a catalogue whatever its name."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8-sig", "replace").splitlines()
    except OSError:
        return False
    if not head:
        return False
    try:
        if path.suffix.lower() == ".jsonl":
            obj = json.loads(head[0])
            names = {str(k).strip().lower() for k in obj} if isinstance(obj, dict) else set()
        else:
            names = {c.strip().lower() for c in next(csv.reader([head[0]]), [])}
    except (json.JSONDecodeError, csv.Error):
        return False
    return bool(names & set(PATH_COLUMNS)) and bool(names & {*TITLE_COLUMNS, *_author_columns(names),
                                                             *_date_columns(names)})


def _page_title(page: Path) -> str | None:
    """The ``<title>`` of an HTML page, without a " | Site Name" suffix."""
    try:
        with page.open("rb") as fh:
            head = fh.read(32_768).decode("utf-8", "replace")
    except OSError:
        return None
    m = _TITLE_TAG.search(head)
    if not m:
        return None
    title = " ".join(html.unescape(m.group(1)).split())
    return title.split(" | ")[0].strip() or None


@dataclass
class Catalogue:
    """The entries of one catalogue file, found by path, file name or stem."""

    folder: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    _siblings: dict[str, Path] | None = field(default=None, repr=False)
    # How the catalogue orders numeric dates ("04/27/2004"): day first, month first, or not known.
    _day_first: bool | None = field(default=None, repr=False)
    # The columns read for a document's date (see _date_columns).
    _dates: tuple[str, ...] = field(default=DATE_COLUMNS, repr=False)
    _authors: tuple[str, ...] = field(default=AUTHOR_COLUMNS, repr=False)

    @classmethod
    def find(cls, folder: Path) -> Catalogue | None:
        """The catalogue kept in ``folder`` itself, or None when it has none.

        Raises :class:`CatalogueError` when the file exists but is unreadable.
        """
        for name in CATALOGUE_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return cls.load(candidate)
        for candidate in sorted((*folder.glob("*.csv"), *folder.glob("*.jsonl"))):
            if candidate.is_file() and _catalogue_columns(candidate):
                return cls.load(candidate)
        return None

    @classmethod
    def load(cls, path: Path) -> Catalogue:
        """Read a CSV or JSON Lines catalogue; raises :class:`CatalogueError`."""
        try:
            raw = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CatalogueError(f"{path.name}: cannot read ({exc})") from exc
        rows: list[dict[str, str]] = []
        try:
            if path.suffix.lower() == ".jsonl":
                for line in raw.splitlines():
                    if line.strip():
                        obj = json.loads(line)
                        if isinstance(obj, dict):
                            rows.append({str(k): "" if v is None else str(v) for k, v in obj.items()})
            else:
                rows = list(csv.DictReader(io.StringIO(raw)))
        except (json.JSONDecodeError, csv.Error) as exc:
            raise CatalogueError(f"{path.name}: malformed ({exc})") from exc
        catalogue = cls(path.parent)
        catalogue._dates = _date_columns(rows[0]) if rows else DATE_COLUMNS
        catalogue._authors = _author_columns(rows[0]) if rows else AUTHOR_COLUMNS
        catalogue._day_first = _day_first(d for row in rows if (d := _pick(row, catalogue._dates)))
        for row in rows:
            catalogue._add(row)
        return catalogue

    def _add(self, row: dict[str, str]) -> None:
        ref = _pick(row, PATH_COLUMNS)
        if not ref:
            return
        date = _pick(row, self._dates)
        pages = [v for k, v in row.items() if k and k.lower().endswith("html_path") and v]
        title = _pick(row, TITLE_COLUMNS)
        if title is None:
            for page in pages:
                title = self._title_of(page)
                if title:
                    break
        author = _pick(row, self._authors)
        if author and _NO_AUTHOR.fullmatch(author):
            author = None  # a cataloguer's note that there is none: no one's name
        if author and author == _pick(row, ("byline",)):
            author = join_authors(credited(author) or (author,))  # "By Ann Lee, Courier staff writer"
        entry = Entry(title=title, author=author, date=self._date(date) if date else None)
        for key in _key_forms(ref) + [k for page in pages for k in _key_forms(page)[1:2]]:
            self.entries.setdefault(key, entry)

    def _date(self, value: str) -> str | None:
        """A catalogue's date, a numeric one read in the order the whole column shows."""
        m = _NUMERIC_DATE.fullmatch(value.strip())
        if m and self._day_first is not None:
            day, month = (m.group(1), m.group(2)) if self._day_first else (m.group(2), m.group(1))
            return parse_date(f"{m.group(3)}-{int(month):02d}-{int(day):02d}")
        return parse_date(value)

    def _title_of(self, page_ref: str) -> str | None:
        # The path may be recorded as it was in the catalogue's own project
        # ("raw/ucsb/x.html") while the copy here sits in a sibling folder.
        name = page_ref.replace("\\", "/").rsplit("/", 1)[-1]
        direct = self.folder / page_ref
        if direct.is_file():
            return _page_title(direct)
        if self._siblings is None:
            self._siblings = {p.name: p for p in sorted(self.folder.glob("*/*"), reverse=True)}
        found = self._siblings.get(name)
        return _page_title(found) if found else None

    def lookup(self, path: Path) -> Entry | None:
        """The entry for a file at or below this catalogue's folder, if any."""
        try:
            rel = path.relative_to(self.folder).as_posix()
        except ValueError:
            return None
        for key in _key_forms(rel):
            if key in self.entries:
                return self.entries[key]
        return None

    def __len__(self) -> int:
        return len(self.entries)


class Catalogues:
    """Catalogue files met during the walk; the nearest one that knows a file wins."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.by_folder: dict[Path, Catalogue | None] = {}
        self.errors: list[Skipped] = []

    def load(self, folder: Path) -> None:
        try:
            self.by_folder[folder] = Catalogue.find(folder)
        except CatalogueError as exc:
            self.by_folder[folder] = None
            rel = folder.relative_to(self.root).as_posix()
            self.errors.append(Skipped(f"{rel}/" if rel != "." else "", f"bad catalogue: {exc}"))

    def for_file(self, path: Path) -> Catalogue | None:
        folder = path.parent
        while True:
            cat = self.by_folder.get(folder)
            if cat is not None and cat.lookup(path) is not None:
                return cat
            if folder == self.root or folder == folder.parent:
                return None
            folder = folder.parent

