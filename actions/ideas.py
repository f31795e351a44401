"""Practical ideas for the concern the parent described."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.names import CONCERN_INTENTS, CONCERN_SLOT, IDEAS_ACTION

# utter_ideas_<concern>, one per concern intent (utter_ideas_bonding for concern_bonding).
IDEAS = {concern: f"utter_ideas_{concern.removeprefix('concern_')}" for concern in CONCERN_INTENTS}


class ActionOfferIdeas(Action):
    def name(self) -> str:
        return IDEAS_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        response = IDEAS.get(tracker.get_slot(CONCERN_SLOT) or "")
        if response is None:
            dispatcher.utter_message(response="utter_ask_whats_on_mind")
            return []
        dispatcher.utter_message(response=response)
        dispatcher.utter_message(response="utter_offer_talk")
        return []
