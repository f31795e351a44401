""""Delete my chat": confirms and resets; the tracker store deletes the stored conversation.

The deletion itself happens in bot/privacy/tracker_store.py when this action's turn is saved
(the store sees `action_erase_conversation` after the last user message and deletes every
stored event of the sender, this turn included). The action only tells the parent and resets
the conversation in memory, so nothing said before is carried into what comes next.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, Restarted
from rasa_sdk.executor import CollectingDispatcher

from bot.names import ERASE_ACTION


class ActionEraseConversation(Action):
    def name(self) -> str:
        return ERASE_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_chat_deleted")
        return [Restarted()]
