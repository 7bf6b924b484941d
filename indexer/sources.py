"""Read a corpus folder: scraped text, HTML and Markdown become Documents.

Each format has a small parser that turns the file into a rough list of
blocks plus metadata hints; :func:`_assemble` then applies the rules every
format shares (header and info block, boilerplate, title/author/date trust
order) and builds the :class:`~indexer.models.Document`.

Date trust order: catalogue > page metadata (HTML meta tags, JSON-LD, front
matter) > the document's own byline or dateline > its path.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "note.txt").write_text("On Harbours\\n\\nSubmitted by Ann on 3 May, 2001 - 10:00\\n\\nShips came in slowly that year.\\n")
>>> doc = read_file(root / "note.txt", root)
>>> doc.title, doc.author, doc.published, doc.blocks[0].text
('On Harbours', 'Ann', '2001-05-03', 'Ships came in slowly that year.')
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from indexer import cleaning, listings
from indexer.readers import bylines, headlines, mojibake
from indexer.boundary import LINK_LOOP, link_problem, unlinkable_name
from indexer.readers.catalogue import CATALOGUE_NAMES, Catalogue, CatalogueError, Entry
from indexer.readers.datelines import dateline
from indexer.readers.dates import MONTHS, date_from_filename, parse_date
from indexer.models import Block, Document, Skipped
from indexer.selection import Selection
from indexer.readers.sniff import Sniffed, sniff

log = logging.getLogger(__name__)

DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024

# Data and provenance files that live beside documents but are not documents.
NOT_DOCUMENT_SUFFIXES = {".json", ".csv", ".toml", ".yaml", ".yml", ".tsv", ".jsonl"}
NOT_DOCUMENT_NAMES = {"source.txt", "persons.toml", *CATALOGUE_NAMES}


def max_file_bytes() -> int:
    """ARCHIVE_MAX_FILE_BYTES, or 20 MB: larger files are skipped, not read."""
    try:
        return int(os.environ.get("ARCHIVE_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))
    except ValueError:
        return DEFAULT_MAX_FILE_BYTES


# ----------------------------------------------------------------- decoding


_LATIN_LANGUAGES = frozenset(
    "English French German Spanish Italian Portuguese Dutch Danish Swedish Norwegian Finnish Unknown".split()
)


class _Unusable(Exception):
    """A file that is not a readable document; the message is the skip reason."""


def _decode(raw: bytes, declared: str | None = None) -> str:
    """Text from bytes: the declared charset, then UTF-8, then a detector's guess."""
    if b"\x00" in raw[:8192]:
        raise _Unusable("binary file")
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
        raise _Unusable("undecodable text (no character encoding fits)")
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


# --------------------------------------------------------- the parsed shape


@dataclass
class _Parsed:
    """What a format parser found, before the shared rules are applied.

    ``blocks`` holds ``(kind, level, text)`` with kind ``heading``,
    ``paragraph``, ``rule`` or ``info`` (metadata lines such as "Written: ...").
    """

    blocks: list[tuple[str, int, str]] = field(default_factory=list)
    title: str | None = None  # a title the format states outright
    page_title: str | None = None  # <title> or a leading title line: a fallback
    author: str | None = None
    author_fallback: str | None = None
    dates: list[tuple[str, str]] = field(default_factory=list)  # (iso, source) in trust order
    # Characters of link text in a paragraph, by its normalised text: listings are
    # told from articles by it (indexer/listings.py).
    link_chars: dict[str, int] = field(default_factory=dict)


# ----------------------------------------------------------------- text files

_PRESIDENT = re.compile(r"^\s*President:\s*(?P<who>.+?)\s*$", re.I)
_BYLINE = re.compile(
    r"^(?:(?:submitted|posted|published|written)\s+by\s+(?P<who>.+?)\s+on\s+(?P<when>.+)"
    r"|by\s+(?P<who2>[^,.;:]{3,60}?)(?:,\s*(?P<when2>.*\d{4}.*))?)$",
    re.I,
)
_LINE_END = tuple('.!?:;"”’)]')


