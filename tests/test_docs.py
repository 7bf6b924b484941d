"""The README is part of the product: every setting the code reads must be documented there."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def settings_in_code() -> set[str]:
    found: set[str] = set()
    for package in ("indexer", "searchsvc", "bench"):
        for path in (REPO / package).rglob("*.py"):
            found.update(re.findall(r"\bARCHIVE_[A-Z][A-Z_]+[A-Z]\b", path.read_text(encoding="utf-8")))
    return found


def test_every_setting_is_in_the_readme_settings_table() -> None:
    table = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    missing = sorted(v for v in settings_in_code() if f"`{v}`" not in table)
    assert not missing, f"settings read by the code but not documented in README ## Settings: {missing}"


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    blocks = re.findall(r"```(?:sh|bash)?\n(.*?)```", README, flags=re.S)
    assert len(blocks) >= 2
    serve, test = blocks[0].strip(), blocks[1].strip()
    assert "searchsvc" in serve and "pip install" in serve
    assert "pytest" in test and "--all" in test.split(), "the README's test command runs everything"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci, "the README's test command must be what .ci/run runs"


def test_every_api_route_is_in_the_readme_api_summary() -> None:
    from searchsvc.openapi import openapi_document  # noqa: PLC0415
    from searchsvc.settings import Settings  # noqa: PLC0415

    spec = openapi_document(Settings())
    summary = README.split("## API", 1)[1].split("\n## ", 1)[0]
    missing = [p for p in spec["paths"] if p.split("{")[0].rstrip("/") not in summary]
    assert not missing, f"routes in /openapi.json but not in README ## API: {missing}"


def test_the_opensearch_mapping_covers_every_search_parameter_and_route() -> None:
    """docs/scaling.md maps our API onto OpenSearch; a parameter or route added to the
    API without a line there makes the mapping stale."""
    from searchsvc.openapi import openapi_document  # noqa: PLC0415
    from searchsvc.settings import Settings  # noqa: PLC0415

    spec = openapi_document(Settings())
    scaling = (REPO / "docs" / "scaling.md").read_text(encoding="utf-8")
    table = scaling.split("### Our API on OpenSearch", 1)[1].split("\nThe other engines", 1)[0]
    params = [p["name"] for p in spec["paths"]["/api/search"]["get"].get("parameters", [])]
    assert params, "no parameters found for /api/search in /openapi.json"
    missing = [p for p in params if not re.search(rf"`{re.escape(p)}[`=/ ]", table)
               and f"`{p}`" not in table]
    routes = [p for p in spec["paths"] if p.startswith("/api/") and "admin" not in p]
    missing += [r for r in routes if r.split("{")[0].rstrip("/") not in table]
    assert not missing, f"in /openapi.json but not mapped in docs/scaling.md: {missing}"
