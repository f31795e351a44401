"""Personal data that has a shape: e-mail, URL, handle, postcode, address, date of birth, NHS no.

The rules are data (data/patterns.yml) so staff can review them; only checks that need code
(the NHS modulus-11 check digit) live here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import phonenumbers
import yaml

from bot.privacy.spans import Span

PATTERNS_PATH = Path(__file__).with_name("data") / "patterns.yml"
_NHS_CONTEXT = re.compile(r"\b(?:nhs|chi|health\s+number|h\s?&\s?c)\b", re.IGNORECASE)
_FRAGMENT = re.compile(r"<([A-Z]+)>")


def nhs_check_digit_ok(digits: str) -> bool:
    """Modulus 11 over the first nine digits (weights 10..2) must give the tenth."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _is_phone(number: str) -> bool:
    for region in ("GB", "US"):
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(number, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def _nhs_number(text: str, match: re.Match[str]) -> bool:
    """A valid check digit, and either said to be NHS or not also a valid phone number."""
    digits = re.sub(r"\D", "", match.group("pii"))
    if not nhs_check_digit_ok(digits):
        return False
    nearby = text[max(0, match.start() - 40) : match.start()]
    return bool(_NHS_CONTEXT.search(nearby)) or not _is_phone(match.group("pii"))


def luhn_ok(digits: str) -> bool:
    """The payment-card check digit (ISO/IEC 7812)."""
    if not digits.isdigit():
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _card_number(text: str, match: re.Match[str]) -> bool:
    """13 to 19 digits, however they are spaced, that pass the card check digit."""
    digits = re.sub(r"\D", "", match.group("pii"))
    return 13 <= len(digits) <= 19 and luhn_ok(digits)


# "due date is", "edd:", "due on the": what comes next is when a baby is expected, not anyone's
# birth date. Strangers keep due dates in the messages they call clean (none of 206 dates of birth
# in the development corpora was one), and a due date alone identifies nobody.
_DUE_BEFORE = re.compile(
    r"\b(?:due(?:\s+date)?|edd|expected)\s*(?:is|was|=|:|-|on|in|for)?\s*(?:is\s+|was\s+|on\s+)?"
    r"(?:the\s+)?$", re.IGNORECASE)


def _not_a_due_date(text: str, match: re.Match[str]) -> bool:
    return not _DUE_BEFORE.search(text[max(0, match.start() - 30) : match.start()])


_MEASURE = re.compile(r"\d\s*(?:ml|kg|oz|lbs?|mg|mcg|cm|mm|g|l|kcal|cal|hrs?|mins?|wks?)$",
                      re.IGNORECASE)


def id_value_ok(value: str) -> bool:
    """An id holds five digits, or two among letters and is six long; not "250ml" or "2024"."""
    digits = sum(c.isdigit() for c in value)
    letters = sum(c.isalpha() for c in value)
    if letters == 0:
        return digits >= 5
    return digits >= 2 and digits + letters >= 6 and not _MEASURE.search(value)


def _id_value(text: str, match: re.Match[str]) -> bool:
    return id_value_ok(match.group("pii"))


def _not_a_phone(text: str, match: re.Match[str]) -> bool:
    """A long run of digits is an id unless it is a phone number or passes the card check."""
    digits = match.group("pii")
    phone = _is_phone(digits) or _is_phone("+" + digits)
    return not phone and not (13 <= len(digits) <= 19 and luhn_ok(digits))


VALIDATORS: dict[str, Callable[[str, re.Match[str]], bool]] = {
    "id_value": _id_value,
    "not_a_phone": _not_a_phone,
    "nhs_number": _nhs_number,
    "card_number": _card_number,
    "not_a_due_date": _not_a_due_date,
}


@dataclass(frozen=True)
class Rule:
    label: str
    regex: re.Pattern[str]
    validate: Callable[[str, re.Match[str]], bool] | None


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    for _ in range(5):  # fragments may use fragments
        pattern = _FRAGMENT.sub(lambda m: fragments.get(m.group(1), m.group(0)), pattern)
    return pattern


@lru_cache(maxsize=4)
def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def fragment(name: str, path: Path = PATTERNS_PATH) -> str:
    """A named piece of pattern from patterns.yml, so code that needs it reads the same one."""
    fragments = _load(path).get("fragments", {})
    return _expand(fragments[name], fragments)


@lru_cache(maxsize=4)
def load_rules(path: Path = PATTERNS_PATH) -> tuple[Rule, ...]:
    data = _load(path)
    fragments = data.get("fragments", {})
    rules = []
    for item in data["rules"]:
        flags = 0 if item.get("case_sensitive") else re.IGNORECASE
        validate = VALIDATORS[item["validate"]] if item.get("validate") else None
        regex = re.compile(_expand(item["pattern"], fragments), flags)
        rules.append(Rule(item["label"], regex, validate))
    return tuple(rules)


def find(text: str, rules: tuple[Rule, ...] | None = None) -> list[Span]:
    """Every span any rule matches (overlaps are resolved by the caller)."""
    spans = []
    for rule in rules or load_rules():
        for match in rule.regex.finditer(text):
            if rule.validate and not rule.validate(text, match):
                continue
            group = "pii" if "pii" in rule.regex.groupindex else 0
            start, end = match.span(group)
            if end > start:
                spans.append(Span(start, end, rule.label))
    return spans
