"""Which authority files apply to a corpus, and the one authority they make together.

Layers, each extending and overriding the ones before it:

1. the **base layer**: the project's shipped ``corpus/persons.toml`` (well-known
   people of labour and political history, with their relatives told apart by
   date). It applies to every corpus unless ``ARCHIVE_BASE_AUTHORITY=off``;
   ``ARCHIVE_BASE_AUTHORITY=/path/file.toml`` puts another file in its place.
2. the **corpus layer**: ``--authority FILE``, else ``ARCHIVE_AUTHORITY``, else
   the corpus's own ``<corpus>/persons.toml``.

Why the base layer applies by default: a new archive's first build should
already know Lincoln from a lincoln-memorial and both Bushes apart, and adding
the corpus's own file later must not change any id the first build served
(that broke saved ``person=`` links). docs/authority.md says more.

>>> [p.name for p in layer_paths(PROJECT_AUTHORITY.parent, base="off")]
['persons.toml']
"""

from __future__ import annotations

from pathlib import Path

from indexer.authority import Authority
from indexer.settings import IndexerSettings

AUTHORITY_NAME = "persons.toml"
PROJECT_AUTHORITY = Path(__file__).resolve().parent.parent / "corpus" / AUTHORITY_NAME
_OFF = {"off", "none", "no", "0", "false", ""}


def base_setting() -> str | None:
    """``ARCHIVE_BASE_AUTHORITY`` as set, or None (the project's file)."""
    return IndexerSettings.from_env(strict=False).base_authority


def layer_paths(corpus: Path, explicit: Path | None = None, base: str | None = None) -> list[Path]:
    """The authority files that apply to ``corpus``, base first; only files that exist.

    ``base`` overrides ``ARCHIVE_BASE_AUTHORITY`` ("off" or a path); ``explicit``
    is the corpus layer chosen on the command line.
    """
    base = base_setting() if base is None else base
    paths: list[Path] = []
    if base is None:
        paths.append(PROJECT_AUTHORITY)
    elif base.strip().lower() not in _OFF:
        paths.append(Path(base))
    env = IndexerSettings.from_env(strict=False).authority
    corpus_layer = explicit or env or Path(corpus) / AUTHORITY_NAME
    paths.append(corpus_layer)
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        if p.is_file() and p.resolve() not in seen:  # the project's own corpus: one layer, not two
            seen.add(p.resolve())
            out.append(p)
    return out


def missing_layers(corpus: Path, explicit: Path | None = None, base: str | None = None) -> list[str]:
    """Files named explicitly (option or setting) that do not exist: worth a warning, not a failure."""
    base = base_setting() if base is None else base
    named = [explicit] if explicit else []
    if base is not None and base.strip().lower() not in _OFF:
        named.append(Path(base))
    env = IndexerSettings.from_env(strict=False).authority
    if env and not explicit:
        named.append(env)
    return [f"authority file {p} does not exist; not applied" for p in named if not p.is_file()]


def load_authority(corpus: Path, explicit: Path | None = None, base: str | None = None) -> Authority:
    """The merged authority for ``corpus`` (empty when no file applies).

    ``authority.layers`` says which files applied and what each brought; the
    build summary prints it.
    """
    layers = [Authority.load(p) for p in layer_paths(corpus, explicit, base)]
    authority = Authority.layered(layers)
    authority.problems[:0] = missing_layers(corpus, explicit, base)
    return authority
