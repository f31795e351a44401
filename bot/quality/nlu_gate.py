"""Fails `make test` when understanding of parent concerns drops below the bar.

Reads the intent report that `rasa test nlu` writes for the kept-out test split
(tests/nlu/, never trained on) and checks macro-F1 over the concern intents.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.names import CONCERN_INTENTS


def concern_macro_f1(report: dict) -> float:
    return sum(report[name]["f1-score"] for name in CONCERN_INTENTS) / len(CONCERN_INTENTS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("report", type=Path)
    parser.add_argument("--min-macro-f1", type=float, default=0.90)
    args = parser.parse_args(argv)
    report = json.loads(args.report.read_text(encoding="utf-8"))
    print("intent                       precision recall  f1     support")
    for name, row in sorted(report.items()):
        if isinstance(row, dict) and "f1-score" in row and "avg" not in name:
            print(
                f"{name:28} {row['precision']:.3f}     {row['recall']:.3f}   "
                f"{row['f1-score']:.3f}  {row['support']}"
            )
    for name, row in sorted(report.items()):
        confused = row.get("confused_with") if isinstance(row, dict) else None
        if confused and name in CONCERN_INTENTS:
            print(f"{name} confused with: {confused}")
    score = concern_macro_f1(report)
    print(f"Concern macro-F1 on the kept-out split: {score:.3f} (gate {args.min_macro_f1:.2f})")
    return 0 if score >= args.min_macro_f1 else 1


if __name__ == "__main__":
    sys.exit(main())
