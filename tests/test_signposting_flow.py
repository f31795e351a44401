"""Signposting through the whole assistant: each concern in several regions, free-text answers,
a parent who will not say, and one who changes region mid-conversation."""

from __future__ import annotations

import pytest

from bot.resources.directory import load_directory, region_matches
from tests.conftest import Assistant, texts

pytestmark = pytest.mark.slow

CONCERNS = [
    "concern_bonding",
    "concern_overwhelm",
    "concern_relationship",
    "concern_low_mood",
    "concern_baby_loss",
]
PLACES = {"uk-sct": "we live just outside Glasgow", "us": "we're in Texas", "ie": "Cork"}
ANSWERS = {
    "Are you pregnant, or how old is your baby?": "she's 4 months",
    "And who's asking? It helps me find services for you.": "I'm her dad",
}
DIRECTORY = {r.id: r for r in load_directory()}


def complete_form(assistant: Assistant, sender: str, place: str) -> list[str]:
    """Answer whatever the form asks, in a parent's words, until the services are offered."""
    replies = texts(assistant.send("/find_help", sender))
    for _ in range(4):
        if "Was this helpful?" in replies:
            return replies
        question = replies[-1]
        answer = place if "where are you" in question else ANSWERS.get(question, "rather not say")
        replies = texts(assistant.send(answer, sender))
    return replies


def offered(assistant: Assistant, sender: str) -> list[str]:
    return assistant.tracker(sender).get_slot("resources_offered") or []


@pytest.mark.parametrize("region", sorted(PLACES))
@pytest.mark.parametrize("concern", CONCERNS)
def test_each_concern_gets_two_or_three_services_for_the_parents_region(
    assistant: Assistant, concern: str, region: str
) -> None:
    sender = assistant.new_sender()
    assistant.send(f"/{concern}", sender)
    replies = complete_form(assistant, sender, PLACES[region])
    ids = offered(assistant, sender)
    assert "Was this helpful?" in replies
    assert 2 <= len(ids) <= 3
    assert all(region_matches(DIRECTORY[i].regions, region) for i in ids)
    assert all(concern in DIRECTORY[i].concerns for i in ids)


def test_bereaved_parent_is_not_asked_about_the_babys_age(assistant: Assistant) -> None:
    sender = assistant.new_sender()
    assistant.send("/concern_baby_loss", sender)
    replies = texts(assistant.send("/find_help", sender))
    assert "where are you" in replies[-1]
    replies = texts(assistant.send("Scotland", sender))
    assert not any("how old is your baby" in r for r in replies)
    assert "Was this helpful?" in replies


def test_parent_who_will_not_say_still_gets_help_for_the_deployment_region(assistant):
    sender = assistant.new_sender()
    assistant.send("/concern_overwhelm", sender)
    replies = texts(assistant.send("/find_help", sender))
    for _ in range(3):
        if "Was this helpful?" in replies:
            break
        replies = texts(assistant.send("rather not say", sender))
    ids = offered(assistant, sender)
    assert 2 <= len(ids) <= 3
    assert all(region_matches(DIRECTORY[i].regions, "uk-eng") for i in ids)


def test_region_changed_mid_conversation_is_used_for_the_next_services(assistant):
    sender = assistant.new_sender()
    assistant.send("/concern_low_mood", sender)
    complete_form(assistant, sender, "London")
    first = offered(assistant, sender)
    replies = texts(assistant.send("actually we've just moved to Wales", sender))
    assert any("Wales" in r for r in replies)
    replies = texts(assistant.send("/find_help", sender))
    assert "Was this helpful?" in replies  # nothing asked again
    second = offered(assistant, sender)
    assert all(region_matches(DIRECTORY[i].regions, "uk-wls") for i in second)
    assert first != second or all(region_matches(DIRECTORY[i].regions, "uk") for i in first)


def test_website_region_is_used_without_asking(assistant: Assistant) -> None:
    sender = assistant.new_sender()
    assistant.send("hi", sender, metadata={"customData": {"region": "us"}})
    assistant.send("/concern_relationship", sender)
    replies = texts(assistant.send("/find_help", sender))
    assert not any("where are you" in r for r in replies)


def test_helpfulness_answer_is_kept_for_staff(assistant: Assistant) -> None:
    sender = assistant.new_sender()
    assistant.send("/concern_bonding", sender)
    complete_form(assistant, sender, "Belfast")
    assistant.send("/deny", sender)
    assert assistant.tracker(sender).get_slot("signpost_helpful") == "no"


def test_crisis_answer_to_a_form_question_closes_the_form_and_escalates(assistant):
    sender = assistant.new_sender()
    assistant.send("/concern_low_mood", sender)
    replies = texts(assistant.send("/find_help", sender))
    assert "where are you" in replies[-1]
    replies = texts(assistant.send("i don't want to be alive anymore", sender))
    assert "999" in replies[0] and replies[-1] == "Are you safe right now?"
    tracker = assistant.tracker(sender)
    assert tracker.active_loop_name is None
