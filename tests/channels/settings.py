"""Test credentials (not real ones) and the environment that switches all three apps on."""

from __future__ import annotations

TELEGRAM_TOKEN = "123456789:AAtest-token-not-real"
TELEGRAM_WEBHOOK_SECRET = "nurture_test-secret_0123456789"
TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000000"
TWILIO_AUTH_TOKEN = "0123456789abcdef0123456789abcdef"
TWILIO_PUBLIC_URL = "https://nurture.example.org/webhooks/twilio/webhook"
TWILIO_SMS_FROM = "+15005550006"
TWILIO_WHATSAPP_FROM = "+14155238886"
FACEBOOK_VERIFY_TOKEN = "nurture-test-verify-token"
FACEBOOK_APP_SECRET = "0123456789abcdef0123456789abcdef"
FACEBOOK_PAGE_ACCESS_TOKEN = "EAAtest-page-token-not-real"


def channel_env(api_base: str, *, backoff: float = 0.05, attempts: int = 6) -> dict[str, str]:
    """Every channel on, every send API pointed at `api_base`, fast retries."""
    return {
        "TELEGRAM_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_WEBHOOK_SECRET,
        "TELEGRAM_API_BASE": api_base,
        "TWILIO_ACCOUNT_SID": TWILIO_ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": TWILIO_AUTH_TOKEN,
        "TWILIO_PUBLIC_URL": TWILIO_PUBLIC_URL,
        "TWILIO_SMS_FROM": TWILIO_SMS_FROM,
        "TWILIO_WHATSAPP_FROM": TWILIO_WHATSAPP_FROM,
        "TWILIO_API_BASE": api_base,
        "FACEBOOK_VERIFY_TOKEN": FACEBOOK_VERIFY_TOKEN,
        "FACEBOOK_APP_SECRET": FACEBOOK_APP_SECRET,
        "FACEBOOK_PAGE_ACCESS_TOKEN": FACEBOOK_PAGE_ACCESS_TOKEN,
        "FACEBOOK_API_BASE": api_base,
        "BOT_CHANNEL_RETRY_ATTEMPTS": str(attempts),
        "BOT_CHANNEL_RETRY_BASE_SECONDS": str(backoff),
        "BOT_CHANNEL_RETRY_MAX_SECONDS": "0.5",
        "BOT_CHANNEL_TIMEOUT_SECONDS": "2",
    }
