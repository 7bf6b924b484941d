"""A visitor's query string -> the Whoosh queries to match and to rank with.

Syntax: plain words (stemmed, case/accent folded), "quoted phrases",
AND/OR/NOT and -word, ``title:``, ``section:``, ``person:``, ``year:``,
``decade:``, ``author:``. Any other ``name:`` is read as plain words. Nothing a
visitor types raises: unparseable input falls back to its plain words.

Wildcards are bounded: ``trot*`` becomes an OR of at most
``max_wildcard_expansions`` of the most frequent matching words, and a bare
``*`` constrains nothing (it would otherwise expand to the whole vocabulary).

Rare or unknown words are also searched in their close forms (see suggest.py),
and the response says so in ``expanded``.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from whoosh import qparser
from whoosh import query as wq

from indexer import schema as S
from indexer.engine import deadline
from indexer.engine.highlight import Terms
from searchsvc.compounds import query_string, query_words
from searchsvc.errors import BadRequest
from searchsvc.persons import PersonRegistry, fold
from searchsvc.suggest import EXPANSIONS, Vocabulary

SEARCH_FIELDS = [S.TEXT, S.TITLE, S.SECTION, S.PERSON_NAMES, S.AUTHOR]
FIELD_PREFIXES = {
    "title": S.TITLE, "section": S.SECTION, "person": S.PERSON,
    "year": S.YEAR, "decade": S.DECADE, "author": S.AUTHOR,
}
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
PHRASE_BOOST = 3.0  # an exact phrase outranks the same words scattered
WILDCARD_SCAN = 20_000  # lexicon entries looked at for one wildcard, at most

_FIELD_RE = re.compile(r"(\w+):")
# A plain word: not negated, not a field value, not a wildcard, not a field name.
_PLAIN_WORD = re.compile(r"(?<![\w:\-+*?'])([^\W\d_][\w']*)(?![\w:*?])")


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the normalised query string
    match: wq.Query | None  # which paragraphs match (None: all of them)
    rank: wq.Query | None  # how they are scored (match + phrase boost)
    terms: Terms  # what to highlight
    suggestion: str | None = None
    expanded: tuple[str, ...] = ()
    plain: bool = True  # only plain words (no operators, quotes or fields)
    # A query that is one quoted phrase: the phrase in a document's title, so that a
    # document grouping can show a document whose title alone holds it.
    title_phrase: wq.Query | None = None


def normalise(q: str) -> str:
    """Compose accents (a decomposed "e" + accent is one letter, as in the index) and
    collapse whitespace.

    >>> normalise("  tear\\t down   this wall "), normalise("Cafe\\u0301")
    ('tear down this wall', 'Café')
    """
    return " ".join(unicodedata.normalize("NFC", q).split())


def make_parser(schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(SEARCH_FIELDS, schema, group=qparser.AndGroup)
    # Apostrophes are text ("Trotsky's"), "^" boosts and [a TO b] ranges are
    # not part of our syntax; "*:*" would select everything unbounded.
    for plugin in (qparser.SingleQuotePlugin, qparser.BoostPlugin, qparser.RangePlugin,
                   qparser.EveryPlugin):
        parser.remove_plugin_class(plugin)
    # "-word" negates only at the start of a word: "rosa-luxemburg" is one id.
    parser.add_plugin(qparser.PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+", minusexpr=r"(?<![^\s(])-"))
    return parser


def _restrict_fields(q: str) -> str:
    """Keep only our field prefixes; anything else ("http:", "text:") is plain text.

    >>> _restrict_fields("Title:exile foo:bar")
    'title:exile foo bar'
    """
    def repl(m: re.Match) -> str:
        name = m.group(1).lower()
        return f"{name}:" if name in FIELD_PREFIXES else f"{m.group(1)} "
    return _FIELD_RE.sub(repl, q)


def plain_words(q: str) -> list[tuple[int, int, str]]:
    """Spans of plain words outside quotes, for spelling help.

    >>> [w for _, _, w in plain_words('slavry "in mexico" -exile title:x AND Trotksy')]
    ['slavry', 'Trotksy']
    """
    out = []
    at = 0
    for i, segment in enumerate(q.split('"')):
        if i % 2 == 0:  # outside quotes
            for m in _PLAIN_WORD.finditer(segment):
                if m.group(1) not in OPERATORS:
                    out.append((at + m.start(1), at + m.end(1), m.group(1)))
        at += len(segment) + 1
    return out


def _tidy_operators(q: str) -> str:
    """Dangling operators are dropped, and a lone "-word" becomes "NOT word" (Whoosh
    would otherwise match nothing for a purely negative query).

    >>> _tidy_operators("exile OR"), _tidy_operators("-strike"), _tidy_operators("AND x")
    ('exile', 'NOT strike', 'x')
    """
    q = re.sub(r"^(?:(?:AND|OR|ANDNOT|ANDMAYBE)\s+)+", "", q)
    q = re.sub(r"(?:\s+(?:AND|OR|NOT|ANDNOT|ANDMAYBE))+$", "", q)
    if q and all(w.startswith("-") for w in q.split()):
        q = re.sub(r"(^|\s)-(?=\S)", r"\1NOT ", q)
    return q


def _is_plain(q: str) -> bool:
    """Only plain words?

    >>> _is_plain("tear down this wall"), _is_plain("wall -down"), _is_plain("military-industrial")
    (True, False, True)
    """
    words = q.split()
    return all(re.fullmatch(r"[^\W_][\w'.]*(?:-[^\W_][\w'.]*)*", w) and w not in OPERATORS
               for w in words)


class QueryBuilder:
    """Turns query strings into ParsedQuery values for one generation's reader."""

    def __init__(self, schema, registry: PersonRegistry, vocab: Vocabulary,
                 max_terms: int, max_expansions: int) -> None:
        # Parsing is pure Python and shared; the reader is passed per call because Whoosh
        # readers are not thread-safe (each request thread has its own searcher).
        self.parser = make_parser(schema)
        self.registry = registry
        self.vocab = vocab
        self.max_terms = max_terms
        self.max_expansions = max_expansions

    # -- spelling ------------------------------------------------------------
    def _spelling(self, q: str) -> tuple[str, str | None, tuple[str, ...]]:
        """(query with close forms ORed in, suggestion, forms searched)."""
        rewritten, suggested, expanded = q, q, []
        changed = False
        for start, end, word in reversed(plain_words(q)):
            forms = self.vocab.correction(fold(word))
            if not forms:
                continue
            changed = True
            names = [f for f, _, _ in forms[:EXPANSIONS]]
            expanded = names + expanded
            best = names[0].capitalize() if word[:1].isupper() else names[0]
            suggested = suggested[:start] + best + suggested[end:]
            rewritten = rewritten[:start] + "(" + " OR ".join([word, *names]) + ")" + rewritten[end:]
        return rewritten, (suggested if changed else None), tuple(dict.fromkeys(expanded))

    # -- tree rewriting -------------------------------------------------------
    def _people(self, text: str) -> wq.Query:
        """person:X -> the ids X names (exactly, or as one word of a name), else name search."""
        pid = self.registry.resolve(text)
        if pid:
            return wq.Term(S.PERSON, pid)
        want = fold(text)
        ids = [p for p in self.registry.entries
               if any(want in fold(f).split() for f in self.registry.forms(p))]
        if ids:
            return wq.Or([wq.Term(S.PERSON, p) for p in sorted(ids)])
        words = want.split()
        if len(words) > 1:
            return wq.Phrase(S.PERSON_NAMES, words)
        return wq.Term(S.PERSON_NAMES, want)

    def _expand(self, reader, field: str, pattern: str) -> wq.Query | None:
        """A bounded OR of the most frequent words matching a wildcard pattern."""
        literal = re.split(r"[*?]", pattern, maxsplit=1)[0]
        if not literal:
            return None  # "*" or "*ism": unbounded, constrains nothing
        candidates = []
        for i, btext in enumerate(reader.expand_prefix(field, literal)):
            if i >= WILDCARD_SCAN:
                break
            if not i & 1023:
                deadline.check()  # a lexicon scan reads no postings: checked here
            word = btext.decode("utf-8") if isinstance(btext, bytes) else btext
            if fnmatch.fnmatchcase(word, pattern):
                candidates.append((reader.doc_frequency(field, word), word))
        if not candidates:
            return wq.NullQuery
        candidates.sort(key=lambda t: (-t[0], t[1]))
        return wq.Or([wq.Term(field, w) for _, w in candidates[: self.max_expansions]])

    def _rewrite(self, q: wq.Query, reader) -> wq.Query | None:
        """``q`` as it can run: wildcards bounded, persons resolved to ids, years checked.
        None: nothing left that constrains the match."""
        if isinstance(q, wq.Every):
            return None
        if isinstance(q, (wq.Prefix, wq.Wildcard)):
            return self._wildcard(q, reader)
        if isinstance(q, (wq.Term, wq.Phrase)):
            return self._field_value(q)
        if isinstance(q, wq.Not):
            child = self._rewrite(q.query, reader)
            return None if child is None else wq.Not(child)
        if isinstance(q, (wq.And, wq.Or, wq.DisjunctionMax)):
            return self._group(q, reader)
        if isinstance(q, wq.BinaryQuery):  # AndNot, AndMaybe, Require, Otherwise
            a, b = self._rewrite(q.a, reader), self._rewrite(q.b, reader)
            if a is None:
                return None
            return a if b is None else q.__class__(a, b)
        return q

    def _wildcard(self, q: wq.Prefix | wq.Wildcard, reader) -> wq.Query | None:
        pattern = q.text + "*" if isinstance(q, wq.Prefix) else q.text
        if q.fieldname == S.PERSON:
            literal = pattern.rstrip("*?")
            return self._people(literal) if literal else None
        return self._expand(reader, q.fieldname, pattern.lower())

    def _field_value(self, q: wq.Term | wq.Phrase) -> wq.Query:
        """A person named as the visitor wrote it becomes ids; a year or decade must be one."""
        if q.fieldname == S.PERSON:
            return self._people(q.text if isinstance(q, wq.Term) else " ".join(q.words))
        if isinstance(q, wq.Term) and q.fieldname in (S.YEAR, S.DECADE):
            return q if str(q.text).isdigit() else wq.NullQuery
        return q

    def _group(self, q: wq.CompoundQuery, reader) -> wq.Query | None:
        """An AND or OR of what is left of its parts; one part stands for itself (unless
        it is a NOT, which alone would match nothing)."""
        kids = [k for k in (self._rewrite(c, reader) for c in q.subqueries) if k is not None]
        if not kids:
            return None
        if len(kids) == 1 and not isinstance(kids[0], wq.Not):
            return kids[0]
        return q.__class__(kids)

    # -- entry point ----------------------------------------------------------
    def build(self, raw: str, reader) -> ParsedQuery:
        text = normalise(raw)
        if not text:
            return ParsedQuery("", None, None, Terms())
        plain = _is_plain(text)
        rewritten, suggestion, expanded = self._spelled(text, plain)
        match, titles = _title_phrases(self._match(rewritten, reader))
        rank = self._with_phrase_bonus(text, plain, match)
        rank, title_phrase = _with_title_phrase(match, rank, titles)
        return ParsedQuery(text, match, rank, self._terms(match), suggestion, expanded, plain,
                           title_phrase)

    def _spelled(self, text: str, plain: bool) -> tuple[str, str | None, tuple[str, ...]]:
        """The query to parse, with compound forms and close forms ORed in; the spelling
        suggestion (made from what the visitor typed); the close forms searched."""
        parse = text
        if plain:
            # "anti-war", "antiwar" and "anti war" find each other (see compounds.py).
            qwords = query_words(text, self.vocab.frequency)
            if any(len(w.forms) > 1 for w in qwords):
                parse = query_string(qwords)
        rewritten, suggestion, expanded = self._spelling(parse)
        if parse != text and suggestion is not None:
            suggestion = self._spelling(text)[1]
        return rewritten, suggestion, expanded

    def _match(self, rewritten: str, reader) -> wq.Query | None:
        """Which paragraphs match; BadRequest when the query expands to too many terms."""
        try:
            parsed = self.parser.parse(_tidy_operators(_restrict_fields(rewritten)))
            match = self._rewrite(parsed, reader)
        except Exception:  # noqa: BLE001 - a visitor's typing must never be a 500
            words = " ".join(w for w in re.findall(r"\w+", rewritten) if w not in OPERATORS)
            match = self._rewrite(self.parser.parse(words), reader) if words else None
        if match is not None:
            n = sum(1 for _ in _leaves(match))
            if n > self.max_terms * len(SEARCH_FIELDS) * (EXPANSIONS + 1):
                raise BadRequest([("q", f"too many terms: at most {self.max_terms} words")])
        return match

    def _with_phrase_bonus(self, text: str, plain: bool,
                           match: wq.Query | None) -> wq.Query | None:
        """How matches rank: plain words score higher where they stand as typed, in a row."""
        words = text.split()
        if match is None or not plain or not 1 < len(words) <= self.max_terms:
            return match
        stems = [t.text for t in S.STEMMER(text)]
        if len(stems) <= 1:
            return match
        return wq.AndMaybe(match, wq.Phrase(S.TEXT, stems, boost=PHRASE_BOOST))

    def _terms(self, q: wq.Query | None) -> Terms:
        stems, words = set(), set()
        # A phrase is highlighted where its words stand in a row, as one span.
        phrases = {tuple(p.words) for p in _positive_phrases(q)
                   if p.fieldname in (S.TEXT, S.TITLE, S.SECTION)}
        for field, value in positive_terms(_without_phrases(q)):
            value = value.decode("utf-8") if isinstance(value, bytes) else str(value)
            if field in (S.TEXT, S.TITLE, S.SECTION):
                stems.add(value)
            elif field == S.PERSON:
                for form in self.registry.forms(value):
                    words.update(fold(form).split())
            elif field in (S.PERSON_NAMES, S.AUTHOR):
                words.add(value)
        return Terms.of(stems, words, phrases)


