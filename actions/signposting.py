"""Signposting: ask only what matters, then offer two or three fitting services with reasons."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel import channel_of
from actions.directory import resources, user_region
from actions.profile import (
    DECLINED,
    declined,
    parse_audience,
    parse_region,
    parse_stage,
)
from bot.names import (
    AFFIRM_INTENT,
    AUDIENCE_SLOT,
    BONDING,
    CONCERN_SLOT,
    FEEDBACK_ACTION,
    HELPFUL_SLOT,
    LOW_MOOD,
    OVERWHELM,
    REGION_SLOT,
    RELATIONSHIP,
    RESOURCES_SLOT,
    SIGNPOST_ACTION,
    STAGE_SLOT,
    UPDATE_PROFILE_ACTION,
    USER_REGIONS,
    VALIDATE_SIGNPOSTING_FORM,
)
from bot.resources.directory import load_wording
from bot.resources.formatting import format_resources
from bot.resources.model import AUDIENCES, STAGES
from bot.resources.ranking import rank_resources

logger = logging.getLogger(__name__)

DEFAULT_CONCERN = LOW_MOOD
# Stage and audience change which services fit these concerns; for the others they do not.
STAGE_MATTERS = {BONDING, OVERWHELM, LOW_MOOD, None}
AUDIENCE_MATTERS = {BONDING, OVERWHELM, LOW_MOOD, RELATIONSHIP, None}
PARSERS = {REGION_SLOT: parse_region, STAGE_SLOT: parse_stage, AUDIENCE_SLOT: parse_audience}
KNOWN_VALUES = {
    REGION_SLOT: set(USER_REGIONS), STAGE_SLOT: set(STAGES), AUDIENCE_SLOT: set(AUDIENCES)
}


def _place(region: str) -> str:
    """"in Wales": the directory's name for the region in a sentence."""
    return load_wording().places.get(region, "")


def _known(value: object) -> str | None:
    return value if isinstance(value, str) and value and value != DECLINED else None


class ValidateSignpostingForm(FormValidationAction):
    """Reads free-text or button answers, which the domain's `from_text` mappings collect (never
    from a crisis turn)."""

    def name(self) -> str:
        return VALIDATE_SIGNPOSTING_FORM

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        concern = tracker.get_slot(CONCERN_SLOT)
        needed = [REGION_SLOT]
        if concern in STAGE_MATTERS:
            needed.append(STAGE_SLOT)
        if concern in AUDIENCE_MATTERS:
            needed.append(AUDIENCE_SLOT)
        return needed

    def _validate(self, slot: str, value: Any, dispatcher: CollectingDispatcher) -> dict[str, Any]:
        text = str(value or "")
        if text == DECLINED or text in KNOWN_VALUES[slot]:
            return {slot: text}
        parsed = PARSERS[slot](text)
        if parsed:
            return {slot: parsed}
        if declined(text):
            return {slot: DECLINED}
        if slot == REGION_SLOT:
            dispatcher.utter_message(response="utter_ask_region_again")
            return {slot: None}
        return {slot: DECLINED}  # an answer we can't read: don't ask twice

    async def validate_region(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(REGION_SLOT, value, dispatcher)

    async def validate_stage(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(STAGE_SLOT, value, dispatcher)

    async def validate_audience(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(AUDIENCE_SLOT, value, dispatcher)


class ActionSignpost(Action):
    """Offers two or three services, each with a one-line reason, formatted for the channel."""

    def name(self) -> str:
        return SIGNPOST_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        region = user_region(tracker.get_slot(REGION_SLOT))
        concern = tracker.get_slot(CONCERN_SLOT) or DEFAULT_CONCERN
        ranked = rank_resources(
            resources(),
            concern=concern,
            region=region,
            stage=_known(tracker.get_slot(STAGE_SLOT)),
            audience=_known(tracker.get_slot(AUDIENCE_SLOT)),
            limit=3,
        )
        dispatcher.utter_message(response="utter_signpost_intro", place=_place(region))
        for message in format_resources(ranked, channel_of(tracker), with_reason=True):
            dispatcher.utter_message(text=message)
        ids = [item.resource.id for item in ranked]
        logger.info("Signposted concern=%s region=%s resources=%s", concern, region, ",".join(ids))
        return [SlotSet(RESOURCES_SLOT, ids)]


class ActionRecordFeedback(Action):
    """Stores the answer to 'Was this helpful?' for the staff review."""

    def name(self) -> str:
        return FEEDBACK_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        helpful = (tracker.latest_message.get("intent") or {}).get("name") == AFFIRM_INTENT
        dispatcher.utter_message(
            response="utter_feedback_thanks" if helpful else "utter_feedback_sorry"
        )
        return [SlotSet(HELPFUL_SLOT, "yes" if helpful else "no")]


class ActionUpdateProfile(Action):
    """'Actually we're in Scotland': remembers what a parent tells us outside the form."""

    def name(self) -> str:
        return UPDATE_PROFILE_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        events: list[EventType] = []
        for slot, parse in PARSERS.items():
            value = parse(text)
            if value and value != tracker.get_slot(slot):
                events.append(SlotSet(slot, value))
        changed_region = next((e["value"] for e in events if e["name"] == REGION_SLOT), None)
        if changed_region and tracker.get_slot(RESOURCES_SLOT):
            dispatcher.utter_message(response="utter_region_changed", place=_place(changed_region))
        elif events:
            dispatcher.utter_message(response="utter_noted")
        else:
            dispatcher.utter_message(response="utter_ask_whats_on_mind")
        return events
