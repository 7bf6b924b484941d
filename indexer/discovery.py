"""Corpus-wide evidence about names, for a corpus nobody curated (cold start).

One cheap pass over every paragraph counts, for each capitalised word, how
often it appears capitalised mid-sentence, in lower case ("wise" says "Wise"
is a common word), after a title or given name (surname evidence), and after
"in"/"at" (place evidence); and it records every full name seen. That gives:

- a canonical name per person, consistent across the corpus: the longest full
  form seen with the same surname and given name ("Harry S. Truman" for
  "Harry Truman");
- the owner of a bare surname: the dominant full name with it among those the
  corpus had already named by the document's date (a "General Scott" of 1840
  is nobody first named in 2018), and after a title, still named then, or the
  one written with that office ("Vice President ...");
- the eras of a lone word nobody owns: two eras with titled uses are two people;
- whether a lone capitalised word is person-like at all.

The evidence for owners is counted once per distinct paragraph text: an archive
that holds a speech in three copies has named its guest once.

The state is plain JSON, saved with the index so an incremental update can
reuse it without re-reading the corpus.

>>> d = Discovery.build([("a", ["Karl Marx wrote to Engels.", "Marx replied; Frederick Engels agreed.",
...                              "Frederick Engels left."])])
>>> d.owner("Engels"), d.canonical("Marx", "Karl", "Karl Marx")
('Frederick Engels', 'Karl Marx')
"""

from __future__ import annotations

import re
import threading
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import chain

from indexer.census import common_given_name, common_surname, given_name_sex, given_name_shares
from indexer.ocr import name_text, ocr_key
from indexer.hypocorisms import everyday_only, formal_initial, formal_names, is_hypocorism, nicknames_by_surname
from indexer.bynames import bynames
from indexer.former_names import former_names
from indexer.kin_names import same_name_kin
from indexer.lifespans import apart, life_dates
from indexer.years import told_years
from indexer.name_words import (
    GIVEN, HONORIFICS, ROMAN, STOP, TAILS, THING_HEADS, TITLE_SEX, TITLES, any_surname, office_title, personlike,
)
from indexer.name_runs import PARTICLE_WORD
from indexer.notables import famous, famous_bearer, given_names_of, known_alone
from indexer.names import Candidate, candidates, coordinated
from indexer.personhood import human_after, person_beside, pronoun_after, residence

_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}")

# A generational suffix: "Jr.", "Sr.", "Senior", "Junior".
_GENERATION = re.compile(r" (?:Jr|Sr)\.?$| (?:Senior|Junior)$")
_GENERATION_WORDS = frozenset({"Jr", "Sr", "Senior", "Junior"})
_LOWER = re.compile(r"(?<![\w'-])[a-z][a-z'-]{2,}")
# The forms of address that say whether a woman is married, as the papers of her time wrote them.
_ADDRESS = {"Miss": 0, "Mrs": 1}
# "in X", "at X", "outside X", "the X", "al X" (not followed by another capitalised word: "the Marx family" is rare,
# "the Boyne", "the Egalite" are places and papers). ("visited?" is "visite" or "visited".)
# The match starts at the capital, with the word before it checked behind: the regex
# engine then skips to capitals instead of trying every position (a third of the time,
# the same matches; one of the expressions that run over every paragraph of a build).
# "the treaty of X", "the Bay of X", "the house of X", "the Council of X": a place's, a
# realm's or a dynasty's name after a head noun of geography or politics, a closed set of
# nouns (not "the works of X", "the letters of X", which are a person's).
OF_HEADS = ("treaty", "bay", "house", "council", "province", "island", "isle", "peace", "gulf", "strait",
            "straits", "kingdom", "duchy", "county", "city", "town", "port", "harbor", "harbour", "lake",
            "congress", "diet", "district", "republic", "empire", "principality", "canton", "isthmus",
            "peninsula", "coast", "village", "riding", "constituency", "ward", "parish", "borough", "township")
_PLACE = re.compile(
    r"([A-Z](?:%s)[a-z]+)\b(?! [A-Z])" % "|".join(
        rf"(?<=(?<!\w){w} .)" for w in ("[Ii]n", "[Ii]nto", "[Aa]t", "[Aa]cross", "[Nn]ear",
                                         "[Tt]hrough", "[Tt]he", "[Vv]isite", "[Vv]isited", "al", "el",
                                         "[Oo]utside", "[Oo]ut of",
                                         *(f"[{h[0].upper()}{h[0]}]{h[1:]} of" for h in OF_HEADS)))
)
# A member's seat: "the member for Marlow". (Apart from _PLACE, and only tried where the words
# are: one more look-behind there costs every capital of every paragraph.)
_SEAT = re.compile(r"(?<![\w'’-])(?:[Mm]ember|MP|MLA) for ([A-Z][a-z]+)\b(?! [A-Z])")
# An address, as court reports and death notices print one after a name: "Kevin Quill (41), of
# Ashgrove", "of 22 Ashgrove". (Each starts with its own literal, which the regex engine looks for
# first: cheap on paragraphs that have none.)
_AGED_OF = re.compile(r"\(\d{1,3}\), of ([A-Z][a-z]+)\b(?! [A-Z])")
_NUMBERED_OF = re.compile(r"[),] of \d{1,3}[A-Za-z]? ([A-Z][a-z]+)\b(?! [A-Z])")
# Words that end organisation and place names: the words before them are not surnames.
# Starting with the capital (its word boundary checked behind it) lets the regex
# engine skip to capitals: half the time of a leading \b, the same matches.
_TAILED = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+) (?:%s)\b" % "|".join(sorted(TAILS)))
# Storms, battles and operations are named like people ("Hurricane Sandy"): the word
# after such a head is counted as a place. Each head is written as its capital and the
# rest checked behind it, so that the regex engine skips to capitals (half the time of
# a plain alternation after \b, the same matches; a test holds it to its plain form).
EVENT_HEADS = ("Hurricane", "Typhoon", "Cyclone", "Storm", "Operation", "Battle of", "Siege of", "Camp",
               "Fort", "Lake", "Mount", "Port", "Cape", "Sierra", "Rio", "San", "Santa", "Saint", r"St\.")
_EVENT = re.compile(r"[A-Z](?<![\w][A-Z])(?:%s) ([A-Z][a-z]+)\b"
                    % "|".join(f"(?<={h[0]}){h[1:]}" for h in EVENT_HEADS))
# A surname owns its bare mentions corpus-wide when it is the only full name with that
# surname, seen at least this often (once may be a misreading).
MIN_OWNER_COUNT = 2
# ...or the one that outnumbers all the others with that surname this many times over
# ("Lewis H. Morgan" 17, "John Morgan" 2): a stray namesake does not split a person.
OWNER_DOMINANCE = 4
# A full name of three or more words ("Georg Wilhelm Friedrich Hegel") is not a misreading,
# even when seen once.
OWNER_SPECIFIC_WORDS = 3
# A full name owns titled bare mentions in documents from up to one public life before
# the first document that names it in full: a corpus may say "Mr. Jefferson" for sixty
# years before it first writes "Thomas Jefferson", but the "General Scott" of 1840 is no
# senator first named in 2018.
FIRST_SEEN_SLACK = 70
# Documents this many years apart speak of the same living people ("Michelle" in a speech
# of 2012 and "Michelle Obama" in one of 2016).
CONTEMPORARY = 10
# An everyday given name and the formal one it shortens, written within a generation of each
# other, are one person ("Gerry Quill" of a 2005 interview, "Gerald A. Quill" of a 1990
# catalogue); a "Danny" half a century after a "Daniel" is a grandson.
NICKNAME_SPAN = 25
# ...but only a name the corpus names in full in many paragraphs has earned that slack:
# a name written once (one sentence of one speech) is widened by this many years per
# paragraph that names it, at least MIN_SLACK ("Judge Peck" of 1860 is not a Peck first
# named, once, in 1898). A titled mention ("Captain Crozier") is bounded on both sides.
SLACK_PER_PARAGRAPH = 5
MIN_SLACK = 10
# A titled mention may come this long after the corpus last names the person in full (a
# speech of 1903 recalls "Secretary Seward" of 1865), but not a century after.
LAST_SEEN_GRACE = 40
# A lone given name is owned only from the first year its owner is named in full to a few
# years after the last, unless the owner is named in full in this many paragraphs ("Moses" of 1952 is no Moses named in 1898).
WIDELY_NAMED = 10
GIVEN_GRACE = 5
# The uses of a lone word fall into eras split by gaps of more than this many years in
# which no paragraph uses it. Titles are said of the living, so two eras with titled uses
# are two people ("Captain Hull", "Secretary Hull"); untitled uses alone are not ("as
# Hegel said" goes on for a century), but they join the years between into one era.
ERA_GAP = 20
# A word written as a place this often may be a town named after its founder (see town_like).
TOWN_PLACES = 5
# ... and this often, a town a document means by the word even where it names the founder.
FOUNDED_TOWN_PLACES = 10
# Shorter words are too often other real words one edit away (see misread).
MISREAD_LENGTH = 5
# A surname named in full with this many given names is a family's (see family_town).
FAMILY = 3
# The people named beside a full name, in paragraphs that name at most this many, are its
# company: a crew, a committee, not a roll of honour.
COMPANY_LIMIT = 6
# A woman's maiden name may be written this many years before her married name: a
# schoolgirl's name in the paper, her married name in an interview or an obituary a life on.
MARRIED_LIFE = 70
# An era with a single titled use is a person of its own only this far from the other
# titled eras: a lone "Mr. Cass" recalled 27 years later is the same secretary.
PUBLIC_LIFE = 50
# A lone given name is its owner's corpus-wide only if the documents that name the owner in
# full call them by it alone in at least one of this many.
CALLED_SHARE = 20
# A full name written after "his son" and plainly in one document is a parent's and a child's
# when this many distinct paragraphs say so (one may be "his" of a kinsman left unnamed).
KIN_PARAGRAPHS = 2
# Age from which someone's dated mentions may be their own doings.
ADULT = 15
_DIGIT = re.compile(r"\d")
# The names Discovery.canonical is working out right now in this thread, one call within another.
_CANONICAL_BUSY = threading.local()
# A full name printed over more years than this may be a father's and a son's (see Discovery.shared_name).
SHARED_SPAN = 40
STATE_VERSION = 10
# version 1 had no HUMAN count: read as 0; 1-2 no years; 1-3 no titles; 1-4 no given-name calls
# and no pronouns (read as 0); 1-5 no nicknames; 1-6 no parents and children of one name;
# 1-7 no life dates; 1-8 no maiden names stated; 1-9 no "Miss" and "Mrs." of full names
_READABLE_VERSIONS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)

CAP, LOW, SUR, PLACE, HUMAN, MALE, FEMALE, ITS, HIS = range(9)
_STATS = 9


