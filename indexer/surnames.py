"""How many people share a surname, from the 1990 US Census surname table.

A bare surname that thousands of people carry ("Diaz", "Lewis", "Adams") names
the person an authority file knows only while that person is alive and in the
news; long after their death it is more likely someone else's. A rare one
("Stalin", "Trotsky") keeps meaning them. The table comes with the ``names``
package (MIT; the Census Bureau's data are public domain) and is read once per
process, only as far as the rank asked for.

>>> common_surname("Diaz"), common_surname("Lewis"), common_surname("Trotsky"), common_surname("Lincoln")
(True, True, False, False)
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from indexer.authority import fold

# "Common": among this many most frequent surnames of the table (Diaz is 99th, Lincoln 2,129th).
COMMON_RANK = 200


@cache
def _common(rank: int) -> frozenset[str]:
    table = resources.files("names").joinpath("dist.all.last")
    out = set()
    with table.open(encoding="ascii") as lines:
        for n, line in enumerate(lines):
            if n >= rank:
                break
            out.add(line.split()[0])
    return frozenset(out)


def common_surname(surname: str, rank: int = COMMON_RANK) -> bool:
    """Is ``surname`` among the ``rank`` most common (accents and case ignored)?"""
    return fold(surname).upper() in _common(rank)
