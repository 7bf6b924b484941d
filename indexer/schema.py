"""The Whoosh schema: the only module that knows the index's field names.

Every analyzer is built from Whoosh's own classes so the pickled schema in an
index stays loadable as long as whoosh-reloaded is installed.
"""

from __future__ import annotations

import json
from typing import Any

from whoosh import fields
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
)

from indexer.folding import FOLD_MAP
from indexer.models import Paragraph, PersonRef

# whoosh-reloaded's default tokenizer keeps "*" inside words, so Markdown
# emphasis such as "*Te Deum*" would be indexed as "*te"; this pattern does not.
TOKEN_PATTERN = r"\w+(?:\.?\w+)*"


def text_analyzer():
    """Case- and accent-folded, stemmed words (deported ~ deportation, Cárdenas ~ Cardenas).

    No stop list: visitors search for phrases such as "tear down this wall".
    """
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(FOLD_MAP)
        | StemFilter(lang="en", cachesize=100_000)
    )


def exact_analyzer():
    """Folded but unstemmed words: names, and the "did you mean" vocabulary."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(FOLD_MAP)


# One instance of each for analysis outside an index writer (query words,
# highlighting, document ranking): the stemmer keeps a cache worth sharing.
STEMMER = text_analyzer()
FOLDER = exact_analyzer()


def stem(word: str) -> str:
    """The indexed form of one word ("Deported" -> "deport"); the word itself if it has none."""
    tokens = [t.text for t in STEMMER(word)]
    return tokens[0] if tokens else word


# Field names, in one place.
ID = "id"
DOC_ID = "doc_id"
TITLE = "title"
SECTION = "section"
AUTHOR = "author"
TEXT = "text"
TEXT_FORMS = "text_forms"  # which unstemmed words each paragraph's text uses (presence only)
PERSON_NAMES = "person_names"  # canonical names and aliases of the persons mentioned
PERSON = "person"  # person ids, one token each
YEAR = "year"  # years mentioned, one token each ("1940")
DECADE = "decade"  # decades mentioned as such ("1920")
PUBLISHED = "published"  # ISO date prefix, stored
PUB_YEAR = "pub_year"  # publication year, one token
PUB_SOURCE = "published_source"  # where the publication date was read: catalogue, meta, byline, ...
KIND = "kind"  # "article", or "listing" for pages that are mostly links (kept out of results)
LISTING = "listing"
POSITION = "position"
PAYLOAD = "payload"  # JSON of what the API returns but never searches


def build_schema() -> fields.Schema:
    return fields.Schema(
        **{
            ID: fields.ID(stored=True, unique=True),
            DOC_ID: fields.ID(stored=True),
            # BM25F: matches in the title and section heading weigh more.
            TITLE: fields.TEXT(analyzer=text_analyzer(), stored=True, field_boost=3.0),
            SECTION: fields.TEXT(analyzer=text_analyzer(), stored=True, field_boost=2.0),
            AUTHOR: fields.TEXT(analyzer=exact_analyzer(), stored=True, field_boost=1.5),
            TEXT: fields.TEXT(analyzer=text_analyzer(), stored=True, phrase=True),
            # Which exact forms a paragraph uses: enough to rank "Militant" above
            # "militants". Positional, because the writer inverts positional fields
            # with numpy (an Existence field went through Whoosh's per-token path:
            # +70 % build CPU); the positions themselves are never read.
            TEXT_FORMS: fields.TEXT(analyzer=exact_analyzer(), phrase=True, stored=False),
            PERSON_NAMES: fields.TEXT(analyzer=exact_analyzer(), phrase=True, field_boost=1.5),
            PERSON: fields.KEYWORD(stored=True, lowercase=False, scorable=False),
            YEAR: fields.KEYWORD(stored=True),
            DECADE: fields.KEYWORD(stored=True),
            PUBLISHED: fields.ID(stored=True),
            PUB_YEAR: fields.KEYWORD(stored=True),
            PUB_SOURCE: fields.STORED(),
            KIND: fields.ID(stored=True),
            POSITION: fields.NUMERIC(stored=True, sortable=True),
            PAYLOAD: fields.STORED(),
        }
    )


def to_fields(p: Paragraph, aliases: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The Whoosh document for one paragraph.

    ``aliases`` maps a person id to the other names they go by, so a search for
    one form of a name finds paragraphs that use another.
    """
    names: list[str] = []
    for ref in p.persons:
        names.append(ref.name)
        names.extend((aliases or {}).get(ref.id, ()))
    pub_year = p.published_year
    return {
        ID: p.id,
        DOC_ID: p.doc_id,
        TITLE: p.title,
        SECTION: p.section,
        AUTHOR: p.author or "",
        TEXT: p.text,
        TEXT_FORMS: p.text,
        PERSON_NAMES: " ; ".join(names),
        PERSON: " ".join(ref.id for ref in p.persons),
        YEAR: " ".join(str(y) for y in p.years),
        DECADE: " ".join(str(d) for d in p.decades),
        PUBLISHED: p.published or "",
        PUB_YEAR: str(pub_year) if pub_year is not None else "",
        PUB_SOURCE: p.published_source or "",
        KIND: p.kind,
        POSITION: p.position,
        PAYLOAD: json.dumps(
            {
                "persons": [[r.id, r.name] for r in p.persons],
                "flags": list(p.flags),
            },
            ensure_ascii=False,
        ),
    }


def from_stored(stored: dict[str, Any]) -> Paragraph:
    """The Paragraph back from a hit's stored fields (inverse of :func:`to_fields`)."""
    payload = json.loads(stored.get(PAYLOAD) or "{}")
    pub = stored.get(PUBLISHED) or None
    return Paragraph(
        id=stored[ID],
        doc_id=stored[DOC_ID],
        title=stored.get(TITLE, ""),
        position=int(stored.get(POSITION, 0)),
        text=stored.get(TEXT, ""),
        section=stored.get(SECTION, ""),
        author=stored.get(AUTHOR) or None,
        published=pub,
        published_source=stored.get(PUB_SOURCE) or None,
        kind=stored.get(KIND) or "article",
        years=tuple(int(y) for y in (stored.get(YEAR) or "").split()),
        decades=tuple(int(d) for d in (stored.get(DECADE) or "").split()),
        persons=tuple(PersonRef(i, n) for i, n in payload.get("persons", [])),
        flags=tuple(payload.get("flags", [])),
    )


# The index root's layout, shared with the service (see indexer/engine/generations.py).
CURRENT_FILE = "CURRENT"
PREVIOUS_FILE = "PREVIOUS"
GENERATION_META = "generation.json"  # built_at, documents, paragraphs, corpus, ...
PERSONS_FILE = "persons.json"  # {person_id: {"name", "sort", "aliases": [...]}}
MANIFEST_FILE = "manifest.json"  # {doc_id: {"hash", "paragraphs": {text_hash: pid}}}
VOCABULARY_FILE = "vocabulary.json"  # {folded word: paragraphs using it}, for "did you mean"
CHECKSUMS_FILE = "checksums.json"  # {"algorithm", "files": {name: [size, checksum]}}
STEMS_FILE = "stems.json"  # {folded word: its stem} as the build found them, for snippets
