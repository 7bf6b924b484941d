"""The admin API (background update tasks) and /metrics, through TestClient.

POST /api/admin/update starts ``python -m indexer update`` for the configured
corpus and index and answers 202 with a task; GET /api/admin/tasks/{id}
reports its state, exit code and the last lines of its output. Both need
``Authorization: Bearer <ARCHIVE_ADMIN_TOKEN>``; without a token configured
the admin API does not exist (404). Task state lives in files under the
index root, so any worker can report a task another worker started.

GET /metrics is Prometheus text: requests and latency by endpoint and
status, the served generation, paragraphs and documents, update tasks by
outcome and the time since the last successful update.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from svc_corpus import TestClient, assert_error_shape

from searchsvc.app import create_app
from searchsvc.settings import Settings

TOKEN = "t0ken-for-tests"
AUTH = {"authorization": f"Bearer {TOKEN}"}


def write_corpus(root: Path, extra: str = "") -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "first.md").write_text("---\ntitle: First\n---\n\nThe printers met in the hall "
                                   "and voted for the shorter day.\n", encoding="utf-8")
    if extra:
        (root / "second.md").write_text(f"---\ntitle: Second\n---\n\n{extra}\n",
                                        encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    from indexer.build import build_corpus

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus)
    build_corpus(corpus, index, progress=False, workers=1)
    return corpus, index


def app_for(corpus: Path, index: Path, token: str = TOKEN):
    return create_app(Settings(index_root=index, corpus=corpus, admin_token=token,
                               reload_seconds=60))


def wait_task(c, url: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = c.get(url, headers=AUTH).json()
        if body["task"]["state"] in ("succeeded", "failed"):
            return body["task"]
        time.sleep(0.2)
    raise AssertionError(f"task {url} did not finish in {timeout} s")


@pytest.mark.slow
def test_update_task_runs_and_reports(site):
    corpus, index = site
    with TestClient(app_for(corpus, index)) as c:
        assert c.get("/api/search", params={"q": "quillwort"}).json()["total"] == 0
        write_corpus(corpus, extra="The quillwort committee met in the spring of 1905.")
        r = c.post("/api/admin/update", headers=AUTH)
        assert r.status_code == 202, r.text
        body = r.json()
        assert body["ok"] is True and body["task"]["kind"] == "update"
        assert body["task"]["state"] in ("running", "succeeded")
        url = body["url"]
        assert url == f"/api/admin/tasks/{body['task']['id']}"
        task = wait_task(c, url)
        assert task["state"] == "succeeded" and task["exit_code"] == 0, task
        assert "added: 1" in task["output"]
        assert task["finished_at"] and task["seconds"] >= 0
        # The update is served (this worker refreshes when its task ends).
        deadline = time.monotonic() + 10
        while c.get("/api/search", params={"q": "quillwort"}).json()["total"] != 1:
            assert time.monotonic() < deadline, "the update never became searchable"
            time.sleep(0.2)


@pytest.mark.slow
def test_a_failing_update_is_reported_as_failed(site, tmp_path):
    _, index = site
    with TestClient(app_for(tmp_path / "no-such-corpus", index)) as c:
        r = c.post("/api/admin/update", headers=AUTH)
        assert r.status_code == 202
        task = wait_task(c, r.json()["url"])
        assert task["state"] == "failed" and task["exit_code"] != 0
        assert "no-such-corpus" in task["output"]
        assert c.get("/healthz").json()["ok"] is True  # still serving


@pytest.mark.slow
def test_one_update_at_a_time(site, monkeypatch):
    import sys

    from searchsvc import admin

    corpus, index = site
    # A task that takes a while, so the second request finds it running.
    monkeypatch.setattr(admin, "update_command",
                        lambda settings: [sys.executable, "-c", "import time; time.sleep(3)"])
    with TestClient(app_for(corpus, index)) as c:
        first = c.post("/api/admin/update", headers=AUTH)
        assert first.status_code == 202
        second = c.post("/api/admin/update", headers=AUTH)
        body = assert_error_shape(second, 409)
        assert first.json()["task"]["id"] in body["errors"][0]["message"]
        wait_task(c, first.json()["url"])


@pytest.mark.slow
def test_tasks_are_visible_from_another_worker(site):
    corpus, index = site
    with TestClient(app_for(corpus, index)) as a, TestClient(app_for(corpus, index)) as b:
        url = a.post("/api/admin/update", headers=AUTH).json()["url"]
        assert wait_task(b, url)["state"] == "succeeded"


@pytest.mark.parametrize("method, path", [("POST", "/api/admin/update"),
                                          ("GET", "/api/admin/tasks/0123456789abcdef")])
def test_admin_needs_the_token(site, method, path):
    corpus, index = site
    with TestClient(app_for(corpus, index)) as c:
        assert_error_shape(c.request(method, path), 401)
        assert_error_shape(c.request(method, path, headers={"authorization": "Bearer x"}), 401)
    with TestClient(app_for(corpus, index, token="")) as c:
        r = c.request(method, path, headers=AUTH)
        assert r.status_code in (403, 404)
        assert_error_shape(r, r.status_code)


@pytest.mark.parametrize("task_id", ["nope", "../CURRENT", "%2e%2e%2fCURRENT", "0" * 200,
                                     "0123456789abcdef"])
def test_unknown_or_malformed_task_ids(site, task_id):
    corpus, index = site
    with TestClient(app_for(corpus, index)) as c:
        r = c.get(f"/api/admin/tasks/{task_id}", headers=AUTH)
        assert r.status_code in (400, 404)
        served = (index / "CURRENT").read_text().strip()
        assert served not in r.text  # CURRENT's content never leaks


def test_admin_routes_refuse_other_methods(site):
    corpus, index = site
    with TestClient(app_for(corpus, index)) as c:
        assert c.get("/api/admin/update", headers=AUTH).status_code == 405
        assert c.delete("/api/admin/tasks/0123456789abcdef", headers=AUTH).status_code == 405


# -- /metrics -----------------------------------------------------------------------------------


def metric(text: str, name: str, **labels: str) -> float | None:
    """The sum of the samples of ``name`` with these labels in Prometheus text, or None."""
    total = None
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        m = re.match(r"([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)", line)
        if not m or m.group(1) != name:
            continue
        found = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(3) or ""))
        if all(found.get(k) == v for k, v in labels.items()):
            total = (total or 0.0) + float(m.group(4))
    return total


def test_metrics_count_requests_by_endpoint_and_status(site):
    corpus, index = site
    with TestClient(app_for(corpus, index)) as c:
        for _ in range(3):
            c.get("/api/search", params={"q": "printers"})
        c.get("/api/search", params={"size": "0"})
        c.get("/api/documents/first.md")
        c.get("/no/such/page/12345")
        r = c.get("/metrics")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
        text = r.text
    assert metric(text, "archive_requests_total", endpoint="/api/search", status="200") == 3
    assert metric(text, "archive_requests_total", endpoint="/api/search", status="400") == 1
    assert metric(text, "archive_requests_total", endpoint="/api/documents/{doc_id}",
                  status="200") == 1
    # Unknown paths share one label: a scanner cannot blow up the number of series.
    assert "12345" not in text
    assert metric(text, "archive_request_seconds_count", endpoint="/api/search") == 4
    assert metric(text, "archive_request_seconds_bucket", endpoint="/api/search", le="+Inf") == 4


@pytest.mark.slow
def test_metrics_describe_the_index_and_updates(site):
    corpus, index = site
    from indexer.engine.generations import current

    gen = current(index)
    with TestClient(app_for(corpus, index)) as c:
        text = c.get("/metrics").text
        assert metric(text, "archive_index_generation_info", generation=gen.name) == 1
        assert metric(text, "archive_index_paragraphs") == gen.meta["paragraphs"]
        assert metric(text, "archive_index_documents") == gen.meta["documents"]
        since = metric(text, "archive_seconds_since_last_update")
        assert since is not None and 0 <= since < 3600
        url = c.post("/api/admin/update", headers=AUTH).json()["url"]
        wait_task(c, url)
        text = c.get("/metrics").text
        assert metric(text, "archive_update_tasks_total", outcome="succeeded") == 1


def test_metrics_without_an_index(tmp_path):
    with TestClient(create_app(Settings(index_root=tmp_path))) as c:
        r = c.get("/metrics")
        assert r.status_code == 200
        assert metric(r.text, "archive_index_paragraphs") in (None, 0)


_DYING_WORKER = """
import sys, time
from pathlib import Path
from searchsvc.admin import Tasks
from searchsvc.settings import Settings
tasks = Tasks(Settings(index_root=Path(sys.argv[1])),
              command=lambda s: [sys.executable, "-c", "import time; time.sleep(float(sys.argv[2]))"])
