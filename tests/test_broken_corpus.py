"""Broken corpus files: each is reported and skipped, the rest is indexed, nothing served is lost.

Every test builds a small corpus of our own in a temporary folder with
``indexer.build.build_corpus`` (one process, no progress bars) and checks the
index it produced: good documents all present, every broken file either
indexed or listed in the report with a reason, never silently dropped and
never fatal to the build.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer import schema as S
from indexer.build import build_corpus
from indexer.engine.generations import current
from indexer.engine.shards import ShardFailed
from indexer.models import Skipped

GOOD = {
    "letters/harbour.md": "---\ntitle: Letter from the Harbour\nauthor: A. Writer\n"
    "date: 1905-06-01\n---\n\nThe dockers stopped work on the first of June and the harbour "
    "fell silent for a week.\n\nThe committee met every evening in the reading room.\n",
    "notes/printers.txt": "The Printers' Strike\n\nThe printers walked out in the spring of "
    "1906 and stayed out until the owners agreed to the shorter day.\n",
    "pages/meeting.html": "<html><head><title>A Meeting</title></head><body><h1>A Meeting"
    "</h1><p>Some four hundred people filled the hall to hear the delegates report on the "
    "strike.</p></body></html>",
}
# A word that occurs only in GOOD files: a search for it finds exactly those documents.
GOOD_WORDS = {"letters/harbour.md": "dockers", "notes/printers.txt": "printers",
              "pages/meeting.html": "delegates"}


def write(root: Path, files: dict[str, bytes | str]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)


def build(corpus: Path, index: Path):
    return build_corpus(corpus, index, progress=False, workers=1)


def indexed_docs(index: Path) -> dict[str, int]:
    """doc_id -> number of paragraphs in the served generation."""
    gen = current(index)
    assert gen is not None, "no generation is served"
    ix = whoosh_index.open_dir(str(gen.path))
    out: dict[str, int] = {}
    with ix.searcher() as s:
        for stored in s.all_stored_fields():
            out[stored[S.DOC_ID]] = out.get(stored[S.DOC_ID], 0) + 1
    return out


def docs_with_word(index: Path, word: str) -> set[str]:
    gen = current(index)
    ix = whoosh_index.open_dir(str(gen.path))
    with ix.searcher() as s:
        from whoosh.query import Term

        stems = [t.text for t in S.text_analyzer()(word)]
        return {s.stored_fields(n)[S.DOC_ID] for n in s.docs_for_query(Term(S.TEXT, stems[0]))}


def assert_accounted_for(corpus: Path, index: Path, report) -> None:
    """Every file is indexed or reported; every good file is indexed and searchable."""
    docs = indexed_docs(index)
    skipped = {s.path: s.reason for s in report.skipped}
    for path in corpus.rglob("*"):
        if path.is_file():
            rel = path.relative_to(corpus).as_posix()
            assert rel in docs or rel in skipped, f"{rel} was neither indexed nor reported"
    for rel, word in GOOD_WORDS.items():
        assert rel in docs, f"good file {rel} missing; skipped: {skipped.get(rel)}"
        assert rel in docs_with_word(index, word)
    assert all(reason for reason in skipped.values())


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    write(root, GOOD)
    return root


@pytest.fixture
def index(tmp_path) -> Path:
    return tmp_path / "index"


# -- each class of broken file -----------------------------------------------------------

BINARY = bytes(range(256)) * 64
BROKEN = {
    "binary": ({"broken/picture.txt": BINARY, "broken/archive.md": b"PK\x03\x04" + BINARY,
                "broken/scan.html": b"\x89PNG\r\n\x1a\n" + BINARY}, "skipped"),
    "empty": ({"broken/empty.txt": b"", "broken/blank.md": b"  \n\n\t\n",
               "broken/empty.html": b"<html><body></body></html>"}, "skipped"),
    "latin-1": ({"enc/latin.txt": "Notes de Paris\n\nJaurès parla à la foule réunie "
                 "devant la mairie.\n".encode("cp1252")}, "indexed"),
    "mixed encodings": ({"enc/mixed.txt": "Mixed Notes\n\nJaurès wrote this line in UTF-8."
                         "\n\n".encode() + "Then a café line in Latin-1 with a "
                         "résumé.\n".encode("latin-1")}, "indexed"),
    "wrong declared charset": ({"enc/declared.html": b'<html><head><meta charset="utf-8">'
                                b"</head><body><p>Caf\xe9 society met in the evenings to "
                                b"read the papers aloud.</p></body></html>"}, "indexed"),
    "unknown charset": ({"enc/unknown.html": b'<html><head><meta charset="x-no-such-9">'
                         b"</head><body><p>An unknown charset must not stop the reading "
                         b"of this page.</p></body></html>"}, "indexed"),
    "utf-16": ({"enc/wide.txt": "Wide Notes\n\nA text saved as UTF-16 by an old word "
                "processor.\n".encode("utf-16")}, "either"),
    "malformed html": ({"html/malformed.html": b"</html><p><b><i>Unclosed tags and a stray "
                        b"end tag</p></b> still hold words worth finding.<div <p>>"
                        b"<table><td>cell without a row<p>another paragraph &bogus; "
                        b"&#xFFFFFFF; &#0; entity soup</html>"}, "either"),
    "control characters": ({"ctl/bell.txt": b"Bells\n\nA line with \x07 bell and \x1b[31m "
                            b"escape codes and a form feed \x0c in it.\n"}, "indexed"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_file_is_reported_or_read_and_the_rest_indexed(corpus, index, case):
    files, expect = BROKEN[case]
    write(corpus, files)
    report = build(corpus, index)
    assert_accounted_for(corpus, index, report)
    docs = indexed_docs(index)
    skipped = {s.path for s in report.skipped}
    for rel in files:
        if expect == "skipped":
            assert rel in skipped and rel not in docs, rel
        elif expect == "indexed":
            assert rel in docs, f"{rel}: {[s for s in report.skipped if s.path == rel]}"


def stored_texts(index: Path, doc_id: str) -> str:
    gen = current(index)
    ix = whoosh_index.open_dir(str(gen.path))
    with ix.searcher() as s:
        return " ".join(f[S.TEXT] if S.TEXT in f else str(f) for f in s.all_stored_fields()
                        if f[S.DOC_ID] == doc_id)


@pytest.mark.parametrize("rel, words", [
    ("enc/latin.txt", ["Jaurès", "réunie"]),
    ("enc/mixed.txt", ["Jaurès", "café", "résumé"]),
])
def test_wrong_encodings_keep_their_accents(corpus, index, rel, words):
    write(corpus, {**BROKEN["latin-1"][0], **BROKEN["mixed encodings"][0]})
    build(corpus, index)
    text = stored_texts(index, rel)
    assert all(w in text for w in words), text


def test_deeply_nested_html_does_not_stop_the_build(corpus, index):
    depth = 50_000
    page = ("<html><body>" + "<div>" * depth + "<p>Deep inside the page the secretary "
            "recorded the vote.</p>" + "</div>" * depth + "</body></html>")
    write(corpus, {"html/deep.html": page, "html/unclosed.html": "<div>" * depth + "<p>An "
                   "unclosed stack of divisions also records the secretary's vote."})
    started = time.monotonic()
    report = build(corpus, index)
    assert time.monotonic() - started < 120
    assert_accounted_for(corpus, index, report)


def test_a_50_mb_file_is_skipped_with_a_reason(corpus, index):
    big = corpus / "big" / "huge.txt"
    big.parent.mkdir()
    line = b"a line of filler text that repeats until the file is enormous\n"
    with open(big, "wb") as f:
        f.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert big.stat().st_size >= 50 * 1024 * 1024
    report = build(corpus, index)
    reasons = {s.path: s.reason for s in report.skipped}
    assert "big/huge.txt" in reasons and "large" in reasons["big/huge.txt"]
    assert_accounted_for(corpus, index, report)


@pytest.mark.slow
def test_one_huge_line_is_read_in_bounded_time(corpus, index):
    # Two megabytes without a newline: regexes with nested quantifiers would crawl.
    write(corpus, {"big/oneline.txt": ("word " * 400_000 + "ending.").encode(),
                   "big/oneline.md": ("Long *emphasis " + "x " * 500_000).encode()})
    started = time.monotonic()
    report = build(corpus, index)
    assert time.monotonic() - started < 120
    assert_accounted_for(corpus, index, report)


@pytest.mark.parametrize("bomb", [
    "[" * 8000 + " x y", "[a" * 4000 + " x y", "![" * 4000 + " x y",
    "{." * 4000 + " x y", "^[" * 4000 + " x y", "<a " * 3000 + " x y", "*_" * 4000 + " x y",
])
def test_bracket_bombs_are_read_in_bounded_time(tmp_path, bomb):
    from indexer.readers import read_file

    (tmp_path / "bomb.md").write_text("# Bomb\n\nSome words first.\n\n" + bomb)
    started = time.monotonic()
    read_file(tmp_path / "bomb.md", tmp_path)
    assert time.monotonic() - started < 2.0


def test_document_without_indexable_paragraphs_is_reported(corpus, index):
    write(corpus, {"short/one-word.md": "# Title\n\nHello\n"})
    report = build(corpus, index)
    assert_accounted_for(corpus, index, report)


def test_a_fifo_in_the_corpus_does_not_hang_the_reader(corpus):
    from indexer.readers import read_file

    fifo = corpus / "pipe.txt"
    os.mkfifo(fifo)
    result: list = []
    reader = threading.Thread(target=lambda: result.append(read_file(fifo, corpus)), daemon=True)
    reader.start()
    reader.join(5)
    hung = reader.is_alive()
    if hung:  # free the blocked reader: a writer that opens and closes gives it EOF
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        reader.join(5)
    assert not hung, "read_file blocked on a named pipe"
    assert isinstance(result[0], Skipped)


# -- files that change while the build runs ----------------------------------------------------


def test_file_removed_before_it_is_read(corpus, index, monkeypatch):
    import indexer.readers.reading as reading

    write(corpus, {"zz/victim.md": "# Victim\n\nThis file is removed while the build is "
                   "walking the corpus.\n"})
    original = reading.read_file

    def read_file(path, root, catalogue=None, **kw):
        if path.name == "victim.md":
            path.unlink()  # gone between the directory listing and the read
        return original(path, root, catalogue, **kw)

    monkeypatch.setattr(reading, "read_file", read_file)
    report = build(corpus, index)
    reasons = {s.path: s.reason for s in report.skipped}
    assert "zz/victim.md" in reasons and "vanish" in reasons["zz/victim.md"]
    assert "zz/victim.md" not in indexed_docs(index)
    assert_accounted_for(corpus, index, report)


def test_file_removed_after_it_was_read(corpus, index, monkeypatch):
    import indexer.readers.reading as reading

    write(corpus, {"zz/victim.md": "# Victim\n\nThis file is read, then removed before the "
                   "generation is finished.\n"})
    original = reading.read_file

    def read_file(path, root, catalogue=None, **kw):
        doc = original(path, root, catalogue, **kw)
        if path.name == "victim.md":
            path.unlink()
        return doc

    monkeypatch.setattr(reading, "read_file", read_file)
    report = build(corpus, index)
    docs = indexed_docs(index)
    assert set(GOOD) <= set(docs)
    assert report.documents == len(docs)


def test_folder_removed_during_the_walk(corpus, index, monkeypatch):
    import shutil

    import indexer.readers.reading as reading

    write(corpus, {"zz/gone/a.md": "# A\n\nA text in a folder that is removed mid-build.\n",
                   "zz/gone/b.md": "# B\n\nAnother text in the same doomed folder.\n"})
    original = reading.read_file

    def read_file(path, root, catalogue=None, **kw):
        if path.name == "a.md":
            shutil.rmtree(path.parent)
        return original(path, root, catalogue, **kw)

    monkeypatch.setattr(reading, "read_file", read_file)
    report = build(corpus, index)
    docs = indexed_docs(index)
    assert set(GOOD) <= set(docs)
    assert {"zz/gone/a.md", "zz/gone/b.md"} <= {s.path for s in report.skipped}


# -- a failing build never harms the served generation --------------------------------------


def _fail_after(monkeypatch, n: int, exc: BaseException) -> None:
    """Make annotation raise after ``n`` documents (the build is then half-written)."""
    import indexer.pipeline as pipeline

    original = pipeline.annotate_each

    def annotate_each(*args, **kwargs):
        for i, item in enumerate(original(*args, **kwargs)):
            if i >= n:
                raise exc
            yield item

    monkeypatch.setattr(pipeline, "annotate_each", annotate_each)


@pytest.mark.parametrize("workers, exc, raised", [
    (1, RuntimeError("disk on fire"), RuntimeError),
    (1, KeyboardInterrupt(), KeyboardInterrupt),
    # In shard processes the failure comes back as ShardFailed, with the child's traceback.
    (2, RuntimeError("disk on fire"), ShardFailed),
    (2, KeyboardInterrupt(), ShardFailed),
])
def test_served_generation_survives_a_failing_build(corpus, index, monkeypatch, workers, exc, raised):
    build(corpus, index)
    served = current(index).name
    before = indexed_docs(index)
    write(corpus, {"new/extra.md": "# Extra\n\nA new text that the failed build never "
                   "finishes indexing.\n"})
    _fail_after(monkeypatch, 1, exc)
    with pytest.raises(raised) as failure:
        build_corpus(corpus, index, progress=False, workers=workers)
    if raised is ShardFailed:
        assert type(exc).__name__ in str(failure.value)
    assert current(index).name == served
    assert indexed_docs(index) == before
    monkeypatch.undo()
    # The writer lock was released: the next build runs and switches.
    report = build(corpus, index)
    assert current(index).name != served
    assert "new/extra.md" in indexed_docs(index)
    assert_accounted_for(corpus, index, report)


def test_served_generation_survives_an_unreadable_corpus(corpus, index):
    build(corpus, index)
    served, before = current(index).name, indexed_docs(index)
    with pytest.raises(Exception):
        build(corpus / "no-such-folder", index)
    assert current(index).name == served and indexed_docs(index) == before


def test_build_of_an_empty_corpus_keeps_serving_the_old_generation(corpus, index, tmp_path):
    """A corpus emptied by mistake (unmounted disk) must not replace a good index by nothing."""
    build(corpus, index)
    served = current(index).name
    empty = tmp_path / "empty"
    empty.mkdir()
    try:
        build(empty, index)
    except Exception:  # noqa: BLE001 - refusing with an error is the good outcome
        pass
    assert current(index).name == served, "an empty corpus replaced the served index"
