"""The baseline peer: the same paragraphs and the same visitor's request on SQLite FTS5.

One FTS5 table holds the searchable columns (title, section, text, person
names) with the same BM25 column weights as the Whoosh schema; side tables
hold what a paragraph is about (``para_year``, ``para_person``) so filters are
joins and facets are ``GROUP BY`` over the matches. Standard library only.

>>> to_match('marx "working class" strikes')
'"marx" AND "working class" AND "strikes"'
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from indexer.models import Paragraph

SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE para (rid INTEGER PRIMARY KEY, id TEXT, doc_id TEXT, position INTEGER,
                   published TEXT, persons TEXT);
CREATE VIRTUAL TABLE fts USING fts5(title, section, text, person_names,
    tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TABLE para_year (rid INTEGER, year INTEGER, PRIMARY KEY (rid, year)) WITHOUT ROWID;
CREATE TABLE para_person (rid INTEGER, person TEXT, PRIMARY KEY (rid, person)) WITHOUT ROWID;
"""
# Built after the bulk load: cheaper than maintaining them row by row.
INDEXES = """
CREATE INDEX year_rid ON para_year (year, rid);
CREATE INDEX person_rid ON para_person (person, rid);
"""
WEIGHTS = "3.0, 2.0, 1.0, 1.5"  # title, section, text, person names: as in indexer/schema.py
FACET_LIMIT = 20  # person facet values returned, most frequent first

_QUERY = re.compile(r'"([^"]*)"|(\S+)')


def to_match(q: str) -> str:
    """A visitor's query (words and "phrases", all required) as an FTS5 MATCH expression."""
    parts = []
    for phrase, word in _QUERY.findall(q):
        text = " ".join(re.findall(r"\w+", phrase or word))
        if text:
            parts.append(f'"{text}"')
    return " AND ".join(parts)


def build(paragraphs: Iterable[Paragraph], path: Path, batch: int = 5000) -> int:
    """Write every paragraph into a fresh database at ``path``; returns the count."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    n = 0
    rows: list[tuple] = []

    def flush() -> None:
        db.executemany("INSERT INTO para VALUES (?,?,?,?,?,?)", [r[0] for r in rows])
        db.executemany("INSERT INTO fts (rowid, title, section, text, person_names) VALUES (?,?,?,?,?)",
                       [r[1] for r in rows])
        db.executemany("INSERT INTO para_year VALUES (?,?)", [y for r in rows for y in r[2]])
        db.executemany("INSERT INTO para_person VALUES (?,?)", [p for r in rows for p in r[3]])
        rows.clear()

    db.execute("BEGIN")
    for p in paragraphs:
        n += 1
        names = " ; ".join(r.name for r in p.persons)
        rows.append((
            (n, p.id, p.doc_id, p.position, p.published, "\t".join(r.id for r in p.persons)),
            (n, p.title, p.section, p.text, names),
            [(n, y) for y in p.years],
            [(n, r.id) for r in p.persons],
        ))
        if len(rows) >= batch:
            flush()
    if rows:
        flush()
    db.executescript(INDEXES)
    db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    db.commit()
    db.close()
    return n


class Fts5Search:
    """The visitor's request against an FTS5 database: top 10 with snippets, total, facets."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def close(self) -> None:
        self.db.close()

    def search(self, q: str, person: str | None = None, year_from: int | None = None,
               year_to: int | None = None, limit: int = 10) -> dict[str, Any]:
        match = to_match(q)
        if not match:
            return {"total": 0, "hits": [], "facets": {"year": {}, "person": {}}}
        where, args = ["fts MATCH ?"], [match]
        if person:
            where.append("fts.rowid IN (SELECT rid FROM para_person WHERE person = ?)")
            args.append(person)
        if year_from is not None or year_to is not None:
            where.append("fts.rowid IN (SELECT rid FROM para_year WHERE year BETWEEN ? AND ?)")
            args += [year_from if year_from is not None else 0, year_to if year_to is not None else 9999]
        cond = " AND ".join(where)
        top = self.db.execute(
            f"SELECT fts.rowid, para.id, fts.title, snippet(fts, 2, '<mark>', '</mark>', '…', 40) "
            f"FROM fts JOIN para ON para.rid = fts.rowid WHERE {cond} "
            f"ORDER BY bm25(fts, {WEIGHTS}) LIMIT ?", [*args, limit]).fetchall()
        total = self.db.execute(f"SELECT count(*) FROM fts WHERE {cond}", args).fetchone()[0]
        years = self.db.execute(
            f"SELECT year, count(*) FROM para_year WHERE rid IN (SELECT fts.rowid FROM fts WHERE {cond}) "
            "GROUP BY year", args).fetchall()
        persons = self.db.execute(
            f"SELECT person, count(*) AS c FROM para_person "
            f"WHERE rid IN (SELECT fts.rowid FROM fts WHERE {cond}) GROUP BY person "
            f"ORDER BY c DESC, person LIMIT {FACET_LIMIT}", args).fetchall()
        return {
            "total": total,
            "hits": [{"id": pid, "title": title, "snippet": snip} for _, pid, title, snip in top],
            "facets": {"year": dict(years), "person": dict(persons)},
        }
