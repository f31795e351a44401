"""Telegram connector against a real local server and a fake Bot API."""

from __future__ import annotations

import logging
import time

import pytest

from bot.channels.registry import enabled_channels

from . import inbound, settings
from .fake_api import FakeApi
from .servers import ChannelServer, StubAgent
from .settings import channel_env

WEBHOOK = "/webhooks/telegram/webhook"
SEND = f"/bot{settings.TELEGRAM_TOKEN}/sendMessage"
HELPFUL = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


def test_genuine_message_is_handed_over_and_answered(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    reply = server.post(WEBHOOK, *inbound.telegram("telegram_text.json", 1001))
    assert reply.status_code == 200
    assert stub_agent.texts_from("telegram:1001") == ["hello"]
    assert stub_agent.messages[0].input_channel == "telegram"
    sent = fake_api.wait_for(lambda: fake_api.delivered(SEND))
    assert sent[0].json == {"chat_id": "1001", "text": "Thank you for your message."}


@pytest.mark.parametrize("secret", ["guessed-secret", ""])
def test_wrong_or_missing_secret_is_refused_and_nothing_stored(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi, secret: str
) -> None:
    headers, body = inbound.telegram("telegram_forged.json", 1002, secret=secret)
    if not secret:
        headers.pop("X-Telegram-Bot-Api-Secret-Token")
    assert server.post(WEBHOOK, headers, body).status_code == 403
    time.sleep(0.2)
    assert stub_agent.messages == [] and fake_api.calls == []


@pytest.mark.parametrize(
    "body", [None, b"[1, 2]", b'{"message": {"text": "hi"}}', b"\xff\xfe", b""]
)
def test_malformed_update_is_a_client_error_not_a_crash(
    server: ChannelServer, stub_agent: StubAgent, body: bytes | None
) -> None:
    headers, recorded_body = inbound.recorded("telegram_malformed.json")
    assert server.post(WEBHOOK, headers, recorded_body if body is None else body).status_code == 400
    assert stub_agent.messages == []


def test_updates_without_private_text_are_acknowledged(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    headers, body = inbound.recorded("telegram_group.json")
    assert server.post(WEBHOOK, headers, body).status_code == 200
    headers, body = inbound.telegram("telegram_photo.json", 1003)
    assert server.post(WEBHOOK, headers, body).status_code == 200
    assert stub_agent.messages == []
    notice = fake_api.wait_for(lambda: fake_api.delivered(SEND))
    assert notice[0].json["chat_id"] == "1003" and "typed" in notice[0].json["text"]
    assert len(fake_api.calls) == 1  # nothing sent to the group


def test_buttons_are_an_inline_keyboard_and_a_tap_returns_the_payload(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    stub_agent.replies = [{"text": "Was this helpful?", "buttons": HELPFUL}]
    server.post(WEBHOOK, *inbound.telegram("telegram_text.json", 1004))
    sent = fake_api.wait_for(lambda: fake_api.delivered(SEND))[0].json
    assert sent["text"] == "Was this helpful?"
    assert sent["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "Yes", "callback_data": "/affirm"}],
            [{"text": "No", "callback_data": "/deny"}],
        ]
    }
    tap = server.post(WEBHOOK, *inbound.telegram("telegram_callback.json", 1004, text="/deny"))
    assert tap.status_code == 200
    assert stub_agent.texts_from("telegram:1004") == ["hello", "/deny"]
    answered = fake_api.wait_for(lambda: fake_api.delivered("/answerCallbackQuery"))
    assert answered[0].json == {"callback_query_id": "4382bfdwdsb323b2d9"}


def test_a_typed_number_answers_the_last_buttons(
    server: ChannelServer, stub_agent: StubAgent
) -> None:
    stub_agent.replies = [{"text": "Was this helpful?", "buttons": HELPFUL}]
    server.post(WEBHOOK, *inbound.telegram("telegram_text.json", 1005))
    stub_agent.replies = [{"text": "Thanks."}]
    server.post(WEBHOOK, *inbound.telegram("telegram_text.json", 1005, text="2."))
    server.post(WEBHOOK, *inbound.telegram("telegram_text.json", 1005, text="2"))
    # the second "2" follows a turn without buttons, so it stays the parent's own words
    assert stub_agent.texts_from("telegram:1005") == ["hello", "/deny", "2"]


def test_send_api_failing_still_acknowledges_then_retries_until_delivered(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    fake_api.fail_next(3, status=502)
    started = time.monotonic()
    reply = server.post(WEBHOOK, *inbound.telegram("telegram_text.json", 1006))
    assert reply.status_code == 200 and time.monotonic() - started < 2
    assert stub_agent.texts_from("telegram:1006") == ["hello"]
    fake_api.wait_for(lambda: fake_api.delivered(SEND))
    assert [c.status for c in fake_api.attempts(SEND)] == [502, 502, 502, 200]


def test_a_refused_reply_is_not_retried(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    fake_api.fail_next(1, status=400)  # e.g. the parent blocked the bot
    assert server.post(WEBHOOK, *inbound.telegram("telegram_text.json", 1007)).status_code == 200
    fake_api.wait_for(lambda: fake_api.attempts(SEND))
    time.sleep(0.5)
    assert len(fake_api.attempts(SEND)) == 1


def test_redelivered_update_runs_the_turn_once(
    server: ChannelServer, stub_agent: StubAgent
) -> None:
    headers, body = inbound.telegram("telegram_text.json", 1008)
    assert server.post(WEBHOOK, headers, body).status_code == 200
    assert server.post(WEBHOOK, headers, body).status_code == 200
    assert stub_agent.texts_from("telegram:1008") == ["hello"]


def test_a_turn_that_could_not_be_stored_asks_telegram_to_retry(
    server: ChannelServer, stub_agent: StubAgent
) -> None:
    stub_agent.replies = [{"text": "Was this helpful?", "buttons": HELPFUL}]
    server.post(WEBHOOK, *inbound.telegram("telegram_text.json", 1009))
    stub_agent.fail = True
    headers, body = inbound.telegram("telegram_text.json", 1009, text="1")
    assert server.post(WEBHOOK, headers, body).status_code == 503
    stub_agent.fail = False
    assert server.post(WEBHOOK, headers, body).status_code == 200  # Telegram's redelivery
    assert stub_agent.texts_from("telegram:1009") == ["hello", "/affirm"]


def test_send_api_down_keeps_the_message_and_logs_no_text_or_ids(
    caplog: pytest.LogCaptureFixture,
) -> None:
    agent = StubAgent()
    dead = FakeApi().start()
    dead_base = dead.base_url
    dead.stop()  # nothing listens there any more: connection refused
    env = channel_env(dead_base, attempts=2)
    server = ChannelServer(enabled_channels(env), agent).start()
    try:
        with caplog.at_level(logging.INFO, logger="bot.channels"):
            headers, body = inbound.telegram("telegram_text.json", 5550001234, text="my secret")
            assert server.post(WEBHOOK, headers, body).status_code == 200
            deadline = time.monotonic() + 10
            while "not delivered" not in caplog.text and time.monotonic() < deadline:
                time.sleep(0.05)
    finally:
        server.stop()
    assert agent.texts_from("telegram:5550001234") == ["my secret"]
    assert "not delivered after 2 attempts" in caplog.text
    assert "my secret" not in caplog.text and "5550001234" not in caplog.text
    assert settings.TELEGRAM_TOKEN not in caplog.text
