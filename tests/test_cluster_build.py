"""A build on a Dask cluster gives the index a local build gives (indexer/cluster.py).

The cluster is real: a scheduler and two workers of one thread each, every one
its own process on loopback, as `dask scheduler` and `dask worker` start them
(bench/cluster_build.py's ``running_cluster``).
The cluster builds run the command line (``python -m indexer build --scheduler``)
and are compared with local builds of the same corpus: every term's postings and
statistics, every paragraph's stored fields and lengths, the index's totals, and
the files beside the index (tests/whoosh_view.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench.cluster_build import Cluster, running_cluster
from conftest import LEGACY_SITE, REPO, free_port
from whoosh_view import differences, generation_contents

from indexer.boilerplate import Furniture
from indexer.build import PROJECT_CORPUS, build_corpus
from indexer.engine.generations import current
from indexer.models import Document
from indexer.readers import read_corpus

FOOTER = "Back to the top of this page"  # on every generated page: furniture the build must drop


def _documents(corpus: Path) -> list[Document]:
    return [d for d in read_corpus(corpus) if isinstance(d, Document)]


def test_furniture_counted_in_parts_is_the_furniture_learnt_at_once():
    site, sample = _documents(LEGACY_SITE), _documents(PROJECT_CORPUS)
    assert Furniture.learn(site).fingerprints  # the legacy site has furniture to find
    for docs in (site, sample, site + sample):
        whole = Furniture.learn(docs)
        for n in (2, 3, 5):
            assert Furniture.combine(Furniture.count(docs[k::n]) for k in range(n)) == whole
        # Parts of any size, an empty one too, in any order.
        parts = [docs[:1], [], docs[1:7], docs[7:]]
        assert Furniture.combine(Furniture.count(p) for p in reversed(parts)) == whole


def test_without_dask_a_scheduler_asks_for_the_cluster_extra(tmp_path, monkeypatch, capsys):
    from indexer.cli import main

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    root = tmp_path / "index"
    assert main(["build", "--corpus", str(PROJECT_CORPUS), "--index", str(root), "--quiet",
                 "--scheduler", "tcp://127.0.0.1:8786"]) == 1
    assert capsys.readouterr().err == ("Error: --scheduler needs Dask: install the cluster extra: "
                                       "pip install -e '.[cluster]'\n")
    assert current(root) is None


@pytest.mark.slow
def test_the_service_and_a_local_build_do_not_load_dask(tmp_path):
    code = ("import sys; import searchsvc.app, searchsvc.__main__; from indexer.cli import main; "
            f"main(['build', '--corpus', {str(LEGACY_SITE)!r}, '--index', {str(tmp_path)!r}, "
            "'--quiet', '--workers', '2']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
    assert current(tmp_path) is not None


# -- a cluster on loopback (bench/cluster_build.py starts it) ---------------------------------

@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    pytest.importorskip("distributed", reason="the cluster extra is not installed")
    with running_cluster(tmp_path_factory.mktemp("cluster")) as c:
        yield c


@pytest.fixture(scope="module")
def generated_corpus(tmp_path_factory) -> Path:
    """3,000 paragraphs of Markov text learnt from the sample archive, in 12-paragraph pages
    that all end with the same footer."""
    from bench.corpus_gen import generate, train, write_files

    folder = tmp_path_factory.mktemp("generated") / "corpus"
    model = train(PROJECT_CORPUS)
    write_files(generate(model, 3000, seed=7, doc_size=12), folder, footer=FOOTER)
    return folder


def build_on(cluster: Cluster, corpus: Path, root: Path, *options: str,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "indexer", "build", "--corpus", str(corpus), "--index", str(root),
         "--scheduler", cluster.address, "--quiet", *options],
        cwd=REPO, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=300)


def summary_counts(summary: str) -> list[str]:
    """The lines of a build summary that count what was built (not how fast, not where)."""
    return [line for line in summary.splitlines()
            if line.strip().startswith(("documents:", "persons:", "years:", "review flags:",
                                        "formats:", "with ", "dates from:"))]


@pytest.mark.slow
@pytest.mark.parametrize("which, options", [("sample", ("--workers", "2")), ("generated", ())])
def test_a_cluster_build_is_the_local_build(cluster, generated_corpus, tmp_path, which, options):
    corpus = PROJECT_CORPUS if which == "sample" else generated_corpus
    local = build_corpus(corpus, tmp_path / "local", progress=False)
    done = build_on(cluster, corpus, tmp_path / "cluster", *options)
    assert done.returncode == 0, f"{done.stderr}{cluster.output()}"
    built = current(tmp_path / "cluster")
    assert built.meta["segments"] == 2  # two shards, one per worker
    a = generation_contents(current(tmp_path / "local").path)
    b = generation_contents(built.path)
    diff = differences(a, b, limit=12)
    assert not diff, "the cluster build differs from the local build:\n" + "\n".join(diff)
    assert summary_counts(done.stdout) == summary_counts(local.summary())
    # What was compared is not empty.
    assert len(a["stored"]) == local.paragraphs > 200
    assert len(a["postings"]) > 5000
    assert a["files"]["discovery.json"]["state"]["words"]
    assert sum(len(p["aliases"]) for p in a["files"]["persons.json"].values()) > 10
    if which == "generated":
        assert local.paragraphs > 2500 and local.skipped  # some pages are all too short
        assert a["files"]["furniture.json"]["fingerprints"] == ["back to the top of this page"]
        assert not any(FOOTER in fields["text"] for fields in a["stored"].values())


def _served(root: Path) -> tuple[str | None, list[str]]:
    gen = current(root)
    return (gen.name if gen else None), sorted(p.name for p in root.iterdir())


@pytest.mark.slow
def test_an_unreachable_scheduler_fails_quickly_and_switches_nothing(sample_build, tmp_path):
    root = tmp_path / "index"
    shutil.copytree(sample_build()[0], root)
    before = _served(root)
    nobody = Cluster(f"tcp://127.0.0.1:{free_port()}", [])
    started = time.monotonic()
    done = build_on(nobody, PROJECT_CORPUS, root, env={"ARCHIVE_SCHEDULER_TIMEOUT": "2"})
    assert done.returncode == 1, done.stderr
    assert time.monotonic() - started < 30
    assert done.stderr.startswith(f"Error: cannot reach the Dask scheduler at {nobody.address} "
                                  f"within 2 s"), done.stderr
    assert "Traceback" not in done.stderr
    assert _served(root) == before


@pytest.mark.slow
def test_a_worker_with_other_settings_is_refused_before_anything_is_built(sample_build, tmp_path):
    pytest.importorskip("distributed", reason="the cluster extra is not installed")
    root = tmp_path / "index"
    shutil.copytree(sample_build()[0], root)
    before = _served(root)
    with running_cluster(tmp_path, workers=1, env={"ARCHIVE_MAX_PARAGRAPH_CHARS": "1000"}) as odd:
        done = build_on(odd, PROJECT_CORPUS, root)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("Error: the cluster cannot build this corpus: "), done.stderr
    assert "ARCHIVE_MAX_PARAGRAPH_CHARS=1000 (here 4000)" in done.stderr
    assert _served(root) == before
