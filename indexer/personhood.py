"""Evidence that a name names a human, for names nobody curated.

A discovered name becomes a facet value only when it is somebody: an archivist
signs off on "Rosa Parks" and "Hegel", not on "Iraqis", "Granada",
"Taft-Hartley" or "Watergate". Evidence for: a title or an honorific before the
name, a verb of speech or thought after it ("said", "wrote", "argued"), "who"
or "himself" after it. Evidence against, from data (:mod:`indexer.places`):
countries, regions, big cities, peoples and their plurals; and from the
word's shape: abstract nouns ("Christianity"), plurals, hyphenated compounds
("Glass-Steagall": laws and treaties are named after two people).

>>> nonperson("Iraqis"), nonperson("Pakistan"), nonperson("Christianity"), nonperson("Hegel")
('people', 'place', 'derived', None)
>>> nonperson("LabCorp"), nonperson("GlaxoSmithKline"), nonperson("McCain"), nonperson("DeLay")
('brand', 'brand', None, None)
>>> nonperson("Aix-la-Chapelle"), nonperson("Stratford-upon-Avon"), nonperson("Saint-Simon")
('place', 'place', None)
>>> nonperson("MAori"), nonperson("OBrien")
('people', None)
>>> bool(human_after("Hegel, who wrote it", 5)), bool(human_after("Hegel Street", 5))
(True, False)
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Callable

from indexer.census import given_name_sex
from indexer.census import common_surname
from indexer.hypocorisms import everyday_forms
from indexer.name_words import (DERIVED, GIVEN, HONORIFICS, STOP_SECTIONS, TITLES, any_surname, everyday_word,
                                imaginary_beings, known_given_name, placeholder_names, plain_word)
from indexer.notables import notables
from indexer.places import place_names, state_names

if TYPE_CHECKING:
    from indexer.discovery import Discovery

# Verbs of speech, writing and thought (and "who", "himself") right after a name: a person
# acts. Organisations "said" too, so this is evidence for a lone word, never proof.
_SPEECH = """said says say wrote writes write argued argues asked asks told tells replied replies
answered answers declared declares insisted insists added adds explained explains recalled
recalls admitted admits claimed claims believed believes thought thinks remarked remarks noted
notes observed observes stated states suggested suggests warned warns urged urges complained
complains confessed confesses maintained maintains denied denies retorted objected objects
proposed proposes concluded concludes died dies himself herself""".split() + ["was born"]
# Deeds only people do, after a name as their subject ("Morozzi never came back"): none a
# town, a team, a firm or a thing does in plain prose (a team "came back to win", a train
# "left": only "came home" and "never came back" are a person's).
_DEEDS = """resigned retired married emigrated wept laughed smiled preached prayed fled studied taught
lectured translated""".split()
_CAME = r"(?:(?:came|went) home|(?:never|then|later|soon) (?:returned|came back|went home))\b"
HUMAN_AFTER = re.compile(
    r"(?:'s?)?(?: (?:has |had |then |later |also |once |himself |herself |never |)(?:%s)\b| %s|, (?:who|whom|whose)\b)"
    % ("|".join(sorted(set(_SPEECH) | set(_DEEDS), key=len, reverse=True)), _CAME)
)
# Abstract nouns are never names ("Penmanship", "Orthography", "Christendom"); DERIVED
# already covers -ism, -ist, -ian, -ese.
_ABSTRACT = re.compile(r"(?<=[a-z]{3})(?:ity|tion|tions|ology|graphy|ship|dom)$")
# A plural-looking word: "Kurds", "Machinists"; not "Engels"-like surnames ending in -ss/-us/-is.
_PLURAL = re.compile(r"[^su'is]s$|[aeo]s$")
# Singular words for peoples and believers: their plurals are no person either ("Sunnis").
_NATIONALITIES = STOP_SECTIONS["nationalities"] | STOP_SECTIONS["religions"]
# A town's name joined by a lower-case particle: "Aix-la-Chapelle", "Boulogne-sur-Mer",
# "Frankfurt-am-Main", "Stratford-upon-Avon" (names of people with particles are written apart).
_PARTICLE_PLACE = re.compile(
    r"^[A-Z][a-z]+(?:-(?:la|le|les|sur|sous|en|am|an|im|on|upon|under|in|de|du|des|aux)-[A-Z][a-z]+)+$")
# Faiths named without the endings of DERIVED and _ABSTRACT ("Judaism", "Christianity"),
# kept out of the stop words since some are given names too ("President Islam Karimov").
FAITHS = frozenset("Islam Vodou Voodoo Wicca Santeria Vedanta".split())
# A capital inside a word joins two words into a brand ("LabCorp", "WorldCom",
# "GlaxoSmithKline"); surnames do it only after a prefix ("McCain", "DeLay", "LaGuardia").
_BRAND = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
_SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|Du|Del|Della|Des|La|Le|Lo|Van|Von|Ten|Ter|St|San|Santa)[A-Z]")
# Used after "in", "at", "the" at least once in this many capitalised uses: a place or a
# thing unless something says a person.
PLACE_SHARE = 5
# A lone word that no title or given name ever stood before, that says "it" or "its" (see
# pronoun_after) at least this often, and more than this many times as often as "he" or
# "she", is an organisation ("Valdorex said it would restate its earnings"), whatever
# verbs of speech say of it.
ORGANISATION_MIN = 2
ORGANISATION_SHARE = 2
_COMPOUND = re.compile(r"^[A-Z][a-z]+-[A-Z][a-z]+$")
# A capital right after the first, then small letters: a vowel with a macron or an accent
# that a wrong decoding turned into a capital ("MÄori" for "Māori", folded "MAori"), or an
# apostrophe lost ("OBrien"). Judged as the word written plainly.
_DAMAGED_CASE = re.compile(r"^[A-Z][A-Z][a-z]{2,}$")
# A word WordNet knows only as a god or a hero of myth is still somebody's surname when
# this many surnames are commoner ("Luna", "Frey", "Faust", "Paris" are names of families;
# "Bacchus", "Agamemnon" are not).
IMAGINARY_SURNAME_RANK = 5000
# An everyday word of the dictionary ("folder", "pork", "strike") is a person's lone value only
# with evidence of one: "Mr." or "Mrs." before it, a verb of speech, "he" or "she" after. The
# commoner surnames that are also words ("Ward", "Black", "Crook", "Hull") are people's names as
# often as the words, so the same rank as for names of myth keeps them. Everyday is meant
# in the sense of :func:`indexer.name_words.everyday_word`.
COMMON_NOUN_SURNAME_RANK = IMAGINARY_SURNAME_RANK


# Nouns that an apposition gives a person, never a firm, a party or a place: "Kofi Annan, the
# U.N. secretary general,"; "Maria Lopez, 34, a nurse".
ROLE_NOUNS = frozenset(
    "secretary president minister premier chancellor leader chairman chairwoman spokesman spokeswoman "
    "director founder author writer novelist poet economist historian lawyer attorney judge senator "
    "congressman congresswoman governor mayor general commander officer official activist cleric priest "
    "bishop rabbi imam nurse teacher student farmer miner father mother son daughter wife husband widow "
    "widower brother sister king queen prince princess ambassador envoy candidate negotiator organizer "
    "organiser editor reporter correspondent professor scientist physician surgeon singer actor actress "
    "coach owner executive analyst adviser advisor aide deputy columnist photographer contributor critic "
    "councillor councilman councilwoman".split())
# "Sarah Holt, Signal reporter", "By Jane Okafor, Ledger staff writer": a capitalised word right
# before a role's noun (or "staff" and one) modifies it: the paper, the party, the firm.
_ROLE_MODIFIED = re.compile(r" (?:staff |senior |chief |political |labor |labour |local )?([a-z]+)\b")


# The nouns of a school's or a team's members: "Douglass coach Reggie Townsend", "Frederick
# Douglass coach Theresa Kowalski".
_MEMBER_NOUNS = (r"(?:(?:head|assistant|former|star|first-year|new) )?(?:coach|coaches|principal|quarterback"
                 r"|linebacker|cheerleaders|freshm[ae]n|sophomores?|pupils)\b")
# ("fans", "students", "alumni", "players" follow a person's name as often: "Robeson fans".)
_MEMBER_AFTER = re.compile(" " + _MEMBER_NOUNS)
# A word used as a town at this mention: "in Marlow", "north of Pruett", "the town of Marlow",
# "Marlow, Iowa". ("From", "at" and "to" are said of people as often: "a letter from Marlow".)
# A seat: "the member for Marlow", "the riding of Marlow".
_PLACE_BEFORE = re.compile(r"(?<![\w'’-])(?:[Ii]n|[Nn]ear|[Oo]utside|[Ii]nto|[Vv]ia|by way of|(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)"
                           r"(?:east|west)? of|(?:town|city|village|township|streets|people|citizens|riding"
                           r"|constituency|ward|parish|borough) of|[Mm]ember for|MP for|MLA for) $")
_STATE_AFTER = re.compile(r", ((?:[A-Z][a-z]*\.?)(?: ?[A-Z][a-z]*\.?)?)")
# A town's name before the people and the institutions of a place: "the Marlow schools",
# "a Marlow senior", "Marlow residents". (Not "voters" or "men": "Reagan voters", "Jackson men"
# of 1828 are a man's followers.)
_PLACE_AFTER = re.compile(r" (?:schools?|school (?:board|district)|residents|townspeople|merchants|businessmen"
                          r"|taxpayers|(?:city|town|village) council|police|fire department|post office|area"
                          r"|seniors?|streets|businesses|township|city limits)\b")
# Where someone lives, as papers write it after a name: "Marvin Tate, 44, Harwick", "Hank Voss
# of Harwick", "Ann Quill, 23, of Lorton".
_RESIDENCE_BEFORE = re.compile(
    r"(?:(?<![\w'’-])([A-Z][a-z]+), \d{1,3}, (?:of )?|(?<![\w'’-])([A-Z][a-z]+)\.?(?: [A-Z]\.)? [A-Z][a-z]+ of )$")
# ... and with a middle name spelt out: "John Amery Kerr of Invercargill".
_RESIDENCE_MIDDLE_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) [A-Z][a-z]+ [A-Z][a-z]+ of $")


# A place's own noun before "of": "the town of Marlow", "the original townsite of Pruett". Said of
# nobody, so it settles the mention whatever the corpus does with the word elsewhere.
_PLACE_NOUN_OF = re.compile(r"(?<![\w'’-])(?:[Tt]own|[Tt]ownsite|[Cc]ity|[Vv]illage|[Tt]ownship|[Bb]orough|[Cc]ounty"
                            r"|[Mm]unicipality|[Hh]amlet|[Ss]ettlement) of $")


def place_named(text: str, start: int, end: int) -> bool:
    """Is the word at ``start`` named as a place by a place's own noun ("the town of Marlow",
    "the city of Marlow's budget")? Unlike :func:`place_use`, no count of the corpus's uses is
    needed to believe it.

    >>> t = "the town of Marlow; the people of Marlow; Marlow's town; the City of Marlow"
    >>> [place_named(t, m.start(), m.end()) for m in re.finditer("Marlow", t)]
    [True, False, False, True]
    """
    return bool(_PLACE_NOUN_OF.search(text, max(0, start - 20), start))


def place_use(text: str, start: int, end: int, homes: bool = True) -> bool:
    """Is the capitalised word at ``start:end`` used as a town's name here? (Whether the
    word is a town at all is for the corpus to say: see :meth:`Discovery.place_uses`.)

    >>> t = "They farmed north of Pruett; in Marlow, Iowa, and Marlow, Nebr., the faith in Marlow's plan held."
    >>> [place_use(t, m.start(), m.end()) for m in re.finditer(r"Pruett|Marlow", t)]
    [True, True, True, False]
    >>> place_use("a letter from Marlow, Iowa's senator", 14, 20), place_use("wrote to Marlow, Quill and Ames", 9, 15)
    (True, False)
    >>> t = "the hon. member for Marlow; the riding of Marlow; a letter for Marlow"
    >>> [place_use(t, m.start(), m.end()) for m in re.finditer(r"Marlow", t)]
    [True, True, False]
    >>> t = "Ann Tate, 44, Marlow; Hank Voss of Marlow; the Critique of Marlow; Quill, Marlow and Ames"
    >>> [place_use(t, m.start(), m.end()) for m in re.finditer(r"Marlow", t)]
    [True, True, False, False]
    >>> t = "mail carried by way of Marlow and via Pruett"
    >>> place_use(t, t.index("Marlow"), t.index("Marlow") + 6), place_use(t, t.index("Pruett"), len(t))
    (True, True)
    >>> t = "the Marlow schools; a Marlow senior; Marlow residents; Marlow voters; Marlow said"
    >>> [place_use(t, m.start(), m.end()) for m in re.finditer(r"Marlow", t)]
    [True, True, True, False, False]
    """
    if text.startswith(("'s", "’s"), end) or text[end - 1 : end] == "s" and text.startswith(("'", "’"), end):
        return False  # "in Marlow's day", "in Tacitus' time": the man's
    if _PLACE_BEFORE.search(text, max(0, start - 20), start) or _PLACE_AFTER.match(text, end):
        return True
    if homes and residence(text, start, end):
        return True  # (``homes=False`` for a caller that has asked residence() already)
    state = _STATE_AFTER.match(text, end)
    return bool(state) and state.group(1).rstrip(",") in state_names()


def residence(text: str, start: int, end: int) -> bool:
    """Does the capitalised word at ``start`` stand where a paper gives someone's home, after
    a name and an age or after a name and "of" ("Marvin Tate, 44, Harwick", "Hank Voss of
    Harwick")? There a town is meant even where the corpus mostly names people by the word.

    >>> t = "Ann Tate, 44, Marlow; Hank Voss of Marlow; the Critique of Marlow; the Voss of Marlow; on May 30, Marlow"
    >>> [residence(t, m.start(), m.end()) for m in re.finditer(r"Marlow", t)]
    [True, True, False, False, False]
    >>> t = "Harlan T. Voss of Marlow won; John Amery Voss of Marlow, who is ninety-one; Sen. Hank Voss of Marlow"
    >>> [residence(t, m.start(), m.end()) for m in re.finditer(r"Marlow", t)]
    [True, True, True]
    >>> residence("p 66, Marlow", 6, 12), residence("born June, 12, Marlow", 15, 21), residence("Mr Quill of Marlow's", 12, 18)
    (False, False, False)
    """
    lived = _RESIDENCE_BEFORE.search(text, max(0, start - 30), start)
    if not lived or text.startswith(("'s", "’s"), end):
        return False  # "Mr Bogdanov, of Marx's remark": the man's
    if lived.group(1):
        return lived.group(1) not in STOP_SECTIONS["months"]  # "Tate, 44," is an age; "on May 30," a date
    if lived.group(2) in GIVEN or lived.group(2) in HONORIFICS:
        return True
    middle = _RESIDENCE_MIDDLE_BEFORE.search(text, max(0, start - 40), start)
    return bool(middle) and middle.group(1) in GIVEN


def member_noun_after(text: str, end: int) -> bool:
    """Does a noun of a school's or a team's members follow the name ending at ``end``?

    >>> t = "Frederick Douglass coach Theresa Kowalski; Douglass said"
    >>> member_noun_after(t, t.index(" coach")), member_noun_after(t, t.index(" said"))
    (True, False)
    """
    return bool(_MEMBER_AFTER.match(text, end))


# "former Loeffler workers", "the Ford plant", "the Kell mill", "the Kell and Ames elevators": a
# firm's people and premises.
_FIRM_MODIFIED = re.compile(r"(?: (?:and|&) [A-Z][\w'’-]+)? (?:former |laid-off |striking |retired )?"
                            r"(?:workers|employees|shareholders|plant|plants|factory|factories|ovens|stores|"
                            r"executives|mill|mills|sawmill|elevator|elevators|mine|mines|foundry|brewery|"
                            r"cannery|shipyard|warehouse|warehouses)\b")


def firm_modifier(text: str, end: int) -> bool:
    """Does the word ending at ``end`` stand before the noun of a firm's people or works?

    >>> t = "Former Kell workers met at the Kell plant; Kell said no."
    >>> firm_modifier(t, t.index(" workers")), firm_modifier(t, t.index(" plant")), firm_modifier(t, t.index(" said"))
    (True, True, False)
    >>> t = "the Kell mill and the Kell and Ames elevators; Kell and Ames spoke"
    >>> [firm_modifier(t, m.end()) for m in re.finditer("Kell", t)]
    [True, True, False]
    """
    return bool(_FIRM_MODIFIED.match(text, end))


def role_modifier(text: str, end: int) -> bool:
    """Does the word ending at ``end`` stand before a role's noun that it modifies?

    >>> t = "By Jane Okafor, Ledger staff writer; Sarah Holt, Signal reporter; Vidal said no."
    >>> role_modifier(t, t.index(" staff")), role_modifier(t, t.index(" reporter")), role_modifier(t, t.index(" said"))
    (True, True, False)
    """
    m = _ROLE_MODIFIED.match(text, end)
    return bool(m) and m.group(1) in ROLE_NOUNS
_APPOSITION = re.compile(r",\s+(?:(\d{1,3}),\s+(?=[a-z])|(?:the|a|an|his|her|their)\s)")
_APPOSITION_WORDS = re.compile(r"[A-Za-z][\w.'-]*")
# Where the head of an apposition's noun phrase has been passed: "a plan spearheaded by
# Senator Tim Scott" is a plan, whoever spearheaded it.
_APPOSITION_ENDS = frozenset("by of for in to that who which with from at on and or as under after".split())


def person_apposition(text: str, end: int) -> bool:
    """Does an apposition that only a person takes follow the name ending at ``end``: an
    age (", 34,") or a role within its first five words (", the U.N. secretary general,")?

    >>> t = "Kofi Annan, the U.N. secretary general, met Goldman Sachs, the investment bank, and Maria Lopez, 34, a nurse."
    >>> person_apposition(t, 10), person_apposition(t, t.index(", the inv")), person_apposition(t, t.index(", 34"))
    (True, False, True)
    >>> person_apposition("Opportunity Zones, a plan spearheaded by Senator Tim Scott", 17)
    False
    >>> person_apposition("Kofi Annan, the U.N. Secretary-General, said", 10)
    True
    >>> person_apposition("Harbour Zones, a Senator Scott plan, grew", 13)
    False
    >>> person_apposition("Loire Inferieure, 16. 23; Allier, 16, Aube", 16), person_apposition("Allier, 16, Aube", 6)
    (False, False)
    """
    m = _APPOSITION.match(text, end)
    if not m:
        return False
    if m.group(1):
        return True
    words = _APPOSITION_WORDS.findall(text[m.end() : m.end() + 80].split(",")[0])[:5]
    for k, word in enumerate(words):
        if word in _APPOSITION_ENDS:
            return False
        if any(part in ROLE_NOUNS for part in word.rstrip(".").lower().split("-")) and (
                word.islower() or k + 1 == len(words) or not words[k + 1][:1].isupper()):
            # "the U.N. Secretary-General", "the Foreign Minister"; but a capitalised role
            # before a name is that other person's title ("a Senator Scott plan").
            return True
    return False


# Plural nouns of places and peoples that open or close a list: its items are places too
# ("the islands of Quemoy and Matsu", "the White and Chilkoot passes", "Biloxi, and other
# cities", "the Sac and Fox tribes"). Lists of persons have other heads ("the works of").
PLACE_PLURALS = frozenset(
    "islands isles ports harbors harbours passes rivers mountains valleys lakes bays straits capes counties "
    "provinces states territories colonies districts departments cantons towns cities villages countries "
    "nations tribes Indians".split())
_HEADS = "|".join(sorted(PLACE_PLURALS))
_ITEM = r"(?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+"
_SEP = r"(?:,? and |,? or |, )"
_HEAD_OF_BEFORE = re.compile(rf"(?<![\w-])(?:{_HEADS}) of (?:{_ITEM}{_SEP})*$")
# After the word: more items and the plural ("and Chilkoot passes" needs an item before it),
# or "and other cities".
_HEAD_AFTER = re.compile(rf"(?:{_SEP}{_ITEM})* (?:{_HEADS})\b")
_HEAD_AFTER_LISTED = re.compile(rf"(?:{_SEP}{_ITEM})+ (?:{_HEADS})\b|,? (?:and|or) other (?:{_HEADS})\b")
_NEIGHBOUR_BEFORE = re.compile(rf"(?<![\w'’.])((?:[A-Z][a-z]+ ){{0,2}}[A-Z][a-z]+){_SEP}$")
_NEIGHBOUR_AFTER = re.compile(rf"{_SEP}((?:[A-Z][a-z]+ ){{0,2}}[A-Z][a-z]+)(?![\w'’-])")
_TITLED = re.compile(r"(?<![\w'’])(?:%s)\.? $" % "|".join(sorted(TITLES)))
_CONJ = re.compile(r" (?:and|or) ")
_CONJ_AHEAD = re.compile(rf"(?:, {_ITEM})*,? (?:and|or) ")
_BY = re.compile(r"(?<![\w'’])by $")
# A route: "the march from Selma to Montgomery", "trains from Crewe to Leeds".
_FROM_BEFORE = re.compile(r"(?<![\w'’])from $")
_TO_AFTER = re.compile(r" to ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)(?![\w'’-])")
_ROUTE_BEFORE = re.compile(r"(?<![\w'’])from ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) to $")


def listed_as_place(text: str, start: int, end: int, person_word: Callable[[str], bool] = lambda w: False,
                    neighbours: bool = True, cities: bool = True) -> bool:
    """Is the lone word at ``text[start:end]`` an item of a list of places: under a plural
    head of geography or of peoples, or listed next to a country, a region, a people or (with
    ``cities``) a big city, in a list whose neighbouring items no given name, title or
    ``person_word`` (a surname the corpus uses) makes a list of persons?

    One such neighbour is enough: lists mix persons and places rarely. The caller asks only
    of a word nobody in the document is named by ("Panama and Aspinwall", not "Iraq and
    Saddam" beside "Saddam Hussein"); it asks for neighbours only when the corpus never has
    the word speak ("Prussia and Bismarck"), and for cities only when the corpus never
    titles it ("Palmerston and Derby").

    >>> t = "the ports of Panama and Aspinwall; the White and Chilkoot passes; Biloxi, and other cities"
    >>> [listed_as_place(t, t.index(w), t.index(w) + len(w)) for w in ("Aspinwall", "Chilkoot", "Biloxi")]
    [True, True, True]
    >>> t = "Sac and Fox, Iowa, and Absentee Shawnees. Washington and Lee. Gore and Bush. Kant states"
    >>> washington = lambda w: w == "Washington"
    >>> [listed_as_place(t, t.index(w), t.index(w) + len(w), washington) for w in ("Fox", "Lee", "Bush", "Kant")]
    [True, False, False, False]
    >>> t = "Abraham Lincoln and Hale; Donald, Solon and Florence; by Zasulich, Geneva; Shachtman and Widick Tours"
    >>> [listed_as_place(t, t.index(w), t.index(w) + len(w)) for w in ("Hale", "Solon", "Zasulich", "Shachtman")]
    [False, False, False, False]
    >>> t = "the march from Selma to Montgomery; from Ravel to Paris; from Kant to Hegel"
    >>> [listed_as_place(t, t.index(w), t.index(w) + len(w)) for w in ("Selma", "Ravel", "Kant")]
    [True, True, False]
    >>> t = "The cable from Kennedy to Moscow was delayed."
    >>> listed_as_place(t, t.index("Kennedy"), t.index("Kennedy") + 7, lambda w: w == "Kennedy")
    False
    >>> t = "the President of Brazil, Bolsonaro. See Morelly, Paris 1841; Persia, Siam, and Korea"
    >>> [listed_as_place(t, t.index(w), t.index(w) + len(w)) for w in ("Bolsonaro", "Morelly", "Siam")]
    [False, False, True]
    """
    before = _NEIGHBOUR_BEFORE.search(text, max(0, start - 60), start)
    after = _NEIGHBOUR_AFTER.match(text, end)
    if _HEAD_OF_BEFORE.search(text, max(0, start - 160), start) or _HEAD_AFTER_LISTED.match(text, end) or (
            before and _HEAD_AFTER.match(text, end)):
        return True
    if not neighbours or _BY.search(text, max(0, start - 3), start):
        return False  # "translated by Zasulich, Geneva, 1894": an author and a place of print
    places = place_names()
    route = (_TO_AFTER.match(text, end) if _FROM_BEFORE.search(text, max(0, start - 5), start)
             else _ROUTE_BEFORE.search(text, max(0, start - 40), start))
    if route and not person_word(text[start:end]) and not person_word(other := route.group(1)) and (
            other in places.regions or other in places.cities or other in places.multiword):
        return True  # from one place to another ("from Marx to Lenin" has no place in it)
    # A bare comma lists only in a list with a conjunction: "Persia, Siam, and Korea", not
    # "the President of Brazil, Bolsonaro" or "Mably, Amsterdam 1776".
    conjoined = (before and _CONJ.search(before.group(0))) or _CONJ_AHEAD.match(text, end)
    items = [m.group(1) for m in (before, after) if m and (conjoined or _CONJ.search(m.group(0)))]
    if before and _TITLED.search(text, max(0, before.start(1) - 20), before.start(1)):
        return False  # "Mr. Washington and Lee"
    if not items or any(w in TITLES or w in GIVEN or given_name_sex(w) or person_word(w)
                        for item in items for w in item.split()):
        return False  # "Abraham Lincoln and Hale", "Donald, Solon and Florence"
    return any(item in places.regions or item in places.peoples or (cities and item in places.cities)
               or (" " in item and item in places.multiword) for item in items)


# The pronoun that opens what a lone word is said to have said: "Valdorex said it would
# restate its earnings" (a firm), "Ostrow said he would stay" (a man). People say "it"
# too ("Smith said it would rain"), so only a share of the uses decides (see mononym_doubt).
_PRONOUN_AFTER = re.compile(
    r"(?:'s?)?,? (?:has |had |then |later |also |)(?:%s|announced|announces|reported|reports|confirmed|"
    r"confirms|expects|expected|plans|planned|hopes|hoped) (?:that )?(he|his|she|her|it|its)\b"
    % "|".join(sorted(set(_SPEECH) - {"died", "dies", "was born", "himself", "herself"}, key=len, reverse=True)))


def pronoun_after(text: str, end: int) -> str | None:
    """ "it" or "person": the pronoun right after a verb of speech that follows the word
    ending at ``end``, if any.

    >>> t = "Valdorex said it would restate its earnings; Ostrow said he would stay; Hegel formulated its axiom"
    >>> pronoun_after(t, 8), pronoun_after(t, t.index(" said he")), pronoun_after(t, t.index(" formulated"))
    ('it', 'person', None)
    >>> pronoun_after("To Starcke himself it may have seemed so", 10) is None
    True
    """
    m = _PRONOUN_AFTER.match(text, end)
    if not m:
        return None
    return "it" if m.group(1).startswith("it") else "person"


def human_after(text: str, end: int) -> re.Match | None:
    """Does a verb of speech, or "who", follow the name that ends at ``end``?"""
    return HUMAN_AFTER.match(text, end)


# A relative, with whose relative it is, right before a lone name: "his younger sister Efua",
# "her granddaughter, Ifrah". Only people have sisters; the possessive keeps out "the sister
# city" and "Mother Russia".
_KIN_BEFORE = re.compile(
    r"(?<![\w'])(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our|[Ww]hose)"
    r"(?: (?:younger|elder|older|eldest|youngest|late|little|baby|big|twin|only|new|first|second))?"
    r" (?:step|grand|great-grand|half-)?(?:son|daughter|sister|brother|mother|father|wife|husband|cousin|"
    r"uncle|aunt|nephew|niece|child|widow|widower|fianc[eé]e?|partner|sons|daughters|children)"
    r"(?:-in-law)?,? $")
_BESIDE_REACH = 60  # characters before the name: the longest phrase looked for there
# "Cavaignac and his men": what only a man or a woman has.
_AND_HIS = re.compile(r",? and (?:his|her) ")
# A place's name after a preposition, right before the name: "Dolan of Pruett Township".
_PLACE_RUN_BEFORE = re.compile(r"(?<![\w'])(?:of|in|at|from|near|to) (?:[A-Z][\w'-]* )*$")
# What only a person leaves: "the works of Morozzi", "the widow of Quill", "the funeral of".
_LEFT_BY = re.compile(r"(?<![\w'])(?:works|writings|letters|memoirs|teachings|disciples|followers|pupils|widow|"
                      r"widower|funeral|grave|biography|death|murder) of (?:the late )?$")
# A role set before the name: "the President of Brazil, Varenza", "our new minister, Quill".
_ROLE_BEFORE = re.compile(r"(?<![\w'])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur) (?:[\w.-]+ ){0,3}?([A-Za-z-]+)"
                          r"(?: of (?:the )?[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)?, $")


def person_beside(text: str, start: int, end: int) -> bool:
    """Does what stands beside the lone name at ``text[start:end]`` say a person bears it:
    a relative's word with a possessive before it ("his younger sister Efua"), a role set
    before it ("the President of Brazil, Varenza"), what only a person leaves ("the works of
    Morozzi"), a role or an age in apposition after it (:func:`person_apposition`), or "and
    his" after it?

    >>> t = "He came with his younger sister Efua and the sister city Wanganui."
    >>> person_beside(t, t.index("Efua"), t.index(" and")), person_beside(t, t.index("Wanganui"), len(t) - 1)
    (True, False)
    >>> t = "Later Cavaignac and his men fired, and Lamartine, the foreign minister, wept."
    >>> person_beside(t, 6, 15), person_beside(t, t.index("Lamartine"), t.index(", the"))
    (True, True)
    >>> t = "She was born in Liberty Township, the daughter of a smith."
    >>> person_beside(t, t.index("Township"), t.index(", the"))
    False
    >>> t = "We met the President of Brazil, Varenza, and the capital of Peru, Lima."
    >>> person_beside(t, t.index("Varenza"), t.index(", and")), person_beside(t, t.index("Lima"), len(t) - 1)
    (True, False)
    """
    if (_KIN_BEFORE.search(text, max(0, start - _BESIDE_REACH), start) or _AND_HIS.match(text, end)
            or _LEFT_BY.search(text, max(0, start - _BESIDE_REACH), start)):
        return True
    role = _ROLE_BEFORE.search(text, max(0, start - _BESIDE_REACH), start)
    if role and role.group(1).lower() in ROLE_NOUNS:
        return True
    # ("Clarence Dolan of Pruett Township, a farmer", "born in Liberty Township, the daughter
    # of": the apposition is the person's before the place.)
    return person_apposition(text, end) and not _PLACE_RUN_BEFORE.search(text, max(0, start - _BESIDE_REACH), start)


@cache
def nonperson(word: str) -> str | None:
    """Why a lone capitalised word cannot be a person's value by itself, or None.

    "place" and "people" come from data; "derived" from the word's ending, "brand" from
    a capital inside it. The
    caller still lets a word through when the document or the corpus names
    someone with it ("Lincoln" after "Abraham Lincoln").
    """
    if _DAMAGED_CASE.match(word):
        return nonperson(word.capitalize())
    places = place_names()
    spaced = word.replace("-", " ")
    if word in places.peoples or (
        _PLURAL.search(word) and _singular(word) in places.peoples | _NATIONALITIES
    ):
        return "people"
    if word in places.regions or word in places.cities or spaced in places.multiword:
        return "place"
    if word in FAITHS:
        return "people"
    if DERIVED.search(word) or _ABSTRACT.search(word):
        return "derived"
    if _BRAND.match(word) and not _SURNAME_PREFIX.match(word):
        return "brand"
    if _PARTICLE_PLACE.match(word):
        return "place"
    if imaginary(word):
        return "imaginary"
    return None


# Words a clerk cuts short before a full stop: titles and offices, months.
_CUT_SHORT = tuple(sorted({w for w in TITLES | STOP_SECTIONS["months"] if len(w) >= 6 and w.isalpha()}))


@cache
def cut_short(word: str) -> str | None:
    """The title or month a word written before a full stop abbreviates, its letters taken in
    order from the first ("Sec." Secretary, "Sergt." Sergeant, "Decr." December), or None. Not
    a census surname, a given name or a famous name: "Cole." ends a sentence, it is no Colonel;
    "Vico." is no Viscount.

    >>> cut_short("Sec"), cut_short("Sergt"), cut_short("Decr"), cut_short("Cole"), cut_short("Vico")
    ('Secretary', 'Sergeant', 'December', None, None)
    """
    if (not 3 <= len(word) <= 5 or word in GIVEN or word in TITLES or any_surname(word)
            or notables(word)):
        return None
    letters = word.lower()
    for full in _CUT_SHORT:
        whole = full.lower()
        rest = iter(whole[1:])
        # Cut off ("Sec", "Comm") or contracted, its last letter kept ("Sergt", "Decr", "Revd").
        if len(whole) > len(letters) and (whole.startswith(letters) or whole[0] == letters[0] and whole[-1] == letters[-1]
                                           and all(ch in rest for ch in letters[1:])):
            return full
    return None


def imaginary(word: str) -> bool:
    """Is a lone word a god's, a mythic hero's or a fictional character's, and no one's
    given name or common surname?

    >>> imaginary("Agamemnon"), imaginary("Moloch"), imaginary("Helen"), imaginary("Luna"), imaginary("Hegel")
    (True, True, False, False, False)
    """
    return word in imaginary_beings() and word not in GIVEN and not common_surname(word, IMAGINARY_SURNAME_RANK)


@cache
def common_noun(word: str) -> bool:
    """Is a lone capitalised word an everyday word of the dictionary, and no given name nor
    one of the commoner surnames? "Folder" (Box 4, Folder 9), "Pork" (Premier Pork), "Strike"
    (the General Strike) are; "Ward", "Crook", "Loan" (a given name), "Walt" (an everyday form
    of one), "Mill" (a famous man's), "Danton" (a rare word), "Eisenhower" are not.

    >>> [common_noun(w) for w in ("Folder", "Pork", "Strike", "Ward", "Crook", "Loan", "Walt", "Mill", "Danton",
    ...                           "Eisenhower")]
    [True, True, True, False, False, False, False, False, False, False]
    """
    return (everyday_word(word) and word not in GIVEN and given_name_sex(word) is None
            and word.lower() not in everyday_forms() and not common_surname(word, COMMON_NOUN_SURNAME_RANK)
            and not notables(word))


def imaginary_name(name: str) -> bool:
    """Is a name of several words a character's of fiction or a god's ("Walter Mitty",
    "Uncle Sam", "Huckleberry Finn"), and not a given name before a common surname, which
    real people bear too ("James Bond", "Tom Sawyer", "Perry Mason")?

    A name that stands for anyone ("John Doe", "Richard Roe") is no one's, common surname or not,
    and so is any given name before such a surname that no census lists ("Hilda Bloggs").

    >>> imaginary_name("Walter Mitty"), imaginary_name("Uncle Sam"), imaginary_name("James Bond")
    (True, True, False)
    >>> imaginary_name("John Doe"), imaginary_name("John Dorsey"), imaginary_name("Fred Bloggs"), imaginary_name("Ann Doe")
    (True, False, True, False)
    """
    if " " not in name:
        return False
    if name not in imaginary_beings():
        return name.rsplit(" ", 1)[1] in _placeholder_surnames()  # (every full name asks: set lookups first)
    words = name.split()
    return name in placeholder_names() or not (words[0] in GIVEN and common_surname(words[-1], IMAGINARY_SURNAME_RANK))


@cache
def _placeholder_surnames() -> frozenset[str]:
    """Surnames of names that stand for anyone which no census lists as anybody's ("Bloggs";
    not "Doe" or "Roe", which real families bear)."""
    return frozenset(s for s in (n.rsplit(" ", 1)[1] for n in placeholder_names()) if not any_surname(s))


def town(word: str, place_uses: int = 0, human: int = 0) -> bool:
    """Is a lone word a place by data and corpus together? The name of a smaller
    city, another spelling or another language's name of a big city ("Strasburg",
    "Leghorn") or of a country ("Deutschland") is, when the corpus also uses the
    word as a place ("in Selma", "at Selma") at least as often as a verb of speech
    or "who" follows it (and, the caller checks, no title or given name ever stood
    before it): a surname that is also a town ("Solon") stays a person where the
    corpus uses it as one.

    >>> town("Selma"), town("Selma", 2, 1), town("Selma", 1, 4), town("Strasburg", 1), town("Hegel", 9)
    (False, True, False, True, False)
    """
    places = place_names()
    return 0 < place_uses and human <= place_uses and (word in places.towns or word in places.spellings)


def place_by_data(word: str) -> bool:
    """Does any place table name this word, however small the place ("Rastatt")?
    Evidence only beside other such words: many surnames are towns too.

    >>> place_by_data("Granada"), place_by_data("Selma"), place_by_data("Hegel")
    (True, True, False)
    """
    places = place_names()
    return any(word in names for names in (places.regions, places.cities, places.towns, places.spellings))


def plural_like(word: str) -> bool:
    """ "Machinists", "Latinos", "Teamsters"; also "Parks" and "Adams": ask for more evidence."""
    return bool(_PLURAL.search(word))


def compound(word: str) -> bool:
    """ "Taft-Hartley", "Glass-Steagall": two names joined, as laws and treaties are named."""
    return bool(_COMPOUND.match(word))


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1]


@cache
def unheard_of(word: str) -> bool:
    """Is a lone word nobody's name in any table we read: no given name of any country,
    no surname of the US Census, no notable person's name? Such a word is a person's only
    when the corpus says so: a title, "who" or a verb of speech, a relative ("his sister Efua").

    >>> unheard_of("Tahiti"), unheard_of("Wojciech"), unheard_of("Haddad"), unheard_of("Sacajawea")
    (True, False, False, False)
    """
    return not known_given_name(word) and not any_surname(word) and not notables(word)


def place_name(name: str) -> bool:
    """Is a several-word name a place ("Santa Barbara", "Abu Dhabi", "Viet-Nam")?"""
    places = place_names()
    spaced = name.replace("-", " ")
    return spaced in places.multiword or name in places.regions


def mononym_doubt(discovery: Discovery, word: str, title: str = "") -> str | None:
    """Why a lone word that no full name in the corpus owns should not be a person's
    value, or None when it may stand for someone known by one name ("Hegel").

    "organisation": see :data:`ORGANISATION_MIN`.
    "place", "people", "derived": see :func:`nonperson` (a title outweighs a town's
    name: "General Jackson"; not a country's or a region's: "Lord Donegal" is a
    peerage); "place" also for a word that no title or given name ever stood before
    and that is a :func:`town` by data and corpus together; "no evidence": a plural
    or compound word that no title or given name ever stood before, or a word used
    as a place a fifth of the time ("in Watergate", "the Indies", "al Qaeda") that
    verbs of speech or "who" do not follow nearly as often. "no name": a word no table
    knows as anyone's name (:func:`unheard_of`: "Tahiti", "Buick") that the corpus never
    titles, never has speak and never gives a relative; listed beside a person, it is one
    ("Ezra Quennell, Morozzi and Varenza"). "imaginary": a god's, a
    hero of myth's or a fictional character's name, untitled ("the religion of Moloch");
    a title says somebody real bears it ("Lord Adonis", "Brother Wayland"). "everyday
    word": a :func:`common_noun` that no "Mr.", "Mrs.", verb of speech or pronoun ever
    said was somebody's, titled or not ("Treasurer Emeritus", "Premier Pork").

    >>> from indexer.discovery import Discovery
    >>> [mononym_doubt(Discovery(), "Moloch", t) for t in ("", "Lord", "King")]
    ['imaginary', None, None]
    """
    why = nonperson(word)
    if not why and common_noun(word) and not discovery.addressed_or_human(word):
        return "everyday word"  # "Treasurer Emeritus", "Premier Pork": a title is no evidence here
    if not why and not title and plain_word(word) and word not in GIVEN and not discovery.addressed_or_human(word):
        # "the first Black officer", "Black families": one of the commonest words, a common
        # surname too, with neither a title nor a sign of a person anywhere ("Senator Black" is).
        return "everyday word"
    if title and plural_like(word) and _singular(word) in TITLES:
        return "no evidence"  # "Lord Chancellors", "the Lord Justices": offices, several holders
    if title and title in HONORIFICS:
        return why if why in ("people", "derived", "brand") else None
    if title:
        return why if why in ("people", "derived", "brand") or word in place_names().regions else None
    if why:
        return why
    surname, human = discovery.surname_evidence(word), discovery.human_evidence(word)
    its, his = discovery.pronouns(word)
    if not surname and its >= ORGANISATION_MIN and its > ORGANISATION_SHARE * his:
        return "organisation"
    place = discovery.place_uses(word)
    if not surname and (town(word, place, human) or discovery.place_like(word) and human <= place):
        # (... or a word the corpus writes as a place a third of the time, and never after a
        # title or a given name: "Kevin Quill (41), of Ashgrove", "through Ashgrove", "22 Ashgrove".)
        return "place"
    if plural_like(word) or compound(word):
        return None if surname >= 1 else "no evidence"
    if place and place * PLACE_SHARE >= discovery.capital_uses(word) and human * PLACE_SHARE < place:
        return "no evidence"
    if not surname and not discovery.addressed_or_human(word) and unheard_of(word):
        return "no name"  # "to Tahiti once", "Buick", "Wanganui were bowled out"
    return None
