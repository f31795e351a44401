"""Redaction on the helper-written development corpora (tests/privacy/dev_*.yml).

Two helpers who never saw the redactor wrote them: 220 messages full of personal data of every
kind and origin with 250 clean ones (dev_pii_corpus.yml), and 250 clean messages written to
trip a redactor up: helplines, places, brands, TV characters, words that are also names
(dev_clean_hard.yml). Unlike the blind corpus they *were* tuned on, so their figures are an
upper bound. The first holds the issue's targets (95% of each kind, every card, bank and
national id, at most 2% of clean messages changed); the hard set is held at its measured 7.2%.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.quality.redaction_report import Report, score

CORPUS = Path(__file__).with_name("dev_pii_corpus.yml")
HARD_CLEAN = Path(__file__).with_name("dev_clean_hard.yml")
MAX_HARD_ALTERED = 0.08
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


def test_hard_clean_messages_mostly_stay_as_written() -> None:
    hard = score([HARD_CLEAN])
    assert hard.clean_total == 250
    altered = "\n".join(f"{a!r} -> {b!r}" for a, b in hard.altered)
    assert len(hard.altered) / hard.clean_total <= MAX_HARD_ALTERED, altered
