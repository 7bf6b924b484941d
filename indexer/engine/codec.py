"""Whoosh's segment format, with posting blocks stored as plain little-endian arrays.

Whoosh 3 stores each block of 128 postings as a zlib-compressed pickle of a
tuple of Python objects, and each posting's positions as a pickle of its own.
A search that counts every match (totals and facets need them all) therefore
spends most of its time in ``zlib.decompress`` and ``pickle.loads``, and a
build most of its time making them. :class:`ArrayCodec` keeps everything else
of Whoosh 3 (terms index, stored fields, columns, field lengths, the term info
and its statistics) and changes only the block layout:

    int32 length  (bytes after this field; negative for the term's last block)
    uint32 count, uint32 last docnum, float32 max weight,
    uint8 min length, uint8 max length, uint8 id width, uint8 flags
    ids:       id width 2: uint32 first docnum, then uint16 offsets from it
               id width 4: uint32 docnums
    weights:   none (all 1.0), one float32 (all equal), or count float32
    positions: count uint8 or uint32 (positions per posting),
               then every posting's positions in a row, uint16 or uint32
    other formats' values: a pickled tuple, as Whoosh keeps them

so a block is decoded by :func:`decode` with a few ``numpy.frombuffer`` calls on
the memory-mapped postings file, without a copy. :class:`ArrayLeafMatcher`
still offers Whoosh's matcher protocol (positions re-encoded the way Whoosh's
``Positions`` format expects), so Whoosh's own queries, collectors and segment
merges keep working on these segments.

The codec is pickled into the index's table of contents by its class path, so
this module must stay importable under this name for as long as such indexes
exist. Segments written by Whoosh's own codec stay readable beside these.
"""

from __future__ import annotations

import mmap
import pickle
import struct
import weakref
from array import array
from itertools import chain
from typing import NamedTuple

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, W3PostingsWriter
from whoosh.util.numeric import byte_to_length, length_to_byte

from indexer.engine import deadline

HEADER = struct.Struct("<iIIfBBBB")
_BASE = struct.Struct("<I")
_FLOAT = struct.Struct("<f")
_LENGTH_SIZE = 4  # the int32 length that opens a block

# Flags: bits 0-1 say how weights are kept; the rest which arrays follow.
WEIGHTS_ONES, WEIGHTS_ONE, WEIGHTS_ARRAY = 0, 1, 2
_WEIGHTS_MASK = 3
HAS_POSITIONS = 4
COUNTS_32 = 8
POSITIONS_32 = 16
PICKLED_VALUES = 32

_POSITIONS = formats.Positions()
# Postings per block. Whoosh uses 128, which suits decoding a posting at a time;
# here a block costs a few numpy calls (microseconds each) whatever its size, so
# at 1M paragraphs 128-posting blocks made that fixed cost most of a common
# word's read. 1024 cuts it eightfold; skipping by block headers gets coarser,
# but decoding a whole block of numbers is cheap.
BLOCK_POSTINGS = 1024
_NUMPY_FROM = 32  # postings per block from which numpy beats the array module


def _positions_format(fmt) -> bool:
    # Subclasses (Characters, PositionBoosts) carry more than positions.
    return type(fmt) is formats.Positions


class Block(NamedTuple):
    """One decoded block. Arrays may be read-only views of the postings file."""

    ids: np.ndarray  # int32 docnums, sorted
    weights: np.ndarray | float | None  # None: all 1.0; a float: all equal
    counts: np.ndarray | None  # positions per posting
    positions: np.ndarray | None  # every posting's positions in a row
    values: tuple | None  # other formats' values, as Whoosh keeps them


