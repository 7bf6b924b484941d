"""Assembly: a parser's blocks become a Document, by the rules every format shares.

The header (title, author, info block) is told from the body, boilerplate
and navigation are dropped, and title, author and date are chosen in trust
order. Date trust order: catalogue > page metadata (HTML meta tags, JSON-LD,
front matter) > the document's own byline or dateline > its path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer import cleaning, listings
from indexer.models import Block, Document
from indexer.readers import bylines, headlines
from indexer.readers.catalogue import Entry
from indexer.readers.datelines import dateline
from indexer.readers.dates import date_from_filename, parse_date
from indexer.readers.info_block import HEADER_WINDOW, info_date, mark_info_zone
from indexer.readers.parsed import Parsed, ParsedBlock
from indexer.readers.titles import author_in_title_line, choose_title, humanise


def assemble(
    parsed: Parsed,
    *,
    doc_id: str,
    fmt: str,
    entry: Entry | None,
    content_hash: str,
) -> Document:
    """The Document made of what a parser found and the catalogue's ``entry`` for the file, if any."""
    blocks = _without_breadcrumbs(parsed.blocks)
    blocks, top = _take_top(blocks, fmt, parsed.page_title)
    blocks = mark_info_zone(blocks)
    header = _read_header(blocks, _header_end(blocks, fmt, top.headline))
    info_lines, body = _info_and_body(blocks, header, lines=fmt == "text")
    kept = _body_blocks(body, parsed.link_chars)
    page_title, page_author = _title_line(parsed.page_title, header.title)
    title = _title(doc_id, parsed, entry, top.headline or choose_title(header.title, page_title))
    author = _author(parsed, entry, top, guesses=(header.author, page_author, parsed.author_fallback))
    published, published_source = _published(doc_id, parsed, entry, top, info_lines, header.dates)
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
        dropped=top.dropped,
    )


def _without_breadcrumbs(blocks: list[ParsedBlock]) -> list[ParsedBlock]:
    return [
        b
        for i, b in enumerate(blocks)
        if not (i < 6 and b[0] in {"paragraph", "links"} and cleaning.is_breadcrumb(b[2]))
    ]


# ------------------------------------------------------------ the page's top


@dataclass(frozen=True)
class _Top:
    """What a web page prints above its text: the headline, a byline, a dateline.

    ``dropped`` holds the furniture above the headline (banner, menu, kicker).
    """

    headline: str | None = None
    byline: bylines.Byline | None = None
    dateline: str | None = None
    dropped: tuple[str, ...] = ()


def _take_top(blocks: list[ParsedBlock], fmt: str, page_title: str | None) -> tuple[list[ParsedBlock], _Top]:
    """The blocks without a web page's headline, the furniture above it, its byline and dateline."""
    if fmt != "html":
        return blocks, _Top()
    dropped: list[str] = []
    blocks, headline = headlines.take_headline(blocks, page_title, dropped)
    blocks, byline, date = _take_byline(blocks)
    # A section and date line printed above the headline ("SPORTS | Friday, November 23, 2001").
    date = date or next(filter(None, (dateline(line) for line in dropped[-3:])), None)
    return blocks, _Top(headline, byline, date, tuple(dropped))


# Bylines and datelines stand just under the headline, before the text begins.
_BYLINE_WINDOW = 6


def _take_byline(
    blocks: list[ParsedBlock],
) -> tuple[list[ParsedBlock], bylines.Byline | None, str | None]:
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
        if date is None and (date := dateline(text)) is not None:
            if _dated_rows_after(blocks, i, date) and any(len(t) > _PROSE for _k, _l, t in blocks[:i]):
                # "22 Nov 1881", then "12 Jan 1899", after the page's text has begun: a table's
                # first row, not the page's date ("Sunday, Oct. 29, 2006" under the headline of a
                # column of dated items still is)
                date = None
                break
            drop.add(i)
    return [b for i, b in enumerate(blocks) if i not in drop], found, date


_PROSE = 80  # characters: a block this long is the page's text, not its headline or furniture
# How far after a dateline another date-only block makes it a table's or a list's rows: a row's
# cells (a date, a vessel, names) are blocks of their own.
_ROWS_REACH = 4


