"""Catalogue files map files to title, author and date, whatever their column names."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.readers.catalogue import Catalogue, CatalogueError, Entry

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_csv_with_stem_and_flexible_columns(tmp_path: Path) -> None:
    (tmp_path / "metadata.csv").write_text(
        "fileid,year,date,president_full,kind\n"
        "1801-Jones-1,1801,1801-12-08,Mary Jones,written\n",
        encoding="utf-8",
    )
    cat = Catalogue.find(tmp_path)
    assert cat is not None
    entry = cat.lookup(tmp_path / "speeches" / "1801-Jones-1.txt")
    assert entry == Entry(title=None, author="Mary Jones", date="1801-12-08")
    assert cat.lookup(tmp_path / "speeches" / "1801-Jones-2.txt") is None
    # A file outside the catalogue's folder is not covered.
    assert cat.lookup(tmp_path.parent / "1801-Jones-1.txt") is None


def test_jsonl_with_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "catalogue.jsonl").write_text(
        '{"path": "a/one.md", "title": "On Bridges", "creator": "Tom Reed", "published": "May 1921"}\n'
        "\n"
        '{"file": "two.html", "title": "Second", "author": null}\n',
        encoding="utf-8",
    )
    cat = Catalogue.load(tmp_path / "catalogue.jsonl")
    assert cat.lookup(tmp_path / "a" / "one.md") == Entry("On Bridges", "Tom Reed", "1921-05")
    assert cat.lookup(tmp_path / "b" / "two.html") == Entry("Second", None, None)


def test_title_from_linked_html_page(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "canal-speech.html").write_text(
        "<html><head><title>Address on Canals | Some Site</title></head></html>", encoding="utf-8"
    )
    (tmp_path / "metadata.csv").write_text(
        "fileid,date,raw_html_path\nx-1,1830-05-12,old/place/canal-speech.html\n", encoding="utf-8"
    )
    cat = Catalogue.load(tmp_path / "metadata.csv")
    assert cat.lookup(tmp_path / "texts" / "x-1.txt") == Entry("Address on Canals", None, "1830-05-12")
    # The page itself is covered by the same entry.
    assert cat.lookup(tmp_path / "pages" / "canal-speech.html") == cat.lookup(tmp_path / "x-1.txt")


def test_no_catalogue_and_broken_catalogue(tmp_path: Path) -> None:
    assert Catalogue.find(tmp_path) is None
    (tmp_path / "catalogue.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="catalogue.jsonl"):
        Catalogue.find(tmp_path)


@pytest.mark.shared
def test_real_sotu_metadata() -> None:
    folder = SHARED / "corpus" / "presidential" / "sotu"
    if not (folder / "metadata.csv").is_file():
        pytest.skip("../shared/corpus/presidential/sotu/metadata.csv is absent")
    cat = Catalogue.find(folder)
    assert cat is not None
    entry = cat.lookup(folder / "speeches" / "1846-Polk-1.txt")
    assert entry is not None
    assert entry.author == "James K. Polk"
    assert entry.date == "1846-12-08"
    assert entry.title and "Annual Message" in entry.title


def test_any_csv_whose_columns_name_a_file_and_its_title_is_a_catalogue(tmp_path: Path) -> None:
    """A website's export ("catalog_export.csv", "path,headline,byline,date") is read whatever
    its name; its bylines as a page's are, and its numeric dates in the order the column
    shows. A CSV that names no file (a list of members) is no catalogue."""
    (tmp_path / "members.csv").write_text("name,riding,party\nAda Quill,North,Labour\n", encoding="utf-8")
    assert Catalogue.find(tmp_path) is None
    (tmp_path / "catalog_export.csv").write_text(
        "path,headline,byline,date,section\n"
        'news/2004/0312/plant.asp,Plant to close,"By Ann Morozzi, Courier staff writer",03/12/2004,News\n'
        "obits/2004/obits_0427.txt,Obituaries,,04/27/2004,Obituaries\n",  # the month is first, then
        encoding="utf-8",
    )
    cat = Catalogue.find(tmp_path)
    assert cat is not None
    assert cat.lookup(tmp_path / "news" / "2004" / "0312" / "plant.asp") == Entry(
        "Plant to close", "Ann Morozzi", "2004-03-12")


def test_a_finding_aid_s_date_column_by_another_name_and_its_unsigned_pieces(tmp_path: Path) -> None:
    """Volunteers' finding aids name their columns as they like ("issue_date"), date a monthly
    by its month ("1951-08", "Nov 1949"), and write "unsigned" where nobody signed; a column that
    dates the record ("date_added") is not the document's date."""
    (tmp_path / "finding_aid_rev2.csv").write_text(
        "file,title,author,date_added,issue_date,notes\n"
        'ocr/quill_1951_08_p1.txt,Mills Idle,"Varenza, Ada",2003-01-05,1951-08,OCR\n'
        "ocr/quill_1949_11_p2.txt,Strike Relief,unsigned,2003-01-05,Nov 1949,\n"
        "ocr/quill_1950_02_p1.txt,Dues,Anon.,2003-01-05,,\n",
        encoding="utf-8",
    )
    cat = Catalogue.find(tmp_path)
    assert cat is not None
    assert cat.lookup(tmp_path / "ocr" / "quill_1951_08_p1.txt") == Entry("Mills Idle", "Varenza, Ada", "1951-08")
    assert cat.lookup(tmp_path / "ocr" / "quill_1949_11_p2.txt") == Entry("Strike Relief", None, "1949-11")
    assert cat.lookup(tmp_path / "ocr" / "quill_1950_02_p1.txt") == Entry("Dues", None, None)


def test_a_finding_aid_s_author_column_by_another_name(tmp_path: Path) -> None:
    """A society's volunteers head the column "author_or_speaker" or "Written by": still the
    author; "Authority" (a record's source) is not."""
    (tmp_path / "catalogue.csv").write_text(
        "file,title,author_or_speaker,date,Authority\n"
        "lectures/1885_free_trade.txt,Free Trade,Mr. T. Varenza (Hon. Sec.),1885-02-11,Minute Book 2\n",
        encoding="utf-8",
    )
    (tmp_path / "aid").mkdir()
    (tmp_path / "aid" / "list.csv").write_text(
        "path,Written by,Authority\nletters/1901_quill.txt,Ada Quill,Box 3\n", encoding="utf-8")
    cat = Catalogue.find(tmp_path)
    assert cat is not None
    assert cat.lookup(tmp_path / "lectures" / "1885_free_trade.txt") == Entry(
        "Free Trade", "Mr. T. Varenza (Hon. Sec.)", "1885-02-11")
    aid = Catalogue.find(tmp_path / "aid")
    assert aid is not None and aid.lookup(tmp_path / "aid" / "letters" / "1901_quill.txt").author == "Ada Quill"
