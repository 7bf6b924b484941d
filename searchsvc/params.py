"""Numbers in query parameters: ASCII digits only.

Python's ``int()`` reads far more than a visitor means by a number: other
scripts' digits (``int("٣") == 3``), underscores (``int("1_0") == 10``) and
surrounding whitespace, while ``str.isdigit()`` accepts superscripts that
``int()`` then rejects (``"²"``: a 500 before this module). Every number a
request carries is read here, so all of them accept the same thing.

>>> [whole_number(s) for s in ("10", " 7 ", "٣", "1_0", "²", "-1", "+2", "", "9" * 30)]
[10, 7, None, None, None, None, None, None, None]
"""

from __future__ import annotations

import re

MAX_DIGITS = 18  # more is no page, size, year or limit; and int() of a huge string is slow
_DIGITS = re.compile(r"[0-9]{1,%d}" % MAX_DIGITS)


def whole_number(raw: str) -> int | None:
    """The value of ``raw`` (surrounding spaces allowed) if it is ASCII digits, else None."""
    text = raw.strip(" ")
    return int(text) if _DIGITS.fullmatch(text) else None
