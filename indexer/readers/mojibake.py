"""Mojibake: accents garbled by a page that was decoded with the wrong charset and saved again.

Legacy sites pasted text between systems: "José" read as cp1252 and saved
as UTF-8 becomes "JosÃ©". ftfy undoes exactly that; it only runs on text that
shows the telltale pairs, so clean text costs one regex search.

>>> repair("By InÃ©s GarcÃ­a")
'By Inés García'
>>> repair("Café au lait")
'Café au lait'
"""

from __future__ import annotations

import re

# A lead byte of a UTF-8 sequence read as cp1252 or latin-1, then a continuation byte so read.
_GARBLED = re.compile("[\u00c2-\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                      "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")

_LEADS = ("\u00c2", "\u00c3", "\u00c4", "\u00c5", "\u00e2")


def repair(text: str) -> str:
    """``text`` with mojibake undone; unchanged when it shows none."""
    # Substring tests are far cheaper than the pattern over a whole page.
    if not any(lead in text for lead in _LEADS) or not _GARBLED.search(text):
        return text
    from ftfy import fix_encoding

    return fix_encoding(text)
