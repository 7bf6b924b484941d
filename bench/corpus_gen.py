"""A reproducible benchmark corpus: N paragraphs of Markov text shaped like the real archive.

A word-level Markov chain of order 2 is trained on the ``.txt`` and ``.md``
bodies of ``../shared/corpus``. Whitespace-separated tokens keep their
punctuation, so sentences, commas and quotes come out looking like the source.
Two things are made explicit so the benchmark corpus carries the same facets:

* years: a four-digit year token in the training text becomes a placeholder
  (keeping its punctuation); each placeholder generated is filled with a year
  drawn from the years the real text mentions, so a paragraph mentions years
  as often, and the same ones, as the archive does;
* persons: capitalised name bigrams ("Rosa Luxemburg") are found in the
  training text (or the project's annotator, once there is one); the chain
  regenerates them in context, and a paragraph's ``persons`` are exactly the
  names its generated text contains.

Chains are walked in batches with numpy, all paragraphs of a batch at once,
so 1M paragraphs take about a minute. Each batch has its own seed, so the
first 100k paragraphs of a 1M corpus are the 100k corpus (costs compare like
for like). Nothing generated is ever committed: it goes to ``bench/out/``.

>>> model = train_texts(["Then Karl Marx wrote in 1867, and Karl Marx read. " * 5], {"Karl Marx": 10})
>>> [p.persons[0].name for p in generate(model, 3, seed=1) if p.persons][:1]
['Karl Marx']
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import groupby
from pathlib import Path

import numpy as np

from indexer.models import Paragraph, PersonRef

SHARED = Path(os.environ.get("ARCHIVE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
BATCH = 10_000
DOC_SIZE = 50  # mean paragraphs per document
MAX_WORDS = 300  # longer real paragraphs are clipped: they are rare and only cost time
YEAR_MARK = "\x00"

_YEAR_TOKEN = re.compile(r"^(\W*)(1[5-9]\d\d|20[0-2]\d)(\W*)$")
_WORD = re.compile(r"^[A-Z][a-z]+$")
_TRAIL = re.compile(r"(?:'s|’s|[,.;:!?)\]\"'’”])+$")
# Capitalised words that start many non-person bigrams ("The Party", "New York").
_NOT_NAMES = set(
    """The A An In On At Of To For By From With And But Or As If When While This That These Those
    It He She We They I You His Her Our Their My Its Mr Mrs Dr Sir St Comrade Comrades General
    New United Soviet Socialist Communist Social National International Central Red White Great
    North South East West Northern Southern Eastern Western American British German French Russian
    Russia Germany France England America Europe European Union States Party Congress Government
    Republic Committee Council Army House Senate Department Secretary President Minister Bureau
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday God Lord Christ Church Chapter Volume
    Part Section Book Letter Article Note Notes Internet Archive Marxists Works Collected Selected
    Labor Labour Workers Revolution Revolutionary Congressional Federal Democratic Republican
    Conference Fourth Third Second First Supreme Court Constitution Treasury Navy War Peace
    San Santa Los Las Saint Southeast Middle Civil Executive Interstate Pacific Atlantic Indian
    Home Rule Political Armed Forces Islands Ocean Mountains River Canal Street Avenue Island""".split()
)


def clean_markdown(text: str) -> str:
    """Markup out, words kept: quote marks, links, attributes, emphasis.

    >>> clean_markdown("> [Karl Marx](a.htm){.term} *wrote* \\\\").split()
    ['Karl', 'Marx', 'wrote']
    """
    text = re.sub(r"(?m)^[ \t]*(?:>[ \t]?)+", "", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"(?m)^\s*(?:#+|:::.*|-{3,}|\|.*)\s*", "", text)
    text = re.sub(r"[*_\\\[\]]", "", text)
    return text.strip()


def real_paragraphs(corpus: Path = SHARED / "corpus", min_words: int = 8) -> Iterator[str]:
    """Paragraph bodies of the shared corpus's .txt and .md files, in a stable order."""
    for path in sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md") and p.is_file()):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if path.suffix == ".md":
            text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
            text = clean_markdown(text)
        for block in re.split(r"\n\s*\n", text):
            words = block.split()
            if len(words) >= min_words and "http" not in block:
                yield " ".join(words)