def encode(ids, weights, values, fmt) -> tuple[bytes, int, int]:
    """(data, id width, flags) for one block; ``values`` holds position lists
    (from the bulk writer) or Whoosh-encoded bytes (from Whoosh's own pool)."""
    n = len(ids)
    base, last = ids[0], ids[-1]
    if last - base < 65536:
        width = 2
        if n >= _NUMPY_FROM:
            offsets = (np.asarray(ids, dtype=np.int64) - base).astype("<u2").tobytes()
        else:
            offsets = array("H", [i - base for i in ids]).tobytes()
        parts = [_BASE.pack(base), offsets]
    else:
        width = 4
        parts = [np.asarray(ids, dtype="<u4").tobytes()]
    if weights.count(1.0) == n:
        flags = WEIGHTS_ONES
    elif weights.count(weights[0]) == n:
        flags = WEIGHTS_ONE
        parts.append(_FLOAT.pack(weights[0]))
    else:
        flags = WEIGHTS_ARRAY
        parts.append(np.asarray(weights, dtype="<f4").tobytes())
    if values and _positions_format(fmt):
        lists = [_POSITIONS.decode_positions(v) if isinstance(v, bytes) else v for v in values]
        counts = [len(p) for p in lists]
        flat = list(chain.from_iterable(lists))
        flags |= HAS_POSITIONS
        if max(counts) < 256:
            parts.append(bytes(counts))
        else:
            flags |= COUNTS_32
            parts.append(np.asarray(counts, dtype="<u4").tobytes())
        if max(flat) < 65536:
            parts.append(array("H", flat).tobytes())
        else:
            flags |= POSITIONS_32
            parts.append(np.asarray(flat, dtype="<u4").tobytes())
    elif values and fmt.fixed_value_size() != 0:
        flags |= PICKLED_VALUES
        parts.append(pickle.dumps(tuple(values), 2))
    return b"".join(parts), width, flags


def encode_arrays(ids: np.ndarray, weights: np.ndarray, counts: np.ndarray,
                  positions: np.ndarray) -> tuple[bytes, int, int]:
    """:func:`encode` for a positional block given as numpy arrays: docnums,
    float32 weights, positions per posting and every posting's positions in a row."""
    base, last = int(ids[0]), int(ids[-1])
    if last - base < 65536:
        width = 2
        parts = [_BASE.pack(base), (ids - base).astype("<u2").tobytes()]
    else:
        width = 4
        parts = [ids.astype("<u4").tobytes()]
    first = weights[0]
    if first == 1.0 and (weights == first).all():
        flags = WEIGHTS_ONES
    elif (weights == first).all():
        flags = WEIGHTS_ONE
        parts.append(_FLOAT.pack(float(first)))
    else:
        flags = WEIGHTS_ARRAY
        parts.append(weights.astype("<f4").tobytes())
    flags |= HAS_POSITIONS
    if counts.max() < 256:
        parts.append(counts.astype("u1").tobytes())
    else:
        flags |= COUNTS_32
        parts.append(counts.astype("<u4").tobytes())
    if positions.max() < 65536:
        parts.append(positions.astype("<u2").tobytes())
    else:
        flags |= POSITIONS_32
        parts.append(positions.astype("<u4").tobytes())
    return b"".join(parts), width, flags


class Views(NamedTuple):
    """One block's arrays as read-only views of its buffer, unconverted."""

    ids: np.ndarray  # uint16 offsets from ``base`` (id width 2) or uint32 docnums (``base`` 0)
    base: int
    weights: np.ndarray | float | None  # float32 array; None: all 1.0; a float: all equal
    counts: np.ndarray | None  # uint8 or uint32: positions per posting
    positions: np.ndarray | None  # uint16 or uint32: every posting's positions in a row
    values: tuple | None  # other formats' values, as Whoosh keeps them


