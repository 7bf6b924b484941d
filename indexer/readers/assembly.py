"""Assembly: a parser's blocks become a Document, by the rules every format shares.

The header (title, author, info block) is told from the body, boilerplate
and navigation are dropped, and title, author and date are chosen in trust
order. Date trust order: catalogue > page metadata (HTML meta tags, JSON-LD,
front matter) > the document's own byline or dateline > its path.
"""

from __future__ import annotations

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
    blocks = [
        b
        for i, b in enumerate(parsed.blocks)
        if not (i < 6 and b[0] in {"paragraph", "links"} and cleaning.is_breadcrumb(b[2]))
    ]
    headline: str | None = None
    dropped: list[str] = []
    found_byline: bylines.Byline | None = None
    found_dateline: str | None = None
    if fmt == "html":
        blocks, headline = headlines.take_headline(blocks, parsed.page_title, dropped)
        blocks, found_byline, found_dateline = _take_byline(blocks)
    blocks = mark_info_zone(blocks)

    # The header: headings (and info) before the first paragraph of text.
    title_heading: str | None = None
    header_author: str | None = None
    header_dates: list[str] = []
    info_lines: list[str] = []
    body: list[ParsedBlock] = []
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
            if i < max(header_end, HEADER_WINDOW):
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
    page_author = author_in_title_line(page_title) if page_title else None
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
        or choose_title(title_heading, page_title)
        or humanise(name.rsplit(".", 1)[0])
    )
    candidates: list[tuple[str | None, str]] = [(entry.date if entry else None, "catalogue")]
    # Metadata is written by the site's software for the page itself; a date in the
    # text may be another event's.
    candidates += [(iso, src) for iso, src in parsed.dates if src in {"meta", "front-matter"}]
    candidates.append((found_byline.date if found_byline else None, "byline"))
    candidates.append((found_dateline, "dateline"))
    candidates += [(iso, src) for iso, src in parsed.dates if src == "byline"]
    info_iso = info_date(info_lines)
    from_name = date_from_filename(doc_id)
    # Archive folders are named by the date of writing; an info line years later
    # is a posthumous printing or a reprint, and the folder date is closer.
    if info_iso and from_name and int(info_iso[:4]) > int(from_name[:4]) + 1:
        info_iso = None
    candidates.append((info_iso, "byline"))
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
        if date is None:
            date = dateline(text)
            if date is not None:
                drop.add(i)
    return [b for i, b in enumerate(blocks) if i not in drop], found, date

