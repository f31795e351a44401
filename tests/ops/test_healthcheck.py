"""The health check tells a hung server from a dead one and a healthy one."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

from bot.ops.healthcheck import DOWN, HUNG, OK, probe


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthy_hung_and_dead_servers_get_different_verdicts() -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                               "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 10
        while probe(url, 0.5, 1) != OK:
            assert time.monotonic() < deadline, "the test server did not start"
            time.sleep(0.1)
        server.send_signal(signal.SIGSTOP)  # accepts connections (the kernel does), answers none
        started = time.monotonic()
        assert probe(url, 0.3, 2) == HUNG
        assert time.monotonic() - started < 2, "a hung server is caught in tries x timeout"
        server.send_signal(signal.SIGCONT)
    finally:
        server.kill()
        server.wait()
    assert probe(url, 0.3, 2) == DOWN, "nothing listening is down, not hung"
