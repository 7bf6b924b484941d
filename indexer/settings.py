"""Indexer settings: every environment variable the indexer reads, in one place.

Command-line options override these (``python -m indexer build --include …``).
The command line reads them with :meth:`IndexerSettings.from_env`, which
refuses a value it cannot use; the modules whose tuning is fixed for a whole
process (paragraph sizes, furniture shares, shards) take theirs from
:func:`at_start`, read once.

>>> IndexerSettings.from_env({"ARCHIVE_INCLUDE": "*.php, *.inc", "ARCHIVE_FOLLOW_LINKS": "yes"}).include
('*.php', '*.inc')
>>> IndexerSettings.from_env({}).follow_links
False
>>> IndexerSettings.from_env({"ARCHIVE_MAX_PARAGRAPH_CHARS": "lots"}).max_paragraph_chars
4000
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path


class SettingsError(ValueError):
    """An environment variable has a value the indexer cannot use."""


def _comma_list(text: str) -> tuple[str, ...]:
    """Comma-separated items, such as glob patterns (a comma inside an item is not supported).

    >>> _comma_list(" *.php,, old/* ")
    ('*.php', 'old/*')
    """
    return tuple(p.strip() for p in text.split(",") if p.strip())


def _bool(var: str, text: str, strict: bool = True) -> bool:
    value = text.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""} or not strict:
        return False
    raise SettingsError(f"{var}={text!r}: expected one of 1/0, true/false, yes/no, on/off")


def _number(env: Mapping[str, str], var: str, default, kind=int):
    """``var`` as a number; the default when unset or not a number (tuning knobs are
    forgiving: a typo must not stop a build)."""
    try:
        return kind(env.get(var, default))
    except ValueError:
        return default


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
    # The corpus's authority layer (default: <corpus>/persons.toml) and the base
    # layer (None: the project's corpus/persons.toml; "off": none).
    authority: Path | None = None  # ARCHIVE_AUTHORITY
    base_authority: str | None = None  # ARCHIVE_BASE_AUTHORITY
    build_workers: int = field(default_factory=lambda: os.cpu_count() or 1)  # ARCHIVE_BUILD_WORKERS
    keep_generations: int = 2  # ARCHIVE_KEEP_GENERATIONS: finished ones kept besides CURRENT, PREVIOUS
    max_file_bytes: int = 20 * 1024 * 1024  # ARCHIVE_MAX_FILE_BYTES: larger files are skipped
    max_html_depth: int = 2000  # ARCHIVE_MAX_HTML_DEPTH: deeper nesting makes the parser crawl
    numeric_dates: str = "dmy"  # ARCHIVE_NUMERIC_DATES: "mdy" reads 03/04/2005 as March 4
    max_paragraph_chars: int = 4000  # ARCHIVE_MAX_PARAGRAPH_CHARS
    min_paragraph_words: int = 2  # ARCHIVE_MIN_PARAGRAPH_WORDS
    listing_link_share: float = 0.5  # ARCHIVE_LISTING_LINK_SHARE: a page mostly links is a listing
    boilerplate_share: float = 0.2  # ARCHIVE_BOILERPLATE_SHARE: of a folder's pages, for furniture
    boilerplate_min_docs: int = 5  # ARCHIVE_BOILERPLATE_MIN_DOCS
    city_min_population: int = 100_000  # ARCHIVE_CITY_MIN_POPULATION: a city name is no person's
    # Publishing (indexer/publish.py): the replicas' index roots as rsync destinations,
    # comma-separated, when --to names none; the rsync program; seconds without progress
    # before a copy is given up (the replica then keeps its generation).
    replicas: tuple[str, ...] = ()  # ARCHIVE_REPLICAS
    rsync: str = "rsync"  # ARCHIVE_RSYNC
    publish_timeout: float = 60.0  # ARCHIVE_PUBLISH_TIMEOUT
    rsync_shell: str = ""  # RSYNC_RSH, rsync's own: the remote shell for host:path replicas
    # A Dask scheduler's address: builds run their shards on its cluster (empty: on this machine).
    scheduler: str = ""  # ARCHIVE_SCHEDULER
    scheduler_timeout: float = 10.0  # ARCHIVE_SCHEDULER_TIMEOUT: seconds to reach it, or a worker

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None,
                 strict: bool = True) -> IndexerSettings:
        """The settings in ``environ`` (the process's environment by default).

        ``strict`` raises :class:`SettingsError` for a switch it cannot read;
        otherwise that switch is off. Numbers that do not parse keep their default.
        """
        env = os.environ if environ is None else environ
        d = cls()
        return cls(
            corpus=Path(env.get("ARCHIVE_CORPUS", "corpus")),
            index_root=Path(env.get("ARCHIVE_INDEX", "index")),
            include=_comma_list(env.get("ARCHIVE_INCLUDE", "")),
            exclude=_comma_list(env.get("ARCHIVE_EXCLUDE", "")),
            follow_links=_bool("ARCHIVE_FOLLOW_LINKS", env.get("ARCHIVE_FOLLOW_LINKS", "0"), strict),
            authority=Path(env["ARCHIVE_AUTHORITY"]) if env.get("ARCHIVE_AUTHORITY") else None,
            base_authority=env.get("ARCHIVE_BASE_AUTHORITY"),
            build_workers=_number(env, "ARCHIVE_BUILD_WORKERS", d.build_workers),
            keep_generations=_number(env, "ARCHIVE_KEEP_GENERATIONS", d.keep_generations),
            max_file_bytes=_number(env, "ARCHIVE_MAX_FILE_BYTES", d.max_file_bytes),
            max_html_depth=_number(env, "ARCHIVE_MAX_HTML_DEPTH", d.max_html_depth),
            numeric_dates=env.get("ARCHIVE_NUMERIC_DATES", d.numeric_dates).lower(),
            max_paragraph_chars=_number(env, "ARCHIVE_MAX_PARAGRAPH_CHARS", d.max_paragraph_chars),
            min_paragraph_words=_number(env, "ARCHIVE_MIN_PARAGRAPH_WORDS", d.min_paragraph_words),
            listing_link_share=_number(env, "ARCHIVE_LISTING_LINK_SHARE", d.listing_link_share,
                                       float),
            boilerplate_share=_number(env, "ARCHIVE_BOILERPLATE_SHARE", d.boilerplate_share, float),
            boilerplate_min_docs=_number(env, "ARCHIVE_BOILERPLATE_MIN_DOCS",
                                         d.boilerplate_min_docs),
            city_min_population=_number(env, "ARCHIVE_CITY_MIN_POPULATION",
                                        d.city_min_population),
            replicas=_comma_list(env.get("ARCHIVE_REPLICAS", "")),
            rsync=env.get("ARCHIVE_RSYNC", d.rsync) or d.rsync,
            publish_timeout=_number(env, "ARCHIVE_PUBLISH_TIMEOUT", d.publish_timeout, float),
            rsync_shell=env.get("RSYNC_RSH", ""),
            scheduler=env.get("ARCHIVE_SCHEDULER", "").strip(),
            scheduler_timeout=_number(env, "ARCHIVE_SCHEDULER_TIMEOUT", d.scheduler_timeout, float),
        )


@cache
def at_start() -> IndexerSettings:
    """The settings as the process found them when it first asked (read once)."""
    return IndexerSettings.from_env(strict=False)
