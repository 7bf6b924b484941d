"""One whole document: its metadata and every paragraph, by doc_id.

Document ids are corpus-relative POSIX paths, so they are validated before
use: no ``..`` or ``.`` segments, no absolute paths, no backslashes, no NUL or
control characters and no percent signs (the path is already decoded once;
a ``%`` left over means someone encoded it twice).

>>> valid_doc_id("mia/trotsky/1940-exile.md")
True
>>> [valid_doc_id(x) for x in ("../etc/passwd", "a/%2e%2e/b", "/abs", "a\\x00b", "a\\\\b")]
[False, False, False, False, False]
"""

from __future__ import annotations

from collections import Counter

from typing import Any

from whoosh import query as wq

from indexer import schema as S
from indexer.models import Paragraph
from indexer.schema import from_stored
from searchsvc.errors import BadRequest, NotFound
from searchsvc.index_state import LoadedIndex
from searchsvc.persons import PersonRegistry

MAX_DOC_ID = 1000


def valid_doc_id(doc_id: str) -> bool:
    if not doc_id or len(doc_id) > MAX_DOC_ID:
        return False
    if doc_id.startswith("/") or "\\" in doc_id or "%" in doc_id:
        return False
    if any(ord(c) < 32 or ord(c) == 127 for c in doc_id):
        return False
    return all(seg not in ("", ".", "..") for seg in doc_id.split("/"))


def check_doc_id(doc_id: str) -> str:
    if not valid_doc_id(doc_id):
        raise BadRequest([("doc_id", "is not a valid document id (a relative path inside "
                           "the corpus, without '..', '%', '\\\\' or control characters)")])
    return doc_id


def anchor(paragraph_id: str, position: int) -> str:
    """Where a paragraph is on its document's page: the end of its id, after "#".

    >>> anchor("mia/exile.md#p3", 3), anchor("mia/exile.md", 3)
    ('p3', 'p3')
    """
    return paragraph_id.rsplit("#", 1)[1] if "#" in paragraph_id else f"p{position}"


def load_document(gen: LoadedIndex, doc_id: str) -> dict[str, Any]:
    """Metadata and paragraphs in reading order; NotFound when the id is unknown."""
    check_doc_id(doc_id)
    searcher = gen.searcher()
    docnums = list(searcher.docs_for_query(wq.Term(S.DOC_ID, doc_id)))
    if not docnums:
        raise NotFound([("doc_id", f"no document {doc_id[:200]!r} in this index")])
    paragraphs = sorted((from_stored(searcher.stored_fields(d)) for d in docnums),
                        key=lambda p: p.position)
    first = paragraphs[0]
    return {
        "ok": True,
        "doc_id": doc_id,
        "title": first.title,
        "author": first.author,
        "published": first.published,
        "published_source": first.published_source,
        # The whole document's people (most mentioned first) and years, for its header.
        "persons": _document_persons(paragraphs, gen.persons),
        "years": sorted({y for p in paragraphs for y in p.years}),
        "generation": gen.name,
        "paragraphs": [_paragraph(p, gen.persons) for p in paragraphs],
    }


def _document_persons(paragraphs: list[Paragraph], persons: PersonRegistry) -> list[dict]:
    """Everyone the document names, with how many of its paragraphs name them."""
    mentions = Counter(r.id for p in paragraphs for r in dict.fromkeys(p.persons))
    names = {r.id: r.name for p in paragraphs for r in p.persons}
    return [{"id": pid, "name": persons.name(pid, names[pid]), "paragraphs": n}
            for pid, n in sorted(mentions.items(),
                                 key=lambda kv: (-kv[1], persons.sort_key(kv[0])))]


def _paragraph(p: Paragraph, persons: PersonRegistry) -> dict[str, Any]:
    return {
        "id": p.id,
        "anchor": anchor(p.id, p.position),
        "position": p.position,
        "section": p.section,
        "text": p.text,
        "years": list(p.years),
        "decades": list(p.decades),
        "persons": [persons.name(r.id, r.name) for r in p.persons],
        "person_ids": [r.id for r in p.persons],
    }