print(tasks.start_update()["id"], flush=True)
time.sleep(60)
"""


@pytest.mark.slow
@pytest.mark.parametrize("update_outlives_worker", [False, True])
def test_a_task_whose_process_is_gone_is_reported_failed(site, update_outlives_worker):
    """The worker running an update is killed: the task must not stay "running" forever."""
    import os
    import signal
    import subprocess
    import sys

    from searchsvc.admin import Tasks

    corpus, index = site
    seconds = "2" if update_outlives_worker else "30"
    worker = subprocess.Popen([sys.executable, "-c", _DYING_WORKER.replace(
        "sys.argv[2]", seconds), str(index)], stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parents[1], start_new_session=True)
    task_id = worker.stdout.readline().strip()
    time.sleep(0.5)
    if update_outlives_worker:
        os.kill(worker.pid, signal.SIGKILL)
    else:  # the worker and its update both (a container stopped, say)
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()
    worker.stdout.close()
    tasks = Tasks(Settings(index_root=index, admin_token=TOKEN))
    if update_outlives_worker:  # the update itself still runs, and holds the lock
        assert tasks.get(task_id)["state"] == "running"
    deadline = time.monotonic() + 10
    while tasks.get(task_id)["state"] == "running":
        assert time.monotonic() < deadline, "the task stayed running after its process was gone"
        time.sleep(0.2)
    task = tasks.get(task_id)
    assert task["state"] == "failed" and "stopped" in task["error"]
    assert tasks.outcomes()["failed"] == 1
    with TestClient(app_for(corpus, index)) as c:  # and a new update may start
        assert c.post("/api/admin/update", headers=AUTH).status_code == 202
