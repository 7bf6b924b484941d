"""The search engine: Archive Search's index format on Whoosh, and everything that reads it fast.

Whoosh gives the file layout (terms index, stored fields, columns, table of
contents) and the query objects; this package owns the rest, and is the only
place that uses Whoosh's private API. The indexer writes through it, the
service reads through it, and stock Whoosh can still open what it writes
(``tests/test_engine_format.py``).

Interface, by module (what the rest of the project may call):

- open a generation: :mod:`.generations` (``read_pointer``, ``current``,
  ``previous``, ``new_generation``, ``switch_to``, ``rollback``, ``write_atomic``),
  :mod:`.format` (``INDEX_FORMAT``, ``require``, ``RebuildNeeded``),
  :mod:`.storage` (``open_index``, ``SealedCopies``: the index memory-mapped),
  :mod:`.checksums` (every file's size and checksum, ``Damaged``);
- write: :mod:`.shards` (``write_shards``: one segment per process),
  :mod:`.segments` (``BulkSegmentWriter``), :mod:`.inversion` (a field's
  postings inverted with numpy), :mod:`.terms` (``TermCache``: each token
  analysed once, shared with the vocabulary and the highlighter),
  :mod:`.codec` (``ArrayCodec``: its class path is pickled into every index,
  so it is part of the format);
- match: :mod:`.matchset` (``query_ids``: every match of a query as a sorted
  array; ``phrase_positions``, the one phrase check), :mod:`.postings` (a
  term's postings as arrays; ``PostingsCache``, what one request has read;
  ``frequency``), :mod:`.docsets` (sorted docnum arrays: ``distinct``,
  ``union``, ``intersect``, ``contained``);
- score: :mod:`.scoring` (``Scorer`` and ``top`` for paragraphs, ``bm25`` the
  one BM25F formula document ranking uses too, ``FieldLengths``);
- count facets and sort: :mod:`.columns` (per-document arrays);
- stored fields and snippets: Whoosh's public ``Searcher.stored_fields``, and
  :mod:`.highlight` (``snippet``, ``highlight``, ``spans``);
- stop on time: :mod:`.deadline` (``until``, ``check``, ``QueryTimeout``),
  checked by the codec before every posting block.

What it depends on: Whoosh, numpy, and of this project only the index's schema
(:mod:`indexer.schema`: field names and analyzers), the paragraph type
(:mod:`indexer.models`), letter folding, the vocabulary counter and the
indexer's settings (build workers, generations kept). It lives
inside ``indexer/`` because the project's top-level layout is fixed and the
index is the indexer's product; the service imports this package and the
schema, never the indexer's readers or annotators.
"""
