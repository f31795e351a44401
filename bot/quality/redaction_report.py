"""How much personal data the redactor keeps out of storage, on a corpus it was not tuned on.

`python -m bot.quality.redaction_report tests/privacy/blind_pii_*.yml`

A value counts as kept out when it no longer appears in the redacted text (the measure the
storage scan uses); a clean message counts as altered when redaction changes it at all.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.privacy.redactor import PLACEHOLDERS, redact

_PLACEHOLDER = re.compile(r"\[(?:" + "|".join(PLACEHOLDERS) + r")\]")


@dataclass
class Report:
    kept_out: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)
    clean_total: int = 0
    altered: list[tuple[str, str]] = field(default_factory=list)

    def rate(self, kind: str) -> float:
        return self.kept_out[kind] / self.totals[kind] if self.totals[kind] else 1.0

    def lines(self) -> list[str]:
        rows = [f"{kind:<12} {self.rate(kind):6.1%} ({self.kept_out[kind]}/{self.totals[kind]})"
                for kind in sorted(self.totals)]
        rows.append(f"{'clean altered':<12} {len(self.altered)}/{self.clean_total}")
        return rows


def load(paths: list[Path]) -> tuple[list[dict], list[str]]:
    pii: list[dict] = []
    clean: list[str] = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        pii += data.get("pii") or []
        clean += data.get("clean") or []
    return pii, clean


def _still_in(value: str, redacted: str) -> bool:
    """Whether a value survived redaction. Placeholders are read past ("M" is no leak in
    "[NAME]"), and a value of one or two letters counts only as a word of its own ("M" in
    "the M6" is not the initial "M")."""
    rest = _PLACEHOLDER.sub(" ", redacted)
    if len(value) <= 2:
        return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", rest) is not None
    return value in rest


def score(paths: list[Path]) -> Report:
    report = Report()
    pii, clean = load(paths)
    for item in pii:
        out = redact(item["text"])
        for kind, values in (item.get("values") or {}).items():
            for value in map(str, values):
                report.totals[kind] += 1
                if _still_in(value, out):
                    report.missed.append(f"{kind} {value!r}: {out}")
                else:
                    report.kept_out[kind] += 1
    report.clean_total = len(clean)
    report.altered = [(text, redact(text)) for text in clean if redact(text) != text]
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    report = score(args.paths)
    print("\n".join(report.lines()))
    if args.show_misses:
        print("\n".join(report.missed))
        print("\n".join(f"ALTERED {a!r} -> {b!r}" for a, b in report.altered))


if __name__ == "__main__":
    main()
