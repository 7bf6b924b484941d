"""What one connection may make a worker wait for, against a real uvicorn (issue 21, item 4).

Raw sockets play the clients a reverse proxy would cut off: a huge header,
too many headers, a request head sent a byte at a time, a connection that says
nothing, a body that stops arriving. Each is refused or closed within its
limit, while a normal client is still served at once. A worker that stops
answering (SIGSTOP) is replaced by the supervisor.
"""

from __future__ import annotations

import os
import signal
import socket
import time
from urllib.parse import urlsplit

import httpx
import pytest
from conftest import running_server
from svc_corpus import build

pytestmark = pytest.mark.server

LIMITS = {"ARCHIVE_MAX_HEADER_BYTES": "8192", "ARCHIVE_MAX_HEADERS": "40",
          "ARCHIVE_HEADER_TIMEOUT": "1", "ARCHIVE_IDLE_TIMEOUT": "1", "ARCHIVE_READ_TIMEOUT": "1"}


def connect(base: str) -> socket.socket:
    url = urlsplit(base)
    sock = socket.create_connection((url.hostname, url.port), timeout=10)
    return sock


def read_until_closed(sock: socket.socket, limit: float = 10.0) -> tuple[bytes, float]:
    """Everything the server sends until it closes; and how long that took."""
    started = time.monotonic()
    sock.settimeout(limit)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except (ConnectionResetError, socket.timeout):
        pass
    return data, time.monotonic() - started


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("conn-index")
    build(root)
    with running_server(root, env=LIMITS) as base:
        yield base


def served_quickly(base: str) -> bool:
    started = time.monotonic()
    r = httpx.get(f"{base}/api/search", params={"q": "asylum"}, timeout=5)
    return r.status_code == 200 and time.monotonic() - started < 1.0


def test_an_oversized_header_is_refused_at_once(server):
    with connect(server) as sock:
        sock.sendall(b"GET /api/search?q=asylum HTTP/1.1\r\nhost: x\r\nx-big: ")
        started, sent = time.monotonic(), 0
        try:
            for _ in range(200):  # up to 100 MB, as the attack did; the server stops us early
                sock.sendall(b"a" * 512 * 1024)
                sent += 512 * 1024
        except (BrokenPipeError, ConnectionResetError):
            pass
        data, _ = read_until_closed(sock)
        assert data.startswith(b"HTTP/1.1 431") or sent < 100 * 2**20
        assert time.monotonic() - started < 5
        assert served_quickly(server)


def test_too_many_header_fields_are_refused(server):
    with connect(server) as sock:
        head = b"GET /api/search?q=asylum HTTP/1.1\r\nhost: x\r\n" + b"".join(
            b"x-h%d: 1\r\n" % i for i in range(60)) + b"\r\n"
        sock.sendall(head)
        data, _ = read_until_closed(sock)
        assert data.startswith(b"HTTP/1.1 431")


def test_a_request_head_sent_slowly_is_cut_off(server):
    with connect(server) as sock:
        sock.sendall(b"GET /api/search?q=asylum HTTP/1.1\r\n")
        started = time.monotonic()
        closed = False
        try:
            for _ in range(20):
                sock.sendall(b"x")
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            closed = True
        data, _ = read_until_closed(sock, limit=5)
        assert closed or data.startswith(b"HTTP/1.1 408")
        assert time.monotonic() - started < 5
        assert served_quickly(server)


@pytest.mark.parametrize("after_a_request", [False, True])
def test_a_silent_connection_is_closed(server, after_a_request):
    with connect(server) as sock:
        if after_a_request:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n")
            time.sleep(0.3)
            sock.recv(65536)
        data, took = read_until_closed(sock, limit=10)
        assert data == b"" and took < 3


def test_a_body_that_stops_arriving_is_cut_off(server):
    with connect(server) as sock:
        sock.sendall(b"POST /admin/reload HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n0123456789")
        data, took = read_until_closed(sock, limit=10)
        assert took < 3
        assert data == b"" or data.startswith((b"HTTP/1.1 408", b"HTTP/1.1 404"))


def test_normal_keep_alive_clients_are_untouched(server):
    with httpx.Client(timeout=5) as c:
        for _ in range(5):
            assert c.get(f"{server}/api/search", params={"q": "asylum"}).status_code == 200
            time.sleep(0.3)  # under the idle limit between requests


def _workers(port: int) -> list[int]:
    """pids of the worker processes (children of the supervisor listening on ``port``)."""
    from test_server import _server_processes

    return _server_processes(port)[1]


@pytest.mark.slow
def test_a_worker_that_stops_answering_is_replaced(tmp_path):
    build(tmp_path)
    env = {"ARCHIVE_PROBE_SECONDS": "0.5", "ARCHIVE_PROBE_TIMEOUT": "0.5"}
    with running_server(tmp_path, env=env, workers=2, ready=(200,)) as base:
        port = urlsplit(base).port
        time.sleep(2)  # both workers have answered a probe
        before = _workers(port)
        assert len(before) == 2
        os.kill(before[0], signal.SIGSTOP)  # alive, but answers nothing
        try:
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and before[0] in _workers(port):
                time.sleep(0.2)
            after = _workers(port)
            assert before[0] not in after
        finally:
            try:
                os.kill(before[0], signal.SIGCONT)
            except ProcessLookupError:
                pass
        time.sleep(1.5)
        codes = []
        for _ in range(20):  # new connections go to the live workers only
            try:
                codes.append(httpx.get(f"{base}/api/search", params={"q": "asylum"},
                                       timeout=3).status_code)
            except httpx.HTTPError as exc:
                codes.append(type(exc).__name__)
        assert codes == [200] * 20
