"""Text from a file's bytes: the declared charset, UTF-8, or a detector's guess.

Archives were written in cp1252 whatever their pages declare, and files pasted
together mix UTF-8 with legacy bytes; the rules here read both without
turning accents into mojibake.

>>> decode("Jaurès".encode("cp1252"))
'Jaurès'
"""

from __future__ import annotations

import codecs

from indexer.readers.parsed import Unusable

_LATIN_LANGUAGES = frozenset(
    "English French German Spanish Italian Portuguese Dutch Danish Swedish Norwegian Finnish Unknown".split()
)


def decode(raw: bytes, declared: str | None = None) -> str:
    """Text from bytes: the declared charset, then UTF-8, then a detector's guess."""
    if b"\x00" in raw[:8192]:
        raise Unusable("binary file")
    if declared:
        name = declared.lower()
        # Pages that declare iso-8859-1 are in practice written in cp1252
        # (curly quotes, dashes); cp1252 is a superset for every printable byte.
        if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}:
            name = "cp1252"
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    mixed = _mixed_utf8(raw)
    if mixed is not None:
        return mixed
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    # On short Western texts the detector often names a Central European or Mac
    # code page; cp1252 is what such archives were written in, so it wins when
    # it decodes cleanly and the detector saw a Latin-script language.
    language = best.language if best is not None else "Unknown"
    if language in _LATIN_LANGUAGES:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
    if best is None or best.encoding is None:
        raise Unusable("undecodable text (no character encoding fits)")
    return raw.decode(best.encoding, errors="replace")


def _cp1252_bytes(err: UnicodeError) -> tuple[str, int]:
    """Decode error handler: a byte that is not UTF-8 is read as cp1252 instead."""
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("archive-cp1252", _cp1252_bytes)


def _mixed_utf8(raw: bytes) -> str | None:
    """Text that is UTF-8 except for some legacy bytes, as files pasted together are.

    Decoding the whole file as cp1252 would turn every UTF-8 accent into mojibake
    ("JaurÃ¨s"), so when real UTF-8 sequences are present each bad byte alone is
    read as cp1252. None when the file holds no UTF-8 at all (a legacy file).

    >>> _mixed_utf8("Jaurès ".encode() + "café".encode("latin-1"))
    'Jaurès café'
    >>> _mixed_utf8("café".encode("latin-1")) is None
    True
    """
    text = raw.decode("utf-8", errors="surrogateescape")
    if not any(ord(ch) > 127 and not 0xDC80 <= ord(ch) <= 0xDCFF for ch in text):
        return None
    return raw.decode("utf-8", errors="archive-cp1252")

