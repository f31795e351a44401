"""Redaction on the helper-written development corpus (tests/privacy/dev_pii_corpus.yml).

A helper who never saw the redactor wrote it (220 messages full of personal data of every kind
and origin, 250 hard clean ones); unlike the blind corpus it *was* tuned on, so its figures are
an upper bound. It holds the issue's targets: 95% of each kind, every card, bank and national
id, at most 2% of clean messages changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.quality.redaction_report import Report, score

CORPUS = Path(__file__).with_name("dev_pii_corpus.yml")
ALL_OF = ("CARD", "BANK", "NATIONAL_ID")
MIN_RATE = 0.95
MAX_CLEAN_ALTERED = 0.02


@pytest.fixture(scope="module")
def report() -> Report:
    return score([CORPUS])


def test_every_kind_reaches_the_target(report: Report) -> None:
    low = {kind: round(report.rate(kind), 3) for kind in report.totals
           if report.rate(kind) < (1.0 if kind in ALL_OF else MIN_RATE)}
    assert not low, f"below target: {low}\n" + "\n".join(report.missed)


def test_clean_messages_stay_as_written(report: Report) -> None:
    assert report.clean_total >= 250
    altered = "\n".join(f"{a!r} -> {b!r}" for a, b in report.altered)
    assert len(report.altered) / report.clean_total <= MAX_CLEAN_ALTERED, altered
