"""The reply to a message in a language the assistant cannot read."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.directory import emergency_number, user_region
from bot.names import LANGUAGE_ACTION, REGION_SLOT


class ActionExplainLanguage(Action):
    """Says plainly that only English is understood, and gives the region's emergency number."""

    def name(self) -> str:
        return LANGUAGE_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        number = emergency_number(user_region(tracker.get_slot(REGION_SLOT)))
        dispatcher.utter_message(response="utter_other_language", emergency_number=number)
        return []
