"""Redaction on personal data nobody on the project wrote (tests/privacy/blind_pii_*.yml).

The four files were written by helpers who never saw the redactor, its rules or the other
corpora. Never tune on them: they measure how the redactor holds on strangers' words. The floors
are the figures measured when they were added (docs/privacy.md), so a change that loses ground
fails; the targets (95% of every kind, 100% of cards, bank details and national ids, at most 2%
of clean messages changed) are not all met yet, and the floors do not pretend they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.quality.redaction_report import Report, score

FILES = sorted(Path(__file__).parent.glob("blind_pii_*.yml"))
FLOORS = {"CARD": 1.0, "BANK": 1.0, "EMAIL": 1.0, "NATIONAL_ID": 0.95, "POSTCODE": 0.95,
          "PHONE": 0.97, "DOB": 0.97, "ADDRESS": 0.92, "NAME": 0.91}
MAX_CLEAN_ALTERED = 0.05


@pytest.fixture(scope="module")
def report() -> Report:
    return score(FILES)


def test_the_blind_corpus_is_there_and_big_enough(report: Report) -> None:
    assert len(FILES) == 4
    assert sum(report.totals.values()) >= 900 and report.clean_total >= 100


def test_each_kind_of_personal_data_stays_out_of_storage(
    report: Report, capsys: pytest.CaptureFixture[str]
) -> None:
    with capsys.disabled():
        print("\nblind PII corpus, kept out of storage:\n" + "\n".join(report.lines()))
    low = {kind: f"{report.rate(kind):.3f}" for kind, floor in FLOORS.items()
           if report.rate(kind) < floor}
    assert not low, f"below the floor: {low}"


def test_clean_messages_are_left_alone(report: Report) -> None:
    assert len(report.altered) / report.clean_total <= MAX_CLEAN_ALTERED
