"""A term's postings read as numpy arrays, a block at a time, once per request.

Whoosh's matchers hand out one posting per call; here a term's docnums,
weights and positions come as arrays decoded from :mod:`indexer.engine.codec`'s
blocks (Whoosh 3's own blocks and deleted documents too), blocks holding none
of the documents asked for are skipped undecoded, and :class:`PostingsCache`
keeps what one request has read. Term statistics are looked up once per
reader (``frequency``).
"""

from __future__ import annotations

import time
import weakref
from typing import NamedTuple

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher, MultiMatcher
from whoosh.reading import MultiReader, TermNotFound

from indexer.engine import codec
from indexer.engine.deadline import QueryTimeout
from indexer.engine.docsets import EMPTY, contained

_NO_WEIGHTS = np.zeros(0, dtype=np.float64)

def matcher_ids(m, deadline: float = float("inf"), only: np.ndarray | None = None) -> np.ndarray:
    """All docnums of a fresh matcher, fast for plain postings.

    With ``only`` (sorted docnums), blocks holding none of them are skipped
    undecoded and the result may be limited to the blocks that do: callers
    intersect it with ``only`` anyway.
    """
    return postings_arrays(m, deadline, only).ids


_POSITIONS = formats.Positions()
_NO_INDEX = np.zeros(0, dtype=np.int64)
_NO_POSITIONS = np.zeros(0, dtype=np.uint32)


class Postings(NamedTuple):
    """A term's postings as arrays: docnums, and weights and positions when asked for.

    Positions are kept flat: posting ``i`` has ``counts[i]`` positions starting at
    ``positions[starts[i]]``, so dropping postings leaves ``positions`` as it is.
    """

    ids: np.ndarray  # int32, sorted
    weights: np.ndarray | None = None  # float64
    starts: np.ndarray | None = None  # int64, per posting
    counts: np.ndarray | None = None  # int64, per posting
    positions: np.ndarray | None = None  # every posting's positions in a row

    def take(self, keep: np.ndarray) -> Postings:
        """The postings selected by a boolean mask or index array."""
        return Postings(self.ids[keep], None if self.weights is None else self.weights[keep],
                        None if self.starts is None else self.starts[keep],
                        None if self.counts is None else self.counts[keep], self.positions)

    @classmethod
    def concat(cls, parts: list[Postings], weights: bool, positions: bool) -> Postings:
        if len(parts) == 1:
            return parts[0]
        ids = np.concatenate([EMPTY] + [p.ids for p in parts]).astype(np.int32)
        w = np.concatenate([_NO_WEIGHTS] + [p.weights for p in parts]) if weights else None
        if not positions:
            return cls(ids, w)
        shift = np.cumsum([0] + [len(p.positions) for p in parts[:-1]])
        return cls(ids, w,
                   np.concatenate([_NO_INDEX] + [p.starts + s for p, s in zip(parts, shift)]),
                   np.concatenate([_NO_INDEX] + [p.counts for p in parts]),
                   np.concatenate([_NO_POSITIONS] + [p.positions for p in parts], dtype=np.uint32))


def _empty(weights: bool, values: bool) -> Postings:
    if values:
        return Postings(EMPTY, _NO_WEIGHTS, _NO_INDEX, _NO_INDEX, _NO_POSITIONS)
    return Postings(EMPTY, _NO_WEIGHTS if weights else None)


