"""Reads a parent's free-text answers ("we're in Cardiff", "she's 4 months", "I'm her dad").

Word lists live in profile_terms.yml so staff can extend them without touching code.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.names import DEFAULT_REGION, UK_WIDE, USER_REGIONS, uk_nation

TERMS_PATH = Path(__file__).with_name("profile_terms.yml")
DECLINED = "unknown"

_AGE = re.compile(
    r"\b(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s*(?:-|\s)?\s*(day|week|wk|month|mth|mo|year|yr)s?\b"
)
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


@lru_cache(maxsize=1)
def _terms() -> dict:
    return yaml.safe_load(TERMS_PATH.read_text(encoding="utf-8"))


def _clean(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9./\- ]+", " ", text.lower().replace("'", "")) + " "


def _find(text: str, table: dict[str, list[str]]) -> str | None:
    """The key whose longest matching phrase is longest (so 'new york' beats 'york')."""
    cleaned = _clean(text)
    best: tuple[int, str] | None = None
    for key, phrases in table.items():
        for phrase in phrases:
            if f" {phrase} " in cleaned and (best is None or len(phrase) > best[0]):
                best = (len(phrase), key)
    return best[1] if best else None


def declined(text: str) -> bool:
    cleaned = _clean(text)
    return any(f" {phrase.replace(chr(39), '')} " in cleaned for phrase in _terms()["decline"])


def default_region() -> str:
    """The deployment's region (BOT_REGION), falling back to England."""
    region = os.environ.get("BOT_REGION", DEFAULT_REGION).strip().lower()
    return region if region in USER_REGIONS else DEFAULT_REGION


def parse_region(text: str) -> str | None:
    region = _find(text, _terms()["regions"])
    if region == UK_WIDE:
        deployment = default_region()
        return deployment if uk_nation(deployment) else DEFAULT_REGION
    return region


def parse_stage(text: str) -> str | None:
    match = _AGE.search(text.lower())
    if match:
        amount = match.group(1)
        value = float(_NUMBERS.get(amount, 0) or amount)
        unit = match.group(2)
        pregnant = "pregnan" in text.lower()
        if pregnant and unit in ("week", "wk"):
            return "pregnancy"
        months = {
            "day": value / 30,
            "week": value / 4.3,
            "wk": value / 4.3,
            "year": value * 12,
            "yr": value * 12,
        }.get(unit, value)
        return "0-12m" if months < 12 else "1-3y"
    return _find(text, _terms()["stages"])


def parse_audience(text: str) -> str | None:
    return _find(text, _terms()["audiences"])


def valid_region(value: object) -> str | None:
    """A region from metadata or a slot, if it is one we serve."""
    if isinstance(value, str) and value.strip().lower() in USER_REGIONS:
        return value.strip().lower()
    return None
