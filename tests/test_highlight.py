"""Snippets: escaped text, <mark> around stemmed or exact matches, best window."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.engine.highlight import Terms, highlight, snippet, spans


@pytest.mark.parametrize("text, terms, expected", [
    ("They were deported.", Terms.of(stems={"deport"}), "They were <mark>deported</mark>."),
    ("Deportation, deported", Terms.of(stems={"deport"}),
     "<mark>Deportation</mark>, <mark>deported</mark>"),
    ("Lázaro Cárdenas", Terms.of(words={"cardenas"}), "Lázaro <mark>Cárdenas</mark>"),
    ("a <b> & c", Terms.of(stems={"c"}), "a &lt;b&gt; &amp; <mark>c</mark>"),
    ('"><img onerror=x>', Terms.of(stems={"img"}),
     "&quot;&gt;&lt;<mark>img</mark> onerror=x&gt;"),
    ("no match here", Terms.of(stems={"zzz"}), "no match here"),
])
def test_highlight(text, terms, expected):
    assert highlight(text, terms) == expected


def test_only_mark_markup_survives():
    out = highlight("<script>alert(1)</script> deport", Terms.of(stems={"deport", "script"}))
    assert "<script>" not in out and out.count("<mark>") == 3
    stripped = out.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped


def test_spans_follow_the_stemmer():
    # "striking" stems to "strike"; the irregular "struck" does not
    assert spans("Strikes striking struck", Terms.of(stems={"strike"})) == [(0, 7), (8, 16)]


def test_snippet_picks_the_densest_window():
    text = ("filler " * 60) + "exile and exile again " + ("filler " * 60)
    out = snippet(text, Terms.of(stems={"exil"}), width=80)
    assert out.count("<mark>exile</mark>") == 2
    assert out.startswith("…") and out.endswith("…")
    assert len(out.replace("<mark>", "").replace("</mark>", "")) <= 82


def test_snippet_without_matches_is_the_start():
    text = "word " * 100
    out = snippet(text, Terms.of(stems={"absent"}), width=50)
    assert out.startswith("word word") and out.endswith("…") and "<mark>" not in out


def test_snippet_never_splits_a_word():
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda"
    out = snippet(text, Terms.of(), width=23)
    assert out == "alpha beta gamma delta…"


_WORDS = st.lists(st.sampled_from(["Deported", "deportation", "exile", "Cárdenas", "CARDENAS", "1940",
                                   "U.S.A.", "mid-1947", "*Te", "Deum*", "ﬁre", "İstanbul", "Straße",
                                   "<b>", "&amp;", "strike"]) | st.text(max_size=6), max_size=20)


@settings(max_examples=200, deadline=None)
@given(_WORDS)
def test_cached_spans_equal_the_analyzers(words):
    from indexer.engine.highlight import _spans_by_analyzer

    text = " ".join(words)
    terms = Terms.of(stems={"deport", "cardena", "1940", "strike"}, words={"exile", "straße", "fire"})
    assert spans(text, terms) == _spans_by_analyzer(text, terms)
