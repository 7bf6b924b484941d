"""The curation report: sorted by paragraphs changed, vetoes with evidence, no plural typos, ambiguity by year."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from indexer.authority import Authority
from indexer.curation import observe, proposals, report
from indexer.inflection import inflected
from indexer.person_evidence import Evidence, looks_like_person
from indexer.readers import read_corpus

# Our own archive: a union newspaper of a made-up town, written the way such pages are.
PAGES = {
    "1951-strike.md": ("---\ntitle: Mill strike\ndate: 1951-03-02\n---\n\n"
                       "Ellen Varga told the meeting the strike would go on until the mill paid.\n\n"
                       "Varga said the owners had refused twice. Varga spoke for an hour.\n\n"
                       "Bread came from Dunmore by cart, and the strikers walked from Dunmore to the mill.\n\n"
                       "Lamb said the union would pay strike money every Friday.\n"),
    "1952-vote.md": ("---\ntitle: The vote\ndate: 1952-06-10\n---\n\n"
                     "Ellen Varga and Thomas Brandt spoke at the hall about the vote in June.\n\n"
                     "Varga asked every weaver to vote. Brandt agreed with her at once.\n\n"
                     "Letters went to Dunmore daily, and the weavers of Dunmore cheered the count.\n\n"
                     "Lamb said the count was fair.\n"),
    "1953-afghans.md": ("---\ntitle: Visitors\ndate: 1953-01-20\n---\n\n"
                        "Senator Afghan welcomed the delegation at the station on Monday.\n\n"
                        "The Afghans of the delegation thanked Afghan for the welcome.\n"),
    "1980-lamb.md": ("---\ntitle: An old friend\ndate: 1980-05-05\n---\n\n"
                     "Lamb said the mill had changed beyond all knowing.\n"),
}

AUTHORITY = Authority.from_dict({"person": [
    {"id": "lamb-arthur", "name": "Arthur Lamb", "born": 1900, "died": 1960},
    # Both adults in the 1950s; by 1980 only Nora is alive, and the date decides.
    {"id": "lamb-nora", "name": "Nora Lamb", "born": 1925, "surnames": ["Lamb"]},
]})


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def found(archive: Path) -> list:
    docs = [d for d in read_corpus(archive) if not isinstance(d, Exception) and hasattr(d, "blocks")]
    return proposals(observe(docs, AUTHORITY), AUTHORITY)


def test_sorted_by_paragraphs_changed(found: list) -> None:
    counts = [p.paragraphs for p in found]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]


def test_the_total_is_shown(archive: Path) -> None:
    text = report(archive, base="off")
    total = int(re.search(r"would change (\d+) paragraph", text).group(1))
    assert total == sum(int(n) for n in re.findall(r"^# -- \w+: (\d+) paragraph", text, re.M))


def test_a_place_is_proposed_as_a_veto_with_evidence(found: list) -> None:
    veto = next(p for p in found if p.subject == "Dunmore")
    assert veto.kind == "veto"
    body = "\n".join(veto.lines)
    assert "a place" in body and "[[veto]]" in body
    assert tomllib.loads("\n".join(line for line in veto.lines if not line.startswith("#")))["veto"]


def test_a_person_is_proposed_with_the_served_id_kept(found: list) -> None:
    person = next(p for p in found if p.subject == "Ellen Varga")
    assert person.kind == "person"
    stanza = tomllib.loads("\n".join(line for line in person.lines if not line.startswith("#")))["person"][0]
    assert stanza["former_ids"] == ["x-ellen-varga"]
    assert "served now as person=x-ellen-varga" in "\n".join(person.lines)


def test_plural_and_adjective_pairs_are_never_typos(found: list) -> None:
    assert not [p for p in found if p.kind == "typo" and p.subject == "Afghans"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("Afghan", "Afghans", True), ("German", "Germans", True), ("Iraq", "Iraqi", True),
     ("Russia", "Russian", True), ("Adam", "Adams", True), ("Trotsky", "Trotksy", False),
     ("Bundenz", "Budenz", False), ("Siquerios", "Siqueiros", False), ("Marx", "Marx", False)],
)
def test_inflected(a: str, b: str, expected: bool) -> None:
    assert inflected(a, b) is expected


def test_an_ambiguous_surname_lists_the_candidates_by_year(found: list) -> None:
    entry = next(p for p in found if p.kind == "ambiguous" and p.subject == "Lamb")
    text = "\n".join(entry.lines)
    assert "1951: 1, 1952: 1" in text  # the flagged paragraphs, by year; 1980 was decided by the date
    assert "lamb-arthur" in text and "lamb-nora" in text


def test_an_ambiguous_surname_gets_active_years_suggested() -> None:
    from indexer.curation import Observed, _ambiguous

    seen = Observed()
    seen.flags["ambiguous:Lamb"] = 3
    seen.flag_years["ambiguous:Lamb"].update({1951: 2, 1980: 1})
    seen.named_years["lamb-arthur"].update({1950: 4, 1951: 2})
    seen.named_years["lamb-nora"].update({1979: 3, 1981: 1})
    text = "\n".join(_ambiguous(seen, AUTHORITY)[0].lines)
    assert "lamb-arthur: active = [1950, 1951]" in text and "lamb-nora: active = [1979, 1981]" in text


def test_a_name_a_parent_and_a_child_bear_gets_two_entries_suggested() -> None:
    from indexer.curation import Observed, _ambiguous

    seen = Observed()
    seen.flags["ambiguous:Harlan Quennell"] = 4
    seen.flag_years["ambiguous:Harlan Quennell"].update({2001: 1, 2006: 3})
    text = "\n".join(_ambiguous(seen, AUTHORITY)[0].lines)
    assert "'Harlan Quennell': 4 paragraph(s)" in text and "2001: 1, 2006: 3" in text
    assert "a parent and a child bear this name" in text


@pytest.mark.parametrize(
    ("name", "contexts", "person"),
    [
        ("Kurds", ["The Kurds rose.", "Aid reached the Kurds."], False),
        ("Machinists", ["The Machinists struck at noon."], False),
        ("President", ["Mr. President, we thank you."], False),
        ("Metz", ["beleaguered in Metz", "the armies at Metz", "troops from Metz"], False),
        ("Granada", ["trade with New Granada grew", "New Granada signed"], False),  # end of a longer name
        ("Ghent", ["the Treaty of Ghent was signed", "under the Treaty of Ghent"], False),
        ("Hartwell", ["the Hartwell bill failed", "the Hartwell bill passed"], False),
        ("Brevans", ["Brevans have left", "Brevans were angry"], False),  # a plural verb: a group
        ("Christianity", ["early Christianity spread"], False),
        ("Engels", ["Marx and Engels were in London."], None),  # the pair's plural, not his
        ("Ellen Varga", ["Ellen Varga said no."], True),
        ("Thiers", ["M. Thiers said so.", "Thiers was there."], True),
        ("Dale", [], None),
    ],
)
def test_evidence(name: str, contexts: list[str], person: bool | None) -> None:
    assert looks_like_person(name, contexts).person is person


def test_the_report_takes_evidence_from_one_function(archive: Path) -> None:
    def never(name: str, contexts) -> Evidence:
        return Evidence(False, ("a test says no",))

    text = report(archive, base="off", evidence=never)
    assert "a test says no" in text and "[[person]]" not in text


def test_cli_report_runs_on_a_corpus(archive: Path, capsys: pytest.CaptureFixture) -> None:
    from indexer.cli import main

    assert main(["persons", "--corpus", str(archive), "--no-base-authority", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "authority: none applied" in out and out.count("# -- ") == 3


def test_the_report_proposes_exactly_the_ids_the_build_serves(archive: Path, tmp_path: Path) -> None:
    import json

    from indexer.build import build_corpus
    from indexer.schema import PERSONS_FILE

    build_corpus(archive, tmp_path / "ix", progress=False, workers=1, base="off")
    gen = (tmp_path / "ix" / "CURRENT").read_text().strip()
    served = {pid for pid in json.loads((tmp_path / "ix" / gen / PERSONS_FILE).read_text()) if pid.startswith("x-")}
    text = report(archive, base="off", limit=1000)
    proposed = set(re.findall(r"\((x-[a-z0-9-]+)\): \d+ paragraph", text))
    assert proposed == served and served