@dataclass
class MarkovModel:
    """An order-2 chain over token ids plus the facet distributions of the real text."""

    vocab: np.ndarray  # token id -> token (object array)
    keys: np.ndarray  # sorted unique states: a * V + b (int64)
    starts: np.ndarray  # first successor of each state in ``succ``
    counts: np.ndarray  # number of successors of each state
    succ: np.ndarray  # successor token ids, grouped by state
    start_pairs: np.ndarray  # (k, 2) token ids that begin a sentence
    lengths: np.ndarray  # words per real paragraph (sampled for generated ones)
    year_values: np.ndarray  # every year the real text mentions (sampled for placeholders)
    name_keys: np.ndarray  # sorted bigram keys that spell a person's name
    name_person: np.ndarray  # person index of each name key
    persons: list[PersonRef]
    stream: np.ndarray  # the training text as token ids (queries are sampled from it)
    real: dict = field(default_factory=dict)  # facet statistics of the real paragraphs

    @property
    def V(self) -> int:
        return len(self.vocab)


def _slug(name: str) -> str:
    """Ids in the form discovery gives uncurated people.

    >>> _slug("Rosa Luxemburg")
    'x-luxemburg-rosa'
    """
    parts = re.sub(r"[^\w ]", "", name.lower()).split()
    return "x-" + "-".join(parts[-1:] + parts[:-1])


def find_names(
    paragraphs: list[list[str]], min_count: int = 3, limit: int = 3000, min_surnames: int = 3
) -> dict[str, int]:
    """Capitalised bigrams that look like "Given Surname", with how often each occurs.

    Not sentence-initial, neither word a known non-name ("The", "Soviet", month
    names), and the first word must precede at least ``min_surnames`` different
    capitalised words: "Rosa" does ("Rosa Luxemburg", "Rosa Parks", ...), while
    "Panama" is only ever followed by "Canal".

    >>> find_names([["said", "Rosa", "Luxemburg,", "and"]] * 3, min_surnames=1)
    {'Rosa Luxemburg': 3}
    """
    counts: Counter[str] = Counter()
    for words in paragraphs:
        for i in range(1, len(words) - 1):
            a, b = words[i], _TRAIL.sub("", words[i + 1])
            if (
                _WORD.match(a)
                and _WORD.match(b)
                and a not in _NOT_NAMES
                and b not in _NOT_NAMES
                and not words[i - 1].endswith((".", "!", "?", ":"))
            ):
                counts[f"{a} {b}"] += 1
    followers = Counter(n.split(" ", 1)[0] for n in counts)
    names = ((n, c) for n, c in counts.most_common() if c >= min_count)
    kept = [(n, c) for n, c in names if followers[n.split(" ", 1)[0]] >= min_surnames]
    return dict(kept[:limit])


