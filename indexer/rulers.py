"""Which numbered ruler a monarch's title and given name mean at a date.

"The late King Edward" in a report of 1911 is Edward VII; "Tsar Nicholas" of 1905 is
Nicholas II; "Pope Pius" of 1950 is Pius XII. A reader knows this from the date; the
corpus often does not write the numeral at all. Princeton WordNet 3.0 knows some two
hundred numbered kings, queens, emperors, czars and popes with their reigns or lives
(``data/rulers.txt``, written by ``data/make_rulers.py``).

>>> reigning("King", "Edward", 1911), reigning("King", "Edward", 1936), reigning("Tsar", "Nicholas", 1905)
('Edward VII', 'Edward VIII', 'Nicholas II')
>>> reigning("Pope", "Pius", 1950), reigning("Pope", "Pius", 1935), reigning("King", "Edward", None)
('Pius XII', None, None)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

# The office each title of a monarch names (the offices of data/rulers.txt).
_OFFICE = {"King": ("king",), "Queen": ("queen",), "Emperor": ("emperor", "kaiser", "czar"),
           "Empress": ("empress",), "Tsar": ("czar",), "Czar": ("czar",), "Kaiser": ("kaiser",),
           "Pope": ("pope",)}
# A reign ended this many years before the document is still the one it means by the bare
# title ("the late King Edward" of 1911); longer ago, the document may be telling history
# ("King George" of a 1976 speech on 1776 is George III) and is left unresolved.
RECALLED = 10
# Where the dictionary gives only the life, the reign is taken to fall after this age and within
# the last _LATE years of it.
_OF_AGE = 18
_LATE = 25


@dataclass(frozen=True)
class Ruler:
    name: str  # with the numeral: "Edward VII"
    office: str
    first: int | None  # the reign, where the dictionary gives it
    last: int | None
    born: int | None
    died: int | None

    def reigns_in(self, year: int) -> bool:
        return self.first is not None and self.first <= year <= (self.last or year)

    def may_reign_in(self, year: int) -> bool:
        """Could an unknown reign have run in ``year``? Grown, alive, and in the last
        :data:`_LATE` years of the life: an heir is grown for decades before he reigns
        ("the Emperor Nicholas" of 1889 is not the Nicholas II of 1894)."""
        return ((self.born is None or year >= self.born + _OF_AGE)
                and (self.died is None or self.died - _LATE <= year <= self.died))


def _year(text: str) -> int | None:
    return int(text) if text else None


@cache
def _table() -> dict[str, tuple[Ruler, ...]]:
    text = resources.files("indexer.data").joinpath("rulers.txt").read_text(encoding="utf-8")
    rows: dict[str, list[Ruler]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, office, first, last, born, died, _synset = line.split("\t")
        rows.setdefault(name.rsplit(" ", 1)[0], []).append(
            Ruler(name, office, _year(first), _year(last), _year(born), _year(died)))
    return {word: tuple(rulers) for word, rulers in rows.items()}


def ruling(title: str) -> bool:
    """Is ``title`` a reigning monarch's ("King", "Pope"; not "Prince")?"""
    return title in _OFFICE


def numbered(word: str) -> bool:
    """Is ``word`` the name of numbered rulers ("Pius", "Edward")?"""
    return word in _table()


def reigning(title: str, given: str, year: int | None) -> str | None:
    """The numbered ruler "``title`` ``given``" means in a document of ``year``: the one
    reigning then; else the only one of unknown reign who may have reigned then; else, where
    there is none such, the one whose reign ended at most :data:`RECALLED` years before. None
    when that is nobody or several."""
    found = rulers_then(title, given, year)
    return found.pop() if len(found) == 1 else None


def rulers_then(title: str, given: str, year: int | None) -> set[str]:
    """The numbered rulers "``title`` ``given``" may mean in ``year`` (see :func:`reigning`):
    none, one, or several that the dictionary cannot tell apart."""
    offices = _OFFICE.get(title)
    if not offices or year is None:
        return set()
    rulers = [r for r in _table().get(given, ()) if r.office in offices]
    found = {r.name for r in rulers if r.reigns_in(year)}
    if not found:
        ended = [r for r in rulers if r.last is not None and r.last < year <= r.last + RECALLED]
        unknown = {r.name for r in rulers if r.first is None and r.may_reign_in(year)}
        if ended and not unknown:
            latest = max(r.last for r in ended)
            found = {r.name for r in ended if r.last == latest}
        else:
            found = unknown
    return found
