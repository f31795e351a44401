"""An optional webhook that tells the team a crisis turn needs a person, within seconds.

With `BOT_REVIEW_ALERT_URL` set, the anonymising tracker store calls `notify()` for every stored
user turn the assistant escalated (a crisis intent or the direct question). The POST carries only
the conversation's pseudonym, the crisis type and a link to the review app's "Needs attention"
page (`BOT_REVIEW_PUBLIC_URL`), never message text. It runs as a background task with retries,
so the parent's reply never waits for it, and a failed delivery is logged without any id.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import aiohttp

from bot.names import CRISIS_INTENTS, RISK_CHECK_INTENT
from bot.privacy.settings import setting

logger = logging.getLogger(__name__)

ATTEMPTS = 4
FIRST_BACKOFF = 1.0  # seconds; doubled after each failed attempt
TIMEOUT = 5.0
DEFAULT_REVIEW_PORT = 8090  # as bot/review/config.py
_PENDING: set[asyncio.Task[None]] = set()  # strong references until each delivery ends


@dataclass(frozen=True)
class AlertSettings:
    url: str
    review_url: str


def settings() -> AlertSettings | None:
    """None when no webhook is configured (the default)."""
    url = (setting("BOT_REVIEW_ALERT_URL") or "").strip()
    if not url:
        return None
    local = f"http://127.0.0.1:{setting('BOT_REVIEW_PORT') or DEFAULT_REVIEW_PORT}"
    review = (setting("BOT_REVIEW_PUBLIC_URL") or local).strip().rstrip("/")
    return AlertSettings(url, review)


def needs_attention(intent: str | None) -> bool:
    return intent in CRISIS_INTENTS or intent == RISK_CHECK_INTENT


def notify(pseudonym: str, intent: str, config: AlertSettings | None = None) -> bool:
    """Schedules the POST and returns at once; False when alerts are off or no loop runs."""
    config = config or settings()
    if config is None:
        return False
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return False
    payload = {
        "conversation": pseudonym,
        "crisis_type": "direct_question" if intent == RISK_CHECK_INTENT else intent,
        "link": f"{config.review_url}/attention",
    }
    task = loop.create_task(_deliver(config.url, payload))
    _PENDING.add(task)
    task.add_done_callback(_PENDING.discard)
    return True


async def _deliver(url: str, payload: dict[str, str]) -> None:
    delay = FIRST_BACKOFF
    timeout = aiohttp.ClientTimeout(total=TIMEOUT)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            async with (
                aiohttp.ClientSession(timeout=timeout) as session,
                session.post(url, json=payload) as reply,
            ):
                if reply.status < 300:
                    return
                problem = f"HTTP {reply.status}"
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            problem = type(error).__name__
        if attempt < ATTEMPTS:
            await asyncio.sleep(delay)
            delay *= 2
    logger.warning("Crisis alert webhook failed after %d attempts (%s).", ATTEMPTS, problem)


async def drain() -> None:
    """Waits for deliveries in flight (tests, and a clean shutdown)."""
    while _PENDING:
        await asyncio.gather(*list(_PENDING), return_exceptions=True)
