"""Writing Whoosh segments in bulk.

Whoosh's own ``SegmentWriter`` spends a build on per-posting Python work: a
generator chain of Token objects per field value, a pool of posting tuples that
is sorted at commit, and, while writing, a column lookup of the document's field
length for every single posting (a third of the commit at 5,000 paragraphs).
:class:`BulkSegmentWriter` writes the same files with the same codec, and the
same postings, but:

- it analyses text through a per-token cache: a token seen for the first time
  goes through the field's own analyzer, so every term is exactly Whoosh's;
- it collects each term's postings in arrays, already in document order, so no
  tuple pool and no big sort;
- it keeps each document's field lengths in memory for the block statistics;
- it hands the postings writer a block (128 postings) at a time.

Only the writing of *new* documents changes. Merging segments (``add_reader``)
still goes through Whoosh's pool, and :meth:`BulkSegmentWriter._flush_segment`
falls back to Whoosh's path whenever the pool holds anything.
"""

from __future__ import annotations

from array import array
from pickle import dumps

from whoosh import formats
from whoosh.analysis import CharsetFilter, CompositeAnalyzer, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.system import emptybytes, pack_uint
from whoosh.writing import SegmentWriter

from indexer.codec import ArrayCodec

# Filters that map one token to one token without looking at its neighbours:
# the only ones for which a token's term can be cached on its own.
_TOKEN_LOCAL_FILTERS = (LowercaseFilter, CharsetFilter, StemFilter)
_CACHE_LIMIT = 1_000_000  # distinct tokens per field before the cache starts over


class TermCache:
    """token -> term bytes for one field, through the field's own analyzer.

    >>> from indexer.schema import text_analyzer
    >>> TermCache.for_analyzer(text_analyzer()).terms("Deported to Cárdenas, deported.")
    [b'deport', b'to', b'cardena', b'deport']
    """

    def __init__(self, analyzer, expression, limit: int = _CACHE_LIMIT) -> None:
        self.analyzer = analyzer
        self.expression = expression
        self.limit = limit
        self._split = expression.findall if expression.groups == 0 else None
        self._cache: dict[str, bytes] = {}

    @classmethod
    def for_analyzer(cls, analyzer, limit: int = _CACHE_LIMIT) -> TermCache | None:
        """A cache for analyzers made of a regex tokenizer and token-local filters, else None."""
        if not isinstance(analyzer, CompositeAnalyzer) or not analyzer.items:
            return None
        tokenizer, *filters = analyzer.items
        if type(tokenizer) is not RegexTokenizer or tokenizer.gaps:
            return None
        if not all(type(f) in _TOKEN_LOCAL_FILTERS for f in filters):
            return None
        return cls(analyzer, tokenizer.expression, limit)

    def tokens(self, value: str) -> list[str]:
        if self._split is not None:
            return self._split(value)
        return [m.group(0) for m in self.expression.finditer(value)]

    def term(self, tok: str) -> bytes | None:
        """One token's term, or None if the analyzer does not make exactly one term of it."""
        term = self._cache.get(tok)
        if term is None:
            analysed = [t.text for t in self.analyzer(tok, mode="index")]
            if len(analysed) != 1:
                return None
            if len(self._cache) >= self.limit:
                self._cache.clear()
            term = self._cache[tok] = analysed[0].encode("utf-8")
        return term

    def terms(self, value: str) -> list[bytes] | None:
        """The value's terms in order, or None if a token does not map to exactly one term."""
        get = self._cache.get
        out = []
        append = out.append
        for tok in self.tokens(value):
            term = get(tok) or self.term(tok)
            if term is None:
                return None
            append(term)
        return out


_ONE_POSITION: dict[int, bytes] = {}
# Most postings hold one position: one shared tuple per position instead of a
# list per posting keeps a shard's postings at about half the memory.
_ONE_POSITION_RAW: dict[int, tuple[int]] = {}


def _positions_value(poslist: list[int]) -> bytes:
    """``formats.Positions.encode``, with the common single-position values shared."""
    if len(poslist) == 1:
        pos = poslist[0]
        v = _ONE_POSITION.get(pos)
        if v is None:
            v = _ONE_POSITION[pos] = pack_uint(1) + dumps([pos], 2)
        return v
    deltas = [poslist[0]] + [b - a for a, b in zip(poslist, poslist[1:])]
    return pack_uint(len(deltas)) + dumps(deltas, 2)


class _Postings:
    """One term's postings in one field: document numbers, weights, values
    (position lists for :class:`~indexer.codec.ArrayCodec`, else encoded bytes)."""

    __slots__ = ("docs", "weights", "values")

    def __init__(self) -> None:
        self.docs = array("I")
        self.weights = array("f")
        self.values: list = []


