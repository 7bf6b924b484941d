"""Plain text files: paragraphs by blank lines, a title line, a byline near the top (or
an e-mail's headers, see :mod:`.mail`).

>>> parsed = parse_text("On Harbours\\n\\nBy Ann, 3 May 2001\\n\\nShips came in slowly.\\n", has_title=False)
>>> parsed.title, parsed.author, parsed.dates, parsed.blocks
('On Harbours', 'Ann', [('2001-05-03', 'byline')], [('paragraph', 2, 'Ships came in slowly.')])
"""

from __future__ import annotations

import re
from collections.abc import Callable

from indexer import cleaning
from indexer.readers.dates import parse_date
from indexer.readers.mail import read_mail
from indexer.readers.parsed import Parsed, ParsedBlock

_PRESIDENT = re.compile(r"^\s*President:\s*(?P<who>.+?)\s*$", re.I)
_BYLINE = re.compile(
    r"^(?:(?:submitted|posted|published|written)\s+by\s+(?P<who>.+?)\s+on\s+(?P<when>.+)"
    r"|by\s+(?P<who2>[^,.;:]{3,60}?)(?:,\s*(?P<when2>.*\d{4}.*))?)$",
    re.I,
)
_LINE_END = tuple('.!?:;"”’)]')


# Three spaces or more between two words of a line: a gap between columns.
_COLUMN_GAP = re.compile(r"(?<=\S)[ \t]{3,}(?=\S)")
# A leader of dots between a heading and its entry: "Treasurer ....... Mr. E. Bright", a
# programme's "Prayer . . . . . Dea. Turner", an account's "lumber ..... $14.20".
# (Five dots at least: four are an ellipsis and a full stop.)
_LEADER = re.compile(r"(?<=\S)(?:[ \t]*\.{5,}(?:[ \t]*\.)*|[ \t]+\.(?:[ \t]+\.){4,})(?<!\.(?=\d))[ \t]*(?=\S)")


def _set_out(line: str) -> bool:
    """Is the line set in columns, or led across with dots?"""
    return bool(_COLUMN_GAP.search(line) or _LEADER.search(line))


_PROSE_LINE = 40  # characters: longer than a name and a title


def _cells(lines: list[str], rows: bool = False, compounds: frozenset[str] = frozenset()) -> list[str]:
    """The cells of a block set in columns, in reading order; a heading and the entry its
    leader of dots leads to are one cell ("Prayer: Dea. Turner"). A line without a gap,
    indented to the last column of the line above, goes on with that cell (a timeline's text
    wrapped beside its year), as does one in lower case after a long line without a gap that
    did not end a sentence (the prose that leads into a table); otherwise it is an item of its
    own. With ``rows``, a line's cells are one item ("Pim, J.: 2; 2; 0").

    >>> _cells(["1974   Twenty people meet", "       on March 12.", "1976   A pageant.", "Ann Lee"])
    ['1974', 'Twenty people meet on March 12.', '1976', 'A pageant.', 'Ann Lee']
    >>> _cells(["By-law No. 2 appointed the officers, the blanks", "filled as follows:",
    ...         "Assessor ....... Ann Lee", "Fence-viewers ..... Tom Pim", "                    and Ed Vane"])
    ['By-law No. 2 appointed the officers, the blanks filled as follows:', 'Assessor: Ann Lee', 'Fence-viewers: Tom Pim and Ed Vane']
    >>> _cells(["Prayer ..... Ann Lee", "Tom Pim", "Ed Vane"])
    ['Prayer: Ann Lee', 'Tom Pim', 'Ed Vane']
    >>> _cells(["Chair: Ann Lee      Clerk: Tom Pim", "Directors: Ed Vane, Jo Quill, Al Dunkelberg", "Editor: Bo Ames"])
    ['Chair: Ann Lee', 'Clerk: Tom Pim', 'Directors: Ed Vane, Jo Quill, Al Dunkelberg', 'Editor: Bo Ames']
    >>> _cells(["Pim, J. ......   2    2   0", "Lee, Ann ..... 10   10   6"], rows=True)
    ['Pim, J.: 2; 2; 0', 'Lee, Ann: 10; 10; 6']

    A word cut at a line's end by a hyphen is made whole again, as in prose (see :func:`_joined`):

    >>> _cells(["9. Singing, led by Mr. J. P. Quen-", "    nell.", "Medical Officer: Dr. B. Dunkel-",
    ...         "berg.     Band: Lorton Band"])
    ['9. Singing, led by Mr. J. P. Quennell.', 'Medical Officer: Dr. B. Dunkelberg.', 'Band: Lorton Band']
    """
    cells: list[str] = []
    last_column = None  # where the last cell of the line above starts
    prose = False  # the line above had no gap and ran on
    for ln in lines:
        indent = len(ln) - len(ln.lstrip())
        parts = _COLUMN_GAP.split(_LEADER.sub(": ", ln.strip()))
        if cells and _CUT_AT_END.search(cells[-1]) and parts[0][:1].islower():
            # "Dr. B. Dunkel-" / "berg.     Band: ...": the cut word goes on before the next column
            cells[-1] = _joined([cells[-1], parts[0]], compounds)
            parts = parts[1:]
            if not parts:
                continue
        if len(parts) == 1 and not _LEADER.search(ln) and cells and (
                prose and parts[0][:1].islower() or last_column is not None and indent >= last_column):
            cells[-1] = _joined([cells[-1], parts[0]], compounds)
            prose = prose and not parts[0].endswith(_LINE_END)
            continue
        prose = len(parts) == 1 and len(parts[0]) >= _PROSE_LINE and not parts[0].endswith(_LINE_END)
        cells.extend(["; ".join(parts)] if rows else parts)
        if gaps := [*_COLUMN_GAP.finditer(ln), *_LEADER.finditer(ln)]:
            last_column = max(gap.end() for gap in gaps)
    return cells


