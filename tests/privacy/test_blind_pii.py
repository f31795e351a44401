"""Redaction on personal data nobody on the project wrote (tests/privacy/blind_pii_*.yml).

The five files were written by helpers who never saw the redactor, its rules or the other
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
# Over all five files (2026-12-06, with blind_pii_e.yml scored before that day's changes):
# names 92.3% (838/908), addresses 93.9%, postcodes 95.9%, national ids 98.6%, phones 98.8%,
# dates of birth 99.0%, clean changed 6/195 (3.1%). Later that day, after work on round eight
# of the development corpora (never these files): names 93.2% (846/908), the rest unchanged.
# After rounds ten to twelve: names 93.7% (851/908), postcodes 98.5% (191/194), clean changed
# 5/195 (2.6%). After rounds thirteen and fourteen: clean changed 4/195 (2.1%), the rest
# unchanged. A sixth file (blind_pii_f.yml, 2026-12-07, by a new helper; the same figures on the
# code before and after that day's changes): names 97.0% (131/135), national ids 95.0% (19/20),
# every other kind 100%, clean changed 3/100. Over all six: names 94.2% (982/1043), addresses
# 95.0%, postcodes 98.8%, national ids 97.9% (92/94), clean changed 7/295 (2.4%). After
# development rounds fifteen to eighteen: names 94.7% (988/1043), the rest unchanged. After round
# nineteen and due dates left alone (2026-12-07): names 94.8% (989/1043), clean changed 5/295
# (1.7%), the rest unchanged: the clean ceiling is now the 2%. After round twenty-one
# (fourth stop): names 94.9% (990/1043), national ids 98.9% (93/94), the rest unchanged. After
# rounds 22 and 23 (fifth stop): names 95.0% (991/1043). After round 24, ids of every country
# (sixth stop): national ids 100% (94/94), the rest unchanged.
FLOORS = {"CARD": 1.0, "BANK": 1.0, "EMAIL": 1.0, "NATIONAL_ID": 1.0, "POSTCODE": 0.98,
          "PHONE": 0.99, "DOB": 0.98, "ADDRESS": 0.95, "NAME": 0.95}
MAX_CLEAN_ALTERED = 0.02


@pytest.fixture(scope="module")
def report() -> Report:
    return score(FILES)


def test_the_blind_corpus_is_there_and_big_enough(report: Report) -> None:
    assert len(FILES) == 6
    assert sum(report.totals.values()) >= 1600 and report.clean_total >= 290


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
