"""Bylines, datelines and numbers that are not years: one row per form a legacy site prints."""

from __future__ import annotations

import pytest

from indexer.readers.bylines import read_byline
from indexer.readers.datelines import dateline, numeric_date
from indexer.years import mentions


@pytest.mark.parametrize(("line", "authors", "date"), [
    ("By A. Writer | March 4, 2004 | Page 9", ("A. Writer",), "2004-03-04"),
    ("By Ann Calloway", ("Ann Calloway",), None),
    ("Review by Helen Marsh", ("Helen Marsh",), None),
    ("By Joe Barker and Lena Sokolova", ("Joe Barker", "Lena Sokolova"), None),
    ("BY NINA PARK AND OWEN HUGHES", ("Nina Park", "Owen Hughes"), None),
    ("BY MARGARET O'HARA", ("Margaret O'Hara",), None),
    ("by Carl Jensen", ("Carl Jensen",), None),
    ("By Ann Calloway, Labour Correspondent", ("Ann Calloway",), None),
    ("By Grace Lin, Nov. 3, 2006", ("Grace Lin",), "2006-11-03"),
    ("Words by Rosa de la Cruz", ("Rosa de la Cruz",), None),
    ("By Ann, Bo Lee and Cy Moss", None, None),  # "Ann" alone is no name: not a byline
    ("By WALTER QUENNELL Courier Sports Writer", ("Walter Quennell",), None),
    ("By Ines Varenza and Walter Quennell Courier staff writers", ("Ines Varenza", "Walter Quennell"), None),
    ("By Ines Varenza Staff Writer", ("Ines Varenza",), None),
    ("Reviewed by Ines Varenza Published 10 November 2006", ("Ines Varenza",), "2006-11-10"),
    # the byline among a dateline's furniture, set apart by bars
    ("Published: 13/05/1999 \xa0|\xa0 By Catriona Quennell", ("Catriona Quennell",), "1999-05-13"),
    ("Published: 10/04/2003 | By Ines Varenza | Pictures: Sandy Pim", ("Ines Varenza",), "2003-04-10"),
    ("Sport » Shinty | by Kenny Quennell | 02/09/2004", ("Kenny Quennell",), "2004-09-02"),
    ("Churches | 30 August 2007 | by Kenny Quennell", ("Kenny Quennell",), "2007-08-30"),
])
def test_bylines(line, authors, date):
    found = read_byline(line)
    if authors is None:
        assert found is None
    else:
        assert found is not None and (found.authors, found.date) == (authors, date)


@pytest.mark.parametrize("line", [
    "By two in the morning the brazier had burned out.",
    "By the end of the week the strike was over",
    "By Order of the Committee",
    "Bystanders watched from the quay",
    "By 1912 most strikes were short",
    "The county final was won \u2014 by Kevin Quennell \u2014 in the last minute.",
])
def test_sentences_and_banners_are_not_bylines(line):
    assert read_byline(line) is None


@pytest.mark.parametrize(("line", "iso"), [
    ("Posted on 2003-02-21", "2003-02-21"),
    ("Published: 21/02/2003", "2003-02-21"),
    ("Published: 02/21/2003", "2003-02-21"),
    ("Friday, October 1, 2004", "2004-10-01"),
    ("Friday, 28 February 2003", "2003-02-28"),
    ("August 15, 2003 | Issue 88 | Page 2", "2003-08-15"),
    ("Issue 112 March 4, 2004", "2004-03-04"),
    ("Updated: Nov. 3, 2006 at 10:30 am", "2006-11-03"),
    ("Vol. III, No. 12 - June 1905", "1905-06"),
    ("Gaidhlig » Mod » 2005 | Posted 20/10/2005", "2005-10-20"),
    ("Compiled by Dennis Quennell from the Society's collections | Posted 22-Jun-2007", "2007-06-22"),
    ("Published: 06/02/2003 | From Our Files, compiled by Ines Varenza", "2003-02-06"),
    ("By our Court Reporter \xa0 Thursday 29 June 2000", "2000-06-29"),
    ("Strike: 4 March 2004 | the mill closed and all the men went home to wait for news", None),
    ("Published 4 March 2004 | Updated 5 March 2004", "2004-03-04"),
    ("Quennell, Kevin | Glenmorrow | 12/03/1999 | Dangerous driving | Fined", None),
    ("The strike began on March 4, 2004 at the mill.", None),
    ("1919", None),  # a bare year is a number on a line, not a dateline
    ("Page 9", None),
])
def test_datelines(line, iso):
    assert dateline(line) == iso


