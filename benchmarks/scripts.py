"""Conversation scripts for the load benchmark, read from benchmarks/conversations.yml.

Scripts live in a data file so they can grow with the assistant without touching the runner.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SCRIPTS_FILE = Path(__file__).with_name("conversations.yml")


@dataclass(frozen=True)
class Script:
    """One conversation: turns (each a list of alternatives) and optional message metadata."""

    name: str
    turns: tuple[tuple[str, ...], ...]
    metadata: dict[str, Any] = field(default_factory=dict)

    def messages(self, rng: random.Random) -> list[str]:
        """The messages one parent sends: one alternative picked per turn."""
        return [rng.choice(options) for options in self.turns]


def _script(raw: dict[str, Any]) -> Script:
    turns = tuple(
        tuple(str(t) for t in turn) if isinstance(turn, list) else (str(turn),)
        for turn in raw["turns"]
    )
    if not turns or any(not options for options in turns):
        raise ValueError(f"script {raw.get('name')!r} has an empty turn")
    return Script(name=str(raw["name"]), turns=turns, metadata=dict(raw.get("metadata") or {}))


def load_scripts(bot: str, path: Path = SCRIPTS_FILE) -> list[Script]:
    """The scripts for `bot` ("nurture" or "baseline")."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    scripts = [_script(raw) for raw in data.get(bot) or []]
    if not scripts:
        raise ValueError(f"no {bot!r} scripts in {path}")
    return scripts
