"""Word forms that are one another's plural or adjective, never one another's typo.

"Afghan" and "Afghans", "Kurd" and "Kurds", "Iraq" and "Iraqi", "Russia" and
"Russian" are one edit apart, like a misspelling, but a reader sees a plural
or a demonym, not a slip of the pen; "Adam" and "Adams" are two surnames.

>>> inflected("Afghan", "Afghans"), inflected("Iraqi", "Iraq"), inflected("Trotksy", "Trotsky")
(True, True, False)
"""

from __future__ import annotations

# Endings that make a plural, a possessive-less genitive, a demonym or an adjective.
ENDINGS = ("s", "es", "i", "n", "an", "ian", "ese", "ish", "ic", "e")


def inflected(a: str, b: str) -> bool:
    """Is one word the other plus a plural or adjective ending (same case-folded stem)?"""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return False
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short):] in ENDINGS