def _text_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank lines separate them; wrapped lines are joined.

    A block whose lines are all short was hard-wrapped, so its lines are one
    paragraph. In a block of long lines (one paragraph per line, as in
    transcripts) a line ending a sentence or with two spaces ends a paragraph.

    >>> _text_paragraphs("one two\\nthree.\\n\\nA long line.  \\nNext.")
    ['one two three.', 'A long line.', 'Next.']
    """
    out: list[str] = []
    for chunk in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [ln for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        if max(len(ln) for ln in lines) <= 150 and not any(ln.endswith("  ") for ln in lines):
            out.append(cleaning.normalize(" ".join(lines)))
            continue
        current: list[str] = []
        for ln in lines:
            current.append(ln)
            if ln.endswith("  ") or ln.rstrip().endswith(_LINE_END):
                out.append(cleaning.normalize(" ".join(current)))
                current = []
        if current:
            out.append(cleaning.normalize(" ".join(current)))
    return [p for p in out if p]


def _parse_text(text: str, has_title: bool) -> _Parsed:
    parsed = _Parsed()
    paras = _text_paragraphs(text)
    if paras:
        m = _PRESIDENT.match(paras[0])
        if m:
            parsed.author = m["who"]
            paras = paras[1:]
        elif not has_title and len(paras) > 1 and len(paras[0]) <= 200 and "\n" not in paras[0]:
            if not paras[0].endswith((".", ",", ";", ":")):
                parsed.title = paras[0]
                paras = paras[1:]
    # A byline sits among the first lines: "Submitted by X on <date>".
    for i, para in enumerate(paras[:3]):
        if len(para) > 160:
            continue
        m = _BYLINE.match(para)
        if m:
            who = m["who"] or m["who2"]
            when = m["when"] or m["when2"]
            parsed.author = parsed.author or cleaning.normalize(who)
            iso = parse_date(when) if when else None
            if iso:
                parsed.dates.append((iso, "byline"))
            del paras[i]
            break
    for para in paras:
        # Transcripts mark emphasis the Markdown way (_The Times_); "_the" is no word.
        para = cleaning.strip_markdown(para)
        if not para:
            continue  # only markup ("<html>"): nothing to read
        kind = "heading" if cleaning.looks_like_heading(para) else "paragraph"
        parsed.blocks.append((kind, 2, para))
    return parsed


# ------------------------------------------------------------------- markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$")
_GRID_BORDER = re.compile(r"^\s*\+[-=+:]+\+\s*$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_FENCE_DIV = re.compile(r"^\s*:{3,}")
_FOOTNOTE_DEF = re.compile(r"^\s*\[\^[^\]]+\]:")
_BLANKISH = re.compile(r"^[\s\\\u00a0]*$")
_INFO_SPAN = re.compile(r"\{\.info\b")
_MD_LINK = re.compile(r"\[(?:[^\[\]]|\[[^\]]*\])*\]\([^)]*\)(?:\{[^}]*\})?")


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``key: value`` front matter from the body (no YAML library needed).

    >>> _front_matter("---\\ntitle: 'Home'\\nauthor: Ann\\n---\\nBody")
    ({'title': 'Home', 'author': 'Ann'}, 'Body')
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, text[m.end() :]


def _parse_markdown(text: str) -> _Parsed:
    parsed = _Parsed()
    meta, body = _front_matter(text)
    parsed.title = cleaning.strip_markdown(meta.get("title", "")) or None
    parsed.author = cleaning.strip_markdown(meta.get("author", "")) or None
    for key in ("date", "published", "year"):
        iso = parse_date(meta.get(key, ""))
        if iso:
            parsed.dates.append((iso, "front-matter"))
            break

    pending: list[str] = []

    def flush() -> None:
        if pending:
            raw = "\n".join(pending)
            pending.clear()
            if _FOOTNOTE_DEF.match(raw):
                return
            # Endnotes reuse the info markup; only near the top is it the page's info block.
            if _INFO_SPAN.search(raw) and len(parsed.blocks) < _HEADER_WINDOW:
                parsed.blocks.append(("info", 0, _info_lines_md(raw)))
                return
            # Only links ("Back to the Archive", "Contents"): navigation if it ends the page.
            only_links = not re.search(r"[^\W\d_]", _MD_LINK.sub("", raw)) and _MD_LINK.search(raw)
            parsed.blocks.append(("links" if only_links else "paragraph", 0, raw))

    for line in body.splitlines():
        while line.lstrip().startswith(">"):  # blockquotes: keep the words
            line = line.lstrip()[1:]
            line = line[1:] if line.startswith(" ") else line
        if _FENCE_DIV.match(line) or _GRID_BORDER.match(line):
            flush()
            continue
        row = _TABLE_ROW.match(line)
        if row:
            line = row.group(1).replace("|", " ").strip()
            if set(line.strip()) <= set("-:= "):
                continue
        if _BLANKISH.match(line):
            flush()
            continue
        if _RULE.match(line):
            flush()
            parsed.blocks.append(("rule", 0, ""))
            continue
        atx = _ATX.match(line.strip())
        if atx:
            flush()
            parsed.blocks.append(("heading", len(atx.group(1)), atx.group(2)))
            continue
        pending.append(line)
    flush()

    cleaned: list[tuple[str, int, str]] = []
    for kind, level, raw in parsed.blocks:
        if kind == "paragraph":
            # Hard breaks stay as newlines until assembly: an info block is read line by line.
            text_ = "\n".join(filter(None, (cleaning.strip_markdown(seg) for seg in raw.split("\\\n"))))
            if "](" in raw:
                linked = sum(len(cleaning.strip_markdown(m.group(0))) for m in _MD_LINK.finditer(raw))
                if linked:
                    parsed.link_chars[cleaning.normalize(text_)] = linked
        else:
            text_ = raw if kind in {"rule", "info"} else cleaning.strip_markdown(raw)
        if kind == "heading" and not cleaning.has_words(text_, 1):
            continue  # "* * *" dividers dressed as headings
        if kind == "rule" or text_:
            cleaned.append((kind, level, text_))
    parsed.blocks = cleaned
    # Pandoc puts the page's <title> first, as a plain line, when it had one.
    if cleaned and cleaned[0][0] == "paragraph" and len(cleaned[0][2]) <= 160:
        first = cleaned[0][2]
        if not _is_breadcrumb(first) and not first.endswith("."):
            parsed.page_title = first
            parsed.blocks = cleaned[1:]
    return parsed


def _info_lines_md(raw: str) -> str:
    """Metadata lines of a Markdown info block, one per line, markup removed."""
    lines = re.split(r"\\\n|\n(?=\s*\[)", raw)
    return "\n".join(cleaning.strip_markdown(ln) for ln in lines if ln.strip())


def _is_breadcrumb(text: str) -> bool:
    """ "MIA > Archive > Connolly": a trail of links, not writing.

    >>> _is_breadcrumb("MIA > Archive > Socialism ..."), _is_breadcrumb("If a > b, then b < a.")
    (True, False)
    """
    arrows = text.count(" > ")
    return len(text.split()) <= 16 and (arrows >= 2 or (arrows == 1 and not text.endswith(".")))


# ----------------------------------------------------------------------- HTML

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_DROP_TAGS = "script,style,nav,header,footer,aside,form,noscript,iframe,svg,button,select,textarea,template"
_DROP_WORDS = re.compile(
    r"nav|menu|footer|breadcrumb|share|cookie|comment|sidebar|toplink|banner|skip|updat|social|signup|subscribe"
)
_BLOCK_SEL = "h1,h2,h3,h4,h5,h6,p,li,pre,blockquote,dd,dt,td,th"
_CONTAINERS = {"li", "blockquote", "dd", "dt", "td", "th"}
_META_DATE_NAMES = {
    "date", "dc.date", "dcterms.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
    "article:published_time", "pubdate", "publish-date", "publication_date", "citation_date",
    "citation_publication_date", "datepublished",
}  # fmt: skip


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
# Tags the parser closes by itself, or that never hold anything: they do not nest.
_FLAT_TAGS = frozenset(
    "p li dt dd tr td th option br img hr meta link input col area base wbr source track param".split()
)


def max_html_depth() -> int:
    """ARCHIVE_MAX_HTML_DEPTH, or 2000: deeper nesting makes the HTML parser crawl."""
    try:
        return int(os.environ.get("ARCHIVE_MAX_HTML_DEPTH", 2000))
    except ValueError:
        return 2000


def _nesting_depth(text: str, limit: int) -> int:
    """How deep the elements nest, counted up to ``limit`` (a linear scan, no parsing).

    Lexbor's tree building is quadratic in depth: 50,000 nested <div>s take
    half a minute, so such pages are refused before parsing.

    >>> _nesting_depth("<div><div><p>x</div></div>", 100)
    2
    """
    depth = deepest = 0
    for m in _TAG.finditer(text):
        name = m.group(2).lower()
        if name in _FLAT_TAGS or m.group(3):
            continue
        depth = max(depth - 1, 0) if m.group(1) else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


_EMPHASIS_SEL = "b,strong,font[size],big"
_SENTENCE_END = re.compile(r"[.!?]['\"”’]?$")


def _emphasised(node, text: str) -> bool:
    """A short block whose words are all bold or in a large font: a heading of a legacy page.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> p = LexborHTMLParser("<p><font size=4><b>Last shift</b></font></p>").css_first("p")
    >>> _emphasised(p, "Last shift")
    True
    """
    if len(text.split()) > 16 or _SENTENCE_END.search(text):
        return False
    covered = 0
    for inner in node.css(_EMPHASIS_SEL):
        if inner.tag == "font":
            size = (inner.attributes.get("size") or "").strip()
            if not (size.startswith("+") or (size.isdigit() and int(size) >= 4)):
                continue
        covered = max(covered, len(cleaning.normalize(inner.text())))
    if covered >= len(text) - 2:
        return True
    # A kicker and a headline in separate bold runs: together they cover the block.
    runs = [cleaning.normalize(n.text()) for n in node.css("b,strong")]
    return sum(len(r) for r in runs) >= len(text) - len(runs) - 2 and len(runs) > 1


def _json_ld(tree, parsed: _Parsed) -> None:
    """datePublished and author from a page's JSON-LD (schema.org) blocks."""
    import json

    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text() or "null")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
                continue
            if not isinstance(item, dict):
                continue
            stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
            iso = parse_date(str(item.get("datePublished") or ""))
            if iso and not any(src == "meta" for _, src in parsed.dates):
                parsed.dates.append((iso, "meta"))
            author = item.get("author")
            if isinstance(author, dict):
                author = author.get("name")
            if isinstance(author, str) and author.strip() and not parsed.author_fallback:
                parsed.author_fallback = cleaning.normalize(author)