def postings_arrays(m, deadline: float = float("inf"), only: np.ndarray | None = None,
                    weights: bool = False, values: bool = False) -> Postings:
    """A fresh matcher's postings, a block at a time.

    ``values`` asks for positions. With ``only`` (sorted docnums), blocks holding
    none of them are skipped undecoded, by the last docnum in their headers:
    that is what keeps a common word cheap inside a phrase or beside a rare word.
    """
    if isinstance(m, MultiMatcher):
        if all(isinstance(sub, codec.ArrayLeafMatcher) for sub in m.matchers):
            # One join over every segment's blocks instead of a join per segment
            # and another of the segments.
            joined = _Joined(weights, values, only)
            for sub, off in zip(m.matchers, m.offsets):
                local = None if only is None else only[(only >= off)] - off
                _array_postings(sub, deadline, local, joined, off)
            return joined.postings()
        parts = []
        for sub, off in zip(m.matchers, m.offsets):
            local = None if only is None else only[(only >= off)] - off
            part = postings_arrays(sub, deadline, local, weights, values)
            parts.append(part._replace(ids=part.ids + off))
        return Postings.concat(parts or [_empty(weights, values)], weights, values)
    if isinstance(m, FilterMatcher):  # deleted documents are hidden this way
        part = postings_arrays(m.child, deadline, only, weights, values)
        listed = np.isin(part.ids, np.fromiter(m._ids, dtype=np.int32, count=len(m._ids)))
        return part.take(~listed if m._exclude else listed)
    if isinstance(m, codec.ArrayLeafMatcher):
        joined = _Joined(weights, values, only)
        _array_postings(m, deadline, only, joined)
        return joined.postings()
    if isinstance(m, W3LeafMatcher):
        return _w3_postings(m, deadline, only, weights, values)
    if weights or values:
        raise TypeError(f"no block-level postings from {type(m).__name__}")
    out = []
    for i, docnum in enumerate(m.all_ids()):
        out.append(docnum)
        if not i & 0xFFFF and time.monotonic() > deadline:
            raise QueryTimeout()
    return Postings(np.asarray(out, dtype=np.int32))


class _Joined:
    """Blocks' arrays gathered as views of the postings file, joined and converted
    once: a common word has a thousand blocks at 1M paragraphs, and per-block
    conversions were most of what reading it cost.

    With ``only`` (sorted docnums) and positions, just the postings of those
    documents are kept: "to" in "to resist" is read in nearly all its blocks for
    the few thousand documents with "resist", and converting its 2.6 million
    positions to pick out thirty thousand was most of the phrase's time.
    """

    def __init__(self, weights: bool, values: bool, only: np.ndarray | None = None) -> None:
        self.weights, self.values, self.only = weights, values, only
        self.ids: list[np.ndarray] = []
        self.bases: list[int] = []
        self.sizes: list[int] = []
        self.ws: list[np.ndarray] = []
        self.counts: list[np.ndarray] = []
        self.flat: list[np.ndarray] = []

    def add(self, v: codec.Views, offset: int) -> None:
        n = len(v.ids)
        self.ids.append(v.ids)
        self.bases.append(v.base + offset)
        self.sizes.append(n)
        if self.weights:
            w = v.weights
            # 32-bit floats, as Whoosh stores and scores them.
            self.ws.append(w if isinstance(w, np.ndarray)
                           else np.full(n, 1.0 if w is None else w, dtype=np.float32))
        if self.values:
            if v.counts is None:
                raise TypeError("positions asked of a field that keeps none")
            self.counts.append(v.counts)
            self.flat.append(v.positions)

    def postings(self) -> Postings:
        if not self.ids:
            return _empty(self.weights, self.values)
        ids = np.concatenate(self.ids, dtype=np.int32, casting="unsafe")
        if any(self.bases):
            ids += np.repeat(np.asarray(self.bases, dtype=np.int32), self.sizes)
        if self.values and self.only is not None and len(self.only) * 4 < len(ids):
            return self._restricted(ids)
        w = np.concatenate(self.ws, dtype=np.float64) if self.weights else None
        if not self.values:
            return Postings(ids, w)
        c = np.concatenate(self.counts, dtype=np.int64)
        return Postings(ids, w, np.cumsum(c) - c, c, np.concatenate(self.flat, dtype=np.uint32))

    def _restricted(self, ids: np.ndarray) -> Postings:
        """The postings of the documents in ``only``, positions gathered from the
        joined blocks in their stored width and converted after the gather."""
        at = np.searchsorted(ids, self.only)
        found = at < len(ids)
        found[found] = ids[at[found]] == self.only[found]
        rows = at[found]
        w = np.concatenate(self.ws)[rows].astype(np.float64) if self.weights else None
        every = np.concatenate(self.counts)
        was_start = np.cumsum(every, dtype=np.int64)[rows] - every[rows]
        counts = every[rows].astype(np.int64)
        ends = np.cumsum(counts)
        total = int(ends[-1]) if len(ends) else 0
        index = np.arange(total, dtype=np.int64) + np.repeat(was_start - (ends - counts), counts)
        positions = np.concatenate(self.flat)[index].astype(np.uint32)
        return Postings(ids[rows], w, ends - counts, counts, positions)


