"""Whoosh index contents in comparable form, for tests that compare two writers."""

from __future__ import annotations


def all_postings(reader, doc_key=None) -> dict:
    """Every term's postings as (id, weight, value) through Whoosh's matcher
    protocol, with its term statistics. ``doc_key(docnum)`` is the id (default: the
    document number)."""
    out = {}
    for field, text in reader.all_terms():
        info = reader.term_info(field, text)
        m = reader.postings(field, text)
        rows = []
        while m.is_active():
            rows.append((m.id() if doc_key is None else doc_key(m.id()), m.weight(), m.value()))
            m.next()
        out[(field, text)] = (rows, info.weight(), info.doc_frequency(), info.min_length(),
                              info.max_length(), info.max_weight())
    return out


# Files of a generation that depend on when or in how many pieces it was built, not on what it holds.
UNCOMPARED = {"checksums.json"}
UNCOMPARED_META = ("generation", "built_at", "segments")


def generation_contents(gen_path) -> dict:
    """Everything a generation holds, independent of document numbers and segments: each
    term's postings and statistics keyed by paragraph id, each paragraph's stored fields and
    field lengths, the index's totals, and the files beside it (JSON parsed).

    Two builds of the same corpus give equal contents however their shards were dealt.
    """
    import json
    from pathlib import Path

    from whoosh import index as whoosh_index

    from indexer.schema import GENERATION_META, ID

    gen_path = Path(gen_path)
    ix = whoosh_index.open_dir(str(gen_path))
    with ix.reader() as reader:
        ids = {n: fields[ID] for n, fields in reader.iter_docs()}
        postings = {term: (sorted(rows), *stats)
                    for term, (rows, *stats) in all_postings(reader, ids.__getitem__).items()}
        scored = list(reader.schema.scorable_names())
        totals = {"documents": reader.doc_count(), "all documents": reader.doc_count_all(),
                  **{f"{name} length": (reader.field_length(name), reader.min_field_length(name),
                                        reader.max_field_length(name)) for name in scored}}
        stored = {ids[n]: fields for n, fields in reader.iter_docs()}
        lengths = {ids[n]: {name: reader.doc_field_length(n, name) for name in scored} for n in ids}
    files = {}
    for path in sorted(gen_path.iterdir()):
        if path.is_dir() or path.name in UNCOMPARED or path.suffix not in (".json", ".tsv", ".toml"):
            continue
        text = path.read_text(encoding="utf-8")
        files[path.name] = json.loads(text) if path.suffix == ".json" else text.splitlines()
    meta = files.get(GENERATION_META, {})
    for key in UNCOMPARED_META:
        meta.pop(key, None)
    return {"postings": postings, "totals": totals, "stored": stored, "lengths": lengths,
            "files": files}


def differences(a, b, limit: int = 10, path: str = "") -> list[str]:
    """The first ``limit`` places where two nested values differ, readably."""
    out: list[str] = []

    def short(value) -> str:
        text = repr(value)
        return text if len(text) <= 160 else text[:157] + "..."

    def walk(x, y, where: str) -> None:
        if len(out) >= limit or x == y:
            return
        if isinstance(x, dict) and isinstance(y, dict):
            for key in sorted(set(x) | set(y), key=str):
                if key not in y:
                    out.append(f"{where}/{key}: only in the first: {short(x[key])}")
                elif key not in x:
                    out.append(f"{where}/{key}: only in the second: {short(y[key])}")
                else:
                    walk(x[key], y[key], f"{where}/{key}")
                if len(out) >= limit:
                    return
        elif isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)) and len(x) == len(y):
            for n, (p, q) in enumerate(zip(x, y)):
                walk(p, q, f"{where}[{n}]")
        else:
            out.append(f"{where}: {short(x)} != {short(y)}")

    walk(a, b, path)
    return out
