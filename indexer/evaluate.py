"""Measure person and year extraction against the gold labels in ../shared/eval.

    python -m indexer.evaluate [--shared DIR] [--authority FILE] [--no-speed]
    python -m indexer.evaluate --facets [--index DIR] [--top N] [--query Q ...]

The second form is the facet audit (see :mod:`indexer.facet_audit`): the top
person values a visitor sees for broad queries, scored against judged labels.

For each gold file it reads the labelled documents with the project's
readers, finds each gold paragraph by its phrase, annotates the document and
scores paragraph-level precision, recall and F1 for persons, years and
decades, then prints the misses. Finally it times annotation over the whole
shared corpus (paragraphs per second on one core).

A predicted person counts when it names the same individual as a gold one:
same full name, or same surname with compatible given names or initials
("Blaine" ~ "James G. Blaine", "Dwight David Eisenhower" ~ "Dwight D.
Eisenhower", "William" ~ "William III of England"; not "James I" ~ "James II").
``persons_optional`` entries are neither rewarded nor penalised.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from indexer.authority import Authority
from indexer.folding import fold_in_place
from indexer.persons import PersonAnnotator
from indexer.years import YearMentions, mentions

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_AUTHORITY = ROOT / "corpus" / "persons.toml"
# (file, cold): the dev set is scored with an EMPTY authority file, so its score measures
# discovery alone; the seed set uses the project's authority file.
GOLD_FILES = (("seed_gold.json", False), ("dev_gold.json", True))

_EMPHASIS = re.compile(r"[*_]+")
_ROMAN = re.compile(r"^[ivx]+$")
_SUFFIXES = {"jr", "sr", "jr.", "sr."}


def normalise(text: str) -> str:
    """Compare texts the way the gold files ask: no emphasis marks, collapsed whitespace.

    >>> normalise("the  *Te\\nDeum*")
    'the Te Deum'
    """
    return " ".join(_EMPHASIS.sub("", text).split())


# -- names ----------------------------------------------------------------------------


def _parts(name: str) -> tuple[list[str], str | None]:
    """Name tokens (no "of England", no Jr.) and the regnal numeral, if any."""
    name = re.split(r"\s+of\s+|,", fold_in_place(name).casefold())[0]
    tokens = [t.strip(".'") for t in re.findall(r"[\w'.-]+", name)]
    tokens = [t for t in tokens if t and t not in _SUFFIXES]
    numeral = next((t for t in tokens if _ROMAN.match(t) and t != tokens[0]), None)
    return [t for t in tokens if t != numeral], numeral


def same_person(predicted: str, gold: str) -> bool:
    """Does ``predicted`` name the individual ``gold`` names?

    >>> same_person("Blaine", "James G. Blaine"), same_person("James II", "James I of England")
    (True, False)
    >>> same_person("Dwight David Eisenhower", "Dwight D. Eisenhower"), same_person("Henry Ford", "Gerald Ford")
    (True, False)
    """
    p, p_num = _parts(predicted)
    g, g_num = _parts(gold)
    if not p or not g:
        return False
    if p_num and g_num and p_num != g_num:
        return False
    if p == g:
        return True
    if p[-1] != g[-1] and not (len(p) == 1 and p[0] in g):
        return False
    # Only the first given names are compared; a side without one is compatible.
    if len(p) == 1 or len(g) == 1:
        return True
    return any(_given_compatible(p[0], t) for t in g[:-1])


# Given-name variants across languages: the same name, not a different person.
_VARIANTS = [
    {"frederick", "friedrich", "frederic", "federico"}, {"karl", "carl", "charles", "carlos"},
    {"louis", "ludwig", "luis", "lewis"}, {"joseph", "josef", "jose", "iosif", "giuseppe"},
    {"leon", "lev", "leo"}, {"henry", "heinrich", "henri", "enrique"},
    {"william", "wilhelm", "guillaume", "guillermo"}, {"george", "georg", "georges", "georgi"},
    {"peter", "pierre", "pyotr", "pedro", "pietro"}, {"john", "johann", "jean", "ivan", "juan"},
    {"jacob", "jakob", "jakobus", "jacques", "james"}, {"christopher", "chris"},
]


def _given_compatible(a: str, b: str) -> bool:
    """ "h" ~ "harry", "friedrich" ~ "frederick"; "harry" !~ "henry"."""
    if a == b or (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return True
    return any(a in group and b in group for group in _VARIANTS)


# -- scoring --------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, label: str) -> str:
        return (f"  {label:<9} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
                f"   (tp {self.tp}, fp {self.fp}, fn {self.fn})")


@dataclass
class Result:
    persons: Score = field(default_factory=Score)
    years: Score = field(default_factory=Score)
    decades: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)
    missing_paragraphs: list[str] = field(default_factory=list)


def score_persons(predicted: list[str], gold: list[str], optional: list[str]) -> tuple[Score, list, list]:
    """(score, false positives, false negatives) for one paragraph."""
    unmatched = list(dict.fromkeys(gold))
    fps = []
    tp = 0
    for name in dict.fromkeys(predicted):
        hit = next((g for g in unmatched if same_person(name, g)), None)
        if hit is not None:
            unmatched.remove(hit)
            tp += 1
        elif any(same_person(name, g) for g in gold) or any(same_person(name, o) for o in optional):
            continue  # a second name for someone already counted, or an optional mention
        else:
            fps.append(name)
    return Score(tp, len(fps), len(unmatched)), fps, unmatched


def score_set(predicted: set, gold: set) -> Score:
    return Score(len(predicted & gold), len(predicted - gold), len(gold - predicted))


def _add(total: Score, part: Score) -> None:
    total.tp += part.tp
    total.fp += part.fp
    total.fn += part.fn


# -- reading ---------------------------------------------------------------------------


def read_document(path: Path, root: Path) -> tuple[str, list[str], int | None]:
    """(title, paragraph texts, publication year) with the project's readers."""
    from indexer.chunking import chunk
    from indexer.models import Skipped
    from indexer.readers import read_file

    doc = read_file(path, root)
    if isinstance(doc, Skipped):
        raise ValueError(f"{doc.path}: {doc.reason}")
    pars = chunk(doc)
    year = pars[0].published_year if pars else None
    return doc.stated_title, [p.text for p in pars], year


