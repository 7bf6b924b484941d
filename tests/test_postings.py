"""Binary-search skipping lands exactly where Whoosh's own posting walk does."""

from __future__ import annotations

import random

from whoosh import fields, index as whoosh_index
from whoosh.codec.whoosh3 import W3LeafMatcher

from searchsvc import postings


def test_skip_to_matches_whooshs_walk(tmp_path):
    rng = random.Random(7)
    ix = whoosh_index.create_in(str(tmp_path), fields.Schema(t=fields.TEXT(phrase=True)))
    w = ix.writer()
    for _ in range(3000):  # "common" in ~60% of documents: many 128-posting blocks
        words = ["common"] * (rng.random() < 0.6) + ["rare"] * (rng.random() < 0.03) + ["filler"]
        w.add_document(t=" ".join(words))
    w.commit()
    with ix.searcher() as s:
        reader = s.reader()
        for trial in range(200):
            targets = sorted(rng.sample(range(3100), rng.randint(1, 60)))
            walks = []
            for patched in (False, True):
                (postings.install if patched else postings.uninstall)()
                m = reader.postings("t", "common")
                assert isinstance(m, W3LeafMatcher)
                seen = []
                for target in targets:
                    if not m.is_active():
                        break
                    m.skip_to(target)
                    seen.append((m.id(), m.value_as("positions")) if m.is_active() else None)
                walks.append(seen)
            assert walks[0] == walks[1], targets
        postings.install()
    assert W3LeafMatcher.skip_to is postings.skip_to
