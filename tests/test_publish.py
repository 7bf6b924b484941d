"""Publishing generations to replicas with rsync: copy, verify against the manifest, switch.

Local replica roots and an rsync daemon on a loopback port (``rsync://``), both
through the real command, ``python -m indexer publish``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from replica_roots import flip_byte_keeping_stamp, indexer, stale_damaged_copy, to

from indexer.engine import checksums
from indexer.engine.generations import read_pointer
from indexer.publish import Replica, publish
from indexer.schema import PREVIOUS_FILE

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("rsync") is None,
                       reason="rsync is not installed (Debian: apt-get install rsync; .ci/run installs it)"),
]


def write_doc(corpus: Path, name: str, words: str) -> None:
    (corpus / name).write_text(f"# {name}\n\n{words} The committee met in the spring of 1911 "
                               "and agreed to meet again.\n", encoding="utf-8")


@pytest.fixture()
def source(tmp_path: Path) -> tuple[Path, Path]:
    """(corpus, index root) with one generation built."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k in range(6):
        write_doc(corpus, f"note-{k}.md", f"Minutes of meeting number {k} of the dockers' union.")
    root = tmp_path / "index"
    indexer("build", "--corpus", str(corpus), "--index", str(root), "--quiet")
    return corpus, root


def rebuild(corpus: Path, root: Path, word: str) -> str:
    write_doc(corpus, f"extra-{word}.md", f"A note that mentions {word} once.")
    indexer("build", "--corpus", str(corpus), "--index", str(root), "--quiet")
    return read_pointer(root)


def test_publish_copies_verifies_and_switches_every_replica(source, tmp_path):
    corpus, root = source
    first = read_pointer(root)
    replicas = [tmp_path / "r1", tmp_path / "r2"]
    done = indexer("publish", "--index", str(root), *to(replicas))
    assert "to 2 of 2 replicas" in done.stdout
    for r in replicas:
        assert read_pointer(r) == first
        assert checksums.verify(r / first)
    second = rebuild(corpus, root, "zymurgy")
    indexer("publish", "--index", str(root), "--to", str(replicas[0]), "--to", str(replicas[1]))
    for r in replicas:
        assert read_pointer(r) == second
        assert read_pointer(r, PREVIOUS_FILE) == first


def test_an_update_ships_only_what_it_wrote(source, tmp_path):
    corpus, root = source
    replica = tmp_path / "r1"
    indexer("publish", "--index", str(root), "--to", str(replica))
    write_doc(corpus, "late.md", "A late addition about the harbour pilots.")
    indexer("update", "--corpus", str(corpus), "--index", str(root), "--quiet")
    new = read_pointer(root)
    report = publish(root, [str(replica)])
    assert not report.failed
    files = [p for p in (replica / new).iterdir() if p.is_file()]
    linked = [p for p in files if p.stat().st_nlink > 1]
    assert report.replicas[0].copied < len(files), "an update's unchanged segments are not copied again"
    assert linked, "unchanged files are hard links to the replica's previous generation"
    assert checksums.verify(replica / new)


def test_a_damaged_copy_keeps_that_replica_on_its_generation(source, tmp_path):
    corpus, root = source
    first = read_pointer(root)
    good, bad = tmp_path / "good", tmp_path / "bad"
    indexer("publish", "--index", str(root), "--to", str(good), "--to", str(bad))
    second = rebuild(corpus, root, "quillwort")
    rotten = stale_damaged_copy(root, bad, second)
    done = indexer("publish", "--index", str(root), "--to", str(good), "--to", str(bad), check=False)
    assert done.returncode == 1
    assert str(bad) in done.stderr and rotten in done.stderr and "checksum" in done.stderr
    assert str(good) not in done.stderr.split("keep serving their generation:")[1]
    assert read_pointer(good) == second
    assert read_pointer(bad) == first, "the replica whose copy failed keeps what it served"
    # Copying again with --checksum compares contents, not stamps, and mends the copy.
    again = indexer("publish", "--index", str(root), "--to", str(bad), "--checksum", check=False)
    assert again.returncode == 0, again.stderr
    assert read_pointer(bad) == second


def test_rollback_brings_every_replica_back(source, tmp_path):
    corpus, root = source
    first = read_pointer(root)
    replicas = [tmp_path / "r1", tmp_path / "r2", tmp_path / "r3"]
    dests = to(replicas)
    indexer("publish", "--index", str(root), *dests)
    second = rebuild(corpus, root, "xylograph")
    stale_damaged_copy(root, replicas[2], second)
    indexer("publish", "--index", str(root), *dests, check=False)  # r3 stays on the first
    assert [read_pointer(r) for r in replicas] == [second, second, first]
    done = indexer("rollback", "--index", str(root), *dests)
    assert read_pointer(root) == first
    assert [read_pointer(r) for r in replicas] == [first] * 3, done.stdout


