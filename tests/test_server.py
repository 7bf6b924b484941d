"""End to end: a real uvicorn process on a free loopback port, queried with httpx."""

from __future__ import annotations

import httpx
import pytest
from conftest import running_server
from svc_corpus import build, paragraphs

pytestmark = pytest.mark.server


def test_real_server_serves_search_health_and_pages(tmp_path):
    build(tmp_path)
    with running_server(tmp_path) as base:
        health = httpx.get(f"{base}/healthz", timeout=5).json()
        assert health["ok"] and health["paragraphs"] == len(paragraphs())
        body = httpx.get(f"{base}/api/search", params={"q": "asylum"}, timeout=5).json()
        assert body["total"] == 3 and "<mark>" in body["hits"][0]["snippet"]
        page = httpx.get(f"{base}/", params={"q": "asylum"}, timeout=5)
        assert page.status_code == 200 and page.headers["x-frame-options"] == "DENY"
        bad = httpx.get(f"{base}/api/search", params={"size": "0"}, timeout=5)
        assert bad.status_code == 400 and bad.json()["ok"] is False


def test_real_server_without_index_reports_503_then_loads_one(tmp_path):
    with running_server(tmp_path) as base:
        assert httpx.get(f"{base}/healthz", timeout=5).status_code == 503
        build(tmp_path)
        for _ in range(100):
            r = httpx.get(f"{base}/healthz", timeout=5)
            if r.status_code == 200:
                break
            import time
            time.sleep(0.1)
        assert r.status_code == 200 and r.json()["documents"] == 5


def test_bad_setting_exits_2_with_a_message(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import REPO

    env = {**os.environ, "ARCHIVE_MAX_PAGE_SIZE": "zero"}
    proc = subprocess.run([sys.executable, "-m", "searchsvc", "--index", str(tmp_path)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Error: ARCHIVE_MAX_PAGE_SIZE")
