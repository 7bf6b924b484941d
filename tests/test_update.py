"""Incremental updates, generations, the writer lock and crash safety (issue 5).

Each test writes its own small corpus in a temporary folder, in our own words.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer.build import build_corpus
from indexer.engine import generations
from indexer.locking import WriterBusy, writer_lock
from indexer.schema import DOC_ID, ID, TEXT
from indexer.update import update_corpus

REPO = Path(__file__).resolve().parents[1]

AUTHORITY = """
[[person]]
id = "parsons-lucy"
name = "Lucy Parsons"
surnames = ["Parsons"]
"""


def article(title: str, paragraphs: list[str], date: str = "3 March, 2009 - 09:15") -> str:
    return f"{title}\n\nSubmitted by Ann Reader on {date}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(root: Path, n_extra: int = 0) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "persons.toml").write_text(AUTHORITY, encoding="utf-8")
    (root / "a.txt").write_text(article("Chicago in May", [
        "Lucy Parsons spoke to the crowd in Chicago in 1886 about the eight-hour day.",
        "Parsons returned to the same square in 1887 and was turned away by the police.",
        "The pamphlet she sold that summer cost five cents and went through three printings.",
    ]), encoding="utf-8")
    (root / "b.txt").write_text(article("Dock notes", [
        "The dockers of the port struck in 1889 for sixpence an hour.",
        "Their fund was kept in a biscuit tin under the secretary's bed.",
    ]), encoding="utf-8")
    for i in range(n_extra):
        (root / f"extra-{i:03d}.txt").write_text(article(f"Minute book {i}", [
            f"Meeting {i} of the branch discussed the rent strike of {1900 + i % 90} at length.",
            f"The treasurer reported {i + 3} new members and a balance of {i + 10} shillings.",
            "The secretary read a letter from the print workers asking for support.",
        ]), encoding="utf-8")
    return root


def indexed(root: Path) -> dict[str, str]:
    """{paragraph id: text} of the served generation."""
    gen = generations.current(root)
    assert gen is not None
    ix = whoosh_index.open_dir(str(gen.path))
    with ix.searcher() as s:
        return {f[ID]: f[TEXT] for f in s.all_stored_fields()}


def doc_ids(root: Path) -> set[str]:
    return {pid.split("#")[0] for pid in indexed(root)}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


@pytest.fixture
def index_root(tmp_path: Path, corpus: Path) -> Path:
    root = tmp_path / "index"
    build_corpus(corpus, root, progress=False, workers=1)
    return root


def test_update_with_no_change_does_nothing(corpus: Path, index_root: Path) -> None:
    before = generations.current(index_root)
    report = update_corpus(corpus, index_root, progress=False)
    assert report.touched == 0
    assert generations.current(index_root) == before


def test_added_changed_and_deleted_documents(corpus: Path, index_root: Path) -> None:
    old = indexed(index_root)
    text = (corpus / "a.txt").read_text(encoding="utf-8")
    inserted = "A new first paragraph about the Haymarket trial, written for this test."
    (corpus / "a.txt").write_text(text.replace("Lucy Parsons spoke", inserted + "\n\nLucy Parsons spoke"),
                                  encoding="utf-8")
    (corpus / "b.txt").unlink()
    (corpus / "c.md").write_text("---\ntitle: Notes\ndate: 1912-01-01\n---\n\nThe Lawrence mill strike began in 1912.\n",
                                 encoding="utf-8")
    report = update_corpus(corpus, index_root, progress=False)
    assert (report.added, report.changed, report.deleted) == (["c.md"], ["a.txt"], ["b.txt"])
    now = indexed(index_root)
    assert doc_ids(index_root) == {"a.txt", "c.md"}
    # Unchanged paragraphs keep their ids; the inserted one gets a fresh id.
    for pid, para in old.items():
        if pid.startswith("a.txt#"):
            assert now[pid] == para
    new_ids = [pid for pid in now if pid.startswith("a.txt#") and pid not in old]
    assert [now[p] for p in new_ids] == [inserted]
    meta = generations.current(index_root).meta
    assert (meta["documents"], meta["paragraphs"]) == (2, len(now))
    (corpus / "empty.txt").write_text("", encoding="utf-8")  # read, but no paragraphs: no document
    update_corpus(corpus, index_root, progress=False)
    assert generations.current(index_root).meta["documents"] == len(doc_ids(index_root)) == 2


def test_authority_edit_reannotates_only_affected_documents(corpus: Path, index_root: Path) -> None:
    (corpus / "persons.toml").write_text(AUTHORITY + """
