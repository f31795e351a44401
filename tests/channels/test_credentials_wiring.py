"""`rasa run --credentials credentials.yml` builds the connectors from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.run import create_http_input_channels

from bot.channels.base import DisabledChannel
from bot.channels.facebook import FacebookInput
from bot.channels.telegram import TelegramInput
from bot.channels.twilio import TwilioInput

from .servers import ChannelServer, StubAgent
from .settings import channel_env

CREDENTIALS = str(Path(__file__).resolve().parents[2] / "credentials.yml")
WEBHOOKS = ["/webhooks/telegram/webhook", "/webhooks/twilio/webhook", "/webhooks/facebook/webhook"]


def _clear(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in channel_env("http://127.0.0.1:9"):
        monkeypatch.delenv(name, raising=False)


def test_without_variables_the_apps_are_off_and_serve_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _clear(monkeypatch)
    channels = create_http_input_channels(None, CREDENTIALS)
    names = [channel.name() for channel in channels]
    assert names == ["rest", "socketio", "telegram", "twilio", "facebook"]
    assert all(isinstance(channel, DisabledChannel) for channel in channels[2:])
    server = ChannelServer(channels, StubAgent()).start()
    try:
        for path in WEBHOOKS:
            assert server.post(path, {}, b"{}").status_code == 404
    finally:
        server.stop()


def test_with_variables_credentials_yml_gives_the_hardened_connectors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _clear(monkeypatch)
    for name, value in channel_env("http://127.0.0.1:9").items():
        monkeypatch.setenv(name, value)
    channels = create_http_input_channels(None, CREDENTIALS)
    kinds = [type(channel) for channel in channels[2:]]
    assert kinds == [TelegramInput, TwilioInput, FacebookInput]
    assert channels[2].outbox.policy.base_seconds == 0.05  # retry settings from the env too
