"""Load benchmark: Nurture against a plain `rasa init` bot, on this machine, in one run.

`python -m benchmarks.bench_load` (or `make bench-load`):
1. times a full `rasa train` of this project into a temp dir (`--skip-train` reuses
   models/nurture.tar.gz and reports train_s=nan);
2. creates the baseline with `rasa init --no-prompt` in a temp dir and retrains it seeded;
3. starts both (`rasa run --enable-api`, plus our action server) on free 127.0.0.1 ports and
   times their start-up;
4. at each concurrency level, runs scripted conversations (benchmarks/conversations.yml) over
   REST and socket.io against the baseline, then against Nurture;
5. writes results/bench/bench.json and bench_p95.png and prints one key=value line last.

Everything is bounded: per-turn timeouts, a time budget per level and a watchdog that stops
every server and exits after `--max-minutes`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml

from benchmarks import report, servers, training
from benchmarks.load import run_level
from benchmarks.memory import rss
from benchmarks.parse import parse_latency
from benchmarks.scripts import load_scripts
from benchmarks.stats import summarise

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "nurture.tar.gz"
WARMUP_CONVERSATIONS = 4


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,5,10,20", help="concurrency levels, e.g. 1,5,10,20")
    parser.add_argument("--conversations", type=int, default=3,
                        help="conversations per level = this × concurrency (at least 6)")
    parser.add_argument("--level-budget-s", type=float, default=75,
                        help="time budget per bot and level")
    parser.add_argument("--skip-train", action="store_true",
                        help="don't time a full training; use models/nurture.tar.gz")
    parser.add_argument("--baseline-dir", type=Path,
                        help="reuse a baseline project made by an earlier run (has models/)")
    parser.add_argument("--tracker-store", choices=("project", "memory"), default="project",
                        help="project: endpoints.yml's tracker store (SQLite in the temp dir "
                        "unless BOT_DB_URL is set); memory: Rasa's in-memory store")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "bench")
    parser.add_argument("--max-minutes", type=float, default=24)
    return parser.parse_args(argv)


def start_watchdog(minutes: float) -> None:
    """Stop every server and exit if the run overruns, whatever it is doing."""

    def expire() -> None:
        print(f"bench: over {minutes:.0f} minutes, stopping", file=sys.stderr, flush=True)
        servers.stop_all()
        os._exit(3)

    timer = threading.Timer(minutes * 60, expire)
    timer.daemon = True
    timer.start()


def nurture_endpoints(work: Path, action_url: str, tracker_store: str) -> Path:
    """Our endpoints.yml with the action server's free port (and maybe no tracker store)."""
    data = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8")) or {}
    data["action_endpoint"] = {"url": action_url}
    if tracker_store == "memory":
        data.pop("tracker_store", None)
    path = work / "endpoints.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def nurture_env(work: Path) -> dict[str, str]:
    """Stores for the run: never the project's own database, a throwaway pseudonym key."""
    env = {"BOT_DB_URL": os.environ.get("BOT_DB_URL") or f"sqlite:///{work / 'bench.db'}"}
    env["BOT_PSEUDONYM_KEY"] = os.environ.get("BOT_PSEUDONYM_KEY") or secrets.token_hex(16)
    return env


def start_bots(args: argparse.Namespace, work: Path, model: Path, baseline_dir: Path,
               baseline_model: Path, token: str) -> dict[str, dict[str, Any]]:
    """Start the baseline, then Nurture (actions + Rasa together, as `make run` does)."""
    logs = work / "logs"
    base = servers.rasa_server("baseline", baseline_dir, baseline_model, token,
                               logs / "baseline.log", endpoints=baseline_dir / "endpoints.yml",
                               credentials=baseline_dir / "credentials.yml")
    servers.wait_ready(base)
    print(f"bench: baseline up in {base.startup_s:.1f} s", flush=True)

    actions = servers.action_server("actions", ROOT, logs / "actions.log")
    endpoints = nurture_endpoints(work, f"{actions.base_url}/webhook", args.tracker_store)
    ours = servers.rasa_server("nurture", ROOT, model, token, logs / "nurture.log",
                               endpoints=endpoints, credentials=ROOT / "credentials.yml",
                               env=nurture_env(work))
    servers.wait_ready(actions)
    servers.wait_ready(ours)
    startup = max(ours.startup_s or 0, actions.startup_s or 0)
    print(f"bench: nurture up in {startup:.1f} s (actions {actions.startup_s:.1f} s)", flush=True)
    return {
        "baseline": {"rasa": base, "actions": None, "startup_s": base.startup_s},
        "nurture": {"rasa": ours, "actions": actions, "startup_s": startup},
    }


