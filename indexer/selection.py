"""Which corpus files the archivist chose: ``--include`` and ``--exclude`` globs.

A pattern without a slash matches a file or folder name anywhere
(``*.php``, ``drafts``); one with a slash matches the path from the corpus
root (``2003/*/print-*.html``); ``*`` also crosses slashes, as in
:mod:`fnmatch`. Matching ignores case: legacy exports mix ``.PHP`` and ``.php``.

An *included* file is read as a document whatever its name or content
suggests (a ``.inc`` page, a data-looking name, a fragment); binary content
is still refused. An *excluded* file or folder is skipped with the pattern
named; exclusion wins over inclusion.

>>> s = Selection(include=("*.inc",), exclude=("drafts", "2003/print-*"))
>>> s.included("site/nav.inc"), s.excluded("drafts"), s.excluded("2003/print-a.html")
(True, 'drafts', '2003/print-*')
>>> s.excluded("2004/print-a.html") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase

from indexer.settings import IndexerSettings


def _matches(pattern: str, rel: str) -> bool:
    pattern = pattern.strip("/").lower()
    rel = rel.lower()
    if "/" in pattern:
        return fnmatchcase(rel, pattern)
    return fnmatchcase(rel.rsplit("/", 1)[-1], pattern)


@dataclass(frozen=True)
class Selection:
    """The archivist's choice of files, and whether links inside the corpus are followed."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    follow_links: bool = False

    @classmethod
    def from_settings(cls, settings: IndexerSettings | None = None) -> Selection:
        s = settings or IndexerSettings.from_env()
        return cls(s.include, s.exclude, s.follow_links)

    def included(self, rel: str) -> bool:
        """Is ``rel`` (a POSIX path from the corpus root) named a document by --include?"""
        return any(_matches(p, rel) for p in self.include) and self.excluded(rel) is None

    def excluded(self, rel: str) -> str | None:
        """The --exclude pattern ``rel`` matches, or None."""
        return next((p for p in self.exclude if _matches(p, rel)), None)
