"""What a corpus file holds, read from its first bytes rather than its name.

Legacy sites were exported under the server's extension (``.php``, ``.asp``,
``.shtml``, typos such as ``.shmtl``) or none at all, so the extension says
little. :func:`sniff` looks at the content: a known binary signature, NUL
bytes, HTML markup, Markdown structure, else plain text. It also tells a
template fragment (a navigation bar or footer saved as its own file and
included into every page) from a page.

Files with a document extension we trust (``.html``, ``.md``, ``.txt``) keep
the format their name gives, so tidy corpora read exactly as before; the
content still decides binary and fragments for them.

>>> sniff(b"<html><head><title>T</title></head><body><p>Words of a page.</p></body></html>", ".php").kind
'html'
>>> sniff(b"---\\ntitle: A\\n---\\n\\n# A\\n\\nText.", "").kind
'markdown'
>>> sniff(b"%PDF-1.4\\n%\\xe2\\xe3", ".asp").kind
'binary'
>>> sniff(b'<ul><li><a href="/">Home</a></li><li><a href="/a">About us</a></li></ul>', ".inc").kind
'fragment'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["html", "markdown", "text", "binary", "fragment"]

# How much of a file the format decision reads; fragments are judged on the whole file
# (they are small), documents only ever on this head.
HEAD_BYTES = 8192

# Extensions whose format we take at their word (the content still decides binary/fragment).
TRUSTED = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".txt": "text", ".text": "text",
}  # fmt: skip

# Signatures of the binary files a web export holds beside its pages (images, office
# documents, archives): named in the skip reason so the archivist knows what was passed.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"{\\rtf", "RTF document"),
    (b"%!PS", "PostScript document"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# Bytes that text holds: printable ones and tab, newline, form feed, carriage return, escape.
_NOT_CONTROL = bytes([9, 10, 12, 13, 27, *range(32, 256)])
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

# A whole page: a doctype or the <html>/<body> element.
_PAGE = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<title[\s>]", re.I)
_PAGE_END = re.compile(rb"</body\s*>|</html\s*>", re.I)
# Markup that only HTML uses (not "<" in prose or e-mail addresses in angle brackets).
_HTML_TAG = re.compile(
    rb"</?(?:p|div|span|a|br|table|tr|td|th|ul|ol|li|font|b|i|em|strong|h[1-6]|img|center"
    rb"|blockquote|pre|hr|meta|link|script|style|form|input|small|big|u|tt|dl|dt|dd|nav)\b[^<>]{0,400}>",
    re.I,
)
_SERVER_CODE = re.compile(rb"<\?php|<%[^>]|<!--#(?:include|echo|config)|<cf[a-z]+[\s>]", re.I)

# Markdown structure: front matter, then signs tried cheapest first (a sniff stops at two).
_FRONT_MATTER = re.compile(rb"\A---[ \t]*\r?\n(?:[\w-]+:.*\r?\n)+(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_MD_SIGNS = (
    ("link", re.compile(rb"\]\([^)\s]{1,500}\)")),  # [text](url)
    ("Pandoc attributes", re.compile(rb"\]\{[.#][\w-]")),  # [Source:]{.info}
    ("heading", re.compile(rb"^(?:>[ \t]?)*#{1,6}[ \t]+\S", re.M)),  # "# Heading", also quoted
    ("code fence", re.compile(rb"^[ \t]{0,3}```", re.M)),
    ("grid table", re.compile(rb"^\+(?:[-=]+\+){2,}[ \t]*$", re.M)),
    ("blockquote", re.compile(rb"^>[ \t]?\S", re.M)),
    ("setext heading", re.compile(rb"\S[ \t]*\r?\n(?:={3,}|-{3,})[ \t]*\r?$", re.M)),
    ("emphasis", re.compile(rb"\*\*?[^\W\d_][^*\n]{0,80}\*")),  # *emphasis*, **strong**
)

# Fragment test: the text outside tags, and the text inside links.
_TAGS = re.compile(rb"<[^>]*>")
_DROPPED = re.compile(rb"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_LINK = re.compile(rb"<a\b[^>]*>(.*?)</a\s*>", re.I | re.S)
_WORD = re.compile(rb"[^\W\d_]{2,}")
# A page body says something: fewer prose words than this, outside links, is furniture.
FRAGMENT_MAX_PROSE_WORDS = 40
# ... or links are most of what it says (a menu with a long blurb is still a menu).
FRAGMENT_LINK_SHARE = 0.6


@dataclass(frozen=True)
class Sniffed:
    """The format a file's content shows, and why (for ``indexer inspect`` and skip reasons)."""

    kind: Kind
    why: str


def binary_signature(head: bytes) -> str | None:
    """The name of a known binary format ``head`` starts with, else None.

    >>> binary_signature(b"\\x89PNG\\r\\n\\x1a\\n...."), binary_signature(b"<p>x</p>")
    ('PNG image', None)
    """
    for magic, name in _SIGNATURES:
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    return None


