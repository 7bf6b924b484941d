"""Property-based fuzzing of every endpoint described by /openapi.json (schemathesis).

Schemathesis reads the service's own OpenAPI document and generates requests
for every operation: valid ones (positive mode) and ones that break the
documented parameter schemas (negative mode). Each response must

* never be a 5xx,
* have a status code the document lists for that operation,
* have the documented content type,
* validate against the documented response schema,
* and, for negative requests, be a 4xx (bad input is rejected, not served).

The number of requests is counted; the suite insists on at least
``ARCHIVE_FUZZ_REQUESTS`` (default 2,000) so a silently shrinking run fails.
Hypothesis is derandomised, so CI runs are reproducible.
"""

from __future__ import annotations

import os
import warnings
from collections import Counter

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from svc_corpus import build

# Thousands of requests, and the last test counts what the others sent: all or none.
# Schemathesis is imported where it is used: it is slow to import, and a plain run of
# the suite, which leaves these tests out, would pay for it.
pytestmark = pytest.mark.slow

REQUESTS = int(os.environ.get("ARCHIVE_FUZZ_REQUESTS", "2000"))
# Split between modes: most requests are valid (they reach the search code);
# a quarter break the parameter schemas (they exercise validation).
POSITIVE = int(REQUESTS * 0.78)
NEGATIVE = int(REQUESTS * 0.25)

COUNTS: Counter[str] = Counter()
STATUSES: Counter[int] = Counter()
# (operation, failure title, status) -> one reproducing curl command. Failures are
# collected rather than raised on the first, so one run reports every kind.
FAILURES: dict[tuple[str, str, int], str] = {}

FUZZ = dict(
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=list(HealthCheck),
)


def response_checks(negative: bool = False) -> list:
    """What every response must pass; a request that breaks the schema must also be refused."""
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        negative_data_rejection,
        response_schema_conformance,
        status_code_conformance,
    )

    every = [not_a_server_error, status_code_conformance, content_type_conformance,
             response_schema_conformance]
    return [*every, negative_data_rejection] if negative else every


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    schemathesis = pytest.importorskip("schemathesis")

    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    root = tmp_path_factory.mktemp("fuzz-index")
    build(root)
    # A token is set so the admin operation is live and must answer 401 without it.
    app = create_app(Settings(index_root=root, reload_seconds=60, admin_token="fuzz-token"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = schemathesis.openapi.from_asgi("/openapi.json", app)
    yield loaded
    from schemathesis.python import asgi

    asgi.shutdown_lifespans()


def _run(schema, mode, examples: int, checks) -> dict:
    from schemathesis.core.failures import FailureGroup

    strategy = schema.as_strategy(generation_mode=mode)
    found: dict[tuple[str, str, int], str] = {}

    @settings(max_examples=examples, **FUZZ)
    @given(case=strategy)
    def fuzz(case) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # requests/urllib3 deprecations in schemathesis
            response = case.call()
            try:
                case.validate_response(response, checks=checks)
            except FailureGroup as group:
                for failure in group.exceptions:
                    if (failure.title == "Schema-violating request accepted"
                            and _sent_query_is_valid(case, response)):
                        continue  # see _sent_query_is_valid
                    key = (case.operation.label, failure.title, response.status_code)
                    found.setdefault(key, case.as_curl_command())
        COUNTS[f"{mode.value} {case.operation.label}"] += 1
        STATUSES[response.status_code] += 1

    fuzz()
    FAILURES.update(found)
    return found


def _valid(schema: dict, text: str) -> bool:
    """Does a query-string value satisfy a parameter schema (as text or as a number)?"""
    import jsonschema_rs

    validator = jsonschema_rs.validator_for(schema)
    candidates: list[object] = [text]
    try:
        candidates.append(int(text))
    except ValueError:
        pass
    return any(validator.is_valid(c) for c in candidates)


def _sent_query_is_valid(case, response) -> bool:
    """True when the query actually sent is valid for the documented parameters.

    Negative mode may replace an array parameter (``year``) by a scalar such as
    0; serialized, ``?year=0`` is a valid one-element array, so the service is
    right to accept it. Schemathesis allows for this with scalar parameters but
    not with array ones, so such reports are checked here against the wire.
    """
    from urllib.parse import parse_qsl, urlsplit

    from schemathesis.core import NotSet

    if case.path_parameters or not isinstance(case.body, NotSet):
        return False
    params = {p["name"]: p for p in case.operation.definition.raw.get("parameters", [])
              if p.get("in") == "query"}
    sent = parse_qsl(urlsplit(str(response.request.url)).query, keep_blank_values=True)
    for name, value in sent:
        param = params.get(name)
        if param is None:
            return False
        schema = param["schema"]
        item = schema.get("items", schema) if schema.get("type") == "array" else schema
        if not _valid(item, value):
            return False
    singles = [n for n, _ in sent if params[n]["schema"].get("type") != "array"]
    return len(singles) == len(set(singles))


def _report(found: dict) -> str:
    return "\n".join(f"{op}: {title} (HTTP {status})\n    {curl}"
                     for (op, title, status), curl in sorted(found.items()))


def test_valid_requests_never_fail_and_match_the_schema(schema):
    from schemathesis import GenerationMode

    found = _run(schema, GenerationMode.POSITIVE, POSITIVE, response_checks())
    labels = {op.ok().label for op in schema.get_all_operations()}
    seen = {k.split(" ", 1)[1] for k in COUNTS if k.startswith("positive")}
    assert seen == labels, f"operations never exercised: {labels - seen}"
    assert not found, _report(found)


def test_invalid_requests_are_rejected_with_documented_errors(schema):
    from schemathesis import GenerationMode

    found = _run(schema, GenerationMode.NEGATIVE, NEGATIVE, response_checks(negative=True))
    assert not found, _report(found)


def test_enough_requests_were_generated(schema):
    """Runs last in this module: the two fuzz runs together sent at least REQUESTS requests."""
    total = sum(COUNTS.values())
    if total == 0:
        pytest.skip("the fuzz tests did not run (deselected)")
    assert STATUSES and not any(s >= 500 for s in STATUSES)
    assert total >= REQUESTS, f"only {total} requests: {dict(COUNTS)}"
    print(f"\nfuzz: {total} requests; statuses {dict(sorted(STATUSES.items()))}")
