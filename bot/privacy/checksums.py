"""Numbers that prove themselves by a checksum: payment cards, IBANs, US routing numbers.

These come from Microsoft Presidio's pattern recognisers (Luhn for cards, the IBAN mod-97 check,
the ABA checksum), the field's maintained implementations. Only the recognisers are used: no
NLP engine and no NER model, so nothing is downloaded or loaded beyond the patterns. Numbers of
the same shape that fail their checksum are left to the context rules in data/patterns.yml
("card number 4111...", "account 12345678"), so a mistyped card is still caught when the parent
says what it is.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from bot.privacy.spans import Span

# Presidio's entity -> our placeholder.
LABELS = {"CREDIT_CARD": "CARD", "IBAN_CODE": "BANK", "ABA_ROUTING_NUMBER": "BANK"}
MIN_SCORE = 0.5  # a passed checksum scores 1.0; a bare pattern match 0.05-0.3


@lru_cache(maxsize=1)
def recognizers() -> tuple[Any, ...]:
    from presidio_analyzer.predefined_recognizers import (
        AbaRoutingRecognizer,
        CreditCardRecognizer,
        IbanRecognizer,
    )

    return (CreditCardRecognizer(), IbanRecognizer(), AbaRoutingRecognizer())


def find(text: str) -> list[Span]:
    spans = []
    # Presidio's IBAN pattern wants capitals, but a phone keyboard types "ie70bofi9000...": the
    # checksum is case-blind, so the text is also read in capitals where that keeps its offsets.
    upper = text.upper()
    for recognizer in recognizers():
        texts = [text]
        is_iban = type(recognizer).__name__ == "IbanRecognizer"
        if is_iban and upper != text and len(upper) == len(text):
            texts.append(upper)
        for version in texts:
            for result in recognizer.analyze(version, recognizer.supported_entities, None):
                label = LABELS.get(result.entity_type)
                if label and result.score >= MIN_SCORE and result.end > result.start:
                    spans.append(Span(result.start, result.end, label))
    return spans
