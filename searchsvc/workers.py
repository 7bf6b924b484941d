"""Several uvicorn worker processes behind one port, connections dealt in turn.

uvicorn's ``--workers`` shares one listening socket among its processes, and
the kernel hands each new connection to whichever process it wakes, which
under load is mostly the same one: with 8 keep-alive clients one worker did
nine tenths of the work while the other idled (measured with
``python -m bench.run serve``), so two workers served little more than one.
Spreading by address hash (``SO_REUSEPORT``, as nginx's ``reuseport``) was
better but still a lottery with few connections: 8 keep-alive clients, as a
reverse proxy's upstream pool keeps, split 6 to 2 or 7 to 1 in a quarter of
the load tests, and the busier worker set the pace.

So the supervisor here accepts every connection itself and deals them out in
turn, each passed to a worker over a Unix socket (``SCM_RIGHTS``); the worker
then serves it directly, the supervisor no longer in the way. Node's cluster
module does the same by default, for the same reason. The supervisor also
replaces a worker that dies and stops them all on SIGTERM or SIGINT.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import socket
import threading

import uvicorn

log = logging.getLogger("searchsvc.workers")
HANDS_OVER = hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX")


def listening_socket(host: str, port: int, backlog: int) -> socket.socket:
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(backlog)
    return sock


class HandedConnections(uvicorn.Server):
    """uvicorn serving the connections its supervisor passes over ``channel``."""

    def __init__(self, config: uvicorn.Config, channel: socket.socket) -> None:
        super().__init__(config)
        self.channel = channel

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])  # the app and its lifespan; no listener of our own
        config, loop = self.config, asyncio.get_running_loop()

        def protocol() -> asyncio.Protocol:
            return config.http_protocol_class(config=config, server_state=self.server_state,
                                              app_state=self.lifespan.state)

        self.channel.setblocking(False)
        loop.add_reader(self.channel.fileno(), self._receive, loop, protocol)

    def _receive(self, loop: asyncio.AbstractEventLoop, protocol) -> None:
        while True:
            try:
                data, fds, _, _ = socket.recv_fds(self.channel, 64, 64)
            except BlockingIOError:
                return
            except OSError:
                data, fds = b"", []
            if not data and not fds:  # the supervisor is gone: finish and stop
                loop.remove_reader(self.channel.fileno())
                self.should_exit = True
                return
            for fd in fds:
                conn = socket.socket(fileno=fd)
                conn.setblocking(False)
                loop.create_task(loop.connect_accepted_socket(protocol, conn))

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        asyncio.get_running_loop().remove_reader(self.channel.fileno())
        await super().shutdown(sockets)


def _worker(config: uvicorn.Config, channel: socket.socket, inherited: list[socket.socket]) -> None:
    for sock in inherited:  # the listener and the other workers' channels, copied by fork
        sock.close()
    HandedConnections(config, channel).run()


def _deal(listener: socket.socket, channels: list[socket.socket | None], stop: threading.Event,
          forking: threading.Lock) -> None:
    """Accept connections and pass each to the next worker in turn.

    ``forking`` is held while a connection is ours: a worker forked then would
    inherit it and keep it open after the worker serving it closes it."""
    listener.settimeout(0.5)  # to notice ``stop``: closing a socket does not wake accept()
    turn = 0
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except (TimeoutError, InterruptedError):
            continue
        except OSError as exc:
            if stop.is_set():
                return
            with forking:
                log.warning("accept failed: %s", exc)  # out of descriptors, say: go on
            stop.wait(0.1)
            continue
        with forking, conn:
            for _ in range(len(channels)):
                channel = channels[turn % len(channels)]
                turn += 1
                if channel is None:
                    continue
                try:
                    socket.send_fds(channel, [b"c"], [conn.fileno()])
                    break
                except OSError:  # that worker died; it is being replaced
                    continue


def serve(config: uvicorn.Config) -> None:
    """Run ``config.workers`` processes on ``config.host:config.port`` until told to stop.

    A worker that dies is replaced; SIGTERM or SIGINT stops them all (each
    finishes its requests: uvicorn's own graceful shutdown).
    """
    if config.workers <= 1:
        uvicorn.Server(config).run()
        return
    if not HANDS_OVER:
        _shared(config)
        return
    listener = listening_socket(config.host, config.port, config.backlog)  # a taken port fails here
    config.port = listener.getsockname()[1]
    ctx = multiprocessing.get_context("fork")  # the app is loaded in each worker, not here
    stop = threading.Event()
    channels: list[socket.socket | None] = [None] * config.workers
    forking = threading.Lock()

    def start(i: int) -> multiprocessing.Process:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        inherited = [listener, ours] + [c for c in channels if c is not None]
        p = ctx.Process(target=_worker, args=(config, theirs, inherited), name="searchsvc-worker")
        with forking:
            p.start()
        theirs.close()
        old, channels[i] = channels[i], ours
        if old is not None:
            old.close()
        log.info("started worker process [%s]", p.pid)
        return p

    def on_signal(signum, frame) -> None:
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    procs = [start(i) for i in range(config.workers)]
    dealer = threading.Thread(target=_deal, args=(listener, channels, stop, forking), name="searchsvc-accept",
                              daemon=True)
    dealer.start()
    try:
        while not stop.wait(0.5):
            for i, p in enumerate(procs):
                if not p.is_alive():
                    log.warning("worker process [%s] exited with %s; starting another", p.pid, p.exitcode)
                    procs[i] = start(i)
    finally:
        stop.set()
        dealer.join()
        listener.close()
        for p in procs:
            if p.is_alive():
                os.kill(p.pid, signal.SIGTERM)
        for p in procs:
            p.join(timeout=config.timeout_graceful_shutdown or 30)
            if p.is_alive():
                p.kill()
                p.join()
        for channel in channels:
            if channel is not None:
                channel.close()
        for s, handler in previous.items():
            signal.signal(s, handler)


def _shared(config: uvicorn.Config) -> None:
    """Where descriptors cannot be passed (no AF_UNIX): uvicorn's own workers on one shared socket."""
    uvicorn.run(config.app, factory=config.factory, host=config.host, port=config.port,
                workers=config.workers, access_log=config.access_log, proxy_headers=config.proxy_headers)