@pytest.mark.parametrize(("text", "order", "iso"), [
    ("12/04/2002", "dmy", "2002-04-12"),
    ("12/04/2002", "mdy", "2002-12-04"),
    ("31/12/2002", "mdy", "2002-12-31"),  # a day above 12 decides
    ("21.02.03", "dmy", "2003-02-21"),
    ("2003/02/21", "mdy", "2003-02-21"),
    ("13/13/2003", "dmy", None),
])
def test_numeric_dates(text, order, iso):
    assert numeric_date(text, order) == iso


@pytest.mark.parametrize(("text", "years"), [
    ("Members of Local 1245 packed the hall.", ()),
    ("A delegation from District 1908 came.", ()),
    ("The electricians' branch, 1245/IBEW, voted.", ()),
    ("Unit 1907 and Lodge 1863 stayed neutral.", ()),
    ("See Issue 1912, Page 1911 and Room 1204.", ()),
    ("The office at 1910 Canal Street stayed open.", ()),
    ("They raised £1,500, $2000 and 1800 pounds.", ()),
    ("The fund supports 1,200 members and 1500 families.", ()),
    ("Local 1245 struck in 1934 and again in 1988.", (1934, 1988)),
    ("The District of Columbia voted in 1908.", (1908,)),
])
def test_numbers_that_are_not_years(text, years):
    assert mentions(text).years == years


@pytest.mark.parametrize(("name", "person"), [
    ("Grover Cleveland", True),
    ("Raya Dunayevskaya", True),
    ("V. I. Lenin", True),
    ("Margaret O'Hara", True),
    ("Selected Works", False),
    ("Marx-Engels Correspondence", False),
    ("Karl Marx Capital Volume One", False),
    ("The Riverside Worker Archive", False),
    ("News Stories", False),
    ("II. Dialectics", False),
])
def test_section_banners_and_collections_are_not_authors(name, person):
    from indexer.readers.bylines import looks_like_person

    assert looks_like_person(name) is person


@pytest.mark.parametrize(("text", "repaired"), [
    ("By InÃ©s GarcÃ­a", "By Inés García"),
    ("PanaÃ¯t Istrati", "Panaït Istrati"),
    ("the workersâ€™ hall", "the workers’ hall"),
    ("Café, Ärger, château", "Café, Ärger, château"),  # real accents are left alone
    ("plain ASCII text", "plain ASCII text"),
])
def test_mojibake_is_repaired(text, repaired):
    from indexer.readers.mojibake import repair

    assert repair(text) == repaired


@pytest.mark.parametrize(("path", "iso"), [
    ("2003/02/21/dockers-vote.html", "2003-02-21"),
    ("news/2003/02/story.html", "2003-02"),
    ("issues/2004-issue-112/contents.html", "2004"),
    ("works/1867-c1/ch01.htm", "1867"),
    ("archive/stories-2003.html", None),
])
def test_dates_from_paths(path, iso):
    from indexer.readers.dates import date_from_filename

    assert date_from_filename(path) == iso


# -- whole pages: what an old CMS prints around the headline ---------------------------------

_PAGE = """<html><head><title>{title}</title></head><body>
<div id="nav"><a href="/">Home</a> | <a href="/news/">News</a></div>
{top}
<p>The dockers at Carrick Bay voted on Tuesday to stop work from Monday unless the port board
reopens talks on pay and pensions, the union said.</p>
<p>A second paragraph says more about the vote, the ballot and the board's reply to the union.</p>
</body></html>"""


