"""python -m indexer build|update|rollback|persons|stats

Errors print ``Error: …`` and exit 1; usage errors exit 2 (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from indexer.build import EmptyCorpus
from indexer.checksums import Damaged
from indexer.locking import WriterBusy

DEFAULT_CORPUS = os.environ.get("ARCHIVE_CORPUS", "corpus")
DEFAULT_INDEX = os.environ.get("ARCHIVE_INDEX", "index")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m indexer", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, corpus: bool = True) -> None:
        if corpus:
            p.add_argument("--corpus", type=Path, default=Path(DEFAULT_CORPUS),
                           help=f"corpus folder (default {DEFAULT_CORPUS}, env ARCHIVE_CORPUS)")
            p.add_argument("--authority", type=Path, default=None,
                           help="authority file (default <corpus>/persons.toml, else the project's)")
        p.add_argument("--index", type=Path, default=Path(DEFAULT_INDEX),
                       help=f"index root (default {DEFAULT_INDEX}, env ARCHIVE_INDEX)")

    b = sub.add_parser("build", help="rebuild from scratch into a new generation and switch to it")
    common(b)
    b.add_argument("--quiet", action="store_true", help="no progress bars")
    b.add_argument("--workers", type=int, default=None, help="annotation processes (default: cores)")
    u = sub.add_parser("update", help="apply only what changed in the corpus or authority file")
    common(u)
    u.add_argument("--quiet", action="store_true")
    r = sub.add_parser("rollback", help="serve the previous generation again")
    common(r, corpus=False)
    s = sub.add_parser("stats", help="what the served generation holds")
    common(s, corpus=False)
    p = sub.add_parser("persons", help="report discovered names, typo matches and ambiguous surnames")
    common(p)
    p.add_argument("--limit", type=int, default=100, help="names to list (default 100)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except WriterBusy as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    except (FileNotFoundError, NotADirectoryError, LookupError, EmptyCorpus, Damaged) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    from indexer import build, generations

    if args.command in ("build", "update", "persons") and not args.corpus.is_dir():
        raise NotADirectoryError(f"corpus folder {args.corpus} does not exist")
    if args.command == "build":
        report = build.build_corpus(
            args.corpus, args.index, args.authority, progress=not args.quiet, workers=args.workers
        )
        print(report.summary())
        return 0
    if args.command == "update":
        from indexer.update import update_corpus

        result = update_corpus(args.corpus, args.index, args.authority, progress=not args.quiet)
        print(result.summary())
        return 0
    if args.command == "rollback":
        gen = generations.rollback(args.index)
        print(f"Now serving {gen.name}")
        return 0
    if args.command == "stats":
        gen = generations.current(args.index)
        if gen is None:
            raise LookupError(f"no index generation in {args.index}; run `python -m indexer build`")
        print(json.dumps(gen.meta, indent=1))
        return 0
    if args.command == "persons":
        from indexer.persons import report as persons_report

        authority = args.authority or build.default_authority(args.corpus)
        print(persons_report(args.corpus, authority, limit=args.limit))
        return 0
    raise AssertionError(args.command)
