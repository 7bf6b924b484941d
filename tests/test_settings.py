"""Settings.from_env: defaults, casts, bounds, and every setting documented."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from searchsvc.settings import ENVIRONMENT, Settings, SettingsError


def test_safe_defaults():
    s = Settings.from_env({})
    assert s.index_root == Path("index") and s.host == "127.0.0.1" and s.port == 8000
    assert s.max_page_size == 100 and s.max_depth == 1000 and s.reload_seconds == 2.0
    assert s.cors_origins == () and s.rate_limit == 0 and s.admin_token == ""
    assert s.access_log_json is False


@pytest.mark.parametrize("env, attr, value", [
    ({"ARCHIVE_INDEX": "/srv/ix"}, "index_root", Path("/srv/ix")),
    ({"ARCHIVE_PORT": "9001"}, "port", 9001),
    ({"ARCHIVE_WORKERS": "3"}, "workers", 3),
    ({"ARCHIVE_RELOAD_SECONDS": "0.5"}, "reload_seconds", 0.5),
    ({"ARCHIVE_MAX_PAGE_SIZE": "50"}, "max_page_size", 50),
    ({"ARCHIVE_CORS_ORIGINS": "https://a.org, https://b.org"}, "cors_origins",
     ("https://a.org", "https://b.org")),
    ({"ARCHIVE_ACCESS_LOG_JSON": "yes"}, "access_log_json", True),
    ({"ARCHIVE_RATE_LIMIT": "120"}, "rate_limit", 120),
    ({"ARCHIVE_ADMIN_TOKEN": "t"}, "admin_token", "t"),
])
def test_environment_overrides(env, attr, value):
    assert getattr(Settings.from_env(env), attr) == value


@pytest.mark.parametrize("env", [
    {"ARCHIVE_PORT": "eighty"},
    {"ARCHIVE_MAX_PAGE_SIZE": "0"},
    {"ARCHIVE_ACCESS_LOG_JSON": "maybe"},
    {"ARCHIVE_PAGE_SIZE": "200"},  # more than the maximum page size
    {"ARCHIVE_RELOAD_SECONDS": "-1"},
])
def test_bad_values_name_the_variable(env):
    with pytest.raises(SettingsError, match=next(iter(env))):
        Settings.from_env(env)


def test_settings_are_frozen():
    with pytest.raises(AttributeError):
        Settings().port = 1  # type: ignore[misc]


def test_every_setting_has_an_environment_variable():
    assert set(ENVIRONMENT) == {f.name for f in fields(Settings)}


def test_every_variable_is_documented():
    readme = Path(__file__).resolve().parents[1] / "docs" / "service.md"
    if not readme.exists():
        pytest.skip("docs/service.md not written yet")
    text = readme.read_text(encoding="utf-8")
    missing = [var for var, _, _ in ENVIRONMENT.values() if var not in text]
    assert not missing, f"undocumented settings: {missing}"
