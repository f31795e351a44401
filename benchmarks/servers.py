"""Start, watch and stop the Rasa and action servers that the load benchmark talks to.

Every server runs in its own process group on a free 127.0.0.1 port, so one `stop` ends it and
anything it spawned, and a crashed or hung benchmark never leaves servers behind (`stop_all`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

SERVER_ENV = {
    "RASA_TELEMETRY_ENABLED": "false",
    "SANIC_HOST": "127.0.0.1",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "PYTHONHASHSEED": "0",
}
_RUNNING: list[subprocess.Popen] = []


def free_port() -> int:
    """A port nothing listens on now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A started server: its process, where it answers, and how long it took to answer."""

    name: str
    proc: subprocess.Popen
    port: int
    ready_url: str
    log: Path
    started_at: float = field(default_factory=time.perf_counter)
    startup_s: float | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def launch(name: str, args: list[str], cwd: Path, port: int, ready_url: str, log: Path,
           env: dict[str, str] | None = None) -> Server:
    """Start `python -m rasa ...` in its own process group, logging to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    full_env = {**os.environ, **SERVER_ENV, **(env or {})}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "rasa", *args],
            cwd=cwd,
            env=full_env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    _RUNNING.append(proc)
    return Server(name=name, proc=proc, port=port, ready_url=ready_url, log=log)


def rasa_server(name: str, project: Path, model: Path, token: str, log: Path,
                endpoints: Path | None = None, credentials: Path | None = None,
                env: dict[str, str] | None = None) -> Server:
    """`rasa run --enable-api` as `make run` starts it, on a free port."""
    port = free_port()
    # "--auth-token=...": a token that starts with "-" would otherwise be read as an option.
    args = ["run", "--enable-api", f"--auth-token={token}", "-i", "127.0.0.1", "-p", str(port),
            "--model", str(model)]
    if endpoints:
        args += ["--endpoints", str(endpoints)]
    if credentials:
        args += ["--credentials", str(credentials)]
    ready = f"http://127.0.0.1:{port}/status?token={token}"
    return launch(name, args, project, port, ready, log, env)


def action_server(name: str, project: Path, log: Path, actions: str = "actions") -> Server:
    """`rasa run actions` on a free port (SANIC_HOST keeps it on 127.0.0.1)."""
    port = free_port()
    args = ["run", "actions", "--actions", actions, "-p", str(port)]
    return launch(name, args, project, port, f"http://127.0.0.1:{port}/health", log)


def wait_ready(server: Server, timeout_s: float = 180) -> float:
    """Seconds from launch until the server answers 200; raises with the log tail otherwise."""
    deadline = server.started_at + timeout_s
    while time.perf_counter() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited during start-up:\n{log_tail(server.log)}")
        with (contextlib.suppress(urllib.error.URLError, OSError),
              urllib.request.urlopen(server.ready_url, timeout=2) as response):
            if response.status == 200:
                server.startup_s = time.perf_counter() - server.started_at
                return server.startup_s
        time.sleep(0.25)
    raise RuntimeError(f"{server.name} not ready after {timeout_s:.0f} s:\n{log_tail(server.log)}")


def log_tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop(proc: subprocess.Popen, grace_s: float = 15) -> None:
    """SIGTERM the server's process group, then SIGKILL it if it lingers."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
    if proc in _RUNNING:
        _RUNNING.remove(proc)


def stop_all() -> None:
    """Stop every server this process started (used at exit and by the watchdog)."""
    for proc in list(_RUNNING):
        with contextlib.suppress(Exception):
            stop(proc, grace_s=5)
