"""HTML pages: metadata from the head, blocks from the body's content area.

The page's ``<title>``, meta tags and JSON-LD give title, author and date
hints; navigation, scripts and furniture containers are removed before the
blocks (headings, paragraphs, link rows, info blocks, rules) are read.

>>> parsed = parse_html(b"<html><head><title>On Bread | The Weekly</title></head>"
...                     b"<body><h1>On Bread</h1><p>Bread rose again.</p></body></html>")
>>> parsed.page_title, parsed.blocks
('On Bread', [('heading', 1, 'On Bread'), ('paragraph', 0, 'Bread rose again.')])
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from indexer import cleaning
from indexer.readers import bylines, mojibake
from indexer.readers.datelines import dateline
from indexer.readers.dates import parse_date
from indexer.readers.encoding import decode
from indexer.readers.parsed import Parsed, ParsedBlock, Unusable
from indexer.settings import IndexerSettings

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_DROP_TAGS = "script,style,nav,header,footer,aside,form,noscript,iframe,svg,button,select,textarea,template"
_DROP_TAG_NAMES = frozenset(_DROP_TAGS.split(","))
_DROP_WORDS = re.compile(
    r"nav|menu|footer|breadcrumb|share|cookie|comment|sidebar|toplink|banner|skip|updat|social|signup|subscribe"
)
_BLOCK_SEL = "h1,h2,h3,h4,h5,h6,p,li,pre,blockquote,dd,dt,td,th"
_DATE_ELEMENTS = ".date, .dateline, .timestamp, .published, .pubdate, .posted, .post-date, .entry-date, .submitted"
# Drupal's "Submitted by jwh3 on Tue, 06/02/2009 - 10:45", WordPress's "Posted by ... on ...".
_SUBMITTED = re.compile(r"^(?:submitted|posted|published)\s+by\s+(?P<who>.+?)\s+on\s+(?P<when>.+)$", re.I)
_CONTAINERS = {"li", "blockquote", "dd", "dt", "td", "th"}
_BLOCK_TAGS = frozenset(_BLOCK_SEL.split(",")) | {"hr", "div", "table", "ul", "ol", "dl", "form"}
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
    return IndexerSettings.from_env(strict=False).max_html_depth


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


def _emphasised(node: LexborNode, text: str) -> bool:
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


def parse_html(raw: bytes) -> Parsed:
    from selectolax.lexbor import LexborHTMLParser

    # <br> is a line break inside a paragraph; keep it as one for info blocks.
    page = _page_text(raw)
    tree = LexborHTMLParser(_BR.sub("\n", page))
    parsed = Parsed()
    _read_head(tree, parsed)
    root = _content_root(tree)
    if root is None:
        return parsed
    if _UPDATED.search(page):
        _page_updated(root, parsed)  # before the footer that says it goes with the furniture
    _remove_furniture(root)
    parsed.page_title = _take_title_paragraphs(root, parsed.page_title)
    for node in root.css(_BLOCK_SEL + ",hr"):
        parsed.blocks.extend(_node_blocks(node, parsed.link_chars))
    if not any(kind == "paragraph" for kind, _, _ in parsed.blocks):
        # Text straight inside <div>s: fall back to the lines of the whole body.
        parsed.blocks.extend(("paragraph", 0, line) for line in _lines(root.text(deep=True)))
    return parsed


_UPDATED = re.compile(r"\blast\s+(?:updated|modified)\b", re.I)
_SEPARATOR = re.compile(r"\s[|·•]\s|\s{3,}")


def _page_updated(root: LexborNode, parsed: Parsed) -> None:
    """ "This page last updated: 9 August 1996.": the date a legacy site's footer gives the page
    as saved, trusted least of all (see :func:`indexer.readers.assembly._published`)."""
    for line in root.text(deep=True).split("\n"):
        if (m := _UPDATED.search(line)) and (iso := dateline(cleaning.normalize(line)) or dateline(
                cleaning.normalize(_SEPARATOR.split(line[m.start():])[0]))):
            # (a footer's line often says more: "(c) 2003 Quill Society | Last updated: 17/11/2002")
            parsed.dates.append((iso, "updated"))
            return


def _page_text(raw: bytes) -> str:
    """The page decoded by the charset it declares; refused when its elements nest too deep to parse."""
    m = _CHARSET.search(raw[:4096])
    text = mojibake.repair(decode(raw, m.group(1).decode("ascii", "replace") if m else None))
    limit = max_html_depth()
    if text.count("<") > limit and _nesting_depth(text, limit) > limit:
        raise Unusable(f"malformed HTML: elements nest deeper than {limit} (ARCHIVE_MAX_HTML_DEPTH)")
    return text


def _lines(text: str) -> list[str]:
    return [cleaning.normalize(line) for line in text.split("\n") if cleaning.normalize(line)]


# ------------------------------------------------------------------ metadata


def _read_head(tree: LexborHTMLParser, parsed: Parsed) -> None:
    """Title, author and date hints: <title>, meta tags, <time>, JSON-LD, a byline element."""
    title_node = tree.css_first("title")
    if title_node is not None:
        parsed.page_title = cleaning.normalize(title_node.text()).split(" | ")[0].strip() or None
    meta_dates = _read_meta_tags(tree, parsed)
    for node in tree.css("time[datetime], span.date-display-single"):
        meta_dates.append(node.attributes.get("content") or node.attributes.get("datetime") or node.text())
    iso = next(filter(None, (parse_date(value or "") for value in meta_dates)), None)
    if iso:
        parsed.dates.append((iso, "meta"))
    _json_ld(tree, parsed)
    byline = tree.css_first("h3.diet-title, .byline, [rel=author]")
    if byline is not None:
        raw = byline.text()
        text = cleaning.normalize(raw)
        # "By Hector Villanueva | Staff Writer", "Words: Tom Byrne", "By Ann Lee<br>Staff writer":
        # the people, not the credit.
        authors = next(filter(None, (bylines.credited(cleaning.normalize(line))
                                     for line in (*raw.split("\n"), raw) if line.strip())), None)
        parsed.author_fallback = (bylines.join_authors(authors) if authors else text) or parsed.author_fallback
    if not parsed.dates:
        # "<span class="date">Published 3 March 2006</span>": a date element the site's software printed.
        for node in tree.css(_DATE_ELEMENTS):
            if _in_furniture(node):
                continue  # a sidebar's or a comment's date
            text = cleaning.normalize(node.text())
            if submitted := _SUBMITTED.match(text):
                text = submitted["when"]
                parsed.author_fallback = parsed.author_fallback or submitted["who"]
            if iso := dateline(text):
                parsed.dates.append((iso, "byline"))
                break


def _in_furniture(node: LexborNode) -> bool:
    """Is the element inside a menu, a sidebar, a footer or comments (what :func:`_remove_furniture` drops)?"""
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in _DROP_TAG_NAMES and not _page_form(node) or _marked_furniture(node) and node.tag not in _LAYOUT_TAGS:
            return True
        node = node.parent
    return False


# A form with this many paragraphs is the page itself (ASP.NET's), not a form on it.
PAGE_FORM_PARAGRAPHS = 3
# The page itself and its main region: their classes say the page's layout ("one-sidebar
# sidebar-right", "has-comments" on Drupal's and WordPress's <body>), not that they are furniture.
_LAYOUT_TAGS = frozenset({"html", "body", "main"})


def _page_form(node: LexborNode) -> bool:
    """Is this <form> the whole page's, not a search box or a comment form? ASP.NET wraps every
    page in one ("aspnetForm"): it holds the article's paragraphs."""
    return node.tag == "form" and len(node.css("p")) >= PAGE_FORM_PARAGRAPHS


