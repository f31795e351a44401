"""Latency percentiles, throughput and error counts for one concurrency level."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from benchmarks.clients import Turn
from benchmarks.load import LevelRun


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100): a value that was really observed."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def _latency(turns: list[Turn]) -> dict[str, Any]:
    ok = [t.latency_ms for t in turns if t.error is None]
    first = [t.first_ms for t in turns if t.error is None]
    return {
        "turns": len(turns),
        "p50_ms": _round(percentile(ok, 50)),
        "p95_ms": _round(percentile(ok, 95)),
        "p99_ms": _round(percentile(ok, 99)),
        "first_reply_p95_ms": _round(percentile(first, 95)),
        "max_ms": _round(max(ok, default=None)),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def summarise(run: LevelRun) -> dict[str, Any]:
    """Figures for a level: all turns, REST turns (the headline) and socket.io turns."""
    errors = Counter(t.error for t in run.turns if t.error)
    rest = [t for t in run.turns if t.transport == "rest"]
    sio = [t for t in run.turns if t.transport == "socketio"]
    return {
        "concurrency": run.concurrency,
        "conversations": run.conversations,
        "wall_s": round(run.wall_s, 2),
        "throughput_turns_per_s": round(len(run.turns) / run.wall_s, 2) if run.wall_s else 0.0,
        "errors": sum(errors.values()),
        "error_kinds": dict(errors),
        "error_samples": [f"{t.transport} {t.error}: {t.text!r}" for t in run.turns if t.error][:5],
        "stopped_early": run.stopped_early,
        "all": _latency(run.turns),
        "rest": _latency(rest),
        "socketio": _latency(sio),
    }
