"""Phone numbers in free text, found by Google's libphonenumber port (`phonenumbers`).

Parents write UK, Irish and US numbers without a country code, so each text is searched as if
dialled from each of those countries; numbers with a + are found whatever the region. Leniency
is POSSIBLE rather than VALID so typo'd or unallocated (fictional) numbers are still caught.
"""

from __future__ import annotations

import phonenumbers

from bot.privacy.public import is_public_number
from bot.privacy.spans import Span

REGIONS = ("GB", "US", "IE")
_MIN_DIGITS = 7  # shorter runs are ages, counts and short codes, not personal numbers


def find(text: str) -> list[Span]:
    spans: dict[tuple[int, int], Span] = {}
    for region in REGIONS:
        matcher = phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.POSSIBLE
        )
        for match in matcher:
            raw = match.raw_string
            if sum(ch.isdigit() for ch in raw) < _MIN_DIGITS or is_public_number(raw):
                continue
            spans[(match.start, match.end)] = Span(match.start, match.end, "PHONE")
    return list(spans.values())