async def measure(args: argparse.Namespace, bots: dict[str, dict[str, Any]],
                  token: str) -> dict[str, list]:
    """Warm both bots up, time NLU alone, then run each level for the baseline, then Nurture."""
    scripts = {"baseline": load_scripts("baseline"), "nurture": load_scripts("nurture")}
    for name, bot in bots.items():
        await run_level(bot["rasa"].base_url, name, scripts[name], 2, WARMUP_CONVERSATIONS, 60,
                        seed=7)
        bot["parse"] = await parse_latency(bot["rasa"].base_url, token, scripts[name])
        print(f"bench: {name} /model/parse alone p50={bot['parse']['p50_ms']} ms", flush=True)
    levels: dict[str, list] = {"baseline": [], "nurture": []}
    for concurrency in [int(c) for c in args.levels.split(",")]:
        count = max(6, args.conversations * concurrency)
        for name, bot in bots.items():
            run = await run_level(bot["rasa"].base_url, name, scripts[name], concurrency, count,
                                  args.level_budget_s)
            levels[name].append(summarise(run))
            lv = levels[name][-1]
            print(f"bench: {name:<8} c={concurrency:<3} turns={lv['all']['turns']:<4} "
                  f"p95={lv['rest']['p95_ms']} ms tput={lv['throughput_turns_per_s']}/s "
                  f"errors={lv['errors']}", flush=True)
    return levels


def bot_result(bot: dict[str, Any], levels: list[dict[str, Any]]) -> dict[str, Any]:
    actions = bot["actions"]
    return {
        "startup_s": round(bot["startup_s"], 1),
        "parse_alone": bot.get("parse"),
        "rasa_rss": vars(rss(bot["rasa"].proc.pid)),
        "actions_rss": vars(rss(actions.proc.pid)) if actions else None,
        "errors": sum(lv["errors"] for lv in levels),
        "levels": levels,
    }


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    train_s = None
    model = MODEL
    if args.skip_train and not MODEL.exists():
        raise SystemExit(f"--skip-train needs {MODEL}: run `make train` first")
    if not args.skip_train:
        print("bench: timing a full `rasa train` of the project...", flush=True)
        model, train_s = training.train_project(ROOT, work / "train")
        print(f"bench: trained in {train_s:.0f} s", flush=True)
    if args.baseline_dir:
        baseline_dir = args.baseline_dir.resolve()
        baseline_model, baseline_train_s = baseline_dir / "models" / "baseline.tar.gz", None
    else:
        print("bench: creating the `rasa init` baseline...", flush=True)
        baseline_dir, baseline_model, baseline_train_s = training.create_baseline(work)
    token = secrets.token_urlsafe(16)
    bots = start_bots(args, work, model, baseline_dir, baseline_model, token)
    try:
        levels = asyncio.run(measure(args, bots, token))
        result = {name: bot_result(bots[name], levels[name]) for name in bots}
    finally:
        servers.stop_all()
    return {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "load_avg_at_end": os.getloadavg()},
        "train_s": None if train_s is None else round(train_s, 1),
        "baseline_train_s": None if baseline_train_s is None else round(baseline_train_s, 1),
        "tracker_store": args.tracker_store,
        "levels": args.levels,
        **result,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    start_watchdog(args.max_minutes)
    load_at_start = os.getloadavg()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="nurture-bench-") as tmp:
        try:
            result = run(args, Path(tmp))
        except Exception:
            servers.stop_all()
            raise
    result["bench_s"] = round(time.perf_counter() - started, 1)
    result["machine"]["load_avg_at_start"] = load_at_start
    result.update({f"headline_{k}": v for k, v in report.ratios(result).items()})
    report.write_json(result, args.out / "bench.json")
    report.write_chart(result, args.out / "bench_p95.png")
    print(report.table(result))
    print(report.resources(result))
    print(f"bench: wrote {args.out / 'bench.json'} and {args.out / 'bench_p95.png'}")
    print(report.summary_line(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
