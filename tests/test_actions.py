"""Custom actions with real rasa_sdk Tracker and CollectingDispatcher objects."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis import ActionEscalateCrisis, ActionShowUrgentHelp
from actions.ideas import ActionOfferIdeas
from actions.profile import parse_audience, parse_region, parse_stage
from actions.session import ActionSessionStart
from actions.signposting import (
    ActionRecordFeedback,
    ActionSignpost,
    ActionUpdateProfile,
    ValidateSignpostingForm,
)


def make_tracker(
    text: str = "",
    intent: str = "greet",
    slots: dict[str, Any] | None = None,
    channel: str = "rest",
    safety_net: dict | None = None,
    active_loop: str | None = None,
) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    if safety_net:
        latest["safety_net"] = safety_net
    events = [{"event": "user", "text": text, "input_channel": channel, "parse_data": latest}]
    return Tracker(
        "parent-1",
        slots or {},
        latest,
        events,
        False,
        None,
        {"name": active_loop} if active_loop else {},
        "action_listen",
    )


def run(action: Any, tracker: Tracker) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def shown(message: dict) -> dict:
    """The message as the parent sees it: a domain response filled in by Rasa's own generator."""
    if not message.get("response"):
        return message
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load("domain.yml")
    values = {key: value for key, value in message.items() if isinstance(value, str)}
    values.pop("response")
    tracker = DialogueStateTracker.from_events("parent-1", [], slots=domain.slots)
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    return asyncio.run(nlg.generate(message["response"], tracker, "rest", **values)) or {}


def all_text(messages: list[dict]) -> str:
    return " ".join(shown(m).get("text") or "" for m in messages)


@pytest.fixture(autouse=True)
def england_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_REGION", "uk-eng")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("we're in Cardiff", "uk-wls"),
        ("glasgow", "uk-sct"),
        ("Belfast", "uk-nir"),
        ("dublin", "ie"),
        ("we live in New York", "us"),
        ("texas", "us"),
        ("London", "uk-eng"),
        ("uk", "uk-eng"),
        ("can you help us", None),
    ],
)
def test_region_answers_in_parents_words(text: str, region: str | None) -> None:
    assert parse_region(text) == region


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("she's 4 months", "0-12m"),
        ("he's 18 months old", "1-3y"),
        ("I'm 30 weeks pregnant", "pregnancy"),
        ("newborn", "0-12m"),
        ("2 years", "1-3y"),
        ("due in march", "pregnancy"),
    ],
)
def test_stage_answers_in_parents_words(text: str, stage: str) -> None:
    assert parse_stage(text) == stage


@pytest.mark.parametrize(
    ("text", "audience"),
    [("I'm her dad", "dads_partners"), ("mum", "mums"), ("I'm the grandma", "any_parent")],
)
def test_audience_answers_in_parents_words(text: str, audience: str) -> None:
    assert parse_audience(text) == audience


def test_session_start_says_automated_and_gives_the_regions_emergency_number() -> None:
    tracker = make_tracker(slots={"session_started_metadata": {"customData": {"region": "us"}}})
    messages, events = run(ActionSessionStart(), tracker)
    assert messages[0]["response"] == "utter_disclaimer"
    assert messages[0]["emergency_number"] == "911"
    assert {"event": "slot", "name": "region", "value": "us", "timestamp": None} in events


def test_session_start_uses_the_deployment_region_when_the_site_sets_none() -> None:
    messages, events = run(ActionSessionStart(), make_tracker())
    assert messages[0]["emergency_number"] == "999"
    assert not any(e.get("name") == "region" for e in events)


def test_self_harm_escalation_gives_uk_numbers_and_closes_any_form() -> None:
    tracker = make_tracker("i want to end it", "crisis_self_harm", active_loop="signposting_form")
    messages, events = run(ActionEscalateCrisis(), tracker)
    assert messages[0]["response"] == "utter_crisis_self_harm"
    assert messages[0]["emergency_number"] == "999"
    assert "116 123" in all_text(messages) and "85258" in all_text(messages)
    assert {"event": "active_loop", "name": None, "timestamp": None} in events


def test_us_abuse_escalation_lists_911_then_the_hotline_without_uk_advice() -> None:
    tracker = make_tracker("he hit me", "crisis_abuse", slots={"region": "us"})
    messages, _ = run(ActionEscalateCrisis(), tracker)
    text = all_text(messages)
    assert "911" in text and "800" in text and "799" in text
    assert "55" not in text.replace("555", "")


@pytest.mark.parametrize(
    ("region", "emergency", "same_day"),
    [
        ("uk-eng", "999", "111"),
        ("uk-sct", "999", "111"),
        ("uk-wls", "999", "111"),
        ("uk-nir", "999", "0808 808 8000"),
        ("ie", "112", "50808"),
        ("us", "911", "988"),
    ],
)
def test_psychosis_gets_its_own_reply_and_same_day_help_for_the_region(
    region: str, emergency: str, same_day: str
) -> None:
    tracker = make_tracker(
        "i keep hearing voices about the baby", "crisis_psychosis", slots={"region": region}
    )
    messages, events = run(ActionEscalateCrisis(), tracker)
    assert messages[0]["response"] == "utter_crisis_psychosis"
    assert messages[0]["emergency_number"] == emergency
    contacts = messages[1]["text"]
    assert contacts.index(emergency) < contacts.index(same_day)
    assert messages[2]["response"] == "utter_crisis_psychosis_today"
    assert {
        "event": "slot",
        "name": "crisis_type",
        "value": "crisis_psychosis",
        "timestamp": None,
    } in events


