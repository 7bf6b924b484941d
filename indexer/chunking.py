"""A Document becomes Paragraphs: the unit of search, each under its section heading.

>>> from indexer.models import Block, Document
>>> doc = Document("a.txt", "text", "Title", blocks=(
...     Block("paragraph", "The first paragraph of text."),
...     Block("heading", "Later"),
...     Block("paragraph", "The second one, under a heading."),
... ))
>>> [(p.id, p.section) for p in chunk(doc)]
[('a.txt#p0', ''), ('a.txt#p1', 'Later')]
"""

from __future__ import annotations

import re

from indexer.cleaning import has_words
from indexer.models import Document, Paragraph
from indexer.name_words import ABBREVIATIONS
from indexer.settings import at_start

# Long enough for any real paragraph, short enough that a hit shows where it is.
MAX_CHARS = at_start().max_paragraph_chars
# Fewer words than this is a page number, a signature or a stray mark.
MIN_WORDS = at_start().min_paragraph_words

# A sentence is rarely longer than this: the breaks before it need not be looked for.
_SENTENCE_REACH = 500
# "Mr. Bush", "J. Edgar Hoover": a full stop that ends an abbreviation or an initial ends no sentence.
_ABBREVIATED = re.compile(r"(?:\b(?:%s)|(?<![\w.])[A-Z])\.$" % ABBREVIATIONS)
# After . ! ? (and a closing quote or bracket), before a capital or opening quote.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Ý])")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds ``start:end``.

    >>> t = "One two. Three four. Five six."
    >>> t[slice(*sentence_around(t, 9, 14))]
    'Three four.'
    >>> t = "In 1992 Mr. Bush lost. Then he left."
    >>> t[slice(*sentence_around(t, 12, 16))]
    'In 1992 Mr. Bush lost.'
    """
    begin = max(0, start - _SENTENCE_REACH)
    for m in _SENTENCE_BREAK.finditer(text, begin):
        if m.end() > start:
            break
        if not _ABBREVIATED.search(text, max(0, m.start() - 6), m.start()):
            begin = m.end()
    after = next((m for m in _SENTENCE_BREAK.finditer(text, end)
                  if not _ABBREVIATED.search(text, max(0, m.start() - 6), m.start())), None)
    return begin, (after.start() if after else len(text))


def split_long(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Cut a paragraph longer than ``limit`` at sentence ends, into near-equal pieces.

    >>> split_long("One two. Three four. Five six.", limit=12)
    ['One two.', 'Three four.', 'Five six.']
    >>> split_long("short", limit=12)
    ['short']
    """
    if len(text) <= limit:
        return [text]
    sentences: list[str] = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        sentences.append(text[start : m.end()].strip())
        start = m.end()
    sentences.append(text[start:].strip())
    # A "sentence" longer than the limit (no punctuation) is cut at spaces.
    pieces: list[str] = []
    for sentence in sentences:
        while len(sentence) > limit:
            cut = sentence.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if sentence:
            pieces.append(sentence)
    # Balance the pieces: aim for equal parts rather than one full and one tiny.
    parts = -(-len(text) // limit)
    target = len(text) / parts
    out: list[str] = []
    current = ""
    for piece in pieces:
        if current and (len(current) + 1 + len(piece) > limit or len(current) >= target):
            out.append(current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
    if current:
        out.append(current)
    return out


def chunk(doc: Document) -> list[Paragraph]:
    """The searchable paragraphs of ``doc``, numbered from 0, with their section.

    Years and persons are left empty: annotation fills them in later.
    """
    out: list[Paragraph] = []
    section = ""
    for block in doc.blocks:
        if block.kind == "heading":
            section = block.text
            continue
        if not has_words(block.text, MIN_WORDS):
            continue
        for piece in split_long(block.text):
            n = len(out)
            out.append(
                Paragraph(
                    id=f"{doc.doc_id}#p{n}",
                    doc_id=doc.doc_id,
                    title=doc.title,
                    position=n,
                    text=piece,
                    section=section,
                    author=doc.author,
                    published=doc.published,
                    published_source=doc.published_source,
                    kind=doc.kind,
                )
            )
    return out
