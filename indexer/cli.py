"""python -m indexer build|update|publish|rollback|persons|stats|inspect

Errors print ``Error: …`` and exit 1; usage errors exit 2 (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from indexer.build import EmptyCorpus
from indexer.cluster import ClusterError
from indexer.engine.checksums import Damaged
from indexer.locking import WriterBusy
from indexer.publish import PublishError
from indexer.selection import Selection
from indexer.settings import IndexerSettings, SettingsError


def _selection_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--include", action="append", default=None, metavar="GLOB",
                   help="read matching files as documents whatever their name or content suggests "
                        "(repeatable; env ARCHIVE_INCLUDE, comma-separated)")
    p.add_argument("--exclude", action="append", default=None, metavar="GLOB",
                   help="skip matching files and folders (repeatable; wins over --include; env ARCHIVE_EXCLUDE)")
    p.add_argument("--follow-links", action="store_true", default=None,
                   help="follow symbolic links that stay inside the corpus (env ARCHIVE_FOLLOW_LINKS)")


def selection_from(args: argparse.Namespace, env: IndexerSettings) -> Selection:
    """The environment's selection, with the command line's options in its place where given."""
    return Selection(
        include=tuple(args.include) if args.include is not None else env.include,
        exclude=tuple(args.exclude) if args.exclude is not None else env.exclude,
        follow_links=bool(args.follow_links) if args.follow_links is not None else env.follow_links,
    )


def _replica_options(p: argparse.ArgumentParser, env: IndexerSettings) -> None:
    p.add_argument("--to", action="append", default=None, metavar="DEST", dest="replicas",
                   help="a replica's index root: a path, rsync://host/module/path or [user@]host:path "
                        "(repeatable; env ARCHIVE_REPLICAS, comma-separated)")
    p.set_defaults(env_replicas=list(env.replicas))
    p.add_argument("--healthz", action="append", default=[], metavar="URL",
                   help="a replica's /healthz URL: wait until it serves the generation "
                        "(repeatable; at most ARCHIVE_PUBLISH_TIMEOUT seconds)")


def _parser(env: IndexerSettings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m indexer", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, corpus: bool = True) -> None:
        if corpus:
            p.add_argument("--corpus", type=Path, default=env.corpus,
                           help=f"corpus folder (default {env.corpus}, env ARCHIVE_CORPUS)")
            p.add_argument("--authority", type=Path, default=None,
                           help="the corpus's authority file (default <corpus>/persons.toml, env "
                           "ARCHIVE_AUTHORITY), applied over the project's base layer")
            p.add_argument("--no-base-authority", action="store_true",
                           help="do not apply the project's corpus/persons.toml as a base layer "
                           "(env ARCHIVE_BASE_AUTHORITY=off)")
        p.add_argument("--index", type=Path, default=env.index_root,
                       help=f"index root (default {env.index_root}, env ARCHIVE_INDEX)")

    b = sub.add_parser("build", help="rebuild from scratch into a new generation and switch to it")
    common(b)
    b.add_argument("--quiet", action="store_true", help="no progress bars")
    b.add_argument("--workers", type=int, default=None, help="annotation processes (default: cores)")
    b.add_argument("--scheduler", default=env.scheduler, metavar="ADDRESS",
                   help="run the shards on the Dask cluster of this scheduler, e.g. tcp://HOST:8786 "
                        "(env ARCHIVE_SCHEDULER; default: on this machine)")
    _selection_options(b)
    u = sub.add_parser("update", help="apply only what changed in the corpus or authority file")
    common(u)
    u.add_argument("--quiet", action="store_true")
    _selection_options(u)
    pub = sub.add_parser("publish", help="copy the served generation to replicas, verify it, switch them")
    common(pub, corpus=False)
    _replica_options(pub, env)
    pub.add_argument("--generation", default=None, metavar="NAME",
                     help="publish this finished generation instead of the one served")
    pub.add_argument("--checksum", action="store_true",
                     help="compare every file's contents, not its size and time, when copying "
                          "(mends a copy that failed verification)")
    r = sub.add_parser("rollback", help="serve the previous generation again (here, and on --to replicas)")
    common(r, corpus=False)
    _replica_options(r, env)
    s = sub.add_parser("stats", help="what the served generation holds")
    common(s, corpus=False)
    p = sub.add_parser("persons", help="report discovered names, typo matches and ambiguous surnames")
    common(p)
    p.add_argument("--limit", type=int, default=100, help="names to list (default 100)")
    i = sub.add_parser("inspect", help="show what the reader makes of files, as a build would index them")
    i.add_argument("files", nargs="+", type=Path, metavar="FILE")
    i.add_argument("--corpus", type=Path, default=None,
                   help="corpus folder the files belong to (default: the nearest folder above them "
                        "holding a catalogue, else their own folder)")
    i.add_argument("--json", action="store_true", help="one JSON object per file, as a JSON list")
    i.add_argument("--full", action="store_true", help="paragraphs in full, not abbreviated")
    _selection_options(i)
    return parser


def _base(args: argparse.Namespace) -> str | None:
    """The base layer setting: the option turns it off, else ARCHIVE_BASE_AUTHORITY decides."""
    return "off" if args.no_base_authority else None


def main(argv: list[str] | None = None) -> int:
    try:
        env = IndexerSettings.from_env()
    except SettingsError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 2
    args = _parser(env).parse_args(argv)
    args.selection = selection_from(args, env) if hasattr(args, "include") else None
    try:
        return _run(args)
    except WriterBusy as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    except (FileNotFoundError, NotADirectoryError, LookupError, EmptyCorpus, Damaged,
            PublishError, ClusterError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    from indexer import build
    from indexer.engine import generations

    if args.command == "inspect":
        from indexer.inspection import inspect_files

        return inspect_files(args.files, args.corpus, args.selection, as_json=args.json, full=args.full)
    if args.command in ("build", "update", "persons") and not args.corpus.is_dir():
        raise NotADirectoryError(f"corpus folder {args.corpus} does not exist")
    if args.command == "build":
        report = build.build_corpus(
            args.corpus, args.index, args.authority, progress=not args.quiet, workers=args.workers,
            selection=args.selection,
            base=_base(args), scheduler=args.scheduler or None,
        )
        print(report.summary())
        return 0
    if args.command == "update":
        from indexer.update import update_corpus

        result = update_corpus(args.corpus, args.index, args.authority, progress=not args.quiet,
                               selection=args.selection, base=_base(args))
        print(result.summary())
        return 0
    if args.command in ("publish", "rollback"):
        return _publish(args)
    if args.command == "stats":
        gen = generations.current(args.index)
        if gen is None:
            raise LookupError(f"no index generation in {args.index}; run `python -m indexer build`")
        print(json.dumps(gen.meta, indent=1))
        return 0
    if args.command == "persons":
        from indexer.curation import report as persons_report

        print(persons_report(args.corpus, args.authority, limit=args.limit,
                             base=_base(args)))
        return 0
    raise AssertionError(args.command)


def _publish(args: argparse.Namespace) -> int:
    """publish, or rollback: exit 1 naming every replica that did not switch."""
    from indexer import publish
    from indexer.engine import generations

    replicas = args.replicas if args.replicas is not None else args.env_replicas
    if args.command == "rollback" and not replicas:
        gen = generations.rollback(args.index)
        print(f"Now serving {gen.name}")
        return 0
    def said(outcome: publish.ReplicaOutcome) -> None:
        print(outcome.line(), flush=True)

    try:
        report = (publish.rollback(args.index, replicas, on_replica=said) if args.command == "rollback"
                  else publish.publish(args.index, replicas, args.generation, on_replica=said,
                                       compare_contents=args.checksum))
    except ValueError as e:  # a destination that is not one
        print(f"Error: {e}", file=sys.stderr)
        return 2
    print(report.summary().splitlines()[0])
    behind = _converge(args.healthz, report.generation)
    if report.failed:
        print(f"Error: {report.error()}", file=sys.stderr)
        return 1
    if behind:
        print(f"Error: {len(behind)} of {len(args.healthz)} replicas do not serve {report.generation}: "
              + "; ".join(behind), file=sys.stderr)
        return 1
    return 0


def _converge(urls: list[str], name: str) -> list[str]:
    """Wait for the replicas' /healthz to report ``name``; the ones that did not, described."""
    from indexer.publish import converge

    behind = []
    for url, (seen, seconds) in converge(urls, name).items():
        if seen == name:
            print(f"  {url}: serving {name} after {seconds:.1f} s")
        else:
            behind.append(f"{url} reports {seen or 'no generation'} after {seconds:.0f} s")
    return behind
