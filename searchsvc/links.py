"""What the links a response prints are made of: their base URL and the query they carry.

* The base of permalinks and citations is configured (``ARCHIVE_PUBLIC_URL``),
  never read from the request: the ``Host`` header is whatever the client sent,
  and a page that prints it lets anyone make our citations point elsewhere.
  Without the setting, links are relative and citations name the configured
  host and port.
* A result's links carry the query so the document page can highlight it. A
  grouped page of 100 documents prints some 2,100 links, so a query of 500
  characters repeated in each made a 15 KB request a 1 MB response (and a
  cached one). Links carry at most ``MAX_LINK_QUERY`` characters of it, cut
  at a word: enough to highlight what was asked.

>>> link_query("tear down this wall")
'tear down this wall'
>>> len(link_query("strike " * 100)) <= MAX_LINK_QUERY
True
>>> public_base("https://archive.example.org/"), public_base("")
('https://archive.example.org', '')
"""

from __future__ import annotations

MAX_LINK_QUERY = 80  # characters of q carried by one link (some five words)


def link_query(q: str) -> str:
    if len(q) <= MAX_LINK_QUERY:
        return q
    cut = q.rfind(" ", 0, MAX_LINK_QUERY + 1)
    return q[:cut] if cut > 0 else q[:MAX_LINK_QUERY]


def public_base(public_url: str) -> str:
    """The configured base of absolute links, without a trailing slash ('' when unset)."""
    return public_url.rstrip("/")


def citation_base(public_url: str, host: str, port: int) -> str:
    """Where a citation says the archive is: the public URL, else the configured address.

    >>> citation_base("", "127.0.0.1", 8000)
    'http://127.0.0.1:8000'
    """
    return public_base(public_url) or f"http://{host}:{port}"
