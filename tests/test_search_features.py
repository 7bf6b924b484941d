"""Issue 4 features through the API that tests/test_api.py and test_facets.py leave out:
title and section boosts, plain-word fallback, "very few matches" corrections,
person matching through aliases and misspellings in the text, the author/section/decade
prefixes, and paging, sorting and ranges with counts computed here from the fixture.

The fixture is a small archive written for these tests (our own text).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from indexer.build import write_paragraphs
from indexer.models import Paragraph, PersonRef

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's import-time hint about httpx2
    from starlette.testclient import TestClient

LEON = PersonRef("leon-trotsky", "Leon Trotsky")
LAZARO = PersonRef("lazaro-cardenas", "Lázaro Cárdenas")
ANA = PersonRef("ana-pauker", "Ana Pauker")
PERSONS = {
    "leon-trotsky": {"name": "Leon Trotsky", "sort": "Trotsky, Leon",
                     "aliases": ["Lev Bronstein", "Trotksy"]},
    "lazaro-cardenas": {"name": "Lázaro Cárdenas", "sort": "Cárdenas, Lázaro", "aliases": []},
    "ana-pauker": {"name": "Ana Pauker", "sort": "Pauker, Ana", "aliases": []},
}
TELEGRAPH_NOTES = 12  # paragraphs saying "telegraph"; one more says "telegraf"


def _p(doc_id, n, text, title, section="", author=None, published=None, years=(), decades=(),
       persons=()):
    return Paragraph(id=f"{doc_id}#p{n}", doc_id=doc_id, title=title, position=n, text=text,
                     section=section, author=author, published=published, years=tuple(years),
                     decades=tuple(decades), persons=tuple(persons))


def paragraphs() -> list[Paragraph]:
    ps = [
        # Same length, one mention of "lantern" each: only the title differs.
        _p("crafts/lanterns.md", 0, "Glass was cut by hand and the lantern frames were soldered "
           "at night.", "Lantern Makers", author="Mara Vell", published="1921-04-02",
           years=[1920], persons=[ANA]),
        _p("crafts/workshop.md", 0, "Glass was cut by hand and the lantern frames were riveted "
           "at dawn.", "Workshop Notes", author="Ivo Stern", published="1935", years=[1934]),
        # Same title, same length, one mention of "ferry" each: only the section differs.
        _p("river/crossings.md", 0, "The ferry left the north bank twice a day in the dry "
           "season.", "River Crossings", section="The Ferry", published="1902",
           years=[1901], decades=[1900]),
        _p("river/crossings.md", 1, "The ferry left the south bank once a day in the wet "
           "season.", "River Crossings", section="Tolls", published="1902",
           years=[1903], decades=[1900]),
        # A person named in the text only by an alias, and only by a misspelling.
        _p("exile/arrival.md", 0, "Bronstein arrived in the spring and was visiting the port "
           "offices each morning.", "Arrival", published="1937-01-09", years=[1937],
           persons=[LEON]),
        _p("exile/arrival.md", 1, "The papers spelt the visitor Trotksy for a week before "
           "anyone corrected them.", "Arrival", published="1937-01-09", persons=[LEON]),
        _p("exile/arrival.md", 2, "Cárdenas signed the permit and nobody asked about the "
           "cost of resigning from the old ministry.", "Arrival", published="1937-01-09",
           years=[1936], decades=[1930], persons=[LAZARO]),
        _p("exile/letters.md", 0, "Ana Pauker wrote from Bucharest in 1936 about the trial "
           "and the visits she was refused.", "Letters From Prison", author="Ana Pauker",
           published="1938", years=[1936], decades=[1930], persons=[ANA]),
        _p("wire/typo.md", 0, "One clerk wrote telegraf on every form he stamped.",
           "A Clerk", published="1911", years=[1911]),
    ]
    # Documents as wholes: the same words, dense or sparse, together or apart.
    ps += [
        _p("notes/salt-many.md", 0, "Saltpeter came by cart and the saltpeter was weighed "
           "twice.", "Notes A"),
        _p("notes/salt-many.md", 1, "The saltpeter store smelled of saltpeter all "
           "summer long.", "Notes A"),
        _p("notes/salt-once.md", 0, "Saltpeter came by cart and the charcoal was weighed "
           "twice.", "Notes B"),
        _p("notes/salt-once.md", 1, "The charcoal store smelled of charcoal all summer "
           "long.", "Notes B"),
        _p("notes/shift-together.md", 0, "They worked the night shift at the dye works that "
           "year.", "Notes C"),
        _p("notes/shift-apart.md", 0, "They worked one shift at the dye works each night "
           "that year.", "Notes D"),
    ]
    # Two copies of one text (a plain file and the scraped page it came from).
    for doc_id in ("copies/granary.txt", "copies/raw/granary-page.html"):
        ps += [_p(doc_id, 0, "The granary ledger was kept in chalk on the barn door.",
                  "Granary"),
               _p(doc_id, 1, "Each autumn the chalk was washed off and the count began "
                  "again.", "Granary")]
    for n in range(TELEGRAPH_NOTES):
        year = 1910 + n
        ps.append(_p(f"wire/note-{n:02d}.md", 0, f"Message {n} went by telegraph to the "
                     f"harbour office in {year}.", f"Wire Note {n}", published=str(year),
                     years=[year], decades=[1910]))
    return ps


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from searchsvc.app import create_app
    from searchsvc.settings import Settings

    root: Path = tmp_path_factory.mktemp("features-index")
    write_paragraphs(paragraphs(), root, persons=PERSONS, meta={"corpus": "feature-tests"})
    with TestClient(create_app(Settings(index_root=root, reload_seconds=60))) as c:
        yield c


def search(client, **params) -> dict:
    # These tests check paragraph matching; the document default has its own tests.
    params.setdefault("group", "paragraph")
    r = client.get("/api/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def ids(body) -> list[str]:
    return [h["id"] for h in body["hits"]]


def having(word: str) -> set[str]:
    return {p.id for p in paragraphs() if word in p.text.lower()}


# -- ranking: BM25F boosts -----------------------------------------------------------------
def test_title_match_ranks_above_the_same_words_in_text_only(client):
    order = ids(search(client, q="lantern"))
    assert order[:2] == ["crafts/lanterns.md#p0", "crafts/workshop.md#p0"]


def test_section_match_ranks_above_the_same_words_in_text_only(client):
    order = ids(search(client, q="ferry"))
    assert order[:2] == ["river/crossings.md#p0", "river/crossings.md#p1"]


# -- matching ---------------------------------------------------------------------------
@pytest.mark.parametrize("q, stem", [
    ("visit", "visiting"),  # the query is stemmed as the text is
    ("resign", "resigning"),
    ("VISITING", "visiting"),
    ("cardenas", "cárdenas"),  # accents folded both ways
])
def test_query_words_are_stemmed_and_folded(client, q, stem):
    body = search(client, q=q, size=100)
    assert having(stem) <= set(ids(body)) and body["total"] >= 1


@pytest.mark.parametrize("broken", ["lantern (((", 'lantern "', "lantern AND", "OR lantern )",
                                    "lantern^", "(lantern"])
def test_unparseable_query_falls_back_to_its_plain_words(client, broken):
    plain = search(client, q="lantern", size=100)
    body = search(client, q=broken, size=100)
    assert set(ids(body)) == set(ids(plain)) == having("lantern")


@pytest.mark.parametrize("q, expected", [
    ("author:stern", {"crafts/workshop.md#p0"}),
    ('author:"Mara Vell"', {"crafts/lanterns.md#p0"}),
    ('section:"the ferry"', {"river/crossings.md#p0"}),
    ("decade:1930", {p.id for p in paragraphs() if 1930 in p.decades}),
    ("person:trotsky", {p.id for p in paragraphs() if LEON in p.persons}),  # one word of a name
    ("person:cardenas", {"exile/arrival.md#p2"}),
    ("glass title:workshop", {"crafts/workshop.md#p0"}),
])
def test_more_field_prefixes(client, q, expected):
    assert set(ids(search(client, q=q, size=100))) == expected


def test_a_person_is_found_by_name_where_the_text_uses_an_alias_or_a_misspelling(client):
    got = set(ids(search(client, q="Leon Trotsky", size=100)))
    # Neither paragraph says "Leon" or "Trotsky": one says "Bronstein", one "Trotksy".
    assert {"exile/arrival.md#p0", "exile/arrival.md#p1"} <= got
    assert set(ids(search(client, q="Bronstein", size=100))) >= {"exile/arrival.md#p1"}


# -- spelling -----------------------------------------------------------------------------
def test_a_rare_word_next_to_a_common_one_gets_a_suggestion_and_both_are_searched(client):
    body = search(client, q="telegraf", size=100)
    assert body["suggestion"] == "telegraph"
    assert "telegraph" in body["expanded"]
    assert set(ids(body)) == having("telegraf") | having("telegraph")
    assert body["total"] == TELEGRAPH_NOTES + 1


def test_no_suggestion_for_a_word_that_is_common_enough(client):
    body = search(client, q="telegraph")
    assert body["suggestion"] is None and body["expanded"] == []
    assert body["total"] == TELEGRAPH_NOTES


def test_a_misspelt_word_in_a_longer_query_is_corrected_in_place(client):
    body = search(client, q="harbour telegrahp")
    assert body["suggestion"] == "harbour telegraph"
    assert body["total"] == TELEGRAPH_NOTES


# -- paging, sorting, ranges ------------------------------------------------------------------
def test_document_pages_are_stable_complete_and_exactly_counted(client):
    expected_docs = {p.doc_id for p in paragraphs() if p.years}
    one = search(client, group="document", year_from="1900", year_to="1999", size=100)
    assert one["total"] == len(expected_docs) == len(one["hits"])
    paged: list[str] = []
    pages = -(-len(expected_docs) // 4)
    for page in range(1, pages + 2):  # one page past the end: empty, same total
        body = search(client, group="document", year_from="1900", year_to="1999", size=4,
                      page=page)
        assert body["total"] == len(expected_docs) and body["pages"] == pages
        paged += [h["doc_id"] for h in body["hits"]]
    assert paged == [h["doc_id"] for h in one["hits"]]
    assert len(set(paged)) == len(paged)


@pytest.mark.parametrize("sort", ["date_asc", "date_desc"])
def test_sorting_a_query_by_date(client, sort):
    hits = search(client, q="telegraph OR telegraf", sort=sort, size=100)["hits"]
    dates = [h["published"] for h in hits]
    assert len(dates) == TELEGRAPH_NOTES + 1
    assert dates == sorted(dates, reverse=sort == "date_desc")


@pytest.mark.parametrize("lo, hi", [(1910, 1915), (1936, 1936), (None, 1905), (1930, None)])
def test_year_range_with_person_facet_counts_computed_here(client, lo, hi):
    params = {k: str(v) for k, v in (("year_from", lo), ("year_to", hi)) if v is not None}
    body = search(client, size=100, **params)

    def inside(p):
        return any((lo is None or y >= lo) and (hi is None or y <= hi) for y in p.years)

    expected = [p for p in paragraphs() if inside(p)]
    assert set(ids(body)) == {p.id for p in expected} and body["total"] == len(expected)
    counts = {v["id"]: v["count"] for v in body["facets"]["person"] if v["count"]}
    independent: dict[str, int] = {}
    for p in expected:
        for r in p.persons:
            independent[r.id] = independent.get(r.id, 0) + 1
    assert counts == independent


@pytest.mark.parametrize("prefix, expected", [
    ("car", ["lazaro-cardenas"]),
    ("CÁR", ["lazaro-cardenas"]),
    ("bron", ["leon-trotsky"]),  # aliases count
    ("pau", ["ana-pauker"]),
    ("zz", []),
])
def test_person_facet_prefix_is_folded_and_knows_aliases(client, prefix, expected):
    body = client.get("/api/facets/person", params={"prefix": prefix}).json()
    assert [v["id"] for v in body["values"]] == expected


def test_person_facet_prefix_counts_follow_the_filters(client):
    body = client.get("/api/facets/person", params={"prefix": "a", "year": "1936",
                                                    "group": "document"}).json()
    counts = {v["id"]: v["count"] for v in body["values"]}
    expected = {p.doc_id for p in paragraphs() if 1936 in p.years and ANA in p.persons}
    assert counts.get("ana-pauker") == len(expected)


# -- documents as wholes (group=document) --------------------------------------------------
def docs(body) -> list[str]:
    return [h["doc_id"] for h in body["hits"]]


def test_words_spread_over_a_document_find_it_when_grouped(client):
    q = "Bronstein permit"  # one paragraph says Bronstein, another the permit
    assert search(client, q=q, match="all")["total"] == 0
    # Paragraphs that hold some of the words, labelled partial: never a dead end.
    loose = search(client, q=q)
    assert loose["total"] > 0 and loose["partial"] is True
    body = search(client, q=q, group="document")
    assert docs(body) == ["exile/arrival.md"] and body["total"] == 1
    hit = body["hits"][0]
    # p1 names the same person by another form: it matches too (person_names).
    assert [link["id"] for link in hit["paragraphs"]] == [f"exile/arrival.md#p{n}"
                                                          for n in (0, 1, 2)]


@pytest.mark.parametrize("q, expected", [
    ("Stern glass", "crafts/workshop.md"),  # the author
    ("1935 glass", "crafts/workshop.md"),  # the publication year
    ("Vell lantern", "crafts/lanterns.md"),
])
def test_author_and_publication_year_count_for_a_document(client, q, expected):
    body = search(client, q=q, group="document")
    assert docs(body) == [expected]


def test_dense_documents_rank_above_single_mentions(client):
    assert docs(search(client, q="saltpeter", group="document"))[:2] == \
        ["notes/salt-many.md", "notes/salt-once.md"]


def test_a_document_with_the_phrase_ranks_above_one_with_the_words_apart(client):
    assert docs(search(client, q="night shift", group="document"))[:2] == \
        ["notes/shift-together.md", "notes/shift-apart.md"]


def test_grouped_pages_and_totals_for_a_plain_query(client):
    q = "saltpeter OR charcoal OR telegraph"
    whole = docs(search(client, q="telegraph", group="document", size=100))
    assert len(whole) == TELEGRAPH_NOTES
    paged = []
    for page in (1, 2, 3):
        body = search(client, q="telegraph", group="document", size=5, page=page)
        assert body["total"] == TELEGRAPH_NOTES
        paged += docs(body)
    assert paged == whole
    assert search(client, q=q, group="document")["total"] == TELEGRAPH_NOTES + 2


def test_a_misspelt_author_is_found_through_its_close_form(client):
    body = search(client, q="Paukr Bucharest", group="document")
    assert docs(body)[:1] == ["exile/letters.md"]


def test_copies_of_one_text_show_once_when_grouped(client):
    body = search(client, q="granary chalk", group="document")
    assert docs(body) == ["copies/granary.txt"] and body["total"] == 1
    # Paragraph results are not grouped: both copies' paragraphs are there.
    assert {h["doc_id"] for h in search(client, q="granary chalk")["hits"]} == {
        "copies/granary.txt", "copies/raw/granary-page.html"}


def test_words_of_the_file_path_count_for_a_document(client):
    # "typo" is in no text, title or author: only in the path wire/typo.md.
    assert docs(search(client, q="wire typo", group="document")) == ["wire/typo.md"]
