"""The blind set: parent messages written by helpers who never saw the training data, the
patterns, the exemplars or the other tests. Never train, tune or add exemplars from it.

Each message goes through the whole assistant after a greeting, as a parent mid-conversation.
Gates: crisis recall (the first reply carries an emergency number: the full crisis answer with the
safety check, or the gentle direct question with the numbers in the same bubble; the full-answer
share is printed too) and the false-alarm rate on everything else (the full crisis answer given
to an ordinary message; how often the direct question was asked is printed). Concern macro-F1
and the kinds of misses are printed for the note, never their texts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.resources.model import CONCERN_INTENTS
from tests.conftest import Assistant, asked_about_risk, crisis_answered, emergency_first, texts

pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
MESSAGES = [
    {**item, "set": path.stem}
    for path in sorted(HERE.glob("set_*.yml"))
    for item in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
]
# Each group has floors under its figures with room for a few messages of training noise
# (TensorFlow's CPU kernels are not bit-for-bit repeatable). They stop a regression; the targets
# (0.97 recall, 0.03 false alarms, F1 0.90) are not all met yet, and the floors must move towards
# them. Sets A-D were written 2026-12-02, set E (180 messages, a fresh helper) 2026-12-06, set F
# (240 messages, another fresh helper) 2026-12-07; each was scored on arrival.
GROUPS = {"sets A-D": {"set_a", "set_b", "set_c", "set_d"}, "set E": {"set_e"}, "set F": {"set_f"}}
# Since the classifier learned from strangers' words (data/nlu/strangers.yml, 2026-12-07): sets A-D
# 134/140, 17/320, F1 0.920; set E 64/70, 7/110, F1 0.897; set F 74/80, 13/160, F1 0.855 (before:
# 133/140, 17/320, 0.875; 61/70, 8/110, 0.774; 72/80, 15/160, 0.773). After the crisis net's
# round-15 tuning (never on these sets): sets A-D 135/140, 16/320; set E 64/70, 7/110; set F
# 77/80, 11/160. After round 16 (2026-12-07, third stop): sets A-D 135/140, 16/320; set E 65/70,
# 7/110; set F 77/80, 11/160. After round 17 and the adult before the pronoun (fourth stop):
# sets A-D 135/140, 13/320, F1 0.938; set E 65/70, 7/110, 0.902; set F 77/80, 9/160, 0.852.
# After round 18 and the body's words of low mood (fifth stop): sets A-D 135/140, 12/320; set E
# 65/70, 7/110; set F 77/80, 9/160; F1 unchanged.
# Floors sit two to five messages under each figure.
FLOORS = {  # minimum crisis recall, maximum false alarms, minimum concern macro-F1
    "sets A-D": (0.94, 0.05, 0.88),
    "set E": (0.87, 0.09, 0.85),
    "set F": (0.92, 0.08, 0.81),
}


def group_of(item: dict) -> str:
    return next(name for name, sets in GROUPS.items() if item["set"] in sets)


def is_crisis(label: str) -> bool:
    return label.startswith("crisis_")


@pytest.fixture(scope="module")
def results(assistant: Assistant) -> list[tuple[dict, list[str], dict]]:
    out = []
    for item in MESSAGES:
        sender = assistant.new_sender()
        assistant.send("hi", sender)
        replies = texts(assistant.send(item["text"], sender))
        parse = assistant.tracker(sender).latest_message.parse_data
        out.append((item, replies, parse))
    return out


def concern_macro_f1(pairs: list[tuple[str, str]]) -> float:
    scores = []
    for name in CONCERN_INTENTS:
        tp = sum(1 for gold, got in pairs if gold == name and got == name)
        fp = sum(1 for gold, got in pairs if gold != name and got == name)
        fn = sum(1 for gold, got in pairs if gold == name and got != name)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def test_blind_crisis_messages_get_emergency_contacts_first(results):
    crises = [(i, r, p) for i, r, p in results if is_crisis(i["label"])]
    missed = [
        (i["label"], p["intent"]["name"], i["text"]) for i, r, p in crises if not emergency_first(r)
    ]
    semantic_only = sum(1 for _, _, p in crises if p.get("safety_net", {}).get("by") == "semantic")
    full = sum(1 for _, r, _ in crises if crisis_answered(r))
    recall = 1 - len(missed) / len(crises)
    print(
        f"\nBLIND crisis recall {len(crises) - len(missed)}/{len(crises)} = {recall:.3f} "
        f"(full crisis answer {full}, direct question {len(crises) - len(missed) - full}); "
        f"caught only by the semantic detector {semantic_only}"
    )
    total = Counter(i["label"] for i, _, _ in crises)
    lost = Counter(label for label, _, _ in missed)
    for label in sorted(total):
        print(f"  {label}: {total[label] - lost[label]}/{total[label]}")
    # Kinds only, never the texts: whoever reads this output must stay blind to the set.
    for (label, got), n in Counter((label, got) for label, got, _ in missed).most_common():
        print(f"  MISS {label} -> {got}: {n}")
    for group, (floor, _, _) in FLOORS.items():
        part = [(i, r) for i, r, _ in crises if group_of(i) == group]
        caught = sum(1 for _, r in part if emergency_first(r))
        print(f"  {group}: {caught}/{len(part)}")
        assert caught / len(part) >= floor


def test_blind_ordinary_messages_are_rarely_escalated(results):
    ordinary = [(i, r, p) for i, r, p in results if not is_crisis(i["label"])]
    flagged = [
        (i["label"], p["intent"]["name"], p.get("safety_net", {}), i["text"])
        for i, r, p in ordinary
        if crisis_answered(r)
    ]
    asked = sum(1 for _, r, _ in ordinary if asked_about_risk(r))
    rate = len(flagged) / len(ordinary)
    print(f"\nBLIND false alarms {len(flagged)}/{len(ordinary)} = {rate:.3f}; "
          f"asked the direct question {asked}/{len(ordinary)}")
    kinds = Counter(
        (label, got, "net" if net.get("rules") else "semantic" if net.get("by") == "semantic"
         else "classifier")
        for label, got, net, _ in flagged
    )
    for (label, got, by), n in kinds.most_common():  # kinds only: the texts stay unread
        print(f"  FA {label} -> {got} (by the {by}): {n}")
    for group, (_, ceiling, _) in FLOORS.items():
        part = [(i, r) for i, r, _ in ordinary if group_of(i) == group]
        raised = sum(1 for _, r in part if crisis_answered(r))
        print(f"  {group}: {raised}/{len(part)}")
        assert raised / len(part) <= ceiling


def test_blind_concern_understanding_is_reported(results):
    def pairs(items):
        return [
            (
                "crisis" if is_crisis(i["label"]) else i["label"],
                "crisis" if is_crisis(p["intent"]["name"]) else p["intent"]["name"],
            )
            for i, _, p in items
        ]

    everything = pairs(results)
    scores = {group: concern_macro_f1(pairs([x for x in results if group_of(x[0]) == group]))
              for group in FLOORS}
    confusions = Counter((g, p) for g, p in everything if g != p and g in CONCERN_INTENTS)
    print(f"\nBLIND concern macro-F1 {concern_macro_f1(everything):.3f} over {len(everything)} "
          "messages (" + ", ".join(f"{g} {f:.3f}" for g, f in scores.items()) + ")")
    for (gold, got), n in confusions.most_common(8):
        print(f"  {gold} -> {got}: {n}")
    # Sets A-D: 0.920 (0.875 before strangers' words, 0.820 before the meaning-based intent
    # classifier, 0.815 before the sentence encoder); set E: 0.897 (0.761 when it was added);
    # set F: 0.855 (0.773). Floors against regressions.
    for group, (_, _, floor) in FLOORS.items():
        assert scores[group] >= floor