def _marked_furniture(node: LexborNode) -> bool:
    """Does the element's class or id name furniture ("sidebar", "nav", "comment")?"""
    marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
    return bool(_DROP_WORDS.search(marker))


def _read_meta_tags(tree: LexborHTMLParser, parsed: Parsed) -> list[str]:
    """The dates meta tags give, in page order; the first author tag is the fallback author."""
    meta_dates: list[str] = []
    for meta in tree.css("meta"):
        attrs = meta.attributes
        name = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        content = cleaning.normalize(attrs.get("content") or "")
        if name == "author" and content and not parsed.author_fallback:
            parsed.author_fallback = content
        elif name in _META_DATE_NAMES and content:
            meta_dates.append(content)
    return meta_dates


def _json_ld(tree: LexborHTMLParser, parsed: Parsed) -> None:
    """datePublished and author from a page's JSON-LD (schema.org) blocks."""
    import json

    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text() or "null")
        except ValueError:
            continue
        for item in _json_objects(data):
            iso = parse_date(str(item.get("datePublished") or ""))
            if iso and not any(src == "meta" for _, src in parsed.dates):
                parsed.dates.append((iso, "meta"))
            author = item.get("author")
            if isinstance(author, dict):
                author = author.get("name")
            if isinstance(author, str) and author.strip() and not parsed.author_fallback:
                parsed.author_fallback = cleaning.normalize(author)


