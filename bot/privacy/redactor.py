"""Replaces personal data in a text with typed placeholders such as [NAME] and [PHONE]."""

from __future__ import annotations

from functools import lru_cache

from bot.privacy import addresses, checksums, id_lists, patterns, phones, spoken_numbers
from bot.privacy.names import NameFinder
from bot.privacy.public import is_public_url
from bot.privacy.spans import Span, apply, resolve

PLACEHOLDERS = ("NAME", "PHONE", "EMAIL", "POSTCODE", "ADDRESS", "DOB", "NHS_NUMBER", "URL",
                "HANDLE", "CARD", "BANK", "NATIONAL_ID")


class Redactor:
    """Pattern rules + Presidio's checksum recognisers + phonenumbers + the spaCy name finder,
    and the address lines before any postcode found, resolved into one set of spans."""

    def __init__(self, names: NameFinder | None = None) -> None:
        self.names = names or NameFinder()

    def spans(self, text: str) -> list[Span]:
        found = (patterns.find(text) + checksums.find(text) + phones.find(text)
                 + spoken_numbers.find(text) + self.names.find(text))
        found = [s for s in found if not (s.label == "URL" and is_public_url(text[s.start:s.end]))]
        found += addresses.lines_before_postcodes(text, found) + id_lists.find(text, found)
        return resolve(found)

    def redact(self, text: str) -> str:
        if not text or not text.strip():
            return text
        # Placeholders survive a second pass unchanged, so redacting twice is harmless.
        return apply(text, self.spans(text))


@lru_cache(maxsize=1)
def default_redactor() -> Redactor:
    return Redactor()


def redact(text: str) -> str:
    """The shared redactor (built on first use; the name lists load once per process)."""
    return default_redactor().redact(text)
