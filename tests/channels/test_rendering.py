"""Buttons as numbered text, number replies back to payloads, long-message splitting."""

from __future__ import annotations

import pytest

from bot.channels.facebook import fits_button_template
from bot.channels.memory import ButtonMemory, RecentIds
from bot.channels.notices import REPLY_WITH_NUMBER, notice
from bot.channels.rendering import chosen_number, numbered_options, split_text
from bot.channels.telegram import _callback_data

NUMBER_PROMPT = notice(REPLY_WITH_NUMBER)

REGION_BUTTONS = [
    {"title": "England", "payload": "England"},
    {"title": "Scotland", "payload": "Scotland"},
    {"title": "Rather not say", "payload": "rather not say"},
]
SAFE_BUTTONS = [
    {"title": "Yes, I'm safe right now", "payload": "/affirm"},
    {"title": "No, I'm not safe", "payload": "/deny"},
]


def test_numbered_options_show_titles_and_never_payloads() -> None:
    text = numbered_options("Are you safe right now?", SAFE_BUTTONS)
    assert text == (
        "Are you safe right now?\n\n1. Yes, I'm safe right now\n2. No, I'm not safe\n"
        + NUMBER_PROMPT
    )
    assert "/affirm" not in text and "/deny" not in text


def test_numbered_options_without_title_or_text() -> None:
    assert numbered_options("", [{"payload": "/x"}]) == f"1. Option 1\n{NUMBER_PROMPT}"


@pytest.mark.parametrize(
    ("reply", "number"),
    [("1", 1), ("2.", 2), (" 3 ", 3), ("4)", 4), ("12", 12), ("1:", 1)],
)
def test_chosen_number_accepts_plain_number_replies(reply: str, number: int) -> None:
    assert chosen_number(reply) == number


@pytest.mark.parametrize("reply", ["", None, "one", "1 please", "2 kids", "1.5", "-1", "123"])
def test_chosen_number_ignores_everything_else(reply: str | None) -> None:
    assert chosen_number(reply) is None


def test_button_memory_maps_numbers_to_the_last_buttons_only() -> None:
    memory = ButtonMemory()
    memory.remember("sms:+1", REGION_BUTTONS)
    assert memory.resolve("sms:+1", "2") == "Scotland"
    assert memory.resolve("sms:+1", "3.") == "rather not say"
    assert memory.resolve("sms:+1", "4") == "4"  # out of range: the parent's own words
    assert memory.resolve("sms:+2", "1") == "1"  # another conversation
    memory.remember("sms:+1", SAFE_BUTTONS)
    assert memory.resolve("sms:+1", "1") == "/affirm"
    memory.forget("sms:+1")
    assert memory.resolve("sms:+1", "1") == "1"


def test_button_memory_is_bounded() -> None:
    memory = ButtonMemory(capacity=2)
    for sender in ("a", "b", "c"):
        memory.remember(sender, SAFE_BUTTONS)
    assert memory.resolve("a", "1") == "1"
    assert memory.resolve("c", "1") == "/affirm"


def test_recent_ids_are_bounded() -> None:
    seen = RecentIds(capacity=2)
    for item in ("a", "b", "c"):
        seen.add(item)
    assert "a" not in seen and "b" in seen and "c" in seen


def test_split_text_keeps_parts_within_the_limit_at_boundaries() -> None:
    text = "First paragraph here.\n\nSecond paragraph is longer than that.\nThird line."
    parts = split_text(text, 40)
    assert all(len(part) <= 40 for part in parts)
    assert parts[0] == "First paragraph here."
    assert " ".join(parts).replace("\n", " ").split() == text.replace("\n", " ").split()
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert split_text("short", 10) == ["short"]


def test_facebook_uses_real_buttons_only_within_messenger_limits() -> None:
    helpful = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    assert fits_button_template("Was this helpful?", helpful)
    assert not fits_button_template("Where are you?", REGION_BUTTONS + REGION_BUTTONS[:1])
    assert not fits_button_template("Are you safe?", SAFE_BUTTONS)  # title over 20 characters
    assert not fits_button_template("x" * 641, [{"title": "Yes"}])
    assert not fits_button_template("", [{"title": "Yes"}])


def test_telegram_callback_data_is_the_payload_when_it_fits() -> None:
    assert _callback_data({"title": "Yes", "payload": "/affirm"}, 1) == "/affirm"
    long_payload = '/inform{"region":"' + "x" * 60 + '"}'
    assert _callback_data({"title": "Long", "payload": long_payload}, 3) == "3"
