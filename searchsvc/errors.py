"""The APIError family and the one JSON shape every error takes.

Every JSON error looks like::

    {"ok": false, "status": 400, "error": "Bad request",
     "errors": [{"parameter": "size", "message": "must be at most 100"}]}

HTML routes render the same information as a page a human can act on.

>>> BadRequest([("size", "must be at most 100")]).body()["errors"][0]["parameter"]
'size'
"""

from __future__ import annotations

from typing import Any


class APIError(Exception):
    """Base of every error the service reports on purpose (never a 500)."""

    status = 500
    title = "Internal error"

    def __init__(self, errors: list[tuple[str | None, str]] | str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        if isinstance(errors, str):
            errors = [(None, errors)]
        self.errors = list(errors or [])
        self.headers = headers or {}
        super().__init__("; ".join(m for _, m in self.errors) or self.title)

    def body(self) -> dict[str, Any]:
        return error_body(self.status, self.title, self.errors)


class BadRequest(APIError):
    status = 400
    title = "Bad request"


class NotFound(APIError):
    status = 404
    title = "Not found"


class Unauthorized(APIError):
    status = 401
    title = "Unauthorized"


class TooManyRequests(APIError):
    status = 429
    title = "Too many requests"


class Unavailable(APIError):
    status = 503
    title = "Service unavailable"


def error_body(status: int, title: str, errors: list[tuple[str | None, str]]) -> dict[str, Any]:
    """The JSON body of an error.

    >>> error_body(404, "Not found", [(None, "no such document")])["errors"]
    [{'parameter': None, 'message': 'no such document'}]
    """
    return {
        "ok": False,
        "status": status,
        "error": title,
        "errors": [{"parameter": p, "message": m} for p, m in errors],
    }