@pytest.mark.parametrize(("why", "title", "top", "expected"), [
    ("a table cell's loose lines: headline in <font>, section and date, byline in capitals",
     "The Courier - Sports: Dockers vote to stop work",
     '<table><tr><td><font size="1">SPORTS &nbsp;|&nbsp; Friday, November 23, 2001</font><br>'
     '<font size="5"><b>Dockers vote to stop work</b></font><br><br>'
     "<font><b>By WALTER QUENNELL</b><br><i>Courier Sports Writer</i></font><p>"
     "The dockers voted.</p><p>The board replied.</p></td></tr></table>",
     ("Dockers vote to stop work", "Walter Quennell", "2001-11-23")),
    ("a byline element with the role after a bar, and a date element",
     "Dockers vote to stop work | The Courier",
     '<h1>Dockers vote to stop work</h1><div class="byline">By <a href="/staff/iv">Ines Varenza</a> | Staff '
     'Writer</div><p class="meta"><span class="date">Published 3 March 2006</span></p>',
     ("Dockers vote to stop work", "Ines Varenza", "2006-03-03")),
    ("a credit without 'by', and the role on the next line",
     "Dockers vote to stop work",
     '<h1>Dockers vote to stop work</h1><p class="byline">Words: Ines Varenza<br>Industrial Correspondent</p>'
     '<p class="meta"><span class="byline">Words: Ines Varenza</span> <span class="date">14/03/2003</span></p>',
     ("Dockers vote to stop work", "Ines Varenza", "2003-03-14")),
    ("a date element in a sidebar before the article's own",
     "Dockers vote to stop work",
     '<div class="sidebar"><span class="date">1 May 2015</span></div><h1>Dockers vote to stop work</h1>'
     '<p class="meta"><span class="byline">By Ines Varenza</span> <span class="date">Published 3 March 2016</span></p>',
     ("Dockers vote to stop work", "Ines Varenza", "2016-03-03")),
    ("a headline that holds a separator itself, after the site's name in the title",
     "UNION - The Courier - A lamp in the yard: a porter's life",
     "<h1>A lamp in the yard: a porter's life</h1><p>Published 10 November 2006</p>",
     ("A lamp in the yard: a porter's life", None, "2006-11-10")),
])
def test_what_a_legacy_page_prints_around_its_headline(tmp_path, why, title, top, expected):
    from indexer.readers.reading import read_file

    page = tmp_path / "story.cfm"
    page.write_text(_PAGE.format(title=title, top=top), encoding="utf-8")
    doc = read_file(page, tmp_path)
    assert (doc.title, doc.author, doc.published) == expected, why


def test_a_most_read_box_above_an_advertisement_label_is_no_text(tmp_path):
    from indexer.readers.reading import read_file

    page = tmp_path / "story.asp"
    page.write_text(
        "<html><head><title>Dockers vote</title></head><body><h1>Dockers vote to stop work</h1>"
        "<p>The dockers of Pier 4 voted on Sunday to stop work for a day.</p>"
        "<p>Their steward, Ines Varenza, said the vote was close.</p>"
        '<div class="side"><h4>Most Read</h4><ol><li><a href="/a">Ferry fares rise again</a></li>'
        '<li><a href="/b">Quennell wins the cup</a></li></ol></div>'
        '<p class="ad">ADVERTISEMENT</p><a href="/ad"><img src="ad.gif" alt="Jobs"></a></body></html>',
        encoding="utf-8")
    doc = read_file(page, tmp_path)
    assert [b.text for b in doc.blocks] == ["The dockers of Pier 4 voted on Sunday to stop work for a day.",
                                            "Their steward, Ines Varenza, said the vote was close."]


_DRUPAL = """<html><head><title>{title} | Quennell County Society</title></head>
<body class="not-front node-type-story one-sidebar sidebar-right">
<div id="page"><div id="header"><h1 id="site-name">Quennell County Society</h1></div>
<div id="main"><h1 class="title">{title}</h1>
<div class="node"><span class="submitted">Submitted by <a href="/user/3">vmorozzi</a> on {when}</span>
<div class="content"><p>The mill on the Varenza road burned in the winter of 1911, and the town rebuilt it
in brick the next spring with money the farmers raised.</p></div></div></div>
<div id="sidebar-right" class="sidebar"><h2>Upcoming events</h2><p>Pie social, Friday 14 May</p></div>
</div></body></html>"""


@pytest.mark.parametrize(("why", "when", "expected"), [
    ("the weekday tells a month-first date", "Tue, 06/02/2009 - 10:45", "2009-06-02"),
    ("...and a day-first one", "Fri, 06/02/2009 - 10:45", "2009-02-06"),
    ("a ColdFusion date", "14-Mar-2005", "2005-03-14"),
    ("a weekday that fits neither reading leaves the archive's order", "Mon, 06/02/2009", "2009-02-06"),
])
def test_a_drupal_page_whose_body_class_names_its_sidebar(tmp_path, why, when, expected):
    """Drupal and WordPress put the page's layout in <body class>: "one-sidebar" says the
    page has a sidebar, not that the page is one."""
    from indexer.readers.reading import read_file

    page = tmp_path / "node@112.php"
    page.write_text(_DRUPAL.format(title="The mill on the Varenza road", when=when), encoding="utf-8")
    doc = read_file(page, tmp_path)
    assert [b.text for b in doc.blocks][-1].startswith("The mill on the Varenza road burned"), why
    assert not any("Pie social" in b.text for b in doc.blocks), why
    assert (doc.title, doc.author, doc.published) == ("The mill on the Varenza road", "vmorozzi", expected), why


