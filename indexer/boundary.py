"""The corpus boundary: what a walk of the corpus folder may read and link to.

Two kinds of path are refused, each with a reason for the build summary:

- a symbolic link (to a file or a folder) that leads outside the corpus: a
  link to ``/etc/passwd`` would otherwise be indexed and served; links that
  stay inside are followed only when the archivist asks (``--follow-links``);
- a name that cannot round-trip through a URL: a backslash, ``%``, a
  control character (newline, tab...) or bytes that are not UTF-8. The
  service links to every document by its path, and such a link gives 400 or
  404 (or points at another file).

>>> unlinkable_name("report%202003.html"), unlinkable_name("Jaurès.html") is None
('its name holds "%"', True)
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

LINK_OUTSIDE = "symbolic link leading outside the corpus"
LINK_NOT_FOLLOWED = "symbolic link (not followed; --follow-links or ARCHIVE_FOLLOW_LINKS=1 follows links inside the corpus)"
LINK_LOOP = "symbolic link to a folder already read (a loop, or a second path to it)"
LINK_BROKEN = "broken symbolic link"


def unlinkable_name(name: str) -> str | None:
    """Why a file or folder name cannot be part of a document's URL, else None.

    >>> unlinkable_name("a\\\\b.txt"), unlinkable_name("line\\nbreak.txt")
    ('its name holds a backslash', 'its name holds a control character (U+000A)')
    >>> unlinkable_name(os.fsdecode(b"caf\\xe9.txt"))
    'its name is not valid UTF-8'
    """
    if "\\" in name:
        return "its name holds a backslash"
    if "%" in name:
        return 'its name holds "%"'
    for ch in name:
        if 0xDC80 <= ord(ch) <= 0xDCFF:  # os.fsdecode's stand-ins for undecodable bytes
            return "its name is not valid UTF-8"
        if unicodedata.category(ch) == "Cc":
            return f"its name holds a control character (U+{ord(ch):04X})"
    return None


def link_problem(path: Path, root: Path, follow: bool) -> str | None:
    """Why the symbolic link ``path`` is not read, else None (not a link, or followed).

    ``root`` is the corpus folder; a link to it is resolved too (only for links:
    one lstat is all an ordinary file costs).
    """
    if not path.is_symlink():
        return None
    real_root = Path(os.path.realpath(root))
    try:
        target = Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError):
        return LINK_BROKEN
    if not target.is_relative_to(real_root):
        return LINK_OUTSIDE
    return None if follow else LINK_NOT_FOLLOWED