def _json_objects(data: object) -> Iterator[dict]:
    """Every object in a JSON value, nested ones included, depth first."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
        yield item


# ---------------------------------------------------------------------- body


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    return (
        tree.css_first("div.field-docs-content")
        or tree.css_first("article")
        or tree.css_first("main")
        or tree.body
    )


def _remove_furniture(root: LexborNode) -> None:
    """Scripts, menus, headers and footers, and elements whose class or id names furniture."""
    for node in root.css(_DROP_TAGS):
        if not _page_form(node):
            node.decompose()
    for node in root.css("[class], [id]"):
        if _marked_furniture(node) and node.tag not in _LAYOUT_TAGS and node is not root:
            node.decompose()


def _take_title_paragraphs(root: LexborNode, page_title: str | None) -> str | None:
    """The page title a <p class="title"> gives (the last one), removed from the body."""
    for node in root.css("p.title"):
        page_title = cleaning.normalize(node.text()) or page_title
        node.decompose()
    return page_title


def _node_blocks(node: LexborNode, link_chars: dict[str, int]) -> list[ParsedBlock]:
    """The blocks one element gives: a rule, an info block, headings, or a paragraph or row of links."""
    tag = node.tag
    if tag == "hr":
        return [("rule", 0, "")]
    if tag in _CONTAINERS and len(node.css(_BLOCK_SEL)) > 1:
        # Its inner blocks carry the text (css() includes the node itself), but for what a
        # legacy layout prints loose above them: a headline in <font>, a dateline, a byline.
        return _cell_head(node)
    classes = (node.attributes.get("class") or "").lower().split()
    body = node.text(deep=True)
    if "information" in classes or "info" in classes:
        return [("info", 0, "\n".join(cleaning.normalize(x) for x in body.split("\n")))]
    text = cleaning.normalize(cleaning.FOOTNOTE_MARK.sub("", body))
    if not text:
        return []
    if tag in {"h1", "h2", "h3", "h4"}:
        return [("heading", int(tag[1]), text)] if cleaning.has_words(text, 1) else []
    if tag in {"p", "td", "div"} and _emphasised(node, text):
        # Legacy layouts mark headlines and sub-headings with <b> and <font size>
        # only; a <br> inside separates a kicker from its headline.
        return [("heading", 3, line) for line in _lines(body)]
    return [_text_block(node, text, link_chars)]


def _cell_head(node: LexborNode) -> list[ParsedBlock]:
    r"""The lines a container prints before its first inner block, outside any block element:
    ``<td><font size=5><b>Headline</b></font><br><font>SPORTS | May 4, 2001</font><br><b>By ANN
    LEE</b><br><i>Staff Writer</i><p>First paragraph…``. A bold or large run is a heading.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> td = LexborHTMLParser("<table><tr><td><font size=5><b>Rally wins</b></font>\n<font>May 4, 2001"
    ...                       "</font>\n<b>By ANN LEE</b><p>One.</p><p>Two.</p></td></tr></table>").css_first("td")
    >>> _cell_head(td)
    [('heading', 3, 'Rally wins'), ('paragraph', 0, 'May 4, 2001'), ('heading', 3, 'By ANN LEE')]
    >>> td = LexborHTMLParser("<table><tr><td><a>Home</a> | <a>Local News</a><p>One.</p><p>Two.</p>"
    ...                       "</td></tr></table>").css_first("td")
    >>> _cell_head(td)
    []
    """
    out: list[ParsedBlock] = []
    for child in node.iter(include_text=True):
        if child.tag in _BLOCK_TAGS or child.css_first(_BLOCK_SEL) is not None:
            break
        if child.tag == "a" or child.css_first("a") is not None:
            continue  # a cell's menu ("Home | Local News | Obituaries"), not its text
        body = child.text(deep=True)
        for line in _lines(body):
            if not cleaning.has_words(line, 1):
                continue
            heading = child.tag != "-text" and _emphasised(child, line) and "\n" not in body.strip()
            out.append(("heading", 3, line) if heading else ("paragraph", 0, line))
    return out


def _text_block(node: LexborNode, text: str, link_chars: dict[str, int]) -> ParsedBlock:
    """A paragraph (its link text counted), or a row of links when links are (nearly) all its text."""
    links = "".join(a.text() for a in node.css("a"))
    only_links = bool(links) and len(cleaning.normalize(links)) >= len(text) - 3
    if links and not only_links:
        link_chars[text] = len(cleaning.normalize(links))
    return ("links" if only_links else "paragraph", 0, text)
