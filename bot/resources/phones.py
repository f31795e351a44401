"""Phone number helpers shared by the checker and the formatter.

Kept apart so both use one definition of "a dialable number": the checker
refuses what the formatter could not turn into a working tel: link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import phonenumbers

from bot.names import REGION_COUNTRY

# A number inside free text such as "Text SHOUT to 85258" or "Text 800-944-4773".
_NUMBER_IN_TEXT = re.compile(r"\+?\d[\d\- ]*\d")

# Short codes (999, 116 123, 85258 ...) are never longer than this.
_MAX_SHORT_CODE_DIGITS = 6


def digits(number: str) -> str:
    """Only the digits, so "116 123" and "116123" compare equal."""
    return "".join(ch for ch in number if ch.isdigit())


def numbers_in_text(text: str) -> list[str]:
    """Every number written in a text instruction, as written."""
    return [match.group(0).strip() for match in _NUMBER_IN_TEXT.finditer(text)]


def countries_for(regions: Iterable[str]) -> list[str]:
    """Dialling countries for a resource's regions, in order, without repeats."""
    countries: list[str] = []
    for region in regions:
        country = REGION_COUNTRY.get(region)
        if country and country not in countries:
            countries.append(country)
    return countries


def is_valid_in(number: str, country: str) -> bool:
    """True when number is a complete, valid number dialled from country."""
    try:
        parsed = phonenumbers.parse(number, country)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed) and (
        phonenumbers.region_code_for_number(parsed) == country
    )


def tel_href(number: str, regions: Sequence[str]) -> str:
    """A tel: link target: E.164 for full numbers, bare digits for short codes."""
    for country in countries_for(regions):
        try:
            parsed = phonenumbers.parse(number, country)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    bare = digits(number)
    if len(bare) <= _MAX_SHORT_CODE_DIGITS:
        return "tel:" + bare
    raise ValueError(f"{number!r} is not a valid number for regions {list(regions)}")
