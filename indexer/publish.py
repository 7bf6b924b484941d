"""Publishing a generation to replicas: copy with rsync, verify, then switch each one's CURRENT.

``python -m indexer publish --to DEST …`` ships the generation this index root
serves to every replica's index root. A destination is what rsync takes:

- a local path, ``/srv/replica-1/index``;
- an rsync daemon module, ``rsync://host[:port]/module/path``;
- a path over ssh, ``[user@]host:/srv/index``.

For each replica, in parallel:

1. **copy** the generation folder to ``DEST/<generation>/`` with rsync. Files
   unchanged since the generation the replica serves (an update hard-links
   them) are hard-linked there too (``--link-dest``), so an update ships only
   what it wrote;
2. **verify** the copy against the manifest the build wrote
   (``checksums.json``: every file's size and xxh3 checksum). A local copy is
   read back and checked file by file; a remote one is compared by rsync's
   own checksums with the source, which was itself verified first;

and then, for every replica whose copy verified,

3. **switch**: ``PREVIOUS`` becomes what the replica served, and ``CURRENT``
   names the new generation, each written as a new file renamed into place
   (rsync does the same on a remote root), so the replica's service never
   reads half a pointer. The service notices within ``ARCHIVE_RELOAD_SECONDS``,
   checks the generation's checksums again, warms it, and drains the old one;
4. **clean up** the replica's generations other than CURRENT, PREVIOUS and
   the newest ``ARCHIVE_KEEP_GENERATIONS``.

A replica that fails at 1 or 2 is not switched and keeps serving what it
served; the others switch; the command names the failed replica and why, and
exits 1. Copying every replica before switching any keeps the time replicas
serve different generations to the few seconds of their reload polls.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from indexer.engine import checksums, generations
from indexer.engine.generations import Generation, read_pointer, write_atomic
from indexer.locking import WriterBusy, writer_lock
from indexer.schema import CHECKSUMS_FILE, CURRENT_FILE, GENERATION_META, PREVIOUS_FILE
from indexer.settings import at_start

_NOT_INDEX = ("- .*", "- *.lock", "- *WRITELOCK")  # rsync filters: never part of a generation


class PublishError(RuntimeError):
    """Nothing was published: the generation to publish is missing or damaged, or rsync is absent."""


@dataclass(frozen=True)
class Replica:
    """One replica's index root, as rsync addresses it.

    >>> Replica.parse("rsync://10.0.0.5:873/archive/index").remote
    True
    >>> Replica.parse("backup@search-2:/srv/index").remote
    True
    >>> Replica.parse("/srv/replica-1/index/").dest
    '/srv/replica-1/index'
    >>> Replica.parse("-e sh")
    Traceback (most recent call last):
    ...
    ValueError: '-e sh' is not a destination: it would be read as an rsync option
    """

    dest: str

    @classmethod
    def parse(cls, text: str) -> Replica:
        text = text.strip()
        if not text:
            raise ValueError("an empty destination")
        if text.startswith("-"):
            raise ValueError(f"{text!r} is not a destination: it would be read as an rsync option")
        if "\0" in text or "\n" in text:
            raise ValueError(f"{text!r} is not a destination")
        return cls(text.rstrip("/") or "/")

    @property
    def daemon(self) -> bool:
        return self.dest.startswith("rsync://")

    @property
    def remote(self) -> bool:
        """rsync's own rule: a colon before the first slash means a remote host."""
        if self.daemon:
            return True
        head = self.dest.split("/", 1)[0]
        return ":" in head

    @property
    def path(self) -> Path:
        """The local index root (only for a local replica)."""
        return Path(self.dest)

    def at(self, name: str = "") -> str:
        """The rsync address of ``name`` inside this replica's index root."""
        return f"{self.dest}/{name}" if name else f"{self.dest}/"

    def __str__(self) -> str:
        return self.dest


