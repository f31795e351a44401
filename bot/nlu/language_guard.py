"""Notices messages written in a language the assistant does not understand.

The classifier and the crisis patterns are English-only. A message in another language would
otherwise get a confident guess in English that may be wrong (or a vague fallback). Instead the
intent becomes ``other_language``, so the parent is told plainly what the assistant can read,
and given the emergency number, which works whatever the language. The crisis safety net runs
after this component, so an English crisis phrase inside a mixed message still escalates.

Language identification uses py3langid's model, shipped inside the package (nothing downloaded).
"""

from __future__ import annotations

import logging
from functools import cached_property
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.names import OTHER_LANGUAGE_INTENT
from bot.nlu.stateless import StatelessComponent

logger = logging.getLogger(__name__)

LANGUAGE_KEY = "language"


def is_latin_script(text: str) -> bool:
    """Most letters are Latin (ASCII or Latin-1/Extended-A/B), as in English, Spanish, Polish."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
    return bool(letters) and latin * 2 > len(letters)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LanguageGuard(StatelessComponent):
    """Must come after the intent classifiers and before the crisis safety net."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "supported": ["en"],
            # Short English messages ("ok", "pls help", "mama tired") are often misidentified:
            # only fairly long Latin-script messages, identified with high confidence, count.
            "min_words": 4,
            "min_confidence": 0.98,
            # Scripts other than Latin (Arabic, Chinese, ...) are never English; a few letters do.
            "min_letters_other_script": 2,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        self.supported = set(config["supported"])
        self.min_words = int(config["min_words"])
        self.min_confidence = float(config["min_confidence"])
        self.min_letters_other_script = int(config["min_letters_other_script"])

    @cached_property
    def _identifier(self) -> Any:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)

    def language_of(self, text: str) -> tuple[str, float] | None:
        """The message's language when it is clearly not a supported one, else None."""
        stripped = text.strip()
        if not stripped or stripped.startswith("/"):
            return None
        if is_latin_script(stripped):
            if len(stripped.split()) < self.min_words:
                return None
        elif sum(c.isalpha() for c in stripped) < self.min_letters_other_script:
            return None
        code, confidence = self._identifier.classify(stripped)
        if code in self.supported or confidence < self.min_confidence:
            return None
        return str(code), float(confidence)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            found = self.language_of(message.get(TEXT) or "")
            if found is None:
                continue
            code, confidence = found
            entry = {"name": OTHER_LANGUAGE_INTENT, "confidence": confidence}
            ranking = [
                r for r in message.get(INTENT_RANKING_KEY) or [] if r["name"] != entry["name"]
            ]
            message.set(INTENT, entry, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [entry, *ranking], add_to_output=True)
            message.set(LANGUAGE_KEY, {"code": code, "confidence": confidence}, add_to_output=True)
            logger.info("Message in another language: %s", code)
        return messages
