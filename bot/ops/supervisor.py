"""Runs one part of `make run` and starts it again whenever it exits.

Without it, one crashed or OOM-killed part (say the action server) took the whole assistant
down and parents got "connection refused". The supervisor restarts the part after a growing
pause (1 s, doubling up to 30 s; back to 1 s once the part has stayed up for 60 s), says so in
one line, and says loudly when a part keeps failing, but never gives up: the Rasa server must
keep answering while the action server is away. SIGTERM or SIGINT stops the part (SIGTERM,
then SIGKILL after 10 s) and the supervisor exits 0.

    python -m bot.ops.supervisor --name actions --log var/log/actions.log -- rasa run actions

Its own lines go to stderr (and to --supervisor-log): names, exit codes and durations only,
never anything the part printed, so no message text can reach them.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import os
import select
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
_PR_SET_PDEATHSIG = 1


@dataclass
class Backoff:
    """The pause before each restart: doubles on quick exits, resets after a stable run."""

    initial: float
    maximum: float
    stable_after: float
    _next: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._next = self.initial

    def after_exit(self, uptime: float) -> float:
        """The pause before the next start, given how long the part just ran."""
        if uptime >= self.stable_after:
            self._next = self.initial
        delay = self._next
        self._next = min(delay * 2, self.maximum)
        return delay


class BurstWatch:
    """Notices `limit` exits within `window` seconds, once per burst.

    The burst is over when the window no longer holds `limit` exits; a later burst is
    reported again, so a relapse hours later is not hidden by an old report.
    """

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._exits: deque[float] = deque()
        self._reported = False

    def record(self, now: float) -> int | None:
        """Records an exit; returns the number of recent exits if this one starts a burst."""
        self._exits.append(now)
        while self._exits and now - self._exits[0] > self.window:
            self._exits.popleft()
        if len(self._exits) < self.limit:
            self._reported = False
            return None
        if self._reported:
            return None
        self._reported = True
        return len(self._exits)


@dataclass(frozen=True)
class Options:
    """What to run and how patiently; defaults suit `make run`."""

    name: str
    command: Sequence[str]
    log: Path
    supervisor_log: Path | None = None
    initial_backoff: float = 1.0
    max_backoff: float = 30.0
    stable_after: float = 60.0
    burst: int = 5
    burst_window: float = 120.0
    stop_timeout: float = 10.0


def describe_exit(code: int) -> str:
    """'code 3', or 'code -9 (SIGKILL)' for a part ended by a signal."""
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"code {code} ({signal.Signals(-code).name})"
    return f"code {code}"


def _die_with_parent() -> Callable[[], None] | None:
    """On Linux, makes the part get SIGKILL if the supervisor itself is killed.

    Otherwise a SIGKILLed supervisor would leave its part running, still holding its port.
    """
    if not sys.platform.startswith("linux"):
        return None
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return None
    libc = ctypes.CDLL(libc_name, use_errno=True)
    parent = os.getpid()

    def preexec() -> None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the supervisor died before prctl took effect
            os._exit(1)

    return preexec


class Supervisor:
    """Keeps one command running until asked to stop."""

    def __init__(self, options: Options, err: IO[str] | None = None) -> None:
        self.options = options
        self._err = err if err is not None else sys.stderr
        self._own_log: IO[str] | None = None
        self._stopping = False
        self._wake_r = self._wake_w = -1
        self._backoff = Backoff(options.initial_backoff, options.max_backoff,
                                options.stable_after)
        self._bursts = BurstWatch(options.burst, options.burst_window)
        self._preexec = _die_with_parent()

    # -- output -------------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """One line to stderr and the supervisor log; a closed terminal must not stop us."""
        line = f"{time.strftime('%Y-%m-%dT%H:%M:%S')} supervisor: {text}\n"
        for stream in (self._err, self._own_log):
            if stream is None:
                continue
            with contextlib.suppress(OSError, ValueError):
                stream.write(line)
                stream.flush()

    # -- signals ------------------------------------------------------------------------------

    def _install_signals(self) -> dict[int, object]:
        """Routes stop signals and SIGCHLD to a pipe, so one select() waits for either."""
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)
        signal.set_wakeup_fd(self._wake_w, warn_on_full_buffer=False)
        previous: dict[int, object] = {}
        for sig in STOP_SIGNALS:
            previous[sig] = signal.signal(sig, self._request_stop)
        previous[signal.SIGCHLD] = signal.signal(signal.SIGCHLD, lambda *_: None)
        return previous

    def _restore_signals(self, previous: dict[int, object]) -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]
        signal.set_wakeup_fd(-1)
        for fd in (self._wake_r, self._wake_w):
            os.close(fd)

    def _request_stop(self, _signum: int, _frame: object) -> None:
        # A second signal (Ctrl-C, then run.sh's TERM) changes nothing: one orderly stop.
        self._stopping = True

    def _wait(self, timeout: float, proc: subprocess.Popen[bytes] | None = None,
              interruptible: bool = True) -> bool:
        """Sleeps until `proc` exits, a stop is asked for, or `timeout` passes.

        Returns True if `proc` has exited.
        """
        deadline = time.monotonic() + timeout
        while True:
            if proc is not None and proc.poll() is not None:
                return True
            if interruptible and self._stopping:
                return False
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            # The 1 s cap is only a safety net; SIGCHLD or a stop signal wakes us at once.
            select.select([self._wake_r], [], [], min(remaining, 1.0))
            with contextlib.suppress(BlockingIOError):
                while os.read(self._wake_r, 512):
                    pass

    # -- the part -----------------------------------------------------------------------------

    def _start(self, log_fd: int) -> subprocess.Popen[bytes] | OSError:
        try:
            return subprocess.Popen(
                list(self.options.command), stdin=subprocess.DEVNULL, stdout=log_fd,
                stderr=log_fd, start_new_session=True, preexec_fn=self._preexec,
            )
        except OSError as error:
            return error

    @staticmethod
    def _signal_group(proc: subprocess.Popen[bytes], sig: int) -> None:
        """Signals the part and anything it started (its own session, see _start)."""
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            if proc.poll() is None:  # the part left its process group; signal it alone
                with contextlib.suppress(ProcessLookupError):
                    proc.send_signal(sig)
        except PermissionError:
            pass

    def _stop(self, proc: subprocess.Popen[bytes]) -> None:
        name, timeout = self.options.name, self.options.stop_timeout
        if proc.poll() is None:
            self._signal_group(proc, signal.SIGTERM)
            if not self._wait(timeout, proc, interruptible=False):
                self.say(f"{name} did not stop within {timeout:g} s of SIGTERM; "
                         "killing it (SIGKILL)")
                self._signal_group(proc, signal.SIGKILL)
                proc.wait()
        self._signal_group(proc, signal.SIGKILL)  # leftovers of the part's own children
        self.say(f"{name} stopped")

    def run(self) -> int:
        """Runs the part until SIGTERM/SIGINT/SIGHUP; returns the supervisor's exit code."""
        opts = self.options
        try:
            opts.log.parent.mkdir(parents=True, exist_ok=True)
            log_fd = os.open(opts.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o640)
            if opts.supervisor_log is not None:
                self._own_log = open(opts.supervisor_log, "a", encoding="utf-8")  # noqa: SIM115
        except OSError as error:
            self.say(f"{opts.name}: cannot open a log file ({error.strerror}: {error.filename})")
            return 2
        previous = self._install_signals()
        restarts = 0
        try:
            while not self._stopping:
                started = time.monotonic()
                proc = self._start(log_fd)
                if isinstance(proc, OSError):
                    what = f"could not start ({proc.strerror})"
                else:
                    self._wait(float("inf"), proc)
                    if self._stopping:
                        self._stop(proc)
                        break
                    self._signal_group(proc, signal.SIGKILL)  # its orphans would hold the port
                    what = f"exited with {describe_exit(proc.returncode)}"
                now = time.monotonic()
                delay = self._backoff.after_exit(now - started)
                restarts += 1
                self.say(f"{opts.name} {what} after {now - started:.1f} s; "
                         f"restarting in {delay:g} s (restart {restarts})")
                burst = self._bursts.record(now)
                if burst is not None:
                    self.say(f"*** {opts.name} KEEPS FAILING ({burst} exits in "
                             f"{opts.burst_window:g} s); still retrying, backing off up to "
                             f"{opts.max_backoff:g} s - see {opts.log} ***")
                self._wait(delay)
        finally:
            self._restore_signals(previous)
            os.close(log_fd)
            if self._own_log is not None:
                self._own_log.close()
        return 0


