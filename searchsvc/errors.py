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

MAX_ERRORS = 20  # problems listed in one response; the rest are counted
MAX_PARAMETER = 100  # characters of a parameter name echoed back


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
    """The JSON body of an error; at most MAX_ERRORS problems, names cut to MAX_PARAMETER.

    A request with thousands of bad parameters gets a small answer, not one line
    per parameter (the response must not be an amplifier).

    >>> error_body(404, "Not found", [(None, "no such document")])["errors"]
    [{'parameter': None, 'message': 'no such document'}]
    >>> body = error_body(400, "Bad request", [(f"p{i}", "unknown") for i in range(50)])
    >>> len(body["errors"]), body["errors"][-1]["message"]
    (21, '30 more problems not listed')
    """
    return {"ok": False, "status": status, "error": title,
            "errors": [{"parameter": p, "message": m} for p, m in bounded(errors)]}


def bounded(errors: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """The problems worth listing: the first MAX_ERRORS, then a count of the rest.

    >>> bounded([("x" * 500, "unknown")])[0][0] == "x" * MAX_PARAMETER
    True
    """
    shown = [(p if p is None else p[:MAX_PARAMETER], m) for p, m in errors[:MAX_ERRORS]]
    if len(errors) > MAX_ERRORS:
        shown.append((None, f"{len(errors) - MAX_ERRORS} more problems not listed"))
    return shown
