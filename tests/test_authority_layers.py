"""Layered authority: the project's base layer, the corpus's own file over it, and ids that keep working."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.authority import Authority
from indexer.authority_layers import PROJECT_AUTHORITY, layer_paths, load_authority
from indexer.schema import PERSONS_FILE

# Our own base layer: two namesakes of different eras, and one person of the corpus's time.
BASE = """
[[person]]
id = "hale-walter"
name = "Walter Hale"
born = 1901
died = 1980
active = [1935, 1952]

[[person]]
id = "hale-walter-jr"
name = "Walter Hale Jr."
born = 1930
active = [1961, 1979]
aliases = ["Governor Hale"]
surnames = ["Hale"]

[[person]]
id = "penrose-ida"
name = "Ida Penrose"
born = 1920
"""

# A small archive of our own: dated pieces naming those people, and one the files do not know.
DOCUMENTS = {
    "strike-1948.md": ("---\ntitle: The mill strike\ndate: 1948-05-02\n---\n\n"
                       "Governor Walter Hale met the strikers at the mill gate on Monday morning.\n\n"
                       "Maria Quiroga, who led the weavers, said the mill would stay shut all week.\n\n"
                       "Quiroga and Hale spoke again on Friday, and the strike ended soon after.\n"),
    "budget-1966.md": ("---\ntitle: The state budget\ndate: 1966-02-10\n---\n\n"
                       "Hale signed the budget on Tuesday after a long night in the state house.\n\n"
                       "Ida Penrose, the treasurer, said the numbers would hold for another year.\n\n"
                       "Maria Quiroga wrote to Penrose that the weavers were still waiting for the pay rise.\n"),
}


@pytest.fixture()
def base_file(tmp_path: Path) -> Path:
    path = tmp_path / "base.toml"
    path.write_text(BASE, encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def layered(base: str, mine: str) -> Authority:
    return Authority.layered([Authority.from_dict(_toml(base)), Authority.from_dict(_toml(mine))])


def _toml(text: str) -> dict:
    import tomllib

    return tomllib.loads(text)


@pytest.mark.parametrize(
    ("mine", "expected_ids", "check"),
    [
        ("", {"hale-walter", "hale-walter-jr", "penrose-ida"}, None),
        ('[[person]]\nid = "quiroga-maria"\nname = "Maria Quiroga"\n',
         {"hale-walter", "hale-walter-jr", "penrose-ida", "quiroga-maria"}, None),
        # Same id: the corpus's entry replaces the base's.
        ('[[person]]\nid = "penrose-ida"\nname = "Ida Penrose"\nborn = 1921\naliases = ["Treasurer Penrose"]\n',
         {"hale-walter", "hale-walter-jr", "penrose-ida"},
         lambda a: a.persons["penrose-ida"].born == 1921 and a.persons["penrose-ida"].aliases),
        # Same person under the corpus's own id: it replaces the base entry and keeps its id resolvable.
        ('[[person]]\nid = "ida-penrose"\nname = "Ida Penrose"\n',
         {"hale-walter", "hale-walter-jr", "ida-penrose"},
         lambda a: a.persons["ida-penrose"].former_ids == ("penrose-ida",)),
    ],
)
def test_corpus_layer_extends_and_overrides_the_base(mine: str, expected_ids: set, check) -> None:
    merged = layered(BASE, mine)
    assert set(merged.persons) == expected_ids
    assert check is None or check(merged)


def test_vetoes_of_both_layers_apply() -> None:
    merged = layered(BASE + '[[veto]]\nform = "Hale Street"\n', '[[veto]]\nform = "Penrose Mill"\n')
    assert {v.form for v in merged.vetoes} == {"Hale Street", "Penrose Mill"}


@pytest.mark.parametrize(
    ("has_own_file", "base", "expected"),
    [
        (False, None, ["project"]),  # a new user's corpus: the shipped file as base layer
        (True, None, ["project", "own"]),
        (True, "off", ["own"]),
        (False, "off", []),
        (True, "custom", ["custom", "own"]),
    ],
)
def test_which_layers_apply(tmp_path: Path, base_file: Path, has_own_file: bool, base: str | None,
                            expected: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARCHIVE_BASE_AUTHORITY", raising=False)
    monkeypatch.delenv("ARCHIVE_AUTHORITY", raising=False)
    if has_own_file:
        (tmp_path / "persons.toml").write_text('[[person]]\nid = "a"\nname = "A B"\n', encoding="utf-8")
    names = {PROJECT_AUTHORITY: "project", tmp_path / "persons.toml": "own", base_file: "custom"}
    setting = str(base_file) if base == "custom" else base
    assert [names[p] for p in layer_paths(tmp_path, base=setting)] == expected


def test_the_base_setting_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCHIVE_BASE_AUTHORITY", "off")
    monkeypatch.delenv("ARCHIVE_AUTHORITY", raising=False)
    assert layer_paths(tmp_path) == []


def test_a_named_file_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    authority = load_authority(tmp_path, tmp_path / "nowhere.toml", base="off")
    assert authority.persons == {} and "nowhere.toml does not exist" in authority.problems[0]


# -- through builds: the ids a visitor saved keep working ---------------------------------


def build(corpus: Path, root: Path, base: str) -> dict[str, dict]:
    from indexer.build import build_corpus

    report = build_corpus(corpus, root, progress=False, workers=1, base=base)
    registry = json.loads((root / (root / "CURRENT").read_text().strip() / PERSONS_FILE).read_text())
    return {"summary": report.summary(), "registry": registry}


def served(registry: dict) -> set[str]:
    return set(registry)


def test_adding_the_corpus_file_keeps_every_base_id(corpus: Path, tmp_path: Path, base_file: Path) -> None:
    first = build(corpus, tmp_path / "ix", str(base_file))
    assert {"hale-walter", "hale-walter-jr", "penrose-ida", "x-maria-quiroga"} <= served(first["registry"])
    assert str(base_file) in first["summary"]
    (corpus / "persons.toml").write_text(
        '[[person]]\nid = "quiroga-maria"\nname = "Maria Quiroga"\nformer_ids = ["x-maria-quiroga"]\n',
        encoding="utf-8")
    second = build(corpus, tmp_path / "ix", str(base_file))
    assert {"hale-walter", "hale-walter-jr", "penrose-ida", "quiroga-maria"} <= served(second["registry"])
    assert "x-maria-quiroga" not in second["registry"]
    assert second["registry"]["quiroga-maria"]["former_ids"] == ["x-maria-quiroga"]
    # The summary says which files applied, base first.
    summary = second["summary"]
    assert summary.index(str(base_file)) < summary.index(str(corpus / "persons.toml"))


def test_a_curated_person_without_former_ids_still_answers_to_the_discovered_id(
        corpus: Path, tmp_path: Path, base_file: Path) -> None:
    build(corpus, tmp_path / "ix", str(base_file))
    (corpus / "persons.toml").write_text('[[person]]\nid = "quiroga-m"\nname = "Maria Quiroga"\n', encoding="utf-8")
    registry = build(corpus, tmp_path / "ix", str(base_file))["registry"]
    assert "x-maria-quiroga" in registry["quiroga-m"]["former_ids"]


def test_turning_the_base_off_keeps_the_old_ids_resolvable(corpus: Path, tmp_path: Path, base_file: Path) -> None:
    build(corpus, tmp_path / "ix", str(base_file))
    registry = build(corpus, tmp_path / "ix", "off")["registry"]
    assert "hale-walter" not in registry
    owner = next(pid for pid, e in registry.items() if "penrose-ida" in e.get("former_ids", []))
    assert registry[owner]["name"] == "Ida Penrose"


def test_an_update_after_curation_keeps_the_old_id_resolvable(corpus: Path, tmp_path: Path, base_file: Path) -> None:
    from indexer.update import update_corpus

    root = tmp_path / "ix"
    build(corpus, root, str(base_file))
    (corpus / "persons.toml").write_text('[[person]]\nid = "quiroga-maria"\nname = "Maria Quiroga"\n',
                                         encoding="utf-8")
    report = update_corpus(corpus, root, progress=False, base=str(base_file))
    assert report.reannotated and str(corpus / "persons.toml") in report.summary()
    registry = json.loads((root / (root / "CURRENT").read_text().strip() / PERSONS_FILE).read_text())
    assert "x-maria-quiroga" not in registry
    assert "x-maria-quiroga" in registry["quiroga-maria"]["former_ids"]


def test_saved_person_links_keep_working_through_the_service(corpus: Path, tmp_path: Path, base_file: Path) -> None:
    from svc_corpus import TestClient

    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    root = tmp_path / "ix"
    build(corpus, root, str(base_file))

    def search(**params) -> dict:
        with TestClient(create_app(Settings(index_root=root))) as client:
            r = client.get("/api/search", params=params)
            assert r.status_code == 200, r.text
            return r.json()

    before = {p: search(q="weavers", person=p)["total"] for p in ("x-maria-quiroga", "penrose-ida")}
    assert all(before.values()), before
    (corpus / "persons.toml").write_text('[[person]]\nid = "quiroga-maria"\nname = "Maria Quiroga"\n',
                                         encoding="utf-8")
    build(corpus, root, str(base_file))
    after = {p: search(q="weavers", person=p)["total"] for p in ("x-maria-quiroga", "penrose-ida")}
    assert after == before
    # The old id is answered with the served one, so the page's links move to it.
    assert search(q="weavers", person="x-maria-quiroga")["facets"]["person"][0]["id"] in {
        "quiroga-maria", "penrose-ida"}
