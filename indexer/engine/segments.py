"""Writing Whoosh segments in bulk.

Whoosh's own ``SegmentWriter`` spends a build on per-posting Python work: a
generator chain of Token objects per field value, a pool of posting tuples that
is sorted at commit, and, while writing, a column lookup of the document's field
length for every single posting (a third of the commit at 5,000 paragraphs).
:class:`BulkSegmentWriter` writes the same postings, in the segment layout of
:class:`~indexer.engine.codec.ArrayCodec` by default, but:

- it analyses text through a per-token cache: a token seen for the first time
  goes through the field's own analyzer, so every term is exactly Whoosh's;
- positional fields keep one token kind and one position per token, and one
  stable sort per field at the end turns them into every term's postings
  (:class:`InvertedField`); other fields collect each term's postings in
  arrays, already in document order; either way no tuple pool;
- a field's kinds also know their unstemmed words, so the vocabulary's
  document counts come from the same arrays (:meth:`BulkSegmentWriter.count_words`);
- it keeps each document's field lengths in memory for the block statistics;
- it hands the postings writer a whole block at a time.

Only the writing of *new* documents changes. Merging segments (``add_reader``)
still goes through Whoosh's pool, and :meth:`BulkSegmentWriter._flush_segment`
falls back to Whoosh's path whenever the pool holds anything.
"""

from __future__ import annotations

from array import array
from typing import Any, NamedTuple

import numpy as np
from whoosh import formats
from whoosh.system import emptybytes, pack_uint
from whoosh.writing import SegmentWriter

from indexer.engine.codec import ArrayCodec
from indexer.engine.inversion import ONE_POSITION_RAW, InvertedField, TermPostings, positions_value
from indexer.engine.terms import CACHE_LIMIT, TermCache


class _Step(NamedTuple):
    """One field of :meth:`BulkSegmentWriter.add_document`'s plan."""

    name: str
    field: Any
    inverted_field: InvertedField | None
    indexed: bool
    stored: bool
    column: Any
    lengths: array | None  # the field's length per document, when it is scored