def _text_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank lines separate them; wrapped lines are joined.

    A block whose lines are all short was hard-wrapped, so its lines are one
    paragraph. In a block of long lines (one paragraph per line, as in
    transcripts) a line ending a sentence or with two spaces ends a paragraph.

    >>> _text_paragraphs("one two\\nthree.\\n\\nA long line.  \\nNext.")
    ['one two three.', 'A long line.', 'Next.']
    >>> _text_paragraphs("  Ann Quill        Mrs. Edith Ames\\n  J. C. Pim         Tom Lowe\\n  Wash Tate")
    ['Ann Quill; Mrs. Edith Ames; J. C. Pim; Tom Lowe; Wash Tate']
    >>> _text_paragraphs("TRUSTEES\\n  Pim, O.      Ames, J., Jr.      Quill, R.")
    ['TRUSTEES; Pim, O.; Ames, J., Jr.; Quill, R.']
    >>> _text_paragraphs("Drawing ........ Mr. J. Quill, jun.\\nFrench . . . . . Miss E. Pim, B.A.\\nAnd so... to bed.")
    ['Drawing: Mr. J. Quill, jun.\\nFrench: Miss E. Pim, B.A.\\nAnd so... to bed.']
    """
    out: list[str] = []
    compounds = _compounds(text)
    for chunk in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [ln for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        if fields := _field_lines(lines):
            out.extend(cleaning.normalize(f) for f in fields)  # "Interviewer: A" is no sentence with "Date: May"
            continue
        set_out = sum(1 for ln in lines if _set_out(ln))
        if set_out >= max(2, len(lines) / 2) or set_out >= len(lines) / 2 and any(
                len(_COLUMN_GAP.findall(ln)) >= 2 for ln in lines):
            # A table or a programme set in columns ("Elijah Sturdivant      Mrs. Bernice Holloway"),
            # one row of three under a heading included ("TRUSTEES" over "Bell, O.     Dudek, J.
            # Mancini, R."): its cells are items of a list, read as a list is printed, not as one
            # sentence that runs one name into the next. A list led with dots is a heading and its
            # entry a line: one line each, as printed ("Prayer: Dea. Turner"), so that no heading
            # reads as one of a list of people.
            led = any(_LEADER.search(ln) for ln in lines)
            cells = [cleaning.normalize(cell) for cell in _cells(lines, rows=led, compounds=compounds)]
            out.append(("\n" if led else "; ").join(c for c in cells if c))
            continue
        if k := _sign_off(lines):
            # A letter's signature set in below it ("Susan Tolliver" / "Lincoln"): its lines
            # read as the paper prints them on one line, with commas, so the name does not run
            # into the town or the address after it.
            body = _text_paragraphs("\n".join(lines[:-k]))
            sign = ", ".join(cleaning.normalize(ln).rstrip(",") for ln in lines[-k:])
            out.extend(body[:-1])
            out.append(f"{body[-1]} {sign}" if body else sign)
            continue
        if max(len(ln) for ln in lines) <= 150 and not any(ln.endswith("  ") for ln in lines):
            out.append(cleaning.normalize(_joined(lines, compounds)))
            continue
        current: list[str] = []
        for ln in lines:
            current.append(ln)
            if ln.endswith("  ") or ln.rstrip().endswith(_LINE_END):
                out.append(cleaning.normalize(_joined(current, compounds)))
                current = []
        if current:
            out.append(cleaning.normalize(_joined(current, compounds)))
    return [p for p in out if p]


# A word cut at a line's end by a hyphen ("Private Carl N. Lind-" / "qvist, Company D"), the
# way typesetters broke lines and OCR keeps them.
_CUT_AT_END = re.compile(r"(?<=[A-Za-z])-[ \t]*$")
_COMPOUND = re.compile(r"\b[A-Za-z]+-[a-z]+\b")


def _compounds(text: str) -> frozenset[str]:
    """The hyphened words a text writes inside its lines ("well-known"): where a line ends in
    one of them cut at its hyphen, the hyphen is the word's own."""
    return frozenset(m.group().lower() for m in _COMPOUND.finditer(text)) if "-" in text else frozenset()


