"""Several uvicorn worker processes behind one port, connections dealt in turn.

uvicorn's ``--workers`` (and gunicorn) share one listening socket among the
processes, and the kernel hands each new connection to whichever process it
wakes: with 8 keep-alive clients, as a reverse proxy's upstream pool keeps,
one worker held 7 or 6 of them in half the runs, and the visitors on it
waited five times as long as those on the other (median 87 ms against 16).
A socket per worker (``SO_REUSEPORT``) was closer but still split 6 to 2 at
times. Measured against gunicorn and nginx with ``python -m bench.process_managers``
(``bench/results/process-managers-2026-12-03.md``): throughput is the same in
every setup; what this supervisor gives is the even spread from one command.
Behind a proxy, one single-worker service per core behind nginx does as well
and loses no request when a worker dies (nginx retries it): that is the
recommended deployment for more than one core (``docs/service.md``).

So the supervisor here accepts every connection itself and deals them out in
turn, each passed to a worker over a Unix socket (``SCM_RIGHTS``); the worker
then serves it directly, the supervisor no longer in the way. Node's cluster
module does the same by default, for the same reason. The supervisor also
replaces a worker that dies, or that stops answering its health probe
(``searchsvc/probes.py``), and stops them all on SIGTERM or SIGINT. It
subclasses ``uvicorn.Server`` (``startup``), so uvicorn's version is pinned.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import select
import signal
import socket
import threading
import time

import uvicorn

from searchsvc import probes

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
    """uvicorn serving the connections its supervisor passes over ``channel``.

    Connections are dealt to every worker alike, ready or still loading its
    index: preferring ready workers was tried, and with keep-alive clients the
    first worker up kept every connection of a load test to itself.
    """

    def __init__(self, config: uvicorn.Config, channel: socket.socket) -> None:
        super().__init__(config)
        self.channel = channel
        self._connecting: set[asyncio.Task] = set()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])  # the app and its lifespan; no listener of our own
        self.channel.setblocking(False)
        asyncio.get_running_loop().add_reader(self.channel.fileno(), self._receive)

    def _protocol(self) -> asyncio.Protocol:
        """What uvicorn's own listener would make for each connection."""
        return self.config.http_protocol_class(config=self.config, server_state=self.server_state,
                                               app_state=self.lifespan.state)

    def _receive(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            try:
                data, fds, _, _ = socket.recv_fds(self.channel, 64, 64)
            except BlockingIOError:
                return
            except OSError as exc:
                log.warning("worker channel failed: %s", exc)
                data, fds = b"", []
            for fd in fds:
                conn = socket.socket(fileno=fd)
                conn.setblocking(False)
                task = loop.create_task(loop.connect_accepted_socket(self._protocol, conn))
                self._connecting.add(task)
                task.add_done_callback(self._connected)
            if not data and not fds:  # the supervisor stopped dealing, or is gone: finish
                loop.remove_reader(self.channel.fileno())
                self.should_exit = True
                return

    def _connected(self, task: asyncio.Task) -> None:
        self._connecting.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("a handed connection failed: %s", task.exception())

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        # Take what the supervisor already sent (and make its further sends fail,
        # so they go to another worker), and let those connections start, so that
        # uvicorn's shutdown below finishes them with the rest.
        try:
            self.channel.shutdown(socket.SHUT_RD)
        except OSError:
            pass
        asyncio.get_running_loop().remove_reader(self.channel.fileno())
        self._receive()
        if self._connecting:
            await asyncio.gather(*self._connecting, return_exceptions=True)
        await super().shutdown(sockets)


def _worker(config: uvicorn.Config, channel: socket.socket, inherited: list[socket.socket]) -> None:
    # The supervisor's handlers were copied by fork; uvicorn installs its own once
    # running, and until then a signal should simply end the process.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    for sock in inherited:  # the listener and the other workers' channels, copied by fork
        sock.close()
    probes.quiet_probes()
    HandedConnections(config, channel).run()


class _Dealer:
    """The supervisor's accepting thread: each connection to the next worker."""

    def __init__(self, listener: socket.socket, workers: int) -> None:
        self.listener = listener
        self.channels: list[socket.socket | None] = [None] * workers
        self.stop = threading.Event()
        # Held while a connection is ours, and while forking: a worker forked then
        # would inherit the connection and keep it open after its own worker closed it.
        self.forking = threading.Lock()
        self._turn = 0

    def run(self) -> None:
        self.listener.setblocking(False)
        while not self.stop.is_set():
            readable, _, _ = select.select([self.listener], [], [], 0.5)
            if not readable:
                continue
            with self.forking:
                try:
                    conn, _ = self.listener.accept()
                except (BlockingIOError, InterruptedError):
                    continue  # another wake-up took it, or the client gave up
                except OSError as exc:
                    log.warning("accept failed: %s", exc)  # out of descriptors, say: go on
                    conn = None
                if conn is not None:
                    with conn:
                        self._hand(conn)
            if conn is None:
                self.stop.wait(0.1)

    def _hand(self, conn: socket.socket) -> None:
        n = len(self.channels)
        order = [(self._turn + k) % n for k in range(n)]
        self._turn += 1
        for i in order:
            channel = self.channels[i]
            if channel is None:
                continue
            try:
                # Never wait on a worker that stopped reading: the next one takes it.
                socket.send_fds(channel, [b"c"], [conn.fileno()], socket.MSG_DONTWAIT)
                return
            except OSError:
                continue
        log.warning("no worker could take a connection; it is closed")

    def withdraw(self, i: int) -> None:
        """Deal worker ``i`` no more connections (it is being replaced)."""
        old, self.channels[i] = self.channels[i], None
        if old is not None:
            old.close()

    def replace(self, i: int, channel: socket.socket) -> None:
        old = self.channels[i]
        self.channels[i] = channel
        if old is not None:
            old.close()

    def finish(self) -> None:
        """Stop accepting, and tell each worker no more connections are coming: it
        serves what it was sent, then stops (uvicorn's graceful shutdown)."""
        self.stop.set()
        for channel in self.channels:
            if channel is not None:
                try:
                    channel.shutdown(socket.SHUT_WR)
                except OSError:
                    pass


def serve(config: uvicorn.Config, probe_seconds: float = 5.0, probe_timeout: float = 5.0) -> None:
    """Run ``config.workers`` processes on ``config.host:config.port`` until told to stop.

    A worker that dies is replaced (after a pause when it keeps dying at once),
    and so is one that stops answering its health probe every ``probe_seconds``
    (0: no probes); SIGTERM or SIGINT stops them all, each finishing its requests.
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
    dealer = _Dealer(listener, config.workers)
    # Set by the signal handler and polled: an Event set from a handler can
    # deadlock on its own lock if the signal lands while the main thread waits on it.
    stopping: list[int] = []

    def start(i: int) -> multiprocessing.Process:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        inherited = [listener, ours] + [c for c in dealer.channels if c is not None]
        p = ctx.Process(target=_worker, args=(config, theirs, inherited), name="searchsvc-worker")
        with dealer.forking:
            p.start()
        theirs.close()
        dealer.replace(i, ours)
        log.info("started worker process [%s]", p.pid)
        return p

    def on_signal(signum, frame) -> None:
        stopping.append(signum)

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    procs = [start(i) for i in range(config.workers)]
    started = [time.monotonic()] * config.workers
    died: list[float | None] = [None] * config.workers
    quick_deaths = [0] * config.workers
    thread = threading.Thread(target=dealer.run, name="searchsvc-accept", daemon=True)
    thread.start()
    prober = probes.Prober(config.workers)
    replacing = threading.Lock()  # the prober and the restart loop both touch procs[i]
    probing_done = threading.Event()

    def replace_stuck(i: int) -> None:
        with replacing:
            dealer.withdraw(i)
            try:
                os.kill(procs[i].pid, signal.SIGKILL)  # stuck: a graceful stop would wait on it
            except (OSError, TypeError):
                pass

    prober_thread = threading.Thread(
        target=probes.run, name="searchsvc-probe", daemon=True,
        args=(prober, lambda: list(dealer.channels), replace_stuck, probe_seconds,
              probe_timeout, probing_done.wait))
    if probe_seconds > 0:
        prober_thread.start()
    log.info("listening on %s:%d; connections dealt to %d workers in turn", config.host, config.port,
             config.workers)
    try:
        while not stopping:
            time.sleep(0.25)
            now = time.monotonic()
            for i, p in enumerate(procs):
                if p.is_alive():
                    continue
                if died[i] is None:
                    died[i] = now
                    quick_deaths[i] = quick_deaths[i] + 1 if now - started[i] < 10 else 0
                    log.warning("worker process [%s] exited with %s", p.pid, p.exitcode)
                # A worker that dies at once (a broken index, say) is restarted after
                # a growing pause rather than four times a second.
                pause = min(30.0, 0.5 * 2 ** quick_deaths[i]) if quick_deaths[i] else 0.0
                if now - died[i] < pause:
                    continue
                with replacing:
                    procs[i] = start(i)
                    prober.started(i)
                started[i], died[i] = now, None
    finally:
        probing_done.set()
        if prober_thread.is_alive():
            prober_thread.join()
        dealer.finish()
        thread.join()
        listener.close()
        deadline = time.monotonic() + (config.timeout_graceful_shutdown or 30) + 5
        for p in procs:  # each has seen the end of its channel and is shutting down
            p.join(timeout=max(0.0, deadline - time.monotonic()))
        for p in procs:
            if p.is_alive():
                os.kill(p.pid, signal.SIGTERM)
        for p in procs:
            p.join(timeout=5)
            if p.is_alive():
                p.kill()
                p.join()
        for channel in dealer.channels:
            if channel is not None:
                channel.close()
        for s, handler in previous.items():
            signal.signal(s, handler)


def _shared(config: uvicorn.Config) -> None:
    """Where descriptors cannot be passed (no AF_UNIX): uvicorn's own workers on one shared socket."""
    uvicorn.run(config.app, factory=config.factory, host=config.host, port=config.port,
                workers=config.workers, access_log=config.access_log, proxy_headers=config.proxy_headers)
