"""Letters that optical character recognition confuses, so that a misread name still meets its own.

Scanned and OCR'd pages misread a name's letters in a few well-known ways: "m" read as
"rn" ("Dunrnore"), "d" as "cl", "w" as "vv", "e" as "c" ("Roosevclt"), "i" as "l"
("Lindqvlst"), "u" as "n" ("Bnchan"), an umlauted "u" as "ii" ("Kriiger"). :func:`ocr_key`
maps a word to a key those misreadings share, so that two words with the same key may be
one word read twice.

>>> ocr_key("Dunrnore") == ocr_key("Dunmore"), ocr_key("Roosevclt") == ocr_key("Roosevelt")
(True, True)
>>> ocr_key("Lindqvlst") == ocr_key("Lindqvist"), ocr_key("Dunmore") == ocr_key("Dunbar")
(True, False)
>>> ocr_key("Bnchan") == ocr_key("Buchan"), ocr_key("Kriiger") == ocr_key("Kruger")
(True, True)
>>> ocr_key("Wiliiam") == ocr_key("William"), ocr_key("McAIister") == ocr_key("McAlister")
(True, True)
"""

from __future__ import annotations

import re

from indexer.folding import fold_in_place
from indexer.name_case import printed_names

_PAIRS = (("rn", "m"), ("cl", "d"), ("vv", "w"))
# An umlauted "u" read "ii" ("Kriiger"); not beside an "l" or an "i", where "ii" is more often
# "il" or "li" misread ("Wiliiam") and the letters' own key already meets it, nor an "I" read
# for "l" ("McAIister").
_UMLAUT_READ = re.compile(r"(?<![liI])ii(?![lI])")
_LETTERS = str.maketrans({"e": "c", "i": "l", "1": "l", "0": "o", "5": "s", "u": "n"})


def ocr_key(word: str) -> str:
    """``word`` lowercased, with the letters OCR confuses made one."""
    # "ii" for an umlauted "u" first ("Kriiger" of Krüger, folded Kruger); then the letters, so
    # that "el" read as "cl" meets "d" read so too
    key = _UMLAUT_READ.sub("u", word).lower().translate(_LETTERS)
    for misread, meant in _PAIRS:
        key = key.replace(misread, meant)
    return key


# A digit OCR read for a letter inside a word: "Gi1christ", "McA1ister", "Mo0re", "Fel1".
# (The digit first, the letters around it looked behind and ahead: a pattern that starts with
# letters tries every letter of every paragraph.)
_DIGIT_IN_WORD = re.compile(r"[01](?:(?<=[A-Za-z][01])(?=[a-z])|(?:(?<=[A-Z][a-z]1)|(?<=[A-Z][a-z]{2}1))(?![\w'’]))")
_LETTER_FOR = {"1": "l", "0": "o"}


def name_text(text: str) -> str:
    """The text names are looked for in: accents and curly quotes folded, the digits OCR read
    for letters made letters, names print set in capitals in title case (see
    :mod:`indexer.name_case`; all keep the length, so offsets are the original's). The discovery
    count and the annotation must read the same text: the count's candidates are reused."""
    return printed_names(letters_for_digits(fold_in_place(text)))


def letters_for_digits(text: str) -> str:
    """``text`` with the digits OCR read for letters inside words made letters again, length
    kept (offsets stay offsets): names are found in it, the archive's text is left as it is.

    >>> letters_for_digits("Mr Ron Gi1christ, Bruce McA1ister and Dr C. Fel1 paid 10/- in 1961.")
    'Mr Ron Gilchrist, Bruce McAlister and Dr C. Fell paid 10/- in 1961.'
    >>> letters_for_digits("Room B1, the M1 rifle, 2nd0 and F16s")
    'Room B1, the M1 rifle, 2nd0 and F16s'
    """
    return _DIGIT_IN_WORD.sub(lambda m: _LETTER_FOR[m.group()], text)
