"""``python -m bench.sniffing [CORPUS...]``: what reading by content costs per file.

Times, over every file of the given corpora (default: the shared ones),
held in memory so the disk is not measured:

- the old decision by extension (a dictionary lookup),
- :func:`indexer.readers.sniff.sniff` (our sniffer: signatures, markup, fragments),
- ``puremagic.from_string`` when it is installed (signatures only: it names
  binary formats but cannot tell Markdown, plain text or an HTML fragment),
- a whole :func:`indexer.readers.read_file`, for scale.

Each is run three times in this process and the best run reported, with the
kinds the sniffer found.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from bench.corpus_gen import SHARED
from indexer.readers import read_file
from indexer.readers.sniff import TRUSTED, sniff


def _best(fn, items, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for item in items:
            fn(item)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or sorted(p for p in (SHARED / "corpus").iterdir() if p.is_dir())
    files = [(root, p) for root in roots for p in sorted(root.rglob("*")) if p.is_file()]
    if not files:
        print(f"Error: no files under {', '.join(map(str, roots))}", file=sys.stderr)
        return 1
    raws = [(p.read_bytes(), p.suffix.lower()) for _, p in files]
    n = len(raws)
    rows = [("by extension", _best(lambda r: TRUSTED.get(r[1]), raws)),
            ("indexer.readers.sniff.sniff", _best(lambda r: sniff(*r), raws))]
    try:
        import puremagic  # type: ignore[import-not-found]

        def magic(r: tuple[bytes, str]) -> None:
            try:
                puremagic.from_string(r[0][:8192])
            except puremagic.PureError:
                pass

        rows.append(("puremagic.from_string", _best(magic, raws)))
    except ImportError:
        pass
    rows.append(("read_file (whole reading)", _best(lambda f: read_file(f[1], f[0]), files, repeat=1)))
    print(f"{n} files, {sum(len(r) for r, _ in raws) / 1e6:.1f} MB, from {', '.join(map(str, roots))}")
    print("| step | files/s | µs per file |")
    print("|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {n / seconds:,.0f} | {seconds / n * 1e6:,.1f} |")
    print("kinds:", dict(Counter(sniff(*r).kind for r in raws)))
    # The same files as a legacy export would hold them (every page saved as .php):
    # how often does the content alone give the format the extension gives?
    labelled = [(raw, TRUSTED[suffix]) for raw, suffix in raws if suffix in TRUSTED]
    blind = [(raw, ".php") for raw, _ in labelled]
    seconds = _best(lambda r: sniff(*r), blind)
    found = Counter((want, sniff(raw, ".php").kind) for (raw, want) in labelled)
    agree = sum(c for (want, got), c in found.items() if want == got)
    print(f"content only (as .php): {len(blind) / seconds:,.0f} files/s; agrees with the extension on "
          f"{agree}/{len(labelled)} ({agree / len(labelled):.1%}); (extension, content): "
          + ", ".join(f"{w}->{g} {c}" for (w, g), c in sorted(found.items()) if w != g))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
