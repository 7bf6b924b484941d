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
  (:class:`_InvertedField`); other fields collect each term's postings in
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
from pickle import dumps
from typing import Any, NamedTuple

import numpy as np
from whoosh import formats
from whoosh.analysis import (
    CharsetFilter,
    CompositeAnalyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
)
from whoosh.system import emptybytes, pack_uint
from whoosh.writing import SegmentWriter

from indexer.engine.codec import ArrayCodec

# Filters that map one token to one token without looking at its neighbours:
# the only ones for which a token's term can be cached on its own.
_TOKEN_LOCAL_FILTERS = (LowercaseFilter, CharsetFilter, StemFilter)
_CACHE_LIMIT = 1_000_000  # distinct tokens per field before the cache starts over
# Tokens per step when counting each word's documents: the sort stays in cache.
WORD_COUNT_CHUNK = 1 << 20


def _lowercases_ascii(filters) -> bool:
    """True when ``filters`` turn any ASCII text into its lowercase, character by character.

    >>> from indexer.schema import exact_analyzer, text_analyzer
    >>> _lowercases_ascii(exact_analyzer().items[1:]), _lowercases_ascii(text_analyzer().items[1:])
    (True, False)
    """
    every = "".join(map(chr, range(128)))
    text = every
    for f in filters:
        if type(f) is LowercaseFilter:
            text = text.lower()
        elif type(f) is CharsetFilter:
            text = text.translate(f.charmap)
        else:
            return False
    return text == every.lower()


class TermCache:
    """token -> term bytes for one field, through the field's own analyzer.

    >>> from indexer.schema import text_analyzer
    >>> TermCache.for_analyzer(text_analyzer()).terms("Deported to Cárdenas, deported.")
    [b'deport', b'to', b'cardena', b'deport']
    """

    def __init__(self, analyzer, expression, limit: int = _CACHE_LIMIT, ascii_lowercase: bool = False) -> None:
        self.analyzer = analyzer
        self.expression = expression
        self.limit = limit
        self._split = expression.findall if expression.groups == 0 else None
        self._cache: dict[str, bytes] = {}
        # The analyzer makes an ASCII token's lowercase of it (no stemmer): a new
        # ASCII token's term is then computed without running the analyzer.
        self._ascii_lowercase = ascii_lowercase

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
        return cls(analyzer, tokenizer.expression, limit, _lowercases_ascii(filters))

    def tokens(self, value: str) -> list[str]:
        if self._split is not None:
            return self._split(value)
        return [m.group(0) for m in self.expression.finditer(value)]

    def term(self, tok: str) -> bytes | None:
        """One token's term, or None if the analyzer does not make exactly one term of it."""
        term = self._cache.get(tok)
        if term is None and self._ascii_lowercase and tok.isascii() and self.expression.fullmatch(tok):
            if len(self._cache) >= self.limit:
                self._cache.clear()
            term = self._cache[tok] = tok.lower().encode("ascii")
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