def test_a_transcripts_header_fields_stay_apart_and_date_it(tmp_path):
    from indexer.readers.reading import read_file

    page = tmp_path / "OH-007_quennell_ada_1971.txt"
    page.write_text("QUENNELL COUNTY SOCIETY ORAL HISTORY\n\nNarrator:      Ada Quennell (1890-1975)\n"
                    "Interviewer:   Ines Varenza\nDate:          June 3, 1971\nPlace:         the Quennell farm\n\n"
                    "VARENZA: When did you come to the county?\n\nQUENNELL: In the spring of 1911, on the train.\n",
                    encoding="utf-8")
    doc = read_file(page, tmp_path)
    assert doc.published == "1971-06-03"
    texts = [b.text for b in doc.blocks]
    assert "Interviewer: Ines Varenza" in texts and "Date: June 3, 1971" in texts, texts


def test_a_transcripts_header_aligned_by_spaces_dates_it(tmp_path):
    """A typed form aligns its fields with spaces, no colon ("Date              5 October 1996")."""
    from indexer.readers.reading import read_file

    page = tmp_path / "quennell_ada.txt"
    page.write_text("QUENNELL COUNTY SOCIETY ORAL HISTORY\n\nInterview no.     QC-7\nNarrator          Ada Quennell\n"
                    "Interviewer       Ines Varenza\nDate              5 October 1996\nPlace             Lorton\n\n"
                    "VARENZA: When did you come to the county?\n\nQUENNELL: In the spring of 1911.\n",
                    encoding="utf-8")
    assert read_file(page, tmp_path).published == "1996-10-05"


def test_a_programme_set_in_columns_is_read_as_a_list(tmp_path):
    """Two columns of names, run together line by line, would make one name of four people."""
    from indexer.names import candidates
    from indexer.readers.reading import read_file

    page = tmp_path / "banquet_program_1976.txt"
    page.write_text("HONOR ROLL\n\n       Elijah Quennell                    Mrs. Bernice Varenza\n"
                    "       J. C. Halloran                     Walter Dorsey\n"
                    "       Wash Lockmoor * (and his mule)\n", encoding="utf-8")
    texts = [b.text for b in read_file(page, tmp_path).blocks]
    listed = next(t for t in texts if "Quennell" in t)
    assert {c.name for c in candidates(listed) if c.kind == "full"} == {
        "Elijah Quennell", "Bernice Varenza", "J. C. Halloran", "Walter Dorsey"}, listed


def test_an_aspnet_page_wrapped_in_its_form_is_read_and_a_search_form_is_not(tmp_path):
    from indexer.readers.reading import read_file

    page = tmp_path / "article.aspx@ID=7.aspx"
    page.write_text(
        '<html><head><title>Quennell Courier - Board closes the mill school</title></head><body>'
        '<form action="/search"><p>Search the Courier</p><input name="q"></form>'
        '<form name="aspnetForm" method="post" action="article.aspx?ID=7" id="aspnetForm">'
        '<div id="ctl00_menu"><a href="/">Home</a> | <a href="/news">News</a></div>'
        '<div id="ctl00_cph_pnlArticle"><h1>Board closes the mill school</h1>'
        '<div class="byline">By Ines Varenza</div><div class="pubdate">February 19, 2009</div>'
        '<p>The school board voted on Tuesday to close the mill school at the end of the year.</p>'
        '<p>Parents asked the board to wait a year; the board said the roof could not wait.</p>'
        '<p>The pupils will ride the bus to the county school from the autumn.</p></div></form></body></html>',
        encoding="utf-8")
    doc = read_file(page, tmp_path)
    texts = [b.text for b in doc.blocks]
    assert texts[0].startswith("The school board voted") and len(texts) == 3, texts
    assert (doc.title, doc.author, doc.published) == ("Board closes the mill school", "Ines Varenza", "2009-02-19")
