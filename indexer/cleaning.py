"""Text clean-up shared by the readers: markup removal, boilerplate, headings.

Every function here takes and returns plain strings, so each rule can be
tested on one line of text.

>>> strip_markdown("See [the notes](notes.htm#n1){.info} and *this*\\\\")
'See the notes and this'
>>> is_boilerplate("This website uses cookies, you can find out more here.")
True
"""

from __future__ import annotations

import html
import re
import unicodedata

# ---------------------------------------------------------------- whitespace


def normalize(text: str) -> str:
    """NFC, one space between words, no space at the ends; accents are kept.

    >>> normalize("  Cafe\\u0301\\u00a0 au\\n lait ")
    'Café au lait'
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # str.split() knows every Unicode space (no-break ones included) and is fast.
    return " ".join(text.replace("\u200b", " ").split())


def has_words(text: str, minimum: int = 2) -> bool:
    """Whether ``text`` holds at least ``minimum`` words with letters in them.

    >>> has_words("* * *"), has_words("Go home."), has_words("SPAILPÍN.")
    (False, True, False)
    """
    count = 0
    for word in text.split():
        if any(ch.isalpha() for ch in word):
            count += 1
            if count >= minimum:
                return True
    return False


# Note markers left in running text: "[66]", "[*]", "[a]".
FOOTNOTE_MARK = re.compile(r"\[(?:\d{1,3}|\*|[a-z])\]")

# ------------------------------------------------------------------ markdown

# Every scan is bounded ({0,N} instead of *): an unclosed "[" or "<!--" in a long
# paragraph would otherwise be rescanned from each start, quadratic in its length
# (8,000 "[" took 3 s, 20,000 took 25 s). The bounds are far above real markup.
# A rule also runs only when the text holds the marker every match of it contains,
# so a paragraph full of "[" but without "](" costs one substring search per rule.
_LINK_TEXT = 300  # characters inside [...] or {...}
_URL = 1000  # characters inside (...)
_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--.{0,5000}?-->", re.S), ""),
    # Hard breaks and wrapped lines: one line, so emphasis spanning a wrap is found.
    (re.compile(r"\\\n"), " "),
    (re.compile(r"[ \t]*\n[ \t]*"), " "),
    # Footnote references: pandoc's ^[\[66\]](notes.htm#n66)^, [^\[1\]^](#fw01){#bk01}, [^12], ^12^.
    (re.compile(rf"\^\[\\?\[[^\]]{{0,{_LINK_TEXT}}}\\?\]\]\([^)]{{0,{_URL}}}\)\^"), ""),
    (re.compile(r"\[(?:\^?\\?\[[\w*.]{1,5}\\?\]\^?|\^[\w*.]{1,5}\^|\d{1,3}|\*)\]"
                rf"\([^)]{{0,{_URL}}}\)(?:\{{[^}}]{{0,{_LINK_TEXT}}}\}})?"), ""),
    (re.compile(rf"\[\^[^\]]{{0,{_LINK_TEXT}}}\]"), ""),
    (re.compile(r"\^[^\s^]{1,8}\^"), ""),
    # Images go, links keep their text: ![alt](x.jpg), [text](url), [text][ref].
    (re.compile(rf"!\[[^\]]{{0,{_LINK_TEXT}}}\]\([^)]{{0,{_URL}}}\)(\{{[^}}]{{0,{_LINK_TEXT}}}\}})?"), ""),
    (re.compile(rf"\[((?:[^\[\]]|\[[^\]]{{0,{_LINK_TEXT}}}\]){{0,{_LINK_TEXT}}})\]\([^)]{{0,{_URL}}}\)"), r"\1"),
    (re.compile(rf"\[([^\]]{{1,{_LINK_TEXT}}})\]\[[^\]]{{0,{_LINK_TEXT}}}\]"), r"\1"),
    # Pandoc spans and attributes: [Written:]{.info}, {#top}, {target="new"}.
    (re.compile(rf"\[([^\]]{{0,{_LINK_TEXT}}})\]\{{[^}}]{{0,{_LINK_TEXT}}}\}}"), r"\1"),
    (re.compile(rf"\{{[#.][^}}]{{0,{_LINK_TEXT}}}\}}|\{{[a-z-]{{1,40}}=[^}}]{{0,{_LINK_TEXT}}}\}}"), ""),
    (re.compile(r"</?[a-zA-Z][^>\n]{0,500}>"), ""),
    # Emphasis: **x**, __x__, *x*, _x_ (not snake_case or 2 * 3).
    (re.compile(r"(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,1000}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,1000}?)(?<=\S)_(?![\w_])"), r"\1"),
    # A backslash at the end of a line is a hard break; elsewhere it escapes.
    (re.compile(r"\\$", re.M), " "),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!\"'>|^~&<])"), r"\1"),
]


_MARKUP = re.compile(r"[*_\[\]{}<>\\^`&]")
# What each rule's matches must contain (same order as _MD_RULES; "" = always run).
_NEEDLES = ["-->", "\\\n", "\n", "](", "](", "[^", "^", "](", "](", "][", "]{", "{", "<",
            "", "*", "_", "\\", "\\"]
assert len(_NEEDLES) == len(_MD_RULES)


def strip_markdown(text: str) -> str:
    """Plain text from one Markdown paragraph (pandoc's dialect included).

    >>> strip_markdown("Hegel remarks^[\\\\[\\\\*\\\\]](glossary.htm#h)^ that *all* great")
    'Hegel remarks that all great'
    >>> strip_markdown("[Written:]{.info} 5 June, 1920\\\\")
    'Written: 5 June, 1920'
    >>> strip_markdown("snake_case_name and 2 * 3 * 4")
    'snake_case_name and 2 * 3 * 4'
    """
    # Most paragraphs hold no markup at all: test once instead of running every rule.
    if _MARKUP.search(text):
        for (pattern, repl), needle in zip(_MD_RULES, _NEEDLES):
            if needle in text:
                text = pattern.sub(repl, text)
        if "&" in text:
            text = html.unescape(text)
    return normalize(text)


# --------------------------------------------------------------- boilerplate

# A paragraph matching one of these ends the article: everything after it is
# site furniture (comment forms, cookie banners, share links).
_TRAILERS = re.compile(
    r"^(?:"
    r"add new comment|leave a (?:comment|reply)|post a comment|\d+ comments?|comments?$"
    r"|this (?:web)?site uses cookies|we use cookies|by continuing to use this (?:web)?site"
    r"|\* ?this article can be found at"
    r"|share this(?: article| page| post)?:?$|related (?:articles|posts):?$"
    r")",
    re.I,
)

# Single paragraphs that are furniture wherever they appear.
_FURNITURE = re.compile(
    r"^(?:"
    r"privacy policy|terms (?:and|&) conditions|cookie (?:policy|settings)|accept(?: all)? cookies"
    r"|share (?:on|via) \w+|tweet|email this|print(?: this)?(?: page| article)?"
    r"|(?:back to |to )?top(?: of (?:the )?page)?|last updated\b.*|report a typo"
    r"|log ?in or register to post comments|read more|skip to (?:main )?content"
    r"|(?:table of )?contents|next:?|previous:?|index|home"
    r"|advertisement|sponsored(?: content| links)?|(?:story )?continues below(?: advertisement)?"
    r"|(?:copyright\s*)?(?:©|\(c\)|copyright)\s*\d{4}\b.{0,160}all rights reserved\b.{0,160}"
    r")[.!:]*$",
    re.I,
)


def is_trailer(text: str) -> bool:
    """Whether this paragraph starts the site furniture after an article.

    >>> is_trailer("Add new comment"), is_trailer("We add new comments to the record.")
    (True, False)
    """
    return bool(_TRAILERS.match(text.strip()))


def is_nav(text: str) -> bool:
    """A row of short links such as "Preface | Chapter 2 | Contents".

    >>> is_nav("Top of the page | Preface"), is_nav("Wages | a study of what the workers earn in the mills of the north")
    (True, False)
    """
    if "|" not in text and "·" not in text:
        return False
    parts = [p for p in re.split(r"\s+\|\s+|\s+·\s+", text) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= 6 for p in parts)


def is_boilerplate(text: str) -> bool:
    """Whether this paragraph is site furniture rather than writing.

    >>> is_boilerplate("Privacy Policy"), is_boilerplate("The privacy policy of the state was cruel.")
    (True, False)
    >>> is_boilerplate("Copyright © 2002 The Ledger. All rights reserved."), is_boilerplate("Copyright law changed.")
    (True, False)
    >>> is_boilerplate("Copyright law lets a publisher reprint a letter without permission in narrow cases.")
    False
    >>> is_boilerplate("ADVERTISEMENT"), is_boilerplate("Advertisement revenue fell by half that year.")
    (True, False)
    """
    text = text.strip()
    return bool(_TRAILERS.match(text) or _FURNITURE.match(text) or is_nav(text))


def is_breadcrumb(text: str) -> bool:
    """ "MIA > Archive > Connolly": a trail of links, not writing.

    >>> is_breadcrumb("MIA > Archive > Socialism ..."), is_breadcrumb("If a > b, then b < a.")
    (True, False)
    """
    arrows = text.count(" > ")
    return len(text.split()) <= 16 and (arrows >= 2 or (arrows == 1 and not text.endswith(".")))


# ------------------------------------------------------------------ headings

_SENTENCE_END = tuple('.,;:!?…"”’\'—–-')
_SPEAKER = re.compile(r"^[A-Z][\w .']{0,30}:\s")
_HEADING_MAX_CHARS = 90


def looks_like_heading(line: str) -> bool:
    """A short line that names a section rather than saying something.

    >>> looks_like_heading("The armed assault"), looks_like_heading("We left at dawn.")
    (True, False)
    >>> looks_like_heading("Fellow-Citizens of the Senate and House of Representatives:")
    False
    """
    line = line.strip()
    if not line or len(line) > _HEADING_MAX_CHARS or line.endswith(_SENTENCE_END):
        return False
    words = line.split()
    if not any(ch.isalpha() for ch in line) or line.startswith(("*", "-", "[", "(")):
        return False
    if _SPEAKER.match(line):  # "Q: Mr. President" is a transcript turn
        return False
    if len(words) <= 8:
        return line[0].isupper() or line[0].isdigit()
    # Longer lines only in Title Case: most words capitalised.
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) <= 14 and capitalised >= 0.6 * len(words)


_DATE_HEADING = re.compile(r"^\(?[\w\s,.\-–]*\d{4}[\w\s,.\-–]*\)?$")


def looks_like_date_line(line: str) -> bool:
    """A heading that only gives a date: "(1898)", "(30 September 1899)".

    >>> looks_like_date_line("(1898)"), looks_like_date_line("The Year 1848 in Germany")
    (True, False)
    """
    line = line.strip()
    return bool(_DATE_HEADING.match(line)) and len(line.split()) <= 5 and (
        line.startswith("(") or len(line.split()) <= 3
    )


_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’\-]*\.?|[A-Z]\.|de|De|von|van|la|Le|y)$")


def as_author_line(line: str) -> str | None:
    """The person a header line names: "## V. I. Lenin", "by Daniel De Leon".

    >>> as_author_line("by Daniel De Leon"), as_author_line("James Connolly")
    ('Daniel De Leon', 'James Connolly')
    >>> as_author_line("Draft Theses on") is None
    True
    """
    line = re.sub(r"^(?:by|written by)\s+", "", line.strip(), flags=re.I)
    line = line.rstrip(",.")
    words = line.replace(". ", ".  ").split()
    if not 2 <= len(words) <= 5 or any(not _NAME_WORD.match(w) for w in words):
        return None
    if line.isupper() and len(line) > 3:  # "MORGAN AND THE FEDERALIST" is a title
        return None
    lowered = {w.lower() for w in words}
    if lowered & {"the", "of", "on", "and", "in", "for", "to", "a", "an"}:
        return None
    return normalize(line)
