"""The lock store endpoints.yml selects: Redis from `BOT_REDIS_URL` when set, else in memory.

Why not Rasa's own `type: redis`: it wants host/port/db fields, not a URL, and endpoints.yml's
`${VAR}` substitution fails when the variable is unset, so one endpoints.yml could not serve both
`make run` (no Redis) and a scaled-out deployment.

Why not plain `RedisLockStore`: each of its ticket updates is a read, a change in Python, then a
write. Two servers taking a ticket for the same conversation at once can both read the same lock,
hand out the same ticket and process two messages at the same time, and the SQL tracker store
then loses one server's events (RasaHQ/rasa#9213). Here every update is an optimistic Redis
transaction (WATCH/MULTI/EXEC, retried on conflict), so tickets stay unique across servers.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar
from urllib.parse import urlsplit

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.privacy import settings
from bot.privacy.identity import pseudonymise
from bot.resilience.breaker import Breaker

logger = logging.getLogger(__name__)
ENV_URL = "BOT_REDIS_URL"
ENV_WORKERS = "SANIC_WORKERS"
MAX_CONFLICT_RETRIES = 100
# Redis answers in well under a millisecond on a healthy network; a hung Redis must not hold a
# crisis turn for Rasa's default 10 s.
SOCKET_TIMEOUT_SECONDS = 1.0
# After Redis fails, turns use this server's own locks for this long before Redis is tried again.
OUTAGE_RETRY_SECONDS = 5.0
T = TypeVar("T")


class SharedLockStore(RedisLockStore):
    """Rasa's Redis lock store, configured from a redis:// URL, with atomic ticket updates.

    Conversations are locked under their pseudonym (bot/privacy/identity.py): neither a Redis
    key nor a stored lock carries a raw sender id, which on SMS and WhatsApp is a phone number.

    Constructing it without `BOT_REDIS_URL` (and no `url` in endpoints.yml) gives Rasa's
    in-memory lock store instead, which is right for a single server.

    While Redis is unreachable, turns are serialised by this server's own in-memory locks
    instead of failing: every parent still gets an answer, and messages of one conversation
    stay in order on each server (only two servers taking the same conversation at once could
    interleave, for the length of the outage).
    """

    def __new__(cls, endpoint_config: EndpointConfig | None = None,
                **kwargs: Any) -> SharedLockStore | InMemoryLockStore:
        if _redis_url(endpoint_config):
            return super().__new__(cls)
        if int(os.environ.get(ENV_WORKERS, "1") or 1) > 1:
            raise LockError(f"{ENV_WORKERS}>1 needs a shared lock store: set {ENV_URL}.")
        return InMemoryLockStore()

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        url = _redis_url(endpoint_config) or ""
        parts = urlsplit(url)
        if parts.scheme not in {"redis", "rediss"} or not parts.hostname:
            raise LockError(f"{ENV_URL} must be a redis:// or rediss:// URL")
        options = dict(endpoint_config.kwargs) if endpoint_config else {}
        options.pop("url", None)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT_SECONDS)
        self._pseudonym_key = settings.pseudonym_key()
        self._local = InMemoryLockStore()
        self._redis = Breaker()
        super().__init__(
            host=parts.hostname,
            port=parts.port or 6379,
            db=int(parts.path.lstrip("/") or 0),
            username=parts.username,
            password=parts.password,
            use_ssl=parts.scheme == "rediss",
            key_prefix=options.pop("key_prefix", None),
            **{k: v for k, v in options.items() if k in _PASSTHROUGH},
        )

    # -- a Redis outage falls back to this server's own locks -----------------------------

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncIterator[TicketLock]:
        """Rasa's ticket lock in Redis, or in memory while Redis is unreachable."""
        conversation_id = self._key_for(conversation_id)
        held: TicketLock | None = None
        if self._redis.available():
            try:
                ticket = self.issue_ticket(conversation_id, lock_lifetime)
                held = await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
            except (LockError, redis.RedisError) as error:
                if not _is_outage(error):
                    raise
                self._redis.trip(OUTAGE_RETRY_SECONDS)
                logger.warning("Redis lock store unreachable; using this server's own locks "
                               "for %.0f s", OUTAGE_RETRY_SECONDS)
        if held is None:
            async with self._local.lock(conversation_id, lock_lifetime,
                                        wait_time_in_seconds) as local:
                yield local
            return
        try:
            yield held
        finally:
            try:
                self.cleanup(conversation_id, ticket)
            except redis.RedisError:
                # The ticket expires with its lifetime; the parent has had the answer already.
                logger.warning("Redis lock store unreachable while releasing a lock")

    def _key_for(self, conversation_id: str) -> str:
        return pseudonymise(conversation_id, self._pseudonym_key)

    # -- atomic versions of every read-modify-write the base class does ----------------------

    def _update(self, conversation_id: str, change: Callable[[TicketLock], T],
                create: bool) -> T | None:
        """Apply `change` to the stored lock inside a WATCH/MULTI/EXEC transaction.

        The lock is deleted when `change` leaves it with no tickets, so a conversation's lock
        never outlives its last message. Returns `change`'s result (None when no lock existed
        and `create` was False).
        """
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            for _ in range(MAX_CONFLICT_RETRIES):
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    if raw is None and not create:
                        pipe.unwatch()
                        return None
                    lock = (TicketLock.from_dict(json.loads(raw)) if raw
                            else self.create_lock(conversation_id))
                    result = change(lock)
                    pipe.multi()
                    if lock.tickets:
                        pipe.set(key, lock.dumps())
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue
        raise LockError(f"lock for a conversation kept changing ({MAX_CONFLICT_RETRIES} tries)")

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            ticket = self._update(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime),
                                  create=True)
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock: {error}") from error
        assert ticket is not None  # create=True always yields a lock
        return ticket

    def update_lock(self, conversation_id: str) -> None:
        self._update(conversation_id, lambda lock: lock.remove_expired_tickets(), create=False)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._update(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number),
                     create=False)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        # finish_serving deletes the lock once no ticket is left, in the same transaction, so
        # there is no gap in which another server's fresh ticket could be deleted with it.
        self.finish_serving(conversation_id, ticket_number)


_PASSTHROUGH = {"socket_timeout", "ssl_certfile", "ssl_keyfile", "ssl_ca_certs"}


def _is_outage(error: BaseException) -> bool:
    """A Redis error, as itself or as the cause of Rasa's LockError (not an expired lock)."""
    return isinstance(error, redis.RedisError) or isinstance(error.__cause__, redis.RedisError)


def _redis_url(endpoint_config: EndpointConfig | None) -> str | None:
    """`BOT_REDIS_URL` wins (the environment always does), else `url:` in endpoints.yml."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url
    return (endpoint_config.url if endpoint_config else None) or None
