"""The supervisor `make run` puts around each part, with real child processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]


def supervise(tmp_path: Path, child: str, *options: str) -> subprocess.Popen[str]:
    """The supervisor as run.sh starts it; its own lines on stderr (a pipe here)."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot.ops.supervisor", "--name", "demo", "--log",
         str(tmp_path / "demo.log"), *options, "--", sys.executable, "-c", child],
        cwd=ROOT, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def pids(tmp_path: Path) -> list[int]:
    path = tmp_path / "pids"
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def stop(supervisor: subprocess.Popen[str]) -> str:
    supervisor.send_signal(signal.SIGTERM)
    _, err = supervisor.communicate(timeout=15)
    assert supervisor.returncode == 0
    return err


def test_a_killed_part_is_restarted_and_the_restart_is_logged(tmp_path: Path) -> None:
    child = (f"import os, time; open({str(tmp_path / 'pids')!r}, 'a').write(f'{{os.getpid()}} ');"
             "time.sleep(60)")
    supervisor = supervise(tmp_path, child, "--first-backoff", "0.2")
    first = wait_until(lambda: pids(tmp_path))[0]
    os.kill(first, signal.SIGKILL)
    second = wait_until(lambda: pids(tmp_path)[1:])[0]
    assert alive(second) and second != first
    err = stop(supervisor)
    assert "demo exited with code -9" in err and "restart 1" in err
    assert not alive(second), "stopping the supervisor stops the part"


def test_quick_exits_back_off_and_a_part_that_keeps_failing_is_reported(tmp_path: Path) -> None:
    child = (f"import time; open({str(tmp_path / 'starts')!r}, 'a').write(f'{{time.time()}} ');"
             "raise SystemExit(3)")
    supervisor = supervise(tmp_path, child, "--first-backoff", "0.1", "--max-backoff", "0.8",
                           "--burst", "4", "--burst-window", "30")
    starts_file = tmp_path / "starts"
    wait_until(lambda: starts_file.exists() and len(starts_file.read_text().split()) >= 5)
    err = stop(supervisor)
    starts = [float(t) for t in starts_file.read_text().split()]
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert gaps[3] > gaps[0] * 3, f"backoff grows: {gaps}"
    assert "exited with code 3" in err
    assert "demo KEEPS FAILING (4 exits in 30 s)" in err
    assert err.count("KEEPS FAILING") == 1, "reported once per burst, not on every exit"


def test_a_part_that_ignores_sigterm_is_killed_after_the_grace_period(tmp_path: Path) -> None:
    child = ("import os, signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN);"
             f"open({str(tmp_path / 'pids')!r}, 'a').write(f'{{os.getpid()}} '); time.sleep(60)")
    supervisor = supervise(tmp_path, child, "--grace", "0.5")
    pid = wait_until(lambda: pids(tmp_path))[0]
    started = time.monotonic()
    err = stop(supervisor)
    assert time.monotonic() - started < 5
    assert "demo did not stop within" in err and "killing it" in err
    assert not alive(pid)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_sigterm_stops_the_part_without_a_restart(tmp_path: Path, sig: int) -> None:
    child = (f"import os, time; open({str(tmp_path / 'pids')!r}, 'a').write(f'{{os.getpid()}} ');"
             "time.sleep(60)")
    supervisor = supervise(tmp_path, child)
    pid = wait_until(lambda: pids(tmp_path))[0]
    supervisor.send_signal(sig)
    _, err = supervisor.communicate(timeout=15)
    assert supervisor.returncode == 0
    assert not alive(pid)
    assert "restarting" not in err
    assert pids(tmp_path) == [pid]
