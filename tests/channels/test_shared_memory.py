"""With several Rasa servers, button numbers and redeliveries are shared through Redis."""

from __future__ import annotations

import pytest

from bot.channels.memory import SharedButtonMemory, shared_memory
from tests.scale.services import require_redis

REDIS_DB = 13
PHONE = "whatsapp:+447700900555"
BUTTONS = [{"title": "Yes, I'm safe right now", "payload": "/affirm"},
           {"title": "No, I'm not safe", "payload": "/deny"}]


@pytest.fixture()
def servers(monkeypatch: pytest.MonkeyPatch) -> tuple[object, object, object]:
    client = require_redis(REDIS_DB)
    monkeypatch.setenv("BOT_REDIS_URL", f"redis://127.0.0.1:6379/{REDIS_DB}")
    monkeypatch.setenv("BOT_PSEUDONYM_KEY", "shared-memory-test-key")
    return shared_memory(), shared_memory(), client


def test_a_2_on_sms_picks_the_button_whichever_server_receives_it(servers) -> None:
    (first_buttons, _), (second_buttons, _), client = servers
    assert isinstance(first_buttons, SharedButtonMemory)
    first_buttons.remember(PHONE, BUTTONS)  # server one showed the buttons
    assert second_buttons.resolve(PHONE, "2") == "/deny"  # server two reads the reply
    stored = b" ".join(k + b" " + (client.get(k) or b"") for k in client.keys("*"))
    assert b"447700900555" not in stored, "Redis holds the pseudonym, never the number"


def test_old_buttons_on_one_server_do_not_outlive_a_turn_on_the_other(servers) -> None:
    (first_buttons, _), (second_buttons, _), _ = servers
    first_buttons.remember(PHONE, BUTTONS)  # server one asked "Are you safe right now?"
    second_buttons.forget(PHONE)  # server two answered the next turn, with no buttons
    assert first_buttons.resolve(PHONE, "2") == "2"  # a later "2" is just text, not "/deny"


def test_a_redelivered_message_is_recognised_by_the_other_server(servers) -> None:
    (_, first_seen), (_, second_seen), _ = servers
    first_seen.add("SM0123456789abcdef")
    assert "SM0123456789abcdef" in second_seen
    assert "SMother" not in second_seen


def test_without_redis_each_server_keeps_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOT_REDIS_URL", raising=False)
    (buttons, seen) = shared_memory()
    assert not isinstance(buttons, SharedButtonMemory)
    buttons.remember(PHONE, BUTTONS)
    assert buttons.resolve(PHONE, "1") == "/affirm"
