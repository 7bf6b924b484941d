"""Skipped files, told the way an archivist can act on: grouped by reason, then listed in full.

A build of a website export can skip thousands of files for a handful of
reasons, so the summary shows each reason once with its count and a few
examples, and the full list goes to a TSV file (path, reason) beside the
generation it concerns.

>>> from indexer.models import Skipped
>>> items = [Skipped("a.pdf", "unsupported format .pdf"), Skipped("b.pdf", "unsupported format .pdf"),
...          Skipped("big.txt", "too large (9 bytes; limit 1)")]
>>> print("\\n".join(summary_lines(items, examples=1)))
  skipped:    3 files
    2  unsupported format .pdf: a.pdf, ...
    1  too large: big.txt (9 bytes; limit 1)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from indexer.models import Skipped

SKIPPED_FILE = "skipped.tsv"  # in each generation: every file the build or update passed over
EXAMPLES = 3

# Details after the reason proper: "too large (12,000 bytes...)", "cannot parse: ValueError: ...".
_DETAIL = re.compile(r"\s*(?:\(|: ).*$", re.S)


def reason_group(reason: str) -> str:
    """The reason without its details, so that like files count together.

    >>> reason_group("cannot parse: ValueError: bad"), reason_group("template fragment: an HTML ...")
    ('cannot parse', 'template fragment')
    """
    return _DETAIL.sub("", reason) or reason


def grouped(skipped: Iterable[Skipped]) -> list[tuple[str, list[Skipped]]]:
    """(reason group, its files) with the most common reason first."""
    groups: dict[str, list[Skipped]] = {}
    for s in skipped:
        groups.setdefault(reason_group(s.reason), []).append(s)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def summary_lines(skipped: list[Skipped], examples: int = EXAMPLES, report: Path | None = None) -> list[str]:
    lines = [f"  skipped:    {len(skipped)} files" + (f" (all listed in {report})" if report and skipped else "")]
    for group, items in grouped(skipped):
        shown = []
        for s in items[:examples]:
            # The details when the reason says more than the group does (sizes, errors).
            detail = s.reason[len(group):].strip(" :") if s.reason.startswith(group) else s.reason
            if detail.startswith("(") and detail.endswith(")"):
                detail = detail[1:-1]
            shown.append(f"{s.path} ({detail})" if detail else s.path)
        more = ", ..." if len(items) > examples else ""
        lines.append(f"    {len(items)}  {group}: {', '.join(shown)}{more}")
    return lines


def write_tsv(path: Path, skipped: Iterable[Skipped]) -> Path:
    """Write ``path\\treason`` lines (tabs and newlines in either replaced by spaces)."""
    def clean(text: str) -> str:
        return re.sub(r"[\t\r\n]", " ", text)

    rows = ["path\treason"] + [f"{clean(s.path)}\t{clean(s.reason)}" for s in skipped]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(rows) + "\n", encoding="utf-8", errors="surrogateescape")
    tmp.replace(path)
    return path


def suffixes_seen(skipped: Iterable[Skipped]) -> Counter[str]:
    """How many skipped files had each extension ("(none)" for none), for advice.

    >>> suffixes_seen([Skipped("a/b.PHP", "x"), Skipped("c", "y")])
    Counter({'.php': 1, '(none)': 1})
    """
    out: Counter[str] = Counter()
    for s in skipped:
        if s.path.endswith("/"):
            continue  # a folder
        name = s.path.rsplit("/", 1)[-1]
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name.strip(".") else ""
        out[f".{suffix}" if suffix else "(none)"] += 1
    return out