def _parse_html(raw: bytes) -> _Parsed:
    from selectolax.lexbor import LexborHTMLParser

    m = _CHARSET.search(raw[:4096])
    text = mojibake.repair(_decode(raw, m.group(1).decode("ascii", "replace") if m else None))
    limit = max_html_depth()
    if text.count("<") > limit and _nesting_depth(text, limit) > limit:
        raise _Unusable(f"malformed HTML: elements nest deeper than {limit} (ARCHIVE_MAX_HTML_DEPTH)")
    # <br> is a line break inside a paragraph; keep it as one for info blocks.
    tree = LexborHTMLParser(_BR.sub("\n", text))
    parsed = _Parsed()

    title_node = tree.css_first("title")
    if title_node is not None:
        parsed.page_title = cleaning.normalize(title_node.text()).split(" | ")[0].strip() or None
    meta_dates: list[str] = []
    for meta in tree.css("meta"):
        attrs = meta.attributes
        name = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        content = cleaning.normalize(attrs.get("content") or "")
        if name == "author" and content and not parsed.author_fallback:
            parsed.author_fallback = content
        elif name in _META_DATE_NAMES and content:
            meta_dates.append(content)
    for node in tree.css("time[datetime], span.date-display-single"):
        meta_dates.append(node.attributes.get("content") or node.attributes.get("datetime") or node.text())
    for value in meta_dates:
        iso = parse_date(value or "")
        if iso:
            parsed.dates.append((iso, "meta"))
            break
    _json_ld(tree, parsed)
    byline = tree.css_first("h3.diet-title, .byline, [rel=author]")
    if byline is not None:
        parsed.author_fallback = cleaning.normalize(byline.text()) or parsed.author_fallback

    root = (
        tree.css_first("div.field-docs-content")
        or tree.css_first("article")
        or tree.css_first("main")
        or tree.body
    )
    if root is None:
        return parsed
    for node in root.css(_DROP_TAGS):
        node.decompose()
    for node in root.css("[class], [id]"):
        marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
        if _DROP_WORDS.search(marker):
            node.decompose()
    for node in root.css("p.title"):
        parsed.page_title = cleaning.normalize(node.text()) or parsed.page_title
        node.decompose()

    for node in root.css(_BLOCK_SEL + ",hr"):
        tag = node.tag
        if tag == "hr":
            parsed.blocks.append(("rule", 0, ""))
            continue
        if tag in _CONTAINERS and len(node.css(_BLOCK_SEL)) > 1:
            continue  # its inner blocks carry the text (css() includes the node itself)
        classes = (node.attributes.get("class") or "").lower().split()
        body = node.text(deep=True)
        if "information" in classes or "info" in classes:
            parsed.blocks.append(("info", 0, "\n".join(cleaning.normalize(x) for x in body.split("\n"))))
            continue
        text_ = cleaning.normalize(cleaning.FOOTNOTE_MARK.sub("", body))
        if not text_:
            continue
        if tag in {"h1", "h2", "h3", "h4"}:
            if cleaning.has_words(text_, 1):
                parsed.blocks.append(("heading", int(tag[1]), text_))
        elif tag in {"p", "td", "div"} and _emphasised(node, text_):
            # Legacy layouts mark headlines and sub-headings with <b> and <font size>
            # only; a <br> inside separates a kicker from its headline.
            for line in body.split("\n"):
                if cleaning.normalize(line):
                    parsed.blocks.append(("heading", 3, cleaning.normalize(line)))
        else:
            links = "".join(a.text() for a in node.css("a"))
            only_links = bool(links) and len(cleaning.normalize(links)) >= len(text_) - 3
            if links and not only_links:
                parsed.link_chars[text_] = len(cleaning.normalize(links))
            parsed.blocks.append(("links" if only_links else "paragraph", 0, text_))
    if not any(kind == "paragraph" for kind, _, _ in parsed.blocks):
        # Text straight inside <div>s: fall back to the lines of the whole body.
        for line in root.text(deep=True).split("\n"):
            if cleaning.normalize(line):
                parsed.blocks.append(("paragraph", 0, cleaning.normalize(line)))
    return parsed


