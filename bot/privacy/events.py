"""Redacts one serialised Rasa event (the dict `Event.as_dict()` gives) before it is stored.

Everything a person could have typed or a channel could have attached is redacted: user text,
`parse_data.text`, entity values, slot values (including `session_started_metadata`), metadata
and bot message text and data. Only structural fields (event type, names, intents, scores,
timestamps) are kept as they are. The raw sender id is replaced by its pseudonym wherever it
appears, because channels copy it into metadata (a WhatsApp number, a Telegram chat id).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.lru import LRUCache

FIELDS_PATH = Path(__file__).with_name("data") / "fields.yml"
# Top-level fields of an event that never carry what someone typed.
EVENT_KEEP = frozenset(
    {"event", "timestamp", "name", "policy", "confidence", "message_id", "input_channel",
     "hide_rule_turn", "use_text_for_featurization", "action_name", "kill_on_user_message",
     "trigger_date_time", "date_time"}
)
PARSE_KEEP = frozenset({"intent", "intent_ranking", "response_selector", "message_id"})
ENTITY_KEEP = frozenset(
    {"entity", "start", "end", "confidence_entity", "confidence", "extractor", "processors",
     "role", "group", "confidence_role", "confidence_group"}
)
_MIN_SENDER_CHARS = 4  # shorter ids ("me", "1") would rewrite ordinary words
BOT_EVENT = "bot"


@lru_cache(maxsize=1)
def personal_keys() -> dict[str, str]:
    data = yaml.safe_load(FIELDS_PATH.read_text(encoding="utf-8"))
    return {key.lower(): label for key, label in data["personal_keys"].items()}


class AssistantTexts(LRUCache[str, str]):
    """Redacted forms of what the assistant said, shared by every conversation of a store.

    Why: the assistant's replies are the domain's responses, the same few hundred strings
    (and their buttons) in every conversation, and redacting them was a third of the cost of
    saving a turn. Only bot events use this, so no parent's message is ever kept here.
    """

    def __init__(self, size: int = 4096) -> None:
        super().__init__(size)


class EventRedactor:
    """Applies a text redactor to the personal parts of event dicts for one sender."""

    def __init__(self, redact_text: Callable[[str], str], sender_id: str, pseudonym: str,
                 assistant_texts: AssistantTexts | None = None) -> None:
        self.redact_text = redact_text
        self.sender_id = sender_id if len(sender_id) >= _MIN_SENDER_CHARS else None
        self.pseudonym = pseudonym
        self.assistant_texts = assistant_texts
        self._in_bot_event = False
        self._done: dict[str, str] = {}  # the same text recurs (text, parse_data.text)

    def text(self, value: str) -> str:
        if value in self._done:
            return self._done[value]
        sender_id = self.sender_id if self.sender_id and self.sender_id in value else None
        has_sender = sender_id is not None
        shared = self.assistant_texts if self._in_bot_event and not has_sender else None
        redacted = shared.get(value) if shared is not None else None
        if redacted is None:
            swapped = value.replace(sender_id, self.pseudonym) if sender_id is not None else value
            redacted = self.redact_text(swapped)
            if shared is not None:
                shared.put(value, redacted)
        self._done[value] = redacted
        return redacted

    def value(self, value: Any, key: str | None = None) -> Any:
        """Any JSON value from metadata, slots or bot data."""
        if isinstance(value, str):
            label = personal_keys().get((key or "").lower())
            return f"[{label}]" if label and value.strip() else self.text(value)
        if isinstance(value, dict):
            return {k: self.value(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(item, key) for item in value]
        return value

    def entities(self, entities: Any) -> Any:
        if not isinstance(entities, list):
            return self.value(entities)
        return [
            {k: v if k in ENTITY_KEEP else self.value(v, k) for k, v in e.items()}
            if isinstance(e, dict)
            else self.value(e)
            for e in entities
        ]

    def parse_data(self, parse_data: Any) -> Any:
        if not isinstance(parse_data, dict):
            return self.value(parse_data)
        redacted = {}
        for key, value in parse_data.items():
            if key in PARSE_KEEP:
                redacted[key] = value
            elif key == "entities":
                redacted[key] = self.entities(value)
            elif key == "text" and isinstance(value, str):
                redacted[key] = self.text(value)
            else:
                redacted[key] = self.value(value, key)
        return redacted

    def event(self, event: dict[str, Any]) -> dict[str, Any]:
        self._in_bot_event = event.get("event") == BOT_EVENT
        try:
            return self._event(event)
        finally:
            self._in_bot_event = False

    def _event(self, event: dict[str, Any]) -> dict[str, Any]:
        redacted: dict[str, Any] = {}
        for key, value in event.items():
            if key in EVENT_KEEP:
                redacted[key] = value
            elif key == "parse_data":
                redacted[key] = self.parse_data(value)
            elif key == "entities":
                redacted[key] = self.entities(value)
            elif key in ("text", "action_text") and isinstance(value, str):
                redacted[key] = self.text(value)
            else:
                # A slot's value is judged by the slot's name ("phone" -> [PHONE]).
                redacted[key] = self.value(value, event.get("name") if key == "value" else key)
        return redacted