[[person]]
id = "secretary-x"
name = "Ben Tillett"
aliases = ["the secretary"]
context = ["Tillett"]
""", encoding="utf-8")
    report = update_corpus(corpus, index_root, progress=False)
    assert report.reannotated and set(report.reannotated) <= {"b.txt", "a.txt"}
    assert "b.txt" in report.reannotated  # it mentions "the secretary"
    assert not report.added and not report.changed


def test_build_keeps_previous_generation_for_rollback(corpus: Path, index_root: Path) -> None:
    first = generations.current(index_root)
    build_corpus(corpus, index_root, progress=False, workers=1)
    second = generations.current(index_root)
    assert first != second
    assert generations.rollback(index_root) == first
    assert generations.current(index_root) == first


def test_old_generations_are_cleaned_up(corpus: Path, index_root: Path) -> None:
    for _ in range(5):
        build_corpus(corpus, index_root, progress=False, workers=1)
    gens = [p for p in index_root.iterdir() if p.name.startswith("g-")]
    assert len(gens) <= generations.KEEP_GENERATIONS + 2


def test_second_writer_fails_at_once_with_a_clear_message(index_root: Path) -> None:
    with writer_lock(index_root, "test holder"):
        started = time.monotonic()
        with pytest.raises(WriterBusy, match="test holder"):
            with writer_lock(index_root, "second"):
                pass
        assert time.monotonic() - started < 1


@pytest.mark.slow
def test_cli_second_writer_exits_1_with_error(corpus: Path, index_root: Path) -> None:
    with writer_lock(index_root, "another build"):
        proc = subprocess.run(
            [sys.executable, "-m", "indexer", "update", "--corpus", str(corpus), "--index", str(index_root),
             "--quiet"], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error: ") and "another build" in proc.stderr


def test_stale_lock_of_a_killed_process_is_cleared(corpus: Path, index_root: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from indexer.locking import writer_lock\n"
         "with writer_lock(Path(sys.argv[1]), 'doomed'):\n    print('locked', flush=True); time.sleep(60)",
         str(index_root)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    with writer_lock(index_root, "after") as note:
        assert note and "stale" in note and str(holder.pid) in note


@pytest.mark.slow
@pytest.mark.parametrize("command", ["update", "build"])
def test_sigkill_at_any_moment_leaves_the_served_index_intact(tmp_path: Path, command: str) -> None:
    corpus = write_corpus(tmp_path / "corpus", n_extra=150)
    root = tmp_path / "index"
    build_corpus(corpus, root, progress=False, workers=1)
    expected_before = indexed(root)
    for i in range(40):  # change every extra document so the update has real work
        p = corpus / f"extra-{i:03d}.txt"
        p.write_text(p.read_text(encoding="utf-8").replace("at length", "briefly"), encoding="utf-8")
    (corpus / "b.txt").unlink()
    # Measure how long the command takes, on a copy, to spread the kills over it.
    timing_root = tmp_path / "timing"
    build_corpus(corpus, timing_root, progress=False, workers=1)
    kill_points = [0.05, 0.3, 0.6, 0.9, 1.5, 2.5]
    for delay in kill_points:
        proc = subprocess.Popen(
            [sys.executable, "-m", "indexer", command, "--corpus", str(corpus), "--index", str(root), "--quiet"],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "ARCHIVE_BUILD_WORKERS": "1"})
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        served = indexed(root)  # opens and reads: must never fail
        assert served == expected_before or doc_ids(root) == doc_ids(timing_root)
        expected_before = served
    # Running the command again completes the work: nothing lost, nothing duplicated.
    proc = subprocess.run(
        [sys.executable, "-m", "indexer", command, "--corpus", str(corpus), "--index", str(root), "--quiet"],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    final = indexed(root)
    reference = indexed(timing_root)
    assert sorted(final.values()) == sorted(reference.values())
    assert len(final) == len(set(final))
    unfinished = [p for p in root.iterdir() if p.name.startswith("g-") and not (p / "generation.json").exists()]
    assert unfinished == []