def _positive_phrases(q: wq.Query | None) -> Iterator[wq.Phrase]:
    """Phrases that count for highlighting: not under NOT."""
    if q is None or isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        yield from _positive_phrases(q.a)
    elif isinstance(q, wq.Phrase):
        yield q
    elif not q.is_leaf():
        for c in q.children():
            yield from _positive_phrases(c)


def _without_phrases(q: wq.Query | None) -> wq.Query | None:
    """``q`` with its phrases replaced by nothing (for the single-word terms)."""
    if q is None or isinstance(q, wq.Phrase):
        return wq.NullQuery
    if q.is_leaf():
        return q
    return q.apply(_without_phrases)


def _only_phrases(q: wq.Query) -> bool:
    """Is ``q`` one quoted phrase searched in several fields (and nothing else)?

    >>> _only_phrases(wq.Or([wq.Phrase("text", ["a", "b"]), wq.Phrase("section", ["a", "b"])]))
    True
    >>> _only_phrases(wq.And([wq.Phrase("text", ["a", "b"]), wq.Term("text", "c")]))
    False
    """
    if isinstance(q, wq.Phrase):
        return True
    return isinstance(q, wq.Or) and all(isinstance(c, wq.Phrase) for c in q.subqueries)


def _title_phrases(q: wq.Query | None) -> tuple[wq.Query | None, list[wq.Phrase]]:
    """Take out of ``q`` each title phrase that stands beside the same phrase in the
    text (the parser searches a quoted phrase in every field); a phrase asked for in
    the title itself (``title:"..."``) stays.

    >>> m = wq.Or([wq.Phrase("text", ["a", "b"]), wq.Phrase("title", ["a", "b"])])
    >>> _title_phrases(m)
    (Or([Phrase('text', ['a', 'b'], slop=1, boost=1.000000)]), [Phrase('title', ['a', 'b'], slop=1, boost=1.000000)])
    """
    found: list[wq.Phrase] = []

    def walk(node):
        if node is None or node.is_leaf():
            return node
        if isinstance(node, wq.Or):
            texts = {tuple(c.words) for c in node.subqueries
                     if isinstance(c, wq.Phrase) and c.fieldname == S.TEXT}
            titles = [c for c in node.subqueries if isinstance(c, wq.Phrase)
                      and c.fieldname == S.TITLE and tuple(c.words) in texts]
            if titles:
                found.extend(titles)
                node = node.__class__([c for c in node.subqueries if c not in titles])
        return node.apply(walk)

    return walk(q), found