def _joined(lines: list[str], compounds: frozenset[str]) -> str:
    """Wrapped lines as one paragraph, a word cut by a line-end hyphen made whole again when
    the next line goes on in lower case ("Lind-" "qvist" -> "Lindqvist"; "Carver-" "Stoddard"
    and a "well-" "known" the text also writes whole keep their hyphen, and their one word).

    >>> _joined(["Private Carl N. Lind-", "qvist, Company D, gave no particu-", "lars.", "The well-",
    ...          "known well-known Carver-", "Stoddard Act"], frozenset({"well-known"}))
    'Private Carl N. Lindqvist, Company D, gave no particulars. The well-known well-known Carver-Stoddard Act'
    """
    out = lines[0].rstrip()
    for ln in lines[1:]:
        ln = ln.strip()
        cut = _CUT_AT_END.search(out)
        if cut and ln[:1].islower():
            word = re.search(r"[A-Za-z]+$", out[: cut.start()]).group() + "-" + re.match(r"[a-z]*", ln).group()
            out = out[: cut.start()] + ("-" if word.lower() in compounds else "") + ln
        elif cut and ln[:1].isupper():
            out = out[: cut.start()] + "-" + ln
        else:
            out = f"{out} {ln}"
    return out


_SIGN_OFF_INDENT = 4
_SIGN_OFF_LINE = 40  # characters: a name, a title, an address or a town


def _sign_off(lines: list[str]) -> int:
    """How many of a block's last lines (one to four, short) are set in further than the
    text above them, as a letter's signature and address are; else 0.

    >>> _sign_off(["I was on the board.", "Let them go to class.", "      Ann Quill", "      Route 1, Lorton"])
    2
    >>> _sign_off(["I was on the board.", "      A new paragraph that goes on and on for a long while"])
    0
    """
    k = 0
    for ln in reversed(lines):
        body = ln.lstrip()
        if len(ln) - len(body) < _SIGN_OFF_INDENT or len(body.rstrip()) > _SIGN_OFF_LINE:
            break
        k += 1
    return k if 0 < k <= 4 and k < len(lines) else 0


_FIELD = re.compile(r"^[A-Z][A-Za-z .'’/-]{0,24}:(?:\s|$)")


# A label is a capitalised word and at most two lower-case ones ("Date", "Interview no."): a
# column of names ("Ann Quill        Mrs. Edith Ames") is no form.
_ALIGNED_LABEL = re.compile(r"^([A-Z][a-z.'’/-]*(?: [a-z.'’/-]+){0,2})[ \t]{3,}(\S.*)$")


def _field_lines(lines: list[str]) -> list[str] | None:
    """A block of "Label: value" lines (a transcript's or a memo's header: "Narrator:",
    "Interviewer:", "Date:"), or of a form's header typed with its values aligned by spaces
    ("Narrator          Ann Lee"), one field each, an indented line going on with the field
    above; None for any other block.

    >>> _field_lines(["Narrator:  Ann Lee", "Interviewer: Bo Quill", "Date:  May 2, 1969", "Project: a class,", "   then the archive."])
    ['Narrator:  Ann Lee', 'Interviewer: Bo Quill', 'Date:  May 2, 1969', 'Project: a class, then the archive.']
    >>> _field_lines(["Note: the hall is booked", "for Friday, and the band too."]) is None
    True
    >>> _field_lines(["Narrator          Ann Lee", "Date              5 October 1996", "Place             the farm,",
    ...               "                  then the hall"])
    ['Narrator: Ann Lee', 'Date: 5 October 1996', 'Place: the farm, then the hall']
    >>> _field_lines(["Ann Quill        Mrs. Edith Ames", "J. C. Pim         Tom Lowe"]) is None
    True
    """
    return _fields(lines, _colon_field) or _fields(lines, _aligned_field)


