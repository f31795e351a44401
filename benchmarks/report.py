"""The benchmark's outputs: bench.json, a p95-vs-concurrency chart and the closing summary line.

Ratios (ours ÷ baseline) are the headline because absolute latencies on a shared 2-core machine
move with whatever else runs; both bots are measured level by level, interleaved, in one run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HEADLINE_LEVEL = 10


def _level(result: dict[str, Any], bot: str, concurrency: int) -> dict[str, Any] | None:
    return next((lv for lv in result[bot]["levels"] if lv["concurrency"] == concurrency), None)


def ratios(result: dict[str, Any], concurrency: int = HEADLINE_LEVEL) -> dict[str, float | None]:
    """p95 (REST turns) and throughput of ours over the baseline's, at one level."""
    ours, base = _level(result, "nurture", concurrency), _level(result, "baseline", concurrency)
    if not ours or not base:
        return {"p95_ratio": None, "throughput_ratio": None}
    p95_o, p95_b = ours["rest"]["p95_ms"], base["rest"]["p95_ms"]
    tp_o, tp_b = ours["throughput_turns_per_s"], base["throughput_turns_per_s"]
    return {
        "p95_ratio": round(p95_o / p95_b, 2) if p95_o and p95_b else None,
        "throughput_ratio": round(tp_o / tp_b, 2) if tp_o and tp_b else None,
    }


def write_json(result: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


def write_chart(result: dict[str, Any], path: Path) -> None:
    """p95 latency (REST turns) against concurrency, one line per bot."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    for bot, label, style, colour in (("nurture", "Nurture", "o-", "tab:blue"),
                                      ("baseline", "rasa init bot", "s--", "tab:orange")):
        levels = [lv for lv in result[bot]["levels"] if lv["rest"]["p95_ms"] is not None]
        xs = [lv["concurrency"] for lv in levels]
        ax.plot(xs, [lv["rest"]["p95_ms"] for lv in levels], style, color=colour,
                label=f"{label} p95")
        ax.plot(xs, [lv["rest"]["p50_ms"] for lv in levels], style, color=colour, alpha=0.35,
                label=f"{label} p50")
    ax.set_xlabel("concurrent parents")
    ax.set_ylabel("REST turn latency (ms)")
    ax.set_title("Latency vs concurrency (same machine, same run)")
    ax.set_xticks(sorted({lv["concurrency"] for lv in result["nurture"]["levels"]}))
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def _fmt(value: float | None, digits: int = 2) -> str:
    return "nan" if value is None else f"{value:.{digits}f}"


def summary_line(result: dict[str, Any]) -> str:
    """The last line of the run, for scripts: key=value pairs."""
    r = ratios(result)
    ours = result["nurture"]
    train = result.get("train_s")
    return (
        f"p95_ratio_{HEADLINE_LEVEL}={_fmt(r['p95_ratio'])} "
        f"throughput_ratio_{HEADLINE_LEVEL}={_fmt(r['throughput_ratio'])} "
        f"rss_mb={ours['rasa_rss']['peak_mb']:.0f} "
        f"startup_s={ours['startup_s']:.0f} "
        f"train_s={_fmt(train, 0)} "
        f"errors={ours['errors'] + result['baseline']['errors']}"
    )


def resources(result: dict[str, Any]) -> str:
    """Start-up, memory and NLU-alone figures per bot, for the log."""
    rows = []
    for bot in ("baseline", "nurture"):
        r = result[bot]
        actions = r["actions_rss"]
        rows.append(
            f"{bot:<9} startup {r['startup_s']:.1f} s; rasa RSS {r['rasa_rss']['current_mb']:.0f}"
            f" MiB (peak {r['rasa_rss']['peak_mb']:.0f}); action server "
            + (f"{actions['current_mb']:.0f} MiB" if actions else "none")
            + f"; /model/parse alone p50 {(r['parse_alone'] or {}).get('p50_ms')} ms"
        )
    train, base_train = result.get("train_s"), result.get("baseline_train_s")
    rows.append(f"training: ours {_fmt(train, 0)} s, baseline {_fmt(base_train, 0)} s")
    return "\n".join(rows)


def table(result: dict[str, Any]) -> str:
    """A readable per-level table for the log."""
    rows = ["bot       conc  turns  p50    p95    p99    sio_p95  turns/s  errors"]
    for bot in ("baseline", "nurture"):
        for lv in result[bot]["levels"]:
            rows.append(
                f"{bot:<9} {lv['concurrency']:>4}  {lv['all']['turns']:>5}  "
                f"{_fmt(lv['rest']['p50_ms'], 0):>5}  {_fmt(lv['rest']['p95_ms'], 0):>5}  "
                f"{_fmt(lv['rest']['p99_ms'], 0):>5}  {_fmt(lv['socketio']['p95_ms'], 0):>7}  "
                f"{lv['throughput_turns_per_s']:>7.1f}  {lv['errors']:>6}"
            )
    return "\n".join(rows)
