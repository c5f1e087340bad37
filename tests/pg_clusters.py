"""Two throw-away PostgreSQL 15 clusters on this machine: a primary and its streaming replica.

The development and CI machines' own cluster does not allow replication connections (its pg_hba.conf
has no ``replication`` line), and a test must not change it: so the tests make their own primary with
``initdb`` (whose pg_hba.conf trusts local replication), a standby of it with ``pg_basebackup -R``,
each in a temporary directory on a free port, run as the ``postgres`` user when the tests run as root
(the server refuses to run as root). Anything that does not start is an error, never a skip.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BIN = Path(os.environ.get("HOTLINE_PG_BIN", "/usr/lib/postgresql/15/bin"))


class ClusterError(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(argv: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


def _run(argv: list[str], what: str) -> None:
    done = subprocess.run(_as_postgres(argv), capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise ClusterError(f"{what} failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")


@dataclass
class Cluster:
    data: Path
    port: int

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        _run([str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.data / "server.log"), "-w", "-t", "30",
              "-o", f"-p {self.port} -k {self.data.parent} -c listen_addresses=127.0.0.1 -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB",
              "start"], f"starting the cluster in {self.data}")

    def stop(self) -> None:
        subprocess.run(_as_postgres([str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]),
                       capture_output=True, timeout=60)

    def log(self) -> str:
        try:
            return (self.data / "server.log").read_text()[-3000:]
        except OSError:
            return ""


@dataclass
class Pair:
    root: Path
    primary: Cluster
    replica: Cluster

    def stop(self) -> None:
        self.replica.stop()
        self.primary.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def start_pair() -> Pair:
    """initdb a primary, start it, pg_basebackup -R a standby of it and start that; both stopped and
    removed by ``Pair.stop``."""
    root = Path(tempfile.mkdtemp(prefix="hl_replica_"))
    root.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    primary = Cluster(root / "primary", _free_port())
    replica = Cluster(root / "replica", _free_port())
    pair = Pair(root, primary, replica)
    try:
        _run([str(BIN / "initdb"), "-D", str(primary.data), "-U", "postgres", "-A", "trust", "--no-sync",
              "-E", "UTF8", "--locale=C"], "initdb")
        primary.start()
        _run([str(BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
              "-D", str(replica.data), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"], "pg_basebackup")
        replica.start()
    except (ClusterError, subprocess.SubprocessError, OSError) as exc:
        logs = f"\nprimary log:\n{primary.log()}\nreplica log:\n{replica.log()}"
        pair.stop()
        raise ClusterError(f"{exc}{logs}") from exc
    return pair


def wait_replayed(primary_url: str, replica_url: str, timeout: float = 15.0) -> None:
    """Wait until the replica has replayed everything the primary has written so far."""
    from sqlalchemy import create_engine, text

    p, r = create_engine(primary_url), create_engine(replica_url)
    try:
        with p.connect() as conn:
            # these clusters commit with synchronous_commit=off: a commit's record may not even be written
            # out when it returns, so pg_current_wal_lsn() (the write position) can stand before it. Wait
            # for the insert position instead, and switch WAL files so that all of it is sent now
            target = conn.scalar(text("SELECT pg_current_wal_insert_lsn()"))
            conn.execute(text("SELECT pg_switch_wal()"))
        deadline = time.monotonic() + timeout
        while True:
            with r.connect() as conn:
                if conn.scalar(text("SELECT pg_last_wal_replay_lsn() >= CAST(:t AS pg_lsn)"), {"t": target}):
                    return
            if time.monotonic() > deadline:
                raise ClusterError(f"the replica did not replay up to {target} within {timeout} s")
            time.sleep(0.05)
    finally:
        p.dispose()
        r.dispose()
