"""The memory-mapped storage reads exactly what Whoosh's own storage reads."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index
from whoosh_view import all_postings

from indexer.engine.generations import current
from indexer.engine.storage import MappedFile, MappedStorage, open_index


def _generation(root: Path) -> Path:
    gen = current(root)
    assert gen is not None
    return gen.path


def test_mapped_index_reads_what_whoosh_reads(index_root):  # noqa: F811
    path = _generation(index_root)
    ours, theirs = open_index(path).reader(), whoosh_index.open_dir(str(path)).reader()
    try:
        assert all_postings(ours) == all_postings(theirs)
        assert len(all_postings(ours)) > 100
        assert list(ours.all_stored_fields()) == list(theirs.all_stored_fields())
        for field in ("text", "title"):
            assert [ours.doc_field_length(n, field) for n in range(ours.doc_count_all())] == \
                [theirs.doc_field_length(n, field) for n in range(theirs.doc_count_all())]
    finally:
        ours.close()
        theirs.close()


def test_terms_and_columns_are_mapped_stored_fields_are_not(index_root):  # noqa: F811
    storage = MappedStorage(str(_generation(index_root)))
    kinds = {}
    for name in storage.list():
        if name.endswith((".trm", ".col", ".pst")) and storage.file_length(name):
            f = storage.open_file(name)
            kinds[name.rsplit(".", 1)[-1] + ("/stored" if "_stored" in name else "")] = type(f)
            f.close()
    assert kinds["trm"] is MappedFile and kinds["pst"] is MappedFile and kinds["col"] is MappedFile
    assert kinds["col/stored"] is not MappedFile


def test_a_file_closes_while_arrays_still_view_its_map(index_root):  # noqa: F811
    import numpy as np

    storage = MappedStorage(str(_generation(index_root)))
    name = next(n for n in storage.list() if n.endswith(".pst"))
    f = storage.open_file(name)
    head = bytes(f.get(0, 8))
    view = np.frombuffer(f.file, dtype=np.uint8, count=8)  # as the codec's postings arrays do
    f.close()  # must not fail; the map lives on while the view does
    assert f.is_closed
    assert view.tobytes() == head


def test_a_compound_segment_is_left_to_whoosh_to_map(tmp_path):
    from indexer import schema as S

    ix = whoosh_index.create_in(str(tmp_path), S.build_schema())
    w = ix.writer()  # Whoosh's writer, compound segment (a ".seg" file)
    for n, text in enumerate(["Strike at the docks.", "The strike spread.", "Exile in Mexico."]):
        w.add_document(**{S.ID: f"d#p{n}", S.DOC_ID: "d", S.TEXT: text, S.TITLE: "Docks"})
    w.commit()
    storage = MappedStorage(str(tmp_path))
    seg = next(n for n in storage.list() if n.endswith(".seg"))
    f = storage.open_file(seg)
    assert not isinstance(f, MappedFile)
    f.close()
    ours, theirs = open_index(tmp_path).reader(), whoosh_index.open_dir(str(tmp_path)).reader()
    try:
        assert all_postings(ours) == all_postings(theirs) != {}
        assert list(ours.all_stored_fields()) == list(theirs.all_stored_fields())
    finally:
        ours.close()
        theirs.close()