_POSITIONS = formats.Positions()
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
    (position lists for :class:`~indexer.engine.codec.ArrayCodec`, else encoded bytes)."""

    __slots__ = ("docs", "weights", "values")

    def __init__(self) -> None:
        self.docs = array("I")
        self.weights = array("f")
        self.values: list = []


class _InvertedField:
    """A positional field's tokens for the whole segment, inverted with numpy at the end.

    Per document it keeps only token kinds and positions (one dict lookup per
    token); a kind is a distinct token string, and knows its term id (and, when
    the field's words are counted, its unstemmed word). Sorting all tokens by
    term at flush time gives every term's postings, frequencies and positions at
    once, instead of Python appending to a term's lists once per posting.
    """

    def __init__(self, cache: TermCache, field_boost: float, words: TermCache | None = None) -> None:
        self.cache = cache
        self.field_boost = field_boost
        self.term_ids: dict[bytes, int] = {}
        self._kinds: dict[str, int] = {}  # token -> kind
        self.kind_terms = array("I")  # kind -> term id
        self.tokens = array("I")  # kind of each token, document after document
        self.positions = array("I")
        self.docs = array("I")  # documents with this field, in order
        self.starts = array("Q")  # where each document's tokens begin
        self.boosts = array("d")
        # Counting words: each kind's word id (-1: not counted, e.g. a value
        # that went through add_analysed, whose words the caller counts itself).
        self.words = words
        self.word_ids: dict[bytes, int] = {}
        self.kind_words = array("i")
        self._analysed_kinds: dict[int, int] = {}  # term id -> its kind without a word
        self.counted = False  # whether the last value's words are in word_counts()

    def _kind(self, tok: str) -> int | None:
        term = self.cache.term(tok)
        if term is None:
            return None
        word = -1
        if self.words is not None:
            w = self.words.term(tok)
            if w is None:
                return None
            word = self.word_ids.setdefault(w, len(self.word_ids))
        kind = len(self.kind_terms)
        self.kind_terms.append(self.term_ids.setdefault(term, len(self.term_ids)))
        self.kind_words.append(word)
        # Forgetting tokens bounds the dict; kinds already used stay valid.
        if len(self._kinds) >= self.cache.limit:
            self._kinds.clear()
        self._kinds[tok] = kind
        return kind

    def add(self, docnum: int, value: str, boost: float) -> int | None:
        """Add one value; its length in tokens, or None when a token does not make
        exactly one term (the caller then uses :meth:`add_analysed`)."""
        self.counted = False
        toks = self.cache.tokens(value)
        get = self._kinds.get
        ids = [get(t) for t in toks]
        if None in ids:
            for i, tok in enumerate(toks):
                if ids[i] is None:
                    # (looked up again: the token may have come earlier in this value)
                    kind = get(tok)
                    if kind is None:
                        kind = self._kind(tok)
                        if kind is None:
                            return None
                    ids[i] = kind
        self._start(docnum, boost)
        self.tokens.extend(ids)
        self.positions.extend(range(len(ids)))
        self.counted = self.words is not None
        return len(ids)

    def add_analysed(self, docnum: int, items, boost: float) -> int:
        """Add what ``field.index`` made of a value; its length (sum of frequencies)."""
        self.counted = False
        pairs = []
        length = 0
        for btext, freq, _, vbytes in items:
            tid = self.term_ids.setdefault(btext, len(self.term_ids))
            kind = self._analysed_kinds.get(tid)
            if kind is None:
                kind = self._analysed_kinds[tid] = len(self.kind_terms)
                self.kind_terms.append(tid)
                self.kind_words.append(-1)
            pairs.extend((pos, kind) for pos in _POSITIONS.decode_positions(vbytes))
            length += freq
        pairs.sort()
        self._start(docnum, boost)
        self.tokens.extend(t for _, t in pairs)
        self.positions.extend(p for p, _ in pairs)
        return length

    def _start(self, docnum: int, boost: float) -> None:
        self.docs.append(docnum)
        self.starts.append(len(self.tokens))
        self.boosts.append(boost)

    def _ends(self) -> np.ndarray:
        """Where each document's tokens begin, and then the total."""
        return np.append(np.frombuffer(self.starts, dtype=np.uint64).astype(np.int64), len(self.tokens))

    def postings(self):
        """(term ids, docnums, weights, frequencies, position starts) of every
        posting, in term id then document order, and all positions in that order."""
        t = np.frombuffer(self.kind_terms, dtype=np.uint32)[np.frombuffer(self.tokens, dtype=np.uint32)]
        docs = np.frombuffer(self.docs, dtype=np.uint32)
        # A stable sort by term keeps each term's tokens in document, then position, order.
        order = np.argsort(t, kind="stable")
        t = t[order]
        d = np.repeat(np.arange(len(docs), dtype=np.uint32), np.diff(self._ends()))[order]
        pos = np.frombuffer(self.positions, dtype=np.uint32)[order]
        new = np.ones(len(t), dtype=bool)
        new[1:] = (t[1:] != t[:-1]) | (d[1:] != d[:-1])
        first = np.flatnonzero(new)
        freq = np.diff(np.append(first, len(t)))
        row = d[first]
        weights = (freq * self.field_boost * np.frombuffer(self.boosts, dtype=np.float64)[row]).astype(np.float32)
        return t[first], docs[row], weights, freq, first, pos

    def word_counts(self, chunk: int | None = None) -> dict[str, int]:
        """{word: how many documents use it} over the values whose words were counted.

        Documents are taken about ``chunk`` tokens at a time, so the sort that
        finds each document's distinct words stays small.
        """
        if self.words is None or not self.word_ids:
            return {}
        chunk = chunk or WORD_COUNT_CHUNK
        nwords = len(self.word_ids)
        kind_words = np.frombuffer(self.kind_words, dtype=np.int32)
        tokens = np.frombuffer(self.tokens, dtype=np.uint32)
        ends = self._ends()
        per_doc = np.diff(ends)
        counts = np.zeros(nwords, dtype=np.int64)
        first, n_docs = 0, len(self.starts)
        while first < n_docs:
            # Whole documents only: a word counts once per document.
            last = max(first + 1, int(np.searchsorted(ends, ends[first] + chunk, side="right")) - 1)
            last = min(last, n_docs)
            a, b = int(ends[first]), int(ends[last])
            w = kind_words[tokens[a:b]].astype(np.int64)
            doc = np.repeat(np.arange(last - first, dtype=np.int64), per_doc[first:last])
            kept = w >= 0
            pairs = doc[kept] * nwords + w[kept]
            pairs.sort()  # (np.unique hashes: ten times slower here)
            distinct = np.ones(len(pairs), dtype=bool)
            distinct[1:] = pairs[1:] != pairs[:-1]
            counts += np.bincount(pairs[distinct] % nwords, minlength=nwords)
            first = last
        words = [w.decode("utf-8") for w in self.word_ids]
        return {words[i]: int(counts[i]) for i in np.flatnonzero(counts).tolist()}

    def word_stems(self) -> dict[str, str]:
        """{word: its term} for every counted word this field has seen."""
        if self.words is None:
            return {}
        words = list(self.word_ids)
        terms = list(self.term_ids)  # in term id order: ids are handed out in insertion order
        out = {}
        for tid, wid in zip(self.kind_terms, self.kind_words):
            if wid >= 0:
                out[words[wid].decode("utf-8")] = terms[tid].decode("utf-8")
        return out


class _Step(NamedTuple):
    """One field of :meth:`BulkSegmentWriter.add_document`'s plan."""

    name: str
    field: Any
    inverted_field: _InvertedField | None
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
        self._inverted: dict[str, dict[bytes, _Postings]] = {}
        self._lengths: dict[str, array] = {}
        for name, field in self.schema.items():
            if field.vector or field.separate_spelling():
                raise ValueError(f"field {name!r}: term vectors and spelling fields are not supported")
            if field.indexed and isinstance(field.format, (formats.Positions, formats.Frequency)):
                self._caches[name] = TermCache.for_analyzer(field.analyzer)
        self._index_memo: dict[str, dict] = {}
        self._plans: dict[tuple[str, ...], tuple[bool, list[_Step]]] = {}
        # Positional fields with a token cache are inverted with numpy (ArrayCodec only).
        self._fields: dict[str, _InvertedField] = {}
        if self._raw_positions:
            for name, field in self.schema.items():
                cache = self._caches.get(name)
                if cache is not None and type(field.format) is formats.Positions:
                    self._fields[name] = _InvertedField(cache, field.format.field_boost)

    def _indexed(self, name: str, field, value):
        """``field.index(value)``, remembered for values that recur (a document's id,
        date and years repeat in each of its paragraphs; positions and years repeat
        across documents). Unique fields are not remembered."""
        if field.unique or not isinstance(value, (str, int)):
            return field.index(value)
        memo = self._index_memo.setdefault(name, {})
        items = memo.get(value)
        if items is None:
            if len(memo) >= _CACHE_LIMIT:
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
                one = _ONE_POSITION_RAW
                return [(t, len(pl), len(pl) * fb,
                         (one.get(pl[0]) or one.setdefault(pl[0], (pl[0],))) if len(pl) == 1 else pl)
                        for t, pl in poses.items()]
            return [(t, len(pl), len(pl) * fb, _positions_value(pl)) for t, pl in poses.items()]
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
                            postings = inverted[btext] = _Postings()
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
                    add((name, terms[tid], doc, w, _positions_value(pos[at:at + f].tolist())))
            self._fields.clear()
            for name, inverted in self._inverted.items():
                for btext, p in inverted.items():
                    values = p.values or [emptybytes] * len(p.docs)
                    for doc, w, v in zip(p.docs, p.weights, values):
                        add((name, btext, doc, w, v if isinstance(v, bytes) else _positions_value(v)))
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
    def _write_field(fw, inv: _InvertedField, lengths: array | None) -> None:
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
