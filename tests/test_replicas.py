"""Three replicas behind Debian's nginx, with the site configuration we ship, under load.

While clients search through nginx, a new generation is published to every
replica and one replica is killed (SIGKILL) and restarted: not one request may
fail, and every replica ends on the new generation. Then a publish whose copy
to one replica is damaged: that replica keeps its generation, the others
switch, the command exits 1 naming it, and still no request fails. And a
replica that runs but cannot serve (no index: 503, as its /healthz says) is
passed over by nginx's passive health checks.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from replica_roots import REPO, indexer, stale_damaged_copy, to

from bench.replicas import Load, Topology, nginx_program
from indexer.engine.generations import read_pointer

pytestmark = [
    pytest.mark.slow,
    pytest.mark.server,
    pytest.mark.skipif(nginx_program() is None,
                       reason="nginx is not installed (Debian: apt-get install nginx; .ci/run installs it)"),
    pytest.mark.skipif(shutil.which("rsync") is None,
                       reason="rsync is not installed (Debian: apt-get install rsync; .ci/run installs it)"),
]
QUERIES = ["union", "strike", "election", "war", "letter", "workers", "freedom", "congress", "1848",
           "\"the people\"", "president", "speech", "land", "peace", "trade"]
CONVERGE_SECONDS = 60


def build(corpus: Path, root: Path) -> str:
    indexer("build", "--corpus", str(corpus), "--index", str(root), "--quiet")
    return read_pointer(root)


def publish(root: Path, replicas: list[Path], check: bool = True,
            healthz: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return indexer("publish", "--index", str(root), *to(replicas),
                   *[arg for url in healthz for arg in ("--healthz", url)], check=check)


def wait_for(topology: Topology, want: list[str]) -> None:
    deadline = time.monotonic() + CONVERGE_SECONDS
    while (seen := topology.generations()) != want:
        if time.monotonic() > deadline:
            raise AssertionError(f"replicas serve {seen}, expected {want}\n{topology.logs()}")
        time.sleep(0.2)


@pytest.fixture()
def cluster(tmp_path: Path):
    """(corpus, build root, replica roots, topology) with the first generation served everywhere."""
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    root = tmp_path / "build"
    build(corpus, root)
    replicas = [tmp_path / f"replica-{i}" for i in range(3)]
    publish(root, replicas)
    # Replicas poll CURRENT every half second here (2 s by default): the test waits less.
    topology = Topology(replicas, tmp_path / "run", env={"ARCHIVE_RELOAD_SECONDS": "0.5"})
    try:
        topology.start()
        yield corpus, root, replicas, topology
    finally:
        topology.stop()


def add_document(corpus: Path, word: str) -> None:
    (corpus / "markdown" / f"late-{word}.md").write_text(
        f"---\ntitle: A late note on {word}\ndate: 1921-05-01\n---\n\n"
        f"The committee heard a report on {word} from the harbour delegates, and resolved to "
        "print it for every branch before the autumn conference.\n", encoding="utf-8")


def test_publish_and_a_killed_replica_under_load_lose_no_request(cluster):
    corpus, root, replicas, topology = cluster
    first = read_pointer(root)
    assert topology.generations() == [first] * 3
    add_document(corpus, "hydrography")
    with Load(topology.port, QUERIES + ["hydrography"], clients=4, limit_s=240) as load:
        time.sleep(1.0)
        second = build(corpus, root)
        urls = tuple(f"http://127.0.0.1:{r.port}/healthz" for r in topology.replicas)
        done = publish(root, replicas, healthz=urls)
        assert "to 3 of 3 replicas" in done.stdout
        assert all(f"{url}: serving {second}" in done.stdout for url in urls), done.stdout
        time.sleep(0.5)
        topology.kill(1)  # SIGKILL, mid-load
        time.sleep(1.0)
        topology.restart(1)
        wait_for(topology, [second] * 3)
        time.sleep(1.0)
    assert load.ok > 50, f"too little load to mean anything: {load.requests} requests"
    # nginx repeats a request on the next replica only until it has passed any of the answer
    # on: a reply the killed replica was sending at that instant is cut, one per client at
    # most (it happened once in 15,498 requests). Every other request must succeed.
    cut = [f for f in load.failures if f.endswith("closed the connection mid-reply")]
    assert len(cut) <= 4 and len(load.failures) == len(cut), (
        f"{len(load.failures)} of {load.requests} requests failed: {load.failures[:5]}\n{topology.logs()}")
    assert load.order[0] == first and load.order[-1] == second, load.generations
    assert [read_pointer(r) for r in replicas] == [second] * 3


def test_a_damaged_copy_leaves_one_replica_behind_and_named(cluster):
    corpus, root, replicas, topology = cluster
    first = read_pointer(root)
    add_document(corpus, "orography")
    second = build(corpus, root)
    # An interrupted earlier copy to replica 2, rotten since: rsync's quick check takes it for good.
    rotten = stale_damaged_copy(root, replicas[2], second)
    with Load(topology.port, QUERIES, clients=4, limit_s=240) as load:
        time.sleep(0.5)
        done = publish(root, replicas, check=False)
        wait_for(topology, [second, second, first])
        time.sleep(1.0)
    assert done.returncode == 1
    error = done.stderr.split("keep serving their generation:")[-1]
    assert str(replicas[2]) in error and rotten in error
    assert str(replicas[0]) not in error and str(replicas[1]) not in error
    assert not load.failures, (f"{len(load.failures)} of {load.requests} requests failed: "
                               f"{load.failures[:5]}\n{topology.logs()}")
    assert [read_pointer(r) for r in replicas] == [second, second, first]


def test_a_replica_without_an_index_is_passed_over(cluster):
    _, root, replicas, topology = cluster
    topology.kill(2)
    (replicas[2] / "CURRENT").unlink()  # as if its disk had been replaced: no generation to serve
    topology.restart(2, healthy=False)
    status, body = topology.replicas[2].health()
    assert status == 503 and body["state"] == "degraded", body
    with Load(topology.port, QUERIES, clients=4, limit_s=120) as load:
        time.sleep(7.0)  # past nginx's fail_timeout (5 s), when it tries the replica again
    assert load.ok > 20, f"too little load to mean anything: {load.requests} requests"
    assert not load.failures, (f"{len(load.failures)} of {load.requests} requests failed: "
                               f"{load.failures[:5]}\n{topology.logs()}")
    # Publishing again brings it back.
    publish(root, replicas)
    wait_for(topology, [read_pointer(root)] * 3)
