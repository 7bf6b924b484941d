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
"""

from __future__ import annotations

import mmap
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.index import Index

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


class MappedStorage(FileStorage):
    """A read-only :class:`FileStorage` whose files open as :class:`MappedFile`."""

    def __init__(self, path: str) -> None:
        super().__init__(path, readonly=True)

    def open_file(self, name: str, **kwargs) -> StructFile:
        if name.endswith(_BUFFERED_SUFFIXES):
            return super().open_file(name, **kwargs)
        with open(self._fpath(name), "rb") as f:
            try:
                mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:  # an empty file cannot be mapped
                return super().open_file(name, **kwargs)
        return MappedFile(mm, name=name, **kwargs)


def open_index(path: Path) -> Index:
    """The Whoosh index in folder ``path``, for reading."""
    return MappedStorage(str(path)).open_index()