def evaluate_file(gold_path: Path, corpus: Path, annotator: PersonAnnotator) -> Result:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = Result()
    cache: dict[str, tuple[list[str], list, int | None]] = {}
    for entry in gold["paragraphs"]:
        doc_id = entry["doc"]
        if doc_id not in cache:
            title, texts, year = read_document(corpus / doc_id, corpus)
            published = str(year) if year else None
            cache[doc_id] = (texts, annotator.annotate(title, texts, published=published), year)
        texts, people, year = cache[doc_id]
        phrase = normalise(entry["phrase"])
        index = next((i for i, t in enumerate(texts) if phrase in normalise(t)), None)
        if index is None:
            result.missing_paragraphs.append(f"{doc_id}: {entry['phrase']!r}")
            _add(result.persons, Score(0, 0, len(entry["persons"])))
            _add(result.years, Score(0, 0, len(entry["years"])))
            continue
        _score_paragraph(result, entry, texts[index], people[index], year)
    return result


def _score_paragraph(result: Result, entry: dict, text: str, people: tuple, year: int | None) -> None:
    """Add one gold paragraph's scores to ``result``, and its misses if any."""
    refs, flags = people
    predicted = [r.name for r in refs]
    gold_names = [p["name"] for p in entry["persons"]]
    optional = [p["name"] for p in entry.get("persons_optional", [])]
    pscore, fps, fns = score_persons(predicted, gold_names, optional)
    _add(result.persons, pscore)
    ym = mentions(text, context_year=year)
    gold_decades = {int(str(d).rstrip("s")) for d in entry.get("decades", [])}
    yscore = score_set(set(ym.years), set(entry["years"]))
    dscore = score_set(set(ym.decades), gold_decades)
    _add(result.years, yscore)
    _add(result.decades, dscore)
    if fps or fns or yscore.fp or yscore.fn or dscore.fp or dscore.fn:
        result.misses.append(_miss(entry, fps, fns, ym, gold_decades, flags))


def _miss(entry: dict, fps: list, fns: list, ym: YearMentions, gold_decades: set[int], flags: tuple) -> str:
    """What one gold paragraph got wrong, for the report."""
    parts = [f"{entry['doc'].split('/')[-1]} | {entry['phrase'][:40]!r}"]
    if fns:
        parts.append(f"missed persons {fns}")
    if fps:
        parts.append(f"wrong persons {fps}")
    extra, lacking = sorted(set(ym.years) - set(entry["years"])), sorted(set(entry["years"]) - set(ym.years))
    if extra or lacking:
        parts.append(f"years +{extra} -{lacking}")
    if set(ym.decades) != gold_decades:
        parts.append(f"decades got {list(ym.decades)} want {sorted(gold_decades)}")
    if flags:
        parts.append(f"flags {list(flags)}")
    return "\n      ".join(parts)


# -- speed -------------------------------------------------------------------------------


def corpus_documents(corpus: Path) -> Iterator[tuple[str, str, list[str], int | None]]:
    """(doc_id, title, paragraph texts, publication year) for every readable document."""
    from indexer.chunking import chunk
    from indexer.models import Skipped, published_year
    from indexer.pipeline import written
    from indexer.readers import read_corpus

    for doc in read_corpus(corpus):
        if not isinstance(doc, Skipped):
            yield doc.doc_id, doc.stated_title, [p.text for p in chunk(doc)], published_year(written(doc))


