"""Channel settings read from environment variables, so no secret lives in a file.

A channel is on only when every variable it needs to verify requests and send
replies is set; a half-configured channel stays off (and says why) rather than
accepting requests it cannot verify.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

logger = logging.getLogger(__name__)

_TELEGRAM_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded exponential backoff for outbound replies."""

    attempts: int = 6
    base_seconds: float = 1.0
    max_seconds: float = 60.0
    timeout_seconds: float = 10.0

    def delay(self, failed_attempts: int) -> float:
        """Seconds to wait after the n-th failed attempt (1-based)."""
        return min(self.max_seconds, self.base_seconds * 2 ** (failed_attempts - 1))


@dataclass(frozen=True)
class TelegramConfig:
    token: str
    webhook_secret: str
    api_base: str


@dataclass(frozen=True)
class TwilioConfig:
    account_sid: str
    auth_token: str
    public_url: str
    sms_from: str | None
    whatsapp_from: str | None
    api_base: str


@dataclass(frozen=True)
class FacebookConfig:
    verify_token: str
    app_secret: str
    page_access_token: str
    api_base: str
    api_version: str


def _get(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _missing(env: Mapping[str, str], names: list[str]) -> list[str]:
    return [name for name in names if not _get(env, name)]


def _off_because(channel: str, missing: list[str], required: int) -> None:
    """Warn only when the channel is half-configured: fully unset is the normal 'off'."""
    if len(missing) < required:
        logger.warning("%s channel is off: %s not set", channel, ", ".join(missing))


def retry_policy(env: Mapping[str, str] | None = None) -> RetryPolicy:
    """Retry settings; bad or missing values fall back to the defaults."""
    env = os.environ if env is None else env
    default = RetryPolicy()

    def number(name: str, fallback: float, minimum: float) -> float:
        raw = _get(env, name)
        if raw is None:
            return fallback
        try:
            return max(minimum, float(raw))
        except ValueError:
            logger.warning("%s is not a number; using %s", name, fallback)
            return fallback

    return RetryPolicy(
        attempts=int(number("BOT_CHANNEL_RETRY_ATTEMPTS", default.attempts, 1)),
        base_seconds=number("BOT_CHANNEL_RETRY_BASE_SECONDS", default.base_seconds, 0.0),
        max_seconds=number("BOT_CHANNEL_RETRY_MAX_SECONDS", default.max_seconds, 0.0),
        timeout_seconds=number("BOT_CHANNEL_TIMEOUT_SECONDS", default.timeout_seconds, 0.1),
    )


def telegram_config(env: Mapping[str, str] | None = None) -> TelegramConfig | None:
    env = os.environ if env is None else env
    names = ["TELEGRAM_TOKEN", "TELEGRAM_WEBHOOK_SECRET"]
    missing = _missing(env, names)
    if missing:
        _off_because("Telegram", missing, len(names))
        return None
    secret = _get(env, "TELEGRAM_WEBHOOK_SECRET") or ""
    if not _TELEGRAM_SECRET.match(secret):
        # Telegram itself refuses such a secret in setWebhook, so no genuine request could match.
        logger.warning(
            "Telegram channel is off: TELEGRAM_WEBHOOK_SECRET must be 1-256 of A-Z a-z 0-9 _ -"
        )
        return None
    return TelegramConfig(
        token=_get(env, "TELEGRAM_TOKEN") or "",
        webhook_secret=secret,
        api_base=(_get(env, "TELEGRAM_API_BASE") or "https://api.telegram.org").rstrip("/"),
    )


def twilio_config(env: Mapping[str, str] | None = None) -> TwilioConfig | None:
    env = os.environ if env is None else env
    names = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_PUBLIC_URL"]
    missing = _missing(env, names)
    senders = [_get(env, "TWILIO_SMS_FROM"), _get(env, "TWILIO_WHATSAPP_FROM")]
    if not any(senders):
        missing.append("TWILIO_SMS_FROM or TWILIO_WHATSAPP_FROM")
    if missing:
        _off_because("Twilio", missing, len(names) + 1)
        return None
    whatsapp_from = senders[1]
    if whatsapp_from and not whatsapp_from.startswith("whatsapp:"):
        whatsapp_from = f"whatsapp:{whatsapp_from}"
    return TwilioConfig(
        account_sid=_get(env, "TWILIO_ACCOUNT_SID") or "",
        auth_token=_get(env, "TWILIO_AUTH_TOKEN") or "",
        public_url=_get(env, "TWILIO_PUBLIC_URL") or "",
        sms_from=senders[0],
        whatsapp_from=whatsapp_from,
        api_base=(_get(env, "TWILIO_API_BASE") or "https://api.twilio.com").rstrip("/"),
    )


def facebook_config(env: Mapping[str, str] | None = None) -> FacebookConfig | None:
    env = os.environ if env is None else env
    names = ["FACEBOOK_VERIFY_TOKEN", "FACEBOOK_APP_SECRET", "FACEBOOK_PAGE_ACCESS_TOKEN"]
    missing = _missing(env, names)
    if missing:
        _off_because("Facebook", missing, len(names))
        return None
    return FacebookConfig(
        verify_token=_get(env, "FACEBOOK_VERIFY_TOKEN") or "",
        app_secret=_get(env, "FACEBOOK_APP_SECRET") or "",
        page_access_token=_get(env, "FACEBOOK_PAGE_ACCESS_TOKEN") or "",
        api_base=(_get(env, "FACEBOOK_API_BASE") or "https://graph.facebook.com").rstrip("/"),
        api_version=_get(env, "FACEBOOK_API_VERSION") or "v23.0",
    )
