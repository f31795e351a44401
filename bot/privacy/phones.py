"""Phone numbers in free text, found by Google's libphonenumber port (`phonenumbers`).

Parents write UK, Irish and US numbers without a country code, so each text is searched as if
dialled from each of those countries; numbers with a + are found whatever the region. Leniency
is POSSIBLE rather than VALID so typo'd or unallocated (fictional) numbers are still caught.
"""

from __future__ import annotations

import re

import phonenumbers

from bot.names import REGION_COUNTRY
from bot.privacy.public import is_public_number
from bot.privacy.spans import Span

# The countries of the regions the assistant serves (bot/names.py), each once: GB, US, IE.
REGIONS = tuple(dict.fromkeys(REGION_COUNTRY.values()))
# Freephone (0800, 0808, 1800, 1-800), non-geographic (03), shared-cost and premium-rate (0845,
# 0870, Ireland's 1850) numbers belong to organisations: a helpline or a team's switchboard a
# parent mentions, never a person's own line, so they stay readable for staff.
_ORGANISATION_TYPES = {
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.UAN,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
}
_MIN_DIGITS = 7  # shorter runs are ages, counts and short codes, not personal numbers
# A number said to be something else: "model 702.485.35", "invoice 2024-0193", "order #48213".
# Only labels that never end a phrase before a phone number ("just in case 07700..." is a phone).
_LABELLED = re.compile(
    r"\b(?:model|invoice|order|tracking|ref|reference|serial|sku|booking|confirmation|ticket|receipt"
    r"|parcel|claim|policy|membership|customer|account|batch|lot)"
    r"(?:\s+(?:no\.?|number|num|code))?\s*[:#]?\s*$", re.IGNORECASE)


# Digits glued to a code of letters and digits ("1Z999AA10123456784"), or after a code's
# capitals and a dash ("GRO-2024-118873"): a tracking number, a reference or a product code,
# not a phone number ("tel07700..." and "MOB07700..." still are).
_GLUED_CODE = re.compile(
    r"[A-Za-z]*\d[A-Za-z\d]*[A-Za-z]$"
    r"|(?<![A-Za-z])(?!(?:TEL|MOB|PH|CELL|FAX|TXT|WA|HOME|WORK)-)[A-Z]{2,5}-$")


def _organisation_number(raw: str) -> bool:
    """Read as dialled in any of the regions: "0808 800 5000" is a UK freephone line even where
    the US reading of the same digits finds nothing."""
    if not raw.lstrip("(+ ").startswith(("0", "1")):
        return False  # written as a freephone number is, with its 0 or 1 first
    for region in REGIONS:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.number_type(number) in _ORGANISATION_TYPES:
            return True
    return False


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
            labelled = _LABELLED.search(text[max(0, match.start - 30) : match.start])
            glued = _GLUED_CODE.search(text[max(0, match.start - 20) : match.start])
            if _organisation_number(raw) or labelled or glued:
                continue
            spans[(match.start, match.end)] = Span(match.start, match.end, "PHONE")
    return list(spans.values())