class BulkSegmentWriter(SegmentWriter):
    """A ``SegmentWriter`` whose new documents go through :class:`TermCache` and term arrays.

    It writes with :class:`~indexer.codec.ArrayCodec` unless given another codec.
    """

    def __init__(self, ix, **kwargs) -> None:
        kwargs.setdefault("codec", ArrayCodec())
        super().__init__(ix, **kwargs)
        # ArrayCodec takes position lists as they are; any other codec wants
        # Whoosh's encoded bytes.
        self._raw_positions = isinstance(self.codec, ArrayCodec)
        self._caches: dict[str, TermCache | None] = {}
        self._inverted: dict[str, dict[bytes, _Postings]] = {}
        self._lengths: dict[str, array] = {}
        for name, field in self.schema.items():
            if field.vector or field.separate_spelling():
                raise ValueError(f"field {name!r}: term vectors and spelling fields are not supported")
            if field.indexed and isinstance(field.format, (formats.Positions, formats.Frequency)):
                self._caches[name] = TermCache.for_analyzer(field.analyzer)

    def _items(self, name: str, field, value):
        """(btext, freq, weight, vbytes) for one field value, as ``field.index`` gives them."""
        cache = self._caches.get(name)
        terms = cache.terms(value) if cache is not None and isinstance(value, str) else None
        if terms is None:
            return field.index(value)
        fmt = field.format
        fb = fmt.field_boost
        if isinstance(fmt, formats.Positions):
            poses: dict[bytes, list[int]] = {}
            for pos, term in enumerate(terms):
                pl = poses.get(term)
                if pl is None:
                    poses[term] = [pos]
                else:
                    pl.append(pos)
            if self._raw_positions:
                one = _ONE_POSITION_RAW
                return [(t, len(pl), len(pl) * fb,
                         (one.get(pl[0]) or one.setdefault(pl[0], (pl[0],))) if len(pl) == 1 else pl)
                        for t, pl in poses.items()]
            return [(t, len(pl), len(pl) * fb, _positions_value(pl)) for t, pl in poses.items()]
        freqs: dict[bytes, int] = {}
        for term in terms:
            freqs[term] = freqs.get(term, 0) + 1
        return [(t, n, n * fb, pack_uint(n)) for t, n in freqs.items()]

    def add_document(self, **fields) -> None:
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        pdw = self.perdocwriter
        names = sorted(n for n in fields if not n.startswith("_"))
        self._check_fields(schema, names)
        docboost = self._doc_boost(fields)
        pdw.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, name, docboost)
                    inverted = self._inverted.setdefault(name, {})
                    scorable = field.scorable
                    for btext, freq, weight, vbytes in self._items(name, field, value):
                        postings = inverted.get(btext)
                        if postings is None:
                            postings = inverted[btext] = _Postings()
                        postings.docs.append(docnum)
                        postings.weights.append(weight * boost)
                        if vbytes:
                            postings.values.append(vbytes)
                        if scorable:
                            length += freq
                    if scorable:
                        lengths = self._lengths.get(name)
                        if lengths is None:
                            lengths = self._lengths[name] = array("I")
                        lengths.extend([0] * (docnum + 1 - len(lengths)))
                        lengths[docnum] = length
                stored = fields.get(f"_stored_{name}", value)
                pdw.add_field(name, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    pdw.add_column_value(name, column, field.to_column_value(stored))
        except Exception:
            pdw.cancel_doc()
            raise
        pdw.finish_doc()
        self._added = True
        self.docnum += 1

    def _pool_used(self) -> bool:
        return bool(self.pool.current or self.pool.runs)

    def _flush_segment(self) -> None:
        if self._pool_used():
            # Segments merged into this one went through Whoosh's pool: add our
            # postings to it and let Whoosh write the lot.
            add = self.pool.add
            for name, inverted in self._inverted.items():
                for btext, p in inverted.items():
                    values = p.values or [emptybytes] * len(p.docs)
                    for doc, w, v in zip(p.docs, p.weights, values):
                        add((name, btext, doc, w, v if isinstance(v, bytes) else _positions_value(v)))
            self._inverted.clear()
            return super()._flush_segment()
        self.perdocwriter.close()
        fw = self.fieldwriter
        for name in sorted(self._inverted):
            inverted = self._inverted[name]
            lengths = self._lengths.get(name)
            fw.start_field(name, self.schema[name])
            for btext in sorted(inverted):
                self._write_term(fw, btext, inverted[btext], lengths)
            fw.finish_field()
            del inverted
        self._inverted.clear()
        fw.close()

    @staticmethod
    def _write_term(fw, btext: bytes, p: _Postings, lengths: array | None) -> None:
        """One term's postings, a block at a time, with the statistics ``add_posting`` keeps."""
        fw.start_term(btext)
        pw = fw._postwriter
        limit = pw._blocklimit
        docs, weights, values = p.docs, p.weights, p.values
        n = len(docs)
        for start in range(0, n, limit):
            end = min(start + limit, n)
            ids = docs[start:end]
            pw._ids = ids
            pw._weights = weights[start:end]
            pw._values = values[start:end]
            pw._maxweight = max(pw._weights)
            if lengths is not None:
                block = [lengths[d] if d < len(lengths) else 0 for d in ids]
                nonzero = [x for x in block if x]
                pw._minlength = min(nonzero) if nonzero else None
                pw._maxlength = max(block)
            else:
                pw._minlength, pw._maxlength = None, 0
            if end < n:
                # The last block is written (or inlined) by finish_term, as Whoosh does.
                pw._write_block()
        fw.finish_term()