def _with_title_phrase(match: wq.Query | None, rank: wq.Query | None,
                       titles: list[wq.Phrase]) -> tuple[wq.Query | None, wq.Query | None]:
    """The ranking with the quoted phrase in a title as a bonus, and that title phrase
    when the query is nothing but the phrase (a document whose title alone holds it
    then matches as a document)."""
    if match is None or not titles:
        return rank, None
    # A phrase in the title scores the document's paragraphs that have it
    # themselves; it does not make every paragraph under that title a match.
    title_phrase = titles[0] if len(titles) == 1 else wq.Or(titles)
    if not _only_phrases(match):
        return wq.AndMaybe(rank, title_phrase), None  # other words or operators must hold too
    return wq.Or([match, title_phrase]), title_phrase


def _leaves(q: wq.Query) -> Iterator[wq.Query]:
    if q.is_leaf():
        yield q
    else:
        for c in q.children():
            yield from _leaves(c)


def positive_terms(q: wq.Query | None) -> Iterator[tuple[str, object]]:
    """(field, text) of terms that count for highlighting: not under NOT."""
    if q is None or isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        yield from positive_terms(q.a)
        return
    if isinstance(q, wq.Phrase):
        for w in q.words:
            yield q.fieldname, w
        return
    if q.is_leaf():
        yield from q.terms() if hasattr(q, "terms") else ()
        return
    for c in q.children():
        yield from positive_terms(c)
