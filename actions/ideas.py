"""Practical ideas for the concern the parent described."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

IDEAS = {
    "concern_bonding": "utter_ideas_bonding",
    "concern_overwhelm": "utter_ideas_overwhelm",
    "concern_relationship": "utter_ideas_relationship",
    "concern_low_mood": "utter_ideas_low_mood",
    "concern_baby_loss": "utter_ideas_baby_loss",
}


class ActionOfferIdeas(Action):
    def name(self) -> str:
        return "action_offer_ideas"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        response = IDEAS.get(tracker.get_slot("concern") or "")
        if response is None:
            dispatcher.utter_message(response="utter_ask_whats_on_mind")
            return []
        dispatcher.utter_message(response=response)
        dispatcher.utter_message(response="utter_offer_talk")
        return []