def _dated_rows_after(blocks: list[ParsedBlock], i: int, date: str) -> bool:
    """Does another block that only says a date years apart follow block ``i`` within a row's
    reach? (A news index's items of the same week still date the index: its newest item.)"""
    return any((other := dateline(text)) is not None and abs(int(other[:4]) - int(date[:4])) > 1
               for _kind, _level, text in blocks[i + 1:i + 1 + _ROWS_REACH])


# ---------------------------------------------------------------- the header


@dataclass
class _Header:
    """The headings (and info) before the first paragraph, and what they say.

    ``used`` holds the indexes of the header's blocks that are no text of the body.
    """

    end: int
    title: str | None = None
    author: str | None = None
    dates: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


def _header_end(blocks: list[ParsedBlock], fmt: str, headline: str | None) -> int:
    if fmt == "text" or headline:
        # Text files have no marked-up header; a found headline already is the title.
        return 0
    return next((i for i, b in enumerate(blocks) if b[0] == "paragraph"), len(blocks))


def _read_header(blocks: list[ParsedBlock], end: int) -> _Header:
    header = _Header(end)
    headings: list[tuple[int, int, str]] = []  # (index, level, text)
    for i, (kind, level, text) in enumerate(blocks[:end]):
        if kind != "heading":
            continue
        if cleaning.looks_like_date_line(text) and parse_date(text):
            header.dates.append(parse_date(text) or "")
        else:
            headings.append((i, level, text))
    header.used = set(range(end)) - {i for i, _, _ in headings}
    header.author = _take_author_heading(headings, header.used)
    header.title = _take_title_heading(headings, header.used)
    return header


def _take_author_heading(headings: list[tuple[int, int, str]], used: set[int]) -> str | None:
    """ "## James Connolly" above "# Home Thrusts", or "## by Daniel De Leon" below the title."""
    for n, (i, _level, text) in enumerate(headings):
        who = cleaning.as_author_line(text)
        if who and (text.lower().startswith("by ") or (n == 0 and len(headings) > 1)):
            used.add(i)
            return who
    return None


def _take_title_heading(headings: list[tuple[int, int, str]], used: set[int]) -> str | None:
    """The first of the highest headings not taken already."""
    rest = [h for h in headings if h[0] not in used]
    if not rest:
        return None
    top = min(level for _, level, _ in rest)
    i, _, title = next(h for h in rest if h[1] == top)
    used.add(i)
    return title


# ------------------------------------------------------------------ the body


def _info_and_body(blocks: list[ParsedBlock], header: _Header,
                   lines: bool = False) -> tuple[list[str], list[ParsedBlock]]:
    """The lines of the info block at the top, and the blocks of the body, text normalised;
    with ``lines``, a block's line breaks kept (a plain text's list printed an entry a line)."""
    info_lines: list[str] = []
    body: list[ParsedBlock] = []
    for i, (kind, level, text) in enumerate(blocks):
        if kind == "info":
            # Notes at the end are marked up like the info block; only the top one dates the text.
            if i < max(header.end, HEADER_WINDOW):
                info_lines.extend(ln for ln in text.split("\n") if ln.strip())
            continue
        if kind == "rule" or i in header.used:
            continue
        # A list printed an entry a line keeps its lines (see readers.text): its names do not
        # run into the next line's words.
        body.append((kind, level, "\n".join(filter(None, map(cleaning.normalize, text.split("\n"))))
                     if lines else cleaning.normalize(text)))
    return info_lines, body


def _body_blocks(body: list[ParsedBlock], link_chars: dict[str, int]) -> list[Block]:
    return _ending_in_text(_without_furniture(_without_closing_links(body), link_chars))


def _without_closing_links(body: list[ParsedBlock]) -> list[ParsedBlock]:
    """Link rows at the very end are the page's navigation or a "Most read" box, also
    before a closing copyright line; elsewhere they are text (contents)."""
    body = list(body)
    tail: list[ParsedBlock] = []
    while body and body[-1][0] == "paragraph" and cleaning.is_boilerplate(body[-1][2]):
        tail.insert(0, body.pop())  # "Copyright © 2002 The Ledger. All rights reserved."
    listed = 0  # link rows just taken off: a heading right over two or more heads their box ("Most Read")
    while body and body[-1][0] in {"links", "heading"}:
        if body[-1][0] == "heading" and listed < 2 and not any(b[0] == "links" for b in body[-3:]):
            break
        listed = listed + 1 if body.pop()[0] == "links" else 0
    return body + tail


