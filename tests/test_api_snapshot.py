"""Fifty fixed requests against the sample corpus: responses must not change.

A guard for refactoring: the sample archive (``corpus/``) is built by the real
command, and fifty requests (JSON API, HTML pages, errors) are answered by the
app in process. Each response's status, content type and body, with the parts
that differ between builds (generation ids, build times) replaced, must equal
the recorded one in ``tests/snapshots/api_requests.json``.

When a change of behaviour is intended, record again and review the diff::

    ARCHIVE_RECORD_SNAPSHOT=1 python -m pytest tests/test_api_snapshot.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO / "tests" / "snapshots" / "api_requests.json"

REQUESTS = [
    # Search, JSON: default grouping and match, every mode and filter.
    "/api/search?q=strike",
    "/api/search?q=strike&group=paragraph",
    "/api/search?q=strike+miners+pit+autumn",
    "/api/search?q=strike+miners+pit+autumn&match=all",
    "/api/search?q=strike+miners+pit+autumn&match=any",
    "/api/search?q=%22votes+for+women%22",
    "/api/search?q=%22votes+for+women%22&group=paragraph",
    "/api/search?q=re-elected",
    "/api/search?q=reelected&group=paragraph",
    "/api/search?q=Walesa",
    "/api/search?q=Wa%C5%82%C4%99sa&group=paragraph",
    "/api/search?q=revolution&sort=date_asc",
    "/api/search?q=revolution&sort=date_desc&group=paragraph&size=5&page=2",
    "/api/search?q=revolution&person=trotsky-leon",
    "/api/search?q=&person=Leon+Trotsky&group=paragraph",
    "/api/search?q=union&year=1913",
    "/api/search?q=union&decade=1930&group=paragraph",
    "/api/search?q=union&year_from=1900&year_to=1920",
    "/api/search?q=union&published_from=1940&published_to=1990",
    "/api/search?q=union&published=1947",
    "/api/search?q=deported+OR+exiled&group=paragraph",
    "/api/search?q=title:strike",
    "/api/search?q=lockot",
    "/api/search?q=Roosevelt+New+Deal+1936",
    "/api/search?q=Coyoac%C3%A1n&group=paragraph&size=3",
    "/api/search?q=prison+hunger+strike+suffragette",
    "/api/search?q=zzzyzx+qwertyuiop",
    # Errors, JSON.
    "/api/search?q=strike&page=0",
    "/api/search?q=strike&sort=sideways",
    "/api/search?q=strike&person=Nobody+Atall",
    "/api/search?q=strike&decade=1935",
    "/api/search?q=strike&colour=red",
    "/api/search?q=strike&size=100000",
    "/api/documents/letters/miners-strike-1984.txt",
    "/api/documents/no/such/document.txt",
    # Facets and suggestions.
    "/api/facets/person?q=strike",
    "/api/facets/person?prefix=le",
    "/api/facets/person?prefix=car&limit=3",
    "/api/suggest?prefix=rev",
    "/api/suggest?prefix=tro&limit=3",
    "/api/suggest?prefix=",
    "/healthz",
    "/openapi.json",
    # Pages, HTML.
    "/",
    "/?q=strike",
    "/?q=strike+miners+pit+autumn&match=all",
    "/?q=revolution&person=trotsky-leon&group=paragraph",
    "/?q=strike&page=0",
    "/doc/letters/miners-strike-1984.txt?q=strike",
    "/doc/no/such/document.txt",
]

_GENERATION = re.compile(r"g-\d{8}-\d{6}-[0-9a-f]+")
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?")
_VOLATILE_KEYS = {"took_ms", "elapsed_ms", "built_at", "updated_at"}


def _normalise(value):
    if isinstance(value, dict):
        return {k: ("<volatile>" if k in _VOLATILE_KEYS and v is not None else _normalise(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, str):
        return _TIMESTAMP.sub("<time>", _GENERATION.sub("<generation>", value))
    return value


def _answer(client, url: str) -> dict:
    r = client.get(url)
    kind = r.headers.get("content-type", "").split(";")[0]
    body = _normalise(r.json()) if kind == "application/json" else _normalise(r.text)
    return {"request": url, "status": r.status_code, "content_type": kind, "body": body}


# Not marked slow, though building the sample archive takes a couple of seconds: the
# quick loop (python -m pytest) is where a change to the answers must show first.
@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> list[dict]:
    from svc_corpus import TestClient  # imported there without the deprecation warning

    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    root = tmp_path_factory.mktemp("sample-index")
    subprocess.run([sys.executable, "-m", "indexer", "build", "--corpus", str(REPO / "corpus"),
                    "--index", str(root), "--quiet"], cwd=REPO, check=True,
                   env={**os.environ, "PYTHONHASHSEED": "0"})
    with TestClient(create_app(Settings(index_root=root))) as client:
        return [_answer(client, url) for url in REQUESTS]


def test_fifty_requests_answer_as_recorded(answers):
    assert len(REQUESTS) == 50 and len(set(REQUESTS)) == 50
    if os.environ.get("ARCHIVE_RECORD_SNAPSHOT"):
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(answers, ensure_ascii=False, indent=1) + "\n")
    recorded = json.loads(SNAPSHOT.read_text())
    assert [a["request"] for a in recorded] == REQUESTS, "the request list changed: record again"
    changed = [a["request"] for a, b in zip(answers, recorded, strict=True) if a != b]
    assert not changed, f"{len(changed)} responses differ from the recording: {changed}"


def test_the_recording_covers_success_errors_and_pages(answers):
    statuses = {a["status"] for a in answers}
    kinds = {a["content_type"] for a in answers}
    assert {200, 400, 404} <= statuses
    assert {"application/json", "text/html"} <= kinds
    # A search that finds something: a guard against recording an empty index.
    assert answers[0]["body"]["total"] > 0