def test_old_generations_are_cleaned_from_replicas(source, tmp_path, monkeypatch):
    corpus, root = source
    replica = tmp_path / "r1"
    names = [read_pointer(root)]
    publish(root, [str(replica)], keep=0)
    for word in ("alpha", "beta", "gamma"):
        names.append(rebuild(corpus, root, word))
        publish(root, [str(replica)], keep=0)
    on_disk = sorted(p.name for p in replica.iterdir() if p.name.startswith("g-"))
    assert on_disk == sorted(names[-2:]), "CURRENT and PREVIOUS stay, older ones go"


def test_bad_destinations_and_sources_are_clear_errors(source, tmp_path):
    _, root = source
    done = indexer("publish", "--index", str(root), "--to", "--delete", check=False)
    assert done.returncode == 2
    done = indexer("publish", "--index", str(root), "--to=-e sh", check=False)
    assert done.returncode == 2 and "rsync option" in done.stderr
    done = indexer("publish", "--index", str(root), check=False)
    assert done.returncode == 1 and "--to" in done.stderr
    done = indexer("publish", "--index", str(tmp_path / "none"), "--to", str(tmp_path / "r"), check=False)
    assert done.returncode == 1 and "no generation" in done.stderr
    # The source itself damaged: nothing is copied anywhere.
    gen = root / read_pointer(root)
    flip_byte_keeping_stamp(max((p for p in gen.iterdir() if p.is_file()), key=lambda p: p.stat().st_size))
    done = indexer("publish", "--index", str(root), "--to", str(tmp_path / "r"), check=False)
    assert done.returncode == 1 and "damaged" in done.stderr
    assert not (tmp_path / "r").exists()


def test_replica_parsing():
    assert not Replica.parse("/srv/index").remote
    assert Replica.parse("rsync://h/m").daemon
    assert Replica.parse("user@host:/srv/index").remote
    assert not Replica.parse("./relative/path:with-colon-after-slash").remote


