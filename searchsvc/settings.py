"""Service settings: read once from the environment, then frozen.

Every limit the service enforces is a setting with a safe default, so an
operator can tune it without touching code (Starlette's ``Config`` pattern:
environment first, then the default, with a cast).

>>> Settings.from_env({"ARCHIVE_MAX_PAGE_SIZE": "50"}).max_page_size
50
>>> Settings.from_env({}).cors_origins
()
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class SettingsError(ValueError):
    """An environment variable has a value the service cannot use."""


def _bool(text: str) -> bool:
    """Parse a yes/no environment value.

    >>> _bool("yes"), _bool("0")
    (True, False)
    """
    value = text.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected one of 1/0, true/false, yes/no, on/off, not {text!r}")


def _origins(text: str) -> tuple[str, ...]:
    """Comma-separated origins.

    >>> _origins(" https://a.org, https://b.org ")
    ('https://a.org', 'https://b.org')
    """
    return tuple(o.strip() for o in text.split(",") if o.strip())


# (attribute, environment variable, cast, minimum) — the single source of truth,
# also used by the documentation test that checks every variable is documented.
ENVIRONMENT: dict[str, tuple[str, Callable[[str], Any], float | None]] = {
    "index_root": ("ARCHIVE_INDEX", Path, None),
    "host": ("ARCHIVE_HOST", str, None),
    "port": ("ARCHIVE_PORT", int, 0),
    "workers": ("ARCHIVE_WORKERS", int, 1),
    "reload_seconds": ("ARCHIVE_RELOAD_SECONDS", float, 0.05),
    "max_query_length": ("ARCHIVE_MAX_QUERY_LENGTH", int, 1),
    "max_terms": ("ARCHIVE_MAX_TERMS", int, 1),
    "max_filters": ("ARCHIVE_MAX_FILTERS", int, 1),
    "max_page_size": ("ARCHIVE_MAX_PAGE_SIZE", int, 1),
    "default_page_size": ("ARCHIVE_PAGE_SIZE", int, 1),
    "max_depth": ("ARCHIVE_MAX_DEPTH", int, 1),
    "max_wildcard_expansions": ("ARCHIVE_MAX_WILDCARD", int, 1),
    "facet_size": ("ARCHIVE_FACET_SIZE", int, 1),
    "time_limit": ("ARCHIVE_TIME_LIMIT", float, 0.01),
    "search_threads": ("ARCHIVE_SEARCH_THREADS", int, 1),
    "search_queue": ("ARCHIVE_SEARCH_QUEUE", int, 0),
    "heavy_cost": ("ARCHIVE_HEAVY_COST", float, 0.0),
    "heavy_threads": ("ARCHIVE_HEAVY_THREADS", int, 1),
    "heavy_queue": ("ARCHIVE_HEAVY_QUEUE", int, 0),
    "heavy_time_limit": ("ARCHIVE_HEAVY_TIME_LIMIT", float, 0.01),
    "heavy_share": ("ARCHIVE_HEAVY_SHARE", float, 0.05),
    "max_wildcards": ("ARCHIVE_MAX_WILDCARDS", int, 0),
    "cache_size": ("ARCHIVE_CACHE_SIZE", int, 0),
    "cache_bytes": ("ARCHIVE_CACHE_BYTES", int, 0),
    "public_url": ("ARCHIVE_PUBLIC_URL", str, None),
    "cors_origins": ("ARCHIVE_CORS_ORIGINS", _origins, None),
    "access_log_json": ("ARCHIVE_ACCESS_LOG_JSON", _bool, None),
    "rate_limit": ("ARCHIVE_RATE_LIMIT", int, 0),
    "admin_token": ("ARCHIVE_ADMIN_TOKEN", str, None),
    "corpus": ("ARCHIVE_CORPUS", Path, None),
    "metrics": ("ARCHIVE_METRICS", _bool, None),
    "index_copy": ("ARCHIVE_INDEX_COPY", _bool, None),
    "max_header_bytes": ("ARCHIVE_MAX_HEADER_BYTES", int, 1024),
    "max_headers": ("ARCHIVE_MAX_HEADERS", int, 1),
    "header_timeout": ("ARCHIVE_HEADER_TIMEOUT", float, 0.1),
    "idle_timeout": ("ARCHIVE_IDLE_TIMEOUT", float, 0.1),
    "read_timeout": ("ARCHIVE_READ_TIMEOUT", float, 0.1),
    "probe_seconds": ("ARCHIVE_PROBE_SECONDS", float, 0),
    "probe_timeout": ("ARCHIVE_PROBE_TIMEOUT", float, 0.1),
}


@dataclass(frozen=True)
class Settings:
    """Everything the service can be told; defaults are safe for a public site."""

    index_root: Path = Path("index")
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    reload_seconds: float = 2.0  # how often CURRENT is polled for a new generation
    max_query_length: int = 500  # characters in q
    max_terms: int = 32  # words/operands in q after parsing
    max_filters: int = 20  # person+year+decade+published values together
    max_page_size: int = 100
    default_page_size: int = 10
    max_depth: int = 1000  # page * size may not exceed this (deep paging is a scraper's tool)
    max_wildcard_expansions: int = 50  # a* expands to at most this many words
    facet_size: int = 15  # person values shown before "more"
    time_limit: float = 5.0  # seconds one search may take before it is abandoned (503)
    # Searches one worker runs at once; more wait their turn (within time_limit).
    # Searching is CPU-bound Python: threads beyond this only share the GIL.
    search_threads: int = 2
    # Searches waiting for a slot, at most; one more is refused (503, Retry-After)
    # without waiting for a slot.
    # Room for a busy site's visitors (the load test's 50 clients put 25 on a worker):
    # a waiting search costs nothing, and one still waiting at its deadline never starts.
    search_queue: int = 64
    # Queries estimated to read more postings than this many times the paragraph count
    # (see admission.py) run in their own lane: heavy_threads at once, heavy_queue
    # waiting, heavy_time_limit seconds each, so they cannot starve the others.
    heavy_cost: float = 6.0
    heavy_threads: int = 1
    heavy_queue: int = 2
    heavy_time_limit: float = 1.0
    heavy_share: float = 0.5  # of the time a heavy slot may work (it rests the rest)
    max_wildcards: int = 8  # words with * or ? in q, counted before any is expanded
    cache_size: int = 512  # responses kept per generation (LRU); 0 disables
    # ...and at most this many bytes of them (JSON size): one response can be 100 times
    # another, so a count alone does not bound memory.
    cache_bytes: int = 64 * 1024 * 1024
    # Base of permalinks and citations, e.g. https://archive.example.org; empty: links
    # are relative and citations use host:port. Never taken from the Host header.
    public_url: str = ""
    cors_origins: tuple[str, ...] = ()  # none: the API is same-origin only
    access_log_json: bool = False
    rate_limit: int = 0  # requests per minute per client address; 0 = off
    admin_token: str = ""  # empty disables /admin/* and /api/admin/*
    corpus: Path = Path("corpus")  # what POST /api/admin/update re-reads
    metrics: bool = True  # GET /metrics (Prometheus text)
    # Serve the mapped index files from sealed in-memory copies, so a file
    # truncated on disk cannot kill a worker (SIGBUS); costs a copy per worker.
    index_copy: bool = True
    # What one connection may make a worker wait for (searchsvc/connections.py).
    max_header_bytes: int = 32768  # request line + headers; 431 beyond
    max_headers: int = 100  # header fields; 431 beyond
    header_timeout: float = 10.0  # seconds from a request's first byte to its last header; 408
    idle_timeout: float = 5.0  # seconds a connection may wait before (each) request
    read_timeout: float = 10.0  # longest gap while a request body arrives; 408
    # The supervisor asks each worker for /healthz this often (0: never) and
    # replaces one that twice in a row does not answer within probe_timeout.
    probe_seconds: float = 5.0
    probe_timeout: float = 5.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the settings; a bad value raises :class:`SettingsError` naming the variable."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for name, (var, cast, minimum) in ENVIRONMENT.items():
            raw = env.get(var)
            if raw is None:
                continue
            try:
                value = cast(raw)
            except (TypeError, ValueError) as exc:
                raise SettingsError(f"{var}={raw!r}: {exc}") from None
            if minimum is not None and value < minimum:
                raise SettingsError(f"{var}={raw!r}: must be at least {minimum}")
            values[name] = value
        settings = cls(**values)
        if settings.public_url and not settings.public_url.startswith(("http://", "https://")):
            raise SettingsError("ARCHIVE_PUBLIC_URL must start with http:// or https://")
        if settings.heavy_share > 1:
            raise SettingsError("ARCHIVE_HEAVY_SHARE must be at most 1")
        if settings.default_page_size > settings.max_page_size:
            raise SettingsError("ARCHIVE_PAGE_SIZE must not exceed ARCHIVE_MAX_PAGE_SIZE")
        return settings
