"""The curation report (``python -m indexer persons``): what to change in persons.toml, biggest effect first.

The corpus is annotated exactly as a build annotates it (same authority layers,
same discovery pass, same publication dates), so every id the report shows is
an id the service serves. Each proposal says how many paragraphs pasting it
would change, and the list is sorted by that number, with the total on top:

- **person**: a discovered name worth an entry; the stanza keeps the served
  ``x-`` id in ``former_ids``, so links saved with it keep working;
- **veto**: a discovered name the evidence says is no person (a people, a
  place, an organisation), with that evidence;
- **typo**: a word taken for a misspelling of a known surname (plural and
  adjective forms such as "Afghans" for "Afghan" are never proposed);
- **ambiguous**: a bare surname several people share, with each candidate's
  paragraphs by year and ``active`` years that would let the date decide.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from indexer.authority import Authority
from indexer.authority_layers import load_authority
from indexer.discovery import Discovery
from indexer.folding import fold_in_place
from indexer.inflection import inflected
from indexer.models import Document, Skipped
from indexer.person_evidence import Evidence, looks_like_person
from indexer.persons import PersonAnnotator
from indexer.pipeline import annotate_each, discovery_input
from indexer.stable_ids import slug

EvidenceFn = Callable[[str, Sequence[str]], Evidence]
CONTEXTS = 12  # paragraphs per discovered name handed to the evidence function


@dataclass
class Observed:
    """What one annotation of the corpus found, as the report needs it."""

    documents: int = 0
    names: dict[str, str] = field(default_factory=dict)  # discovered id -> name
    paragraphs: Counter = field(default_factory=Counter)  # discovered id -> paragraphs
    docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    contexts: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    flags: Counter = field(default_factory=Counter)  # flag -> paragraphs
    flag_examples: dict[str, tuple[str, str]] = field(default_factory=dict)
    flag_years: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    # person id -> publication year -> paragraphs naming them (None: undated)
    named_years: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))


@dataclass(frozen=True)
class Proposal:
    kind: str  # "person", "veto", "typo", "ambiguous"
    subject: str
    paragraphs: int
    lines: tuple[str, ...]


def observe(docs: Iterable[Document], authority: Authority) -> Observed:
    """Annotate ``docs`` the way a build does and collect what the report shows."""
    docs = list(docs)
    annotator = PersonAnnotator(authority)
    annotator.discovery = Discovery.combine([annotator.count_part(discovery_input(d) for d in docs)])
    seen = Observed()
    for doc, pars in annotate_each(docs, annotator):
        if pars:
            seen.documents += 1
        for p in pars:
            year = p.published_year
            for ref in p.persons:
                seen.named_years[ref.id][year] += 1
                if ref.id.startswith("x-"):
                    seen.names[ref.id] = ref.name
                    seen.paragraphs[ref.id] += 1
                    seen.docs[ref.id].add(doc.doc_id)
                    if len(seen.contexts[ref.id]) < CONTEXTS:
                        seen.contexts[ref.id].append((p.text, doc.doc_id))
            for f in p.flags:
                seen.flags[f] += 1
                seen.flag_years[f][year] += 1
                seen.flag_examples.setdefault(f, (p.text, doc.doc_id))
    return seen


def proposals(seen: Observed, authority: Authority, evidence: EvidenceFn = looks_like_person) -> list[Proposal]:
    """Every proposal, most paragraphs changed first."""
    out = [_discovered(pid, seen, evidence) for pid in seen.names]
    for f, n in seen.flags.items():
        if f.startswith("typo:"):
            word, _, pid = f[5:].partition("->")
            surnames = authority.persons[pid].surnames if pid in authority.persons else ()
            target = seen.names.get(pid, "").split()[-1:] or list(surnames)
            if any(inflected(word, s) for s in target):
                continue  # a plural or adjective, never a typo
            text, doc_id = seen.flag_examples[f]
            name = authority.persons[pid].name if pid in authority.persons else seen.names.get(pid, pid)
            out.append(Proposal("typo", word, n, (
                f"# typo? {word!r} was taken for {name} ({pid}) in {n} paragraph(s), e.g. {_example(text, word, doc_id)}",
                f"#   if right, add it to that entry: misspellings = [{_toml(word)}]; if not, veto it:",
                "[[veto]]", f"form = {_toml(word)}", 'reason = "not a misspelling of ' + _escape(name) + '"', "")))
    out += _ambiguous(seen, authority)
    out.sort(key=lambda p: (-p.paragraphs, p.kind, p.subject))
    return out


def _discovered(pid: str, seen: Observed, evidence: EvidenceFn) -> Proposal:
    name = seen.names[pid]
    n = seen.paragraphs[pid]
    contexts = seen.contexts[pid]
    verdict = evidence(name, [t for t, _ in contexts])
    text, doc_id = contexts[0]
    head = (f"# {name!r} ({pid}): {n} paragraph(s) in {len(seen.docs[pid])} document(s), "
            f"e.g. {_example(text, name, doc_id)}")
    if verdict.person is False:
        return Proposal("veto", name, n, (
            head, f"#   not a person? {verdict.summary()}",
            "[[veto]]", f"form = {_toml(name)}", f"reason = {_toml(verdict.summary())}", ""))
    return Proposal("person", name, n, (
        head, f"#   evidence: {verdict.summary()}",
        f"#   served now as person={pid}; former_ids keeps that link working", _stanza(name, pid)))


def _ambiguous(seen: Observed, authority: Authority) -> list[Proposal]:
    """One proposal per ambiguous surname: flagged paragraphs by year, and the candidates."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for f in seen.flags:
        if f.startswith("ambiguous:"):
            by_surname[f[10:].partition("->")[0]].append(f)
    return [_ambiguity(surname, flags, seen, authority) for surname, flags in by_surname.items()]


