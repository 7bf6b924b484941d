"""Skipping through a Whoosh posting block by binary search.

``W3LeafMatcher.skip_to`` finds the right block from the block headers, then
walks the block one posting at a time, two Python calls per posting. AND
queries and phrase checks skip constantly (each rare word's document makes
every common word skip), so at 100k paragraphs that walk was a third of a
two-word request. :func:`install` replaces the walk with ``bisect`` over the
block's sorted ids; where the matcher ends up is exactly the same.
"""

from __future__ import annotations

from bisect import bisect_left

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.mcore import ReadTooFar

_original_skip_to = W3LeafMatcher.skip_to


def skip_to(self: W3LeafMatcher, targetid: int) -> None:
    if not self.is_active():
        raise ReadTooFar
    if targetid <= self.id():
        return
    if targetid > self.block_max_id():
        self._skip_to_block(lambda: targetid > self.block_max_id())
        if not self.is_active():
            return
        if self._ids is None:
            self._read_ids()
    # The block's largest id is >= targetid here, so the position is inside the block.
    self._i = bisect_left(self._ids, targetid, self._i)


def install() -> None:
    """Use :func:`skip_to` for every Whoosh posting reader in this process (idempotent)."""
    W3LeafMatcher.skip_to = skip_to


def uninstall() -> None:
    W3LeafMatcher.skip_to = _original_skip_to