@dataclass
class ReplicaOutcome:
    """What publishing did to one replica."""

    replica: Replica
    before: str | None = None  # the generation it served
    after: str | None = None  # the generation it serves now
    verified: bool = False
    error: str = ""
    copied: int = 0  # files rsync transferred (not hard-linked or already there)
    seconds: float = 0.0
    removed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error

    def line(self) -> str:
        if not self.ok:
            kept = f"still serving {self.before}" if self.before else "it serves nothing"
            return f"  {self.replica}: FAILED, {self.error}; {kept}"
        if self.before == self.after:
            return f"  {self.replica}: already serving {self.after}, copy verified"
        return (f"  {self.replica}: {self.before or 'nothing'} -> {self.after} "
                f"({self.copied} files copied, verified, {self.seconds:.1f} s)")


@dataclass
class PublishReport:
    generation: str
    replicas: list[ReplicaOutcome]

    @property
    def failed(self) -> list[ReplicaOutcome]:
        return [r for r in self.replicas if not r.ok]

    def summary(self) -> str:
        done = len(self.replicas) - len(self.failed)
        lines = [f"Published generation {self.generation} to {done} of {len(self.replicas)} replicas"]
        lines += [r.line() for r in self.replicas]
        return "\n".join(lines)

    def error(self) -> str:
        names = "; ".join(f"{r.replica} ({r.error})" for r in self.failed)
        return (f"{len(self.failed)} of {len(self.replicas)} replicas did not switch to "
                f"{self.generation} and keep serving their generation: {names}")


class Rsync:
    """rsync as a subprocess, with timeouts, and its error in one line."""

    def __init__(self, program: str | None = None, timeout: float | None = None) -> None:
        settings = at_start()
        self.program = program or settings.rsync
        self.timeout = timeout if timeout is not None else settings.publish_timeout
        self.shell = settings.rsync_shell
        if shutil.which(self.program) is None:
            raise PublishError(f"rsync ({self.program}) is not installed: publishing copies with it "
                               "(Debian: apt-get install rsync; or set ARCHIVE_RSYNC)")

    def run(self, replica: Replica, args: list[str], check: bool = True) -> subprocess.CompletedProcess:
        cmd = [self.program, f"--timeout={max(1, int(self.timeout))}", *self._transport(replica), *args]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=self.timeout * 4,
                                  check=False)
        except subprocess.TimeoutExpired:
            raise CopyFailed(f"rsync gave no answer in {self.timeout * 4:.0f} s") from None
        if check and done.returncode != 0:
            raise CopyFailed(_rsync_error(done))
        return done

    def _transport(self, replica: Replica) -> list[str]:
        if replica.daemon:
            return [f"--contimeout={max(1, int(self.timeout))}"]
        if replica.remote:
            # rsync's own RSYNC_RSH (a port, a key: "ssh -p 2222 -i KEY") wins when set.
            return ["-e", self.shell or f"ssh -o BatchMode=yes -o ConnectTimeout={max(1, int(self.timeout))}"]
        return []


class CopyFailed(RuntimeError):
    """rsync could not copy to, or read from, one replica."""


def _rsync_error(done: subprocess.CompletedProcess) -> str:
    lines = [ln.strip() for ln in (done.stderr or "").splitlines() if ln.strip()]
    # rsync ends with a summary line ("rsync error: … (code 10) at …"); the cause is above it.
    cause = next((ln for ln in lines if not ln.startswith("rsync error:")), "")
    summary = next((ln for ln in lines if ln.startswith("rsync error:")), "")
    text = cause or summary or f"rsync exited with status {done.returncode}"
    if summary and cause:
        text += f" ({summary.split(' at ')[0].removeprefix('rsync error: ')})"
    return text[:300]


def served_generation(replica: Replica, rsync: Rsync) -> str | None:
    """The generation the replica's CURRENT names, or None when it has none."""
    if not replica.remote:
        return read_pointer(replica.path)
    return remote_pointer(replica, rsync, CURRENT_FILE)


