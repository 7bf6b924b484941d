"""How common a surname or a given name is, from the 1990 US Census name tables.

A bare surname that thousands of people carry ("Diaz", "Lewis", "Adams") names
the person an authority file knows only while that person is alive and in the
news; long after their death it is more likely someone else's. A rare one
("Stalin", "Trotsky") keeps meaning them. The given-name tables say which names
are given names at all ("Desmond", "Oksana"), and to which sex ("Mrs. Carrasco"
is not Luis). The tables come with the ``names`` package (MIT; the Census
Bureau's data are public domain) and are read once per process.

>>> common_surname("Diaz"), common_surname("Lewis"), common_surname("Trotsky"), common_surname("Lincoln")
(True, True, False, False)
>>> given_name_sex("Graciela"), given_name_sex("Luis"), given_name_sex("Zsuzsa")
('f', 'm', None)
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from indexer.folding import fold_in_place

# "Common": among this many most frequent surnames of the table (Diaz is 99th, Lincoln 2,129th).
COMMON_RANK = 200
COMMON_GIVEN_SHARE = 0.05  # per cent: one man or woman in 2,000, about the 400 commonest names
# A name is one sex's when the tables give it to that sex this many times as often.
SEX_RATIO = 10


def _table(name: str) -> list[tuple[str, float]]:
    """(NAME, per cent of residents) for each line of one of the package's tables, most common first."""
    text = resources.files("names").joinpath(name).read_text(encoding="ascii")
    return [(parts[0], float(parts[1])) for parts in (line.split() for line in text.splitlines()) if parts]


@cache
def _surname_ranks() -> dict[str, int]:
    return {name: rank for rank, (name, _) in enumerate(_table("dist.all.last"), 1)}


def common_surname(surname: str, rank: int = COMMON_RANK) -> bool:
    """Is ``surname`` among the ``rank`` most common (accents and case ignored)?"""
    return _surname_ranks().get(fold_in_place(surname).upper(), rank + 1) <= rank


@cache
def given_name_shares() -> tuple[dict[str, float], dict[str, float]]:
    """Per cent of men and of women carrying each given name ("Desmond": ...), title-cased."""
    return tuple({name.title(): share for name, share in _table(t)}  # type: ignore[return-value]
                 for t in ("dist.male.first", "dist.female.first"))


@cache
def common_given_name(name: str) -> bool:
    """Do at least ``COMMON_GIVEN_SHARE`` per cent of men or of women carry ``name``
    ("Ryan", "Thomas"; not "Lincoln")? Alone, such a word is many people's first name."""
    men, women = given_name_shares()
    return max(men.get(name, 0.0), women.get(name, 0.0)) >= COMMON_GIVEN_SHARE


@cache
def given_name_sex(name: str) -> str | None:
    """ "m" or "f" when the tables give the name to one sex ``SEX_RATIO`` times as often as
    to the other, else None ("Jordan", or unknown)."""
    men, women = given_name_shares()
    m, f = men.get(name, 0.0), women.get(name, 0.0)
    if m > SEX_RATIO * f:
        return "m"
    if f > SEX_RATIO * m:
        return "f"
    return None
