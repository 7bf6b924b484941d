"""Indexer settings: read once from the environment, then frozen.

Command-line options override these (``python -m indexer build --include …``);
everything the indexer reads from the environment for choosing files is here.

>>> IndexerSettings.from_env({"ARCHIVE_INCLUDE": "*.php, *.inc", "ARCHIVE_FOLLOW_LINKS": "yes"}).include
('*.php', '*.inc')
>>> IndexerSettings.from_env({}).follow_links
False
>>> env_float("UNSET_" + "SETTING", 0.5)
0.5
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


class SettingsError(ValueError):
    """An environment variable has a value the indexer cannot use."""


def _globs(text: str) -> tuple[str, ...]:
    """Comma-separated glob patterns (a comma inside a pattern is not supported).

    >>> _globs(" *.php,, old/* ")
    ('*.php', 'old/*')
    """
    return tuple(p.strip() for p in text.split(",") if p.strip())


def _bool(var: str, text: str) -> bool:
    value = text.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise SettingsError(f"{var}={text!r}: expected one of 1/0, true/false, yes/no, on/off")


@dataclass(frozen=True)
class IndexerSettings:
    """What the indexer can be told through the environment."""

    corpus: Path = Path("corpus")  # ARCHIVE_CORPUS
    index_root: Path = Path("index")  # ARCHIVE_INDEX
    # Globs of files to read as documents whatever their name or content suggests
    # (binary files excepted), and of files and folders to leave out (exclude wins).
    include: tuple[str, ...] = ()  # ARCHIVE_INCLUDE
    exclude: tuple[str, ...] = ()  # ARCHIVE_EXCLUDE
    # Symbolic links that stay inside the corpus are followed only when asked:
    # a link is more often a mirror (every page twice) than a part of the archive.
    follow_links: bool = False  # ARCHIVE_FOLLOW_LINKS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> IndexerSettings:
        env = os.environ if environ is None else environ
        return cls(
            corpus=Path(env.get("ARCHIVE_CORPUS", "corpus")),
            index_root=Path(env.get("ARCHIVE_INDEX", "index")),
            include=_globs(env.get("ARCHIVE_INCLUDE", "")),
            exclude=_globs(env.get("ARCHIVE_EXCLUDE", "")),
            follow_links=_bool("ARCHIVE_FOLLOW_LINKS", env.get("ARCHIVE_FOLLOW_LINKS", "0")),
        )


def env_float(name: str, default: float) -> float:
    """``name`` from the environment as a number; the default when unset or not a number."""
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def env_int(name: str, default: int) -> int:
    """``name`` from the environment as a whole number; the default when unset or not one."""
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default
