"""An operator's own helpline numbers (BOT_RESOURCES_PATH) are never redacted as personal data."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.privacy.public import is_public_number
from bot.privacy.redactor import default_redactor, redact

OPERATOR_LINE = "0161 496 0738"  # an Ofcom drama number, standing in for a local service


def test_numbers_in_the_operators_directory_stay_in_stored_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"the family hub said to ring {OPERATOR_LINE} on weekdays"
    assert OPERATOR_LINE not in default_redactor().redact(text), "a private number is redacted"
    directory = tmp_path / "directory.yml"
    directory.write_text(
        f'resources:\n  - id: local-hub\n    contact:\n      phone: "{OPERATOR_LINE}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("BOT_RESOURCES_PATH", str(directory))
    assert is_public_number(OPERATOR_LINE)
    assert OPERATOR_LINE in default_redactor().redact(text)


def test_a_number_said_to_be_a_model_or_invoice_is_no_phone_but_one_in_case_is() -> None:
    assert redact("the cot is an ikea sniglar, model 702.485.35") == (
        "the cot is an ikea sniglar, model 702.485.35")
    assert redact("invoice 2024-0193 for the classes") == "invoice 2024-0193 for the classes"
    assert redact("ring me just in case 07700 900123") == "ring me just in case [PHONE]"
