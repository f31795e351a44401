"""Starts each conversation with the disclaimer: automated, not a person, how to get urgent help."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.directory import emergency_number, user_region
from actions.profile import valid_region
from bot.names import LISTEN_ACTION, REGION_SLOT, SESSION_START_ACTION


def region_from_metadata(metadata: object) -> str | None:
    """The embedding website may pre-set the region (widget customData or plain metadata)."""
    if not isinstance(metadata, dict):
        return None
    nested = metadata.get("customData")
    candidates = [metadata.get("region")]
    if isinstance(nested, dict):
        candidates.append(nested.get("region"))
    return next((r for r in map(valid_region, candidates) if r), None)


class ActionSessionStart(Action):
    def name(self) -> str:
        return SESSION_START_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events: list[EventType] = [SessionStarted()]
        region = region_from_metadata(tracker.get_slot("session_started_metadata"))
        if region:
            events.append(SlotSet(REGION_SLOT, region))
        dispatcher.utter_message(
            response="utter_disclaimer", emergency_number=emergency_number(user_region(region))
        )
        events.append(ActionExecuted(LISTEN_ACTION))
        return events
