"""Channels switch on from environment variables alone, and stay off when half-set."""

from __future__ import annotations

import logging

import pytest

from bot.channels.config import RetryPolicy, retry_policy, telegram_config, twilio_config
from bot.channels.registry import enabled_channels

from .settings import channel_env

BASE = "http://127.0.0.1:9"


def test_every_channel_on_when_its_variables_are_set() -> None:
    names = [channel.name() for channel in enabled_channels(channel_env(BASE))]
    assert names == ["telegram", "twilio", "facebook"]


def test_no_variables_means_no_channels_and_no_warnings(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert enabled_channels({}) == []
    assert not caplog.records


@pytest.mark.parametrize(
    ("missing", "channel"),
    [
        ("TELEGRAM_WEBHOOK_SECRET", "telegram"),
        ("TWILIO_AUTH_TOKEN", "twilio"),
        ("TWILIO_PUBLIC_URL", "twilio"),
        ("FACEBOOK_APP_SECRET", "facebook"),
        ("FACEBOOK_VERIFY_TOKEN", "facebook"),
    ],
)
def test_half_configured_channel_stays_off_and_says_why(
    missing: str, channel: str, caplog: pytest.LogCaptureFixture
) -> None:
    env = channel_env(BASE)
    del env[missing]
    with caplog.at_level(logging.WARNING):
        names = [c.name() for c in enabled_channels(env)]
    assert channel not in names
    assert missing in caplog.text
    assert env["TWILIO_AUTH_TOKEN" if channel != "twilio" else "TELEGRAM_TOKEN"] not in caplog.text


def test_telegram_secret_must_be_one_telegram_accepts() -> None:
    env = {**channel_env(BASE), "TELEGRAM_WEBHOOK_SECRET": "has spaces!"}
    assert telegram_config(env) is None


def test_twilio_needs_at_least_one_sender_and_prefixes_whatsapp() -> None:
    env = channel_env(BASE)
    only_whatsapp = {k: v for k, v in env.items() if k != "TWILIO_SMS_FROM"}
    config = twilio_config(only_whatsapp)
    assert config is not None and config.sms_from is None
    assert config.whatsapp_from == "whatsapp:" + env["TWILIO_WHATSAPP_FROM"]
    neither = {k: v for k, v in only_whatsapp.items() if k != "TWILIO_WHATSAPP_FROM"}
    assert twilio_config(neither) is None


def test_api_bases_default_to_the_real_apps() -> None:
    env = {k: v for k, v in channel_env(BASE).items() if not k.endswith("_API_BASE")}
    bases = [c.config.api_base for c in enabled_channels(env)]  # type: ignore[attr-defined]
    assert bases == [
        "https://api.telegram.org",
        "https://api.twilio.com",
        "https://graph.facebook.com",
    ]


def test_retry_policy_defaults_bounds_and_bad_values() -> None:
    assert retry_policy({}) == RetryPolicy()
    policy = retry_policy(
        {"BOT_CHANNEL_RETRY_ATTEMPTS": "3", "BOT_CHANNEL_RETRY_BASE_SECONDS": "2"}
    )
    assert policy.attempts == 3
    assert [policy.delay(n) for n in (1, 2, 3)] == [2, 4, 8]
    assert RetryPolicy(base_seconds=1, max_seconds=5).delay(10) == 5
    assert retry_policy({"BOT_CHANNEL_RETRY_ATTEMPTS": "lots"}).attempts == RetryPolicy().attempts
    assert retry_policy({"BOT_CHANNEL_RETRY_ATTEMPTS": "0"}).attempts == 1