def _without_furniture(body: list[ParsedBlock], link_chars: dict[str, int]) -> list[Block]:
    """Site furniture: a trailer ends the text, single furniture lines go."""
    kept: list[Block] = []
    for kind, _level, text in body:
        if cleaning.is_trailer(text):
            break
        if not text.strip() or cleaning.is_boilerplate(text):
            continue
        kept.append(Block("heading" if kind == "heading" else "paragraph", text,
                          link_chars=len(text) if kind == "links" else link_chars.get(text, 0)))
    return kept


def _ending_in_text(kept: list[Block]) -> list[Block]:
    """A heading with no text after it is more likely a closing line."""
    kept = list(kept)
    while kept and kept[-1].kind == "heading":
        last = kept.pop()
        if cleaning.has_words(last.text):
            kept.append(Block("paragraph", last.text))
            break
    return kept


# ------------------------------------------------- title, author and date


def _title_line(page_title: str | None, title_heading: str | None) -> tuple[str | None, str | None]:
    """The page's title line, and the author it names.

    A leading line that only names a person ("Frederick Engels") is the author,
    not the title, when a heading gives the title.
    """
    page_author = author_in_title_line(page_title) if page_title else None
    if page_author and title_heading and cleaning.as_author_line(page_title or ""):
        return None, page_author
    return page_title, page_author


def _title(doc_id: str, parsed: Parsed, entry: Entry | None, from_page: str | None) -> str:
    """Catalogue, stated title, the page's own (headline, heading, title line), else the file name."""
    name = doc_id.rsplit("/", 1)[-1]
    return (
        (entry.title if entry else None)
        or parsed.title
        or from_page
        or humanise(name.rsplit(".", 1)[0])
    )


def _author(parsed: Parsed, entry: Entry | None, top: _Top, guesses: tuple[str | None, ...]) -> str | None:
    """Catalogue, byline, stated author, else the first guess that names a person.

    Names read from headings and title lines are guesses: a section banner or a
    collection's name ("Selected Works") is never an author.
    """
    people = [a for a in guesses if a and bylines.looks_like_person(a)]
    return (
        (entry.author if entry else None)
        or (bylines.join_authors(top.byline.authors) if top.byline else None)
        or parsed.author
        or next(iter(people), None)
    )


def _published(
    doc_id: str, parsed: Parsed, entry: Entry | None, top: _Top, info_lines: list[str], header_dates: list[str]
) -> tuple[str | None, str | None]:
    """The publication date and its source, the first found in trust order."""
    candidates: list[tuple[str | None, str]] = [(entry.date if entry else None, "catalogue")]
    # Metadata is written by the site's software for the page itself; a date in the
    # text may be another event's.
    candidates += [(iso, src) for iso, src in parsed.dates if src in {"meta", "front-matter"}]
    candidates.append((top.byline.date if top.byline else None, "byline"))
    candidates.append((top.dateline, "dateline"))
    candidates += [(iso, src) for iso, src in parsed.dates if src == "byline"]
    from_name = date_from_filename(doc_id)
    candidates.append((_info_block_date(info_lines, from_name), "byline"))
    candidates += [(iso, "byline") for iso in header_dates]
    candidates.append((from_name, "path"))
    candidates.append((_title_date(parsed.page_title), "title"))
    # A legacy page's "last updated" footer: when the page was saved, not when its text was written.
    candidates += [(iso, src) for iso, src in parsed.dates if src == "updated"]
    return next(((d, s) for d, s in candidates if d), (None, None))


def _title_date(page_title: str | None) -> str | None:
    """A date a legacy site wrote into the page's title ("The Courier - July 7, 1923 - Park
    Opened", "Archive :: 1928-04-28"), to the month at least: a year alone in a title is as
    often its subject ("The War of 1812").

    >>> _title_date("The Courier - July 7, 1923 - Park Opened"), _title_date("The War of 1812"), _title_date(None)
    ('1923-07-07', None, None)
    """
    iso = parse_date(page_title) if page_title else None
    return iso if iso and "-" in iso else None


def _info_block_date(info_lines: list[str], from_name: str | None) -> str | None:
    """The info block's date, unless it is years after the date the path gives.

    Archive folders are named by the date of writing; an info line years later
    is a posthumous printing or a reprint, and the folder date is closer.
    """
    iso = info_date(info_lines)
    if iso and from_name and int(iso[:4]) > int(from_name[:4]) + 1:
        return None
    return iso
