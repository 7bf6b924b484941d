"""The engine's on-disk contract: stock Whoosh opens a generation, and the format is recorded.

Stock Whoosh runs in a fresh interpreter that imports nothing of the project
itself: the table of contents names the codec (``indexer.engine.codec``) and
unpickling imports it, the one module of the project it needs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from whoosh import qparser

from indexer.build import PROJECT_CORPUS, build_corpus
from indexer.engine import checksums
from indexer.engine import format as index_format
from indexer.engine.generations import current
from indexer.engine.matchset import query_ids
from indexer.engine.scoring import FieldLengths, Scorer, top
from indexer.schema import GENERATION_META, ID, TEXT
from indexer.update import update_corpus

QUERIES = ["strike", "union strike", "trotsky", "title:strike", "luxemburg OR goldman",
           '"hunger strike"', "strike -union", "revolution 1917", "harbour", "women votes"]

STOCK = textwrap.dedent("""
    import json, sys
    from whoosh import index, qparser
    ix = index.open_dir(sys.argv[1])
    out = {}
    with ix.searcher() as s:
        parser = qparser.QueryParser("text", ix.schema)
        for text in json.loads(sys.argv[2]):
            q = parser.parse(text)
            out[text] = {"all": sorted(s.search(q, limit=None).docs()),
                         "top": [[d, sc] for sc, d in s.search(q, limit=10).top_n],
                         "ids": [s.stored_fields(d)["id"] for sc, d in s.search(q, limit=10).top_n]}
    project = sorted(m for m in sys.modules if m.split(".")[0] in ("indexer", "searchsvc"))
    print(json.dumps({"results": out, "project_modules": project}))
""")


@pytest.fixture(scope="module")
def generation(tmp_path_factory):
    root = tmp_path_factory.mktemp("engine-format") / "index"
    build_corpus(PROJECT_CORPUS, root, progress=False, workers=2)
    return current(root)


def test_stock_whoosh_opens_a_generation_and_finds_what_the_engine_finds(generation):
    done = subprocess.run([sys.executable, "-c", STOCK, str(generation.path), json.dumps(QUERIES)],
                          capture_output=True, text=True, check=True, cwd="/")
    stock = json.loads(done.stdout)
    assert stock["project_modules"] == ["indexer", "indexer.engine", "indexer.engine.codec",
                                        "indexer.engine.deadline"]
    from whoosh import index

    ix = index.open_dir(str(generation.path))
    with ix.searcher() as s:
        parser = qparser.QueryParser(TEXT, ix.schema)
        lengths = FieldLengths(s.reader(), [TEXT, "title", "section"])
        for text in QUERIES:
            q = parser.parse(text)
            theirs = stock["results"][text]
            ours = query_ids(q, s)
            assert ours.tolist() == theirs["all"], text
            assert theirs["all"], f"{text!r} matches nothing: a weak check"
            ids, scores = Scorer(s, lengths).score(q)
            ranked = top(ids, scores, 10)
            assert [round(sc, 9) for _, sc in ranked] == \
                pytest.approx([round(sc, 9) for _, sc in theirs["top"]], rel=1e-9), text
            # Documents may swap places only with one of the same score.
            their_scores = dict((d, sc) for d, sc in theirs["top"])
            for d, sc in ranked:
                if d in their_scores:
                    assert sc == pytest.approx(their_scores[d], rel=1e-9), text
            assert [s.stored_fields(d)[ID] for d, _ in ranked][:1] == theirs["ids"][:1] or \
                ranked[0][1] == pytest.approx(ranked[1][1], rel=1e-9), text


def test_an_unreadable_generation_json_is_damage_not_a_format():
    assert index_format.recorded(Path("/nonexistent")) is None


def test_a_generation_records_its_format(generation):
    meta = json.loads((generation.path / GENERATION_META).read_text(encoding="utf-8"))
    assert meta[index_format.FORMAT_KEY] == index_format.INDEX_FORMAT
    assert index_format.recorded(generation.path) == index_format.INDEX_FORMAT


def _as_older_format(generation, tmp_path):
    root = tmp_path / "old"
    shutil.copytree(generation.root, root)
    meta_path = root / generation.name / GENERATION_META
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    del meta[index_format.FORMAT_KEY]  # as generations written before the format was recorded
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    checksums.write(meta_path.parent)  # an old generation vouched for its own files
    return root


def test_the_service_says_to_rebuild_a_generation_of_an_older_format(generation, tmp_path):
    from svc_corpus import TestClient

    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    root = _as_older_format(generation, tmp_path)
    with TestClient(create_app(Settings(index_root=root))) as client:
        r = client.get("/healthz")
        assert r.status_code == 503
        message = json.dumps(r.json())
        assert "index format 1" in message and "rebuild" in message
        assert client.get("/api/search?q=strike").status_code == 503


def test_update_rebuilds_a_generation_of_an_older_format(generation, tmp_path):
    root = _as_older_format(generation, tmp_path)
    report = update_corpus(PROJECT_CORPUS, root, progress=False)
    assert report.full_build and "older format" in report.note
    assert index_format.recorded(current(root).path) == index_format.INDEX_FORMAT
