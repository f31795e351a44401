"""Private PostgreSQL and Redis servers that a test may stop and start again.

The machine's own services stay untouched (other suites use them); these are real servers from
the same Debian packages, on free ports, with their data in a temporary folder. PostgreSQL will
not run as root, so as root it runs as the `postgres` user; elsewhere the tests skip, saying why
(in CI, which runs as root, they must run).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


def wait_for_port(port: int, up: bool, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.1)
    raise RuntimeError(f"port {port} still {'closed' if up else 'open'} after {timeout} s")


class PrivateRedis:
    def __init__(self, workdir: Path) -> None:
        if shutil.which("redis-server") is None:
            unavailable("redis-server is not installed (apt-get install redis-server)")
        self.port = free_port()
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> PrivateRedis:
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port, up=True)
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)
        wait_for_port(self.port, up=False)


class PrivatePostgres:
    """Its data folder is its own (pytest's temporary folders are closed to other users)."""

    def __init__(self) -> None:
        if not (PG_BIN / "initdb").exists():
            unavailable(f"PostgreSQL 15 server binaries not found in {PG_BIN}")
        self.as_user: list[str] = []
        self.data = Path(tempfile.mkdtemp(prefix="nurture-pg-"))
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.data, "postgres")
        self.port = free_port()
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run([*self.as_user, str(PG_BIN / tool), *args],
                              capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            unavailable(f"{tool} failed: {done.stderr.strip()[-300:]}")

    def start(self) -> PrivatePostgres:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-w", "-l",
                  str(self.data / "server.log"), "start")
        return self

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        wait_for_port(self.port, up=False)

    def remove(self) -> None:
        """Stopped for good: its data folder goes."""
        shutil.rmtree(self.data, ignore_errors=True)
