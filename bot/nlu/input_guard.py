"""Keeps any input safe to classify: very long messages are cut for the classifier only.

A parent may paste pages of text; char n-gram features over 100 KB would stall the server.
The classifier sees the first ``max_chars`` characters; the full text stays on the message
(``full_text``, never output) so the crisis safety net still reads all of it, and the tracker
keeps the whole message as sent.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.stateless import StatelessComponent

FULL_TEXT = "full_text"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False
)
class InputGuard(StatelessComponent):
    """Must come first in the pipeline, before the tokenizer."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"max_chars": 2000}

    def __init__(self, config: dict[str, Any]) -> None:
        self.max_chars = int(config["max_chars"])

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if len(text) > self.max_chars:
                message.set(FULL_TEXT, text)
                message.set(TEXT, text[: self.max_chars])
        return messages