# ------------------------------------------------------------ shared assembly

_INFO_SKIP = re.compile(
    r"^(?:transcri|translat|copyleft|copyright|html|mark|proofread|online|republished|reprinted"
    r"|public domain|scanned|source of|converted|note)",
    re.I,
)
_INFO_FIRST = re.compile(r"^(?:written|first published|published|delivered|dated|date)\b", re.I)
_INFO_LABEL = re.compile(r"^[A-Z][\w /]{2,30}:")
_HEADER_WINDOW = 14


def _info_date(lines: list[str]) -> str | None:
    """The publication date an info block gives, preferring "Written:"/"Published:" lines.

    >>> _info_date(["Source: Works, Moscow 1965", "Written: 5 June, 1920"])
    '1920-06-05'
    >>> _info_date(["Source: Works, Moscow 1965"]) is None
    True
    >>> _info_date(["The Weekly Lamp, 3 September 1898.", "Republished 1997."])
    '1898-09-03'
    """
    # "Source:" lines are left out: they mostly date a modern edition.
    # Long unlabelled lines are editors' notes that tell a story full of dates.
    ranked = [ln for ln in lines if _INFO_FIRST.match(ln)] + [
        ln for ln in lines if len(ln) <= 200 and not _INFO_LABEL.match(ln) and not _INFO_SKIP.match(ln)
    ]
    for line in ranked:
        iso = parse_date(line)
        if iso:
            return iso
    return None


