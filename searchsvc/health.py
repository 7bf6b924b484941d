"""What ``/healthz`` answers: 200 only when a real search works on a sound generation.

A 200 used to mean "a generation is loaded", and a worker whose stored-fields
column was truncated, or whose index folder was deleted, answered 200 while
every search failed. Now the answer is 200 only when

- a search for one word of the served generation runs, and the stored fields
  of its first hit and of the last paragraph can be read (a few milliseconds);
- the served generation's files match their checksums (or are still being
  verified, or predate checksums: then 200 with a warning);
- CURRENT names the generation served (not one refused as damaged).

Otherwise 503, in the error shape of every other error, with reasons that name
files relative to their generation and never an absolute path.
"""

from __future__ import annotations

from typing import Any

from whoosh.query import Term

from indexer.engine.generations import read_pointer
from indexer.schema import TEXT
from searchsvc.errors import error_body
from searchsvc.index_state import IndexState, LoadedIndex, without_paths

_PROBE_TERMS = 1000  # terms of the text field looked through for a rare one
_PROBE_RARE = 100  # paragraphs at most for the probe word: the search stays cheap

UNVERIFIED = ("generation {name} has no checksums (written before they were recorded), so "
              "damage to its files cannot be detected; rebuild it with `python -m indexer build`")


def probe_word(gen: LoadedIndex) -> str | None:
    """A word of the text field found in few paragraphs, chosen once per generation."""
    word = getattr(gen, "_probe_word", "")
    if word != "":
        return word
    word = None
    reader = gen.searcher().reader()
    for n, (term, info) in enumerate(reader.iter_field(TEXT)):
        if word is None or info.doc_frequency() <= _PROBE_RARE:
            word = term.decode("utf-8") if isinstance(term, bytes) else term
            if info.doc_frequency() <= _PROBE_RARE:
                break
        if n >= _PROBE_TERMS:
            break
    gen._probe_word = word  # type: ignore[attr-defined]
    return word


def probe(gen: LoadedIndex) -> None:
    """Search the served generation as a visitor would; raises whatever the search raises."""
    searcher = gen.searcher()
    word = probe_word(gen)
    if word is not None:
        hits = searcher.search(Term(TEXT, word), limit=1)
        if len(hits):
            hits[0].fields()
    last = searcher.doc_count_all() - 1
    if last >= 0:
        searcher.stored_fields(last)  # the end of the stored-fields column


def health(state: IndexState) -> tuple[int, dict[str, Any]]:
    """(status, body) for ``/healthz``."""
    gen = state.current
    if gen is None:
        reason = state.last_error or "no index generation is loaded"
        return 503, _degraded(None, [without_paths(reason, state.root)])
    gen.acquire()
    try:
        reasons: list[str] = []
        if gen.recheck():
            reasons += [f"generation {gen.name} is damaged: {p.text}" for p in gen.problems[:10]]
        wanted = read_pointer(state.root)
        why = state.refused.get(wanted) or state.failed.get(wanted) if wanted else None
        if wanted is not None and wanted != gen.name and why:
            reasons.append(f"generation {wanted} is not served: {why}; {gen.name} serves instead")
        try:
            probe(gen)
        except Exception as exc:  # noqa: BLE001 - any failure is the answer
            if not reasons and gen.recheck():
                reasons += [f"generation {gen.name} is damaged: {p.text}" for p in gen.problems[:10]]
            reasons.append(f"a search on generation {gen.name} failed: {type(exc).__name__}: "
                           f"{without_paths(str(exc), state.root)[:200]}")
        if reasons:
            return 503, {**_degraded(gen, reasons), "integrity": gen.integrity}
        meta = gen.meta
        body: dict[str, Any] = {
            "ok": True, "state": "ok", "generation": gen.name, "paragraphs": gen.doc_count,
            "documents": gen.documents, "built_at": meta.get("built_at"),
            "updated_at": meta.get("updated_at"), "integrity": gen.integrity,
        }
        if gen.integrity == "unverified":
            body["warnings"] = [UNVERIFIED.format(name=gen.name)]
        return 200, body
    finally:
        gen.release()


def _degraded(gen: LoadedIndex | None, reasons: list[str]) -> dict[str, Any]:
    body = error_body(503, "Service unavailable", [(None, r) for r in reasons])
    return {**body, "state": "degraded", "generation": gen.name if gen is not None else None}
