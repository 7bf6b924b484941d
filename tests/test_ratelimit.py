"""The rate limit is one budget per client for the whole service, not per worker (issue 21, item 7)."""

from __future__ import annotations

import multiprocessing

import httpx
import pytest
from conftest import running_server
from svc_corpus import TestClient, build

from searchsvc.app import create_app
from searchsvc.settings import Settings


def test_two_workers_share_one_budget(tmp_path):
    """Two apps on one index root stand for two workers: 3 a minute in all, not 3 each."""
    build(tmp_path)
    settings = Settings(index_root=tmp_path, reload_seconds=60, rate_limit=3)
    with TestClient(create_app(settings)) as a, TestClient(create_app(settings)) as b:
        codes = [(a if n % 2 else b).get("/api/search", params={"q": "asylum"}).status_code
                 for n in range(6)]
        assert codes == [200, 200, 200, 429, 429, 429]


def _hits(path, client, n, out):
    from searchsvc.ratelimit import SharedCounter

    counter = SharedCounter(path)
    out.put([counter.hit(client, minute=7) for _ in range(n)])


def test_counts_from_processes_at_once_add_up(tmp_path):
    """Four processes counting one client at the same time: no count is lost."""
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    procs = [ctx.Process(target=_hits, args=(tmp_path / ".ratelimit", "192.0.2.7", 500, out))
             for _ in range(4)]
    for p in procs:
        p.start()
    counts = sorted(c for _ in procs for c in out.get(timeout=60))
    for p in procs:
        p.join()
    assert counts == list(range(1, 2001))


def test_many_clients_never_go_uncounted(tmp_path):
    """More clients than slots: some share a budget, none escapes the limit."""
    from searchsvc.ratelimit import PROBES, SLOTS, SharedCounter

    counter = SharedCounter(tmp_path / ".ratelimit")
    firsts = [counter.hit(f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}", minute=3)
              for n in range(SLOTS + 500)]
    assert firsts[:SLOTS // 2].count(1) > SLOTS // 2 - PROBES  # separate budgets while room
    again = [counter.hit(f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}", minute=3)
             for n in range(SLOTS + 500)]
    assert min(again) >= 2  # each client's second request counts at least 2


@pytest.mark.server
def test_a_real_service_with_two_workers_allows_the_limit_once(tmp_path):
    build(tmp_path)
    with running_server(tmp_path, env={"ARCHIVE_RATE_LIMIT": "5"}, workers=2, ready=(200,)) as base:
        codes = []
        for _ in range(10):  # a new connection each: the supervisor deals them in turn
            codes.append(httpx.get(f"{base}/api/search", params={"q": "asylum"},
                                   timeout=5).status_code)
        assert codes.count(200) == 5 and codes.count(429) == 5
