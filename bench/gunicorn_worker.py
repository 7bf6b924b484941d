"""gunicorn's uvicorn worker configured as ``python -m searchsvc`` configures uvicorn.

    gunicorn -k bench.gunicorn_worker.GuardedUvicornWorker 'searchsvc.app:create_app_from_env()'

Without it, gunicorn's workers would parse requests with uvicorn's plain
protocol (no header limits or idle timeout) and keep connections alive for
gunicorn's 2 s rather than the service's idle timeout: a comparison of process
managers would then also compare two HTTP configurations.
"""

from __future__ import annotations

import warnings
from typing import Any, ClassVar

from searchsvc.connections import ConnectionLimits, guarded_protocol
from searchsvc.settings import Settings

with warnings.catch_warnings():  # uvicorn points to a separate package for this class
    warnings.simplefilter("ignore", DeprecationWarning)
    from uvicorn.workers import UvicornWorker

_settings = Settings.from_env()


class GuardedUvicornWorker(UvicornWorker):
    CONFIG_KWARGS: ClassVar[dict[str, Any]] = {
        "loop": "auto",
        "http": guarded_protocol(ConnectionLimits(
            max_header_bytes=_settings.max_header_bytes, max_headers=_settings.max_headers,
            header_timeout=_settings.header_timeout, idle_timeout=_settings.idle_timeout,
            read_timeout=_settings.read_timeout)),
        "timeout_keep_alive": _settings.idle_timeout,
        "h11_max_incomplete_event_size": _settings.max_header_bytes,
        "proxy_headers": False,
    }