def remote_pointer(replica: Replica, rsync: Rsync, pointer: str) -> str | None:
    """The generation a remote replica's ``pointer`` file names; None when the file (or
    the replica's root) does not exist yet, :class:`CopyFailed` when it cannot be read."""
    with tempfile.TemporaryDirectory(prefix="publish-") as tmp:
        done = rsync.run(replica, [replica.at(pointer), f"{tmp}/{pointer}"], check=False)
        if done.returncode != 0:
            if "No such file" in (done.stderr or "") or "change_dir" in (done.stderr or ""):
                return None  # a new replica
            raise CopyFailed(_rsync_error(done))
        name = Path(tmp, pointer).read_text(encoding="utf-8").strip()
        return name if name.startswith("g-") and "/" not in name else None


def _filters() -> list[str]:
    return [arg for rule in _NOT_INDEX for arg in ("-f", rule)]


def copy_generation(gen: Generation, replica: Replica, served: str | None, rsync: Rsync,
                    compare_contents: bool = False) -> int:
    """Copy ``gen`` to ``DEST/<name>/``; returns how many files were transferred.

    rsync skips a file whose size and time match; ``compare_contents`` compares
    checksums instead, which mends a copy whose bytes rotted under a good stamp.
    """
    # Stamps are compared to the nanosecond (--modify-window=-1): two builds within one second
    # leave files of one size and one second that differ ("generation.json"), and a stamp to the
    # second would hard-link the served one's in their place.
    args = ["-a", "--delete", "--mkpath", "--modify-window=-1", "--out-format=%n",
            *(["--checksum"] if compare_contents else []), *_filters()]
    if served and served != gen.name:
        # Relative to the destination folder: unchanged files become hard links.
        args.append(f"--link-dest=../{served}")
    done = rsync.run(replica, [*args, f"{gen.path}/", replica.at(gen.name) + "/"])
    return sum(1 for ln in done.stdout.splitlines() if ln.strip() and not ln.endswith("/"))


def verify_copy(gen: Generation, replica: Replica, expected: dict[str, tuple[int, str]],
                rsync: Rsync) -> list[str]:
    """What differs between the replica's copy and the build's manifest (empty: a true copy)."""
    if not replica.remote:
        manifest = (gen.path / CHECKSUMS_FILE).read_bytes()
        copy = replica.path / gen.name
        problems = [p.text for p in checksums.check_contents(copy, expected)]
        try:
            if (copy / CHECKSUMS_FILE).read_bytes() != manifest:
                problems.append(f"{CHECKSUMS_FILE}: differs from the build's")
        except OSError:
            problems.append(f"{CHECKSUMS_FILE}: missing")
        return problems
    # A dry run with checksums: every file whose bytes differ from the (verified) source.
    args = ["-a", "-n", "-c", "--delete", "--out-format=%i %n", *_filters()]
    done = rsync.run(replica, [*args, f"{gen.path}/", replica.at(gen.name) + "/"])
    problems = []
    for line in done.stdout.splitlines():
        flags, _, name = line.partition(" ")
        if not name or name.endswith("/") or name == "./":
            continue
        if flags.startswith("*deleting"):
            problems.append(f"{name}: not part of the generation")
        elif "+++++++" in flags:
            problems.append(f"{name}: missing")
        else:
            problems.append(f"{name}: contents differ from the build's manifest")
    return problems


def switch_replica(replica: Replica, name: str, served: str | None, rsync: Rsync) -> None:
    """PREVIOUS := what it served, then CURRENT := ``name``, each replaced atomically."""
    pointers = ([(PREVIOUS_FILE, served)] if served and served != name else []) + [(CURRENT_FILE, name)]
    if not replica.remote:
        for pointer, value in pointers:
            write_atomic(replica.path / pointer, value)
        return
    with tempfile.TemporaryDirectory(prefix="publish-") as tmp:
        for pointer, value in pointers:
            # rsync writes a temporary file beside the target and renames it: atomic.
            Path(tmp, pointer).write_text(value, encoding="utf-8")
            rsync.run(replica, ["--checksum", f"{tmp}/{pointer}", replica.at(pointer)])