def _colon_field(line: str) -> str | None:
    return line.rstrip() if _FIELD.match(line) else None


def _aligned_field(line: str) -> str | None:
    return f"{m.group(1)}: {m.group(2).strip()}" if (m := _ALIGNED_LABEL.match(line)) else None


def _fields(lines: list[str], field: Callable[[str], str | None]) -> list[str] | None:
    """Each line a field as ``field`` reads it, or an indented line going on with the field above."""
    fields: list[str] = []
    for ln in lines:
        if (read := field(ln)) is not None:
            fields.append(read)
        elif fields and ln[:1] in " \t":
            fields[-1] += " " + ln.strip()
        else:
            return None
    return fields if len(fields) >= 2 else None


# A header's date field, with a colon (French typography puts a space before it) or, as a
# typed form aligns it, spaces (which the paragraph's reflowing has made one): "Date: April 12,
# 1969", "Interviewer Ann Quill Date 5 October 1996 Place ...", "Date : 26 février 1998",
# "Recorded: Feb. 4th 1995".
_DATE_FIELD = re.compile(r"(?:^|(?<=\s))(?:Date|DATE|Interview date|Date of interview|Recorded|Interviewed)"
                         r"(?! of (?:birth|death|baptism|marriage))(?: ?:)?\s+(?=\w)(.{6,40})")


def _field_date(paras: list[str]) -> str | None:
    """The date a header's date field gives, to the month at least, among the first paragraphs.

    >>> _field_date(["Interview no. LMOH-7 Narrator Ann Quill Date 5 October 1996 Place Lorton"])
    '1996-10-05'
    >>> _field_date(["Date: April 12, 1969"]), _field_date(["Date of birth unknown; 1969"])
    ('1969-04-12', None)
    >>> _field_date(["Date : 26 février 1998, chez le témoin"]), _field_date(["Recorded: Feb. 4th 1995, at the shop"])
    ('1998-02-26', '1995-02-04')
    >>> _field_date(["Narrator: Ada Quill Date of birth: March 3, 1921"]) is None
    True
    """
    for para in paras[:12]:
        for m in _DATE_FIELD.finditer(para):
            iso = parse_date(m.group(1))
            if iso and "-" in iso:
                return iso
    return None


def parse_text(text: str, has_title: bool) -> Parsed:
    parsed = Parsed()
    if mail := read_mail(text):
        # A message's headers are its metadata, not its text: "Subject" is the title.
        parsed.title, parsed.author, text = mail.subject, mail.sender, mail.body
        if mail.date:
            parsed.dates.append((mail.date, "meta"))
        has_title = has_title or bool(mail.subject)
    every = _text_paragraphs(text)
    paras = _take_first_line(every, parsed, has_title)
    paras = _take_byline(paras, parsed)
    # A header's fields may have become the title paragraph: its date field still dates the text.
    if not parsed.dates and (iso := _field_date(every)):
        parsed.dates.append((iso, "byline"))
    parsed.blocks = _blocks(paras)
    return parsed


def _take_first_line(paras: list[str], parsed: Parsed, has_title: bool) -> list[str]:
    """A first line naming the president gives the author; a short one without a full stop, the title."""
    if not paras:
        return paras
    m = _PRESIDENT.match(paras[0])
    if m:
        parsed.author = m["who"]
        return paras[1:]
    first = paras[0]
    if not has_title and len(paras) > 1 and len(first) <= 200 and "\n" not in first:
        if not first.endswith((".", ",", ";", ":")):
            parsed.title = first
            return paras[1:]
    return paras


def _take_byline(paras: list[str], parsed: Parsed) -> list[str]:
    """A byline sits among the first lines: "Submitted by X on <date>"."""
    for i, para in enumerate(paras[:3]):
        m = _BYLINE.match(para) if len(para) <= 160 else None
        if m:
            who = m["who"] or m["who2"]
            when = m["when"] or m["when2"]
            parsed.author = parsed.author or cleaning.normalize(who)
            iso = parse_date(when) if when else None
            if iso:
                parsed.dates.append((iso, "byline"))
            return paras[:i] + paras[i + 1 :]
    return paras


def _blocks(paras: list[str]) -> list[ParsedBlock]:
    blocks: list[ParsedBlock] = []
    for para in paras:
        # Transcripts mark emphasis the Markdown way (_The Times_); "_the" is no word.
        para = "\n".join(line for line in map(cleaning.strip_markdown, para.split("\n")) if line)
        if not para:
            continue  # only markup ("<html>"): nothing to read
        kind = "heading" if "\n" not in para and cleaning.looks_like_heading(para) else "paragraph"
        blocks.append((kind, 2, para))
    return blocks
