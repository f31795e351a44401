"""Long numbers written out in words, as a parent types what they read aloud on the phone.

"my number's oh seven seven double oh, nine double oh, three one two", "the NHS number is six
three five, four six one, nine nine seven two": every digit recogniser reads figures, so a number
spelled out would pass them all. A run of digit words (with "double" and "triple", and short
groups of figures mixed in) that adds up to seven or more digits is a phone number, a payment
card, an NHS number or another identifier; the digits it spells decide which. Counting ("one,
two, three, four...") is not a number anyone owns, so a run that only counts up is left alone.
"""

from __future__ import annotations

import re

from bot.privacy.patterns import luhn_ok, nhs_check_digit_ok
from bot.privacy.spans import Span

DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0",
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}
REPEATS = {"double": 2, "triple": 3, "treble": 3}
MIN_DIGITS = 7
MIN_WORDS = 3  # "07700 900 three" is a typo, not a number read out

_TOKEN = re.compile(r"[A-Za-z]+|\d{1,5}")
# What may sit between two parts of one number: spaces, commas, dashes, dots, slashes.
_JOINER = re.compile(r"^[\s,.\-/]*$")


def _parts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token lower-cased) for every word and short figure group."""
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


def _runs(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, digits, number of words) for each maximal run of digit words and figures."""
    runs: list[tuple[int, int, str, int]] = []
    start = end = -1
    digits, words, repeat = "", 0, 1

    def close() -> None:
        if start >= 0 and digits:
            runs.append((start, end, digits, words))

    for tok_start, tok_end, token in _parts(text):
        joined = start >= 0 and bool(_JOINER.match(text[end:tok_start]))
        is_part = token in DIGIT_WORDS or token in REPEATS or token.isdigit()
        if not is_part or (start >= 0 and not joined):
            close()
            start, digits, words, repeat = -1, "", 0, 1
            if not is_part:
                continue
        if token in REPEATS:
            if start < 0:
                start = tok_start
            repeat, end = REPEATS[token], tok_end
            continue
        if start < 0:
            start = tok_start
        if token.isdigit():
            digits += token * repeat if len(token) == 1 else token
        else:
            digits += DIGIT_WORDS[token] * repeat
            words += 1
        repeat, end = 1, tok_end
    close()
    return runs


def _counts_up(digits: str) -> bool:
    return all(int(b) - int(a) == 1 for a, b in zip(digits, digits[1:], strict=False))


def _label(digits: str) -> str:
    if len(digits) == 10 and nhs_check_digit_ok(digits):
        return "NHS_NUMBER"
    if 13 <= len(digits) <= 19 and luhn_ok(digits):
        return "CARD"
    if digits.startswith(("0", "44", "353", "1")) and 10 <= len(digits) <= 13:
        return "PHONE"
    return "NATIONAL_ID"


def find(text: str) -> list[Span]:
    spans = []
    for start, end, digits, words in _runs(text):
        if len(digits) >= MIN_DIGITS and words >= MIN_WORDS and not _counts_up(digits):
            spans.append(Span(start, end, _label(digits)))
    return spans
