"""Whoosh's file storage, with the files a search reads at random memory-mapped.

Whoosh reads a term's entry in the terms index, and a paragraph's field length,
with a seek and a read on a buffered file: a system call or two and an 8 KB copy
for a few dozen bytes, some thirty times per request (a word is looked up in
every field and every segment). From a memory map the same read is a slice.

A generation's files are never rewritten in place (new segments get new names,
JSON files are replaced whole), which a memory map needs: a file truncated under
it would crash the process. The stored-fields column keeps Whoosh's buffered file: it is read a paragraph at
a time, ten per request, and mapping it would add every page ever shown to a
worker's resident memory (570 MB at a million paragraphs).

A damaged disk (or an operator's mistake) can still truncate a mapped file, and
reading a mapped page past the new end raises SIGBUS, which Python cannot
catch: the worker died at once. Handling the signal was ruled out (its handler
would have to jump out of the faulting C code). So by default each mapped file
is first copied, once per worker and generation, into a sealed memory file
(``memfd_create`` with ``F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE``): the kernel
then refuses to shrink it, every searcher maps that copy, and what happens to
the file on disk afterwards cannot reach a reader. Its size is checked against
the generation's checksums before the copy, and the copy is what the
background verification hashes. The cost is memory: the copy is the worker's
own (shared memory, not the page cache, so N workers hold N copies).
``ARCHIVE_INDEX_COPY=0`` maps the files as before.
"""

from __future__ import annotations

import fcntl
import mmap
import os
import threading
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.index import Index

from indexer.engine.checksums import Damaged, Problem

# Whoosh 3 names a segment's stored-fields column "<segment>._stored.col". A
# compound segment (".seg", from older or foreign indexes) is opened buffered too:
# Whoosh maps it itself, and reads its stored fields from that map as it always did.
_BUFFERED_SUFFIXES = ("._stored.col", ".seg")


class MappedFile(StructFile):
    """A read-only :class:`StructFile` over a memory map (``file`` is the map)."""

    def get(self, position: int, length: int) -> bytes:
        return self.file[position:position + length]

    def close(self) -> None:
        if self.is_closed:
            raise ValueError("this file is already closed")
        self.is_closed = True
        if self.onclose:
            self.onclose(self)
        try:
            self.file.close()
        except BufferError:
            # Arrays still view the map (postings kept by a cache): it is unmapped
            # when the last of them goes.
            pass


SEALABLE = hasattr(os, "memfd_create") and hasattr(fcntl, "F_ADD_SEALS")
_SEALS = (getattr(fcntl, "F_SEAL_SHRINK", 0) | getattr(fcntl, "F_SEAL_GROW", 0)
          | getattr(fcntl, "F_SEAL_WRITE", 0) | getattr(fcntl, "F_SEAL_SEAL", 0))


class SealedCopies:
    """A folder's files copied on first use into memory files that cannot shrink.

    ``sizes`` ({file name: size}, from the checksums) is what each file must
    measure; a file of another size raises :class:`Damaged` instead of being
    served.
    """

    def __init__(self, folder: Path, sizes: dict[str, int] | None = None) -> None:
        self.folder = folder
        self.sizes = sizes or {}
        self._fds: dict[str, int] = {}
        self._lock = threading.Lock()

    def fd(self, name: str) -> int:
        with self._lock:
            if name not in self._fds:
                self._fds[name] = self._copy(name)
            return self._fds[name]

    def _copy(self, name: str) -> int:
        with open(self.folder / name, "rb") as src:
            size = os.fstat(src.fileno()).st_size
            want = self.sizes.get(name, size)
            if size != want:
                raise Damaged(self.folder.name, [Problem(name, f"{size:,} bytes, expected {want:,}")])
            fd = os.memfd_create(name[:240], os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
            try:
                copied = 0
                while chunk := src.read(1 << 20):
                    copied += len(chunk)
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(fd, view):]
                if copied != want:  # truncated (or grown) while being copied
                    raise Damaged(self.folder.name,
                                  [Problem(name, f"{copied:,} bytes read, expected {want:,}")])
                fcntl.fcntl(fd, fcntl.F_ADD_SEALS, _SEALS)
            except BaseException:
                os.close(fd)
                raise
        return fd

    def names(self) -> list[str]:
        with self._lock:
            return list(self._fds)

    def contents(self, name: str) -> mmap.mmap | bytes | None:
        """The served copy of ``name`` (for its checksum), or None when not copied.

        A map of the copy, not a read of it: hashing the postings must not
        hold a second copy of them.
        """
        with self._lock:
            fd = self._fds.get(name)
            if fd is None:
                return None
            size = os.fstat(fd).st_size
            return mmap.mmap(fd, size, access=mmap.ACCESS_READ) if size else b""

    def close(self) -> None:
        """Close the memory files; maps made from them stay valid until unmapped."""
        with self._lock:
            fds, self._fds = self._fds, {}
        for fd in fds.values():
            os.close(fd)


class MappedStorage(FileStorage):
    """A read-only :class:`FileStorage` whose files open as :class:`MappedFile`.

    With ``copies``, a file is mapped from its sealed copy, not from the disk.
    """

    def __init__(self, path: str, copies: SealedCopies | None = None) -> None:
        super().__init__(path, readonly=True)
        self.copies = copies

    def open_file(self, name: str, **kwargs) -> StructFile:
        if name.endswith(_BUFFERED_SUFFIXES):
            return super().open_file(name, **kwargs)
        if self.copies is not None:
            fd = self.copies.fd(name)
            if os.fstat(fd).st_size == 0:
                return super().open_file(name, **kwargs)
            return MappedFile(mmap.mmap(fd, 0, access=mmap.ACCESS_READ), name=name, **kwargs)
        with open(self._fpath(name), "rb") as f:
            try:
                mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:  # an empty file cannot be mapped
                return super().open_file(name, **kwargs)
        return MappedFile(mm, name=name, **kwargs)


def open_index(path: Path, copies: SealedCopies | None = None) -> Index:
    """The Whoosh index in folder ``path``, for reading (mapped from ``copies`` if given)."""
    return MappedStorage(str(path), copies).open_index()
