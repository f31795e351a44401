"""Timed `rasa train` runs: our project (into a temp dir) and the plain `rasa init` baseline.

Training writes only under the temp dir: `--out` for the model and RASA_CACHE_DIRECTORY for
Rasa's training cache, so every run is a full, cold training and models/ is never touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import yaml

from benchmarks.servers import SERVER_ENV

TRAIN_TIMEOUT_S = 20 * 60  # ours takes ~10 min cold on 2 cores since strangers.yml
SEED = 42
SEEDED = {"DIETClassifier", "ResponseSelector", "TEDPolicy", "UnexpecTEDIntentPolicy"}


def _rasa(args: list[str], cwd: Path, cache: Path, log: Path, timeout_s: float) -> float:
    """Run `python -m rasa ARGS`; seconds taken, or raise with the log tail."""
    env = {**SERVER_ENV, "RASA_CACHE_DIRECTORY": str(cache)}
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with log.open("wb") as out:
        result = subprocess.run(
            [sys.executable, "-m", "rasa", *args],
            cwd=cwd,
            env={**os.environ, **env},
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=timeout_s,
            check=False,
        )
    if result.returncode != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-20:])
        raise RuntimeError(f"rasa {' '.join(args[:2])} failed ({result.returncode}):\n{tail}")
    return time.perf_counter() - started


def train_project(project: Path, work: Path) -> tuple[Path, float]:
    """A full training of our project into `work`; the model and the seconds it took."""
    out = work / "models"
    seconds = _rasa(
        ["train", "--out", str(out), "--fixed-model-name", "nurture", "--quiet"],
        project, work / "cache", work / "train.log", TRAIN_TIMEOUT_S,
    )
    return out / "nurture.tar.gz", seconds


def _seed_config(config: Path) -> None:
    """Spell out Rasa's default pipeline (as `rasa init` suggests it) with seeds added.

    `rasa init` leaves the pipeline empty, so Rasa picks its defaults and does not seed them;
    after the first training it writes those defaults into config.yml as comments.
    """
    lines = config.read_text(encoding="utf-8").splitlines()
    uncommented = [line[2:] if line.startswith("#   ") else line for line in lines]
    data = yaml.safe_load("\n".join(uncommented)) or {}
    if not data.get("pipeline") or not data.get("policies"):
        raise RuntimeError(f"no suggested default config found in {config}")
    for step in [*data["pipeline"], *data["policies"]]:
        if step.get("name") in SEEDED:
            step["random_seed"] = SEED
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def create_baseline(work: Path) -> tuple[Path, Path, float]:
    """`rasa init --no-prompt` in `work/baseline`, retrained seeded: (dir, model, seconds)."""
    project = work / "baseline"
    project.mkdir(parents=True, exist_ok=True)
    _rasa(["init", "--no-prompt", "--init-dir", str(project)], work, work / "cache-init",
          work / "baseline-init.log", TRAIN_TIMEOUT_S)
    _seed_config(project / "config.yml")
    seconds = _rasa(
        ["train", "--out", "models", "--fixed-model-name", "baseline", "--quiet"],
        project, work / "cache-baseline", work / "baseline-train.log", TRAIN_TIMEOUT_S,
    )
    _enable_socketio(project / "credentials.yml")
    return project, project / "models" / "baseline.tar.gz", seconds


def _enable_socketio(credentials: Path) -> None:
    """The baseline gets the same two channels as ours (rest and socketio)."""
    data = yaml.safe_load(credentials.read_text(encoding="utf-8")) or {}
    data["socketio"] = {"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered",
                        "session_persistence": True, "metadata_key": "customData"}
    data.pop("rasa", None)
    credentials.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
