"""What a build tells the archivist: no documents is a failure, skips by reason, coverage, formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_broken_corpus import write as write_files

from indexer.build import FAILED_BUILD_REPORT, EmptyCorpus, build_corpus
from indexer.cli import main
from indexer.engine.generations import current
from indexer.selection import Selection
from indexer.skip_report import SKIPPED_FILE
from indexer.update import update_corpus

NAV = '<ul><li><a href="/">Home</a></li><li><a href="/news/">News</a></li></ul>\n'
STORY = ("<html><head><title>Baths stay open</title></head><body><p>The council agreed on Monday "
         "to keep the public baths open through the winter after a long petition.</p></body></html>")


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    write_files(root, files)
    return root


EMPTY_CORPORA = {
    "no files": {},
    "only fragments": {f"inc/part{i}.inc": NAV for i in range(5)},
    "only data": {"catalogue.csv": "path,title\n", "notes.json": "{}"},
    "only binary": {"img/a.php": b"\x89PNG\r\n\x1a\n" + bytes(300), "b.pdf": b"%PDF-1.4\n"},
    "only excluded": {"2004/a.php": STORY},
}


@pytest.mark.parametrize("case", sorted(EMPTY_CORPORA))
def test_a_first_build_without_documents_fails_and_creates_no_index(tmp_path, capsys, case):
    corpus = write(tmp_path / "corpus", EMPTY_CORPORA[case])
    corpus.mkdir(exist_ok=True)
    index = tmp_path / "index"
    code = main(["build", "--corpus", str(corpus), "--index", str(index), "--quiet", "--exclude", "2004"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("Error: no documents in")
    assert current(index) is None
    assert not [p for p in index.iterdir() if p.name.startswith("g-")], "a half-built generation was left"
    if EMPTY_CORPORA[case]:
        report = index / FAILED_BUILD_REPORT
        assert str(report) in err and report.is_file()
        listed = report.read_text(encoding="utf-8").splitlines()[1:]
        assert len(listed) >= 1 and all("\t" in row for row in listed)


BRIEF = "<p>The lending library will open late on Thursdays from next month, the council said.</p>\n"


def test_the_failure_message_names_what_was_seen_and_suggests_include(tmp_path, capsys):
    # Short news briefs saved as includes: by their look, fragments of a page.
    corpus = write(tmp_path / "corpus", {f"site/p{i}.inc": BRIEF for i in range(4)})
    code = main(["build", "--corpus", str(corpus), "--index", str(tmp_path / "index"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert "4 template fragment" in err and "4 .inc" in err and "--include '*.inc'" in err
    # Following the advice gives documents (the files are read whatever they look like).
    code = main(["build", "--corpus", str(corpus), "--index", str(tmp_path / "index"), "--quiet",
                 "--include", "*.inc"])
    out = capsys.readouterr().out
    assert code == 0 and "documents:  4" in out


def test_a_build_without_documents_keeps_the_served_generation(tmp_path):
    corpus = write(tmp_path / "corpus", {"2004/baths.php": STORY})
    index = tmp_path / "index"
    build_corpus(corpus, index, progress=False)
    served = current(index).name
    with pytest.raises(EmptyCorpus, match="stays in service"):
        build_corpus(corpus, index, progress=False, selection=Selection(exclude=("*.php",)))
    assert current(index).name == served


def test_an_update_that_would_leave_no_document_fails(tmp_path):
    corpus = write(tmp_path / "corpus", {"2004/baths.php": STORY})
    index = tmp_path / "index"
    build_corpus(corpus, index, progress=False)
    served = current(index).name
    (corpus / "2004" / "baths.php").unlink()
    with pytest.raises(EmptyCorpus, match="update"):
        update_corpus(corpus, index, progress=False)
    assert current(index).name == served


def test_skips_are_summarised_by_reason_and_listed_in_full_in_the_generation(tmp_path):
    files: dict[str, str | bytes] = {"2004/baths.php": STORY}
    files.update({f"inc/nav{i}.inc": NAV for i in range(7)})
    files.update({f"img/p{i}.gif": b"GIF89a" + bytes(40) for i in range(5)})
    corpus = write(tmp_path / "corpus", files)
    index = tmp_path / "index"
    report = build_corpus(corpus, index, progress=False)
    summary = report.summary()
    lines = summary.splitlines()
    assert "  skipped:    12 files" in summary
    fragment_line = next(ln for ln in lines if "template fragment" in ln)
    assert fragment_line.strip().startswith("7  template fragment:")
    assert fragment_line.count(".inc") == 3 and fragment_line.endswith(", ...")
    assert any(ln.strip().startswith("5  unsupported format .gif") for ln in lines)
    assert not any("nav6.inc" in ln for ln in lines), "one line per skipped file again"
    tsv = current(index).path / SKIPPED_FILE
    assert str(tsv) in summary
    rows = tsv.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "path\treason" and len(rows) == 13
    assert any(r.startswith("inc/nav6.inc\ttemplate fragment") for r in rows)


def test_an_update_writes_its_own_skip_list(tmp_path):
    corpus = write(tmp_path / "corpus", {"2004/baths.php": STORY, "inc/nav.inc": NAV})
    index = tmp_path / "index"
    build_corpus(corpus, index, progress=False)
    first = current(index)
    before = (first.path / SKIPPED_FILE).read_text(encoding="utf-8")
    write(corpus, {"2004/ferry.php": STORY.replace("baths", "ferry"), "inc/foot.inc": NAV})
    result = update_corpus(corpus, index, progress=False)
    assert "inc/foot.inc" in (current(index).path / SKIPPED_FILE).read_text(encoding="utf-8")
    assert (first.path / SKIPPED_FILE).read_text(encoding="utf-8") == before  # hard link not written through
    assert "2  template fragment" in result.summary()


def test_the_summary_reports_formats_and_title_date_author_coverage(tmp_path):
    corpus = write(tmp_path / "corpus", {
        "a/1923-salt-tax.md": "---\ntitle: Salt\nauthor: Ida Long\ndate: 1923-04-02\n---\n\n"
                              "Salt was taxed by the crown for a century and more.\n",
        "b/harbour-notes.txt": "The ships came in slowly that year, and the quays were quiet.\n\n"
                               "Nobody remembered a winter as hard as that one.\n",
        "c/page.php": STORY,
    })
    report = build_corpus(corpus, tmp_path / "index", progress=False)
    lines = report.summary().splitlines()
    assert "  formats:    html 1, markdown 1, text 1" in lines
    title = next(ln for ln in lines if "with a title" in ln)
    assert "2 of 3 (67 %)" in title and "b/harbour-notes.txt" in title
    author = next(ln for ln in lines if "with an author" in ln)
    assert "1 of 3 (33 %)" in author and "c/page.php" in author and "b/harbour-notes.txt" in author
    date = next(ln for ln in lines if "with a date" in ln)
    assert "1 of 3 (33 %)" in date
    meta = current(tmp_path / "index").meta
    assert meta["coverage"]["with_author"] == 1 and meta["coverage"]["formats"]["html"] == 1


TITLES = [
    ("a/notes.md", "---\ntitle: Salt\n---\n\nSalt was taxed by the crown for a century and more.\n", "front-matter"),
    ("a/notes.md", "# Salt\n\nSalt was taxed by the crown for a century and more.\n", "page"),
    ("a/page.php", STORY, "page"),
    ("a/salt-tax.txt", "Salt was taxed by the crown for a century and more.\n", "file name"),
    ("a/salt-tax.php", "<p>Salt was taxed by the crown for a century and more, and the people paid.</p>"
                       "<p>The tax fell hardest on the poor, who salted their winter meat.</p>" * 3, "file name"),
    ("a/listed.txt", "Salt was taxed by the crown for a century and more.\n", "catalogue"),
]


@pytest.mark.parametrize(("rel", "text", "source"), TITLES, ids=[f"{r}-{s}" for r, _, s in TITLES])
def test_each_document_says_where_its_title_came_from(tmp_path, rel, text, source):
    from indexer.readers import read_corpus

    corpus = write(tmp_path / "c", {rel: text, "catalogue.csv": "path,title\na/listed.txt,Salt Taxes\n"})
    [doc] = [d for d in read_corpus(corpus, Selection()) if getattr(d, "doc_id", None) == rel]
    assert doc.title_source == source
