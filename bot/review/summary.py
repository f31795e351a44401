"""Turn Rasa event rows into what a reviewer reads: transcript lines and a summary.

Pure functions over rows of the `events` table, so they are tested without a server.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.names import (
    CONCERN_INTENTS,
    CRISIS_ACTION,
    CRISIS_INTENTS,
    FALLBACK_ACTION,
    FALLBACK_INTENT,
    HELPFUL_SLOT,
    LISTEN_ACTION,
    RESOURCES_SLOT,
    SESSION_START_ACTION,
)

_QUIET_ACTIONS = {LISTEN_ACTION, SESSION_START_ACTION}


@dataclass(frozen=True)
class EventRow:
    """The columns of one `events` row that the review app uses."""

    sender_id: str
    type_name: str
    timestamp: float | None
    intent_name: str | None
    action_name: str | None
    data: str | None

    def payload(self) -> dict[str, Any]:
        return parse_payload(self.data)


def parse_payload(data: str | None) -> dict[str, Any]:
    """An `events` row's JSON as a dict; anything unreadable is empty, never an error."""
    try:
        value = json.loads(data or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


@dataclass
class Turn:
    """One line of a transcript: a user turn, a bot reply, or a system note."""

    kind: str  # "user", "bot", "action", "slot", "session"
    timestamp: float | None
    text: str = ""
    intent: str | None = None
    confidence: float | None = None
    fallback: bool = False
    note: str = ""
    buttons: list[str] = field(default_factory=list)


@dataclass
class Summary:
    sender_id: str
    started: float | None = None
    last_active: float | None = None
    channel: str = "unknown"
    user_turns: int = 0
    fallback_turns: int = 0
    concerns: list[str] = field(default_factory=list)
    crisis_intents: list[str] = field(default_factory=list)
    escalated: bool = False
    helpful: str | None = None
    resources_offered: list[str] = field(default_factory=list)

    @property
    def crisis(self) -> bool:
        return self.escalated or bool(self.crisis_intents)

    @property
    def fallback(self) -> bool:
        return self.fallback_turns > 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "conversation": self.sender_id,
            "started": self.started,
            "last_active": self.last_active,
            "channel": self.channel,
            "user_turns": self.user_turns,
            "concerns": list(self.concerns),
            "crisis": self.crisis,
            "crisis_intents": list(self.crisis_intents),
            "escalated": self.escalated,
            "fallback_turns": self.fallback_turns,
            "helpful": self.helpful,
            "resources_offered": list(self.resources_offered),
        }


def _add_unique(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


def _intent(payload: dict[str, Any], column: str | None) -> tuple[str | None, float | None]:
    intent = (payload.get("parse_data") or {}).get("intent") or {}
    confidence = intent.get("confidence")
    return intent.get("name") or column, float(confidence) if confidence is not None else None


def transcript(rows: Iterable[EventRow]) -> list[Turn]:
    """Transcript lines in event order; fallbacks are marked on the user turn they answer."""
    return [turn for turn, _ in _lines(rows)]


def _lines(rows: Iterable[EventRow]) -> list[tuple[Turn, EventRow]]:
    """Each transcript line with the row it came from (summarise() reads both)."""
    turns: list[tuple[Turn, EventRow]] = []
    last_user: Turn | None = None
    for row in rows:
        payload = row.payload()
        if row.type_name == "user":
            name, confidence = _intent(payload, row.intent_name)
            last_user = Turn(
                "user",
                row.timestamp,
                text=payload.get("text") or "",
                intent=name,
                confidence=confidence,
                fallback=name == FALLBACK_INTENT,
            )
            turns.append((last_user, row))
        elif row.type_name == "bot":
            data = payload.get("data") or {}
            buttons = [str(b.get("title", "")) for b in data.get("buttons") or [] if b]
            turns.append(
                (Turn("bot", row.timestamp, text=payload.get("text") or "", buttons=buttons), row)
            )
        elif row.type_name == "action" and row.action_name not in _QUIET_ACTIONS:
            if row.action_name == FALLBACK_ACTION and last_user is not None:
                last_user.fallback = True
            turns.append((Turn("action", row.timestamp, note=row.action_name or ""), row))
        elif row.type_name == "slot" and payload.get("name") in (HELPFUL_SLOT, RESOURCES_SLOT):
            value = payload.get("value")
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            note = f"{payload.get('name')} = {shown}"
            turns.append((Turn("slot", row.timestamp, note=note), row))
        elif row.type_name == "session_started":
            turns.append((Turn("session", row.timestamp, note="new session"), row))
    return turns


def summarise(sender_id: str, rows: Sequence[EventRow]) -> Summary:
    """What the list, the filters, the dashboard and the exports show for one conversation."""
    summary = Summary(sender_id)
    stamps = [row.timestamp for row in rows if row.timestamp is not None]
    if stamps:
        summary.started, summary.last_active = min(stamps), max(stamps)
    seen_channel = False
    for turn, row in _lines(rows):
        if turn.kind == "user":
            summary.user_turns += 1
            summary.fallback_turns += int(turn.fallback)
            intent = turn.intent or ""
            if intent in CONCERN_INTENTS:
                _add_unique(summary.concerns, intent)
            elif intent in CRISIS_INTENTS:
                _add_unique(summary.crisis_intents, intent)
            if not seen_channel:
                summary.channel = row.payload().get("input_channel") or "unknown"
                seen_channel = True
        elif turn.kind == "action" and turn.note == CRISIS_ACTION:
            summary.escalated = True
        elif turn.kind == "slot":
            payload = row.payload()
            value = payload.get("value")
            if payload.get("name") == HELPFUL_SLOT:
                summary.helpful = str(value) if value in ("yes", "no") else None
            elif isinstance(value, list):
                for item in value:
                    _add_unique(summary.resources_offered, str(item))
    return summary
