"""Build inbound webhook requests from the recorded payloads in payloads/.

Tests give each request a fresh sender and message id (so conversations and
redelivery checks do not collide) and sign it again the way the app would:
Twilio with Twilio's own SDK validator, Meta with a plain HMAC-SHA256.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from . import settings

PAYLOADS = Path(__file__).parent / "payloads"


def load(name: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def recorded(name: str) -> tuple[dict[str, str], bytes]:
    """A fixture exactly as recorded: headers and raw body bytes."""
    fixture = load(name)
    if "form" in fixture:
        return fixture["headers"], urlencode(fixture["form"]).encode()
    if "raw_body" in fixture:
        return fixture["headers"], fixture["raw_body"].encode()
    return fixture["headers"], json.dumps(fixture["body"]).encode()


def new_id() -> int:
    return uuid.uuid4().int % 10**12 + 10**12


def telegram(
    name: str, chat_id: int, text: str | None = None, secret: str | None = None
) -> tuple[dict[str, str], bytes]:
    fixture = load(name)
    body = copy.deepcopy(fixture["body"])
    body["update_id"] = new_id()
    holder = body.get("callback_query") or body
    message = holder["message"]
    message["chat"]["id"] = chat_id
    if "callback_query" in body:
        body["callback_query"]["from"]["id"] = chat_id
        if text is not None:
            body["callback_query"]["data"] = text
    else:
        message["from"]["id"] = chat_id
        if text is not None:
            message["text"] = text
    headers = dict(fixture["headers"])
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    return headers, json.dumps(body).encode()


def twilio(
    name: str,
    sender: str,
    text: str | None = None,
    auth_token: str = settings.TWILIO_AUTH_TOKEN,
) -> tuple[dict[str, str], bytes]:
    fixture = load(name)
    form = dict(fixture["form"])
    form["From"] = sender
    sid = f"SM{uuid.uuid4().hex}"
    form.update({"MessageSid": sid, "SmsSid": sid, "SmsMessageSid": sid})
    if text is not None:
        form["Body"] = text
    headers = dict(fixture["headers"])
    validator = RequestValidator(auth_token)
    headers["X-Twilio-Signature"] = validator.compute_signature(settings.TWILIO_PUBLIC_URL, form)
    return headers, urlencode(form).encode()


def facebook(
    name: str, psid: str, text: str | None = None, secret: str = settings.FACEBOOK_APP_SECRET
) -> tuple[dict[str, str], bytes]:
    fixture = load(name)
    body = json.loads(fixture["raw_body"])
    event = body["entry"][0]["messaging"][0]
    event["sender"]["id"] = psid
    kind = "message" if "message" in event else "postback"
    event[kind]["mid"] = f"m_{uuid.uuid4().hex}"
    if text is not None:
        event[kind]["text" if kind == "message" else "payload"] = text
    raw = json.dumps(body, separators=(",", ":")).encode()
    headers = dict(fixture["headers"])
    headers["X-Hub-Signature-256"] = facebook_signature(raw, secret)
    return headers, raw


def facebook_signature(raw: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
