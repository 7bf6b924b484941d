"""The corpus boundary and the archivist's selection: links, unlinkable names, --include/--exclude."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from indexer.boundary import LINK_LOOP, LINK_NOT_FOLLOWED, LINK_OUTSIDE
from indexer.build import build_corpus
from indexer.cli import main
from indexer.models import Document, Skipped
from indexer.readers import read_corpus, read_file
from indexer.selection import Selection
from indexer.update import update_corpus

STORY = "Harbour notes\n\nThe ships came in slowly that year, and the quays were quiet all winter.\n"
SECRET = "root:x:0:0:a secret line that must never be indexed or served:/root:/bin/bash\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "2004").mkdir(parents=True)
    (root / "2004" / "harbour.txt").write_text(STORY, encoding="utf-8")
    return root


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "passwd").write_text(SECRET, encoding="utf-8")
    (folder / "more.txt").write_text(SECRET, encoding="utf-8")
    return folder


def results(root: Path, selection: Selection | None = None) -> dict[str, str]:
    """{path: "document" or the skip reason} for every item a read of the corpus gives."""
    return {(i.path if isinstance(i, Skipped) else i.doc_id): (i.reason if isinstance(i, Skipped) else "document")
            for i in read_corpus(root, selection or Selection())}


LINKS = [
    # (link name, target relative to the test folder, follow_links, expected for the link)
    ("passwd.txt", "elsewhere/passwd", False, LINK_OUTSIDE),
    ("passwd.txt", "elsewhere/passwd", True, LINK_OUTSIDE),
    ("abs-dir", "elsewhere", True, LINK_OUTSIDE),
    ("abs-dir", "elsewhere", False, LINK_OUTSIDE),
    ("mirror.txt", "corpus/2004/harbour.txt", False, LINK_NOT_FOLLOWED),
    ("mirror.txt", "corpus/2004/harbour.txt", True, "document"),
    ("mirror-dir", "corpus/2004", False, LINK_NOT_FOLLOWED),
    ("dangling.txt", "corpus/gone.txt", True, "broken symbolic link"),
]


@pytest.mark.parametrize(("name", "target", "follow", "expect"), LINKS,
                         ids=[f"{n}-{'follow' if f else 'default'}" for n, _, f, _ in LINKS])
def test_symbolic_links(tmp_path, corpus, outside, name, target, follow, expect):
    link = corpus / name
    link.symlink_to(tmp_path / target)
    found = results(corpus, Selection(follow_links=follow))
    key = name + ("/" if (tmp_path / target).is_dir() and expect != "document" else "")
    assert found[key] == expect
    assert found["2004/harbour.txt"] == "document"
    assert not any(k.startswith(f"{name}/") and v == "document" for k, v in found.items() if "abs-dir" in k)


def test_a_followed_folder_link_inside_the_corpus_is_read_once(corpus):
    # Hidden folders are not walked; a link gives one its place in the archive.
    (corpus / ".store" / "1999").mkdir(parents=True)
    (corpus / ".store" / "1999" / "quay.txt").write_text(STORY.replace("Harbour", "Quay"), encoding="utf-8")
    (corpus / "1999").symlink_to(corpus / ".store" / "1999")
    (corpus / "mirror-dir").symlink_to(corpus / "2004")  # a second path to a folder already read
    found = results(corpus, Selection(follow_links=True))
    assert found["1999/quay.txt"] == "document"
    assert found["mirror-dir/"] == LINK_LOOP
    assert results(corpus)["1999/"] == LINK_NOT_FOLLOWED


def test_a_link_loop_is_read_once(corpus):
    (corpus / "2004" / "again").symlink_to(corpus)
    found = results(corpus, Selection(follow_links=True))
    assert found["2004/harbour.txt"] == "document"
    assert found["2004/again/"] == LINK_LOOP
    assert len([v for v in found.values() if v == "document"]) == 1


def test_a_link_leading_outside_is_never_indexed_even_when_read_directly(tmp_path, corpus, outside):
    (corpus / "passwd.txt").symlink_to(outside / "passwd")
    result = read_file(corpus / "passwd.txt", corpus, selection=Selection(follow_links=True))
    assert isinstance(result, Skipped) and result.reason == LINK_OUTSIDE
    report = build_corpus(corpus, tmp_path / "index", progress=False)
    assert {s.path: s.reason for s in report.skipped}["passwd.txt"] == LINK_OUTSIDE
    # An update (which re-reads the files it does not know) refuses it too.
    (corpus / "more.txt").symlink_to(outside / "more.txt")
    update = update_corpus(corpus, tmp_path / "index", progress=False)
    assert {s.path: s.reason for s in update.skipped}["more.txt"] == LINK_OUTSIDE
    assert update.added == []


BAD_NAMES = [
    ("back\\slash.txt", "backslash"),
    ("fifty%25off.txt", '"%"'),
    ("line\nbreak.txt", "control character (U+000A)"),
    ("tab\there.txt", "control character (U+0009)"),
    (os.fsdecode(b"caf\xe9.txt"), "not valid UTF-8"),
]


@pytest.mark.parametrize(("name", "reason"), BAD_NAMES, ids=[r for _, r in BAD_NAMES])
def test_names_that_cannot_be_linked_are_skipped(corpus, name, reason):
    try:
        (corpus / name).write_text(STORY, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses the name")
    found = results(corpus)
    assert reason in found[name]
    assert found["2004/harbour.txt"] == "document"


def test_a_folder_with_an_unlinkable_name_is_skipped_whole(corpus):
    (corpus / "50%").mkdir()
    (corpus / "50%" / "a.txt").write_text(STORY, encoding="utf-8")
    found = results(corpus)
    assert '"%"' in found["50%/"]
    assert "50%/a.txt" not in found


SELECTIONS = [
    # (include, exclude, expected {path: "document" or reason start})
    ((), (), {"2004/a.php": "document", "inc/nav.inc": "template fragment", "notes.json": "not a document",
              "drafts/b.txt": "document"}),
    ((), ("drafts",), {"drafts/": "excluded by 'drafts'", "2004/a.php": "document"}),
    ((), ("*.PHP",), {"2004/a.php": "excluded by '*.PHP'"}),
    ((), ("2004/*",), {"2004/a.php": "excluded by '2004/*'", "drafts/b.txt": "document"}),
    (("*.inc",), (), {"inc/brief.inc": "document"}),  # read as a page, not judged a fragment
    (("notes.json",), (), {"notes.json": "document"}),
    (("*.inc",), ("inc/brief*",), {"inc/brief.inc": "excluded by 'inc/brief*'"}),
    (("*",), (), {"catalogue.csv": "not a document", "persons.toml": "not a document", "drafts/b.txt": "document"}),
]


@pytest.mark.parametrize(("include", "exclude", "expect"), SELECTIONS)
def test_include_and_exclude(tmp_path, include, exclude, expect):
    root = tmp_path / "c"
    for rel, text in {
        "2004/a.php": "<html><head><title>Baths</title></head><body><p>The council agreed to keep "
                      "the public baths open all winter.</p></body></html>",
        "inc/nav.inc": '<ul><li><a href="/">Home</a></li><li><a href="/n/">News</a></li></ul>',
        "inc/brief.inc": "<p>The library opens late on Thursdays from next month, the council said.</p>",
        "notes.json": "Minutes of the committee, kept as a plain note despite the name.\n",
        "drafts/b.txt": STORY,
        "catalogue.csv": "path,title\ndrafts/b.txt,Harbour notes in draft\n",
        "persons.toml": "",
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    found = results(root, Selection(include=include, exclude=exclude))
    for path, want in expect.items():
        assert found[path].startswith(want), (path, found[path])


def test_include_and_exclude_from_the_command_line_and_the_environment(tmp_path, monkeypatch, capsys):
    root = tmp_path / "c"
    (root / "old").mkdir(parents=True)
    (root / "a.txt").write_text(STORY, encoding="utf-8")
    (root / "old" / "b.txt").write_text(STORY.replace("Harbour", "Quay"), encoding="utf-8")
    index = tmp_path / "index"
    monkeypatch.setenv("ARCHIVE_EXCLUDE", "old")
    assert main(["build", "--corpus", str(root), "--index", str(index), "--quiet"]) == 0
    assert "documents:  1" in capsys.readouterr().out
    # The option replaces the environment's value.
    assert main(["build", "--corpus", str(root), "--index", str(index), "--quiet", "--exclude", "none"]) == 0
    assert "documents:  2" in capsys.readouterr().out
    monkeypatch.setenv("ARCHIVE_FOLLOW_LINKS", "perhaps")
    assert main(["build", "--corpus", str(root), "--index", str(index), "--quiet"]) == 2
    assert capsys.readouterr().err.startswith("Error: ARCHIVE_FOLLOW_LINKS")


def test_read_file_gives_a_document_for_a_followed_link(corpus):
    (corpus / "mirror.txt").symlink_to(corpus / "2004" / "harbour.txt")
    assert isinstance(read_file(corpus / "mirror.txt", corpus, selection=Selection(follow_links=True)), Document)
