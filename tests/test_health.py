"""/healthz tells the truth: the served generation's counts and times as `indexer stats`
gives them, and reasons without absolute paths (issue 21, items 6 and 7)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from svc_corpus import TestClient, build

from searchsvc.app import create_app
from searchsvc.settings import Settings

REPO = Path(__file__).resolve().parents[1]
FIELDS = ("generation", "paragraphs", "documents", "built_at", "updated_at")


def stats(root: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "indexer", "stats", "--index", str(root)],
                          cwd=REPO, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def _edit(corpus: Path, how: str) -> None:
    files = sorted(p for p in corpus.rglob("*.txt"))
    if how == "added":
        (corpus / "added.md").write_text(
            "# Added\n\nA paragraph long enough for the chunker, on the tram strike of 1911 "
            "and the meeting held after it.\n", encoding="utf-8")
    elif how == "deleted":
        files[0].unlink()
    else:
        files[0].write_text(files[0].read_text(encoding="utf-8") + "\n\nOne more paragraph "
                            "written later, long enough to be kept by the chunker.\n",
                            encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("how", ["added", "deleted", "changed"])
def test_health_and_stats_agree_after_an_update(tmp_path, how):
    from test_update import write_corpus

    from indexer.build import build_corpus
    from indexer.update import update_corpus

    corpus, root = write_corpus(tmp_path / "corpus"), tmp_path / "index"
    build_corpus(corpus, root, progress=False)
    with TestClient(create_app(Settings(index_root=root, reload_seconds=60))) as c:
        _edit(corpus, how)
        update_corpus(corpus, root, progress=False)
        c.app.state.index.refresh()
        health, meta = c.get("/healthz").json(), stats(root)
    assert meta.get("updated_at")
    assert {k: health.get(k) for k in FIELDS} == {k: meta.get(k) for k in FIELDS}


@pytest.mark.parametrize("breakage", ["no index files", "garbage table of contents"])
def test_an_unopenable_generation_is_503_without_absolute_paths(tmp_path, breakage):
    gen = tmp_path / "g-20260101-000000-abcdef"
    gen.mkdir()
    if breakage == "garbage table of contents":
        (gen / "_MAIN_1.toc").write_bytes(b"\x00not a toc")
    (tmp_path / "CURRENT").write_text(gen.name)
    with TestClient(create_app(Settings(index_root=tmp_path, reload_seconds=60))) as c:
        r = c.get("/healthz")
    assert r.status_code == 503
    assert str(tmp_path) not in r.text and "/tmp" not in r.text, r.text
