"""The recorded payloads are what they claim: genuine ones verify, forged ones do not."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from bot.channels.signatures import (
    same_secret,
    valid_facebook_signature,
    valid_twilio_signature,
)

from . import settings
from .inbound import recorded


@pytest.mark.parametrize(
    ("name", "genuine"),
    [("twilio_sms.json", True), ("twilio_whatsapp.json", True),
     ("twilio_mms_no_text.json", True), ("twilio_malformed.json", True),
     ("twilio_forged.json", False)],
)
def test_twilio_fixtures(name: str, genuine: bool) -> None:
    headers, body = recorded(name)
    fields = parse_qsl(body.decode(), keep_blank_values=True)
    signature = headers["X-Twilio-Signature"]
    result = valid_twilio_signature(
        settings.TWILIO_AUTH_TOKEN, settings.TWILIO_PUBLIC_URL, fields, signature
    )
    assert result is genuine


@pytest.mark.parametrize(
    ("name", "genuine"),
    [("facebook_text.json", True), ("facebook_postback.json", True),
     ("facebook_read.json", True), ("facebook_echo.json", True),
     ("facebook_malformed.json", True), ("facebook_forged.json", False),
     ("facebook_unsigned_sha1.json", False)],
)
def test_facebook_fixtures(name: str, genuine: bool) -> None:
    headers, body = recorded(name)
    header = headers.get("X-Hub-Signature-256")
    assert valid_facebook_signature(settings.FACEBOOK_APP_SECRET, body, header) is genuine


@pytest.mark.parametrize(
    ("name", "genuine"),
    [("telegram_text.json", True), ("telegram_callback.json", True),
     ("telegram_photo.json", True), ("telegram_malformed.json", True),
     ("telegram_forged.json", False)],
)
def test_telegram_fixtures(name: str, genuine: bool) -> None:
    headers, _ = recorded(name)
    token = headers["X-Telegram-Bot-Api-Secret-Token"]
    assert same_secret(token, settings.TELEGRAM_WEBHOOK_SECRET) is genuine
