"""The known-item harness (bench/known_items.py): scoring, gold loading, and one small
end-to-end run over an archive written here (the full shared run takes minutes, so it is
not a test; run ``python -m bench.known_items`` for the figures)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

# bench/ is not an installed package; make it importable however pytest is started.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import known_items as K  # noqa: E402


@pytest.mark.parametrize("ranked, targets, expected", [
    (["a", "b", "c"], {"a"}, 1),
    (["a", "b", "c"], {"c"}, 3),
    (["a", "b", "c"], {"c", "b"}, 2),  # any copy of the text counts, the first one wins
    (["a", "b"], {"z"}, None),
    ([], {"a"}, None),
])
def test_rank_of(ranked, targets, expected):
    assert K.rank_of(ranked, targets) == expected


@pytest.mark.parametrize("ranks", [
    [1, 1, 1],
    [None, None],
    [1, 2, 3, 4, 5, 6, None],
    [2, None, 7, 1],
])
def test_summary_matches_figures_computed_here(ranks):
    n = len(ranks)
    mrr = sum(1 / r for r in ranks if r) / n
    s = K.summarise(ranks)
    assert s["queries"] == n
    assert s["mrr"] == pytest.approx(mrr, abs=1e-4)
    assert s["success@1"] == pytest.approx(sum(r == 1 for r in ranks) / n, abs=1e-4)
    assert s["success@5"] == pytest.approx(sum(bool(r) and r <= 5 for r in ranks) / n, abs=1e-4)
    assert s["found"] == sum(r is not None for r in ranks)


def test_empty_summary_does_not_divide_by_zero():
    assert K.summarise([])["mrr"] == 0.0


def test_first_per_document_keeps_the_best_paragraph_order():
    assert K.first_per_document(["d2", "d1", "d2", "d3", "d1"], 10) == ["d2", "d1", "d3"]
    assert K.first_per_document(["d2", "d1", "d3"], 2) == ["d2", "d1"]


def test_load_queries_reads_every_file_and_skips_broken_entries(tmp_path, capsys):
    (tmp_path / "a.json").write_text(json.dumps({"queries": [
        {"q": "harbour lights", "doc": "x/one.md", "alt_docs": ["x/one.htm"], "hard_kind": "x"},
        {"q": "", "doc": "x/two.md"},
        {"doc": "x/three.md"},
    ]}))
    (tmp_path / "b.json").write_text(json.dumps({"documents": [], "queries": [
        {"q": "salt road", "doc": "y/four.md"}]}))
    (tmp_path / "c.json").write_text("{not json")
    items = K.load_queries(tmp_path)
    assert [(i.q, i.source) for i in items] == [("harbour lights", "a.json"), ("salt road", "b.json")]
    assert items[0].targets == {"x/one.md", "x/one.htm"}
    err = capsys.readouterr().err
    assert "c.json" in err and err.count("needs q and doc") == 2


# -- end to end on our own tiny archive -------------------------------------------------
DOCS = {
    "harbour/lights.md": ("Harbour Lights", "The keeper lit the lamps each evening. The harbour "
                          "lights guided the fishing boats home through the winter fog."),
    "harbour/ledger.md": ("The Ledger", "A ledger of cargo listed salt, rope and timber. The "
                          "harbour master signed every page of the ledger."),
    "inland/mill.md": ("The Mill", "The mill ground grain for the valley. Its wheel turned "
                       "slowly in the dry summer months."),
}


@pytest.fixture(scope="module")
def tiny_shared(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("shared")
    for rel, (title, body) in DOCS.items():
        path = root / "corpus" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {title}\ndate: 1901-05-02\n---\n\n{body}\n")
    (root / "eval").mkdir()
    (root / "eval" / "gold.json").write_text(json.dumps({"queries": [
        {"q": "harbour lights", "doc": "harbour/lights.md"},
        {"q": "cargo ledger", "doc": "harbour/ledger.md"},
        {"q": "turning wheels", "doc": "inland/mill.md"},  # only stemming finds "turned"
    ]}))
    return root


def test_command_ranks_both_systems_and_writes_json(tiny_shared, tmp_path, capsys):
    out = tmp_path / "ki.json"
    index = tmp_path / "index"
    args = ["--shared", str(tiny_shared), "--index", str(index), "--out", str(out)]
    assert K.main(args) == 0
    body = json.loads(out.read_text())
    ranks = {q["q"]: q["ranks"] for q in body["queries"]}
    assert ranks["harbour lights"]["project"] == 1
    assert ranks["cargo ledger"] == {"project": 1, "baseline": 1}
    # Whoosh's default analyzer does not stem: "turning wheels" finds nothing.
    assert ranks["turning wheels"] == {"project": 1, "baseline": None}
    assert body["summary"]["project"]["mrr"] == 1.0
    assert body["summary"]["baseline"]["mrr"] < 1.0
    assert "project - baseline MRR" in capsys.readouterr().out
    # --reuse keeps both indexes and gives the same ranks.
    generation = (index / "CURRENT").read_text()
    assert K.main([*args, "--reuse"]) == 0
    assert (index / "CURRENT").read_text() == generation
    assert {q["q"]: q["ranks"] for q in json.loads(out.read_text())["queries"]} == ranks


def test_command_reports_a_missing_shared_folder(tmp_path, capsys):
    assert K.main(["--shared", str(tmp_path / "nowhere")]) == 1
    assert capsys.readouterr().err.startswith("Error:")


@pytest.mark.shared
def test_every_gold_query_names_a_document_of_the_shared_corpus(shared_dir):
    items = K.load_queries(shared_dir / "eval")
    assert items, "the gold files hold no known-item queries"
    missing = [(i.q, d) for i in items for d in sorted(i.targets)
               if not (shared_dir / "corpus" / d).is_file()]
    assert not missing
