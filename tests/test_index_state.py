"""Live switching between index generations without a restart or failed requests."""

from __future__ import annotations

import threading

from svc_corpus import TestClient, build, paragraphs

from indexer.build import write_paragraphs
from indexer.engine.generations import read_pointer
from searchsvc.app import create_app
from searchsvc.index_state import IndexState
from searchsvc.settings import Settings


def test_read_pointer_rejects_unsafe_names(tmp_path):
    (tmp_path / "CURRENT").write_text("../elsewhere")
    assert read_pointer(tmp_path) is None
    (tmp_path / "CURRENT").write_text("g-missing")
    assert read_pointer(tmp_path) is None


def test_switch_keeps_old_generation_open_for_in_flight_requests(tmp_path):
    gen1 = build(tmp_path)
    state = IndexState(tmp_path)
    assert state.refresh() and state.current.name == gen1.name
    with state.use() as old:
        gen2 = write_paragraphs(paragraphs()[:3], tmp_path)
        assert state.refresh() and state.current.name == gen2.name
        # the request that started on gen1 still works on it
        assert not old.closed
        assert old.searcher().doc_count() == len(paragraphs())
    assert old.closed  # closed once the last user is done
    assert state.current.doc_count == 3
    assert not state.refresh()  # nothing new
    state.close()


def test_broken_generation_keeps_the_old_one_serving(tmp_path):
    build(tmp_path)
    state = IndexState(tmp_path)
    state.refresh()
    (tmp_path / "g-broken").mkdir()
    (tmp_path / "CURRENT").write_text("g-broken")
    assert not state.refresh() and state.last_error
    assert state.current.doc_count == len(paragraphs())
    state.close()


def test_app_picks_up_a_new_generation_while_serving(tmp_path):
    build(tmp_path)
    app = create_app(Settings(index_root=tmp_path, reload_seconds=0.05))
    errors: list[str] = []
    with TestClient(app) as c:
        first = c.get("/healthz").json()["generation"]
        stop = threading.Event()

        def hammer():
            while not stop.is_set():
                r = c.get("/api/search", params={"q": "strike"})
                if r.status_code != 200:
                    errors.append(r.text)

        t = threading.Thread(target=hammer)
        t.start()
        write_paragraphs(paragraphs()[:2], tmp_path, meta={"n": 2})
        for _ in range(200):
            if c.get("/healthz").json()["generation"] != first:
                break
            threading.Event().wait(0.05)
        stop.set()
        t.join()
        health = c.get("/healthz").json()
        assert health["generation"] != first and health["paragraphs"] == 2
    assert errors == []
