"""Every text the project ships is our own writing: none shares a run of words with ../shared.

The corpora in ../shared are for measuring; their text must not find its way into our
sample corpus, test archives, documentation or code. A run of twelve words alike is
far longer than any phrase two writers share by chance, and markup is left out so that
two pages' DOCTYPE and <meta> lines do not count as text.
"""
import html
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

RUN = 12
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
TAG = re.compile(r"<[^>]+>")
# Where our own text lives. bench/ is left out: its known-item sets name the shared
# corpora's documents by their paths, which is what they are for.
OWN = ("corpus", "tests", "docs", "indexer", "searchsvc", "deploy", "README.md")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(html.unescape(TAG.sub(" ", text)))]


def runs(text: str):
    ws = words(text)
    for i in range(len(ws) - RUN + 1):
        yield " ".join(ws[i:i + RUN])


def texts(root: Path):
    for path in sorted(root.rglob("*")) if root.is_dir() else [root]:
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        try:
            yield path, path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary files (images, screenshots) carry no text of anyone's


@pytest.mark.slow
def test_no_text_of_ours_repeats_twelve_words_of_the_shared_corpora(shared_dir):
    theirs = set()
    for _, text in texts(shared_dir):
        theirs.update(hash(r) for r in runs(text))
    alike = []
    for name in OWN:
        for path, text in texts(REPO / name):
            hit = next((r for r in runs(text) if hash(r) in theirs), None)
            if hit:
                alike.append(f"{path.relative_to(REPO)}: {hit!r}")
    assert not alike, "text shared with ../shared, rewrite it in our own words:\n" + "\n".join(alike)


def test_the_check_sees_a_run_through_markup_and_case():
    ours = "<p>The Quennell ferry <b>ran</b> every hour from the quay to the island until the storm</p>"
    theirs = "the quennell ferry ran every hour from the quay to the island until"
    assert set(runs(ours)) & set(runs(theirs))
    assert not set(runs(ours)) & set(runs("the quennell ferry ran every day from the quay to the island until"))
