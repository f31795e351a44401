"""Redaction on the helper-written development corpora (tests/privacy/dev_*.yml).

Two helpers who never saw the redactor wrote them: 220 messages full of personal data of every
kind and origin with 250 clean ones (dev_pii_corpus.yml), and 250 clean messages written to
trip a redactor up: helplines, places, brands, TV characters, words that are also names
(dev_clean_hard.yml). A third wrote a second round (dev_pii_round2.yml: 260 messages heavy on
addresses without house numbers, bare ZIP codes and names of every origin, with 200 clean ones
full of brands, characters and hospitals). Unlike the blind corpus they *were* tuned on, so their
figures are an upper bound. The first holds the issue's targets (95% of each kind, every card,
bank and national id, at most 2% of clean messages changed); the hard set is held at 2%, and the
second round at its measured figures (names 0.942, the rest 0.95). A fourth wrote a names round
(dev_names_round3.yml: 180 messages, many with no word before the name, and 120 clean ones), held
at its measured 0.848. A fifth wrote a numbers round (dev_pii_round4.yml: cards, bank details,
national ids, US addresses and ZIP codes, phones; 80 clean messages full of numbers): every kind
at 0.93 or more, clean changes at most 4% (3/80: two appointment dates, which go as every
complete date does, and a parcel's tracking number).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.quality.redaction_report import Report, score

CORPUS = Path(__file__).with_name("dev_pii_corpus.yml")
HARD_CLEAN = Path(__file__).with_name("dev_clean_hard.yml")
ROUND_TWO = Path(__file__).with_name("dev_pii_round2.yml")
MAX_HARD_ALTERED = 0.02
ROUND_TWO_NAME_FLOOR = 0.94
NAMES_ROUND = Path(__file__).with_name("dev_names_round3.yml")
NAMES_ROUND_FLOOR = 0.84
NUMBERS_ROUND = Path(__file__).with_name("dev_pii_round4.yml")
NUMBERS_ROUND_FLOOR = 0.93
NUMBERS_ROUND_MAX_ALTERED = 0.04
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


def test_the_second_round_holds_its_figures() -> None:
    second = score([ROUND_TWO])
    floors = {kind: ROUND_TWO_NAME_FLOOR if kind == "NAME" else MIN_RATE for kind in second.totals}
    low = {kind: round(second.rate(kind), 3) for kind, floor in floors.items()
           if second.rate(kind) < floor}
    assert not low, f"below the floor: {low}\n" + "\n".join(second.missed)
    altered = "\n".join(f"{a!r} -> {b!r}" for a, b in second.altered)
    assert len(second.altered) / second.clean_total <= MAX_CLEAN_ALTERED, altered


def test_the_names_round_holds_its_figure() -> None:
    names = score([NAMES_ROUND])
    assert names.rate("NAME") >= NAMES_ROUND_FLOOR, "\n".join(names.missed)
    altered = "\n".join(f"{a!r} -> {b!r}" for a, b in names.altered)
    assert len(names.altered) / names.clean_total <= MAX_CLEAN_ALTERED, altered


def test_the_numbers_round_holds_its_figures() -> None:
    numbers = score([NUMBERS_ROUND])
    low = {kind: round(numbers.rate(kind), 3) for kind in numbers.totals
           if numbers.rate(kind) < NUMBERS_ROUND_FLOOR}
    assert not low, f"below the floor: {low}\n" + "\n".join(numbers.missed)
    altered = "\n".join(f"{a!r} -> {b!r}" for a, b in numbers.altered)
    assert len(numbers.altered) / numbers.clean_total <= NUMBERS_ROUND_MAX_ALTERED, altered
