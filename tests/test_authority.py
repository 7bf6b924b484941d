"""The authority file: loading (forgivingly), lookups for the service, and change detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.authority import Authority, name_key
from indexer.folding import fold_in_place

ROOT = Path(__file__).resolve().parents[1]

SAMPLE = """
[[person]]
id = "kollontai-alexandra"
name = "Alexandra Kollontai"
born = 1872
aliases = ["A. M. Kollontai"]

[[person]]
id = "hill-joe"
name = "Joe Hill"
aliases = ["Joel Emmanuel Hägglund"]
surnames = ["Hill"]
context = ["Joe"]

[[veto]]
form = "Hill Street"
"""


@pytest.fixture()
def authority(tmp_path: Path) -> Authority:
    path = tmp_path / "persons.toml"
    path.write_text(SAMPLE, encoding="utf-8")
    return Authority.load(path)


def test_load(authority: Authority) -> None:
    assert set(authority.persons) == {"kollontai-alexandra", "hill-joe"}
    kollontai = authority.persons["kollontai-alexandra"]
    assert (kollontai.sort, kollontai.surnames, kollontai.born) == (
        "Kollontai, Alexandra", ("Kollontai",), 1872)
    assert [v.form for v in authority.vetoes] == ["Hill Street"]
    assert authority.problems == []


@pytest.mark.parametrize("path", [None, Path("/nonexistent/persons.toml")])
def test_missing_file_is_empty(path: Path | None) -> None:
    assert Authority.load(path).persons == {}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[person]]\nid = "Bad Id"\nname = "X Y"\n', "id"),
        ('[[person]]\nid = "x"\n', "name"),
        ('[[person]]\nid = "x"\nname = "X Y"\naliases = "not a list"\n', "aliases"),
        ('[[person]]\nid = "x"\nname = "X Y"\nborn = "soon"\n', "born"),
        ('[[person]]\nid = "x"\nname = "A B"\n[[person]]\nid = "x"\nname = "C D"\n', "duplicate"),
        ("[[veto]]\nreason = 'no form'\n", "form"),
        ("this is [not toml", "cannot read"),
    ],
)
def test_broken_entries_are_reported_and_skipped(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "persons.toml"
    path.write_text(text, encoding="utf-8")
    authority = Authority.load(path)
    assert any(problem in p for p in authority.problems), authority.problems
    assert len(authority.persons) <= 1


def test_aliases(authority: Authority) -> None:
    assert authority.aliases()["hill-joe"] == ["Joe Hill", "Joel Emmanuel Hägglund"]


def test_forms_have_kinds(authority: Authority) -> None:
    forms = authority.forms()
    assert forms["Joe Hill"] == [("full", "hill-joe")]
    assert forms["Joel Emmanuel Hagglund"] == [("full", "hill-joe")]  # folded
    assert forms["Joe"] == [("context", "hill-joe")]
    assert forms["Hill Street"] == [("veto", "")]


def test_explicit_empty_surnames_means_none() -> None:
    a = Authority.from_dict({"person": [{"id": "x", "name": "Jenny Marx", "surnames": []}]})
    assert a.persons["x"].surnames == ()


def test_fingerprint_ignores_order_and_notices_edits() -> None:
    one = Authority.from_dict({"person": [{"id": "a", "name": "Ada Byron"}, {"id": "b", "name": "Bo Diddley"}]})
    two = Authority.from_dict({"person": [{"id": "b", "name": "Bo Diddley"}, {"id": "a", "name": "Ada Byron"}]})
    three = Authority.from_dict({"person": [{"id": "a", "name": "Ada Lovelace"}, {"id": "b", "name": "Bo Diddley"}]})
    assert one.fingerprint() == two.fingerprint() != three.fingerprint()


def test_changed_words_are_the_edited_entry_s() -> None:
    old = Authority.from_dict({"person": [{"id": "a", "name": "Ada Byron"}, {"id": "b", "name": "Bo Diddley"}]})
    new = Authority.from_dict({"person": [{"id": "a", "name": "Ada Byron", "misspellings": ["Biron"]},
                                          {"id": "b", "name": "Bo Diddley"}]})
    assert new.changed_words(old) == {"ada", "byron", "biron"}


def test_changed_words_for_new_veto() -> None:
    old = Authority()
    new = Authority.from_dict({"veto": [{"form": "Lenin Prize"}]})
    assert new.changed_words(old) == {"lenin", "prize"}


@pytest.mark.parametrize(("text", "folded"), [("Lázaro Cárdenas", "Lazaro Cardenas"),
                                               ("Wałęsa’s", "Walesa's"), ("L’Humanité", "L'Humanite")])
def test_fold_keeps_length(text: str, folded: str) -> None:
    assert fold_in_place(text) == folded and len(fold_in_place(text)) == len(text)


def test_name_key() -> None:
    assert name_key("  George H.W.  BUSH ") == name_key("george h. w. bush")


def test_project_authority_file_loads_cleanly() -> None:
    authority = Authority.load(ROOT / "corpus" / "persons.toml")
    assert authority.problems == []
    assert {"trotsky-leon", "sedova-natalia", "stalin-joseph", "budenz-louis"} <= set(authority.persons)
    assert {"Ilyich", "Stalin Prize", "Trotskyist"} <= {v.form for v in authority.vetoes}
    # The surname rule needs these two to stay apart.
    assert authority.persons["bush-george-w"].surnames == authority.persons["bush-george-h-w"].surnames
