"""Starting the service: a mistyped index path is an error; the defaults build the sample archive."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from indexer.schema import CURRENT_FILE
from searchsvc.__main__ import ensure_index


def start(args: list[str], env: dict[str, str], cwd: Path = REPO) -> subprocess.CompletedProcess:
    # The service must refuse before it listens: a short timeout tells a refusal from a start.
    full = {k: v for k, v in os.environ.items() if not k.startswith("ARCHIVE_")}
    return subprocess.run([sys.executable, "-m", "searchsvc", "--port", "0", *args], cwd=cwd,
                          env={**full, **env}, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("how", ["option", "environment"])
@pytest.mark.parametrize("state", ["missing", "empty folder", "a file"])
def test_an_explicit_index_that_holds_no_index_is_an_error(tmp_path, how, state):
    index = tmp_path / "indx"
    if state == "empty folder":
        index.mkdir()
    elif state == "a file":
        index.write_text("not an index", encoding="utf-8")
    args, env = (["--index", str(index)], {}) if how == "option" else ([], {"ARCHIVE_INDEX": str(index)})
    proc = start(args, env)
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"Error: the index folder {index}")
    assert "python -m indexer build" in proc.stderr
    assert not index.is_dir() or not any(index.iterdir()), "the service wrote into a mistyped path"


@pytest.mark.slow
def test_an_explicit_index_with_an_explicit_corpus_is_built(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Harbour notes\n\nThe ships came in slowly that year, and the quays "
                                  "were quiet.\n", encoding="utf-8")
    monkeypatch.setenv("ARCHIVE_CORPUS", str(corpus))
    assert ensure_index(tmp_path / "index", explicit=True)
    assert (tmp_path / "index" / CURRENT_FILE).is_file()


@pytest.mark.slow
def test_a_failed_automatic_build_stops_the_service(tmp_path, monkeypatch):
    (tmp_path / "c").mkdir()
    monkeypatch.setenv("ARCHIVE_CORPUS", str(tmp_path / "c"))  # no documents in it
    assert not ensure_index(tmp_path / "index", explicit=True)
    assert not (tmp_path / "index" / CURRENT_FILE).exists()


@pytest.mark.slow
def test_the_defaults_build_the_sample_archive_first(tmp_path, monkeypatch):
    """The README's first command on a fresh clone: no index yet, the sample corpus is built."""
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    for var in ("ARCHIVE_INDEX", "ARCHIVE_CORPUS", "ARCHIVE_AUTO_BUILD"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    assert ensure_index(Path("index"), explicit=False)
    assert (tmp_path / "index" / CURRENT_FILE).is_file()