def _positive(kind: type[float] | type[int]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
        return value

    return parse


def parse_args(argv: Sequence[str]) -> Options:
    """Options before `--`, the command after it (split by hand: the command has options too)."""
    parser = argparse.ArgumentParser(
        prog="python -m bot.ops.supervisor",
        usage="%(prog)s --name NAME --log FILE [options] -- CMD [ARGS...]",
        description="Run CMD, restarting it with backoff whenever it exits; "
        "SIGTERM or SIGINT stops it.",
    )
    parser.add_argument("--name", required=True, help="the part's name in log lines")
    parser.add_argument("--log", required=True, type=Path,
                        help="file that CMD's stdout and stderr are appended to")
    parser.add_argument("--supervisor-log", type=Path,
                        help="also append the supervisor's own lines to this file")
    parser.add_argument("--initial-backoff", "--first-backoff", type=_positive(float),
                        default=1.0, metavar="S",
                        help="pause before the first restart (default 1)")
    parser.add_argument("--max-backoff", type=_positive(float), default=30.0, metavar="S",
                        help="the pause doubles up to this (default 30)")
    parser.add_argument("--stable-after", type=_positive(float), default=60.0, metavar="S",
                        help="a run this long resets the pause (default 60)")
    parser.add_argument("--burst", type=_positive(int), default=5, metavar="N",
                        help="report a part that exits N times ... (default 5)")
    parser.add_argument("--burst-window", type=_positive(float), default=120.0, metavar="S",
                        help="... within S seconds (default 120)")
    parser.add_argument("--stop-timeout", "--grace", type=_positive(float), default=10.0,
                        metavar="S",
                        help="SIGKILL a part still running S seconds after SIGTERM (default 10)")
    argv = list(argv)
    if "--" not in argv:
        parser.error("give the command after --")
    split = argv.index("--")
    args, command = parser.parse_args(argv[:split]), argv[split + 1:]
    if not command:
        parser.error("give the command after --")
    if args.max_backoff < args.initial_backoff:
        parser.error("--max-backoff must not be less than --initial-backoff")
    return Options(
        name=args.name, command=command, log=args.log, supervisor_log=args.supervisor_log,
        initial_backoff=args.initial_backoff, max_backoff=args.max_backoff,
        stable_after=args.stable_after, burst=int(args.burst), burst_window=args.burst_window,
        stop_timeout=args.stop_timeout,
    )


def main(argv: Sequence[str] | None = None) -> int:
    return Supervisor(parse_args(sys.argv[1:] if argv is None else argv)).run()


if __name__ == "__main__":
    sys.exit(main())
