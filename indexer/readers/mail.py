"""E-mail saved as text: a newsletter, a list post, an ``.eml`` file.

Archives keep e-mailed newsletters and mailing-list posts as plain text with the
message's headers on top. The headers are the message's own metadata, written by
the mail software: ``Subject`` is the title, ``From`` the sender, ``Date`` the
publication date. None of them is text to index. Python's :mod:`email` package
reads them (folded lines, encoded words, quoted-printable bodies, MIME parts).

>>> mail = read_mail('From: "Ann Lee" <ann@example.org>\\nSubject: [Harbour] Re: Ships\\n'
...                  'Date: Tue, 15 Jun 2010 16:02:51 -0400\\n\\nShips came in.\\n')
>>> mail.subject, mail.sender, mail.date, mail.body
('Ships', 'Ann Lee', '2010-06-15', 'Ships came in.\\n')
>>> read_mail("Narrator: Ann Lee\\nDate: 1998\\n\\nShips came in.") is None
True
>>> read_mail("FROM: Ann Lee, Chief of Staff\\nTO: The Governor\\nDATE: March 3, 1971\\n\\nThe budget.") is None
True
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass
from email import policy
from email.utils import parseaddr, parsedate_to_datetime

_HEADER_LINE = re.compile(r"[A-Za-z][\w-]*:(?:[ \t]|$)")
_CONTINUATION = re.compile(r"[ \t]+\S")
_ENVELOPE = re.compile(r"From \S+ ")  # an mbox file's separator line
# "[Harbour News] Re: Fwd: Ships": a list's tag and reply prefixes are no part of the subject.
_SUBJECT_PREFIX = re.compile(r"^(?:\s*(?:\[[^\]]{1,40}\]|(?:re|fwd?|aw|sv)\s*:))+\s*", re.I)
# A mail's headers: "From" with an address, or "From" and what only mail software writes. (A typed
# memo's "FROM: Ann Lee / TO: The Governor / DATE: March 3, 1971" is the memo's text.)
_MAIL_HEADERS = ("message-id", "mime-version", "content-type", "received", "return-path")


@dataclass
class Mail:
    subject: str | None
    sender: str | None  # the sender's display name ("Ann Lee"), not the address
    date: str | None  # ISO date
    body: str


def read_mail(text: str) -> Mail | None:
    """The message, when ``text`` starts with an e-mail's headers; else None."""
    lines = text.lstrip("\ufeff").split("\n")
    start = 1 if lines and _ENVELOPE.match(lines[0]) else 0
    end = start
    while end < len(lines) and lines[end].strip():
        if not (_HEADER_LINE.match(lines[end]) or end > start and _CONTINUATION.match(lines[end])):
            return None  # text before a blank line: not a header block
        end += 1
    if end == start or end == len(lines):
        return None
    fields = {ln.split(":", 1)[0].lower(): ln.split(":", 1)[1] for ln in lines[start:end] if _HEADER_LINE.match(ln)}
    if "from" not in fields or not ("@" in fields["from"] or fields.keys() & set(_MAIL_HEADERS)):
        return None
    try:
        message = email.message_from_string("\n".join(lines[start:]), policy=policy.default)
        return Mail(_subject(message), _sender(message), _date(message), _body(message, "\n".join(lines[end + 1 :])))
    except (LookupError, ValueError, TypeError, AttributeError):
        return None  # headers the parser cannot read ("From: Ann.Lee@", a redacted address): read as text


def _subject(message: email.message.Message) -> str | None:
    subject = _SUBJECT_PREFIX.sub("", " ".join(str(message.get("subject", "")).split()))
    return subject or None


def _sender(message: email.message.Message) -> str | None:
    name, _ = parseaddr(str(message.get("from", "")))
    return " ".join(name.split()) or None


def _date(message: email.message.Message) -> str | None:
    try:
        return parsedate_to_datetime(str(message.get("date", ""))).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _body(message: email.message.Message, raw_body: str) -> str:
    """The plain-text body, decoded; the text after the headers as it stands when the
    message has no readable plain-text part."""
    try:
        part = message.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
        content = part.get_content() if part is not None else None
    except (LookupError, KeyError, ValueError):
        content = None
    return content if isinstance(content, str) and content.strip() else raw_body