def _utf16(head: bytes) -> bytes | None:
    """A UTF-16 text's head re-encoded as UTF-8 (its NUL bytes are not binary)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").encode("utf-8")
    return None


def looks_binary(head: bytes) -> bool:
    """NUL bytes, or mostly control bytes: no text format has them.

    >>> looks_binary(b"plain words\\n"), looks_binary(bytes(range(32)) * 4)
    (False, True)
    """
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))  # one pass: only control bytes are left
    return controls > max(8, len(head) // 10)


def is_fragment(raw: bytes, named_html: bool = False) -> str | None:
    """Why HTML ``raw`` is a template fragment (navigation, header, footer), else None.

    A fragment is not a whole page (no doctype, ``<html>``, ``<body>`` or
    ``<title>`` at the start and ``</body>`` or ``</html>`` at the end) and
    says almost nothing outside its links. Pages without a
    ``<title>`` but with body text, and contents pages (whole pages of links),
    are documents. A file named ``.html``, or one that opens a page without
    closing it, is a fragment only when links are most of its few words: a
    short page of prose there is a (short) document.

    >>> is_fragment(b"<div id=footer>&copy; 2004 The Weekly <a href=/>Home</a></div>")
    'an HTML fragment with 3 words of text outside links (a template include, not a page)'
    >>> is_fragment(b"<p>" + b"Words that carry an article's meaning. " * 10 + b"</p>") is None
    True
    """
    opens_page = bool(_PAGE.search(raw[:HEAD_BYTES * 4]))
    if opens_page and _PAGE_END.search(raw[-HEAD_BYTES:]):
        return None  # a whole page; a header include opens the page but never closes it
    body = _DROPPED.sub(b" ", raw)
    link_words = sum(len(_WORD.findall(_TAGS.sub(b" ", m.group(1)))) for m in _LINK.finditer(body))
    all_words = len(_WORD.findall(_TAGS.sub(b" ", body)))
    prose = all_words - link_words
    if named_html or opens_page:
        if prose < FRAGMENT_MAX_PROSE_WORDS and link_words > prose:
            return f"an HTML fragment of {link_words} link words and {prose} other words (a template include, not a page)"
        return None
    if prose < FRAGMENT_MAX_PROSE_WORDS:
        return f"an HTML fragment with {prose} words of text outside links (a template include, not a page)"
    if link_words >= FRAGMENT_LINK_SHARE * all_words:
        return f"an HTML fragment that is {link_words * 100 // all_words} % links (a template include, not a page)"
    return None


def _markdown_signs(head: bytes) -> list[str]:
    found: list[str] = []
    for name, pattern in _MD_SIGNS:
        if pattern.search(head):
            found.append(name)
            if len(found) == 2 or name == "heading":
                break
    return found


def sniff(raw: bytes, suffix: str = "") -> Sniffed:
    """The kind of document ``raw`` is; ``suffix`` (lower case, with the dot) is a hint only.

    >>> sniff(b"Notes on the harbour strike.\\n\\nThe ships stayed in.", ".cfm")
    Sniffed(kind='text', why='no markup: plain text')
    """
    head = raw[:HEAD_BYTES]
    signature = binary_signature(head)
    if signature:
        return Sniffed("binary", f"starts like a {signature}")
    head = _utf16(head) or head
    if looks_binary(head):
        return Sniffed("binary", "binary content (NUL or control bytes)")
    trusted = TRUSTED.get(suffix)
    stripped = head.lstrip(b"".join(_BOMS) + b" \t\r\n")
    # A page starts with markup; prose that mentions "<title>" is not one.
    if trusted == "html" or (trusted is None and stripped.startswith(b"<") and _PAGE.search(head)):
        why = f"extension {suffix}" if trusted else "an HTML page (doctype, <html>, <head>, <body> or <title>)"
        fragment = is_fragment(raw, named_html=trusted == "html")
        return Sniffed("fragment", fragment) if fragment else Sniffed("html", why)
    if trusted:
        return Sniffed(trusted, f"extension {suffix}")  # type: ignore[arg-type]
    if _FRONT_MATTER.match(stripped):
        return Sniffed("markdown", "Markdown front matter")
    tags = len(_HTML_TAG.findall(head))
    if tags >= 3 or (tags and stripped.startswith(b"<")) or _SERVER_CODE.search(head):
        fragment = is_fragment(raw)
        if fragment:
            return Sniffed("fragment", fragment)
        return Sniffed("html", f"HTML markup ({tags} tags) without a page around it")
    signs = _markdown_signs(head)
    # "# Heading" lines alone are enough: plain prose does not start lines with "# ".
    if len(signs) >= 2 or "heading" in signs:
        return Sniffed("markdown", "Markdown " + ", ".join(signs))
    return Sniffed("text", "no markup: plain text")