class BulkSegmentWriter(SegmentWriter):
    """A ``SegmentWriter`` whose new documents go through :class:`TermCache` and term arrays.

    It writes with :class:`~indexer.engine.codec.ArrayCodec` unless given another codec.
    """

    def __init__(self, ix, **kwargs) -> None:
        kwargs.setdefault("codec", ArrayCodec())
        super().__init__(ix, **kwargs)
        # ArrayCodec takes position lists as they are; any other codec wants
        # Whoosh's encoded bytes.
        self._raw_positions = isinstance(self.codec, ArrayCodec)
        self._caches: dict[str, TermCache | None] = {}
        self._inverted: dict[str, dict[bytes, TermPostings]] = {}
        self._lengths: dict[str, array] = {}
        for name, field in self.schema.items():
            if field.vector or field.separate_spelling():
                raise ValueError(f"field {name!r}: term vectors and spelling fields are not supported")
            if field.indexed and isinstance(field.format, (formats.Positions, formats.Frequency)):
                self._caches[name] = TermCache.for_analyzer(field.analyzer)
        self._index_memo: dict[str, dict] = {}
        self._plans: dict[tuple[str, ...], tuple[bool, list[_Step]]] = {}
        # Positional fields with a token cache are inverted with numpy (ArrayCodec only).
        self._fields: dict[str, InvertedField] = {}
        if self._raw_positions:
            for name, field in self.schema.items():
                cache = self._caches.get(name)
                if cache is not None and type(field.format) is formats.Positions:
                    self._fields[name] = InvertedField(cache, field.format.field_boost)

    def _indexed(self, name: str, field, value):
        """``field.index(value)``, remembered for values that recur (a document's id,
        date and years repeat in each of its paragraphs; positions and years repeat
        across documents). Unique fields are not remembered."""
        if field.unique or not isinstance(value, (str, int)):
            return field.index(value)
        memo = self._index_memo.setdefault(name, {})
        items = memo.get(value)
        if items is None:
            if len(memo) >= CACHE_LIMIT:
                memo.clear()
            items = memo[value] = list(field.index(value))
        return items

    def count_words(self, name: str, analyzer) -> bool:
        """Count, for field ``name``, how many documents use each word ``analyzer``
        makes (see :meth:`word_counts`); False when this field cannot (not a
        numpy-inverted field, an analyzer that is not cacheable, documents already
        added), and the caller counts words itself. Call before adding documents.

        The field's token kinds carry the words, so counting costs nothing per
        token: a build's vocabulary used to be a set of words per paragraph.
        """
        inv = self._fields.get(name)
        words = TermCache.for_analyzer(analyzer)
        if inv is None or words is None or len(inv.docs):
            return False
        inv.words = words
        return True

    def words_counted(self, name: str) -> bool:
        """Whether the last document's words in field ``name`` are in :meth:`word_counts`
        (not when one of its tokens made other than one term or word)."""
        inv = self._fields.get(name)
        return inv is not None and inv.counted

    def word_counts(self, name: str) -> dict[str, int]:
        """{word: documents using it} in field ``name``, before the segment is written."""
        inv = self._fields.get(name)
        return {} if inv is None else inv.word_counts()

    def word_stems(self, name: str) -> dict[str, str]:
        """{word: its term} for the counted words of field ``name``."""
        inv = self._fields.get(name)
        return {} if inv is None else inv.word_stems()

    def _items(self, name: str, field, value):
        """(btext, freq, weight, vbytes) for one field value, as ``field.index`` gives them."""
        cache = self._caches.get(name)
        terms = cache.terms(value) if cache is not None and isinstance(value, str) else None
        if terms is None:
            return self._indexed(name, field, value)
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
                one = ONE_POSITION_RAW
                return [(t, len(pl), len(pl) * fb,
                         (one.get(pl[0]) or one.setdefault(pl[0], (pl[0],))) if len(pl) == 1 else pl)
                        for t, pl in poses.items()]
            return [(t, len(pl), len(pl) * fb, positions_value(pl)) for t, pl in poses.items()]
        freqs: dict[bytes, int] = {}
        for term in terms:
            freqs[term] = freqs.get(term, 0) + 1
        return [(t, n, n * fb, pack_uint(n)) for t, n in freqs.items()]

    def _plan(self, keys: tuple[str, ...]) -> tuple[bool, list[_Step]]:
        """How to add documents given with these keyword names, worked out once:
        whether any is special (``_boost``, ``_stored_x``...) and a step per field."""
        names = sorted(n for n in keys if not n.startswith("_"))
        self._check_fields(self.schema, names)
        steps = []
        for name in names:
            field = self.schema[name]
            inverted_field = self._fields.get(name)
            lengths = None
            if field.scorable and (inverted_field is not None or field.indexed):
                lengths = self._lengths.setdefault(name, array("I"))
            steps.append(_Step(name, field, inverted_field, bool(field.indexed), bool(field.stored),
                               field.column_type, lengths))
        return any(k.startswith("_") for k in keys), steps

    def add_document(self, **fields) -> None:
        self._check_state()
        docnum = self.docnum
        pdw = self.perdocwriter
        # A build adds a million documents with the same keys: the schema lookups,
        # checks and boost look-ups are done once per set of keys, not per field
        # of every document.
        key = tuple(fields)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._plan(key)
        special, steps = plan
        docboost = self._doc_boost(fields) if special else 1.0
        for inv in self._fields.values():
            inv.counted = False
        pdw.start_doc(docnum)
        try:
            for name, field, inverted_field, indexed, stored_field, column, lengths in steps:
                value = fields[name]
                if value is None:
                    continue
                length = 0
                if inverted_field is not None:
                    boost = self._field_boost(fields, name, docboost) if special else docboost
                    added = inverted_field.add(docnum, value, boost) if isinstance(value, str) else None
                    if added is None:
                        added = inverted_field.add_analysed(docnum, field.index(value), boost)
                    if lengths is not None:
                        length = added
                elif indexed:
                    boost = self._field_boost(fields, name, docboost) if special else docboost
                    inverted = self._inverted.setdefault(name, {})
                    for btext, freq, weight, vbytes in self._items(name, field, value):
                        postings = inverted.get(btext)
                        if postings is None:
                            postings = inverted[btext] = TermPostings()
                        postings.docs.append(docnum)
                        postings.weights.append(weight * boost)
                        if vbytes:
                            postings.values.append(vbytes)
                        length += freq
                    if lengths is None:
                        length = 0
                if lengths is not None:
                    if len(lengths) != docnum:  # documents without this field, or one that failed
                        del lengths[docnum:]
                        lengths.extend([0] * (docnum - len(lengths)))
                    lengths.append(length)
                stored = fields.get(f"_stored_{name}", value) if special else value
                pdw.add_field(name, field, stored if stored_field else None, length)
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
            for name, inv in self._fields.items():
                if not len(inv.docs):
                    continue
                terms = {tid: btext for btext, tid in inv.term_ids.items()}
                tids, docs, weights, freq, first, pos = inv.postings()
                for tid, doc, w, f, at in zip(tids.tolist(), docs.tolist(), weights.tolist(),
                                              freq.tolist(), first.tolist()):
                    add((name, terms[tid], doc, w, positions_value(pos[at:at + f].tolist())))
            self._fields.clear()
            for name, inverted in self._inverted.items():
                for btext, p in inverted.items():
                    values = p.values or [emptybytes] * len(p.docs)
                    for doc, w, v in zip(p.docs, p.weights, values):
                        add((name, btext, doc, w, v if isinstance(v, bytes) else positions_value(v)))
            self._inverted.clear()
            return super()._flush_segment()
        self.perdocwriter.close()
        fw = self.fieldwriter
        for name in sorted(set(self._inverted) | {n for n, f in self._fields.items() if len(f.docs)}):
            lengths = self._lengths.get(name)
            fw.start_field(name, self.schema[name])
            if name in self._fields:
                self._write_field(fw, self._fields.pop(name), lengths)
            else:
                inverted = self._inverted.pop(name)
                for btext in sorted(inverted):
                    self._write_term(fw, btext, inverted[btext], lengths)
            fw.finish_field()
        self._inverted.clear()
        self._fields.clear()
        fw.close()

    @staticmethod
    def _write_field(fw, inv: InvertedField, lengths: array | None) -> None:
        """Every term of a numpy-inverted field, in term order, a block at a time."""
        tids, docs, weights, freq, first, pos = inv.postings()
        n = len(tids)
        ends = np.append(first, len(pos))  # posting i's positions: pos[ends[i]:ends[i + 1]]
        term_start = np.searchsorted(tids, np.arange(len(inv.term_ids)))
        term_end = np.append(term_start[1:], n)
        doc_lengths = None if lengths is None else np.frombuffer(lengths, dtype=np.uint32)
        limit = None
        for btext in sorted(inv.term_ids):
            tid = inv.term_ids[btext]
            a, b = int(term_start[tid]), int(term_end[tid])
            if a == b:
                continue
            fw.start_term(btext)
            pw = fw._postwriter
            limit = limit or pw._blocklimit
            for s in range(a, b, limit):
                e = min(s + limit, b)
                ids = docs[s:e]
                block_lengths = None
                if doc_lengths is not None:
                    block_lengths = np.zeros(len(ids), dtype=np.int64)
                    known = ids < len(doc_lengths)
                    block_lengths[known] = doc_lengths[ids[known]]
                pw.write_arrays(ids, weights[s:e], freq[s:e], pos[ends[s]:ends[e]], block_lengths, e == b)
            fw.finish_term()

    @staticmethod
    def _write_term(fw, btext: bytes, p: TermPostings, lengths: array | None) -> None:
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
