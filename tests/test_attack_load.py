"""Under attack, ordinary visitors are still served: a real uvicorn on loopback (issue 21).

4 ordinary clients search for ``ARCHIVE_ATTACK_SECONDS`` alone, then as long again
while 4 attack clients send the costliest queries the limits accept (many common
words with a negation, OR of common words with negations, wildcards, long
phrases, 100 grouped hits), each with a new filter value so nothing is cached.
The ordinary clients must not be starved: their p95 stays under 10 times its
value without the attack. (Undefended, the service went to 70 times; defended,
it measures 1.3-3 times on a shared 2-core machine, where a bound of 3 failed on
load noise. The ratio itself is the report's figure, not the assertion's.)
Within 1 s of the attack stopping the worker must be idle (its CPU time, read
from /proc, barely moves). The figures are printed and written to
``attack-report.json`` in the test's temporary folder.
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
from pathlib import Path

import pytest
from attack_corpus import build, common_words
from conftest import running_server

SECONDS = float(os.environ.get("ARCHIVE_ATTACK_SECONDS", "10"))
PARAGRAPHS = int(os.environ.get("ARCHIVE_ATTACK_PARAGRAPHS", "20000"))
CLIENTS = 4
WORDS = common_words(40)
ORDINARY = [
    {"q": "strike harbour"}, {"q": "exile"}, {"q": '"reading room"'}, {"q": "passport journey"},
    {"q": "union", "group": "document"}, {"q": "printers", "sort": "date_desc"},
    {"q": "lecture", "year": "1905"}, {"q": "congress delegates", "page": "2"},
]


def attack_queries(rng: random.Random) -> dict[str, str]:
    """One of the costliest accepted query shapes, with a filter never used before."""
    year = str(rng.randint(1890, 1949))
    shapes = [
        {"q": " ".join(WORDS[:31]) + f" -{WORDS[31]}", "year": year},
        {"q": " OR ".join(WORDS[:29]) + f" -{WORDS[30]} -{WORDS[31]}", "year_from": year},
        {"q": " OR ".join(f"{s}*" for s in ("k", "l", "m", "s", "t", "r", "n", "b")),
         "year_to": year},
        {"q": '"' + " ".join(WORDS[:30]) + '"', "year": year},
        {"q": " OR ".join(WORDS[:31]), "group": "document", "size": "100", "year_from": year},
        {"q": " ".join(WORDS[:20]) + " NOT " + WORDS[21], "year": year},
        {"q": " OR ".join(WORDS[:25]) + " OR NOT " + WORDS[26], "year": year},  # Whoosh's collector
    ]
    return rng.choice(shapes)


def server_pid(base: str) -> int:
    """The serving process (one worker: python -m searchsvc itself), found by its port."""
    port = base.rsplit(":", 1)[1]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"searchsvc" in argv and b"--port" in argv and port.encode() in argv:
            return int(entry.name)
    raise RuntimeError(f"no server process on port {port}")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered \
        else float("nan")


def drive(base: str, seconds: float, attack: bool) -> dict:
    import httpx

    stop = time.monotonic() + seconds
    ordinary: list[float] = []
    failures: list[str] = []
    attack_codes: dict[int, int] = {}
    lock = threading.Lock()

    def visitor(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                params = rng.choice(ORDINARY)
                started = time.perf_counter()
                r = http.get("/api/search", params=params)
                took = time.perf_counter() - started
                with lock:
                    ordinary.append(took)
                    if r.status_code != 200:
                        failures.append(f"{params}: {r.status_code} {r.text[:120]}")

    def attacker(seed: int) -> None:
        rng = random.Random(1000 + seed)
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                r = http.get("/api/search", params=attack_queries(rng))
                with lock:
                    attack_codes[r.status_code] = attack_codes.get(r.status_code, 0) + 1

    threads = [threading.Thread(target=visitor, args=(i,)) for i in range(CLIENTS)]
    if attack:
        threads += [threading.Thread(target=attacker, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"requests": len(ordinary), "p50_ms": round(percentile(ordinary, 50) * 1000, 1),
            "p95_ms": round(percentile(ordinary, 95) * 1000, 1), "failures": failures,
            "attack_statuses": attack_codes}


@pytest.mark.server
@pytest.mark.slow
def test_ordinary_searches_hold_up_under_attack(tmp_path, capsys):
    import httpx

    started = time.monotonic()
    build(tmp_path / "index", PARAGRAPHS)
    build_seconds = time.monotonic() - started
    env = {"ARCHIVE_CACHE_SIZE": "0", "ARCHIVE_RATE_LIMIT": "0", "ARCHIVE_RELOAD_SECONDS": "5"}
    with running_server(tmp_path / "index", env=env, log=tmp_path / "server.log", timeout=60,
                        ready=(200,)) as base:
        pid = server_pid(base)
        for params in ORDINARY:  # each request thread's searcher opened, arrays warmed
            httpx.get(f"{base}/api/search", params=params, timeout=30)
        quiet = drive(base, SECONDS, attack=False)
        attacked = drive(base, SECONDS, attack=True)
        stopped = time.monotonic()
        time.sleep(1.0)
        cpu_before = cpu_seconds(pid)
        time.sleep(1.0)
        idle_cpu = cpu_seconds(pid) - cpu_before
        after_stop = time.monotonic() - stopped

    report = {
        "paragraphs": PARAGRAPHS, "build_seconds": round(build_seconds, 1), "seconds": SECONDS,
        "quiet": {k: v for k, v in quiet.items() if k != "failures"},
        "attacked": {k: v for k, v in attacked.items() if k != "failures"},
        "p95_ratio": round(attacked["p95_ms"] / quiet["p95_ms"], 2),
        "cpu_seconds_in_the_second_after_1s": round(idle_cpu, 3),
        "measured_until_s_after_stop": round(after_stop, 2),
    }
    (tmp_path / "attack-report.json").write_text(json.dumps(report, indent=2))
    with capsys.disabled():
        print("\nattack:", json.dumps(report))
    assert not quiet["failures"] and not attacked["failures"], attacked["failures"][:3]
    assert attacked["requests"] >= CLIENTS and sum(attacked["attack_statuses"].values()) > 0
    assert attacked["p95_ms"] < 10 * quiet["p95_ms"], report
    assert idle_cpu < 0.1, report  # idle: under 10 % of one core in the second after that
