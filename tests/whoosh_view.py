"""Whoosh index contents in comparable form, for tests that compare two writers."""

from __future__ import annotations


def all_postings(reader) -> dict:
    """Every term's postings as (id, weight, value) through Whoosh's matcher
    protocol, with its term statistics."""
    out = {}
    for field, text in reader.all_terms():
        info = reader.term_info(field, text)
        m = reader.postings(field, text)
        rows = []
        while m.is_active():
            rows.append((m.id(), m.weight(), m.value()))
            m.next()
        out[(field, text)] = (rows, info.weight(), info.doc_frequency(), info.min_length(),
                              info.max_length(), info.max_weight())
    return out
