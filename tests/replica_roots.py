"""What the publishing tests share: the indexer as a command, and a replica's rotten copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def indexer(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """``python -m indexer ARGS`` in the project folder; raises with its stderr unless ``check`` is off."""
    done = subprocess.run([sys.executable, "-m", "indexer", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=300, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"indexer {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return done


def to(replicas) -> list[str]:
    """``--to R`` for each replica root."""
    return [arg for r in replicas for arg in ("--to", str(r))]


def flip_byte_keeping_stamp(path: Path, at: int = 40) -> None:
    """Bit rot: one byte changed, size and modification time as they were, so rsync's
    quick check (size and time) takes the file for a good copy."""
    st = path.stat()
    at = min(at, st.st_size - 1)
    with open(path, "r+b") as f:
        f.seek(at)
        b = f.read(1)
        f.seek(at)
        f.write(bytes([b[0] ^ 0xFF]))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def stale_damaged_copy(root: Path, replica: Path, name: str) -> str:
    """Leave in ``replica`` an earlier, interrupted copy of generation ``name`` whose
    largest file has since rotted; returns that file's name."""
    (replica / name).mkdir(parents=True)
    biggest = max((p for p in (root / name).iterdir() if p.is_file()), key=lambda p: p.stat().st_size)
    shutil.copy2(biggest, replica / name / biggest.name)
    flip_byte_keeping_stamp(replica / name / biggest.name)
    return biggest.name
