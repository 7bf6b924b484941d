"""What the readers make of a corpus, and how that compares with labels.

    python -m bench.reading CORPUS [--key expected.json | --gold gold.json --prefix P] [--show N]

Reads every file as a build does (furniture learnt over the whole corpus),
then prints coverage (documents with a date, by source; with an author; listings),
and, given labels, date and author accuracy with every miss. ``--show N``
prints the first N documents as read, paragraph by paragraph, for checking by
eye that no furniture is left.
"""

from __future__ import annotations

import argparse
import json
import time
import unicodedata
from collections import Counter
from pathlib import Path

from indexer.boilerplate import Furniture
from indexer.chunking import chunk
from indexer.models import Document
from indexer.readers import read_corpus


def _fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(c for c in text if c.isalnum() or c.isspace()).casefold().split())


def read(corpus: Path) -> tuple[dict[str, Document], float]:
    started = time.perf_counter()
    docs = [d for d in read_corpus(corpus) if isinstance(d, Document)]
    furniture = Furniture.learn(docs)
    out = {d.doc_id: furniture.strip(d) for d in docs}
    return out, time.perf_counter() - started


def labels(args) -> dict[str, dict]:
    """{doc_id: {"date", "authors"}} from the legacy site's key or a shared gold file."""
    if args.key:
        pages = json.loads(Path(args.key).read_text(encoding="utf-8"))["pages"]
        return {p: {"date": v["date"], "authors": v["authors"], "source": v["date_source"]}
                for p, v in pages.items()}
    out = {}
    for gold in args.gold or ():
        for d in json.loads(Path(gold).read_text(encoding="utf-8"))["documents"]:
            doc_id = d["doc"]
            if args.prefix and doc_id.startswith(args.prefix):
                doc_id = doc_id[len(args.prefix):]
            out[doc_id] = {"date": d.get("date"), "authors": [d["author"]] if d.get("author") else []}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--key", help="a legacy-site answer key (tests/fixtures/legacy_site/expected.json)")
    ap.add_argument("--gold", nargs="*", help="shared gold files (../shared/eval/*_gold.json)")
    ap.add_argument("--prefix", default="", help="strip this from gold doc paths (e.g. 'mia/')")
    ap.add_argument("--show", type=int, default=0, help="print this many documents as read")
    args = ap.parse_args()
    docs, seconds = read(args.corpus)
    n = len(docs)
    sources = Counter(d.published_source or "none" for d in docs.values())
    print(f"{n} documents read in {seconds:.1f} s ({n / seconds:,.0f}/s)")
    print(f"  with a date:    {n - sources['none']} ({(n - sources['none']) / n:.1%}); by source: "
          + ", ".join(f"{s} {c}" for s, c in sources.most_common()))
    authored = sum(1 for d in docs.values() if d.author)
    print(f"  with an author: {authored} ({authored / n:.1%})")
    print(f"  listings:       {sum(1 for d in docs.values() if d.kind == 'listing')}")
    want = labels(args)
    if want:
        dated = [k for k, v in want.items() if v["date"] and k in docs]
        right = [k for k in dated if docs[k].published == want[k]["date"]]
        bylined = [k for k, v in want.items() if v["authors"] and k in docs]
        named = [k for k in bylined if all(_fold(a) in _fold(docs[k].author) for a in want[k]["authors"])]
        false = [k for k, v in want.items() if k in docs and docs[k].author and not v["authors"]]
        print(f"labelled: {len(want)} ({len([k for k in want if k not in docs])} not read)")
        print(f"  dates right:   {len(right)}/{len(dated)} ({len(right) / max(1, len(dated)):.1%})")
        print(f"  authors right: {len(named)}/{len(bylined)} ({len(named) / max(1, len(bylined)):.1%});"
              f" authors where none is labelled: {len(false)}")
        for k in dated:
            if k not in right:
                print(f"  date miss   {k}: {docs[k].published} ({docs[k].published_source}) "
                      f"want {want[k]['date']}")
        for k in bylined:
            if k not in named:
                print(f"  author miss {k}: {docs[k].author!r} want {want[k]['authors']}")
        for k in false:
            print(f"  false author {k}: {docs[k].author!r}")
    for doc in list(docs.values())[: args.show]:
        print(f"\n== {doc.doc_id} [{doc.kind}] {doc.title!r} by {doc.author!r}, "
              f"{doc.published} ({doc.published_source})")
        for p in chunk(doc):
            print(f"   [{p.section[:30]}] {p.text[:150]}")


if __name__ == "__main__":
    main()
