"""Smoke tests for the benchmark: the generator is reproducible and shaped like an archive,
and the FTS5 baseline answers the same requests with the same counts as the Whoosh service."""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path

import pytest

# bench/ is not an installed package (pyproject lists indexer and searchsvc only).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import corpus_gen, fts5  # noqa: E402
from bench.corpus_gen import generate, train_texts  # noqa: E402

# Our own text (never the shared corpus): names and years in varied contexts.
OWN_TEXT = [
    "In 1911 the dock strike spread along the river, and Mira Halden spoke at the gates.",
    "The committee met again in 1912; Josef Brandt read the report on wages and hours.",
    "Later that winter Mira Halden wrote to the union about the strike fund and the archive.",
    "Workers from the mills joined the march, and Josef Brandt counted them at the bridge.",
    "The archive keeps the minutes of 1913, when the strike ended with a settlement.",
    "Letters from Anna Velt describe the meetings, the songs and the long nights of 1911.",
    "Anna Velt and Mira Halden argued about the strike, but both signed the appeal in 1914.",
    "The newspaper printed the appeal, and the workers read it aloud in every hall.",
]
NAMES = {"Mira Halden": 3, "Josef Brandt": 2, "Anna Velt": 2}


@pytest.fixture(scope="module")
def model() -> corpus_gen.MarkovModel:
    return train_texts(OWN_TEXT * 3, NAMES)


def test_same_seed_same_corpus_and_prefix(model) -> None:
    a = list(generate(model, 500, seed=3))
    assert a == list(generate(model, 500, seed=3))
    assert a[:200] == list(generate(model, 200, seed=3))  # 100k is a prefix of 1M
    assert [p.text for p in a] != [p.text for p in generate(model, 500, seed=4)]


def test_shape_at_500(model) -> None:
    pars = list(generate(model, 500, seed=1))
    assert len(pars) == 500 and len({p.id for p in pars}) == 500
    sizes = Counter(p.doc_id for p in pars)
    full = list(sizes.values())[:-1]  # the last document is cut short by N
    assert all(corpus_gen.DOC_SIZE // 2 <= s <= corpus_gen.DOC_SIZE * 3 // 2 for s in full)
    for doc, group in itertools.groupby(pars, key=lambda p: p.doc_id):
        group = list(group)
        assert [p.position for p in group] == list(range(len(group)))
        assert len({p.title for p in group}) == 1
    for p in pars:
        assert p.text.strip() and "\x00" not in p.text
        assert all(str(y) in p.text for y in p.years)
        assert all(r.name in p.text and r.id.startswith("x-") for r in p.persons)
    assert sum(bool(p.years) for p in pars) > 50
    assert sum(bool(p.persons) for p in pars) > 50


def test_json_round_trip(model) -> None:
    for p in generate(model, 20, seed=2):
        assert corpus_gen.from_json(corpus_gen.to_json(p)) == p


@pytest.mark.parametrize(
    "q, match",
    [
        ("strike", '"strike"'),
        ('dock "the strike fund"', '"dock" AND "the strike fund"'),
        ("Cárdenas's", '"Cárdenas s"'),
        ("-- ,", ""),
    ],
)
def test_to_match(q, match) -> None:
    assert fts5.to_match(q) == match


@pytest.mark.slow
def test_fts5_counts_agree_with_the_service(model, tmp_path: Path) -> None:
    from indexer.build import write_paragraphs
    from searchsvc.index_state import IndexState
    from searchsvc.search import parse_request, search
    from searchsvc.settings import Settings

    pars = list(generate(model, 500, seed=5))
    persons = {r.id: {"name": r.name, "sort": r.name, "aliases": []} for p in pars for r in p.persons}
    write_paragraphs(pars, tmp_path / "index", persons=persons)
    fts5.build(pars, tmp_path / "fts.sqlite")
    state = IndexState(tmp_path / "index", cache_size=0)
    state.refresh()
    gen, settings = state.current, Settings.from_env({})
    db = fts5.Fts5Search(tmp_path / "fts.sqlite")
    pid = Counter(r.id for p in pars for r in p.persons).most_common(1)[0][0]
    cases = [
        ("strike", None, None, None),
        ("archive", None, None, None),
        ("strike workers", None, None, None),
        ('"the strike"', None, None, None),
        ("the", pid, None, None),
        ("the", None, 1911, 1912),
    ]
    for q, person, lo, hi in cases:
        # FTS5 counts paragraphs holding every word: the service's paragraph listing.
        params = [("q", q), ("group", "paragraph"), ("match", "all")]
        params += [("person", person)] if person else []
        params += [("year_from", str(lo)), ("year_to", str(hi))] if lo else []
        ours = search(gen, parse_request(params, settings, gen.persons), settings)
        theirs = db.search(q, person, lo, hi)
        assert ours["total"] == theirs["total"] > 0, (q, person, lo)
        if not lo:  # a year range is the year facet's own filter: multi-select ignores it
            years = {int(v["value"]): v["count"] for v in ours["facets"]["year"] if v["count"]}
            assert years == theirs["facets"]["year"]
    db.close()
    state.close()


@pytest.mark.parametrize("name", ["bench.corpus_gen", "bench.fts5", "bench.loadgen", "bench.queries", "bench.run"])
def test_docstring_examples_run(name: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0


def test_load_generator_reads_whole_replies_on_one_connection() -> None:
    # Replies by length and by chunks, an error status and an empty body, all on
    # one keep-alive connection: each body must come back whole and in order.
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from bench.loadgen import Connection

    connections = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            connections.append(self.client_address)
            body = (self.path * 5000).encode()
            if self.path.startswith("/chunked"):
                self.send_response(200)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for part in (body[:7], body[7:]):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                self.wfile.write(b"0\r\n\r\n")
                return
            self.send_response(404 if self.path.startswith("/missing") else 200)
            if self.path.startswith("/empty"):
                body = b""
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with Connection("127.0.0.1", server.server_address[1], timeout=10) as c:
            assert c.get("/a", [("q", "x y")]) == (200, b"/a?q=x+y" * 5000)
            assert c.get("/chunked") == (200, b"/chunked" * 5000)
            assert c.get("/missing") == (404, b"/missing" * 5000)
            assert c.get("/empty") == (200, b"")
            assert c.get("/b") == (200, b"/b" * 5000)
        assert len(connections) == 5 and len(set(connections)) == 1  # kept alive
    finally:
        server.shutdown()
        server.server_close()