def views(buf, offset: int, end: int, n: int, width: int, flags: int,
          weights: bool = True, positions: bool = True) -> Views:
    """The block whose data is ``buf[offset:end]`` as views, without a copy or a
    conversion (``buf``: bytes, a memory map, or a block :func:`blocks` read lazily).
    Callers joining many blocks convert once, after joining."""
    if isinstance(buf, _Lazy):
        buf = buf.data
    if width == 2:
        (base,) = _BASE.unpack_from(buf, offset)
        ids = np.frombuffer(buf, "<u2", n, offset + 4)
        offset += 4 + 2 * n
    else:
        base = 0
        ids = np.frombuffer(buf, "<u4", n, offset)
        offset += 4 * n
    kind = flags & _WEIGHTS_MASK
    w: np.ndarray | float | None = None
    if kind == WEIGHTS_ONE:
        w = _FLOAT.unpack_from(buf, offset)[0]
        offset += 4
    elif kind == WEIGHTS_ARRAY:
        if weights:
            w = np.frombuffer(buf, "<f4", n, offset)
        offset += 4 * n
    counts = flat = values = None
    if flags & HAS_POSITIONS and positions:
        if flags & COUNTS_32:
            counts = np.frombuffer(buf, "<u4", n, offset)
            offset += 4 * n
        else:
            counts = np.frombuffer(buf, "u1", n, offset)
            offset += n
        # The positions run to the block's end: no need to add up the counts.
        if flags & POSITIONS_32:
            flat = np.frombuffer(buf, "<u4", (end - offset) // 4, offset)
        else:
            flat = np.frombuffer(buf, "<u2", (end - offset) // 2, offset)
    elif flags & PICKLED_VALUES and positions:
        values = pickle.loads(buf[offset:end])
    return Views(ids, base, w, counts, flat, values)


def decode(buf, offset: int, end: int, n: int, width: int, flags: int,
           weights: bool = True, positions: bool = True) -> Block:
    """One block with int32 docnums (see :func:`views` for the arguments)."""
    v = views(buf, offset, end, n, width, flags, weights, positions)
    ids = v.ids.astype(np.int32)
    if v.base:
        ids += np.int32(v.base)
    return Block(ids, v.weights, v.counts, v.positions, v.values)


_maps: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def mapped(postfile):
    """A read-only memory map of a segment's postings file, or None (compound or
    in-memory storage). Kept as long as the file object is: arrays decoded from
    it are views, and they keep the map alive themselves."""
    try:
        return _maps[postfile]
    except KeyError:
        pass
    if isinstance(postfile.file, mmap.mmap):
        # A file the storage already mapped (indexer.engine.storage): closing its reader
        # unmaps it unless arrays still view it, so postings are read only while
        # the reader is open, as with any Whoosh file.
        mm = postfile.file
    else:
        try:
            fd = postfile.file.fileno()
            mm = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
        except (AttributeError, OSError, ValueError):
            mm = None
    _maps[postfile] = mm
    return mm


def blocks(m: ArrayLeafMatcher):
    """(buffer, data start, data end, count, last docnum, id width, flags) for each
    block of a fresh matcher's term, read from the block headers alone."""
    mm = mapped(m._postfile)
    pos = m._startoffset + len(WHOOSH3_HEADER_MAGIC)
    if mm is None:
        # No map (a compound segment, in-memory storage): each block is read
        # through Whoosh's file, only when the caller decodes it.
        yield from _read_blocks(m._postfile, pos)
        return
    unpack = HEADER.unpack_from
    while True:
        length, n, maxid, _, _, _, width, flags = unpack(mm, pos)
        end = pos + _LENGTH_SIZE + abs(length)
        yield mm, pos + HEADER.size, end, n, maxid, width, flags
        if length < 0:
            return
        pos = end


class _Lazy:
    """A block's bytes, read from a Whoosh file on first use."""

    __slots__ = ("_file", "_start", "_end", "_data")

    def __init__(self, file, start: int, end: int) -> None:
        self._file, self._start, self._end, self._data = file, start, end, None

    @property
    def data(self) -> bytes:
        if self._data is None:
            self._data = self._file.get(self._start, self._end - self._start)
        return self._data


def _read_blocks(postfile, pos: int):
    while True:
        length, n, maxid, _, _, _, width, flags = HEADER.unpack(postfile.get(pos, HEADER.size))
        end = pos + _LENGTH_SIZE + abs(length)
        start = pos + HEADER.size
        yield _Lazy(postfile, start, end), 0, end - start, n, maxid, width, flags
        if length < 0:
            return
        pos = end


class ArrayPostingsWriter(W3PostingsWriter):
    """Whoosh 3's postings writer with the block layout of this module."""

    def _write_block(self, last: bool = False) -> None:
        self._emit(encode(self._ids, self._weights, self._values, self._format), last)

    def write_arrays(self, ids: np.ndarray, weights: np.ndarray, counts: np.ndarray,
                     positions: np.ndarray, lengths: np.ndarray | None, last: bool) -> None:
        """One block of a positional term straight from arrays (``lengths``: each
        posting's field length, for the block statistics). The term info gets the
        statistics ``add_posting`` would have gathered."""
        self._ids = ids.tolist()
        self._weights = weights.tolist()  # summed in order, as Whoosh sums them
        self._maxweight = max(self._weights)
        if lengths is not None:
            nonzero = lengths[lengths > 0]
            self._minlength = int(nonzero.min()) if nonzero.size else None
            self._maxlength = int(lengths.max())
        self._emit(encode_arrays(ids, weights, counts, positions), last)

    def _emit(self, encoded: tuple[bytes, int, int], last: bool) -> None:
        """Write the buffered block (statistics from the buffer, data already encoded)."""
        data, width, flags = encoded
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        length = HEADER.size - _LENGTH_SIZE + len(data)
        self._postfile.write(HEADER.pack(-length if last else length, len(self._ids), self._ids[-1],
                                         self._maxweight, length_to_byte(self._minlength),
                                         length_to_byte(self._maxlength), width, flags))
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()


class ArrayLeafMatcher(W3LeafMatcher):
    """Whoosh's matcher protocol over :class:`ArrayPostingsWriter` blocks."""

    def _next_block(self) -> None:
        # One check per block: cheap beside decoding it, and it bounds whatever
        # walks the postings (Whoosh's collector included) by the request's deadline.
        deadline.check()
        super()._next_block()

    def _goto(self, position: int) -> None:
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        length, n, maxid, maxweight, mnlen, mxlen, width, flags = HEADER.unpack(
            self._postfile.get(position, HEADER.size))
        self._lastblock = length < 0
        self._nextoffset = position + _LENGTH_SIZE + abs(length)
        self._dataoffset = position + HEADER.size
        self._blocklength, self._maxid, self._maxweight = n, maxid, maxweight
        self._compression = 0
        self._minlength, self._maxlength = byte_to_length(mnlen), byte_to_length(mxlen)
        self._width, self._flags = width, flags

    def _read_data(self) -> None:
        raw = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        self._data = decode(raw, 0, len(raw), self._blocklength, self._width, self._flags)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        self._ids = self._data.ids.tolist()

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        w = self._data.weights
        if w is None or isinstance(w, float):
            self._weights = array("f", [1.0 if w is None else w]) * self._blocklength
        else:
            self._weights = array("f", w.tobytes())

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        block = self._data
        if block.counts is not None:
            flat = block.positions.tolist()
            ends = np.cumsum(block.counts).tolist()
            self._values = tuple(_POSITIONS.encode(flat[e - c:e])
                                 for e, c in zip(ends, block.counts.tolist()))
        elif block.values is not None:
            self._values = block.values
        else:
            self._values = (None,) * self._blocklength


class ArrayCodec(W3Codec):
    """Whoosh 3 with :mod:`indexer.engine.codec`'s posting blocks (term vectors keep Whoosh's)."""

    def __init__(self, blocklimit: int = BLOCK_POSTINGS, inlinelimit: int = 1) -> None:
        super().__init__(blocklimit=blocklimit, compression=0, inlinelimit=inlinelimit)

    def postings_writer(self, dbfile, byteids: bool = False):
        if byteids:  # term vectors, read back by Whoosh's per-document reader directly
            return super().postings_writer(dbfile, byteids)
        return ArrayPostingsWriter(dbfile, blocklimit=self._blocklimit, compression=0,
                                   inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
