"""Listings: pages that are mostly links (contents, indexes, issue lists).

Such a page leads to documents; it says nothing itself. It is indexed with
``kind = "listing"`` and kept out of search results by default, so a
contents page that names every headline of an issue never outranks the
articles it lists.

>>> from indexer.models import Block
>>> links = [Block("paragraph", f"Story number {n}", link_chars=14) for n in range(5)]
>>> kind_of([Block("heading", "Issue 112"), *links])
'listing'
>>> kind_of([Block("paragraph", "A long paragraph of reporting on the strike at the quay."), links[0]])
'article'
"""

from __future__ import annotations

from collections.abc import Sequence

from indexer.models import Block
from indexer.settings import at_start

ARTICLE = "article"
LISTING = "listing"



# Share of the text's characters that are link text, above which a page is a listing.
LINK_SHARE = at_start().listing_link_share
# Fewer link rows than this is a page with a "see also" list, not a listing.
MIN_LINK_ROWS = 3


def kind_of(blocks: Sequence[Block]) -> str:
    """``listing`` when most of the page's text is rows of links, else ``article``."""
    text = links = rows = 0
    for b in blocks:
        if b.kind != "paragraph":
            continue
        text += len(b.text)
        if b.link_chars:
            links += b.link_chars
            rows += 1
    if rows >= MIN_LINK_ROWS and text and links / text >= LINK_SHARE:
        return LISTING
    return ARTICLE
