"""JSON responses of the service, encoded by orjson."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import JSONResponse


class FastJSONResponse(JSONResponse):
    """JSON encoded by orjson: a results page with its facets is some 25 KB, and
    the standard library's encoder spent longer on it than ranking the page."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def json_response(body: dict[str, Any], status: int = 200,
                  headers: dict[str, str] | None = None) -> JSONResponse:
    return FastJSONResponse(body, status_code=status, headers=headers)
