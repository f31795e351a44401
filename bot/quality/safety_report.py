"""Prints crisis recall and false positives on a safety set, without gating.

Used for the blind holdout (tests/safety/holdout_messages.yml), which nothing was tuned on:
its figures estimate how the assistant does on wording nobody here has seen. Detection is read
from the parse (intent after the safety net); the safety suite separately proves every crisis
intent is answered with emergency contacts.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from pathlib import Path

import yaml

from bot.names import CRISIS_INTENTS


async def _report(model: Path, sets: list[Path]) -> None:
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    # INFO, as in production: Rasa logs message text only at DEBUG.
    logging.getLogger("rasa").setLevel(logging.INFO)
    configure_structlog(logging.INFO)
    agent = Agent.load(str(model))
    for path in sets:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        crisis, negatives = data.get("crisis", []), data.get("negatives", [])
        started = time.perf_counter()
        missed, flagged, wrong_type, net_only = [], [], 0, 0
        for item in crisis:
            parse = await agent.parse_message(item["text"])
            name = parse["intent"]["name"]
            net = parse.get("safety_net", {})
            if name not in CRISIS_INTENTS:
                missed.append(item["text"])
            elif name != item["type"]:
                wrong_type += 1
            if net.get("fired") and net.get("classifier_intent") not in CRISIS_INTENTS:
                net_only += 1
        for item in negatives:
            parse = await agent.parse_message(item["text"])
            if parse["intent"]["name"] in CRISIS_INTENTS:
                flagged.append(item["text"])
        elapsed = time.perf_counter() - started
        total = len(crisis) + len(negatives)
        print(f"== {path}")
        if crisis:
            print(
                f"recall {len(crisis) - len(missed)}/{len(crisis)} = "
                f"{1 - len(missed) / len(crisis):.3f}; other crisis type {wrong_type}; "
                f"caught only by the safety net {net_only}"
            )
        if negatives:
            print(
                f"false positives {len(flagged)}/{len(negatives)} = "
                f"{len(flagged) / len(negatives):.3f}"
            )
        for text in missed:
            print(f"  MISSED: {text}")
        for text in flagged:
            print(f"  FALSE POSITIVE: {text}")
        print(f"parse time {1000 * elapsed / max(total, 1):.1f} ms per message")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=Path("models/nurture.tar.gz"))
    parser.add_argument(
        "sets", type=Path, nargs="*", default=[Path("tests/safety/holdout_messages.yml")]
    )
    args = parser.parse_args()
    asyncio.run(_report(args.model, args.sets))


if __name__ == "__main__":
    main()