def test_two_crises_in_one_message_get_both_sets_of_contacts() -> None:
    tracker = make_tracker(
        "he hit me and i want to die",
        "crisis_self_harm",
        safety_net={"fired": True, "intents": ["crisis_abuse", "crisis_self_harm"]},
    )
    messages, events = run(ActionEscalateCrisis(), tracker)
    text = all_text(messages)
    assert "116 123" in text and "0808 2000 247" in text
    assert {
        "event": "slot",
        "name": "crisis_type",
        "value": "crisis_self_harm",
        "timestamp": None,
    } in events


def test_sms_gets_plain_numbers_without_markdown() -> None:
    tracker = make_tracker("baby not breathing", "crisis_medical_emergency", channel="twilio")
    messages, _ = run(ActionEscalateCrisis(), tracker)
    contacts = messages[1]["text"]
    assert "999" in contacts and "](" not in contacts and "**" not in contacts


def test_web_gets_tappable_phone_links() -> None:
    messages, _ = run(ActionShowUrgentHelp(), make_tracker("urgent help", "show_urgent_help"))
    assert "(tel:" in messages[1]["text"]


def test_signposting_offers_two_or_three_services_for_the_region_with_reasons() -> None:
    tracker = make_tracker(
        "",
        "find_help",
        slots={
            "concern": "concern_low_mood",
            "region": "uk-sct",
            "stage": "0-12m",
            "audience": "dads_partners",
        },
    )
    messages, events = run(ActionSignpost(), tracker)
    offered = events[0]["value"]
    assert 2 <= len(offered) <= 3
    assert shown(messages[0])["text"] == "Here are some places that can help in Scotland:"
    assert all("\n" in m["text"] for m in messages[1:])  # each has its one-line reason


def test_signposting_without_any_details_uses_the_deployment_region() -> None:
    messages, events = run(ActionSignpost(), make_tracker("", "human_handoff"))
    assert 2 <= len(events[0]["value"]) <= 3
    assert "England" in shown(messages[0])["text"] or "UK" in all_text(messages)


def test_form_asks_only_what_matters_for_the_concern() -> None:
    form = ValidateSignpostingForm()
    dispatcher = CollectingDispatcher()
    loss = make_tracker(slots={"concern": "concern_baby_loss"})
    mood = make_tracker(slots={"concern": "concern_low_mood"})
    assert asyncio.run(
        form.required_slots(["region", "stage", "audience"], dispatcher, loss, {})
    ) == ["region"]
    assert asyncio.run(
        form.required_slots(["region", "stage", "audience"], dispatcher, mood, {})
    ) == ["region", "stage", "audience"]


def _extracted(text: str, intent: str, asking: str = "region") -> dict[str, Any]:
    """What Rasa's own slot extraction takes from a message while the form asks for `asking`."""
    from rasa.core.actions.action import ActionExtractSlots
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActiveLoop, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load("domain.yml")
    turn = [ActiveLoop("signposting_form"), SlotSet("requested_slot", asking),
            UserUttered(text, intent={"name": intent, "confidence": 1.0})]
    tracker = DialogueStateTracker.from_events("parent-1", turn, slots=domain.slots)
    events = asyncio.run(ActionExtractSlots(None).run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(domain.responses),
        tracker, domain,
    ))
    return {event.key: event.value for event in events if isinstance(event, SlotSet)}


def test_form_reads_free_text_and_never_takes_a_crisis_as_an_answer() -> None:
    assert _extracted("we're in Cardiff", "inform") == {"region": "we're in Cardiff"}
    assert _extracted("a dad", "inform", asking="audience") == {"audience": "a dad"}
    assert _extracted("i want to die", "crisis_self_harm") == {}
    assert _extracted("i can't see the point", "risk_check") == {}
    form = ValidateSignpostingForm()
    answer = make_tracker("we're in Cardiff", "inform", slots={"requested_slot": "region"})
    dispatcher = CollectingDispatcher()
    assert asyncio.run(form.validate_region("we're in Cardiff", dispatcher, answer, {})) == {
        "region": "uk-wls"
    }
    assert asyncio.run(form.validate_region("rather not say", dispatcher, answer, {})) == {
        "region": "unknown"
    }


def test_unrecognised_place_is_asked_again_kindly() -> None:
    dispatcher = CollectingDispatcher()
    result = asyncio.run(
        ValidateSignpostingForm().validate_region("asdfgh", dispatcher, make_tracker(), {})
    )
    assert result == {"region": None}
    assert dispatcher.messages[0]["response"] == "utter_ask_region_again"


def test_changing_region_mid_conversation_offers_the_new_regions_services() -> None:
    tracker = make_tracker(
        "actually we've moved to scotland",
        "inform",
        slots={"region": "uk-eng", "resources_offered": ["samaritans"]},
    )
    messages, events = run(ActionUpdateProfile(), tracker)
    assert {"event": "slot", "name": "region", "value": "uk-sct", "timestamp": None} in events
    told = shown(messages[0])
    assert "I'll show services in Scotland from now on" in told["text"]
    assert told["buttons"] == [{"title": "Show services in Scotland", "payload": "/find_help"}]


def test_helpfulness_answer_is_stored_for_staff_review() -> None:
    _, events = run(ActionRecordFeedback(), make_tracker("/deny", "deny"))
    assert events == [
        {"event": "slot", "name": "signpost_helpful", "value": "no", "timestamp": None}
    ]


def test_ideas_follow_the_concern_and_loss_never_gets_development_ideas() -> None:
    messages, _ = run(ActionOfferIdeas(), make_tracker(slots={"concern": "concern_baby_loss"}))
    assert messages[0]["response"] == "utter_ideas_baby_loss"
    messages, _ = run(ActionOfferIdeas(), make_tracker())
    assert messages[0]["response"] == "utter_ask_whats_on_mind"