def train_texts(texts: Iterable[str], names: dict[str, int] | None = None) -> MarkovModel:
    """Train on paragraph strings (tokens are whitespace-separated, punctuation attached)."""
    pars = [t.split() for t in texts]
    if names is None:
        names = find_names(pars, min_count=2 if len(pars) < 1000 else 3)
    ids: dict[str, int] = {}
    stream: list[int] = []
    sentence_starts: list[int] = []
    years: list[int] = []
    lengths: list[int] = []
    years_per: list[int] = []
    for words in pars:
        lengths.append(min(len(words), MAX_WORDS))
        n_years = 0
        prev_end = True
        for w in words:
            m = _YEAR_TOKEN.match(w)
            if m:
                years.append(int(m.group(2)))
                n_years += 1
                w = m.group(1) + YEAR_MARK + m.group(3)
            if prev_end:
                sentence_starts.append(len(stream))
            prev_end = w.endswith((".", "!", "?"))
            stream.append(ids.setdefault(w, len(ids)))
        years_per.append(n_years)
    vocab = np.empty(len(ids), dtype=object)
    for w, i in ids.items():
        vocab[i] = w
    V = len(ids)
    s = np.asarray(stream, dtype=np.int64)
    # Wrap around so every state has a successor: the chain never dead-ends.
    a, b, c = s, np.roll(s, -1), np.roll(s, -2)
    key = a * V + b
    order = np.argsort(key, kind="stable")
    key, succ = key[order], c[order].astype(np.int32)
    keys, starts, counts = np.unique(key, return_index=True, return_counts=True)
    ss = np.asarray([i for i in sentence_starts if i + 1 < len(s)], dtype=np.int64)
    start_pairs = np.stack([s[ss], s[ss + 1]], axis=1).astype(np.int32)

    persons = [PersonRef(_slug(n), n) for n in names]
    # Every spelling of a name bigram in the vocabulary ("Luxemburg," "Luxemburg's").
    index = {n: i for i, n in enumerate(names)}
    given_by_surname: dict[str, list[str]] = {}
    for n in names:
        given, surname = n.split(" ", 1)
        given_by_surname.setdefault(surname, []).append(given)
    nk, npers = [], []
    for w, j in ids.items():
        surname = _TRAIL.sub("", w)
        for given in given_by_surname.get(surname, ()):
            if given in ids:
                nk.append(ids[given] * V + j)
                npers.append(index[f"{given} {surname}"])
    o = np.argsort(np.asarray(nk, dtype=np.int64))
    name_keys = np.asarray(nk, dtype=np.int64)[o]
    name_person = np.asarray(npers, dtype=np.int32)[o]
    model = MarkovModel(
        vocab=vocab, keys=keys, starts=starts, counts=counts.astype(np.int32), succ=succ,
        start_pairs=start_pairs, lengths=np.asarray(lengths, dtype=np.int32),
        year_values=np.asarray(years or [1900], dtype=np.int16),
        name_keys=name_keys, name_person=name_person, persons=persons, stream=s.astype(np.int32),
    )
    # The same measure applied to real and generated text, so they can be compared.
    real_persons = [len(set(_persons_in(model, [ids[w] for w in words if w in ids]))) for words in pars[:: max(1, len(pars) // 20000)]]
    model.real = {
        "paragraphs": len(pars),
        "words_mean": float(np.mean(lengths)) if lengths else 0.0,
        "years_per_paragraph": float(np.mean(years_per)) if years_per else 0.0,
        "persons_per_paragraph": float(np.mean(real_persons)) if real_persons else 0.0,
        "names": len(names),
        "vocabulary": V,
    }
    return model


def _persons_in(model: MarkovModel, tokens: list[int] | np.ndarray) -> list[int]:
    t = np.asarray(tokens, dtype=np.int64)
    if len(t) < 2 or not len(model.name_keys):
        return []
    k = t[:-1] * model.V + t[1:]
    i = np.minimum(np.searchsorted(model.name_keys, k), len(model.name_keys) - 1)
    return model.name_person[i[model.name_keys[i] == k]].tolist()


def train(corpus: Path = SHARED / "corpus") -> MarkovModel:
    """Train on the shared corpus (about 8M words; 20-30 s)."""
    return train_texts(real_paragraphs(corpus))


def _walk(model: MarkovModel, rng: np.random.Generator, lengths: np.ndarray) -> np.ndarray:
    """Token ids, one row per chain, walked together; rows past their length are junk."""
    order = np.argsort(-lengths, kind="stable")  # longest first: active rows are a prefix
    sl = lengths[order]
    B, T = len(lengths), int(sl.max())
    out = np.zeros((B, T), dtype=np.int32)
    sp = model.start_pairs[rng.integers(0, len(model.start_pairs), B)]
    out[:, 0], out[:, 1] = sp[:, 0], sp[:, 1]
    r = rng.random((B, T))
    active = B
    for t in range(2, T):
        while active and sl[active - 1] <= t:
            active -= 1
        key = out[:active, t - 2].astype(np.int64) * model.V + out[:active, t - 1]
        i = np.searchsorted(model.keys, key)
        pick = model.starts[i] + (r[:active, t] * model.counts[i]).astype(np.int64)
        out[:active, t] = model.succ[pick]
    back = np.empty_like(out)
    back[order] = out
    return back


def _batch(model: MarkovModel, seed: int, b: int, size: int) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    """``size`` (text, years, person indexes) triples for batch number ``b``."""
    rng = np.random.default_rng([seed, b])
    lengths = model.lengths[rng.integers(0, len(model.lengths), size)].clip(2)
    tokens = _walk(model, rng, lengths)
    year_pool = model.year_values[rng.integers(0, len(model.year_values), int(lengths.sum() // 20) + 16)]
    yi = 0
    out = []
    for row, n in zip(tokens, lengths):
        toks = row[:n]
        text = " ".join(model.vocab[toks].tolist())
        years: tuple[int, ...] = ()
        if YEAR_MARK in text:
            parts = text.split(YEAR_MARK)
            ys = []
            for _ in range(len(parts) - 1):
                ys.append(int(year_pool[yi % len(year_pool)]))
                yi += 1
            text = "".join(p + (str(y) if k < len(ys) else "") for k, (p, y) in enumerate(zip(parts, ys + [0])))
            years = tuple(sorted(set(ys)))
        out.append((text, years, tuple(dict.fromkeys(_persons_in(model, toks)))))
    return out


def _title(model: MarkovModel, rng: np.random.Generator) -> str:
    n = int(rng.integers(3, 9))
    toks = _walk(model, rng, np.asarray([n]))[0][:n]
    words = [re.sub(r"[^\w'’-]", "", w) for w in model.vocab[toks].tolist()]
    title = " ".join(w for w in words if w)
    return title[:1].upper() + title[1:] if title else "Untitled"


def generate(model: MarkovModel, n: int, seed: int = 0, doc_size: int = DOC_SIZE) -> Iterator[Paragraph]:
    """``n`` Paragraphs with years and persons set, grouped into documents of ~``doc_size``.

    The same (model, seed) gives the same paragraphs; a smaller ``n`` gives a prefix.
    """
    docs_rng = np.random.default_rng([seed, 1 << 30])
    doc, left, pos = -1, 0, 0
    title = author = published = ""
    made = 0
    b = 0
    while made < n:
        size = min(BATCH, n - made)
        for text, years, pidx in _batch(model, seed, b, BATCH)[:size]:
            if left == 0:
                doc += 1
                left = max(1, int(docs_rng.integers(doc_size // 2, doc_size * 3 // 2 + 1)))
                pos = 0
                title = _title(model, docs_rng)
                y = int(model.year_values[docs_rng.integers(0, len(model.year_values))])
                published = f"{y:04d}-{int(docs_rng.integers(1, 13)):02d}-{int(docs_rng.integers(1, 29)):02d}"
                author = model.persons[int(docs_rng.integers(0, len(model.persons)))].name if model.persons else None
            doc_id = f"bench/d{doc:07d}.txt"
            yield Paragraph(
                id=f"{doc_id}#p{pos}", doc_id=doc_id, title=title, position=pos, text=text,
                author=author, published=published, years=years,
                decades=(), persons=tuple(model.persons[i] for i in pidx),
            )
            pos += 1
            left -= 1
            made += 1
        b += 1


# --- On disk: generated once per (n, seed), read back by each benchmark phase. ---


def to_json(p: Paragraph) -> str:
    d = asdict(p)
    d["persons"] = [[r.id, r.name] for r in p.persons]
    return json.dumps(d, ensure_ascii=False)


def from_json(line: str) -> Paragraph:
    d = json.loads(line)
    d["persons"] = tuple(PersonRef(i, n) for i, n in d["persons"])
    for k in ("years", "decades", "flags"):
        d[k] = tuple(d[k])
    return Paragraph(**d)


def read_paragraphs(path: Path, limit: int | None = None) -> Iterator[Paragraph]:
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            yield from_json(line)


def write_files(paragraphs: Iterable[Paragraph], folder: Path, footer: str | None = None) -> tuple[int, int]:
    """Paragraphs -> one scraped-text file per document under ``folder`` (emptied first):
    title, byline, paragraphs, and ``footer`` as a last line on every page (furniture
    for the build to find); (documents, paragraphs)."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = pars = 0
    for doc_id, group in groupby(paragraphs, key=lambda p: p.doc_id):
        group = list(group)
        first = group[0]
        path = folder / doc_id
        path.parent.mkdir(parents=True, exist_ok=True)
        byline = f"Submitted by {first.author or 'Archive'} on {first.published}"
        body = "\n\n".join([p.text for p in group] + ([footer] if footer else []))
        path.write_text(f"{first.title}\n\n{byline}\n\n{body}\n", encoding="utf-8")
        docs += 1
        pars += len(group)
    return docs, pars


def materialise(n: int, out: Path, seed: int = 0, model: MarkovModel | None = None) -> Path:
    """``out/corpus-<n>-s<seed>.jsonl`` (generated unless already there) and its ``.meta.json``."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"corpus-{n}-s{seed}.jsonl"
    if path.is_file() and path.with_suffix(".meta.json").is_file():
        return path
    model = model or train()
    tmp = path.with_suffix(".tmp")
    years = persons = 0
    with open(tmp, "w", encoding="utf-8") as f:
        for p in generate(model, n, seed):
            years += len(p.years)
            persons += len(p.persons)
            f.write(to_json(p) + "\n")
    os.replace(tmp, path)
    meta = {
        "paragraphs": n, "seed": seed, "real": model.real,
        "generated": {"years_per_paragraph": years / max(n, 1), "persons_per_paragraph": persons / max(n, 1)},
        "persons": {r.id: {"name": r.name, "sort": r.name, "aliases": []} for r in model.persons},
    }
    path.with_suffix(".meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return path