def clean_replica(replica: Replica, rsync: Rsync, keep: int, served: str) -> list[str]:
    """Remove the replica's generations besides CURRENT (``served``, just switched to),
    PREVIOUS and the newest ``keep``."""
    if not replica.remote:
        return generations.cleanup(replica.path, keep)
    listing = rsync.run(replica, ["--list-only", replica.at()]).stdout
    names = sorted((ln.split()[-1] for ln in listing.splitlines()
                    if ln.startswith("d") and ln.split()[-1].startswith("g-")), reverse=True)
    # An unreadable PREVIOUS raises rather than reading as none: its generation must not go.
    protected = {served, remote_pointer(replica, rsync, PREVIOUS_FILE)}
    keeping = set(names[:keep]) | {n for n in protected if n}
    doomed = [n for n in names if n not in keeping]
    if not doomed:
        return []
    filters = [f"P /{n}/" for n in sorted(keeping)] + ["R /g-*/", "P /*"]
    with tempfile.TemporaryDirectory(prefix="publish-") as empty:
        args = ["-r", "--delete"]
        for rule in filters:
            args += ["-f", rule]
        rsync.run(replica, [*args, f"{empty}/", replica.at()])
    return doomed


def publish(root: Path, destinations: Iterable[str], generation: str | None = None,
            rsync: Rsync | None = None, keep: int | None = None,
            on_replica: Callable[[ReplicaOutcome], None] | None = None,
            compare_contents: bool = False) -> PublishReport:
    """Copy, verify and switch ``generation`` (default: the one ``root`` serves) on every replica.

    Raises :class:`PublishError` (nothing copied) when the generation is missing
    or its own files do not match its manifest; a replica that fails is reported
    in the returned report, and the others still switch.
    """
    replicas = list(dict.fromkeys(Replica.parse(d) for d in destinations))  # each once
    if not replicas:
        raise PublishError("no replica to publish to: name each with --to DEST (or ARCHIVE_REPLICAS)")
    rsync = rsync or Rsync()
    keep = at_start().keep_generations if keep is None else keep
    # The builder's lock: a build's cleanup must not delete the generation being copied.
    with writer_lock(root, "publish"), ExitStack() as locks:
        gen = _generation(root, generation)
        expected = _manifest(gen)
        busy = _lock_local(replicas, locks)
        with ThreadPoolExecutor(max_workers=min(len(replicas), 4)) as pool:
            outcomes = list(pool.map(
                lambda r: ReplicaOutcome(r, error=busy[r]) if r in busy
                else _copy_and_verify(gen, r, expected, rsync, compare_contents), replicas))
        for out in outcomes:
            _switch(out, gen.name, rsync, keep)
            if on_replica is not None:
                on_replica(out)
    return PublishReport(gen.name, outcomes)


def _manifest(gen: Generation) -> dict[str, tuple[int, str]]:
    """The build's manifest of ``gen``, after checking ``gen`` itself against it."""
    expected = checksums.read(gen.path)
    if expected is None:
        raise PublishError(f"generation {gen.name} has no manifest of checksums (it was written "
                           "before they were recorded); rebuild it with `python -m indexer build`")
    checksums.verify(gen.path)  # Damaged: the source itself is bad, copy nothing
    return expected


def _lock_local(replicas: list[Replica], locks: ExitStack) -> dict[Replica, str]:
    """Hold each local replica root's writer lock (two publishes must not interleave);
    {replica: why} for those another process holds."""
    busy = {}
    for replica in replicas:
        if not replica.remote:
            try:
                locks.enter_context(writer_lock(replica.path, "publish"))
            except (WriterBusy, OSError) as exc:
                busy[replica] = f"cannot lock it: {exc}"
    return busy


