"""Letters that optical character recognition confuses, so that a misread name still meets its own.

Scanned and OCR'd pages misread a name's letters in a few well-known ways: "m" read as
"rn" ("Dunrnore"), "d" as "cl", "w" as "vv", "e" as "c" ("Roosevclt"), "i" as "l"
("Lindqvlst"). :func:`ocr_key` maps a word to a key those misreadings share, so
that two words with the same key may be one word read twice.

>>> ocr_key("Dunrnore") == ocr_key("Dunmore"), ocr_key("Roosevclt") == ocr_key("Roosevelt")
(True, True)
>>> ocr_key("Lindqvlst") == ocr_key("Lindqvist"), ocr_key("Dunmore") == ocr_key("Dunbar")
(True, False)
"""

from __future__ import annotations

_PAIRS = (("rn", "m"), ("cl", "d"), ("vv", "w"))
_LETTERS = str.maketrans({"e": "c", "i": "l", "1": "l", "0": "o", "5": "s"})


def ocr_key(word: str) -> str:
    """``word`` lowercased, with the letters OCR confuses made one."""
    key = word.lower().translate(_LETTERS)  # first, so that "el" read as "cl" meets "d" read so too
    for misread, meant in _PAIRS:
        key = key.replace(misread, meant)
    return key
