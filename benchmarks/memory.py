"""Resident memory of a server and its children: psutil when installed, else /proc.

RSS is one of the scale targets (a Rasa pod is sized at ~1.3 GiB), so both the current and the
peak (high-water mark) figure are read; the peak is what a memory limit must allow for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Rss:
    """Megabytes now and at the peak, summed over a process and its descendants."""

    current_mb: float
    peak_mb: float


def _children_proc(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            kids += [int(p) for p in task.read_text().split()]
        except OSError:
            continue
    return kids


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo += _children_proc(current)
    return pids


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss(pid: int) -> Rss:
    """RSS of `pid` and its descendants (0 when the process is gone)."""
    try:
        import psutil
    except ImportError:
        pids = _tree(pid)
        current = sum(_status_kb(p, "VmRSS") for p in pids) / 1024
        peak = sum(_status_kb(p, "VmHWM") for p in pids) / 1024
        return Rss(round(current, 1), round(peak, 1))
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
        current = sum(p.memory_info().rss for p in procs) / 2**20
    except psutil.Error:
        return Rss(0.0, 0.0)
    # psutil has no portable peak; on Linux the kernel's high-water mark is in /proc.
    peak = sum(_status_kb(p.pid, "VmHWM") for p in procs) / 1024 or current
    return Rss(round(current, 1), round(peak, 1))
