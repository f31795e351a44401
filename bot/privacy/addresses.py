"""The lines of an address written before its postcode: "Rose Cottage, Mill Lane, Essex CM7 4QX".

Why: many UK and Irish homes have no house number (a house name, a farm, a townland), so the
street rules (data/patterns.yml) find nothing, yet a postcode or Eircode says an address comes
just before it. Walking back from the postcode over comma-separated parts that read as address
lines, not as a sentence, finds them whatever their words. Only text next to a postcode is
looked at, so a clean message (which has none) is never touched.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from bot.privacy.spans import Span

MAX_LINES = 5  # house, street, locality, town, county
# What an address line may hold: its own parts, and names (streets and towns are named after
# people: "Kerry", "Victoria").
PART_OF_AN_ADDRESS = {"ADDRESS", "POSTCODE", "NAME"}
MAX_WORDS_PER_LINE = 6
# Small words inside place and house names: "The Old Rectory", "Stratford upon Avon", "Bóthar
# na Trá", "Ffordd y Parc", "Co. Cork".
NAME_WORDS = frozenset({"the", "of", "upon", "on", "in", "under", "by", "le", "la", "na", "an",
                        "y", "st", "co", "de", "du", "ar", "am"})
SENTENCE_WORDS = frozenset(STOP_WORDS) - NAME_WORDS
# Where a sentence hands over to the address: "the address is ...", "we're at ...", "send it to".
LEAD_IN = re.compile(r".*\b(?:is|at|to|in|on|from|near|address)\b\s*:?|.*[:\-–—]", re.IGNORECASE)
HOUSE_NUMBER = re.compile(r"\b\d{1,4}[a-z]?\b", re.IGNORECASE)
WORD = re.compile(r"[^\W_][\w'’.-]*", re.UNICODE)


def _reads_as_address_line(line: str) -> bool:
    words = WORD.findall(line)
    if not words or len(words) > MAX_WORDS_PER_LINE:
        return False
    return not any(w.lower().replace("’", "'").rstrip(".") in SENTENCE_WORDS for w in words)


def _tail_start(line: str) -> int | None:
    """Where the address begins in a sentence that leads into it ("we live in 27 cluain ard")."""
    number = HOUSE_NUMBER.search(line)
    lead = LEAD_IN.match(line)
    for offset in (number.start() if number else None, lead.end() if lead else None):
        if offset is not None and line[offset:].strip() and _reads_as_address_line(line[offset:]):
            return offset
    return None


def before(text: str, postcode: Span, others: list[Span]) -> Span | None:
    """An ADDRESS span for the address lines just before `postcode`, if any read as such; a line
    holding other personal data (an e-mail, a phone number) ends the address."""
    end = len(text[: postcode.start].rstrip(" ,\n"))
    commas = [m.start() for m in re.finditer(r"[,\n]", text[:end])]  # a form's lines too
    starts = [0] + [c + 1 for c in commas]
    stops = commas + [end]
    start = end
    for count, (first, last) in enumerate(zip(reversed(starts), reversed(stops), strict=True)):
        line = text[first:last]
        if count == MAX_LINES or any(o.start < last and first < o.end for o in others):
            break
        if _reads_as_address_line(line):
            start = first
            continue
        offset = _tail_start(line)
        if offset is not None:
            start = first + offset
        break
    while start < end and text[start] in " ,\n":
        start += 1
    return Span(start, end, "ADDRESS") if end > start else None


def lines_before_postcodes(text: str, spans: list[Span]) -> list[Span]:
    """The address lines before every postcode already found."""
    others = [span for span in spans if span.label not in PART_OF_AN_ADDRESS]
    found = (before(text, span, others) for span in spans if span.label == "POSTCODE")
    return [span for span in found if span is not None]
