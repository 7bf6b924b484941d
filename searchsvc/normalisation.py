"""Query parameters in one Unicode form before anything looks at them.

Applied to every request (an ASGI middleware rewriting the query string), so
limits, cache keys, the echo in responses and links all see the same text:

* invisible characters go: zero-width spaces and joiners, bidi controls, the
  soft hyphen, BOMs (Unicode's "format" category). They change nothing a
  visitor can see, yet make a new cache entry, and bidi controls can disguise
  what a link shows;
* text parameters (``q``, ``prefix``, ``who``, ``person``) are NFKC: full-width
  letters and ligatures are the letters the index folds them to. Other
  parameters are NFC, so ``limit=²`` stays a non-number (refused) instead of
  quietly becoming 2;
* a run of combining marks on one letter keeps ``MAX_MARKS`` distinct ones: no
  language needs more, and a letter with 499 marks is a 4.5 KB way to write one letter
  that every link in a response would repeat.

>>> clean("a" + "\\u0301" * 499, text=True)
'á'
>>> clean("stri\\u200bke\\u202e", text=True), clean("ﬁre", text=True), clean("²", text=False)
('strike', 'fire', '²')
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Receive, Scope, Send

MAX_MARKS = 3  # combining marks kept on one base character (Vietnamese uses two)
TEXT_PARAMETERS = frozenset({"q", "prefix", "who", "person"})
_FORMAT = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                     r"\u2066-\u206f\ufeff\ufff9-\ufffb]")


def _cut_marks(text: str) -> str:
    """At most MAX_MARKS distinct combining marks per base character (a mark repeated
    on one letter adds nothing)."""
    out: list[str] = []
    run: set[str] = set()
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
            if ch in run or len(run) >= MAX_MARKS:
                continue
            run.add(ch)
        else:
            run = set()
        out.append(ch)
    return "".join(out)


def clean(value: str, text: bool) -> str:
    if value.isascii():
        return value  # the common case costs nothing
    value = _FORMAT.sub("", value)
    value = "".join(ch for ch in value if unicodedata.category(ch) != "Cf")
    value = _cut_marks(unicodedata.normalize("NFD", value))
    return unicodedata.normalize("NFKC" if text else "NFC", value)


def clean_query_string(raw: bytes) -> bytes:
    """The query string with every name and value cleaned; unchanged bytes when nothing is.

    >>> clean_query_string(b"q=a%CC%81%CC%81%CC%81%CC%81%CC%81&size=10")
    b'q=%C3%A1&size=10'
    """
    text = raw.decode("latin-1")
    if "%" not in text and text.isascii():
        return raw
    pairs = parse_qsl(text, keep_blank_values=True)
    cleaned = [(clean(k, False), clean(v, k in TEXT_PARAMETERS)) for k, v in pairs]
    if cleaned == pairs:
        return raw
    return urlencode(cleaned).encode("latin-1")


class NormaliseQuery:
    """ASGI middleware: the query string is cleaned before any route, limit or cache sees it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            # In place, not a copy: outer middleware reads what routing adds to this
            # scope (metrics take the route template from it).
            scope["query_string"] = clean_query_string(scope["query_string"])
        await self.app(scope, receive, send)
