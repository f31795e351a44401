"""Signposting: ask only what matters, then offer two or three fitting services with reasons."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.channel import channel_of
from actions.crisis import CRISIS_INTENTS
from actions.directory import resources, user_region
from actions.profile import (
    DECLINED,
    USER_REGIONS,
    declined,
    parse_audience,
    parse_region,
    parse_stage,
)
from bot.names import RISK_CHECK_INTENT
from bot.resources.formatting import format_resources
from bot.resources.model import AUDIENCES, REGION_PLACES, STAGES
from bot.resources.ranking import rank_resources

logger = logging.getLogger(__name__)

DEFAULT_CONCERN = "concern_low_mood"
# Stage and audience change which services fit these concerns; for the others they do not.
STAGE_MATTERS = {"concern_bonding", "concern_overwhelm", "concern_low_mood", None}
AUDIENCE_MATTERS = {
    "concern_bonding",
    "concern_overwhelm",
    "concern_low_mood",
    "concern_relationship",
    None,
}
# A crisis, or a turn the safety net wants to ask about, is never a form answer.
NOT_ANSWERS = {*CRISIS_INTENTS, RISK_CHECK_INTENT}
PARSERS = {"region": parse_region, "stage": parse_stage, "audience": parse_audience}
KNOWN_VALUES = {"region": set(USER_REGIONS), "stage": set(STAGES), "audience": set(AUDIENCES)}


def _known(value: object) -> str | None:
    return value if isinstance(value, str) and value and value != DECLINED else None


class ValidateSignpostingForm(FormValidationAction):
    """Reads free-text or button answers; a crisis turn is never taken as an answer."""

    def name(self) -> str:
        return "validate_signposting_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        concern = tracker.get_slot("concern")
        needed = ["region"]
        if concern in STAGE_MATTERS:
            needed.append("stage")
        if concern in AUDIENCE_MATTERS:
            needed.append("audience")
        return needed

    def _answer(self, tracker: Tracker, slot: str) -> dict[str, Any]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if tracker.get_slot("requested_slot") != slot or intent in NOT_ANSWERS:
            return {}
        return {slot: tracker.latest_message.get("text") or ""}

    async def extract_region(self, dispatcher, tracker, domain) -> dict[str, Any]:  # noqa: ANN001
        return self._answer(tracker, "region")

    async def extract_stage(self, dispatcher, tracker, domain) -> dict[str, Any]:  # noqa: ANN001
        return self._answer(tracker, "stage")

    async def extract_audience(self, dispatcher, tracker, domain) -> dict[str, Any]:  # noqa: ANN001
        return self._answer(tracker, "audience")

    def _validate(self, slot: str, value: Any, dispatcher: CollectingDispatcher) -> dict:
        text = str(value or "")
        if text == DECLINED or text in KNOWN_VALUES[slot]:
            return {slot: text}
        parsed = PARSERS[slot](text)
        if parsed:
            return {slot: parsed}
        if declined(text):
            return {slot: DECLINED}
        if slot == "region":
            dispatcher.utter_message(response="utter_ask_region_again")
            return {slot: None}
        return {slot: DECLINED}  # an answer we can't read: don't ask twice

    async def validate_region(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        return self._validate("region", value, dispatcher)

    async def validate_stage(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        return self._validate("stage", value, dispatcher)

    async def validate_audience(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        return self._validate("audience", value, dispatcher)


class ActionSignpost(Action):
    """Offers two or three services, each with a one-line reason, formatted for the channel."""

    def name(self) -> str:
        return "action_signpost"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        region = user_region(tracker.get_slot("region"))
        concern = tracker.get_slot("concern") or DEFAULT_CONCERN
        ranked = rank_resources(
            resources(),
            concern=concern,
            region=region,
            stage=_known(tracker.get_slot("stage")),
            audience=_known(tracker.get_slot("audience")),
            limit=3,
        )
        place = REGION_PLACES.get(region, "")
        dispatcher.utter_message(text=f"Here are some places that can help {place}:".strip())
        for message in format_resources(ranked, channel_of(tracker), with_reason=True):
            dispatcher.utter_message(text=message)
        ids = [item.resource.id for item in ranked]
        logger.info("Signposted concern=%s region=%s resources=%s", concern, region, ",".join(ids))
        return [SlotSet("resources_offered", ids)]


class ActionRecordFeedback(Action):
    """Stores the answer to 'Was this helpful?' for the staff review."""

    def name(self) -> str:
        return "action_record_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        helpful = (tracker.latest_message.get("intent") or {}).get("name") == "affirm"
        dispatcher.utter_message(
            response="utter_feedback_thanks" if helpful else "utter_feedback_sorry"
        )
        return [SlotSet("signpost_helpful", "yes" if helpful else "no")]


class ActionUpdateProfile(Action):
    """'Actually we're in Scotland': remembers what a parent tells us outside the form."""

    def name(self) -> str:
        return "action_update_profile"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        events: list[EventType] = []
        for slot, parse in PARSERS.items():
            value = parse(text)
            if value and value != tracker.get_slot(slot):
                events.append(SlotSet(slot, value))
        changed_region = next((e["value"] for e in events if e["name"] == "region"), None)
        if changed_region and tracker.get_slot("resources_offered"):
            place = REGION_PLACES.get(changed_region, "")
            dispatcher.utter_message(
                text=f"Thanks, I've noted that. I'll show services {place} from now on.",
                buttons=[{"title": f"Show services {place}", "payload": "/find_help"}],
            )
        elif events:
            dispatcher.utter_message(response="utter_noted")
        else:
            dispatcher.utter_message(response="utter_ask_whats_on_mind")
        return events