def _copy_and_verify(gen: Generation, replica: Replica, expected: dict[str, tuple[int, str]],
                     rsync: Rsync, compare_contents: bool) -> ReplicaOutcome:
    out = ReplicaOutcome(replica)
    started = time.perf_counter()
    try:
        out.before = served_generation(replica, rsync)
        out.copied = copy_generation(gen, replica, out.before, rsync, compare_contents)
        problems = verify_copy(gen, replica, expected, rsync)
    except (CopyFailed, OSError) as exc:
        out.error = f"copy failed: {exc}"
        problems = []
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        out.error = ("the copy failed verification: " + "; ".join(problems[:3]) + more
                     + " (publish --checksum copies every file whose bytes differ)")
    out.verified = not out.error
    out.seconds = time.perf_counter() - started
    return out


def _switch(out: ReplicaOutcome, name: str, rsync: Rsync, keep: int) -> None:
    """Switch a replica whose copy verified; one that did not keeps what it serves."""
    out.after = out.before
    if not out.verified:
        return
    try:
        switch_replica(out.replica, name, out.before, rsync)
    except (CopyFailed, OSError) as exc:
        out.error, out.verified = f"switching CURRENT failed: {exc}", False
        return
    out.after = name
    try:
        out.removed = clean_replica(out.replica, rsync, keep, name)
    except (CopyFailed, OSError):
        pass  # old generations left behind cost disk, not service: the next publish retries


def rollback(root: Path, destinations: Iterable[str], rsync: Rsync | None = None,
             on_replica: Callable[[ReplicaOutcome], None] | None = None) -> PublishReport:
    """Serve ``root``'s previous generation again, here and on every replica.

    Every replica ends on the generation the build machine now serves, whatever
    it served before (one that missed the last publish is already there).
    """
    replicas = [Replica.parse(d).dest for d in destinations]  # a bad one stops it before the rollback
    with writer_lock(root, "rollback"):
        gen = generations.rollback(root)
    return publish(root, replicas, gen.name, rsync=rsync, on_replica=on_replica)


def converge(urls: Iterable[str], name: str, seconds: float | None = None,
             interval: float = 0.25) -> dict[str, tuple[str | None, float]]:
    """Poll each replica's ``/healthz`` until it reports ``name``, for at most ``seconds``.

    {url: (generation it reported last, seconds until it reported ``name``, or
    the whole wait when it never did)}. The replicas notice a switched CURRENT
    on their next poll (ARCHIVE_RELOAD_SECONDS) and check the generation before
    serving it, so this is when visitors really get it.
    """
    import json
    import urllib.error
    import urllib.request

    seconds = at_start().publish_timeout if seconds is None else seconds
    started = time.monotonic()
    waiting = {u: (None, 0.0) for u in urls}
    seen: dict[str, tuple[str | None, float]] = {}
    while waiting:
        for url in list(waiting):
            try:
                with urllib.request.urlopen(url, timeout=2) as answer:
                    generation = json.loads(answer.read()).get("generation")
            except urllib.error.HTTPError as exc:  # 503: degraded, but it says what it serves
                try:
                    generation = json.loads(exc.read()).get("generation")
                except ValueError:
                    generation = None
            except (OSError, ValueError):
                generation = None
            waiting[url] = (generation, time.monotonic() - started)
            if generation == name:
                seen[url] = waiting.pop(url)
        if waiting and time.monotonic() - started >= seconds:
            seen.update(waiting)
            break
        if waiting:
            time.sleep(interval)
    return seen


def _generation(root: Path, name: str | None) -> Generation:
    if name is None:
        gen = generations.current(root)
        if gen is None:
            raise PublishError(f"no generation is served from {root}: build one first "
                               "(python -m indexer build)")
        return gen
    if "/" in name or name.startswith(".") or not (root / name / GENERATION_META).is_file():
        raise PublishError(f"no finished generation {name!r} in {root}")
    return Generation(root, name)



