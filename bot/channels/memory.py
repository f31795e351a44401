"""What a connector keeps between requests: the last buttons shown, and ids already handled.

`ButtonMemory` remembers the buttons of the bot's last message per conversation,
so a reply of "2" on SMS can be turned back into that button's payload.
`RecentIds` remembers message ids already handed to the agent, so an app's
redelivery of the same webhook does not run the conversation twice.

Both live in this process's memory, bounded. With `BOT_REDIS_URL` set (several Rasa servers),
`shared_memory()` gives versions in Redis with an expiry instead, so a "2" reaches the right
button and a redelivery is recognised whichever server the app calls. Conversations are keyed
by their pseudonym (bot/privacy/identity.py); if Redis cannot be reached, they fall back to
this process's memory for that call.
"""

from __future__ import annotations

import json
import logging
import os
from collections import OrderedDict
from typing import Any

import redis

from bot.privacy.identity import pseudonym

from .rendering import chosen_number

logger = logging.getLogger(__name__)
REDIS_URL_ENV = "BOT_REDIS_URL"
KEY_PREFIX = "nurture:channels:"
EXPIRY_SECONDS = 86_400  # a day: buttons older than that mean nothing; apps redeliver sooner


class ButtonMemory:
    """Last buttons shown per conversation, least recently used dropped first."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._capacity = capacity
        self._payloads: OrderedDict[str, list[str]] = OrderedDict()

    def forget(self, conversation: str) -> list[str] | None:
        """Called when a new bot turn starts: old numbers no longer mean anything."""
        return self._payloads.pop(conversation, None)

    def remember(self, conversation: str, buttons: list[dict[str, Any]]) -> None:
        self.restore(conversation, [str(b.get("payload") or b.get("title") or "") for b in buttons])

    def restore(self, conversation: str, payloads: list[str] | None) -> None:
        """Put back what `forget` returned (the turn it made way for did not happen)."""
        if payloads is None:
            return
        self._payloads[conversation] = payloads
        self._payloads.move_to_end(conversation)
        while len(self._payloads) > self._capacity:
            self._payloads.popitem(last=False)

    def resolve(self, conversation: str, text: str | None) -> str | None:
        """The payload a numbered reply stands for, or the text unchanged."""
        number = chosen_number(text)
        payloads = self._payloads.get(conversation)
        if number is None or not payloads or not 1 <= number <= len(payloads):
            return text
        return payloads[number - 1] or text


class RecentIds:
    """A bounded set of recently seen ids."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, item: str) -> bool:
        return item in self._ids

    def add(self, item: str) -> None:
        self._ids[item] = None
        self._ids.move_to_end(item)
        while len(self._ids) > self._capacity:
            self._ids.popitem(last=False)


class SharedButtonMemory(ButtonMemory):
    """ButtonMemory in Redis, shared by every server; this process's memory if Redis fails."""

    def __init__(self, client: redis.Redis, capacity: int = 10_000) -> None:
        super().__init__(capacity)
        self._redis = client

    def _key(self, conversation: str) -> str:
        return f"{KEY_PREFIX}buttons:{pseudonym(conversation)}"

    def forget(self, conversation: str) -> list[str] | None:
        local = super().forget(conversation)
        try:
            raw = self._redis.getdel(self._key(conversation))
        except redis.RedisError:
            _redis_failed()
            return local
        return json.loads(raw) if raw else local

    def restore(self, conversation: str, payloads: list[str] | None) -> None:
        super().restore(conversation, payloads)
        if payloads is None:
            return
        try:
            self._redis.set(self._key(conversation), json.dumps(payloads), ex=EXPIRY_SECONDS)
        except redis.RedisError:
            _redis_failed()

    def resolve(self, conversation: str, text: str | None) -> str | None:
        try:
            raw = self._redis.get(self._key(conversation))
        except redis.RedisError:
            _redis_failed()
            return super().resolve(conversation, text)
        if raw is None:
            # Redis answered: no buttons are on show. This server's own copy may be from before
            # another server's turn moved the conversation on, so it must not be read.
            return text
        number = chosen_number(text)
        payloads = json.loads(raw)
        if number is None or not 1 <= number <= len(payloads):
            return text
        return payloads[number - 1] or text


class SharedRecentIds(RecentIds):
    """RecentIds in Redis (with an expiry), shared by every server."""

    def __init__(self, client: redis.Redis, capacity: int = 10_000) -> None:
        super().__init__(capacity)
        self._redis = client

    def __contains__(self, item: str) -> bool:
        try:
            shared = bool(self._redis.exists(f"{KEY_PREFIX}seen:{item}"))
        except redis.RedisError:
            _redis_failed()
            shared = False
        return shared or super().__contains__(item)

    def add(self, item: str) -> None:
        super().add(item)
        try:
            self._redis.set(f"{KEY_PREFIX}seen:{item}", 1, ex=EXPIRY_SECONDS)
        except redis.RedisError:
            _redis_failed()


def _redis_failed() -> None:
    logger.warning("Redis unreachable: connector state kept in this server's memory")


def shared_memory() -> tuple[ButtonMemory, RecentIds]:
    """In Redis when BOT_REDIS_URL is set (several servers), else in this process's memory."""
    url = os.environ.get(REDIS_URL_ENV, "").strip()
    if not url:
        return ButtonMemory(), RecentIds()
    client = redis.Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
    return SharedButtonMemory(client), SharedRecentIds(client)