_INFO_START = re.compile(
    r"^(?:Written|First Published|Published|Source|Translated|Translation|Translator|Transcri\w*"
    r"|Transcription Markup|HTML Mark-?up|Mark-?up|Proofread\w*|Copyleft|Public Domain|Online Version"
    r"|Delivered|Dated|Original(?: Source)?|Editor|Written and Published)\b[^:]{0,24}:"
)


_INFO_WORDS = re.compile(
    r"\b(?:Republished|Reprinted|Transcribed|Marked up|Mark-up|Internet Archive|Copyleft|Proofread)\b", re.I
)


def _mark_info_zone(blocks: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """Find the info block near the top: labelled lines, or text between two rules.

    Pages converted from the archives open with: author, title, date, a rule,
    lines on source and transcription ("Written: ...", "Source: ..."), a rule,
    then the text.
    """
    blocks = [
        ("info", 0, b[2]) if i < _HEADER_WINDOW and b[0] == "paragraph" and _INFO_START.match(b[2]) else b
        for i, b in enumerate(blocks)
    ]
    # A source note right under the header's rule, even when no second rule closes it.
    first_rule = next((i for i, b in enumerate(blocks[:_HEADER_WINDOW]) if b[0] == "rule"), None)
    if first_rule is not None and first_rule + 1 < len(blocks):
        kind, level, text = blocks[first_rule + 1]
        if kind == "paragraph" and len(text) < 1000 and _INFO_WORDS.search(text):
            blocks[first_rule + 1] = ("info", 0, text)
    # Adjacent rules ("-----" then "* * *") count as one.
    rules = [
        i for i, b in enumerate(blocks[:_HEADER_WINDOW]) if b[0] == "rule" and (i == 0 or blocks[i - 1][0] != "rule")
    ]
    if len(rules) < 2:
        return blocks
    start, end = rules[0], rules[1]
    while blocks[start + 1][0] == "rule":
        start += 1
    zone = blocks[start + 1 : end]
    if not zone or sum(len(b[2]) for b in zone) > 1500:
        return blocks
    if not any(b[0] == "paragraph" for b in zone):
        return blocks
    marked = [("info", 0, b[2]) if b[0] == "paragraph" else b for b in zone]
    return blocks[: start + 1] + marked + blocks[end:]


_TRAILING_DATE = re.compile(
    r"[\s,]*\(?(?:(?:\d{1,2}\s+)?(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+)?\d{4}\)?\s*$",
    re.I,
)


def _author_in_title_line(line: str) -> str | None:
    """The author a page's title line ends with: "Title. Karl Marx 1852" -> "Karl Marx".

    >>> _author_in_title_line("Paul Lafargue September 1897")
    'Paul Lafargue'
    >>> _author_in_title_line("The Eighteenth Brumaire of Louis Bonaparte. Karl Marx 1852")
    'Karl Marx'
    >>> _author_in_title_line("Socialism in France 1874-1896") is None
    True
    """
    tail = re.split(r"(?<=\w)[.:]\s+", line)[-1]
    return cleaning.as_author_line(_TRAILING_DATE.sub("", tail))


def _humanise(slug: str) -> str:
    """A title from a file name: "1860-02-27-cooper-union-address" -> "Cooper Union Address".

    >>> _humanise("1926-07-05-declaration-of-independence")
    'Declaration of Independence'
    """
    slug = re.sub(r"^\d{4}(?:-\d{2}){0,2}[-_]?", "", slug) or slug
    small = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "by"}
    words = [w for w in re.split(r"[-_\s]+", slug) if w]
    return " ".join(
        w if (i and w.lower() in small) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


_CHAPTERISH = re.compile(r"^(?:[IVXLC]+|\d+|[A-Z])[.)]?$|^(?:chapter|part|book|section|appendix)\b", re.I)


def _choose_title(heading: str | None, page_title: str | None) -> str | None:
    """A page's h1 unless it is just a chapter number, then the page title.

    >>> _choose_title("I", "The Eighteenth Brumaire of Louis Bonaparte")
    'The Eighteenth Brumaire of Louis Bonaparte: I'
    >>> _choose_title("On Bread", "Dupré: On Bread (1890)")
    'On Bread'
    """
    if heading and (not page_title or not _CHAPTERISH.match(heading)):
        return heading
    if heading and page_title:
        return f"{page_title}: {heading}"
    return page_title


def _assemble(
    parsed: _Parsed,
    *,
    doc_id: str,
    fmt: str,
    entry: Entry | None,
    content_hash: str,
) -> Document:
    blocks = [
        b
        for i, b in enumerate(parsed.blocks)
        if not (i < 6 and b[0] in {"paragraph", "links"} and _is_breadcrumb(b[2]))
    ]
    headline: str | None = None
    dropped: list[str] = []
    found_byline: bylines.Byline | None = None
    found_dateline: str | None = None
    if fmt == "html":
        blocks, headline = headlines.take_headline(blocks, parsed.page_title, dropped)
        blocks, found_byline, found_dateline = _take_byline(blocks)
    blocks = _mark_info_zone(blocks)

    # The header: headings (and info) before the first paragraph of text.
    title_heading: str | None = None
    header_author: str | None = None
    header_dates: list[str] = []
    info_lines: list[str] = []
    body: list[tuple[str, int, str]] = []
    header_end = next((i for i, b in enumerate(blocks) if b[0] == "paragraph"), len(blocks))
    if fmt == "text" or headline:
        # Text files have no marked-up header; a found headline already is the title.
        header_end = 0
    header: list[tuple[int, int, str]] = []  # (index, level, text) of header headings
    for i, (kind, level, text) in enumerate(blocks[:header_end]):
        if kind != "heading":
            continue
        if cleaning.looks_like_date_line(text) and parse_date(text):
            header_dates.append(parse_date(text) or "")
        else:
            header.append((i, level, text))
    used: set[int] = set(range(header_end)) - {i for i, _, _ in header}
    # "## James Connolly" above "# Home Thrusts", or "## by Daniel De Leon" below the title.
    for n, (i, _level, text) in enumerate(header):
        who = cleaning.as_author_line(text)
        if who and (text.lower().startswith("by ") or (n == 0 and len(header) > 1)):
            header_author, _ = who, used.add(i)
            break
    rest = [h for h in header if h[0] not in used]
    if rest:
        top = min(level for _, level, _ in rest)
        i, _, title_heading = next(h for h in rest if h[1] == top)
        used.add(i)
    for i, (kind, level, text) in enumerate(blocks):
        if kind == "info":
            # Notes at the end are marked up like the info block; only the top one dates the text.
            if i < max(header_end, _HEADER_WINDOW):
                info_lines.extend(ln for ln in text.split("\n") if ln.strip())
            continue
        if kind == "rule" or i in used:
            continue
        body.append((kind, level, cleaning.normalize(text)))

    # Link rows at the very end are the page's navigation; elsewhere they are text (contents).
    while body and body[-1][0] in {"links", "heading"}:
        if body[-1][0] == "heading" and not any(b[0] == "links" for b in body[-3:]):
            break
        body.pop()
    # Site furniture: a trailer ends the text, single furniture lines go.
    kept: list[Block] = []
    for kind, _level, text in body:
        if cleaning.is_trailer(text):
            break
        if not text.strip() or cleaning.is_boilerplate(text):
            continue
        kept.append(Block("heading" if kind == "heading" else "paragraph", text,
                          link_chars=len(text) if kind == "links" else parsed.link_chars.get(text, 0)))
    # A heading with no text after it is more likely a closing line.
    while kept and kept[-1].kind == "heading":
        last = kept.pop()
        if cleaning.has_words(last.text):
            kept.append(Block("paragraph", last.text))
            break

    # A leading line that only names a person ("Frederick Engels") is the author, not the title.
    page_title = parsed.page_title
    page_author = _author_in_title_line(page_title) if page_title else None
    if page_author and title_heading and cleaning.as_author_line(page_title or ""):
        page_title = None
    # Names read from headings and title lines are guesses: a section banner or a
    # collection's name ("Selected Works") is never an author.
    guesses = [a for a in (header_author, page_author, parsed.author_fallback)
               if a and bylines.looks_like_person(a)]
    author = (
        (entry.author if entry else None)
        or (bylines.join_authors(found_byline.authors) if found_byline else None)
        or parsed.author
        or next(iter(guesses), None)
    )

    name = doc_id.rsplit("/", 1)[-1]
    title = (
        (entry.title if entry else None)
        or parsed.title
        or headline
        or _choose_title(title_heading, page_title)
        or _humanise(name.rsplit(".", 1)[0])
    )
    candidates: list[tuple[str | None, str]] = [(entry.date if entry else None, "catalogue")]
    # Metadata is written by the site's software for the page itself; a date in the
    # text may be another event's.
    candidates += [(iso, src) for iso, src in parsed.dates if src in {"meta", "front-matter"}]
    candidates.append((found_byline.date if found_byline else None, "byline"))
    candidates.append((found_dateline, "dateline"))
    candidates += [(iso, src) for iso, src in parsed.dates if src == "byline"]
    info_date = _info_date(info_lines)
    from_name = date_from_filename(doc_id)
    # Archive folders are named by the date of writing; an info line years later
    # is a posthumous printing or a reprint, and the folder date is closer.
    if info_date and from_name and int(info_date[:4]) > int(from_name[:4]) + 1:
        info_date = None
    candidates.append((info_date, "byline"))
    candidates += [(iso, "byline") for iso in header_dates]
    candidates.append((from_name, "path"))
    published, published_source = next(((d, s) for d, s in candidates if d), (None, None))

    return Document(
        doc_id=doc_id,
        source_format=fmt,  # type: ignore[arg-type]
        title=cleaning.normalize(title),
        author=cleaning.normalize(author) if author else None,
        published=published,
        published_source=published_source,
        blocks=tuple(kept),
        content_hash=content_hash,
        kind=listings.kind_of(kept),
        dropped=tuple(dropped),
    )


# Bylines and datelines stand just under the headline, before the text begins.
_BYLINE_WINDOW = 6


def _take_byline(
    blocks: list[tuple[str, int, str]],
) -> tuple[list[tuple[str, int, str]], bylines.Byline | None, str | None]:
    """The blocks without the first byline and dateline near the top, and what they said."""
    found: bylines.Byline | None = None
    date: str | None = None
    drop: set[int] = set()
    for i, (kind, _level, text) in enumerate(blocks[:_BYLINE_WINDOW + 4]):
        if len(drop) == 2 or (i >= _BYLINE_WINDOW and not drop):
            break
        if kind not in {"heading", "paragraph"}:
            continue
        if found is None:
            found = bylines.read_byline(text)
            if found is not None:
                drop.add(i)
                continue
        if date is None:
            date = dateline(text)
            if date is not None:
                drop.add(i)
    return [b for i, b in enumerate(blocks) if i not in drop], found, date


# ------------------------------------------------------------------ the walk


# Web-site assets and office files that sit beside the pages: refused by name,
# unread (an --include names one a document after all).
UNSUPPORTED_SUFFIXES = {
    ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".ico", ".svg", ".webp",
    ".css", ".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".eot", ".otf", ".swf", ".flv",
    ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".mp3", ".mp4", ".wav", ".avi",
    ".mov", ".ogg", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".rtf", ".exe",
    ".dll", ".bin", ".iso", ".psd", ".eps", ".ps",
}  # fmt: skip


def _chosen(path: Path, rel: str, selection: Selection) -> bool:
    """Named a document by --include; never the catalogue or authority files the indexer reads itself."""
    return path.name.lower() not in {"persons.toml", *CATALOGUE_NAMES} and selection.included(rel)


def _not_document(path: Path) -> bool:
    name = path.name.lower()
    return (
        name in NOT_DOCUMENT_NAMES
        or name.startswith(("license", "licence", "readme", "copying"))
        or path.suffix.lower() in NOT_DOCUMENT_SUFFIXES
    )


@dataclass
class Reading:
    """What reading one file gave: the result, the format found (and why), the parser's blocks.

    ``indexer inspect`` shows all of it; a build keeps only ``result``.
    """

    result: Document | Skipped
    sniffed: Sniffed | None = None
    parsed: _Parsed | None = None


def read_file(
    path: Path, root: Path, catalogue: Catalogue | None = None, selection: Selection | None = None
) -> Document | Skipped:
    """One file as a Document, or Skipped with the reason; never raises."""
    return examine(path, root, catalogue, selection).result


def examine(
    path: Path, root: Path, catalogue: Catalogue | None = None, selection: Selection | None = None
) -> Reading:
    """Read one file as a build would, keeping what each step found (see :class:`Reading`)."""
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    selection = selection if selection is not None else Selection.from_settings()
    reading = Reading(Skipped(rel, ""))
    try:
        reading.result = _examine(path, root, rel, catalogue, selection, reading)
    except _Unusable as exc:
        reading.result = Skipped(rel, str(exc))
    except FileNotFoundError:
        reading.result = Skipped(rel, "vanished while the corpus was read")
    except PermissionError:
        reading.result = Skipped(rel, "permission denied")
    except OSError as exc:
        reading.result = Skipped(rel, f"unreadable: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a build
        log.warning("cannot parse %s: %r", rel, exc)
        reading.result = Skipped(rel, f"cannot parse: {type(exc).__name__}: {exc}"[:200])
    return reading


def _examine(
    path: Path, root: Path, rel: str, catalogue: Catalogue | None, selection: Selection, reading: Reading
) -> Document | Skipped:
    # The walk refuses these already; a path given directly (update, inspect) is checked here.
    problem = unlinkable_name(path.name) or link_problem(path, root, selection.follow_links)
    if problem:
        return Skipped(rel, problem)
    pattern = selection.excluded(rel)
    if pattern:
        return Skipped(rel, f"excluded by {pattern!r}")
    chosen = _chosen(path, rel, selection)
    suffix = path.suffix.lower()
    if not chosen and _not_document(path):
        return Skipped(rel, "not a document")
    if not chosen and suffix in UNSUPPORTED_SUFFIXES:
        return Skipped(rel, f"unsupported format {suffix}")
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        # A named pipe or a device would block the read, or never end.
        return Skipped(rel, "not a regular file")
    size = st.st_size
    limit = max_file_bytes()
    if size > limit:
        return Skipped(rel, f"too large ({size:,} bytes; limit ARCHIVE_MAX_FILE_BYTES={limit:,})")
    raw = path.read_bytes()
    if not raw.strip():
        return Skipped(rel, "empty file")
    reading.sniffed = sniffed = sniff(raw, suffix)
    if sniffed.kind == "binary":
        return Skipped(rel, f"binary file: {sniffed.why}")
    if sniffed.kind == "fragment" and not chosen:
        return Skipped(rel, f"template fragment: {sniffed.why}")
    fmt = "html" if sniffed.kind == "fragment" else sniffed.kind
    entry = catalogue.lookup(path) if catalogue else None
    if fmt == "html":
        parsed = _parse_html(raw)
    else:
        text = mojibake.repair(_decode(raw)).replace("\r\n", "\n").replace("\r", "\n")
        if fmt == "markdown":
            parsed = _parse_markdown(text)
        else:
            parsed = _parse_text(text, has_title=bool(entry and entry.title))
    reading.parsed = parsed
    doc = _assemble(parsed, doc_id=rel, fmt=fmt, entry=entry, content_hash=hashlib.sha256(raw).hexdigest())
    if not any(b.kind == "paragraph" for b in doc.blocks):
        return Skipped(rel, "no body text")
    return replace(doc, title_source=_title_source(doc, parsed, entry))


def _title_source(doc: Document, parsed: _Parsed, entry: Entry | None) -> str:
    """Where ``doc``'s title came from: the assembly's trust order, told after the fact.

    "file name" is the last resort (no catalogue title, no stated title, no page
    title, no heading), which the build summary reports as a missing title.
    """
    if entry is not None and entry.title:
        return "catalogue"
    if parsed.title:
        return "front-matter" if doc.source_format == "markdown" else "page"
    stem = doc.doc_id.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    headings = {cleaning.normalize(text) for kind, _, text in parsed.blocks if kind == "heading"}
    if not parsed.page_title and doc.title == cleaning.normalize(_humanise(stem)) and doc.title not in headings:
        return "file name"
    return "page"


class _Catalogues:
    """Catalogue files met during the walk; the nearest one that knows a file wins."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.by_folder: dict[Path, Catalogue | None] = {}
        self.errors: list[Skipped] = []

    def load(self, folder: Path) -> None:
        try:
            self.by_folder[folder] = Catalogue.find(folder)
        except CatalogueError as exc:
            self.by_folder[folder] = None
            rel = folder.relative_to(self.root).as_posix()
            self.errors.append(Skipped(f"{rel}/" if rel != "." else "", f"bad catalogue: {exc}"))

    def for_file(self, path: Path) -> Catalogue | None:
        folder = path.parent
        while True:
            cat = self.by_folder.get(folder)
            if cat is not None and cat.lookup(path) is not None:
                return cat
            if folder == self.root or folder == folder.parent:
                return None
            folder = folder.parent


def corpus_files(
    root: Path, selection: Selection | None = None
) -> Iterator[tuple[Path, Catalogue | None] | Skipped]:
    """Every candidate file under ``root`` with the catalogue that describes it, unread.

    The walk behind :func:`read_corpus`; ``update`` uses it alone to compare
    files with the manifest without parsing the unchanged ones. Files and
    folders outside the corpus boundary (:mod:`indexer.boundary`) or excluded
    by the selection come out as Skipped; a skipped folder is one entry,
    its path ending in "/".
    """
    root = Path(root)
    selection = selection if selection is not None else Selection.from_settings()
    catalogues = _Catalogues(root)
    seen_folders: set[tuple[int, int]] = set()  # (device, inode): loops of followed links

    def on_error(exc: OSError) -> None:
        # An unreadable folder is reported, not fatal.
        catalogues.errors.append(Skipped(str(exc.filename or ""), f"unreadable folder: {exc.strerror}"))

    def refused(path: Path, rel: str) -> str | None:
        pattern = selection.excluded(rel)
        return (unlinkable_name(path.name) or link_problem(path, root, selection.follow_links)
                or (f"excluded by {pattern!r}" if pattern else None))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=selection.follow_links):
        folder = Path(dirpath)
        rel_folder = folder.relative_to(root).as_posix()
        if selection.follow_links:
            try:
                st = folder.stat()
            except OSError:
                dirnames[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen_folders:
                dirnames[:] = []
                yield Skipped(f"{rel_folder}/", LINK_LOOP)
                continue
            seen_folders.add((st.st_dev, st.st_ino))
        kept = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            rel = f"{rel_folder}/{d}" if rel_folder != "." else d
            reason = refused(folder / d, rel)
            if reason:
                yield Skipped(f"{rel}/", reason)
            else:
                kept.append(d)
        dirnames[:] = kept
        catalogues.load(folder)
        yield from catalogues.errors
        catalogues.errors.clear()
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = folder / name
            rel = path.relative_to(root).as_posix()
            reason = refused(path, rel)
            if reason:
                yield Skipped(rel, reason)
                continue
            if _not_document(path) and not _chosen(path, rel, selection):
                yield Skipped(rel, "not a document")
                continue
            yield path, catalogues.for_file(path)
    yield from catalogues.errors


def read_corpus(root: Path, selection: Selection | None = None) -> Iterator[Document | Skipped]:
    """Every file under ``root``, in sorted order: a Document or a Skipped each.

    Hidden files and folders are passed over silently; catalogue files, the
    persons authority file and data files are reported as "not a document".
    """
    root = Path(root)
    selection = selection if selection is not None else Selection.from_settings()
    for item in corpus_files(root, selection):
        if isinstance(item, Skipped):
            yield item
        else:
            path, catalogue = item
            yield read_file(path, root, catalogue, selection=selection)