@dataclass
class Discovery:
    """Corpus-wide name statistics (see the module docstring)."""

    words: dict[str, list[int]] = field(default_factory=dict)  # word -> [cap, low, sur, place, human]
    fulls: dict[str, dict[str, int]] = field(default_factory=dict)  # surname -> {full name: count}
    # full name -> [first, last] publication year of a dated document naming it in full
    seen: dict[str, list[int]] = field(default_factory=dict)
    # surname -> {title: {full name: count}}: the offices each full name was written with
    titles: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    # lone word -> {year: [after a title, alone]}: the dated paragraphs that use it
    uses: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    # "given surname" -> [documents that name the person in full, of which those that call
    # them by the given name alone too ("Gabby" beside "Gabby Giffords")]; None for a state
    # that did not count it
    called: dict[str, list[int]] | None = None
    # surname -> {nickname: given name}: 'Michael "Mickey" Doyle' makes "Mickey Doyle" Michael
    nicknames: dict[str, dict[str, str]] = field(default_factory=dict)
    # "given surname" -> how many distinct paragraphs say a parent and a child bear it (see
    # :mod:`indexer.kin_names`; a plain statement counts as KIN_PARAGRAPHS)
    kin: dict[str, int] = field(default_factory=dict)
    # "nickname surname" -> the fuller name it was quoted in: 'Robert M. "Bud" Quill Jr.' makes
    # "Bud Quill" that Robert, not his father or his son
    nicknamed: dict[str, str] = field(default_factory=dict)
    # full name as written -> the [born, died] lives the corpus prints beside it (see
    # :mod:`indexer.lifespans`; None where it gives one end only)
    lives: dict[str, list[list[int | None]]] = field(default_factory=dict)
    # "given maiden-name" -> {"given married-name": documents saying so} (see :mod:`indexer.former_names`)
    formerly: dict[str, dict[str, int]] = field(default_factory=dict)
    # surname -> {full name: [after "Miss", after "Mrs."]}: how the corpus addresses its women
    # named in full (see :meth:`addressed_otherwise`)
    addressed: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    # everyday full name ("Mick Doyle") -> [first, last] year told of by the paragraphs naming
    # it, where it is written within one generation (see combine)
    told: dict[str, list[int]] = field(default_factory=dict)
    # famous full name -> [first, last] year told of by the later pages that name it in full and
    # look back ("Charles Lindbergh landed here in 1927", on a page of 2012; see named_once_then)
    recalled: dict[str, list[int]] = field(default_factory=dict)
    # byname ("Dai Bara") -> [full name, surname, given name] of the one person the corpus says
    # goes by it, or [] where it says several, or where several may bear the full name (see
    # :mod:`indexer.bynames`, :meth:`Discovery.shared_name`)
    bynames: dict[str, list[str]] = field(default_factory=dict)
    # given name -> {surname: count}, worked out on first use
    _by_given: dict[str, dict[str, int]] | None = field(default=None, repr=False, compare=False)
    # (given name, surname) -> [(middle initials, generation)] of the suffixed full names, worked out on first use
    _generations: dict[tuple[str, str], list[tuple[str, str]]] | None = field(default=None, repr=False, compare=False)
    # "given maiden-name" -> the women's full names it begins, worked out on first use
    _maiden: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)
    # given name no table lists -> the surnames the corpus writes it with, and a pattern that
    # finds those given names, worked out on first use
    _unlisted: dict[str, frozenset[str]] | None = field(default=None, repr=False, compare=False)
    _unlisted_re: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    # full name as written -> the first year any form of the one person it is (its
    # :meth:`canonical` name) is named in full, and the year a printed birth makes the person
    # an adult, worked out on first use
    _first_seen: dict[str, tuple[int | None, int | None]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, documents: Iterable[tuple[str, list[str]]]) -> Discovery:
        return cls.combine([cls.count(documents)])

    @staticmethod
    def count(documents: Iterable[tuple[str, list[str]] | tuple[str, list[str], int | None]
                                  | tuple[str, list[str], int | None, list[str]]],
              found: dict[str, list] | None = None) -> tuple:
        """Raw counts for part of a corpus; :meth:`combine` adds up the parts.

        Each document is ``(doc_id, texts)``, ``(doc_id, texts, year)`` or ``(doc_id,
        texts, year, headings)``: the year of publication, when known, dates the full
        names the document uses; of its headings only the life dates are read.

        Parts are counted separately (one per build process) and summed, so
        every figure is the same as from one pass over the whole corpus.
        ``found``, when given, keeps each text's name candidates (found in its
        folded form) for the annotation that follows in the same process.

        The evidence for owners (full names, the titles they were written with,
        the years a lone word is used) is kept per distinct paragraph text, and
        :meth:`combine` counts each text once: a corpus that holds a speech in
        three copies has named its guest once, not three times.
        """
        words: dict[str, list[int]] = defaultdict(lambda: [0] * _STATS)
        lower: Counter[str] = Counter()
        seen: dict[str, list[int]] = {}
        named: dict[int, tuple[tuple[str, str, str], ...]] = {}  # text key -> (surname, full name, title)
        used: dict[tuple[int, int], tuple[tuple[str, bool], ...]] = {}  # (text key, year) -> (lone word, titled)
        called: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        nicks: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)  # surname -> (nick, given)
        nicked: dict[str, Counter[str]] = defaultdict(Counter)  # "nick surname" -> full names quoting it
        kin: dict[str, set[int]] = defaultdict(set)  # "given surname" -> keys of the texts saying so (0: stated)
        lives: dict[str, set[tuple[int | None, int | None]]] = defaultdict(set)
        formerly: dict[str, Counter[str]] = defaultdict(Counter)
        informal: dict[str, Counter[str]] = defaultdict(Counter)  # surname -> {"Mick Doyle": count}
        informal_seen: dict[str, list[int]] = {}  # "Mick Doyle" -> [first, last] year printed
        told: dict[str, list[int]] = {}  # everyday full name -> [first, last] year its paragraphs tell of
        recalled: dict[str, list[int]] = {}  # famous full name -> [first, last] earlier year its paragraphs tell of
        company: dict[str, set[str]] = {}  # full name -> full names of other surnames named beside it
        # "Dai Bara" -> {(full name, surname, given name)} said of it
        byname_of: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        for doc_id, texts, *dated in documents:
            year = dated[0] if dated else None
            for heading in dated[1] if len(dated) > 1 else ():
                if not _DIGIT.search(heading):
                    continue  # (no date in it: most headings)
                folded = name_text(heading)  # (an obituary's "HAROLD MOROZZI, 1897 - 1971": its dates only)
                for name, born, died in life_dates(folded, candidates(folded), year):
                    lives[name].add((born, died))
            alone: set[str] = set()  # given names used alone in this document
            in_full: set[tuple[str, str]] = set()
            read: list[tuple[str, list]] = []
            for text in texts:
                folded = name_text(text)
                lower.update(_LOWER.findall(folded))
                for m in _PLACE.finditer(folded):
                    words[m.group(1)][PLACE] += 1
                if "ember for" in folded or "MP for" in folded or "MLA for" in folded:
                    for m in _SEAT.finditer(folded):
                        words[m.group(1)][PLACE] += 1
                if ", of " in folded:
                    for m in chain(_AGED_OF.finditer(folded), _NUMBERED_OF.finditer(folded)):
                        words[m.group(1)][PLACE] += 1
                for m in _TAILED.finditer(folded):
                    words[m.group(1)][PLACE] += 1
                for m in _EVENT.finditer(folded):
                    words[m.group(1)][PLACE] += 1
                cs = candidates(folded)
                if found is not None:
                    found[text] = cs
                read.append((folded, cs))
                if "(" in folded or ", " in folded:
                    for name, born, died in life_dates(folded, cs, year):
                        lives[name].add((born, died))
                fulls: list[tuple[str, str, str]] = []
                lone: list[tuple[str, bool]] = []
                paired: set[str] = set()
                told_here: list[int] | None = None
                for c in cs:
                    if c.kind in ("full", "pair") and c.given.lower() in everyday_only() and not coordinated(c):
                        if c.kind == "pair":
                            # "Mick Doyle": no table lists the given name, but it is an everyday
                            # form of one; the formal name the corpus writes with the surname
                            # makes him a person (see nicknames_by_surname), nothing else here does.
                            informal[c.surname][c.name] += 1
                            paired.add(c.name)
                            if year is not None:
                                _widen(informal_seen, c.name, year, year)
                        if year is not None and not _formal_named(c, cs):
                            if told_here is None:
                                told_here = told_years(text, year)
                            if told_here:
                                _widen(told, c.name, min(told_here), max(told_here))
                    if c.kind == "pair" or coordinated(c):
                        continue  # evidence only within its own document; a surname shared, not seen
                    if c.kind == "given" and not c.title:
                        alone.add(c.name)
                    if c.kind == "full":
                        if c.given:
                            in_full.add((c.given, c.surname))
                        if c.nick:
                            if c.given:  # ('J. A. "Jody" Quill': the nickname's full name only)
                                nicks[c.surname][c.nick, c.given] += 1
                            nicked[f"{c.nick} {c.surname}"][c.name] += 1
                        fulls.append((c.surname, c.name, c.title))
                        words[c.surname][SUR] += 1
                        if year is not None:
                            _widen(seen, c.name, year, year)
                            if famous(c.surname, c.name):  # (only a famous man's is ever asked)
                                if told_here is None:
                                    told_here = told_years(text, year)
                                if told_here and min(told_here) < year:
                                    _widen(recalled, c.name, min(told_here), max(told_here))
                    elif c.kind == "titled":
                        words[c.surname][SUR] += 1
                        sex = TITLE_SEX.get(c.title.rstrip("."))
                        if sex:
                            words[c.surname][MALE if sex == "m" else FEMALE] += 1
                        lone.append((c.name, True))
                    elif not c.initial:
                        words[c.name][CAP] += 1
                        lone.append((c.name, bool(c.title)))  # "Emperor Alexander": a given name after a title
                    if c.kind != "full":
                        if ((human_after(folded, c.end) or person_beside(folded, c.start, c.end))
                                and not residence(folded, c.start, c.end)):
                            # ("John Amery Kerr of Invercargill, who is ninety-one": the man is;
                            # "Clarence Dolan of Pruett, a farmer": so is the farmer)
                            words[c.name][HUMAN] += 1
                        if (pronoun := pronoun_after(folded, c.end)) is not None:
                            words[c.name][ITS if pronoun == "it" else HIS] += 1
                if 2 <= len(mates := {name for _, name, _ in fulls}) + len(paired) <= COMPANY_LIMIT and len(
                        {m.rpartition(" ")[2] for m in mates | paired}) == len(mates | paired):
                    # (people of one surname named together are two, whatever else they share;
                    # only a full name is somebody's company: "Sandy Point" is a place)
                    for name in mates | paired:
                        if _may_be_nicknamed(name.partition(" ")[0]):
                            company.setdefault(name, set()).update(m for m in mates if m != name)
                if fulls or lone:
                    key = _text_key(folded)
                    if fulls:
                        named[key] = tuple(dict.fromkeys(fulls))
                    if lone and year is not None:
                        used[key, year] = tuple(dict.fromkeys(lone))
            for given, surname in in_full:
                counts = called[f"{given} {surname}"]
                counts[0] += 1
                counts[1] += given in alone
            if in_full:
                for maiden, married in former_names(read):
                    formerly[maiden][married] += 1
                for byname, full, surname, given in bynames(read):
                    byname_of[byname].add((full, surname, given))
                stated, implied = same_name_kin(read)
                for given, surname in stated:
                    kin[f"{given} {surname}"].add(0)
                for given, surname, p in implied:
                    kin[f"{given} {surname}"].add(_text_key(read[p][0]))
        return (dict(words), {}, lower, seen, named, used, dict(called), {s: dict(n) for s, n in nicks.items()},
                {k: sorted(v) for k, v in kin.items()}, {k: dict(n) for k, n in nicked.items()},
                {k: sorted(v, key=str) for k, v in lives.items()}, {k: dict(n) for k, n in formerly.items()},
                {k: dict(n) for k, n in informal.items()}, told, {k: sorted(v) for k, v in company.items()},
                informal_seen, {k: [list(who) for who in said] for k, said in byname_of.items()}, recalled)

    @classmethod
    def combine(cls, parts: Iterable[tuple]) -> Discovery:
        words: dict[str, list[int]] = defaultdict(lambda: [0] * _STATS)
        fulls: dict[str, Counter[str]] = defaultdict(Counter)
        lower: Counter[str] = Counter()
        seen: dict[str, list[int]] = {}
        named: dict[int, tuple] = {}
        used: dict[tuple[int, int], tuple] = {}
        called: dict[str, list[int]] | None = defaultdict(lambda: [0, 0])
        nicks: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        kin: dict[str, set[int]] = defaultdict(set)
        nicked: dict[str, Counter[str]] = defaultdict(Counter)
        lives: dict[str, set[tuple[int | None, int | None]]] = defaultdict(set)
        formerly: dict[str, Counter[str]] = defaultdict(Counter)
        informal: dict[str, Counter[str]] = defaultdict(Counter)
        told: dict[str, list[int]] = {}
        recalled: dict[str, list[int]] = {}
        company: dict[str, set[str]] = defaultdict(set)
        informal_seen: dict[str, list[int]] = {}
        byname_of: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        for part_words, part_fulls, part_lower, *rest in parts:
            for name, (first, last) in (rest[0] if rest else {}).items():
                _widen(seen, name, first, last)
            for w, stats in part_words.items():
                mine = words[w]
                for i, v in enumerate(stats):
                    mine[i] += v
            for surname, forms in part_fulls.items():
                fulls[surname].update(forms)
            lower.update(part_lower)
            if len(rest) >= 3:
                named.update(rest[1])  # a text met in several parts is one text
                used.update(rest[2])
            if len(rest) >= 4 and called is not None:
                for key, (docs, calls) in rest[3].items():
                    called[key][0] += docs
                    called[key][1] += calls
            else:
                called = None  # a part counted by older code: unknown, as from an older state
            for surname, pairs in (rest[4] if len(rest) >= 5 else {}).items():
                nicks[surname].update(pairs)
            for name, keys in (rest[5] if len(rest) >= 6 else {}).items():
                kin[name].update(keys)
            for nick, names in (rest[6] if len(rest) >= 7 else {}).items():
                nicked[nick].update(names)
            for name, dated in (rest[7] if len(rest) >= 8 else {}).items():
                lives[name].update(tuple(life) for life in dated)
            for maiden, married in (rest[8] if len(rest) >= 9 else {}).items():
                formerly[maiden].update(married)
            for surname, forms in (rest[9] if len(rest) >= 10 else {}).items():
                informal[surname].update(forms)
            for name, (first, last) in (rest[10] if len(rest) >= 11 else {}).items():
                _widen(told, name, first, last)
            for name, mates in (rest[11] if len(rest) >= 12 else {}).items():
                company[name].update(mates)
            for name, (first, last) in (rest[12] if len(rest) >= 13 else {}).items():
                _widen(informal_seen, name, first, last)
            for byname, said in (rest[13] if len(rest) >= 14 else {}).items():
                for full, surname, given in said:
                    byname_of[byname].add((full, surname, given))
            for name, (first, last) in (rest[14] if len(rest) >= 15 else {}).items():
                _widen(recalled, name, first, last)
        titles: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        addressed: dict[str, dict[str, list[int]]] = defaultdict(dict)
        for sightings in named.values():
            for surname, name, title in sightings:
                fulls[surname][name] += 1
                if title and title.rstrip(".") not in HONORIFICS:
                    titles[surname][title.rstrip(".")][name] += 1
                elif (address := _ADDRESS.get(title.rstrip("."))) is not None:
                    addressed[surname].setdefault(name, [0, 0])[address] += 1
        uses: dict[str, dict[str, list[int]]] = defaultdict(dict)
        for (_, year), lone in used.items():
            for w, titled in lone:
                uses[w].setdefault(str(year), [0, 0])[0 if titled else 1] += 1
        for word, stats in words.items():
            stats[LOW] = lower.get(word.lower(), 0)
        full_counts = {s: dict(c) for s, c in fulls.items()}
        nicknames = _nickname_givens(nicks)
        with_informal = {s: {**informal.get(s, {}), **forms} for s, forms in full_counts.items()}
        # (an everyday name is of the years its paragraphs tell as much as of the year they were
        # written: "In 1921 the captain was Mick Doyle", said in 1996; not a name written over
        # more than a generation, which may itself be a grandfather's and a grandson's)
        printed = {**informal_seen, **seen}
        told = {name: span for name, span in told.items()
                if name not in printed or printed[name][1] - printed[name][0] <= NICKNAME_SPAN}
        spoken = {name: list(span) for name, span in printed.items()}
        for name, (first, last) in told.items():
            _widen(spoken, name, first, last)
        for surname, pairs in nicknames_by_surname(with_informal, spoken, NICKNAME_SPAN, generation,
                                                   company).items():
            # "Danny Quill" beside "Daniel R. Quill", unquoted: the dataset's pair, where the
            # corpus did not quote a nickname of its own for him
            for nick, formal in pairs.items():
                nicknames.setdefault(surname, {}).setdefault(nick, formal)
        return cls(dict(words), full_counts, seen,
                   {s: {t: dict(c) for t, c in ts.items()} for s, ts in titles.items()},
                   dict(uses), None if called is None else dict(called), nicknames,
                   {name: len(keys - {0}) + KIN_PARAGRAPHS * (0 in keys) for name, keys in kin.items()},
                   _quoted_nicknames(nicked), {name: _people(dated) for name, dated in lives.items()},
                   {k: dict(n) for k, n in formerly.items()}, dict(addressed), told=told,
                   bynames=_bynames(byname_of, fulls), recalled=recalled)._unshared()

    # -- state -------------------------------------------------------------------

    def state(self) -> dict:
        state = {"version": STATE_VERSION, "words": self.words, "fulls": self.fulls, "seen": self.seen,
                 "titles": self.titles, "uses": self.uses}
        if self.called is not None:
            state["called"] = self.called
        if self.nicknames:
            state["nicknames"] = self.nicknames
        if self.kin:
            state["kin"] = self.kin
        if self.nicknamed:
            state["nicknamed"] = self.nicknamed
        if self.lives:
            state["lives"] = self.lives
        if self.formerly:
            state["formerly"] = self.formerly
        if self.addressed:
            state["addressed"] = self.addressed
        if self.told:
            state["told"] = self.told
        if self.bynames:
            state["bynames"] = self.bynames
        if self.recalled:
            state["recalled"] = self.recalled
        return state

    @classmethod
    def from_state(cls, state: dict | None) -> Discovery:
        if not state or state.get("version") not in _READABLE_VERSIONS:
            return cls()
        words = {w: list(v) + [0] * (_STATS - len(v)) for w, v in state.get("words", {}).items()}
        called = state.get("called")
        return cls(words, dict(state.get("fulls", {})), {k: list(v) for k, v in state.get("seen", {}).items()},
                   dict(state.get("titles", {})), dict(state.get("uses", {})),
                   None if called is None else {k: list(v) for k, v in called.items()},
                   dict(state.get("nicknames", {})), dict(state.get("kin", {})), dict(state.get("nicknamed", {})),
                   {k: [list(life) for life in v] for k, v in state.get("lives", {}).items()},
                   dict(state.get("formerly", {})), dict(state.get("addressed", {})),
                   told={k: list(v) for k, v in state.get("told", {}).items()},
                   bynames={k: list(v) for k, v in state.get("bynames", {}).items()},
                   recalled={k: list(v) for k, v in state.get("recalled", {}).items()})._unshared()

    def _unshared(self) -> Discovery:
        """Make nobody's (``[]``) every byname whose full name several people may bear (see
        :meth:`shared_name`): which of the parish's Jack Ryans "Jack Mary" is, no page tells, so the
        byname stays a value of its own. (Also applied to a state written before this was
        settled here.)"""
        self.bynames = {b: [] if whose and self.shared_name(whose[0]) else whose
                        for b, whose in self.bynames.items()}
        return self

    # -- questions ----------------------------------------------------------------

    def unlisted_givens(self) -> dict[str, frozenset[str]]:
        """Given names no table lists, with the surnames the corpus names in full with them:
        after a title ("Dr. Peder Morozzi"), as a quoted nickname ('Eugene "Bull" Quill') or in a
        byname ("Twm Post": see :mod:`indexer.bynames`), which is all that made those full names
        (see :func:`indexer.names.named_again`).

        >>> d = Discovery(fulls={"Morozzi": {"Peder Morozzi": 1, "Paul Morozzi": 2}}, nicknames={"Quill": {"Bull": "Eugene"}})
        >>> d.unlisted_givens() == {"Peder": frozenset({"Morozzi"}), "Bull": frozenset({"Quill"})}
        True
        """
        if self._unlisted is None:
            found: dict[str, set[str]] = defaultdict(set)
            for surname, forms in self.fulls.items():
                for form in forms:
                    given = form.split()[0]
                    if (given not in GIVEN and given not in STOP and not given.endswith(".") and given != surname
                            and not ROMAN.match(surname) and not PARTICLE_WORD.match(given.lower())):
                        found[given].add(surname)  # (not "Rule II", nor the "Van" of "Van Buren")
            for surname, nicks in self.nicknames.items():
                for nick in nicks:
                    if nick not in GIVEN and nick not in STOP:
                        found[nick].add(surname)
            for byname, whose in self.bynames.items():
                # "Twm Post": a page said whose, and nothing says several bear that name (else the
                # byname stays unread, as before: a value of its own would split the person)
                given, *_, tail = byname.split()
                if (whose and given not in GIVEN and given not in STOP
                        and " " not in byname.partition(" ")[2]):
                    found[given].add(tail)
            self._unlisted = {given: frozenset(surnames) for given, surnames in found.items()}
            if self._unlisted:
                words = "|".join(re.escape(g) for g in sorted(self._unlisted, key=len, reverse=True))
                # (No look-behind: it would cost the scan for the words' literal prefixes eight
                # times over; the word's start is checked by the caller.)
                self._unlisted_re = re.compile(rf"(?:{words})(?= )")
        return self._unlisted

    def unlisted_given_pattern(self) -> re.Pattern[str] | None:
        """A pattern that finds the given names of :meth:`unlisted_givens`, or None: a whole
        paragraph is scanned once, not word by word."""
        self.unlisted_givens()
        return self._unlisted_re

    def common_word(self, word: str) -> bool:
        """Seen in lower case more than rarely: "Wise" (wise), "Bush" (bush)."""
        stats = self.words.get(word)
        if stats is None:
            return False
        return stats[LOW] > max(2, stats[CAP] // 20)

    def place_like(self, word: str) -> bool:
        stats = self.words.get(word)
        return bool(stats) and stats[PLACE] * 3 >= max(1, stats[CAP] + stats[SUR])

    def town_like(self, word: str) -> bool:
        """Is the word mostly a town: :meth:`place_like`, or written alone far more often than
        after a title or a given name, a place in a quarter of those uses or more, and hardly
        ever before a verb only a person takes? A town named after one founder ("came to
        Ketteridge", "Ketteridge, Ont.", "Captain Ketteridge's name on a map").

        >>> d = Discovery(words={"Quill": [95, 0, 5, 33, 0], "Hegel": [800, 0, 9, 60, 90], "Ames": [5, 0, 30, 9, 0]})
        >>> d.town_like("Quill"), d.town_like("Hegel"), d.town_like("Ames")
        (True, False, False)
        """
        return self.place_like(word) or self.founded_town(word, TOWN_PLACES)

    def founded_town(self, word: str, places: int = FOUNDED_TOWN_PLACES) -> bool:
        """Is the word written as a place at least ``places`` times, in a quarter of its uses
        or more, and far more often alone than after a title or a given name, hardly ever
        before a verb only a person takes? The town an archive is about, named after a founder.
        (A few uses as a place say little of a rare word: "in Hitler Germany".)

        >>> d = Discovery(words={"Quill": [95, 0, 5, 33, 0], "Hegel": [10, 0, 0, 4, 0], "Ames": [0, 0, 11, 16, 0]})
        >>> d.founded_town("Quill"), d.founded_town("Hegel"), d.founded_town("Ames")
        (True, False, False)
        """
        stats = self.words.get(word)
        if not stats:
            return False
        cap, place = stats[CAP], stats[PLACE]
        return place >= places and place * 4 >= cap and stats[HUMAN] * 20 <= cap and stats[SUR] * 2 <= cap

    def family_town(self, word: str) -> bool:
        """Is the word the surname of a family (three given names or more, named in full) and
        a town as often as a third of the times it is a surname after a title or a given name
        ("in Harwick" beside "Mayor Harwick", "Amos Harwick", "Ruth Harwick", "Tom Harwick")?
        A town named after its founding family, where a bare use may be either. (One writer
        read "in Quill", however often, is no family: "culminating in Hegel".)

        >>> fulls = {"Quill": {"Amos Quill": 3, "Ruth Quill": 2, "Tom Quill": 1}, "Hegel": {"Georg Hegel": 9}}
        >>> d = Discovery(words={"Quill": [90, 0, 30, 12, 0], "Hegel": [800, 0, 9, 60, 90]}, fulls=fulls)
        >>> d.family_town("Quill"), d.family_town("Hegel")
        (True, False)
        """
        stats = self.words.get(word)
        if not stats or stats[PLACE] * 3 < stats[SUR]:
            return False
        return len([g for g in _by_given_name(self.fulls.get(word, {})) if len(g) > 1]) >= FAMILY

    def surname_evidence(self, word: str) -> int:
        stats = self.words.get(word)
        return stats[SUR] if stats else 0

    def place_uses(self, word: str) -> int:
        stats = self.words.get(word)
        return stats[PLACE] if stats else 0

    def capital_uses(self, word: str) -> int:
        """Capitalised mid-sentence, alone or after a title or given name."""
        stats = self.words.get(word)
        return stats[CAP] + stats[SUR] if stats else 0

    def one_bearer(self, surname: str) -> bool:
        """Is the surname only ever seen after one given name (or its initial), never
        after a title or after another given name?

        >>> d = Discovery(words={"Bill": [0, 90, 3, 0, 0]}, fulls={"Bill": {"Judson Bill": 3}})
        >>> d.one_bearer("Bill"), Discovery(fulls={"Clay": {"Henry Clay": 5, "Dan Clay": 2}}).one_bearer("Clay")
        (True, False)
        """
        forms = self.fulls.get(surname, {})
        givens = {_by_given_name({f: n}).most_common(1)[0][0] for f, n in forms.items()}
        if len(_by_given_name(forms)) > 1 and len(givens) > 1:
            return False
        # Titled uses, counted once per distinct text like the full names (a corpus
        # holding each speech in three copies writes "Al Qaida" three times, once each).
        stats = self.words.get(surname)
        if stats and any(stats[MALE : FEMALE + 1]):
            return False  # "Mr. Bill", "Mrs. Bill"
        return not any(titled for titled, _ in self.uses.get(surname, {}).values())

    def pronouns(self, word: str) -> tuple[int, int]:
        """How often what the lone word said opens with "it" or "its" ("Valdorex said it would
        restate its earnings"), and how often with "he", "his", "she", "her"."""
        stats = self.words.get(word)
        return (stats[ITS], stats[HIS]) if stats else (0, 0)

    def addressed_or_human(self, word: str) -> bool:
        """Has the lone word ever had "Mr." or "Mrs." before it, a verb of speech or "who"
        after it, or "he" or "she" in what it said?"""
        stats = self.words.get(word)
        return bool(stats) and bool(stats[MALE] or stats[FEMALE] or stats[HUMAN] or stats[HIS])

    def human_evidence(self, word: str) -> int:
        """How often a verb of speech or "who" follows the lone word (see :mod:`indexer.personhood`)."""
        stats = self.words.get(word)
        return stats[HUMAN] if stats else 0


    def canonical(self, surname: str, given: str, name: str, stated: bool = True) -> str:
        """The longest full form seen for this surname and given name (or initial), and a
        woman's as the corpus writes her married (see :meth:`married_name`; ``stated``: also
        where a document says so).

        >>> Discovery(fulls={"Truman": {"Harry Truman": 3, "Harry S. Truman": 1}}).canonical(
        ...     "Truman", "Harry", "Harry Truman")
        'Harry S. Truman'
        >>> Discovery(fulls={"Buren": {"Van Buren": 3, "Martin Van Buren": 1}}).canonical("Buren", "Van", "Van Buren")
        'Martin Van Buren'
        >>> d = Discovery(fulls={"Mobley": {"Clarence Mobley": 16, "Clarence Mobley Jr.": 2}})
        >>> d.canonical("Mobley", "Clarence", "Clarence Mobley"), d.canonical("Mobley", "Clarence", "Clarence Mobley Jr.")
        ('Clarence Mobley', 'Clarence Mobley Jr.')
        >>> d = Discovery(fulls={"Taft": {"Robert A. Taft": 1, "Robert Taft Jr.": 3, "Robert Taft": 2}})
        >>> d.canonical("Taft", "Robert", "Robert A. Taft"), d.canonical("Taft", "Robert", "Robert Taft")
        ('Robert A. Taft', 'Robert Taft Jr.')
        >>> d = Discovery(fulls={"Stevens": {"John Paul Stevens": 2, "John F. Stevens": 1}})
        >>> d.canonical("Stevens", "John", "John F. Stevens"), d.canonical("Stevens", "John", "John Stevens")
        ('John F. Stevens', 'John Stevens')
        """
        # Bynames, marriages, nicknames and middle names written last each lead from one name to
        # another, and the corpus's sayings may lead round in a circle ("Ann Pim (Varenza)" and
        # "Ann Varenza (Pim)"): a name met again on its own way round is left as it is.
        # (per thread: a cluster's worker may annotate several shards with one Discovery at once)
        busy = _CANONICAL_BUSY.__dict__.setdefault("names", set())
        key = (id(self), surname, given, name, stated)
        if key in busy:
            return name
        busy.add(key)
        try:
            return self._canonical(surname, given, name, stated)
        finally:
            busy.discard(key)

    def _canonical(self, surname: str, given: str, name: str, stated: bool) -> str:
        if (byname := self.bynames.get(name)) and byname[0] != name:
            # "Dai Bara" of "David Quill the baker"; not widened by a middle name the page did not
            # give: a byname is there to tell apart men of one name ("Wil Co-op" is not "Wil Bach")
            found = self.canonical(byname[1], byname[2], byname[0], stated)
            return byname[0] if _middle(found) and not _middle(byname[0]) else found
        if family := self.middle_as_surname(surname, given, name):
            return self.canonical(family, given, f"{given} {family}", stated)
        if name == f"{given} {surname}" and (quoted := self.nicknamed.get(name)):
            first = quoted.split()[0]  # "Bud Quill" of 'Robert M. "Bud" Quill Jr.'
            return self.canonical(surname, "" if first.endswith(".") else first, quoted, stated)
        forms = self.fulls.get(surname)
        if not forms or ROMAN.match(name.split()[-1]):
            return name  # regnal names are exact: "James I" is not "James II"
        forms = {f: n for f, n in forms.items() if not ROMAN.match(f.split()[-1])}
        if PARTICLE_WORD.match(given.lower()) and name == f"{given} {surname}":
            # "President Van Buren": a surname with its particle, not the given name "Van",
            # when the corpus names one person in full with both ("Martin Van Buren").
            bearers = {f: n for f, n in forms.items() if f.endswith(f" {name}") and f != name}
            if len(_by_given_name(bearers)) == 1:
                return max(bearers, key=lambda f: (len(f.split()), bearers[f], f))
            return name
        first = given or name.split()[0].rstrip(".")
        alike = self.same_given(surname, first)  # "Mickey" and "Michael", where the corpus says so
        compatible = [f for f in forms if (any(_given_compatible(g, f.split()[0].rstrip(".")) for g in alike)
                                           or _initials_of_other_letter(first, f) and self.printed_near(name, f))
                      and not self.lives_apart(name, f)]
        # (an initial of another letter, "W. J. Tate" of "Bill Tate", only of the same years)
        if not given:
            # Initials: only when all the full forms agree on one given name.
            named = {self.formal(surname, f.split()[0]) for f in compatible if not f.split()[0].endswith(".")}
            if len(named) > 1 and _middle(name):
                # "J. S. Mill" beside James Mill and John Stuart Mill: the one whose middle
                # name the initials spell
                compatible = [f for f in compatible if _middle(f) == _middle(name)]
                named = {self.formal(surname, f.split()[0]) for f in compatible if not f.split()[0].endswith(".")}
            if len(named) > 1:
                return name
        # A middle name or initial tells bearers of one given name apart: "John F. Stevens"
        # is not "John Paul Stevens", nor "George W. Bush" "George H.W. Bush".
        compatible = [f for f in compatible if _middles_agree(_middle(name), _middle(f))
                      or _middles_agree(_kept_middle(name), _kept_middle(f))]
        if len(first) > 1 and not _middle(name):
            # Someone written "J. Arthur Lalonde" goes by Arthur: "Joseph Lalonde" is another
            # Joseph (his father), unless the corpus spells out both ("Joseph Arthur Lalonde").
            compatible = [f for f in compatible if not _by_middle_name(f) or f.split()[1] in alike
                          or any(g.split()[:2] == [first, f.split()[1]] for g in forms)]
        if not _GENERATION.search(name):
            # "Clarence Mobley Jr." is his father's son, not more of his father's name: the
            # plain name goes to the suffixed form only where the corpus writes that one at
            # least as often ("Cal Ripken Jr." beside a rarer "Cal Ripken"), and not where it
            # writes both father and son with their suffixes.
            apart = self.nicknamed_apart(name)
            written = {generation(f) for f in compatible} - {""}
            compatible = [f for f in compatible if not _GENERATION.search(f) or forms[f] >= forms.get(name, 0)
                          and not apart and not (_middle(name) and not _middle(f))]
            # (a middle initial the son's suffixed name is never written with says the father:
            # "Robert A. Taft" is not "Robert Taft Jr.")
            if len({generation(f) for f in compatible} - {""}) > 1:
                return name
            if len(written) > 1 and first not in {f.split()[0] for f in compatible if f != name} and len(
                    {bool(generation(f)) for f in compatible}) > 1:
                # "Teddy Quill" where the corpus writes Theodore Quill Sr. and Jr.: the everyday
                # form is one of them, and the plain "Theodore Quill" may be either.
                return name
        else:
            # "Henry Voss, Sr." is never his son "Henry Voss Jr."
            compatible = [f for f in compatible if generation(f) == generation(name)]
        if not _middle(name):
            # (each form's first middle initial, as written and as a woman's kept middle)
            firsts = {(_middle(f)[:1], _kept_middle(f)[:1]) for f in compatible if _middle(f)}
            if any(a[0] != b[0] and a[1] != b[1] for a in firsts for b in firsts):
                # "John Stevens", of a corpus naming both: no telling which. A woman's maiden
                # name is still the one married name that keeps it ("Loretta Banks" of "Loretta
                # Banks Bratton", though "Loretta Jean Banks" and "Loretta B. Banks" are written too).
                return self.married_name(name, stated) if given else name
        if not compatible or compatible == [name]:
            if given and (longer := self.called_by_middle_name(name, forms)) != name:
                return longer
            return self.married_name(name, stated) if given else name
        # The most written-out form: given names spelt out before initials ("Louis Bonaparte",
        # not "L. N. Bonaparte"), then the most words ("Harry S. Truman").
        best = max(compatible + [name], key=lambda f: (_full_words(f), len(f.split()), forms.get(f, 0), f))
        # (initials too, once they are one woman's given name: "Miss E. Varenza" is Ethel
        # Varenza, and so whoever the corpus says Ethel Varenza became)
        return self.married_name(best, stated) if given or not best.split()[0].endswith(".") else best

    def middle_as_surname(self, surname: str, given: str, name: str) -> str | None:
        """The family's surname of a name written with its middle name last: "Louis Napoleon"
        is the "Louis Bonaparte" (also "L. N. Bonaparte") of a corpus that writes "Napoleon
        Bonaparte", and names nobody else "Napoleon" but by a number. Only where the corpus
        writes the given name with the family's surname and that middle initial, and with
        no other middle: "John Quincy" is not a corpus's John Adams.

        >>> d = Discovery(fulls={"Napoleon": {"Louis Napoleon": 8, "Napoleon III": 7},
        ...                      "Bonaparte": {"Louis Bonaparte": 97, "L. N. Bonaparte": 1, "Napoleon Bonaparte": 2},
        ...                      "Adams": {"John Adams": 9, "Quincy Adams": 1}, "Quincy": {"John Quincy": 2}})
        >>> d.middle_as_surname("Napoleon", "Louis", "Louis Napoleon"), d.middle_as_surname("Quincy", "John", "John Quincy")
        ('Bonaparte', None)
        """
        if not given or len(given) < 2 or name != f"{given} {surname}" or common_given_name(surname):
            return None
        if any(f.split()[0] != given for f in self.fulls.get(surname, {}) if not ROMAN.match(f.split()[-1])):
            return None  # somebody else's surname too
        found = []
        for family in self._families_by_first_word.get(surname, set()) & self._families_by_first_word.get(given, set()):
            forms = self.fulls[family]
            if f"{surname} {family}" not in forms or f"{given} {family}" not in forms:
                continue
            middles = {_middle(f)[:1] for f in forms if _given_compatible(f.split()[0].rstrip("."), given)} - {""}
            if middles == {surname[:1]}:
                found.append(family)
        return found[0] if len(found) == 1 else None

    def lives_apart(self, name: str, other: str) -> bool:
        """Does the corpus print lives beside both written names that no one person lived
        ("Ada Quill (1831-1898)" and "Ada B. Quill (b. 1890)")? Then the plainer name is
        not the fuller one's, however alike (see :mod:`indexer.lifespans`).

        >>> d = Discovery(lives={"Ada Quill": [[1831, 1898]], "Ada B. Quill": [[1890, None]], "Ada C. Quill": [[None, 1898]]})
        >>> d.lives_apart("Ada Quill", "Ada B. Quill"), d.lives_apart("Ada Quill", "Ada C. Quill")
        (True, False)
        """
        if not self.lives:
            return False
        ours, theirs = self.lives.get(name), self.lives.get(other)
        return bool(ours and theirs) and all(apart(tuple(a), tuple(b)) for a in ours for b in theirs)

    def dated_people(self, name: str) -> list[list[int | None]]:
        """The people the corpus prints both a birth and a death beside this written name
        for. (An age or one end alone does not make a second person of a name: a note
        number read as an age would split anyone.)"""
        return [p for p in self.lives.get(name, ()) if None not in p]

    def born_apart(self, forms: Iterable[str]) -> bool:
        """Do the lives printed beside these written forms belong to several people?"""
        dated = [tuple(life) for f in forms for life in self.lives.get(f, ())]
        return any(apart(a, b) for a in dated for b in dated)

    def of_either(self, surname: str, name: str) -> bool:
        """Is a full name written without life dates a form of several people whose lives the
        corpus prints apart ("A. Quill" beside "Amos Quill (1897-1971)" and "Amos B. Quill, 26,"
        of 1962)? Then it is either's, and merged into neither.

        >>> d = Discovery(fulls={"Quill": {"Amos Quill": 5, "Amos B. Quill": 2}},
        ...               lives={"Amos Quill": [[1897, 1971]], "Amos B. Quill": [[1936, None]]})
        >>> d.of_either("Quill", "A. Quill"), d.of_either("Quill", "A. B. Quill"), d.of_either("Quill", "Amos Quill")
        (True, False, False)
        >>> d = Discovery(fulls={"Quill": {"Amos B. Quill": 5, "Amos B. Quill Jr.": 2}},
        ...               lives={"Amos B. Quill": [[1871, 1944]], "Amos B. Quill Jr.": [[1904, 1986]]})
        >>> d.of_either("Quill", "A. B. Quill"), d.of_either("Quill", "A. B. Quill Sr."), d.of_either("Quill", "Amos Quill")
        (True, False, True)
        """
        if not self.lives or name in self.lives or generation(name):
            return False  # dated itself, or a "Jr." that says which
        first = name.split()[0].rstrip(".")
        alike = self.same_given(surname, first)
        plain = {f: plain_name(f) for f in self.fulls.get(surname, {}) if f in self.lives}
        forms = [f for f, p in plain.items() if any(_given_compatible(g, p.split()[0].rstrip(".")) for g in alike)
                 and _middles_agree(_middle(name), _middle(p)) and (_middle(p) or not _middle(name))]
        return self.born_apart(forms)

    def life_at(self, name: str, year: int | None, text: str) -> list[int | None] | None:
        """Of several people the corpus dates under one written name (a founder and the
        grandson named after him), the one a mention of ``year`` in ``text`` means: the one
        adult and alive then, else the one adult and alive in a year the text itself names
        (a history of 2006 telling of 1872); None when neither says.

        >>> d = Discovery(lives={"Ada Quill": [[1831, 1898], [1890, 1952]]})
        >>> d.life_at("Ada Quill", 1911, "Mrs. Ada Quill spoke."), d.life_at("Ada Quill", 2006, "In 1872 Ada Quill came.")
        ([1890, 1952], [1831, 1898])
        >>> d.life_at("Ada Quill", 2006, "Ada Quill is remembered.") is None
        True
        >>> d.life_at("Ada Quill", None, "Ada Quill's successor came in 1899.") is None  # the younger was nine
        True
        """
        people = self.dated_people(name)
        if year is not None:
            alive = [p for p in people if (p[0] is None or p[0] + ADULT <= year) and (p[1] is None or year <= p[1])]
            if len(alive) == 1:
                return alive[0]
        told = told_years(text, year)
        held = [p for p in people if any((p[0] is None or p[0] + ADULT <= y) and (p[1] is None or y <= p[1])
                                         for y in told)]
        return held[0] if len(held) == 1 else None

    def shared_name(self, name: str) -> bool:
        """Does the corpus show signs that several people bear this full name: two lives printed
        beside it, or pages naming it over more than ``SHARED_SPAN`` years? A byname is what tells
        such men apart ("Jack Mary" among the parish's Jack Ryans); it stays its own value.

        >>> Discovery(seen={"Amos Quill": [1921, 2012], "Ada Pim": [1990, 2003]}).shared_name("Amos Quill")
        True
        >>> Discovery(seen={"Ada Pim": [1990, 2003]}, lives={"Ada Pim": [[1901, 1980]]}).shared_name("Ada Pim")
        False
        """
        span = self.seen.get(name)
        return len(self.lives.get(name, ())) > 1 or span is not None and span[1] - span[0] > SHARED_SPAN

    def nicknamed_apart(self, name: str) -> bool:
        """Does the corpus quote one nickname in this plain name and another in the same name
        with a generation ('Josiah W. "Joe" Quill', 'Josiah W. "Jody" Quill Jr.')? Then they
        are father and son, however often the son's suffix is written.

        >>> Discovery(nicknamed={"Joe Quill": "Josiah W. Quill", "Jody Quill": "Josiah W. Quill Jr."}
        ...           ).nicknamed_apart("Josiah W. Quill")
        True
        """
        quoted = set(self.nicknamed.values())
        return name in quoted and any(generation(q) and plain_name(q) == name for q in quoted)

    def formal_forms(self, surname: str, forms: dict[str, int]) -> dict[str, int]:
        """``forms`` with each nickname form counted under its formal name ("Danny Quill"
        under "Daniel Quill"), so one person's namings are not split between two names."""
        nicks = self.nicknames.get(surname)
        if not nicks:
            return forms
        out: Counter[str] = Counter()
        for f, n in forms.items():
            first, _, rest = f.partition(" ")
            out[f"{nicks[first]} {rest}" if first in nicks else f] += n
        return dict(out)

    def formal(self, surname: str, given: str) -> str:
        """The given name a nickname stands for with this surname, where the corpus says
        it ('Daniel "Danny" Quill' makes "Danny Quill" Daniel), else the name itself."""
        return self.nicknames.get(surname, {}).get(given, given)

    def same_given(self, surname: str, given: str) -> set[str]:
        """A given name, its formal name and the formal name's nicknames, with this surname.

        >>> d = Discovery(nicknames={"Quill": {"Danny": "Daniel", "Dan": "Daniel"}})
        >>> sorted(d.same_given("Quill", "Danny")), sorted(d.same_given("Vantongeren", "Danny"))
        (['Dan', 'Daniel', 'Danny'], ['Danny'])
        """
        formal = self.formal(surname, given)
        # ... and a famous person's given name in another language ("Jan Huss", "John Huss").
        return {given, formal, *(n for n, f in self.nicknames.get(surname, {}).items() if f == formal),
                *given_names_of(surname, given)}

    def called_by_middle_name(self, name: str, forms: dict[str, int]) -> str:
        """The one longer full name of the same era that ends with ``name``: someone called
        by a middle name ("Julian Hunter" of "Henry Julian Hunter", "Ken Quill" of "J. Kenneth
        Quill") or named without the
        first of a compound surname's words ("Garcia Calderon"). Several such names, or one
        named decades apart, leave ``name`` as it is.

        >>> d = Discovery(fulls={"Hunter": {"Julian Hunter": 8, "Henry Julian Hunter": 1}},
        ...               seen={"Julian Hunter": [1866, 1867], "Henry Julian Hunter": [1867, 1867]})
        >>> d.called_by_middle_name("Julian Hunter", d.fulls["Hunter"])
        'Henry Julian Hunter'
        >>> d = Discovery(fulls={"Hunter": {"Julian Hunter": 8, "Henry Julian Hunter": 1, "Amos Julian Hunter": 1}})
        >>> d.called_by_middle_name("Julian Hunter", d.fulls["Hunter"])
        'Julian Hunter'
        >>> d = Discovery(fulls={"Hunter": {"Julian Hunter": 8, "Henry Julian Hunter": 1}},
        ...               seen={"Julian Hunter": [1990, 1990], "Henry Julian Hunter": [1867, 1867]})
        >>> d.called_by_middle_name("Julian Hunter", d.fulls["Hunter"])
        'Julian Hunter'
        >>> d = Discovery(fulls={"Quill": {"Ken Quill": 2, "J. Kenneth Quill": 2}},
        ...               seen={"Ken Quill": [2004, 2006], "J. Kenneth Quill": [2002, 2004]})
        >>> d.called_by_middle_name("Ken Quill", d.fulls["Quill"])
        'J. Kenneth Quill'
        """
        longer = {f: n for f, n in forms.items() if f.endswith(f" {name}") and not f.split()[0].endswith(".")}
        if not longer and len(words := name.split()) == 2:
            # ... or by an everyday form of it: "Ken Blackwell" of "J. Kenneth Blackwell".
            longer = {f: n for f, n in forms.items() if len(parts := f.split()) == 3 and parts[2] == words[1]
                      and is_hypocorism(words[0], parts[1])}
        if len(_by_given_name(longer)) != 1:
            return name
        best = max(longer, key=lambda f: (len(f.split()), longer[f], f))
        return best if self.same_era(name, best) else name

    def generations(self, surname: str, name: str) -> set[str]:
        """The generations ("Sr", "Jr", "III") the corpus writes this plain name with: "Henry
        Voss" of "Henry Voss, Sr." and "Henry Voss Jr.".

        >>> d = Discovery(fulls={"Voss": {"Henry Voss": 4, "Henry Voss, Sr.": 1, "Henry Voss Jr.": 2,
        ...                               "Henry R. Voss III": 1, "Gary Voss Jr.": 1}})
        >>> sorted(d.generations("Voss", "Henry Voss")), d.generations("Voss", "Henry Voss Jr.")
        (['III', 'Jr', 'Sr'], set())
        """
        words = name.split()
        if generation(name) or ROMAN.match(words[-1]):
            return set()
        if self._generations is None:
            # Worked out once: asked of every full name a document names, over every form.
            by_name: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
            for forms in self.fulls.values():
                for f in forms:
                    if g := generation(f):
                        m = _GENERATION.search(f)
                        base = f[: m.start()].rstrip(" ,") if m else f.rsplit(" ", 1)[0]
                        by_name[base.split()[0], base.split()[-1]].append((_middle(base), g))
            self._generations = dict(by_name)
        middle = _middle(name)
        return {g for m, g in self._generations.get((words[0], words[-1]), ()) if _middles_agree(middle, m)}

    def two_generations(self, name: str) -> bool:
        """Does the corpus say a parent and a child bear this full name with no suffix to
        tell them apart ("his son, also called Harlan"; see :mod:`indexer.kin_names`)?

        >>> d = Discovery(kin={"Harlan Quennell": 2, "Dan Quennell": 1}, nicknames={"Quennell": {"Harry": "Harlan"}})
        >>> d.two_generations("Harlan Quennell"), d.two_generations("Harry Quennell"), d.two_generations("Dan Quennell")
        (True, True, False)
        >>> d.two_generations("Harlan Quennell Jr."), d.two_generations("Harlan T. Quennell")
        (False, False)

        A suffix or a middle initial is what tells them apart where the corpus writes one.
        """
        words = name.split()
        if not self.kin or len(words) < 2 or generation(name) or _middle(name):
            return False
        surname = words[-1]
        return any(self.kin.get(f"{g} {surname}", 0) >= KIN_PARAGRAPHS for g in self.same_given(surname, words[0]))

    def married_name(self, name: str, stated: bool = True) -> str:
        """Her married name where a document says ``name`` was her name before marriage (see
        :meth:`stated_married`; only with ``stated``), else the one full name in which a
        woman's given name and the surname of ``name`` are followed by another surname: her
        name after marriage, her maiden name kept before it ("Joan Varenza" of "Joan Varenza
        Dunkelberg"), written up to a married life
        (:data:`MARRIED_LIFE`) later. A second given name may stand on either side ("Joan
        Rose Varenza" of "Joan Varenza Dunkelberg", "Joan Varenza" of "Joan Rose Varenza
        Dunkelberg"). A man's name, a middle given name ("Mary Ann Quill"), several such
        women, or a married name written before the maiden one leave ``name`` as it is.

        >>> d = Discovery(fulls={"Varenza": {"Joan Varenza": 2}, "Dunkelberg": {"Joan Varenza Dunkelberg": 1}})
        >>> d.married_name("Joan Varenza"), d.married_name("Joan Rose Varenza"), d.married_name("Joan Quill")
        ('Joan Varenza Dunkelberg', 'Joan Varenza Dunkelberg', 'Joan Quill')
        >>> Discovery(fulls={"Varenza": {"Joan Varenza": 2},
        ...                  "Dunkelberg": {"Joan Rose Varenza Dunkelberg": 1, "Joan Varenza Dunkelberg": 1}}
        ...           ).married_name("Joan Varenza")
        'Joan Rose Varenza Dunkelberg'
        >>> Discovery(fulls={"Varenza": {"Joan Varenza": 2}, "Dunkelberg": {"Joan Varenza Dunkelberg": 1},
        ...                  "Morozzi": {"Joan Varenza Morozzi": 1}}).married_name("Joan Varenza")
        'Joan Varenza'
        >>> Discovery(fulls={"Ann": {"Mary Ann": 2}, "Quill": {"Mary Ann Quill": 1}}).married_name("Mary Ann")
        'Mary Ann'
        >>> seen = {"Joan Varenza": [1955, 1958], "Joan Varenza Dunkelberg": [2001, 2010]}
        >>> Discovery(fulls={"Varenza": {"Joan Varenza": 2}, "Dunkelberg": {"Joan Varenza Dunkelberg": 1}},
        ...           seen=seen).married_name("Joan Varenza")
        'Joan Varenza Dunkelberg'
        >>> Discovery(fulls={"Varenza": {"Joan Varenza": 5, "Joan R. Varenza": 1, "Joan B. Varenza": 1},
        ...                  "Dunkelberg": {"Joan Varenza Dunkelberg": 2}}).canonical("Varenza", "Joan", "Joan Varenza")
        'Joan Varenza Dunkelberg'
        >>> seen = {"Joan Varenza": [1870, 1872], "Joan Varenza Dunkelberg": [2001, 2010]}
        >>> Discovery(fulls={"Varenza": {"Joan Varenza": 2}, "Dunkelberg": {"Joan Varenza Dunkelberg": 1}},
        ...           seen=seen).married_name("Joan Varenza")
        'Joan Varenza'
        """
        if stated and (said := self.stated_married(name)):
            return said
        if self._maiden is None:
            maiden: dict[str, dict[str, str]] = defaultdict(dict)
            for forms in self.fulls.values():
                for f in forms:
                    words = f.split()
                    if len(words) == 4 and words[1] in GIVEN and words[2] not in GIVEN:
                        words = [words[0], *words[2:]]  # "Carol Ann Brickner Maddox"
                    if (len(words) == 3 and words[1] not in GIVEN and _NAME_WORD.fullmatch(words[1])
                            and _NAME_WORD.fullmatch(words[2]) and given_name_sex(words[0]) == "f"
                            and words[2] not in STOP | THING_HEADS and words[2].removesuffix("s") not in STOP
                            and words[2] not in TITLES
                            and not self.common_word(words[2])):
                        # (not "the Ellen Maddox Prize", "Kathleen Dolan Home: the Dolan place",
                        # "Rev. Karen Quill / Directors:" of a list's two lines, "Ada Quill, Warden")
                        # one woman written with and without her second given name
                        same = maiden[f"{words[0]} {words[1]}"]
                        same[" ".join(words)] = max(same.get(" ".join(words), f), f, key=lambda n: (len(n), n))
            self._maiden = {k: sorted(v.values()) for k, v in maiden.items()}
        words = name.split()
        key = f"{words[0]} {words[2]}" if len(words) == 3 and words[1] in GIVEN else name
        longer = self._maiden.get(key, ())
        if len(longer) != 1 or longer[0] == name:
            return name
        return longer[0] if self.maiden_then_married(name, longer[0]) else name

    def stated_married(self, name: str) -> str | None:
        """Her married name, where a document said in so many words that ``name`` was her
        name before marriage ("the former Rose Varenza", "née Varenza": see
        :mod:`indexer.former_names`) and the corpus names the married woman in full: the
        longest form it writes of her. None when no document said so, or when the married
        names said are several women the corpus names.

        >>> d = Discovery(fulls={"Quennell": {"Rose Quennell": 3, "Mike Quennell": 2}, "Varenza": {"Rose Varenza": 1}},
        ...               formerly={"Rose Varenza": {"Rose Quennell": 1, "Rose Dunkelberg": 1}})
        >>> d.stated_married("Rose Varenza"), d.stated_married("Rose B. Varenza"), d.stated_married("Rose Quill")
        ('Rose Quennell', 'Rose Quennell', None)
        >>> d = Discovery(fulls={"Varenza": {"Ann Varenza": 2, "Ann K. Varenza": 1},
        ...                      "Pim": {"Ann Pim": 2, "Ann O. Pim": 1}},
        ...               formerly={"Ann Varenza": {"Ann Pim": 1}, "Ann Pim": {"Ann Varenza": 1}})
        >>> d.canonical("Varenza", "Ann", "Ann Varenza"), d.canonical("Pim", "Ann", "Ann Pim")
        ('Ann O. Pim', 'Ann K. Varenza')
        >>> d = Discovery(fulls={"Varenza": {"Ann Varenza": 2}, "Pim": {"Ann Pim": 2}},
        ...               bynames={"Ann Pim": ["Ann Varenza", "Varenza", "Ann"]},
        ...               formerly={"Ann Varenza": {"Ann Pim": 1}})
        >>> d.canonical("Pim", "Ann", "Ann Pim")  # (a byname leading back to her maiden name)
        'Ann Varenza'
        """
        words = name.split()
        said = self.formerly.get(f"{words[0]} {words[-1]}") if len(words) >= 2 else None
        if not said:
            return None
        known = [m for m in said if any(f.split()[0] == words[0] for f in self.fulls.get(m.split()[-1], {}))]
        if len(known) != 1:
            return None
        married = known[0]
        longest = max((f for f in self.fulls[married.split()[-1]] if f.split()[0] == words[0] and not generation(f)),
                      key=lambda f: (len(f.split()), self.fulls[married.split()[-1]][f], f), default=married)
        if self.formerly.get(longest) or self.formerly.get(f"{words[0]} {longest.split()[-1]}"):
            # (her married name is said to be somebody's name before marriage in turn, as where two
            # pages give her names each way round: one step only)
            return longest
        # ... as the corpus writes her at her fullest: "Peggy Quill" of 'Margaret "Peggy" Quill';
        # not married again from there (a byname, a middle name or a nickname may lead back here)
        return self.canonical(longest.split()[-1], longest.split()[0], longest, stated=False)

    def of_initials(self, surname: str, name: str, sex: str) -> str | None:
        """The one full name of that sex ("f" or "m", as a title says) that initials ("J. Baird")
        may stand for, or None: several ("Jean" and "Joan"), or none, leave it unsaid. A woman's
        given name must be a woman's: a wife is written with her husband's initials as often as
        her own. A man's may be any name not a woman's ("Mr. A. Quill" is the Aled Quill the
        corpus names, not Ann Quill; the tables do not know every man's name).

        >>> d = Discovery(fulls={"Baird": {"Joan Baird": 3, "John Baird": 2, "Nora Baird": 1, "Aled Baird": 1}})
        >>> d.of_initials("Baird", "J. Baird", "f"), d.of_initials("Baird", "T. Baird", "f")
        ('Joan Baird', None)
        >>> d.of_initials("Baird", "J. Baird", "m"), d.of_initials("Baird", "A. Baird", "m")
        ('John Baird', 'Aled Baird')
        >>> Discovery(fulls={"Baird": {"Aoife Baird": 2, "Ann Baird": 1}},
        ...           addressed={"Baird": {"Aoife Baird": [0, 2]}}).of_initials("Baird", "A. Baird", "m") is None
        True
        """
        initials = "".join(w[0] for w in name.split()[:-1])
        # (a name the corpus writes after "Miss" is a woman's, whatever the tables say; after "Mrs."
        # too, unless the tables know it for a man's: "Mrs. David Quill" is David's wife)
        women = {f for f, (miss, mrs) in self.addressed.get(surname, {}).items()
                 if miss or mrs and given_name_sex(f.split()[0]) != "m"}
        found = {f.split()[0]: f for f in self.fulls.get(surname, {})
                 if not f.split()[0].endswith(".") and (given_name_sex(f.split()[0]) == "f") == (sex == "f")
                 and not (sex == "m" and f in women)
                 and f.split()[0][0] == initials[0] and _middles_agree(_middle(f), initials[1:])}
        if len({self.formal(surname, g) for g in found}) != 1:
            return None
        given, form = next(iter(found.items()))
        return self.canonical(surname, given, form)

    def maiden_then_married(self, maiden: str, married: str) -> bool:
        """Is a maiden name written no later than a few years after the married one, and
        the married name within a married life of it? Undated names in a dated corpus
        are let through: the one married name of that maiden name is the evidence."""
        mine, theirs = self.seen.get(maiden), self.seen.get(married)
        if not (mine and theirs):
            return True
        return mine[0] <= theirs[1] + CONTEMPORARY and theirs[0] - mine[1] <= MARRIED_LIFE

    def printed_near(self, name: str, other: str) -> bool:
        """Are two full names both dated, and written (or, for an everyday name, told of:
        "Bill Quill" of a 2011 page on the band of 1910) within a generation of each other?"""
        def spoken(n: str) -> list[int] | None:
            span, told = self.seen.get(n), self.told.get(n)
            return [min(span[0], told[0]), max(span[1], told[1])] if span and told else span or told
        mine, theirs = spoken(name), spoken(other)
        return bool(mine and theirs) and not (mine[0] > theirs[1] + NICKNAME_SPAN
                                              or theirs[0] > mine[1] + NICKNAME_SPAN)

    def same_era(self, name: str, other: str) -> bool:
        """Are two full names written within :data:`CONTEMPORARY` years of each other? Not
        when one is undated in a dated corpus (no telling); in an undated corpus, yes."""
        mine, theirs = self.seen.get(name), self.seen.get(other)
        if not self.seen:
            return True
        return bool(mine and theirs) and not (
            mine[0] > theirs[1] + CONTEMPORARY or theirs[0] > mine[1] + CONTEMPORARY)

    def slack(self, name: str) -> int:
        """Years by which the dates a full name is named in full are widened: one public
        life for a name the corpus names often, a few years for one named once or twice."""
        surname = name.split()[-1]
        n = self.fulls.get(surname, {}).get(name, 0)
        return min(FIRST_SEEN_SLACK, max(MIN_SLACK, SLACK_PER_PARAGRAPH * n))

    def first_seen(self, name: str) -> int | None:
        """The first year the corpus names this person in full, by any form of the name that is
        one person's ("Gordon Quill" of a 1994 debate, "Gordon A. Quill" of a 2016 biography);
        None where no form is dated.

        >>> d = Discovery(fulls={"Quill": {"Gordon Quill": 1, "Gordon A. Quill": 2, "Amy Quill": 1}},
        ...               seen={"Gordon Quill": [1994, 1994], "Gordon A. Quill": [2016, 2016], "Amy Quill": [1950, 1950]})
        >>> d.first_seen("Gordon A. Quill"), d.first_seen("Amy Quill")
        (1994, 1950)
        """
        return self._person_dates(name)[0]

    def adult_from(self, name: str) -> int | None:
        """The year this person came of age, where the corpus prints a birth beside any form of
        the name that is one person's ("**Ole Knutson Brekke** (1851-1930)" on a page of 2016
        makes the "Gov. Brekke" of 1909 him); else None.

        >>> d = Discovery(fulls={"Quill": {"Ole K. Quill": 2, "Ole Knutson Quill": 1}},
        ...               seen={"Ole K. Quill": [2016, 2016], "Ole Knutson Quill": [2016, 2016]},
        ...               lives={"Ole Knutson Quill": [[1851, 1930]]})
        >>> d.adult_from("Ole K. Quill"), d.known_by("Ole K. Quill", 1909, titled=True), d.known_by("Ole K. Quill", 1860, titled=True)
        (1866, True, False)
        """
        return self._person_dates(name)[1]

    def _person_dates(self, name: str) -> tuple[int | None, int | None]:
        """(first year named in full, year of coming of age) over the forms of the one person:
        worked out for all the forms of the surname at once, grouped by :meth:`canonical`."""
        if name in self._first_seen:
            return self._first_seen[name]
        self._first_seen[name] = (None, None)  # (a name of no surname's forms; and canonical() may ask again)
        surname = name.split()[-1]
        forms = [f for f in self.fulls.get(surname, {}) if len(f.split()) >= 2]
        if name not in forms:
            return self._first_seen[name]
        self._first_seen.update((f, (None, None)) for f in forms)
        people: dict[str, list[str]] = defaultdict(list)
        for f in forms:
            people[self.canonical(surname, "" if f.split()[0].endswith(".") else f.split()[0], f)].append(f)
        for mine in people.values():
            found = (min((self.seen[f][0] for f in mine if f in self.seen), default=None),
                     min((life[0] + ADULT for f in mine for life in self.lives.get(f, ()) if life[0] is not None),
                         default=None))
            self._first_seen.update((f, found) for f in mine)
        return self._first_seen[name]

    def known_by(self, name: str, year: int | None, titled: bool = False) -> bool:
        """Could a document of ``year`` mean this full name? Not if the corpus first names
        it in full decades later (unknown dates decide nothing); and for a ``titled``
        mention (an office is held by the living), not decades after it last did.

        >>> d = Discovery(fulls={"Scott": {"Tim Scott": 1}}, seen={"Tim Scott": [2015, 2018]})
        >>> d.known_by("Tim Scott", 1840), d.known_by("Tim Scott", 2016), d.known_by("Tim Scott", None)
        (False, True, True)
        >>> d.known_by("Tim Scott", 2150), d.known_by("Tim Scott", 2150, titled=True)
        (True, False)
        >>> d.known_by("Tim Scott", 1990), d.known_by("Tim Scott", 1990, titled=True)
        (True, False)
        >>> d.known_by("Tim Scott", 2050, titled=True)
        True
        """
        if year is None:
            return True
        span = self.seen.get(name)
        if span is None:
            return True
        if not titled:
            return span[0] - FIRST_SEEN_SLACK <= year
        # From the first naming of the one person, by any form: "Governor Quill" of 1990 is the
        # "Gordon Quill" of 1994, and so the "Gordon A. Quill" of a biography written in 2016.
        # (Not to the last: a form recalled in a late speech does not keep an office his.)
        first = self.first_seen(name) or span[0]
        slack = self.slack(name)
        earliest = first - slack
        if (adult := self.adult_from(name)) is not None:
            earliest = min(earliest, adult)  # ... or from the coming of age of a life printed beside the name
        return earliest <= year <= span[1] + max(slack, LAST_SEEN_GRACE)

    def seen_near(self, name: str, year: int | None) -> bool:
        """Does the corpus name this full name in documents within :data:`CONTEMPORARY`
        years of ``year``? (Unknown dates say no.)

        >>> d = Discovery(seen={"Tim Scott": [2015, 2018]})
        >>> d.seen_near("Tim Scott", 2012), d.seen_near("Tim Scott", 1990), d.seen_near("Tim Scott", None)
        (True, False, False)
        """
        span = self.seen.get(name)
        return year is not None and span is not None and span[0] - CONTEMPORARY <= year <= span[1] + CONTEMPORARY

    def addressed_otherwise(self, name: str, surname: str, title: str) -> bool:
        """Does the corpus address the woman ``name``, by ``surname``, in full only by the other of
        "Miss" and "Mrs." than ``title``? A daughter ("Miss Edith Quill", "Miss E. M. Quill") is not the
        "Mrs. Quill" of her mother, nor is the mother ("Mrs. Harriet Quill") the "Miss Quill"
        of a daughter: a wife bears her husband's surname, an unmarried woman her father's.
        Forms answer for a name whose given name and middle initials they agree with ("Miss E. M.
        Quill" for Edith Quill; not "Miss Ruth Ellen Quill" for Ruth Pim Quill). Another surname says
        nothing: "Miss Lisle" may be the maiden name of "Mrs. Harriet Quill".

        >>> d = Discovery(addressed={"Quill": {"Edith Quill": [2, 0], "E. M. Quill": [1, 0], "Harriet Quill": [0, 3],
        ...                                    "Ruth Ellen Quill": [2, 0]}})
        >>> d.addressed_otherwise("Edith Quill", "Quill", "Mrs."), d.addressed_otherwise("Edith Quill", "Quill", "Miss")
        (True, False)
        >>> d.addressed_otherwise("Harriet Quill", "Quill", "Miss"), d.addressed_otherwise("Ada Quill", "Quill", "Mrs")
        (True, False)
        >>> d.addressed_otherwise("Ruth Pim Quill", "Quill", "Mrs."), d.addressed_otherwise("Ruth Quill", "Quill", "Mrs.")
        (False, True)
        >>> d.addressed_otherwise("Harriet Quill", "Lisle", "Miss")
        False
        """
        address = _ADDRESS.get(title.rstrip("."))
        words = name.split()
        if address is None or len(words) < 2 or words[-1] != surname:
            return False
        counts = [0, 0]
        given, middle = words[0].rstrip("."), _middle(name)
        for form, said in self.addressed.get(words[-1], {}).items():
            if _given_compatible(form.split()[0].rstrip("."), given) and _middles_agree(_middle(form), middle):
                counts[0] += said[0]
                counts[1] += said[1]
        return counts[1 - address] > 0 and not counts[address]

    def owner(self, surname: str, year: int | None = None, title: str = "") -> str | None:
        """The full name a bare surname means corpus-wide: the only one seen, at least twice,
        among those the corpus already knew by ``year`` (and, for a ``title``d mention,
        still knew then); "" when that given name is two people's, their lives printed
        apart (see :mod:`indexer.lifespans`).

        >>> Discovery(fulls={"Bauer": {"Bruno Bauer": 2, "Edgar Bauer": 2}}).owner("Bauer") is None
        True
        >>> d = Discovery(fulls={"Scott": {"Tim Scott": 5}}, seen={"Tim Scott": [2015, 2018]})
        >>> d.owner("Scott", 2016), d.owner("Scott", 1840)
        ('Tim Scott', None)
        >>> Discovery(fulls={"Fourier": {"Charles Fourier": 7, "Ch Fourier": 3}}).owner("Fourier")
        'Charles Fourier'
        >>> Discovery(fulls={"Quill": {"Amos Quill": 7, "Amos B. Quill": 3}},
        ...           lives={"Amos Quill": [[1897, 1971]], "Amos B. Quill": [[1936, None]]}).owner("Quill")
        ''
        """
        every = self.fulls.get(surname, {})
        if any(ROMAN.match(f.split()[-1]) for f in every):
            return None  # a regnal name ("Napoleon III"): several rulers share the bare word
        if known_alone(surname, every):
            return None  # somebody's whole name: "Augustus" is the emperor as much as Philip Augustus
        forms = self.formal_forms(surname, {f: n for f, n in every.items() if self.known_by(f, year, bool(title))})
        # The one naming of a rare surname dates itself by the era of the word's uses, not by
        # the window of a name the corpus writes often: "President Sadat" of 1978 is the
        # "Anwar Sadat" a speech of 1993 recalls.
        best = ((_dominant_given_name(forms) if forms else None) or self.named_once_then(surname, year, title)
                or (None if title else self.famous_given_name(surname, forms, year)))
        if best is None:
            return None
        if title and self.named_soon_after(surname, year, best, TITLE_SEX.get(office_title(title))):
            return ""  # "Dr. Simon" of 1867: the Jules named from 1871, or the John named in 1881?
        if self.lives and self.born_apart(bearers := [f for f in forms if f.split()[0].startswith(best)]):
            # A father and a son of one given name, their lives printed apart: the bare word is
            # either's, unless only one of them was a grown man alive at the document's date
            # ("Mr. Quill" of 1874, when the son was thirteen).
            grown = {f for f in bearers for b, d in self.dated_people(f) if year is not None and b + ADULT <= year <= d}
            if len(grown) != 1 or not all(self.dated_people(f) for f in bearers):
                return ""
            (alive,) = grown
            given = alive.split()[0]
            return self.canonical(surname, given if len(given) > 1 else "", alive)
        return self.canonical(surname, best if len(best) > 1 else "", next(
            f for f in forms or every if f.split()[0].startswith(best)))

    def famous_given_name(self, surname: str, forms: dict[str, int], year: int | None) -> str | None:
        """The given name of the one famous person (see :mod:`indexer.notables`) among the
        bearers the corpus names in full, where no count decides: "as Burke said" of 1905
        is Edmund Burke, named once, not the Jim Burke named once in 1992. Fame breaks a
        tie, not a count: the famous one must be named at least as often as the others. (For
        an untitled mention: a title, "Herr Muller", "Admiral Burke", says a contemporary
        the writer met, famous or not.)

        >>> d = Discovery(fulls={"Burke": {"Edmund Burke": 1, "Jim Burke": 1}, "Quill": {"Edmund Quill": 1}})
        >>> d.famous_given_name("Burke", d.fulls["Burke"], 1905), d.famous_given_name("Burke", d.fulls["Burke"], 1700)
        ('Edmund', None)
        >>> d.famous_given_name("Burke", {"Edmund Burke": 1, "Jim Burke": 2}, 1905) is None
        True
        """
        if not forms or common_surname(surname):
            return None  # thousands bear it: a famous one is not the likelier for being famous
        name = famous_bearer(surname, forms, year)
        if name is None:
            return None
        person = famous(surname, name)
        mine = sum(n for f, n in forms.items() if famous(surname, f) == person)
        if mine * 2 < sum(forms.values()):
            return None
        first = name.split()[0]
        return first.rstrip(".") if first.endswith(".") else first

    def named_soon_after(self, surname: str, year: int | None, given: str, sex: str | None = None) -> bool:
        """Does the corpus first name another bearer of the surname (of the title's
        ``sex``, if it says one) in full within :data:`ERA_GAP` years after ``year``? The
        window a titled mention allows a name the corpus writes once or twice is a few
        years (see :meth:`slack`), but such a bearer may have held the title then too: the
        "Dr. Simon" of 1867 is as likely the John Simon named in 1881 as the Jules Simon
        named from 1871; "Mr. Pryor" is not the Bernadine Pryor named later.

        >>> d = Discovery(fulls={"Simon": {"Jules Simon": 3, "John Simon": 2}},
        ...               seen={"Jules Simon": [1871, 1900], "John Simon": [1881, 1881]})
        >>> d.named_soon_after("Simon", 1867, "Jules"), d.named_soon_after("Simon", 1855, "Jules")
        (True, False)
        >>> d.owner("Simon", 1867, "Dr"), d.owner("Simon", 1867)
        ('', None)
        """
        if year is None:
            return False
        return any(not _given_compatible(f.split()[0].rstrip("."), given) and not ROMAN.match(f.split()[-1])
                   and (span := self.seen.get(f)) and year < span[0] <= year + ERA_GAP
                   and not (sex and given_name_sex(f.split()[0]) not in (sex, None))
                   for f in self.fulls.get(surname, {}))

    def named_once_then(self, surname: str, year: int | None, title: str = "") -> str | None:
        """The given name of the one person the corpus ever names in full with this
        surname (in one form or several), however rarely, when that naming falls in the same
        era of the bare word's uses as ``year``: "President Brezhnev" of 1976 is the "Leonid Brezhnev"
        named once in 1981, not a second person. An untitled use of a later era also
        recalls him ("as Luther said", decades after the one naming), when no use of
        either era is titled; a titled use is a contemporary, perhaps another. Not for a
        common surname, which thousands bear.

        >>> d = Discovery(fulls={"Brezhnev": {"Leonid Brezhnev": 1}}, seen={"Leonid Brezhnev": [1981, 1981]},
        ...               uses={"Brezhnev": {"1972": [1, 0], "1976": [4, 0], "1989": [0, 1]}})
        >>> d.named_once_then("Brezhnev", 1976), d.named_once_then("Brezhnev", 1930), d.named_once_then("Brezhnev", None)
        ('Leonid', None, None)
        >>> d = Discovery(fulls={"Luther": {"Martin Luther": 1}}, seen={"Martin Luther": [1850, 1850]},
        ...               uses={"Luther": {"1850": [0, 1], "1880": [0, 2], "1940": [3, 1]}})
        >>> d.named_once_then("Luther", 1880), d.named_once_then("Luther", 1880, "Dr"), d.named_once_then("Luther", 1940)
        ('Martin', None, None)
        >>> d = Discovery(fulls={"Herve": {"Edouard Herve": 1}}, seen={"Edouard Herve": [1871, 1871]},
        ...               uses={"Herve": {"1871": [2, 0], "1908": [0, 3]}})
        >>> d.named_once_then("Herve", 1908), d.named_once_then("Herve", 1871)
        (None, 'Edouard')
        >>> d = Discovery(fulls={"Cass": {"Lewis Cass": 1}}, seen={"Lewis Cass": [1858, 1858]},
        ...               uses={"Cass": {"1827": [1, 0], "1858": [1, 0], "1885": [1, 0], "1903": [0, 1]}})
        >>> [d.named_once_then("Cass", year, title) for year, title in ((1885, "Mr"), (1903, ""), (1827, "Gov"))]
        ['Lewis', 'Lewis', None]
        >>> d = Discovery(fulls={"Lindbergh": {"Charles Lindbergh": 1}}, seen={"Charles Lindbergh": [2012, 2012]},
        ...               recalled={"Charles Lindbergh": [1927, 1927]},
        ...               uses={"Lindbergh": {"1927": [2, 0], "1929": [3, 0]}})
        >>> d.named_once_then("Lindbergh", 1929, "Col"), d.named_once_then("Lindbergh", 1970, "Col")
        ('Charles', None)
        >>> d = Discovery(fulls={"Morozzi": {"Dario Morozzi": 2, "Dario L. Morozzi": 1}},
        ...               seen={"Dario Morozzi": [2025, 2026], "Dario L. Morozzi": [2026, 2026]},
        ...               uses={"Morozzi": {"2014": [2, 0]}})
        >>> d.named_once_then("Morozzi", 2014, "Senator"), d.owner("Morozzi", 2014, "Senator")
        ('Dario', 'Dario L. Morozzi')
        """
        every = self.fulls.get(surname, {})
        if year is None or not every or common_surname(surname):
            return None
        if any(f.split()[0].endswith(".") or ROMAN.match(f.split()[-1]) for f in every):
            return None
        name = next(iter(every))
        if len(every) > 1:
            # One person written two ways ("Marco Rubio", "Marco A. Rubio") is still one person.
            people = {self.canonical(surname, f.split()[0], f) for f in every}
            if len(people) != 1:
                return None
            name = people.pop()
        spans = [self.seen[f] for f in every if f in self.seen]
        span = [min(s[0] for s in spans), max(s[1] for s in spans)] if spans else None
        if title and (person := famous(surname, name)) and person.died is not None and year > person.died + PUBLIC_LIFE:
            # A title says a contemporary: the one naming of a famous man dead long before
            # ("Henry Fielding" of a lecture) is no "Canon Fielding" of the minutes.
            return None
        if span is None:
            # Named only on an undated page ("elected in 1984 under David Lange" on a site's
            # history page): of no era but the word's own, when all its uses fall within one
            # public life. (A word used across a century, "Proudhon", is no one naming's.)
            eras = self.eras(surname)
            return name.split()[0] if len(eras) == 1 and eras[0][1] - eras[0][0] <= PUBLIC_LIFE else None
        eras = self.eras(surname)
        # The era the one naming falls in, if any; a recall must come after it, and neither
        # may title the word (a title says a contemporary: "M. Herve" of 1871 is no "Herve"
        # of 1908, nor is a "Ney" of 1898 the "Edgar Ney" named once in 1852, in no era).
        named_in = [n for a, b, n in eras if a - ERA_GAP <= span[0] <= b + ERA_GAP]
        # A famous man's one naming in no era of the word, on a later page looking back to the
        # years of one life, is of the era it tells: "Charles Lindbergh landed here in 1927", on
        # a page of 2012, is the "Colonel Lindbergh" of the minutes of 1927. (Not a townsman's:
        # "Ambrose Quill restored the forge built in 1897" tells the forge's year, not his.)
        back = next((self.recalled[f] for f in every if f in self.recalled), None) if not named_in and famous(
            surname, name) else None
        if back and back[1] - back[0] > PUBLIC_LIFE:
            back = None
        for first, last, titled in eras:
            if not first - ERA_GAP <= year <= last + ERA_GAP:
                continue
            if named_in and first - ERA_GAP <= span[0] <= last + ERA_GAP:
                return name.split()[0]
            if back and first - ERA_GAP <= back[1] and back[0] <= last + ERA_GAP:
                return name.split()[0]
            if named_in and not (title or titled or any(named_in)) and span[0] <= year:
                return name.split()[0]
            if (named_in and titled and self.era_of(surname, year) is True
                    and span[0] <= year <= span[0] + PUBLIC_LIFE):
                # Titled uses in eras a public life apart are one person's (see era_of), and one
                # named before them recalled: the "Mr. Cass" of 1885 is the Lewis Cass named in
                # 1858. (Not a titled use before the naming: the "Senator Hickenlooper" of 1965
                # is no John Hickenlooper first named in 2009.)
                return name.split()[0]
        return None

    def sole_bearer(self, surname: str, year: int | None = None, titled: bool = False,
                    sex: str | None = None) -> str | None:
        """The full name of the one person the corpus names in full with this surname, however
        rarely, for a bare mention the corpus-wide owner rules leave open because one of
        the two is undated: "Miss Oakes" of an undated transcript is the "Winnifred Oakes" a
        class list names once. A value of the bare word beside the full one would split the person.

        Not a common surname (thousands bear it), not a word the corpus uses across more than
        a public life (a famous name cited for a century, "Proudhon", which one naming, perhaps
        garbled, does not settle), not where both are dated (the owner's eras decide that: see
        :meth:`named_once_then`), and not of a title's other sex; a woman's title asks for a
        woman (an initial may be her husband's: see :meth:`may_be`).

        >>> d = Discovery(fulls={"Oakes": {"Winnifred Oakes": 1}, "Pim": {"Ada Pim": 1, "Tom Pim": 1},
        ...                      "Vance": {"Douglas Raymond Vance": 1, "Doug Vance": 1}, "Voss": {"R. Voss": 2}},
        ...               seen={"Winnifred Oakes": [1976, 1976], "Douglas Raymond Vance": [1991, 1991]})
        >>> d.sole_bearer("Oakes"), d.sole_bearer("Oakes", None, True, "f"), d.sole_bearer("Oakes", None, True, "m")
        ('Winnifred Oakes', 'Winnifred Oakes', None)
        >>> d.sole_bearer("Pim"), d.sole_bearer("Vance"), d.sole_bearer("Vance", 1956), d.sole_bearer("Oakes", 1978)
        (None, 'Douglas Raymond Vance', None, None)
        >>> d.sole_bearer("Voss", 1970, True, "m"), d.sole_bearer("Voss", 1970, True, "f")
        ('R. Voss', None)
        """
        every = self.formal_forms(surname, self.fulls.get(surname, {}))
        if not every or common_surname(surname) or any(ROMAN.match(f.split()[-1]) for f in every) or known_alone(
                surname, every):
            return None
        people = _by_given_name(every)
        if len(people) != 1:
            return None
        eras = self.eras(surname)
        if eras and eras[-1][1] - eras[0][0] > PUBLIC_LIFE:
            return None
        (given,) = people
        forms = [f for f in every if f.split()[0].startswith(given)]
        if year is not None and any(self.seen.get(f) for f in forms) or not any(
                self.known_by(f, year, titled) for f in forms):
            return None  # dated on both sides: the owner's eras decide (see named_once_then)
        if sex and not self.may_be(surname, forms[0], sex):
            return None
        return self.canonical(surname, given if len(given) > 1 else "",
                              max(forms, key=lambda f: (len(f.split()), every[f])))

    def nickname_owner(self, word: str) -> str | None:
        """The full name of the one person the corpus quotes this word as the nickname of
        ('Leo "Pitou" Quill' makes a lone "Pitou" Leo Quill): a value of the bare nickname
        beside his would split him. Not a word that is a given name in any table (many bear
        "Ryan", 'William "Ryan" Quill' or not), nor a surname the corpus names people by.

        >>> d = Discovery(fulls={"Quill": {"Leo Quill": 3}, "Ames": {"Daniel Ames": 1}},
        ...               nicknames={"Quill": {"Pitou": "Leo"}, "Ames": {"Danny": "Daniel", "Ryan": "Daniel"}})
        >>> d.nickname_owner("Pitou"), d.nickname_owner("Danny"), d.nickname_owner("Ryan")
        ('Leo Quill', None, None)
        >>> Discovery(fulls={"Quill": {"Leo Quill": 3}, "Ames": {"Daniel Ames": 1}},
        ...           nicknames={"Quill": {"Pitou": "Leo"}, "Ames": {"Pitou": "Daniel"}}).nickname_owner("Pitou") is None
        True
        """
        men, women = given_name_shares()
        if word in GIVEN or word in STOP or word in men or word in women or word in self.fulls:
            return None
        owners = [(s, g) for s, nicks in self.nicknames.items() if (g := nicks.get(word)) and g != word]
        if len(owners) != 1:
            return None
        surname, given = owners[0]
        forms = {f: n for f, n in self.fulls.get(surname, {}).items() if f.split()[0] == given}
        if not forms:
            return None
        return self.canonical(surname, given, max(forms, key=lambda f: (len(f.split()), forms[f])))

    def may_be(self, surname: str, name: str, sex: str) -> bool:
        """May a title of this ``sex`` ("m", "f") mean the bearer of this full name? By the
        given name's sex in the census tables, else by the titles the corpus wrote before the
        name: "Mrs. Quill" is no "Mr. R. Quill", whose initial says nothing. A woman's title
        asks for a woman: "R. Quill" written with no title may be her husband.

        >>> d = Discovery(titles={"Quill": {"Mr": {"R. Quill": 2}, "Mrs": {"A. Quill": 1}}})
        >>> d.may_be("Quill", "R. Quill", "f"), d.may_be("Quill", "A. Quill", "f"), d.may_be("Quill", "B. Quill", "f")
        (False, True, False)
        >>> d.may_be("Quill", "R. Quill", "m"), d.may_be("Quill", "Ada Quill", "m"), d.may_be("Quill", "B. Quill", "m")
        (True, False, True)
        """
        first = name.split()[0]
        said = None if first.endswith(".") else given_name_sex(first)
        if said is None:
            written = {TITLE_SEX.get(office_title(t)) for t, holders in self.titles.get(surname, {}).items()
                       if any(h.split()[0] == first for h in holders)} - {None}
            said = next(iter(written)) if len(written) == 1 else None
        return said == sex if sex == "f" else said != "f"

    def titled_owner(self, surname: str, title: str, year: int | None = None) -> str | None:
        """Of the full names the corpus wrote with this office title and surname ("Vice
        President Joe Biden"), the one a titled bare mention of ``year`` means: "" when
        several people held it then (none outnumbering the others :data:`OWNER_DOMINANCE`
        times over), None when the title tells nothing (never seen so, or
        an honorific).

        >>> d = Discovery(fulls={"Biden": {"Joe Biden": 9, "Jill Biden": 4}},
        ...               titles={"Biden": {"President": {"Joe Biden": 3}}})
        >>> d.titled_owner("Biden", "President"), d.titled_owner("Biden", "Mrs") is None
        ('Joe Biden', True)
        >>> Discovery(titles={"Hale": {"Senator": {"Eugene Hale": 3, "John Hale": 2}}}).titled_owner("Hale", "Senator")
        ''
        >>> Discovery(titles={"Hale": {"Sen": {"Eugene Hale": 1}}}).titled_owner("Hale", "Senator")
        'Eugene Hale'

        """
        office = office_title(title)
        forms: Counter = Counter()
        for written, holders in self.titles.get(surname, {}).items():
            if office_title(written) == office:  # "Sen." and "Senator" alike
                # An office is held by a contemporary: the "Councillor Howard Kerr" of the 1930s
                # is not the "Coun. Kerr" of 1897.
                forms.update({f: n for f, n in holders.items()
                              if not ROMAN.match(f.split()[-1]) and self.known_by(f, year, True)
                              and (year is None or f not in self.seen or self.seen_near(f, year))})
        if not forms:
            return self.titled_by_first_word(surname, office, year)
        (best, n), *others = _by_given_name(forms).most_common()
        if others and n < OWNER_DOMINANCE * sum(m for _, m in others):
            return ""
        return self.canonical(surname, best if len(best) > 1 else "", next(
            f for f in forms if f.split()[0].startswith(best)))

    def titled_by_first_word(self, word: str, office: str, year: int | None = None) -> str | None:
        """The one person the corpus writes in full with this office and a name that
        begins with ``word``, when nobody is written with the office and ``word`` as a
        surname: "Chairman Kim" is the "Chairman Kim Jong Un" of a name written surname
        first, "Governor Kim" the "Governor Kim Reynolds" of one called by the given name.
        None when nobody, or several, were written so, or when the word is a common surname
        ("General James" is not the corpus's "General James M. Wright"); a regnal name never.

        >>> d = Discovery(titles={"Un": {"Chairman": {"Kim Jong Un": 2}}, "Reynolds": {"Governor": {"Kim Reynolds": 1}},
        ...                       "Il": {"Premier": {"Kim Jong Il": 1}}, "Sung": {"Premier": {"Kim Il Sung": 1}}})
        >>> d.titled_by_first_word("Kim", "Chairman"), d.titled_by_first_word("Kim", "Premier")
        ('Kim Jong Un', None)
        """
        if office in HONORIFICS or common_surname(word):
            return None  # "General James", "Congressman Thomas": a surname as often as anything
        holders = {f for f in self._office_holders_by_first_word.get((word, office), ())
                   if self.known_by(f, year, True)}
        return holders.pop() if len(holders) == 1 else None

    @cached_property
    def _office_holders_by_first_word(self) -> dict[tuple[str, str], set[str]]:
        """(first word, office) -> the full names written with the office (the state is
        read whole and not changed after: see :meth:`from_state`)."""
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for offices in self.titles.values():
            for written, names in offices.items():
                for f in names:
                    if " " in f and not ROMAN.match(f.split()[-1]):
                        out[(f.split()[0], office_title(written))].add(f)
        return out

    @cached_property
    def _families_by_first_word(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for surname, forms in self.fulls.items():
            for f in forms:
                out[f.split()[0]].add(surname)
        return out

    @cached_property
    def _surnames_by_ocr_key(self) -> dict[str, list[str]]:
        """The corpus's one-word surnames by their OCR key (see :func:`indexer.ocr.ocr_key`), built
        once: a misreading is looked up, not compared with every surname."""
        out: dict[str, list[str]] = defaultdict(list)
        for surname in self.fulls:
            if " " not in surname:
                out[ocr_key(surname)].append(surname)
        return out

    def misread(self, word: str, year: int | None = None, title: str = "") -> str | None:
        """The full name a word nobody bears is an OCR misreading of: the same letters but for
        shapes a scanner confuses ("Tolrnie" of Tolmie, "Rangl" of Rangi), of a surname the
        corpus owns at ``year``, when that is the one such surname. Not a word any census
        surname, given name or everyday word is, nor one the corpus writes as a given name.
        (One letter off is not enough: "Kiesinger" beside Kissinger, "Grevy" beside Grey,
        "Laken" Riley beside bin Laden are other people.)

        >>> d = Discovery(fulls={"Tolmie": {"Hugh Tolmie": 3}, "Kissinger": {"Henry Kissinger": 3}})
        >>> d.misread("Tolrnie"), d.misread("Kiesinger"), d.misread("Tolmie")
        ('Hugh Tolmie', None, None)
        """
        if word in self.fulls or word in self._first_words or not self._may_be_misread(word):
            return None
        owners = {self.owner(surname, year, title) or "" for surname in self._read_alike(word)}
        return owners.pop() or None if len(owners) == 1 else None

    def _may_be_misread(self, word: str) -> bool:
        """Is ``word`` long enough and no name or word any table knows, so that it may be a misreading?"""
        return not (len(word) < MISREAD_LENGTH or word in GIVEN or word in STOP or any_surname(word)
                    or self.common_word(word))

    def _read_alike(self, word: str) -> list[str]:
        """The corpus's other surnames a scanner could have misread as ``word``: the same OCR key,
        the same first letter, at most one letter longer or shorter."""
        return [s for s in self._surnames_by_ocr_key.get(ocr_key(word), ())
                if s[:1] == word[:1] and abs(len(s) - len(word)) <= 1 and s != word]

    def misread_surname(self, surname: str, given: str) -> str | None:
        """The surname that a full name's surname is an OCR misreading of ("Josiah Haslarn" of
        Josiah Haslam, "Bruce McAIister" of Bruce Ian McAlister): the same letters but for
        shapes a scanner confuses, a surname the corpus names someone of this given name by,
        more often than by the misreading. Not a surname of any census table, a given name or
        an everyday word (see :meth:`misread`).

        >>> d = Discovery(words={"Haslam": [0, 0, 9, 0, 0, 0, 0, 0, 0], "Haslarn": [0, 0, 1, 0, 0, 0, 0, 0, 0]},
        ...               fulls={"Haslam": {"Josiah Haslam": 9}, "Haslarn": {"Josiah Haslarn": 1}})
        >>> d.misread_surname("Haslarn", "Josiah"), d.misread_surname("Haslarn", "Ezra"), d.misread_surname("Haslam", "Josiah")
        ('Haslam', None, None)
        """
        if not given or not self._may_be_misread(surname):
            return None
        seen = self.surname_evidence(surname)
        meant = {other for other in self._read_alike(surname) if self.surname_evidence(other) > seen
                 and any(full.split()[0] == given for full in self.fulls.get(other, ()))}
        return meant.pop() if len(meant) == 1 else None

    @cached_property
    def _first_words(self) -> frozenset[str]:
        """Words the corpus writes before a surname: given names, whatever lists say ("Laken")."""
        return frozenset(f.split()[0] for forms in self.fulls.values() for f in forms)

    def eras(self, word: str) -> list[tuple[int, int, int]]:
        """The (first, last, titled uses) eras of a lone word's dated uses, split where no
        paragraph used it for more than :data:`ERA_GAP` years.

        >>> Discovery(uses={"Hull": {"1812": [3, 0], "1814": [0, 1], "1940": [9, 2]}}).eras("Hull")
        [(1812, 1814, 3), (1940, 1940, 9)]
        """
        out: list[tuple[int, int, int]] = []
        for year, (titled, _) in sorted((int(y), n) for y, n in self.uses.get(word, {}).items()):
            if out and year - out[-1][1] <= ERA_GAP:
                first, _, m = out[-1]
                out[-1] = (first, year, m + titled)
            else:
                out.append((year, year, titled))
        return out

    def era_of(self, word: str, year: int | None) -> tuple[int, int] | bool:
        """Which person a lone word with no owner names in a document of ``year``: True
        when at most one of its eras is a person's (titled uses in it, two or more, or
        one a public life away from the others), the (first, last) years of the
        document's era when several are, else False (several people, and this document
        not known to be of one of their eras).

        >>> d = Discovery(uses={"Hull": {"1812": [1, 0], "1940": [9, 0], "1944": [2, 0]},
        ...                     "Hegel": {"1840": [1, 3], "1855": [0, 5], "1870": [1, 0]}})
        >>> d.era_of("Hegel", 1845), d.era_of("Hull", 1942), d.era_of("Hull", None), d.era_of("Hull", 1880)
        (True, (1940, 1944), False, False)
        >>> Discovery(uses={"Cass": {"1827": [1, 0], "1858": [1, 0], "1885": [1, 0]}}).era_of("Cass", 1885)
        True
        """
        titled = [(a, b, n) for a, b, n in self.eras(word) if n]
        people = [(a, b) for a, b, n in titled if n >= MIN_OWNER_COUNT or all(
            c - b > PUBLIC_LIFE or a - d > PUBLIC_LIFE for c, d, _ in titled if (c, d) != (a, b))]
        if len(people) <= 1:
            return True
        if year is None:
            return False
        return next(((a, b) for a, b in people if a - ERA_GAP <= year <= b + ERA_GAP), False)

    def sexes(self, word: str) -> set[str]:
        """The sexes ("m", "f") the corpus gives a surname: by the titles before it ("Mr.",
        "Mrs."; "Senator" says none) and by the given names it names in full with it.

        >>> sorted(Discovery(words={"Gore": [0, 0, 3, 0, 0, 0, 2]}, fulls={"Gore": {"Albert Gore": 1}}).sexes("Gore"))
        ['f', 'm']
        """
        stats = self.words.get(word)
        out = {sex for sex, i in (("m", MALE), ("f", FEMALE)) if stats and stats[i]}
        for f in self.fulls.get(word, {}):
            sex = given_name_sex(f.split()[0])
            if sex:
                out.add(sex)
        return out

    def regnal(self, name: str) -> bool:
        """Does the corpus number rulers of this name ("Napoleon III", "Alexander II")?
        Then the bare name is several people.

        >>> Discovery(fulls={"Napoleon": {"Napoleon III": 4}}).regnal("Napoleon")
        True
        """
        return bool(self._numbered(name))

    def _numbered(self, name: str) -> list[str]:
        return [f for f in self.fulls.get(name, {}) if ROMAN.match(f.split()[-1])]

    def only_ruler(self, name: str) -> str | None:
        """The one ruler of this name the corpus numbers, if it numbers one.

        >>> Discovery(fulls={"Umberto": {"Umberto I": 3}}).only_ruler("Umberto")
        'Umberto I'
        """
        rulers = self._numbered(name)
        return rulers[0] if len(rulers) == 1 else None

    def namesakes(self, surname: str, year: int | None = None) -> int:
        """How many people (by given name, an initial counting towards the one name it
        begins) the corpus names in full, at least twice each, with this surname (of those
        it already knew by ``year``).

        >>> Discovery(fulls={"Pim": {"P. Pim": 3, "Pierre Pim": 1, "E. Pim": 2, "Ada Pim": 1}}).namesakes("Pim")
        2
        """
        forms = {f: n for f, n in self.fulls.get(surname, {}).items()
                 if not ROMAN.match(f.split()[-1]) and self.known_by(f, year)}
        return sum(1 for n in _by_given_name(forms).values() if n >= MIN_OWNER_COUNT) if forms else 0

    def bearers(self, surname: str, year: int | None = None) -> int:
        """How many given names the corpus names in full with this surname, however
        rarely (of those it already knew by ``year``).

        >>> Discovery(fulls={"Bennett": {"Bill Bennett": 1, "Henry Bennett": 1, "H. Bennett": 1}}).bearers("Bennett")
        2
        """
        return len({f.split()[0] for f in self.fulls.get(surname, {})
                    if not ROMAN.match(f.split()[-1]) and not f.split()[0].endswith(".")
                    and self.known_by(f, year)})

    def given_owner(self, given: str, min_count: int = MIN_OWNER_COUNT, year: int | None = None) -> str | None:
        """The full name a lone given name means corpus-wide: the only person named
        in full with it, seen at least twice ("Rosa" -> "Rosa Parks"), else None.

        >>> Discovery(fulls={"Parks": {"Rosa Parks": 3}, "Marx": {"Karl Marx": 4}}).given_owner("Rosa")
        'Rosa Parks'
        """
        people = self.surnames_of(given)
        if len(people) != 1:
            return None
        surname, n = next(iter(people.items()))
        if n < min_count:
            return None
        forms = [f for f in self.fulls[surname] if f.split()[0] == given]
        if not any(self.named_then(f, year) for f in forms):
            return None
        return self.canonical(surname, given, max(forms, key=lambda f: self.fulls[surname][f]))

    def called_by_given_name(self, given: str, surname: str) -> bool:
        """Does the corpus call this person by the given name alone in the documents that
        name them in full, more than rarely ("Gabby" beside "Gabby Giffords")? Then a lone
        "Gabby" elsewhere may be them; a given name the corpus hardly uses for its owner
        ("Adam" of "Adam Smith", nearly always "Smith") is anyone's. (A state counted
        before this was: yes.)

        >>> d = Discovery(called={"Gabby Giffords": [2, 2], "Adam Smith": [40, 1]})
        >>> d.called_by_given_name("Gabby", "Giffords"), d.called_by_given_name("Adam", "Smith")
        (True, False)
        >>> Discovery().called_by_given_name("Adam", "Smith")
        True
        """
        if self.called is None:
            return True
        docs, calls = self.called.get(f"{given} {surname}", (0, 0))
        return calls > 0 and calls * CALLED_SHARE >= docs

    def named_then(self, name: str, year: int | None) -> bool:
        """Is ``year`` within the years the corpus names this full name in full (or
        :data:`GIVEN_GRACE` years after; widened by one public life for a name it names in
        :data:`WIDELY_NAMED` paragraphs)? A lone given name means someone of its own
        time, once introduced: "Moses" of 1952 is no Moses named once in 1898, and the
        "Herman" of 2009 no Herman first named in 2019.

        >>> d = Discovery(fulls={"Handy": {"Moses Handy": 2}}, seen={"Moses Handy": [1898, 1898]})
        >>> d.named_then("Moses Handy", 1898), d.named_then("Moses Handy", 1952), d.named_then("Moses Handy", None)
        (True, False, True)
        >>> d.named_then("Moses Handy", 1897), d.named_then("Moses Handy", 1900)
        (False, True)
        """
        span = self.seen.get(name)
        if year is None or span is None:
            return True
        n = self.fulls.get(name.split()[-1], {}).get(name, 0)
        if n >= WIDELY_NAMED:
            return span[0] - FIRST_SEEN_SLACK <= year <= span[1] + FIRST_SEEN_SLACK
        return span[0] <= year <= span[1] + GIVEN_GRACE

    def surnames_of(self, given: str) -> dict[str, int]:
        """The surnames the corpus names in full after this given name, and how often."""
        if self._by_given is None:
            by_given: dict[str, dict[str, int]] = defaultdict(dict)
            for surname, forms in self.fulls.items():
                for f, n in forms.items():
                    head = f.split()[0]
                    if not head.endswith(".") and not ROMAN.match(f.split()[-1]):
                        by_given[head][surname] = by_given[head].get(surname, 0) + n
            self._by_given = dict(by_given)
        return self._by_given.get(given, {})

    def personlike(self, word: str, doc_count: int) -> bool:
        """Is a lone capitalised word, seen ``doc_count`` times mid-sentence here, a surname?"""
        if not personlike(word) or self.common_word(word) or self.place_like(word):
            return False
        return doc_count >= 2 or self.surname_evidence(word) >= 2


def _nickname_givens(nicks: dict[str, Counter[tuple[str, str]]]) -> dict[str, dict[str, str]]:
    """Surname -> {nickname: the given name written with it most often}."""
    out: dict[str, dict[str, str]] = {}
    for surname, pairs in nicks.items():
        best: dict[str, tuple[int, str]] = {}
        for (nick, given), n in pairs.items():
            if nick != given and (nick not in best or n > best[nick][0]):
                best[nick] = (n, given)
        if best:
            out[surname] = {nick: given for nick, (_, given) in best.items()}
    return out


def _people(lives: Iterable[tuple[int | None, int | None]]) -> list[list[int | None]]:
    """Lives printed beside one written name, as the people they are: lives no birth or
    death tells apart are one person's, their known ends put together.

    >>> _people([(1831, None), (None, 1898), (1890, 1952)])
    [[1831, 1898], [1890, 1952]]
    """
    people: list[list[int | None]] = []
    for life in sorted(lives, key=lambda life: (life[0] or life[1] or 0, str(life))):
        for person in people:
            if not apart(tuple(person), life):
                person[0] = person[0] if person[0] is not None else life[0]
                person[1] = person[1] if person[1] is not None else life[1]
                break
        else:
            people.append(list(life))
    return people


def _bynames(byname_of: dict[str, set[tuple[str, str, str]]],
             fulls: dict[str, Counter[str]] | None = None) -> dict[str, list[str]]:
    """Byname -> [full name, surname, given name], where every page saying whose it is names
    one person, and no other byname of another trade or place is said of that full name: "Dai
    Bara" and "Dai Station" both of "David Quill" are two Davids, and the full name either's.
    A byname whose last word the corpus writes as the surname of another full name is nobody's
    byname: "John Pim -- John Quill" are two men of a list ("Mr. John Pim" elsewhere).

    >>> david, evan = ("David Quill", "Quill", "David"), ("Evan Pim", "Pim", "Evan")
    >>> _bynames({"Dai Bara": {david}, "Dai Station": {david}, "Ifan Baton": {evan}, "Evan Baton": {evan},
    ...           "Wil Co-op": {("William Pim", "Pim", "William"), ("William Lorton", "Lorton", "William")}})
    {'Dai Bara': [], 'Dai Station': [], 'Ifan Baton': ['Evan Pim', 'Pim', 'Evan'], 'Evan Baton': ['Evan Pim', 'Pim', 'Evan'], 'Wil Co-op': []}
    >>> _bynames({"Ernie Lamps": {("Ernest Pim", "Pim", "Ernest")},
    ...           "Ernest Pim": {("Ernie Lamps", "Lamps", "Ernie")}})
    {'Ernie Lamps': [], 'Ernest Pim': []}
    """
    fulls = fulls or {}
    byname_of = {b: said for b, said in byname_of.items() if set(fulls.get(b.split()[-1], ())) <= {b}}
    tails: dict[str, set[str]] = defaultdict(set)
    for byname, said in byname_of.items():
        for full, _, _ in said:
            tails[full].add(byname.split()[-1])
    # (a byname not told apart stays, as nobody's: a page said it is somebody's, so it is a person)
    found = {byname: list(next(iter(said))) if len(said) == 1 and len(tails[next(iter(said))[0]]) == 1 else []
             for byname, said in byname_of.items()}
    # A full name that is itself said to be a byname ("Ernie Lamps -- Ernest Quill" on one page, the
    # other way round on another) leads nowhere: no chain, no loop.
    return {byname: whose if whose and whose[0] not in found else [] for byname, whose in found.items()}


def _quoted_nicknames(nicked: dict[str, Counter[str]]) -> dict[str, str]:
    """ "nickname surname" -> the fullest name quoting the nickname, where that name says more
    than the given name (a middle name, a generation) and all the names quoting it agree.

    >>> _quoted_nicknames({"Bud Quill": Counter({"Robert M. Quill Jr.": 1, "Robert Quill Jr.": 2}),
    ...             "Mickey Quill": Counter({"Michael Quill": 3}), "Red Quill": Counter({"Amos Quill": 1, "Ed Quill": 1})})
    {'Bud Quill': 'Robert M. Quill Jr.'}
    """
    out: dict[str, str] = {}
    for nick, names in nicked.items():
        fullest = max(names, key=lambda n: (len(n.split()), names[n], n))
        if (len(fullest.split()) > 2 and len({n.split()[0] for n in names}) == 1
                and all(_middles_agree(_middle(plain_name(n)), _middle(plain_name(fullest)))
                        and generation(n) in ("", generation(fullest)) for n in names)):
            out[nick] = fullest
    return out


def _text_key(folded: str) -> int:
    """The same key for the same paragraph text in every build process (``hash`` is salted per process)."""
    return zlib.crc32(folded.encode("utf-8", "surrogatepass")) << 32 | len(folded)


def _widen(seen: dict[str, list[int]], name: str, first: int, last: int) -> None:
    span = seen.get(name)
    if span is None:
        seen[name] = [first, last]
    else:
        span[0], span[1] = min(span[0], first), max(span[1], last)


def _dominant_given_name(forms: dict[str, int]) -> str | None:
    """The given name (or initial) of the one bearer of a surname that owns it, of these
    ``forms``: named in full often enough (see :data:`MIN_OWNER_COUNT`,
    :data:`OWNER_SPECIFIC_WORDS`) and far more often than all others (:data:`OWNER_DOMINANCE`)."""
    (best, n), *others = _by_given_name(forms).most_common()
    rest = sum(m for _, m in others)
    specific = len(max((f for f in forms if f.split()[0].startswith(best)), key=len).split())
    if n < MIN_OWNER_COUNT and not (specific >= OWNER_SPECIFIC_WORDS and not others):
        return None
    if others and n < OWNER_DOMINANCE * rest:
        return None
    return best


def _may_be_nicknamed(given: str) -> bool:
    """Is a given name an everyday form, or a formal name the dataset makes one of? Only such a
    name's company is kept (see :func:`indexer.hypocorisms.nicknames_by_surname`)."""
    word = given.lower()
    return word in everyday_only() or word in formal_names()


def _formal_named(c: Candidate, cs: list[Candidate]) -> bool:
    """Does the paragraph that names someone by an everyday form (``c``) also name in full a
    formal name that form stands for? "Mick Doyle, named for Michael Doyle of 1921" tells of
    the elder, not of Mick."""
    return any(d.kind == "full" and d.surname == c.surname and is_hypocorism(c.given, d.given) for d in cs)


def _by_given_name(forms: dict[str, int]) -> Counter[str]:
    """How often the corpus names each given name's bearer in full, of these ``forms`` of
    one surname; an initial or a short abbreviation ("Ch", "Wm" is not one) counts towards
    the one given name it begins.

    >>> _by_given_name({"Charles Fourier": 7, "Ch Fourier": 3, "F. Fourier": 1})
    Counter({'Charles': 10, 'F': 1})
    """
    groups: Counter[str] = Counter()
    for f, n in forms.items():
        groups[f.split()[0].rstrip(".")[:1] if f.split()[0].endswith(".") else f.split()[0]] += n
    merged: Counter[str] = Counter()
    for g, n in groups.items():
        short = len(g) == 1 or len(g) <= 3 and g not in GIVEN  # "Ann" is a name of its own
        longer = [h for h in groups if len(h) > len(g) and h.startswith(g)
                  and (short or _given_compatible(g, h))]  # "Sam" of "Samuel"
        target = longer[0] if len(g) == 1 and longer or len(longer) == 1 else g
        merged[target] += n
    return merged


def _given_compatible(a: str, b: str) -> bool:
    """ "Harry" ~ "Harry", "H" ~ "Harry", "Sam" ~ "Samuel" (a short form that begins the
    long one), "Rudolph" ~ "Rudolf" (one sound spelt two ways), "Torn" ~ "Tom" (misread);
    "Harry" !~ "Henry", "Jo" !~ "John".

    >>> _given_compatible("Sam", "Samuel"), _given_compatible("Harry", "Henry"), _given_compatible("Jo", "John")
    (True, False, False)
    """
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    short, long = sorted((a, b), key=len)
    return (a == b or len(short) >= 3 and len(long) >= len(short) + 2 and long.startswith(short)
            or _spelled_alike(a, b) or _misread(a, b))


def _initials_of_other_letter(first: str, form: str) -> bool:
    """Is one of a given name and a full name's first word an initial of the formal name the
    other is an everyday form of, of another letter ("W" of "Bill Quill", William)?

    >>> _initials_of_other_letter("W", "Bill Quill"), _initials_of_other_letter("Bob", "R. L. Quill")
    (True, True)
    >>> _initials_of_other_letter("W", "Bob Quill"), _initials_of_other_letter("B", "Bill Quill")
    (False, False)
    """
    other = form.split()[0].rstrip(".")
    if first[:1] == other[:1]:
        return False
    return formal_initial(first, other) if len(first) == 1 else len(other) == 1 and formal_initial(other, first)


def _misread(a: str, b: str) -> bool:
    """Is one given name the other as a scanner misread it ("Torn" of Tom, "Wiliiam" of
    William): no given name itself, and the same letters by :func:`indexer.ocr.ocr_key`?

    >>> _misread("Torn", "Tom"), _misread("Tom", "Tim")
    (True, False)
    """
    return (a in GIVEN) != (b in GIVEN) and ocr_key(a) == ocr_key(b)


# Spellings of one sound: "Rudolph" and "Rudolf", "Frederick" and "Frederic", "Phillip" and
# "Philip", "Carl" and "Karl". (A final "e" is left alone: "Jean" and "Jeanne" are two people.)
_ONE_SOUND = ((re.compile(r"ph"), "f"), (re.compile(r"ck"), "k"), (re.compile(r"c(?![eiy])"), "k"),
              (re.compile(r"y"), "i"), (re.compile(r"(.)\1"), r"\1"))


def _spelled_alike(a: str, b: str) -> bool:
    """Are two given names one name spelt two ways, given to the same sex?

    >>> _spelled_alike("Rudolph", "Rudolf"), _spelled_alike("Frederic", "Frederick"), _spelled_alike("Jon", "John")
    (True, True, False)
    """
    if len(a) < 4 or len(b) < 4 or abs(len(a) - len(b)) > 2 or _sound(a) != _sound(b):
        return False
    return len({given_name_sex(a), given_name_sex(b)} - {None}) < 2


@cache
def _sound(name: str) -> str:
    name = name.lower()
    for pattern, sound in _ONE_SOUND:
        name = pattern.sub(sound, name)
    return name


def _by_middle_name(name: str) -> bool:
    """Is the full name an initial, then a middle name spelt out ("J. Arthur Lalonde", "F. Scott
    Quill"): someone called by the middle name?

    >>> _by_middle_name("J. Arthur Lalonde"), _by_middle_name("J. A. Lalonde"), _by_middle_name("Joseph Lalonde")
    (True, False, False)
    """
    words = name.split()
    return len(words) >= 3 and len(words[0].rstrip(".")) == 1 and len(words[1]) > 2 and words[1][1:].islower()


def _middle(name: str) -> str:
    """The initials of the middle names of a full name: "HW" of "George H.W. Bush", "" of
    "Martin Van Buren" (a particle is part of the surname), "H" of "Charles H. Odom Jr." and
    "" of "Charles Odom Jr." (a generation is no middle name).

    >>> _middle("George H.W. Bush"), _middle("Martin Van Buren"), _middle("Charles H. Odom Jr."), _middle("Charles Odom III")
    ('HW', '', 'H', '')
    """
    words = name.split()
    if len(words) > 2 and (words[-1].rstrip(".") in _GENERATION_WORDS or ROMAN.match(words[-1])):
        words = plain_name(name).split()
    words = words[1:-1]
    return "".join(c for w in words if not PARTICLE_WORD.match(w.lower()) for c in w if c.isupper())


def _kept_middle(name: str) -> str:
    """The middle initials of a woman's name that keeps her maiden name, without the second
    given names she is not always written with: "V" of "Ruth Ann Voss Kessler", as of "Ruth
    Voss Kessler" (and "A" as of "Ruth A. Kessler" by :func:`_middle`). A man's middle names
    are kept whole: "George Herbert Walker Bush" is not "George W. Bush".

    >>> _kept_middle("Ruth Ann Voss Kessler"), _kept_middle("Ruth Ann Kessler"), _kept_middle("George Herbert Walker Bush")
    ('V', 'A', 'HW')
    """
    words = name.split()
    if len(words) > 3 and given_name_sex(words[0]) == "f":
        kept = [w for w in words[1:-1] if w not in GIVEN]
        if kept and all(not w.endswith(".") for w in words[1:-1]):
            return _middle(" ".join([words[0], *kept, words[-1]]))
    return _middle(name)


def _middles_agree(a: str, b: str) -> bool:
    """Do two full names' middle initials agree as far as both go ("F" ~ "FX", "" ~ any)?

    >>> _middles_agree("F", "P"), _middles_agree("HW", "W"), _middles_agree("", "P"), _middles_agree("S", "S")
    (False, False, True, True)
    """
    return a.startswith(b) or b.startswith(a)


def generation(name: str) -> str:
    """ "Jr", "Sr" or the number of a name that ends with its generation ("Henry Voss, Jr.",
    "Amos Quill Senior", "Robert Quill III"; not a ruler's "James II"), else "".

    >>> generation("Henry Voss, Jr."), generation("Amos Quill Senior"), generation("Robert Quill III"), generation("James II")
    ('Jr', 'Sr', 'III', '')
    """
    if m := _GENERATION.search(name):
        return m.group().strip(" ,.")[:1].replace("J", "Jr").replace("S", "Sr")
    words = name.split()
    return words[-1] if len(words) >= 3 and ROMAN.match(words[-1]) else ""


def plain_name(name: str) -> str:
    """A full name without its generation: "Robert M. Quill" of "Robert M. Quill, Jr." and of
    "Robert M. Quill III" (not "James" of a ruler's "James II")."""
    if m := _GENERATION.search(name):
        return name[: m.start()].rstrip(" ,")
    words = name.split()
    return " ".join(words[:-1]) if len(words) >= 3 and ROMAN.match(words[-1]) else name


def _full_words(name: str) -> int:
    """Words spelt out, not initials, nor a generation ("Jr" written without its stop)."""
    return sum(1 for w in plain_name(name).split() if not w.endswith("."))