def measure_speed(corpus: Path, authority: Authority) -> str:
    started = time.perf_counter()
    docs = list(corpus_documents(corpus))
    read_s = time.perf_counter() - started
    n = sum(len(t) for _, _, t, _ in docs)
    annotator = PersonAnnotator(authority)
    # CPU time of this process: "on one core", whatever else the machine is doing.
    started = time.process_time()
    annotator.prepare((d, t, y) for d, _, t, y in docs)
    prepare_s = time.process_time() - started
    started = time.process_time()
    for _, title, texts, year in docs:
        annotator.annotate(title, texts, published=str(year) if year else None)
        for t in texts:
            mentions(t)
    annotate_s = time.process_time() - started
    return (
        f"Speed over {corpus} ({len(docs)} documents, {n:,} paragraphs, one core):\n"
        f"  read+chunk {read_s:.1f} s wall; discovery pass {prepare_s:.1f} s CPU"
        f" ({n / prepare_s:,.0f} paragraphs/s)\n"
        f"  annotate persons+years {annotate_s:.1f} s CPU = {n / annotate_s:,.0f} paragraphs/s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m indexer.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--authority", type=Path, default=DEFAULT_AUTHORITY, help="authority file")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed run")
    parser.add_argument("--no-prepare", action="store_true",
                        help="score without the corpus-wide discovery pass")
    facets = parser.add_argument_group("facet audit")
    facets.add_argument("--facets", action="store_true",
                        help="audit the person facet of an index instead (see indexer.facet_audit)")
    facets.add_argument("--index", type=Path, default=None,
                        help="index root to audit (default env ARCHIVE_INDEX, else index)")
    facets.add_argument("--top", type=int, default=None, help="person values per query (default 30)")
    facets.add_argument("--contexts", type=int, default=None, help="contexts shown per value (default 2)")
    facets.add_argument("--judgements", type=Path, default=None,
                        help="judged labels (default tests/facet_judgements/<corpus folder name>.json)")
    facets.add_argument("--value", action="append", default=None,
                        help="print every paragraph this person value counts, by year (repeatable)")
    facets.add_argument("--changed-since", type=Path, default=None, metavar="OLD_INDEX",
                        help="list the values shown whose paragraphs differ from OLD_INDEX's, or that are unjudged")
    facets.add_argument("--stamp", action="append", default=None, metavar="ID",
                        help="record beside this value's label the paragraphs it counts on --index, the set just "
                             "judged; the audit counts it unjudged once they change (repeatable)")
    facets.add_argument("--query", action="append", default=None,
                        help="a broad query (repeat; default: ten such as war, strike, election)")
    args = parser.parse_args(argv)
    if args.facets:
        return _facet_audit(args)
    corpus = args.shared / "corpus"
    if not (args.shared / "eval").is_dir():
        print(f"Error: no gold labels in {args.shared / 'eval'}", file=sys.stderr)
        return 1
    authority = Authority.load(args.authority)
    for problem in authority.problems:
        print(f"authority: {problem}", file=sys.stderr)
    annotator = PersonAnnotator(authority)
    if not args.no_prepare:
        started = time.perf_counter()
        annotator.prepare((d, t, y) for d, _, t, y in corpus_documents(corpus))
        print(f"(discovery pass over the shared corpus: {time.perf_counter() - started:.1f} s)")
    cold = PersonAnnotator(Authority(), state=annotator.state())
    for name, is_cold in GOLD_FILES:
        path = args.shared / "eval" / name
        if not path.is_file():
            continue
        result = evaluate_file(path, corpus, cold if is_cold else annotator)
        print(f"\n{name}" + (" (cold: empty authority, discovery only)" if is_cold else ""))
        print(result.persons.row("persons"))
        print(result.years.row("years"))
        print(result.decades.row("decades"))
        for m in result.missing_paragraphs:
            print(f"  paragraph not found: {m}")
        if result.misses:
            print("  misses:")
            for m in result.misses:
                print(f"    {m}")
    if not args.no_speed:
        print()
        print(measure_speed(corpus, authority))
    return 0


def _facet_audit(args: argparse.Namespace) -> int:
    from indexer import facet_audit

    try:
        if args.value:
            print(facet_audit.value_report(args.index or facet_audit.default_index(), args.value), end="")
            return 0
        if args.stamp:
            path = facet_audit.stamp(args.index or facet_audit.default_index(), args.stamp, args.judgements)
            print(f"{len(args.stamp)} labels stamped in {path}")
            return 0
        if args.changed_since:
            changes = facet_audit.changed_values(
                args.index or facet_audit.default_index(), args.changed_since,
                queries=tuple(args.query or facet_audit.BROAD_QUERIES), top=args.top or facet_audit.TOP,
                judgements_path=args.judgements)
            print(facet_audit.change_report(changes), end="")
            return 0
        text, _ = facet_audit.audit(
            args.index or facet_audit.default_index(),
            queries=tuple(args.query or facet_audit.BROAD_QUERIES),
            top=args.top or facet_audit.TOP,
            contexts=facet_audit.CONTEXTS if args.contexts is None else args.contexts,
            judgements_path=args.judgements,
        )
    except (LookupError, OSError, ValueError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
