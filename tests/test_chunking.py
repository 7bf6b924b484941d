"""A Document becomes numbered Paragraphs under their section headings."""

from __future__ import annotations

import pytest

from indexer.chunking import MAX_CHARS, chunk, split_long
from indexer.models import Block, Document


def _doc(*blocks: Block) -> Document:
    return Document(
        doc_id="letters/harbour.txt",
        source_format="text",
        title="On the Harbour",
        author="Ann Smith",
        published="1901-05",
        blocks=blocks,
    )


def test_ids_positions_sections_and_metadata() -> None:
    doc = _doc(
        Block("paragraph", "The boats came in before the storm."),
        Block("heading", "The storm"),
        Block("paragraph", "Rain fell for three days on the quay."),
        Block("heading", "After"),
        Block("heading", "The count"),
        Block("paragraph", "Nine boats were lost and two were found."),
    )
    paras = chunk(doc)
    assert [p.id for p in paras] == [f"letters/harbour.txt#p{n}" for n in range(3)]
    assert [p.position for p in paras] == [0, 1, 2]
    assert [p.section for p in paras] == ["", "The storm", "The count"]
    assert {(p.title, p.author, p.published, p.doc_id) for p in paras} == {
        ("On the Harbour", "Ann Smith", "1901-05", "letters/harbour.txt")
    }
    assert all(p.years == () and p.persons == () for p in paras)


@pytest.mark.parametrize("junk", ["* * *", "12", "—", "Signed.", "[1]"])
def test_junk_paragraphs_dropped_and_not_counted(junk: str) -> None:
    paras = chunk(_doc(Block("paragraph", junk), Block("paragraph", "A real sentence here.")))
    assert [p.text for p in paras] == ["A real sentence here."]
    assert paras[0].id.endswith("#p0")


def test_long_paragraph_split_at_sentence_ends() -> None:
    sentence = "The committee met again in the cold hall and argued about the wages of the dockers. "
    text = (sentence * 120).strip()
    assert len(text) > MAX_CHARS
    paras = chunk(_doc(Block("paragraph", text)))
    assert len(paras) >= 2
    assert all(len(p.text) <= MAX_CHARS for p in paras)
    assert all(p.text.endswith(".") for p in paras)  # cut after a full stop, never mid-sentence
    assert " ".join(p.text for p in paras) == text  # nothing lost or repeated
    assert [p.position for p in paras] == list(range(len(paras)))


def test_split_long_without_punctuation_cuts_at_spaces() -> None:
    text = " ".join(["word"] * 500)
    pieces = split_long(text, limit=300)
    assert all(len(p) <= 300 for p in pieces)
    assert " ".join(pieces) == text


def test_split_long_balances_pieces() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(60))
    pieces = split_long(text, limit=len(text) // 2 + 20)
    assert len(pieces) == 2
    assert abs(len(pieces[0]) - len(pieces[1])) < 200
