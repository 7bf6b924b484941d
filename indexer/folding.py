"""One folding: which letters count as the same for search, person filters and suggestions.

A visitor types "Walesa", "Wałęsa", "WAŁĘSA" or a decomposed "Wałe\u0328sa": each must find
what the others find. Every place that compares words folds them here: the index
analyzers (through :data:`FOLD_MAP`, a plain character map that Whoosh's own
``CharsetFilter`` applies, so stock Whoosh still opens an index), the query, person
filters, the facet prefix search and "did you mean".

Folding drops Latin and Greek diacritics, spells out letters that Unicode does not
decompose (ł, ø, đ, ħ, ı, ß, æ, œ, þ, ð) and turns compatibility forms (ligatures,
full-width letters) into plain ones. Letters of other scripts are kept: "й" is a
letter of its own in Russian, not "и" with a mark.

>>> fold("Wałęsa"), fold("Straße"), fold("Œuvre"), fold("Ｆｕｌｌ ﬁle")
('walesa', 'strasse', 'oeuvre', 'full file')
>>> fold("Café") == fold("Cafe\\u0301") == "cafe"
True

Person names are found in text as written, so the annotator folds with
:func:`fold_in_place`: accents and curly quotes only, case and length kept.
"""

from __future__ import annotations

import unicodedata

# Letters NFKD leaves alone, spelled as an English-reading archivist would type them.
SPELLED_OUT = {
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h",
    "ı": "i", "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ŀ": "l", "Ŀ": "l", "ĸ": "k",
}
# Blocks whose letters lose their marks: Latin, Greek, and compatibility forms.
_RANGES = ((0x80, 0x250), (0x370, 0x400), (0x1E00, 0x2000), (0xFB00, 0xFB07), (0xFF01, 0xFF5F))
_MARKS = range(0x300, 0x370)  # combining diacritics left over after composition


def _fold_char(c: str) -> str:
    if c in SPELLED_OUT:
        return SPELLED_OUT[c]
    if not unicodedata.category(c).startswith(("L", "N")):
        return c
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    return base.lower() if base else c


def _fold_map() -> dict[int, str]:
    out: dict[int, str] = {}
    for lo, hi in _RANGES:
        for i in range(lo, hi):
            folded = _fold_char(chr(i))
            if folded != chr(i):
                out[i] = folded
    out.update({i: "" for i in _MARKS})
    out.update({ord(k): v for k, v in SPELLED_OUT.items()})
    return out


# ``str.translate`` table: never maps an ASCII character (the index writer relies on it).
FOLD_MAP: dict[int, str] = _fold_map()


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` (spacing kept).

    >>> fold("Đinđić Kırıkkale Æsop Øresund")
    'dindic kirikkale aesop oresund'
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFC", text).casefold().translate(FOLD_MAP)


# Person names are found in the text as written, so their folding keeps case
# and length: an offset in folded text is an offset in the original.
def _fold_char_in_place(c: str) -> str:
    if c in "’‘`´ʼ":
        return "'"
    if c in "‐‑‒–—":
        return "-"
    base = unicodedata.normalize("NFKD", c)[:1]
    return base if base.isascii() and base else c


# One character in, one character out, so offsets in folded text are offsets in the original.
IN_PLACE_MAP = {i: _fold_char_in_place(chr(i)) for i in range(0x80, 0x250)}
IN_PLACE_MAP.update({ord(c): _fold_char_in_place(c) for c in "’‘`´ʼ‐‑‒–—"})
# Letters NFKD does not decompose: "Wałęsa" must match "Walesa".
IN_PLACE_MAP.update({ord(k): v for k, v in zip("łŁøØđĐħ", "lLoOdDh")})
IN_PLACE_MAP = {k: v for k, v in IN_PLACE_MAP.items() if len(v) == 1 and v != chr(k)}


def fold_in_place(text: str) -> str:
    """Accents and curly quotes away, length kept: "Lázaro Cárdenas’" -> "Lazaro Cardenas'"."""
    # In ASCII, IN_PLACE_MAP maps only the backtick; translate() looks up every character.
    return text if text.isascii() and "`" not in text else text.translate(IN_PLACE_MAP)
