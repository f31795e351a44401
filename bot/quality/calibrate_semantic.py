"""Chooses the semantic crisis detector's thresholds on the project's own sets, and prints why.

Positives: the safety suite's crisis messages and the crisis training examples. Negatives: the
safety suite's hard negatives and every non-crisis training example. The blind set and the
blind holdout are never read here. For each threshold and margin it prints what the detector
alone catches and flags, and what it adds to the pattern net (the union is what parents get,
before the classifier). Then, for the gentle direct question, the share of each set that the
net and detector leave alone and an `ask` threshold would ask about.
`python -m bot.quality.calibrate_semantic`
"""

from __future__ import annotations

import argparse
from itertools import product
from pathlib import Path

import numpy as np
import yaml
from rasa.shared.nlu.training_data.loading import load_data

from bot.names import ASKED_ABOUT
from bot.nlu.crisis_patterns import CRISIS_INTENTS
from bot.nlu.encoder import get_encoder
from bot.nlu.safety_net import SEMANTIC_VETO_KINDS, CrisisDetector
from bot.nlu.semantic_crisis import SemanticCrisisDetector, SemanticSettings, load_settings
from bot.nlu.sentences import pieces

ROOT = Path(__file__).resolve().parents[2]


def own_sets() -> tuple[list[str], list[str], list[str]]:
    """(crisis messages, hard negatives, ordinary training examples)."""
    safety = ROOT / "tests" / "safety"
    crisis = [
        i["text"] for i in yaml.safe_load((safety / "crisis_messages.yml").read_text())["crisis"]
    ]
    hard = [
        i["text"] for i in yaml.safe_load((safety / "hard_negatives.yml").read_text())["negatives"]
    ]
    data = load_data(str(ROOT / "data" / "nlu"))
    ordinary: list[str] = []
    for example in data.intent_examples:
        (crisis if example.get("intent") in CRISIS_INTENTS else ordinary).append(
            example.get("text")
        )
    return crisis, hard, ordinary


def nearest_per_message(
    semantic: SemanticCrisisDetector, detector: CrisisDetector, texts: list[str]
) -> list[list[tuple[str, float, float, bool]]]:
    """For each message, each piece's (intent, similarity, contrast, vetoed)."""
    split = [pieces(t, 48) for t in texts]
    vectors = get_encoder().encode([p for ps in split for p in ps])
    out, start = [], 0
    for ps in split:
        hits = semantic.nearest(vectors[start : start + len(ps)])
        out.append(
            [
                (
                    h.intent,
                    h.similarity,
                    h.contrast,
                    bool(detector.detect(ps[h.piece]).exception_kinds & SEMANTIC_VETO_KINDS),
                )
                for h in hits
            ]
        )
        start += len(ps)
    return out


def fired(
    rows: list[tuple[str, float, float, bool]], offset: float, margin: float, base: dict
) -> bool:
    return any(
        base[intent] is not None
        and sim >= base[intent] + offset
        and sim - con >= margin
        and not vetoed
        for intent, sim, con, vetoed in rows
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offsets", default="-0.06,-0.04,-0.02,0,0.02,0.04,0.06")
    parser.add_argument("--margins", default="0,0.02,0.03,0.05,0.08")
    args = parser.parse_args()
    settings: SemanticSettings = load_settings()
    semantic = SemanticCrisisDetector(get_encoder(), settings, CRISIS_INTENTS)
    detector = CrisisDetector()
    sets = dict(zip(("crisis", "hard", "ordinary"), own_sets(), strict=True))
    net = {k: [bool(detector.detect(t).intent) for t in v] for k, v in sets.items()}
    near = {k: nearest_per_message(semantic, detector, v) for k, v in sets.items()}
    print(f"exemplars: {len(semantic.crisis)} crisis, {len(semantic.contrast)} contrast")
    print(
        "patterns alone: crisis recall "
        f"{np.mean(net['crisis']):.3f}, hard-negative FP {np.mean(net['hard']):.3f}, "
        f"ordinary FP {np.mean(net['ordinary']):.4f}"
    )
    print(
        f"{'offset':>6} {'margin':>6} | sem recall  sem FP hard  sem FP ord | "
        "union recall  union FP hard  union FP ord"
    )
    for offset, margin in product(
        [float(x) for x in args.offsets.split(",")], [float(x) for x in args.margins.split(",")]
    ):
        sem = {
            k: [fired(r, offset, margin, settings.thresholds) for r in v] for k, v in near.items()
        }
        union = {k: [a or b for a, b in zip(net[k], sem[k], strict=True)] for k in sets}
        print(
            f"{offset:6.2f} {margin:6.2f} | {np.mean(sem['crisis']):10.3f} "
            f"{np.mean(sem['hard']):12.3f} {np.mean(sem['ordinary']):11.4f} | "
            f"{np.mean(union['crisis']):12.3f} {np.mean(union['hard']):14.3f} "
            f"{np.mean(union['ordinary']):13.4f}"
        )
    print_ask_table(near, net, settings)
    return 0


def asked(
    rows: list[tuple[str, float, float, bool]], ask: float, settings: SemanticSettings
) -> bool:
    """Not escalated by meaning, but near enough to suicidal thoughts to ask."""
    if fired(rows, 0.0, settings.margin, settings.thresholds):
        return False
    return any(
        intent == ASKED_ABOUT and sim >= ask and sim - con >= settings.margin and not vetoed
        for intent, sim, con, vetoed in rows
    )


def print_ask_table(near: dict, net: dict, settings: SemanticSettings) -> None:
    print(f"\n{'ask':>5} | asked: crisis missed so far  hard negatives  ordinary")
    for ask in (0.44, 0.46, 0.48, 0.50, 0.52, 0.54, 0.56, 0.58):
        share = {
            k: np.mean([asked(r, ask, settings) and not n for r, n in zip(v, net[k], strict=True)])
            for k, v in near.items()
        }
        print(
            f"{ask:5.2f} | {share['crisis']:25.3f} {share['hard']:15.3f} "
            f"{share['ordinary']:9.4f}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