def _array_postings(m, deadline: float, only: np.ndarray | None, joined: _Joined,
                    offset: int = 0) -> None:
    """:mod:`indexer.engine.codec` blocks of one segment's term, as views into ``joined``
    (docnums shifted by the segment's ``offset``)."""
    headers = list(codec.blocks(m))
    if only is not None and headers:
        # A block is wanted when some docnum of ``only`` lies between the previous
        # block's last docnum and its own.
        last = np.fromiter((h[4] for h in headers), dtype=np.int64, count=len(headers))
        lo = np.searchsorted(only, np.concatenate(([0], last[:-1] + 1)))
        hit = lo < len(only)
        hit[hit] = only[lo[hit]] <= last[hit]
        headers = [h for h, w in zip(headers, hit.tolist()) if w]
    views, add = codec.views, joined.add
    weights, values = joined.weights, joined.values
    for decoded, (buf, start, end, n, _, width, flags) in enumerate(headers, 1):
        add(views(buf, start, end, n, width, flags, weights, values), offset)
        if not decoded & 0xFF and time.monotonic() > deadline:
            raise QueryTimeout()
    if time.monotonic() > deadline:
        raise QueryTimeout()


def _w3_postings(m: W3LeafMatcher, deadline: float, only: np.ndarray | None,
                 weights: bool, values: bool) -> Postings:
    """Whoosh's own blocks (indexes written by Whoosh's codec): each block read
    costs a zlib inflate and an unpickle of all its postings."""
    ids, ws, vs = [], [], []
    first = 0
    while m.is_active():
        if only is not None:
            lo = np.searchsorted(only, first)
            wanted = lo < len(only) and only[lo] <= m._maxid
        else:
            wanted = True
        if wanted:
            if m._data is None:
                m._read_data()
            raw_ids, raw_weights = m._data[0], m._data[1]
            n = len(raw_ids)
            # Ids are stored as deltas: a cumulative sum decodes the block at once.
            ids.append(np.cumsum(np.asarray(raw_ids, dtype=np.int64)).astype(np.int32))
            if weights:
                if raw_weights is None:
                    ws.append(np.ones(n))
                elif isinstance(raw_weights, float):
                    ws.append(np.full(n, raw_weights))
                else:
                    ws.append(np.asarray(raw_weights, dtype=np.float32).astype(np.float64))
            if values:
                if m._values is None:
                    m._read_values()
                vs.extend(m._values)
        if m._lastblock:
            break
        first = m._maxid + 1
        m._goto(m._nextoffset)
        if time.monotonic() > deadline:
            raise QueryTimeout()
    out = Postings(np.concatenate(ids) if ids else EMPTY,
                   (np.concatenate(ws) if ws else _NO_WEIGHTS) if weights else None)
    if not values:
        return out
    if type(m.format) is not formats.Positions:
        raise TypeError("positions asked of a field that keeps none")
    lists = [_POSITIONS.decode_positions(v) for v in vs]
    counts = np.fromiter((len(p) for p in lists), dtype=np.int64, count=len(lists))
    flat = np.fromiter((x for p in lists for x in p), dtype=np.uint32, count=int(counts.sum()))
    return out._replace(starts=np.cumsum(counts) - counts, counts=counts, positions=flat)


