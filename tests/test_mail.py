"""E-mail kept as text: the headers give title, sender and date, and are not indexed.

Every message here is written for these tests; the people and lists are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import Document
from indexer.readers import read_file
from indexer.readers.mail import read_mail

NEWSLETTER = """\
From: "Quennell Street Residents" <news@quennell-street.example>
To: members@lists.quennell-street.example
Date: Wed, 03 Mar 2004 18:20:11 -0500
Subject: [QSR News] Spring 2004: the boiler, the vote, the picnic
Content-Type: text/plain; charset=UTF-8

QUENNELL STREET RESIDENTS -- SPRING 2004

Hello neighbours,

The boiler was finally replaced in February. Ines Varenza chased the landlord
for eleven weeks and deserves our thanks.
"""

ENCODED = """\
From: =?utf-8?q?Ren=C3=A9e_Morozzi?= <renee@example.org>
Date: Fri, 12 Nov 1999 09:00:00 +0000
Subject: =?utf-8?q?Re:_Fwd:_The_caf=C3=A9_meeting?=
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

The caf=C3=A9 on Dunkel Road will host us on Thursday; bring the minutes of=
 the last meeting.
"""

MULTIPART = """\
From nobody Mon Jan  5 10:00:00 1998
From: Ada Quill <ada@example.net>
To: list@example.net
Date: Mon, 05 Jan 1998 10:00:00 -0600
Subject: Minutes
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="XYZ"

--XYZ
Content-Type: text/plain; charset=us-ascii

The committee met on Saturday and agreed the rent table.
--XYZ
Content-Type: text/html; charset=us-ascii

<p>The committee met on Saturday and agreed the rent table.</p>
--XYZ--
"""


def _read(tmp_path: Path, name: str, text: str) -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = read_file(path, tmp_path)
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize(
    ("kind", "name", "text", "title", "author", "published", "first_words"),
    [
        ("a newsletter saved with its headers", "spring.txt", NEWSLETTER,
         "Spring 2004: the boiler, the vote, the picnic", "Quennell Street Residents", "2004-03-03",
         "QUENNELL STREET"),
        ("encoded words and a quoted-printable body", "cafe.eml", ENCODED,
         "The café meeting", "Renée Morozzi", "1999-11-12", "The café on Dunkel Road"),
        ("an mbox separator and a message in two parts", "minutes.txt", MULTIPART,
         "Minutes", "Ada Quill", "1998-01-05", "The committee met"),
    ],
)
def test_a_messages_headers_are_its_metadata(tmp_path: Path, kind: str, name: str, text: str, title: str,
                                             author: str, published: str, first_words: str) -> None:
    doc = _read(tmp_path, name, text)
    assert (doc.title, doc.author, doc.published) == (title, author, published), kind
    texts = [b.text for b in doc.blocks]
    assert texts[0].startswith(first_words), (kind, texts[:2])
    assert not any(t.startswith(("From:", "To:", "Subject:", "Content-", "--XYZ")) or "<p>" in t
                   for t in texts), (kind, texts)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("a memo's own field lines", "Note: the hall is booked\nRoom: 4\n\nWe meet at noon."),
        ("a letter that begins with a colon line", "To: the Editor\n\nSir, the bridge is unsafe."),
        ("a 'From' line without another header", "From: a reader\n\nThe bridge is unsafe."),
        ("headers with no text after them", "From: Ada Quill <ada@example.net>\nSubject: Minutes"),
        ("prose before any blank line", "From: Ada Quill\nSubject: Minutes\nThe committee met."),
        ("a typed memo's heading", "FROM: Ada Quill, Chief of Staff\nTO: The Governor\nDATE: March 3, 1971\n"
                                   "RE: Highway budget\n\nThe budget is short."),
        ("a redacted address the parser cannot read", "From: Ada.Quill@\nTo: x@example.org\nSubject: Minutes\n\nMet."),
    ],
)
def test_what_is_no_message_stays_text(kind: str, text: str) -> None:
    assert read_mail(text) is None, kind


def test_a_message_with_a_broken_date_keeps_its_title(tmp_path: Path) -> None:
    doc = _read(tmp_path, "odd.txt", "From: Ada Quill <ada@example.net>\nDate: sometime in May\n"
                                     "Subject: The rent table\n\nThe committee met on Saturday.\n")
    assert doc.title == "The rent table" and doc.author == "Ada Quill"
    assert doc.published is None
