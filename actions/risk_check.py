"""The gentle direct question, asked when risk is possible but unclear, and the way back after a no.

The safety net sets `risk_check` on a weak sign of suicidal thoughts instead of escalating.
Asking directly does not raise risk (Samaritans, NICE NG225), and it keeps the full crisis script
for the parents who need it. The crisis numbers come in the same bubble, so a parent who does not
answer still has them. A yes in any words is read by the safety net and escalated there.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.channel import channel_of
from actions.crisis import contact_lines
from actions.directory import emergency_number, user_region
from bot.names import (
    ASK_ACTION,
    ASKED_ABOUT,
    BABY_LOSS,
    CONCERN_INTENTS,
    CONCERN_SLOT,
    REGION_SLOT,
    REQUESTED_SLOT,
    RESUME_ACTION,
    RESUME_SLOT,
    SIGNPOSTING_FORM,
)

logger = logging.getLogger(__name__)

QUESTION = "utter_risk_question"


class ActionAskAboutRisk(Action):
    """Asks kindly and directly, with the crisis numbers in the same message."""

    def name(self) -> str:
        return ASK_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        region = user_region(tracker.get_slot(REGION_SLOT))
        dispatcher.utter_message(
            response=QUESTION,
            emergency_number=emergency_number(region),
            contacts=contact_lines([ASKED_ABOUT], region, channel_of(tracker)),
        )
        net = (tracker.latest_message or {}).get("safety_net") or {}
        in_form = tracker.active_loop_name == SIGNPOSTING_FORM
        resume = SIGNPOSTING_FORM if in_form else net.get("resume_intent")
        logger.info("Direct risk question asked: region=%s", region)
        # Like a crisis, the question closes an open form; a no reopens it.
        return [SlotSet(RESUME_SLOT, resume), ActiveLoop(None), SlotSet(REQUESTED_SLOT, None)]


class ActionResumeAfterRiskCheck(Action):
    """After a clear no: thanks, then back to what the parent was talking about."""

    def name(self) -> str:
        return RESUME_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        resume = tracker.get_slot(RESUME_SLOT)
        dispatcher.utter_message(response="utter_risk_check_no")
        events: list[EventType] = [SlotSet(RESUME_SLOT, None)]
        if resume == SIGNPOSTING_FORM:
            return [*events, FollowupAction(SIGNPOSTING_FORM)]  # the form asks its next question
        # The concern the parent raised is answered as its own rule would (data/rules/concerns.yml).
        if resume in CONCERN_INTENTS and resume != BABY_LOSS:
            topic = resume.removeprefix("concern_")
            dispatcher.utter_message(response=f"utter_acknowledge_{topic}")
            dispatcher.utter_message(response=f"utter_imh_{topic}")
            dispatcher.utter_message(response="utter_offer_next_step")
            return [*events, SlotSet(CONCERN_SLOT, resume)]
        dispatcher.utter_message(response="utter_anything_else")
        return events