class PostingsCache:
    """Postings already decoded in this request, with weights and positions.

    A two-word query reads each word for the match set, again for the scores and
    again for the phrase bonus. Each term is decoded once per request here, as
    far as the documents asked for (``only``) are covered by what was read before.
    """

    def __init__(self, reader, deadline: float = float("inf")) -> None:
        self.reader = reader
        self.deadline = deadline
        self._read: dict[tuple[str, bytes], tuple[np.ndarray | None, Postings]] = {}
        self._weighted: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}

    def get(self, field: str, text, only: np.ndarray | None = None, positions: bool = True) -> Postings:
        """The term's postings, with weights, and with positions when asked for and
        the field keeps them (a match set or a score needs none: a phrase does)."""
        schema = self.reader.schema
        btext = text if isinstance(text, bytes) else schema[field].to_bytes(text)
        key = (field, btext)
        positions = positions and type(schema[field].format) is formats.Positions
        seen = self._read.get(key)
        if seen is not None:
            read_for, found = seen
            covered = read_for is None or (only is not None and contained(only, read_for).all())
            if covered and (found.positions is not None or not positions):
                return found
        if not frequency(self.reader, field, btext):
            found = _empty(True, positions)
        else:
            try:
                found = postings_arrays(term_postings(self.reader, field, btext), self.deadline, only,
                                        weights=True, values=positions)
            except TypeError:  # not a block format we read: docnums only, not kept
                return postings_arrays(term_postings(self.reader, field, btext), self.deadline)
        if seen is None or seen[0] is not None or only is None:
            self._read[key] = (only, found)
        return found

    def weighted(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, float32 weights) of a whole term, kept for the request; weights
        are term frequencies times the field's boost. A term without block postings
        (one inlined in the terms index) is walked through Whoosh's matcher protocol."""
        key = (field, text)
        if key not in self._weighted:
            self._weighted[key] = self._read_weighted(field, text)
        return self._weighted[key]

    def _read_weighted(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        if (field, text) not in self.reader:
            return np.zeros(0, np.int32), np.zeros(0, np.float32)
        found = self.get(field, text, positions=False)
        if found.weights is not None:
            return found.ids, found.weights.astype(np.float32)
        m = self.reader.postings(field, text)
        ids, ws = [], []
        while m.is_active():
            ids.append(m.id())
            ws.append(m.weight())
            m.next()
        return np.asarray(ids, dtype=np.int32), np.asarray(ws, dtype=np.float32)


_TERM_INFOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_TERM_INFO_LIMIT = 100_000  # terms remembered per reader


def term_infos(reader, field: str, text) -> tuple | None:
    """Each segment's term info for the term (None where absent), remembered per reader;
    None when the reader's segments are not Whoosh 3 segments.

    A request asks for the same few terms many times (each word in five fields,
    for the match set, the scores, the phrase bonus and the cheapest-first
    order). Whoosh answers "is it there", "how many documents" and "its
    postings" with a lookup each in each segment's hashed term file; one
    lookup per segment answers all three here. A reader's segments never
    change, so neither do the answers.
    """
    try:
        seen = _TERM_INFOS[reader]
    except KeyError:
        seen = _TERM_INFOS.setdefault(reader, {})
    key = (field, text)
    infos = seen.get(key, False)
    if infos is False:
        infos = _lookup(reader, field, text)
        if len(seen) >= _TERM_INFO_LIMIT:
            seen.clear()
        seen[key] = infos
    return infos


def _lookup(reader, field: str, text) -> tuple | None:
    leaves = list(reader.leaf_readers())
    if not all(hasattr(leaf, "_terms") and hasattr(leaf._terms, "term_info") for leaf, _ in leaves):
        return None
    try:
        btext = text if isinstance(text, bytes) else reader.schema[field].to_bytes(text)
    except Exception:  # a term the field cannot encode
        return tuple(None for _ in leaves)
    infos = []
    for leaf, _ in leaves:
        try:
            infos.append(leaf._terms.term_info(field, btext))
        except (TermNotFound, KeyError):
            infos.append(None)
    return tuple(infos)


def frequency(reader, field: str, text) -> int:
    """Documents containing the term (0: not in the index), remembered per reader."""
    infos = term_infos(reader, field, text)
    if infos is None:  # other readers: ask Whoosh
        try:
            return reader.doc_frequency(field, text) if (field, text) in reader else 0
        except Exception:  # a term the field cannot encode
            return 0
    return sum(ti.doc_frequency() for ti in infos if ti is not None)


def term_postings(reader, field: str, btext: bytes):
    """``reader.postings(field, btext)`` for a term known to be in the index, from the
    remembered term infos: the same matchers, without looking the term up again."""
    infos = term_infos(reader, field, btext)
    if infos is None:
        return reader.postings(field, btext)
    fmt = reader.schema[field].format
    matchers, offsets = [], []
    for (leaf, offset), ti in zip(reader.leaf_readers(), infos):
        if ti is None:
            continue
        terms = leaf._terms
        m = terms._codec.postings_reader(terms._postfile, ti, fmt, term=(field, btext))
        deleted = leaf.deleted_docs_set
        if deleted:  # as SegmentReader.postings hides deleted documents
            m = FilterMatcher(m, deleted, exclude=True)
        matchers.append(m)
        offsets.append(offset)
    if not matchers:
        raise TermNotFound(field, btext)
    if len(matchers) == 1 and not offsets[0] and not isinstance(reader, MultiReader):
        return matchers[0]
    return MultiMatcher(matchers, offsets)


def all_docs(reader) -> np.ndarray:
    if reader.has_deletions():
        return np.fromiter(reader.all_doc_ids(), dtype=np.int32)
    return np.arange(reader.doc_count_all(), dtype=np.int32)
