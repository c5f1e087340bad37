"""Real processes for system tests and the soak: a redis-server of our own, ``hotline serve`` and
``hotline worker`` subprocesses, and the environment they share."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float, interval: float = 0.2, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout} s waiting for {what}")


class RedisServer:
    """A redis-server on 127.0.0.1 that a test may stop and start again on the same port."""

    def __init__(self, port: int | None = None) -> None:
        if shutil.which("redis-server") is None:
            raise RuntimeError("redis-server is not installed (apt-get install redis-server)")
        self.port = port or free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.proc = subprocess.Popen(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                                      "--save", "", "--appendonly", "no"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        from redis import Redis

        client = Redis(port=self.port, socket_connect_timeout=1)
        wait_until(lambda: _pings(client), 10, what="redis-server")
        client.close()
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None


def _pings(client) -> bool:
    try:
        return bool(client.ping())
    except Exception:  # noqa: BLE001
        return False


class Cluster:
    """``hotline serve`` and ``hotline worker`` processes on one database, one Redis, one data dir."""

    def __init__(self, database_url: str, redis_url: str, data_dir: Path, log_dir: Path, **settings) -> None:
        self.env = dict(os.environ, HOTLINE_DATABASE_URL=database_url, HOTLINE_REDIS_URL=redis_url,
                        HOTLINE_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
        for key, value in settings.items():
            self.env[f"HOTLINE_{key.upper()}"] = str(value)
        self.log_dir = log_dir
        log_dir.mkdir(parents=True, exist_ok=True)
        self.procs: dict[str, subprocess.Popen] = {}
        self.ports: dict[str, int] = {}

    def cli(self, *args: str, timeout: float = 120) -> str:
        done = subprocess.run([sys.executable, "-m", "hotline", *args], env=self.env, capture_output=True,
                              text=True, timeout=timeout)
        if done.returncode:
            raise RuntimeError(f"hotline {' '.join(args)} failed: {done.stderr[-2000:]}")
        return done.stdout

    def _spawn(self, name: str, *args: str) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "ab")
        proc = subprocess.Popen([sys.executable, "-m", "hotline", *args], env=self.env, stdout=log,
                                stderr=subprocess.STDOUT)
        log.close()
        self.procs[name] = proc
        return proc

    def serve(self, name: str, port: int | None = None) -> int:
        return self.serve_all([name], [port])[0]

    def serve_all(self, names: list[str], ports: list[int | None] | None = None) -> list[int]:
        """Start ``hotline serve`` processes side by side (they load at the same time), then wait until
        each listens; returns their ports."""
        chosen = []
        for name, port in zip(names, ports or [None] * len(names)):
            port = port or free_port()
            self.ports[name] = port
            self._spawn(name, "serve", "--port", str(port))
            chosen.append(port)
        for name in names:
            wait_until(lambda: "已启动" in self.log(name) or self.procs[name].poll() is not None,  # noqa: B023
                       120, what=f"{name} to listen")
            if self.procs[name].poll() is not None:
                raise RuntimeError(f"{name} exited: {self.log(name)[-2000:]}")
        return chosen

    def worker(self, name: str) -> subprocess.Popen:
        return self._spawn(name, "worker")

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        proc = self.procs[name]
        if proc.poll() is None:
            proc.send_signal(sig)
            proc.wait(30)

    def alive(self, name: str) -> bool:
        return self.procs[name].poll() is None

    def log(self, name: str) -> str:
        path = self.log_dir / f"{name}.log"
        return path.read_text("utf-8", errors="replace") if path.exists() else ""

    def logs(self) -> str:
        return "\n".join(p.read_text("utf-8", errors="replace") for p in sorted(self.log_dir.glob("*.log")))

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
