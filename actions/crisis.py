"""Crisis escalation: emergency and crisis contacts for the parent's region, at once.

Rules send every crisis_* turn here first, whatever else is going on (an open form is closed).
Messages are deterministic: one variation each, no randomness in a crisis.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.channel import channel_of
from actions.directory import emergency_number, resources, user_region
from bot.names import (
    ABUSE,
    CRISIS_ACTION,
    CRISIS_INTENTS,
    CRISIS_TYPE_SLOT,
    DENY_INTENT,
    ESCALATED_SLOT,
    PSYCHOSIS,
    REGION_SLOT,
    REQUESTED_SLOT,
    SELF_HARM,
    URGENT_HELP_ACTION,
)
from bot.resources.formatting import format_contact_line
from bot.resources.model import Resource
from bot.resources.ranking import crisis_contacts

logger = logging.getLogger(__name__)

# Most time-critical first (bot/names.py); each crisis opens with its own single-variation
# message, named after it: crisis_abuse -> utter_crisis_abuse.
OPENINGS = {intent: f"utter_{intent}" for intent in CRISIS_INTENTS}


def detected_crises(tracker: Tracker) -> list[str]:
    """The crisis types in the latest message, most time-critical first."""
    message = tracker.latest_message or {}
    found = [(message.get("intent") or {}).get("name")]
    found += list((message.get("safety_net") or {}).get("intents") or [])
    return [name for name in CRISIS_INTENTS if name in found]


def contact_lines(crises: list[str], region: str, channel: str) -> str:
    """One message listing the region's emergency number, then lines for each crisis type."""
    picked: list[Resource] = []
    for crisis in crises:
        for resource in crisis_contacts(resources(), crisis, region):
            if resource.id not in {r.id for r in picked}:
                picked.append(resource)
    picked.sort(key=lambda r: not r.is_emergency)
    return "\n".join(format_contact_line(resource, channel) for resource in picked)


class ActionEscalateCrisis(Action):
    """Answers a crisis disclosure with the right first step and the contacts to use now."""

    def name(self) -> str:
        return CRISIS_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        crises = detected_crises(tracker) or [SELF_HARM]
        region = user_region(tracker.get_slot(REGION_SLOT))
        number = emergency_number(region)
        lead = crises[0]
        dispatcher.utter_message(response=OPENINGS[lead], emergency_number=number)
        dispatcher.utter_message(text=contact_lines(crises, region, channel_of(tracker)))
        if lead == PSYCHOSIS:
            dispatcher.utter_message(response="utter_crisis_psychosis_today")
        if ABUSE in crises and region.startswith("uk-"):
            dispatcher.utter_message(response="utter_crisis_abuse_silent_call")
        logger.info("Crisis escalated: type=%s region=%s", ",".join(crises), region)
        # Any open form is closed: the parent should not be asked a form question next.
        return [
            SlotSet(CRISIS_TYPE_SLOT, lead),
            SlotSet(ESCALATED_SLOT, True),
            ActiveLoop(None),
            SlotSet(REQUESTED_SLOT, None),
        ]


class ActionShowUrgentHelp(Action):
    """'urgent help' at any time: the emergency number and a 24/7 line, no questions asked."""

    def name(self) -> str:
        return URGENT_HELP_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        region = user_region(tracker.get_slot(REGION_SLOT))
        crises = [tracker.get_slot(CRISIS_TYPE_SLOT) or SELF_HARM]
        if crises[0] != SELF_HARM:
            crises.append(SELF_HARM)
        dispatcher.utter_message(
            response="utter_urgent_help", emergency_number=emergency_number(region)
        )
        dispatcher.utter_message(text=contact_lines(crises, region, channel_of(tracker)))
        if (tracker.latest_message.get("intent") or {}).get("name") == DENY_INTENT:
            dispatcher.utter_message(
                response="utter_please_call_now", emergency_number=emergency_number(region)
            )
        return []
