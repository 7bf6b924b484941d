"""Markdown files (Pandoc's conversions of archive pages): front matter, headings, paragraphs.

>>> parsed = parse_markdown("---\\ntitle: Home Thrusts\\ndate: 1908\\n---\\n# Home Thrusts\\n\\nThe *workers* met.\\n")
>>> parsed.title, parsed.dates, parsed.blocks
('Home Thrusts', [('1908', 'front-matter')], [('heading', 1, 'Home Thrusts'), ('paragraph', 0, 'The workers met.')])
"""

from __future__ import annotations

import re

from indexer import cleaning
from indexer.readers.dates import parse_date
from indexer.readers.info_block import HEADER_WINDOW
from indexer.readers.parsed import Parsed, ParsedBlock

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


def parse_markdown(text: str) -> Parsed:
    meta, body = _front_matter(text)
    parsed = _from_front_matter(meta)
    parsed.blocks = _cleaned(_raw_blocks(body), parsed.link_chars)
    _take_title_line(parsed)
    return parsed


def _from_front_matter(meta: dict[str, str]) -> Parsed:
    parsed = Parsed(
        title=cleaning.strip_markdown(meta.get("title", "")) or None,
        author=cleaning.strip_markdown(meta.get("author", "")) or None,
    )
    iso = next(filter(None, (parse_date(meta.get(key, "")) for key in ("date", "published", "year"))), None)
    if iso:
        parsed.dates.append((iso, "front-matter"))
    return parsed


def _raw_blocks(body: str) -> list[ParsedBlock]:
    """Blocks with their markup: headings, rules, and runs of lines (paragraphs, link rows, info)."""
    blocks: list[ParsedBlock] = []
    pending: list[str] = []
    for line in body.splitlines():
        line = _unquoted(line)
        if _FENCE_DIV.match(line) or _GRID_BORDER.match(line):
            _flush(pending, blocks)
            continue
        row = _TABLE_ROW.match(line)
        if row:
            line = row.group(1).replace("|", " ").strip()
            if set(line.strip()) <= set("-:= "):
                continue
        if _BLANKISH.match(line):
            _flush(pending, blocks)
            continue
        if _RULE.match(line):
            _flush(pending, blocks)
            blocks.append(("rule", 0, ""))
            continue
        atx = _ATX.match(line.strip())
        if atx:
            _flush(pending, blocks)
            blocks.append(("heading", len(atx.group(1)), atx.group(2)))
            continue
        pending.append(line)
    _flush(pending, blocks)
    return blocks


def _unquoted(line: str) -> str:
    """A line without its blockquote marks: the words are kept."""
    while line.lstrip().startswith(">"):
        line = line.lstrip()[1:]
        line = line[1:] if line.startswith(" ") else line
    return line


def _flush(pending: list[str], blocks: list[ParsedBlock]) -> None:
    """The pending lines become one block, unless they are a footnote's definition."""
    if not pending:
        return
    raw = "\n".join(pending)
    pending.clear()
    if _FOOTNOTE_DEF.match(raw):
        return
    # Endnotes reuse the info markup; only near the top is it the page's info block.
    if _INFO_SPAN.search(raw) and len(blocks) < HEADER_WINDOW:
        blocks.append(("info", 0, _info_lines_md(raw)))
        return
    # Only links ("Back to the Archive", "Contents"): navigation if it ends the page.
    only_links = not re.search(r"[^\W\d_]", _MD_LINK.sub("", raw)) and _MD_LINK.search(raw)
    blocks.append(("links" if only_links else "paragraph", 0, raw))


def _cleaned(blocks: list[ParsedBlock], link_chars: dict[str, int]) -> list[ParsedBlock]:
    """The blocks without markup; emptied blocks and headings without words left out."""
    cleaned: list[ParsedBlock] = []
    for kind, level, raw in blocks:
        if kind == "paragraph":
            text = _paragraph_text(raw, link_chars)
        else:
            text = raw if kind in {"rule", "info"} else cleaning.strip_markdown(raw)
        if kind == "heading" and not cleaning.has_words(text, 1):
            continue  # "* * *" dividers dressed as headings
        if kind == "rule" or text:
            cleaned.append((kind, level, text))
    return cleaned


def _paragraph_text(raw: str, link_chars: dict[str, int]) -> str:
    """A paragraph's words, its link text counted in ``link_chars``.

    Hard breaks stay as newlines until assembly: an info block is read line by line.
    """
    text = "\n".join(filter(None, (cleaning.strip_markdown(seg) for seg in raw.split("\\\n"))))
    if "](" in raw:
        linked = sum(len(cleaning.strip_markdown(m.group(0))) for m in _MD_LINK.finditer(raw))
        if linked:
            link_chars[cleaning.normalize(text)] = linked
    return text


def _take_title_line(parsed: Parsed) -> None:
    """Pandoc puts the page's <title> first, as a plain line, when it had one."""
    blocks = parsed.blocks
    if blocks and blocks[0][0] == "paragraph" and len(blocks[0][2]) <= 160:
        first = blocks[0][2]
        if not cleaning.is_breadcrumb(first) and not first.endswith("."):
            parsed.page_title = first
            parsed.blocks = blocks[1:]


def _info_lines_md(raw: str) -> str:
    """Metadata lines of a Markdown info block, one per line, markup removed."""
    lines = re.split(r"\\\n|\n(?=\s*\[)", raw)
    return "\n".join(cleaning.strip_markdown(ln) for ln in lines if ln.strip())

