"""The indexer's settings: environment variables with defaults, read one way.

>>> env_float("UNSET_" + "SETTING", 0.5)
0.5
"""

from __future__ import annotations

import os


def env_float(name: str, default: float) -> float:
    """``name`` from the environment as a number; the default when unset or not a number."""
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def env_int(name: str, default: int) -> int:
    """``name`` from the environment as a whole number; the default when unset or not one."""
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default