# --- rsync:// : a daemon on a loopback port ----------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port: int, proc: subprocess.Popen, log: Path, seconds: float = 20) -> None:
    """Until ``proc`` accepts connections on ``port``; its log in the error if it never does."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(log.read_text(errors="replace")) from None
            time.sleep(0.05)


@pytest.fixture()
def rsync_daemon(tmp_path: Path):
    """``(url, folder)``: an rsync daemon module on 127.0.0.1, writable, stopped afterwards."""
    folder = tmp_path / "daemon-module"
    folder.mkdir()
    port = _free_port()
    conf = tmp_path / "rsyncd.conf"
    conf.write_text(
        f"pid file = {tmp_path}/rsyncd.pid\nuse chroot = no\nuid = {os.getuid()}\ngid = {os.getgid()}\n"
        f"[replicas]\npath = {folder}\nread only = no\n", encoding="utf-8")
    with open(tmp_path / "rsyncd.log", "wb") as log:
        proc = subprocess.Popen(["rsync", "--daemon", "--no-detach", f"--port={port}",
                                 "--address=127.0.0.1", f"--config={conf}"], stdout=log,
                                stderr=subprocess.STDOUT)
    try:
        wait_listening(port, proc, tmp_path / "rsyncd.log")
        yield f"rsync://127.0.0.1:{port}/replicas", folder
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_publish_to_an_rsync_daemon(source, tmp_path, rsync_daemon):
    corpus, root = source
    url, folder = rsync_daemon
    first = read_pointer(root)
    indexer("publish", "--index", str(root), "--to", f"{url}/a/index", "--to", str(tmp_path / "local"))
    replica = folder / "a" / "index"
    assert read_pointer(replica) == first and checksums.verify(replica / first)
    second = rebuild(corpus, root, "ormolu")
    rotten = stale_damaged_copy(root, replica, second)
    done = indexer("publish", "--index", str(root), "--to", f"{url}/a/index", "--to",
                   str(tmp_path / "local"), check=False)
    assert done.returncode == 1 and f"{url}/a/index" in done.stderr and rotten in done.stderr
    assert read_pointer(replica) == first and read_pointer(tmp_path / "local") == second
    indexer("publish", "--index", str(root), "--to", f"{url}/a/index", "--checksum")
    assert read_pointer(replica) == second and read_pointer(replica, PREVIOUS_FILE) == first
    third = rebuild(corpus, root, "gazump")
    publish(root, [f"{url}/a/index"], keep=0)
    assert sorted(p.name for p in replica.iterdir() if p.name.startswith("g-")) == sorted([second, third])


def test_an_unreachable_replica_is_named_and_the_others_switch(source, tmp_path):
    _, root = source
    gone = f"rsync://127.0.0.1:{_free_port()}/replicas/index"
    started = time.monotonic()
    done = indexer("publish", "--index", str(root), "--to", gone, "--to", str(tmp_path / "r1"), check=False)
    assert done.returncode == 1 and gone in done.stderr and "copy failed" in done.stderr
    assert time.monotonic() - started < 60
    assert read_pointer(tmp_path / "r1") == read_pointer(root)


def test_converge_waits_for_each_replica_to_report_the_generation():
    """--healthz: a replica that reports the generation is done; one that never does is
    reported with what it serves, after the bounded wait."""
    import http.server
    import json
    import threading

    from indexer.publish import converge

    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            name = "g-new" if self.server.server_port == new.server_port else "g-old"
            status = 200 if name == "g-new" else 503
            body = json.dumps({"generation": name}).encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    new = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Health)
    old = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Health)
    for server in (new, old):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        urls = [f"http://127.0.0.1:{s.server_port}/healthz" for s in (new, old)]
        gone = f"http://127.0.0.1:{_free_port()}/healthz"
        seen = converge([*urls, gone], "g-new", seconds=1.0, interval=0.1)
    finally:
        for server in (new, old):
            server.shutdown()
            server.server_close()
    assert seen[urls[0]][0] == "g-new" and seen[urls[0]][1] < 1.0
    assert seen[urls[1]][0] == "g-old" and seen[urls[1]][1] >= 1.0
    assert seen[gone][0] is None


# --- [user@]host:path over ssh: an sshd of the test's own on a loopback port --------------------

SSHD = shutil.which("sshd", path="/usr/sbin:/sbin:" + os.environ.get("PATH", ""))


@pytest.fixture()
def ssh_server(tmp_path: Path, monkeypatch):
    """``user@127.0.0.1``, reachable with the key rsync is told about through RSYNC_RSH."""
    if SSHD is None or shutil.which("ssh") is None or shutil.which("ssh-keygen") is None:
        pytest.skip("OpenSSH is not installed (Debian: apt-get install openssh-server; .ci/run installs it)")
    privsep = Path("/run/sshd")
    if not privsep.is_dir():
        if os.getuid() != 0:
            pytest.skip("sshd needs its privilege separation folder /run/sshd, which only root can make")
        privsep.mkdir(mode=0o755, parents=True)
    keys = tmp_path / "ssh"
    keys.mkdir(mode=0o700)
    for name in ("host", "client"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / name)], check=True)
    (keys / "authorized_keys").write_text((keys / "client.pub").read_text())
    port = _free_port()
    user = pwd_name()
    conf = keys / "sshd_config"
    conf.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {keys / 'host'}\nPidFile {keys / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {keys / 'authorized_keys'}\nStrictModes no\nUsePAM no\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PermitRootLogin prohibit-password\n", encoding="utf-8")
    with open(keys / "sshd.log", "wb") as log:
        proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(conf)], stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_listening(port, proc, keys / "sshd.log")
        monkeypatch.setenv("RSYNC_RSH", f"ssh -p {port} -i {keys / 'client'} -o BatchMode=yes "
                           "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR")
        yield f"{user}@127.0.0.1"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def pwd_name() -> str:
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name


def test_publish_over_ssh(source, tmp_path, ssh_server):
    corpus, root = source
    remote_root = tmp_path / "over-ssh" / "index"
    dest = f"{ssh_server}:{remote_root}"
    first = read_pointer(root)
    done = indexer("publish", "--index", str(root), "--to", dest)
    assert "to 1 of 1 replicas" in done.stdout, done.stderr
    assert read_pointer(remote_root) == first and checksums.verify(remote_root / first)
    second = rebuild(corpus, root, "palimpsest")
    rotten = stale_damaged_copy(root, remote_root, second)
    done = indexer("publish", "--index", str(root), "--to", dest, check=False)
    assert done.returncode == 1 and dest in done.stderr and rotten in done.stderr
    assert read_pointer(remote_root) == first
    indexer("publish", "--index", str(root), "--to", dest, "--checksum")
    assert read_pointer(remote_root) == second and read_pointer(remote_root, PREVIOUS_FILE) == first
    indexer("rollback", "--index", str(root), "--to", dest)
    assert read_pointer(remote_root) == first


def test_a_generation_built_in_the_same_second_as_the_served_one_is_copied_whole(source, tmp_path):
    """Two builds within one second: a file of the same size whose stamp differs from the
    served generation's only below the second is a different file, not one to hard-link."""
    corpus, root = source
    replica = tmp_path / "r1"
    first = read_pointer(root)
    publish(root, [str(replica)], keep=0)
    second = rebuild(corpus, root, "alpha")
    same_second = 0
    for new in (root / second).rglob("*"):
        old = root / first / new.relative_to(root / second)
        if new.is_file() and old.is_file() and new.stat().st_size == old.stat().st_size:
            stamp = old.stat().st_mtime_ns
            os.utime(new, ns=(stamp + 1_000, stamp + 1_000))  # the same second, another instant
            same_second += new.read_bytes() != old.read_bytes()
    assert same_second, "the build leaves some file of the same size and other bytes (generation.json)"
    report = publish(root, [str(replica)], keep=0)
    assert not report.failed, report.summary()
    assert read_pointer(replica) == second
    assert checksums.verify(replica / second)  # raises Damaged on any file whose bytes differ
