"""Ids given in pieces: a family's numbers listed together, an NHS number told in two halves.

Parents list a family's numbers together ("nhi no. PRT 8891 for my son, new one for the baby is
ABC12DE", "my ID number is ... and baby's is ..."): only the first carries the id's name. And a
smudged letter gives an NHS number in bits ("it starts 772 567 and then 2206 at the end").
"""

from __future__ import annotations

import re

from bot.privacy.patterns import fragment, id_value_ok
from bot.privacy.spans import Span

ID_LABELS = {"NATIONAL_ID", "NHS_NUMBER"}
# What may come between one id and the next: a few words in the same sentence, then "is" or ":",
# then a value of the shape every named id has (IDVALUE in patterns.yml).
_NEXT = re.compile(
    rf"[^.?!\n]{{0,40}}?\b(?:is|are|=|:)\s*(?P<pii>{fragment('IDVALUE')})(?![a-z0-9])",
    re.IGNORECASE)


# An NHS, CHI or H&C number named, then the rest of its sentence, where its pieces are.
_HEALTH_NUMBER = re.compile(
    r"\b(?:nhs|chi|h\s?&\s?c)\s+(?:number|no\.?|num|#)\b(?P<rest>[^.?!\n]{0,100})", re.IGNORECASE)
# A piece: three or four digits, maybe two such groups, not a time, a weight or a count of days;
# a comma or full stop after it ends the sentence, not a decimal ("…and then 2137, and").
_PIECE = re.compile(
    r"(?<![\d£$€])(?<!\d[:.,/-])\d{3,4}(?:[ -]\d{3,4})?"
    r"(?!\d|[:.,/]\d|\s*(?:am|pm|hrs?|hours?|mins?|days?|weeks?|wks?|months?|years?|yrs?|g|kg|ml"
    r"|lbs?|oz)\b)", re.IGNORECASE)


def _pieces_of_health_numbers(text: str) -> list[Span]:
    spans = []
    for named in _HEALTH_NUMBER.finditer(text):
        offset = named.start("rest")
        for piece in _PIECE.finditer(named.group("rest")):
            spans.append(Span(offset + piece.start(), offset + piece.end(), "NATIONAL_ID"))
    return spans


def find(text: str, found: list[Span]) -> list[Span]:
    """The id-shaped value that follows each id already found, and an NHS number's pieces,
    where nothing else was found (a whole NHS number keeps its own label)."""
    spans = [piece for piece in _pieces_of_health_numbers(text)
             if not any(s.start < piece.end and piece.start < s.end for s in found)]
    for span in found:
        if span.label not in ID_LABELS:
            continue
        match = _NEXT.match(text, span.end)
        if match and id_value_ok(match.group("pii")):
            spans.append(Span(match.start("pii"), match.end("pii"), "NATIONAL_ID"))
    return spans
