"""How much of what a visitor needs the archive kept: titles, dates, authors, per format.

A title made from the file name ("Cooper Union Address" from
``1860-02-27-cooper-union-address.txt``) is no title the archive gave, so it
counts as missing. A date from the path is a date; the summary shows where
the dates came from on a line of its own.

>>> from indexer.models import Document
>>> c = Coverage()
>>> c.add(Document("a/harbour-notes.txt", "text", "Harbour Notes", title_source="file name"))
>>> c.add(Document("b.html", "html", "On Salt", author="Ida Long", published="1923", published_source="html-meta"))
>>> print("\\n".join(c.lines()))
  formats:    html 1, text 1
  with a title:  1 of 2 (50 %) (the others have one made from the file name); without: a/harbour-notes.txt
  with a date:   1 of 2 (50 %); without: a/harbour-notes.txt
  with an author: 1 of 2 (50 %); without: a/harbour-notes.txt
  dates from:  html-meta 1
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from indexer.models import Document

EXAMPLES = 3


def title_from_file_name(doc: Document) -> bool:
    """Is the title only the file name made readable (the reader's last resort)?

    >>> title_from_file_name(Document("x/1860-02-27-cooper-union.txt", "text", "Cooper Union",
    ...                               title_source="file name"))
    True
    """
    return doc.title_source == "file name"


@dataclass
class Coverage:
    """Counts over the documents a build indexed (see the module docstring)."""

    documents: int = 0
    formats: Counter = field(default_factory=Counter)
    date_sources: Counter = field(default_factory=Counter)
    # field -> (count with it, examples of documents without it)
    present: Counter = field(default_factory=Counter)
    missing: dict[str, list[str]] = field(default_factory=dict)

    def add(self, doc: Document) -> None:
        self.documents += 1
        self.formats[doc.source_format] += 1
        if doc.published:
            self.date_sources[doc.published_source or "unknown"] += 1
        for name, has in (("title", not title_from_file_name(doc)), ("date", bool(doc.published)),
                          ("author", bool(doc.author))):
            if has:
                self.present[name] += 1
            else:
                examples = self.missing.setdefault(name, [])
                if len(examples) < EXAMPLES:
                    examples.append(doc.doc_id)

    def as_dict(self) -> dict:
        """For generation.json: what a later `indexer stats` can show."""
        return {"documents": self.documents, "formats": dict(self.formats),
                "with_title": self.present["title"], "with_date": self.present["date"],
                "with_author": self.present["author"], "date_sources": dict(self.date_sources)}

    def lines(self) -> list[str]:
        out = ["  formats:    " + ", ".join(f"{k} {v}" for k, v in sorted(self.formats.items()))]
        for name, label in (("title", "a title: "), ("date", "a date:  "), ("author", "an author:")):
            n = self.present[name]
            pct = f"{n * 100 / self.documents:.0f} %" if self.documents else "-"
            line = f"  with {label} {n} of {self.documents} ({pct})"
            if name == "title" and self.documents > n:
                line += " (the others have one made from the file name)"
            if self.missing.get(name):
                line += "; without: " + ", ".join(self.missing[name])
                line += ", ..." if self.documents - n > len(self.missing[name]) else ""
            out.append(line)
        if self.date_sources:
            out.append("  dates from:  " + ", ".join(f"{k} {v}" for k, v in self.date_sources.most_common()))
        return out