def _ambiguity(surname: str, flags: list[str], seen: Observed, authority: Authority) -> Proposal:
    years: Counter = Counter()
    for f in flags:
        years.update(seen.flag_years[f])
    n = sum(years.values())
    guessed = sum(seen.flags[f] for f in flags if "->" in f)
    lines = [(f"# ambiguous {surname!r}: {n} paragraph(s), {n - guessed} left out and {guessed} "
              f"guessed from the nearest person named; by year: {_years(years)}")]
    candidates = [p for p in authority.persons.values() if fold_in_place(surname) in {fold_in_place(s) for s in p.surnames}]
    candidates += [PersonRefLike(pid, name) for pid, name in seen.names.items()
                   if name.split()[-1] == surname and len(name.split()) > 1]
    lead: dict[int, tuple[int, str]] = {}  # year -> (paragraphs, the candidate named most in it)
    for c in candidates:
        named = seen.named_years.get(c.id, Counter())
        active = getattr(c, "active", ())
        spans = ", ".join(f"{a}-{b}" for a, b in active) or "none"
        lines.append(f"#   {c.id} {c.name} (active years: {spans}): named in "
                     f"{sum(named.values())} paragraph(s); by year: {_years(named)}")
        for y, k in named.items():
            if y is not None and k > lead.get(y, (0, ""))[0]:
                lead[y] = (k, c.id)
    if " " in surname:
        # A full name flagged whole: the corpus says a parent and a child bear it (see
        # indexer.kin_names), and only the archivist's file can tell them apart.
        lines.append("#   suggestion: a parent and a child bear this name; write each in persons.toml with "
                     "a name of their own and the years they were active, and the date decides")
    else:
        lines += _suggestion(lead, bool(candidates))
    lines.append("")
    return Proposal("ambiguous", surname, n, tuple(lines))


def _suggestion(lead: dict[int, tuple[int, str]], candidates: bool) -> list[str]:
    """What to write in persons.toml so that the date decides, or another way out."""
    suggest = defaultdict(list)
    for y, (_, pid) in sorted(lead.items()):
        suggest[pid].append(y)
    if len(suggest) > 1:
        return ["#   suggestion: give each the years in which they are named most, so the date decides:",
                *(f"#     {pid}: active = [{min(ys)}, {max(ys)}]" for pid, ys in suggest.items())]
    if candidates:
        return [("#   suggestion: give the people who are rarely meant surnames = [] "
                 "(then the bare surname is the other's)")]
    return ["#   suggestion: no candidate is known; add the people it means to persons.toml"]


@dataclass(frozen=True)
class PersonRefLike:
    """A discovered candidate, shaped like an authority Person for the ambiguity listing."""

    id: str
    name: str
    active: tuple = ()


def report(corpus_dir: Path, authority_path: Path | None = None, limit: int = 100,
           base: str | None = None, evidence: EvidenceFn = looks_like_person) -> str:
    """The report as text; ``limit`` proposals are shown (the total counts all of them)."""
    from indexer.readers import read_corpus

    authority = load_authority(Path(corpus_dir), authority_path, base)
    docs = [d for d in read_corpus(Path(corpus_dir)) if not isinstance(d, Skipped)]
    seen = observe(docs, authority)
    found = proposals(seen, authority, evidence)
    kinds = Counter(p.kind for p in found)
    total = sum(p.paragraphs for p in found)
    lines = [f"# Person report for {corpus_dir} ({seen.documents} documents)"]
    lines += [f"# authority: {layer}" for layer in authority.layers] or ["# authority: none applied"]
    lines += [f"# problem: {p}" for p in authority.problems]
    lines.append(f"# {len(found)} proposals ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}) "
                 f"would change {total} paragraph(s) in all; most first"
                 + (f", the first {limit} shown" if len(found) > limit else ""))
    lines.append("# Paste what is right into the corpus's persons.toml, then `python -m indexer update`.\n")
    for p in found[:limit]:
        lines.append(f"# -- {p.kind}: {p.paragraphs} paragraph(s)")
        lines.extend(p.lines)
    return "\n".join(lines) + "\n"


def _years(counts: Counter) -> str:
    dated = sorted((y, n) for y, n in counts.items() if y is not None)
    parts = [f"{y}: {n}" for y, n in dated]
    if counts.get(None):
        parts.append(f"undated: {counts[None]}")
    return ", ".join(parts) or "none"


def _example(text: str, name: str, doc_id: str, width: int = 40) -> str:
    word = name.split()[-1] if name else ""
    at = max(fold_in_place(text).find(fold_in_place(word)), 0)
    snippet = " ".join(text[max(0, at - width) : at + len(word) + width].split())
    return f"“…{snippet}…” ({doc_id})"


def _stanza(name: str, served: str | None = None) -> str:
    """A TOML stanza for a discovered name; ``served`` is the id it is served under now.

    >>> print(_stanza("Harry S. Truman", "x-harry-s-truman"))
    [[person]]
    id = "truman-harry-s"
    name = "Harry S. Truman"
    sort = "Truman, Harry S."
    surnames = ["Truman"]
    former_ids = ["x-harry-s-truman"]
    <BLANKLINE>
    """
    parts = name.split()
    surname = parts[-1]
    given = " ".join(parts[:-1])
    pid = slug(f"{surname} {given}")
    out = ["[[person]]", f"id = {_toml(pid)}", f"name = {_toml(name)}"]
    if given:
        out.append(f"sort = {_toml(f'{surname}, {given}')}")
    out.append(f"surnames = [{_toml(surname)}]")
    if served and served != pid:
        out.append(f"former_ids = [{_toml(served)}]")
    return "\n".join(out) + "\n"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _toml(value: str) -> str:
    return f'"{_escape(value)}"'

