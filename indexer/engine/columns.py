"""Per-document arrays built once per generation: document ordinal and sort ranks.

Sorting by date or grouping by document never loads stored fields: a matched
docnum is looked up in these arrays.

>>> pub_key("1947-05-12"), pub_key("1947"), pub_key(""), pub_key("n.d.")
(19470512, 19470000, None, None)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer import schema as S
from indexer.engine.postings import matcher_ids

MISSING = 99_999_999  # undated documents sort after dated ones, in both directions


def pub_key(published: str) -> int | None:
    digits = published.replace("-", "")
    if len(digits) < 4 or not digits[:4].isdigit() or not digits.isdigit():
        return None
    return int((digits + "0000")[:8])


def _ranks(order: np.ndarray) -> np.ndarray:
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


@dataclass(frozen=True)
class Columns:
    n_docs: int
    doc_ord: np.ndarray  # docnum -> index into doc_ids
    doc_ids: list[str]  # sorted document ids
    position: np.ndarray
    rank: dict[str, np.ndarray]  # "reading" | "date_asc" | "date_desc" -> docnum -> rank

    @classmethod
    def from_reader(cls, reader) -> Columns:
        n = reader.doc_count_all()
        doc_ord = np.full(n, -1, dtype=np.int32)
        doc_ids: list[str] = []
        for text in reader.field_terms(S.DOC_ID):
            doc_ord[matcher_ids(reader.postings(S.DOC_ID, text))] = len(doc_ids)
            doc_ids.append(text)
        pub = np.full(n, MISSING, dtype=np.int64)
        for text in reader.field_terms(S.PUBLISHED):
            key = pub_key(text)
            if key is not None:
                pub[matcher_ids(reader.postings(S.PUBLISHED, text))] = key
        if n:
            position = np.asarray(list(reader.column_reader(S.POSITION)), dtype=np.int64)
        else:
            position = np.zeros(0, dtype=np.int64)
        desc_pub = np.where(pub == MISSING, 1, -pub)
        rank = {
            "reading": _ranks(np.lexsort((position, doc_ord))),
            "date_asc": _ranks(np.lexsort((position, doc_ord, pub))),
            "date_desc": _ranks(np.lexsort((position, doc_ord, desc_pub))),
        }
        return cls(n, doc_ord, doc_ids, position, rank)

    def top(self, ids: np.ndarray, order: str, k: int) -> np.ndarray:
        """The first ``k`` of ``ids`` in the given order (argpartition, then sort k)."""
        r = self.rank[order][ids]
        if k < len(ids):
            part = np.argpartition(r, k)[:k]
            return ids[part[np.argsort(r[part])]]
        return ids[np.argsort(r)]

    def first_per_document(self, ids: np.ndarray, order: str) -> np.ndarray:
        """One docnum per document: its first matched paragraph in ``order``, documents in
        that order too (a document ranks where its best paragraph does)."""
        r = self.rank[order][ids]
        srt = ids[np.argsort(r)]
        _, first = np.unique(self.doc_ord[srt], return_index=True)
        return srt[np.sort(first)]
