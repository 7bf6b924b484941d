"""Our readers against well-kept libraries, on labelled pages.

    python -m bench.libraries [--site tests/fixtures/legacy_site] [--shared ../shared/corpus]

Dates: htmldate and dateparser against our metadata/byline/dateline/path
rules, on the legacy site's answer key (accuracy) and on the shared corpus's
HTML pages (how many get a date, pages per second). Text: trafilatura and
jusText against our HTML reader on the legacy site: furniture lines left,
the key's header lines left, and body words lost (against our reading).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from bench.reading import read

REPO = Path(__file__).resolve().parents[1]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def dates(site: Path, shared: Path | None) -> None:
    import dateparser
    from htmldate import find_date

    key = json.loads((site / "expected.json").read_text(encoding="utf-8"))["pages"]
    ours, seconds = read(site)
    rows = {"ours": (sum(ours[p].published == v["date"] for p, v in key.items()), seconds)}
    t = time.perf_counter()
    right = 0
    for page, v in key.items():
        got = find_date((site / page).read_bytes().decode("utf-8", "replace"), url=page,
                        original_date=True, outputformat="%Y-%m-%d", min_date="1990-01-01")
        right += got == v["date"] or (got is None and v["date"] is None)
    rows["htmldate"] = (right, time.perf_counter() - t)
    t = time.perf_counter()
    right = 0
    for page, v in key.items():
        found = None
        # dateparser reads one string: give it each of the page's first lines, as our dateline rule sees them.
        text = re.sub(r"<[^>]+>", "\n", (site / page).read_bytes().decode("utf-8", "replace"))
        for line in [ln.strip() for ln in text.split("\n") if ln.strip()][:40]:
            if len(line) < 60 and any(ch.isdigit() for ch in line):
                d = dateparser.parse(line, settings={"STRICT_PARSING": True})
                if d:
                    found = d.strftime("%Y-%m-%d")
                    break
        right += found == v["date"] or (found is None and v["date"] is None)
    rows["dateparser"] = (right, time.perf_counter() - t)
    print(f"legacy site dates ({len(key)} pages): right, pages/s")
    for name, (n, s) in rows.items():
        print(f"  {name:10} {n}/{len(key)}  {len(key) / s:,.0f}/s")
    if shared:
        pages = sorted(p for p in shared.rglob("*") if p.suffix in {".htm", ".html"} and p.is_file())
        t = time.perf_counter()
        found = sum(1 for p in pages if find_date(p.read_bytes().decode("utf-8", "replace"),
                                                  original_date=True, min_date="1400-01-01"))
        s = time.perf_counter() - t
        mine, ms = read(shared)
        html = [d for d in mine.values() if d.source_format == "html"]
        print(f"shared HTML pages ({len(pages)}): with a date, pages/s")
        print(f"  htmldate   {found}  {len(pages) / s:,.0f}/s")
        print(f"  ours       {sum(1 for d in html if d.published)}  (whole corpus read at "
              f"{len(mine) / ms:,.0f} docs/s)")


def text(site: Path) -> None:
    import justext
    import trafilatura

    key = json.loads((site / "expected.json").read_text(encoding="utf-8"))
    ours, seconds = read(site)
    readers = {"ours": lambda page: "\n".join(b.text for b in ours[page].blocks)}

    def traf(page: str) -> str:
        raw = (site / page).read_bytes().decode("utf-8", "replace")
        return trafilatura.extract(raw, include_comments=False, favor_recall=True) or ""

    def jt(page: str) -> str:
        paras = justext.justext((site / page).read_bytes(), justext.get_stoplist("English"))
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    readers["trafilatura"], readers["justext"] = traf, jt
    print(f"legacy site text ({len(key['pages'])} pages): furniture lines left, header lines left, "
          "body words lost vs ours, pages/s")
    for name, fn in readers.items():
        t = time.perf_counter()
        out = {p: fn(p) for p in key["pages"]}
        s = seconds if name == "ours" else time.perf_counter() - t
        furniture = sum(line.casefold() in o.casefold() for o in out.values() for line in key["boilerplate"])
        header = sum(line in out[p] for p, v in key["pages"].items() for line in v.get("not_in_text", []))
        body = [_words(readers["ours"](p)) for p in key["pages"]]
        lost = sum(len(b - _words(out[p])) for b, p in zip(body, key["pages"]))
        print(f"  {name:11} {furniture:3} {header:3} {lost:4} of {sum(len(b) for b in body)}"
              f"  {len(out) / s:,.0f}/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, default=REPO / "tests" / "fixtures" / "legacy_site")
    ap.add_argument("--shared", type=Path, default=None)
    args = ap.parse_args()
    dates(args.site, args.shared)
    text(args.site)


if __name__ == "__main__":
    main()
