"""Several uvicorn worker processes, each listening on its own socket of one port.

uvicorn's ``--workers`` shares one listening socket among its processes, and
the kernel hands each new connection to whichever process it wakes, which
under load is mostly the same one: with 8 keep-alive clients one worker did
nine tenths of the work while the other idled (measured with
``python -m bench.run serve``), so two workers served little more than one.
Here each worker binds its own socket with ``SO_REUSEPORT`` and the kernel
spreads connections over them by address hash, as nginx's ``reuseport`` does.
A small supervisor here starts the processes, replaces one that dies and
stops them all on SIGTERM or SIGINT (uvicorn's own supervisor hands every
worker the one shared socket).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import threading

import uvicorn

log = logging.getLogger("searchsvc.workers")
REUSE_PORT = hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int, backlog: int, reuse_port: bool) -> socket.socket:
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    sock.listen(backlog)
    return sock


def _worker(config: uvicorn.Config) -> None:
    sock = listening_socket(config.host, config.port, config.backlog, reuse_port=True)
    uvicorn.Server(config).run(sockets=[sock])


def serve(config: uvicorn.Config) -> None:
    """Run ``config.workers`` processes on ``config.host:config.port`` until told to stop.

    A worker that dies is replaced; SIGTERM or SIGINT stops them all (each
    finishes its requests: uvicorn's own graceful shutdown).
    """
    if config.workers <= 1:
        uvicorn.Server(config).run()
        return
    if not REUSE_PORT:
        _shared(config)
        return
    # SO_REUSEPORT would let a second service start on a port already in use and
    # quietly take half its connections: bind once without it first, so that
    # case fails as it always did.
    listening_socket(config.host, config.port, config.backlog, reuse_port=False).close()
    ctx = multiprocessing.get_context("fork")  # the app is loaded in each worker, not here
    stop = threading.Event()

    def start() -> multiprocessing.Process:
        p = ctx.Process(target=_worker, args=(config,), name="searchsvc-worker")
        p.start()
        log.info("started worker process [%s]", p.pid)
        return p

    def on_signal(signum, frame) -> None:
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    procs = [start() for _ in range(config.workers)]
    try:
        while not stop.wait(0.5):
            for i, p in enumerate(procs):
                if not p.is_alive():
                    log.warning("worker process [%s] exited with %s; starting another", p.pid, p.exitcode)
                    procs[i] = start()
    finally:
        for p in procs:
            if p.is_alive():
                os.kill(p.pid, signal.SIGTERM)
        for p in procs:
            p.join(timeout=config.timeout_graceful_shutdown or 30)
            if p.is_alive():
                p.kill()
                p.join()
        for s, handler in previous.items():
            signal.signal(s, handler)


def _shared(config: uvicorn.Config) -> None:
    """Without SO_REUSEPORT: uvicorn's own workers on one shared socket."""
    uvicorn.run(config.app, factory=config.factory, host=config.host, port=config.port,
                workers=config.workers, access_log=config.access_log, proxy_headers=config.proxy_headers)
